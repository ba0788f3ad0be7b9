/**
 * One container instance's log, as the runtime keeps it on the node (`/var/log/pods/...`): lines with
 * the virtual time they were written, bounded (the kubelet rotates logs at containerLogMaxSize; we keep
 * the last lines). A loop that prints forever (`while true; do echo ...; sleep 5; done`) is not stored
 * line by line: its lines are produced when someone reads them, so 10,000 chatty pods cost nothing.
 */

export interface LogLine {
  atMs: number;
  text: string;
}

/** Lines a looping program prints: iteration `n` (0-based) starts at `startMs + n * periodMs`. */
export interface LogLoop {
  startMs: number;
  periodMs: number;
  /** Stops at this time (the container exited or was killed); undefined while it runs. */
  endMs?: number;
  render(iteration: number, atMs: number): string[];
}

export const MAX_LOG_LINES = 5000;

export class ContainerLog {
  private lines: LogLine[] = [];
  private loop: LogLoop | undefined;
  /** What the program prints as it starts, shared between containers (offsets from `preludeMs`). */
  private prelude: ReadonlyArray<{ offsetMs: number; text: string }> | undefined;
  private preludeMs = 0;

  setPrelude(startMs: number, output: ReadonlyArray<{ offsetMs: number; text: string }>): void {
    this.prelude = output;
    this.preludeMs = startMs;
  }

  append(atMs: number, text: string): void {
    this.lines.push({ atMs, text });
    if (this.lines.length > MAX_LOG_LINES * 2) this.lines = this.lines.slice(-MAX_LOG_LINES);
  }

  setLoop(loop: LogLoop): void {
    this.loop = loop;
  }

  /** The loop stops printing (the process ended). */
  stopLoop(atMs: number): void {
    if (this.loop && this.loop.endMs === undefined) this.loop.endMs = atMs;
  }

  /** Lines written up to `nowMs`, oldest first; `tail` keeps only the last ones. */
  read(nowMs: number, tail?: number): LogLine[] {
    const limit = Math.min(tail ?? MAX_LOG_LINES, MAX_LOG_LINES);
    let stored = this.lines.filter((l) => l.atMs <= nowMs);
    if (this.prelude && this.prelude.length > 0) {
      const first: LogLine[] = [];
      for (const o of this.prelude) if (this.preludeMs + o.offsetMs <= nowMs) first.push({ atMs: this.preludeMs + o.offsetMs, text: o.text });
      stored = mergeByTime(first, stored);
    }
    const loop = this.loop;
    if (!loop) return stored.slice(-limit);
    const until = Math.min(nowMs, loop.endMs ?? nowMs);
    const generated: LogLine[] = [];
    if (until >= loop.startMs) {
      const last = Math.floor((until - loop.startMs) / Math.max(1, loop.periodMs));
      // Lines per iteration are few: start far enough back to fill `limit` lines.
      const first = Math.max(0, last - limit);
      for (let i = first; i <= last; i++) {
        const at = loop.startMs + i * loop.periodMs;
        if (at > until) break;
        for (const text of loop.render(i, at)) generated.push({ atMs: at, text });
      }
    }
    const merged = mergeByTime(stored, generated);
    return merged.slice(-limit);
  }
}

function mergeByTime(a: LogLine[], b: LogLine[]): LogLine[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: LogLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.atMs <= b[j]!.atMs)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}
