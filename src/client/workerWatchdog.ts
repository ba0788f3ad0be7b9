/**
 * Notices a simulation worker that stopped answering: one that closed itself, or is stuck in a frame
 * or a restore that never ends. The worker posts something every frame while the clock runs and
 * answers a ping at any time; silence beyond the limit means it is gone. Starting (a restore replays
 * the whole history) gets a longer limit than a running cluster.
 */
export const PING_INTERVAL_MS = 1_000;
/** Silence that ends a running worker. */
export const RUNNING_SILENCE_MS = 5_000;
/** Silence that ends a worker still starting (a long history to replay). */
export const STARTING_SILENCE_MS = 30_000;

export type WatchdogVerdict = 'quiet' | 'ping' | 'gone';

export class WorkerWatchdog {
  private lastHeard: number;
  private lastPing = -Infinity;

  constructor(now: number) {
    this.lastHeard = now;
  }

  /** Anything from the worker: a message, a reply. */
  heard(now: number): void {
    this.lastHeard = now;
  }

  /** Called every PING_INTERVAL_MS: whether to ping, or give the worker up. */
  check(now: number, starting: boolean): WatchdogVerdict {
    const silence = now - this.lastHeard;
    if (silence > (starting ? STARTING_SILENCE_MS : RUNNING_SILENCE_MS)) return 'gone';
    if (now - this.lastPing >= PING_INTERVAL_MS) {
      this.lastPing = now;
      return 'ping';
    }
    return 'quiet';
  }

  /** After the page was hidden (timers throttled), silence says nothing: start counting again. */
  forgive(now: number): void {
    this.lastHeard = now;
  }
}
