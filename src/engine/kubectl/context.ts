/**
 * What every kubectl command gets: the cluster it talks to, its parsed arguments, the namespace it
 * works in, and the two output streams. Output already written stays when a command fails halfway,
 * as it would on a terminal.
 */
import type { KubectlHost } from './host';
import { Flags, type ParsedArgs } from './args';
import { KubectlError } from './errors';
import type { KubectlSession } from './session';

export class CommandContext {
  readonly flags: Flags;
  private readonly stdout: string[] = [];
  private readonly stderr: string[] = [];
  /** A command that goes on waiting leaves its session here (only when the caller can stream). */
  session: KubectlSession | undefined;

  constructor(
    readonly host: KubectlHost,
    readonly args: ParsedArgs,
    /** Positional words after the command word(s). */
    readonly operands: string[],
    /** The caller polls sessions (the console); otherwise waiting commands answer at once (scripts, replay). */
    readonly streaming = false,
  ) {
    this.flags = new Flags(args);
  }

  get api() {
    return this.host.api;
  }

  get nowMs(): number {
    return this.host.clock.now();
  }

  /** `-n`, else the kubeconfig context's namespace (`config set-context --current --namespace`), else `default`. */
  get namespace(): string {
    return this.flags.string('namespace') || this.host.kubeconfig?.namespace || 'default';
  }

  /** Whether `-n` was given explicitly (kubectl's enforceNamespace). */
  get namespaceExplicit(): boolean {
    return this.flags.has('namespace');
  }

  get allNamespaces(): boolean {
    return this.flags.bool('all-namespaces');
  }

  /** Writes text to stdout; a trailing newline is added unless present. */
  out(text: string): void {
    this.stdout.push(text.endsWith('\n') ? text : text + '\n');
  }

  /** Writes raw text to stdout, as is. */
  write(text: string): void {
    this.stdout.push(text);
  }

  err(text: string): void {
    this.stderr.push(text.endsWith('\n') ? text : text + '\n');
  }

  get stdoutText(): string {
    return this.stdout.join('');
  }

  get stderrText(): string {
    return this.stderr.join('');
  }

  /** The `--dry-run` strategy: none, client (nothing sent) or server (admission runs, nothing stored). */
  get dryRun(): 'none' | 'client' | 'server' {
    const v = this.flags.string('dry-run');
    if (v === undefined || v === 'none') return 'none';
    if (v === 'client' || v === 'server') return v;
    throw new KubectlError(`error: Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
  }

  /** The suffix kubectl adds to success lines under --dry-run. */
  get dryRunSuffix(): string {
    const d = this.dryRun;
    return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : '';
  }
}
