/**
 * A rate-limited work queue of object keys (client-go's workqueue): a key queued twice before it is
 * processed is processed once; a failed sync is retried with per-key exponential backoff (client-go's
 * default controller rate limiter: 5 ms doubling up to 1000 s); `addAfter` delays a key (a controller
 * that must look again later, like a Deployment waiting for minReadySeconds).
 */
import type { VirtualClock } from '../clock/virtualClock';

const BASE_RETRY_MS = 5;
const MAX_RETRY_MS = 1000_000;

export class WorkQueue {
  private readonly queued = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly delayed = new Map<string, number>();
  private flushScheduled = false;
  private generation = 0;

  constructor(
    private readonly clock: VirtualClock,
    private readonly process: (key: string) => void,
  ) {}

  add(key: string): void {
    this.queued.add(key);
    this.scheduleFlush();
  }

  addAfter(key: string, ms: number): void {
    if (ms <= 0) return this.add(key);
    const due = this.clock.now() + ms;
    const existing = this.delayed.get(key);
    if (existing !== undefined && existing <= due) return;
    this.delayed.set(key, due);
    const gen = this.generation;
    this.clock.setTimeout(() => {
      if (gen !== this.generation || this.delayed.get(key) !== due) return;
      this.delayed.delete(key);
      this.add(key);
    }, ms);
  }

  addRateLimited(key: string): void {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    this.addAfter(key, Math.min(MAX_RETRY_MS, BASE_RETRY_MS * 2 ** n));
  }

  forget(key: string): void {
    this.failures.delete(key);
  }

  /** Drops everything queued or delayed (the controller was stopped). */
  clear(): void {
    this.queued.clear();
    this.delayed.clear();
    this.failures.clear();
    this.generation++;
  }

  get length(): number {
    return this.queued.size;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    const gen = this.generation;
    this.clock.setTimeout(() => {
      this.flushScheduled = false;
      if (gen === this.generation) this.drain();
      else if (this.queued.size > 0) this.scheduleFlush();
    }, 0);
  }

  private drain(): void {
    // Keys added while draining (a sync that makes more work) are processed in the same pass.
    while (this.queued.size > 0) {
      const key = this.queued.values().next().value as string;
      this.queued.delete(key);
      this.process(key);
    }
  }
}
