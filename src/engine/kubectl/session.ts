/**
 * Commands that wait while the cluster changes (`get -w`, `rollout status`, `wait`, `delete` until the
 * object is gone) return a session next to their first output. The caller advances virtual time and
 * polls: each poll hands over what the command printed since, and whether it has finished. Sessions
 * only read the cluster, so a recorded history never needs them to replay; `cancel()` is Ctrl+C.
 */
import type { KubectlHost } from './host';
import { KubectlError } from './errors';

export interface SessionOutput {
  stdout: string;
  stderr: string;
  done: boolean;
  /** Meaningful once `done`. */
  exitCode: number;
}

export interface KubectlSession {
  poll(): SessionOutput;
  /** Stops waiting (Ctrl+C): nothing more is printed and the session lets go of its watch. */
  cancel(): void;
  /** When the session gives up by itself (its --timeout), in virtual epoch ms; undefined: never. */
  readonly deadline: number | undefined;
  /** An interactive session (`exec -it POD -- sh`) takes the lines typed at its prompt. */
  input?(line: string): void;
  /** What an interactive session's prompt looks like (`/ # `), for the terminal to show. */
  readonly prompt?: string;
}

/** kubectl's "a week" for timeouts it takes as "no limit" (delete's 0, wait's negative values). */
export const A_WEEK_MS = 7 * 24 * 3_600_000;

/**
 * A Go duration as kubectl's --timeout takes it (`30s`, `1m30s`, `500ms`, `0`); a bare number is
 * refused as Go's time.ParseDuration refuses it, except 0.
 */
export function parseTimeoutFlag(value: string): number {
  const v = value.trim();
  if (v === '0') return 0;
  const m = /^(-?)((?:\d+(?:\.\d+)?(?:ms|s|m|h))+)$/.exec(v);
  if (!m) throw new KubectlError(`error: invalid argument "${value}" for "--timeout" flag: time: ${/^-?\d+(\.\d+)?$/.test(v) ? 'missing unit in' : 'invalid'} duration "${value}"`);
  let total = 0;
  for (const part of m[2]!.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) {
    total += Number(part[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[part[2] as 'ms' | 's' | 'm' | 'h'];
  }
  return Math.round(m[1] ? -total : total);
}

/** Buffers output between polls, keeps the exit code, and gives up at its deadline. */
export abstract class BaseSession implements KubectlSession {
  private stdoutBuf = '';
  private stderrBuf = '';
  private exit: number | undefined;

  constructor(
    protected readonly host: KubectlHost,
    readonly deadline: number | undefined,
  ) {}

  get finished(): boolean {
    return this.exit !== undefined;
  }

  poll(): SessionOutput {
    if (this.exit === undefined) this.check();
    if (this.exit === undefined && this.deadline !== undefined && this.host.clock.now() >= this.deadline) {
      this.timedOut();
      if (this.exit === undefined) this.finish(1);
    }
    const out: SessionOutput = { stdout: this.stdoutBuf, stderr: this.stderrBuf, done: this.exit !== undefined, exitCode: this.exit ?? 0 };
    this.stdoutBuf = '';
    this.stderrBuf = '';
    return out;
  }

  cancel(): void {
    if (this.exit === undefined) this.finish(130);
  }

  protected out(text: string): void {
    if (this.exit === undefined) this.stdoutBuf += text;
  }

  protected err(text: string): void {
    if (this.exit === undefined) this.stderrBuf += text;
  }

  protected finish(exitCode: number): void {
    if (this.exit !== undefined) return;
    this.exit = exitCode;
    this.dispose();
  }

  /** Looks at the cluster now; writes and finishes as the command would. */
  protected abstract check(): void;
  /** Writes the timeout error. */
  protected abstract timedOut(): void;
  /** Lets go of watches. */
  protected dispose(): void {}
}
