/**
 * `kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [-it] -- COMMAND [args...]`: runs a command in a
 * running container and prints what it printed; a non-zero exit becomes kubectl's `command terminated
 * with exit code N` and the same exit code. With `-it` and a shell in the console, the session stays
 * open and each line typed runs in the container (see ShellSession) until `exit` or Ctrl+C.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../objects';
import type { CommandContext } from '../context';
import { KubectlError } from '../errors';
import type { ContainerExecResult, KubectlHost } from '../host';
import { BaseSession } from '../session';
import { podFor } from './logs';

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', '/bin/sh', '/bin/bash', '/bin/ash', '/bin/zsh', '/usr/bin/bash']);

/** The container kubectl uses: `-c`, else the default-container annotation, else the first (with a note if there are more). */
export function chooseContainer(ctx: CommandContext, pod: Stored<Pod>): string {
  const containers = pod.spec?.containers ?? [];
  const all = [...containers, ...(pod.spec?.initContainers ?? [])];
  const wanted = ctx.flags.string('container');
  if (wanted) return wanted;
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated) return annotated;
  const first = containers[0]?.name ?? '';
  if (containers.length > 1) ctx.err(`Defaulted container "${first}" out of: ${all.map((c) => c.name).join(', ')}`);
  return first;
}

function print(ctx: CommandContext, r: ContainerExecResult): void {
  for (const line of r.output) (line.stderr ? ctx.err.bind(ctx) : ctx.out.bind(ctx))(line.text);
}

export function runExec(ctx: CommandContext): number {
  const word = ctx.operands[0];
  if (!word) throw new KubectlError("error: you must specify at least one command for the container\nSee 'kubectl exec -h' for help and examples");
  const command = ctx.args.passthrough;
  if (ctx.operands.length > 1) {
    throw new KubectlError("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples");
  }
  if (command.length === 0) throw new KubectlError("error: you must specify at least one command for the container\nSee 'kubectl exec -h' for help and examples");
  const pod = podFor(ctx, word, true);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`error: cannot exec into a container in a completed pod; current phase is ${phase}`);
  const container = chooseContainer(ctx, pod);
  const exec = ctx.host.exec;
  if (!exec) throw new KubectlError('error: exec is not available in this cluster');
  const namespace = pod.metadata.namespace ?? ctx.namespace;
  const interactive = ctx.flags.bool('stdin');
  const tty = ctx.flags.bool('tty');
  const shell = command.length === 1 && SHELLS.has(command[0]!);
  if (shell && interactive) {
    // Check the shell exists (the runtime refuses a missing one) by running it with nothing to read.
    exec({ namespace, pod: pod.metadata.name, container, command });
    if (ctx.streaming) {
      ctx.session = new ShellSession(ctx.host, { namespace, pod: pod.metadata.name, container, shell: command[0]! }, tty);
      return 0;
    }
    // A script has no terminal to type into: the shell reads an empty stdin and exits.
    if (tty) ctx.err('Unable to use a TTY - input is not a terminal or the right kind of file');
    return 0;
  }
  if (tty && !interactive) ctx.err('Unable to use a TTY - input is not a terminal or the right kind of file');
  const r = exec({ namespace, pod: pod.metadata.name, container, command });
  print(ctx, r);
  if (r.endless && ctx.streaming) {
    ctx.session = new EndlessSession(ctx.host);
    return 0;
  }
  if (r.exitCode !== 0) {
    ctx.err(`command terminated with exit code ${r.exitCode}`);
    return r.exitCode;
  }
  return 0;
}

/** A command that runs until Ctrl+C (`kubectl exec web -- tail -f /var/log/nginx/access.log`). */
class EndlessSession extends BaseSession {
  constructor(host: KubectlHost) {
    super(host, undefined);
  }
  protected check(): void {}
  protected timedOut(): void {}
}

/** The prompt each image's shell shows root (busybox ash: `/ # `; Debian's bash: `root@<host>:/# `). */
function prompt(shell: string, hostname: string): string {
  const name = shell.replace(/^.*\//, '');
  return name === 'bash' ? `root@${hostname}:/# ` : name === 'sh' || name === 'ash' ? '/ # ' : '# ';
}

/**
 * An interactive shell in a container: every line typed runs there (`sh -c LINE`) and prints its
 * output. `exit [N]` ends it (kubectl then reports a non-zero N); the container going away ends it as
 * kubectl's stream would. The prompt (`/ # `) is for the terminal to show beside the line being typed;
 * it is not part of the output.
 */
export class ShellSession extends BaseSession {
  readonly interactive = true;
  private readonly promptText: string;

  constructor(
    host: KubectlHost,
    private readonly target: { namespace: string; pod: string; container: string; shell: string },
    tty: boolean,
  ) {
    super(host, undefined);
    const pod = host.api.peek<Pod>('Pod', target.namespace, target.pod);
    this.promptText = tty ? prompt(target.shell, pod?.spec?.hostname ?? target.pod) : '';
  }

  get prompt(): string {
    return this.promptText;
  }

  /** One line typed at the prompt. */
  input(line: string): void {
    if (this.finished) return;
    const trimmed = line.trim();
    const exit = /^exit(?:\s+(\d+))?$/.exec(trimmed);
    if (exit) {
      const code = Number(exit[1] ?? 0);
      if (code !== 0) this.err(`command terminated with exit code ${code}\n`);
      this.finish(code);
      return;
    }
    if (trimmed !== '') {
      try {
        const r = this.host.exec!({ namespace: this.target.namespace, pod: this.target.pod, container: this.target.container, command: [this.target.shell, '-c', line], interactive: true });
        for (const o of r.output) (o.stderr ? this.err.bind(this) : this.out.bind(this))(`${o.text}\n`);
      } catch (e) {
        this.err(`${(e as Error).message}\n`);
        this.finish(1);
        return;
      }
    }
  }

  protected check(): void {
    const pod = this.host.api.peek<Pod>('Pod', this.target.namespace, this.target.pod);
    const running = pod?.status?.containerStatuses?.find((c) => c.name === this.target.container)?.state?.running;
    if (!pod || !running) {
      this.err('command terminated with exit code 137\n');
      this.finish(137);
    }
  }

  protected timedOut(): void {}
}
