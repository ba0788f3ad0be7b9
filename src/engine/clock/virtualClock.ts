/**
 * The cluster's virtual clock. Nothing in the engine reads the wall clock: every delay (heartbeats,
 * probes, backoff, grace periods, image pulls) is a timer here, and `advance(ms)` fires the due timers
 * in due-time order, moving `now` to each timer's due time before it runs. Timers that a running timer
 * schedules inside the advanced window fire in the same call, so one large advance behaves exactly like
 * many small ones (XState's SimulatedClock does not, which is why the engine schedules by due time).
 *
 * It implements XState's `Clock` interface (`setTimeout`/`clearTimeout`), so actors created with
 * `createActor(machine, { clock })` run their `after` delays on virtual time.
 */

import { BinaryHeap } from './binaryHeap';

export type TimerId = number;

interface Timer {
  id: TimerId;
  due: number;
  /** Insertion order: timers due at the same instant fire first-scheduled, first-fired. */
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

/** 2026-01-01T00:00:00Z: a fixed epoch, so that a given seed and input give byte-identical output. */
export const DEFAULT_EPOCH_MS = Date.UTC(2026, 0, 1, 0, 0, 0);

export class VirtualClock {
  private current: number;
  private readonly heap = new BinaryHeap<Timer>((a, b) => a.due < b.due || (a.due === b.due && a.seq < b.seq));
  /** Timers not yet fired or cancelled, by id: clearTimeout of a fired timer finds nothing to keep. */
  private readonly live = new Map<TimerId, Timer>();
  private nextId = 1;
  private nextSeq = 0;

  constructor(epochMs: number = DEFAULT_EPOCH_MS) {
    this.current = epochMs;
  }

  /** Current virtual time in epoch milliseconds. */
  now(): number {
    return this.current;
  }

  /** RFC 3339 timestamp with second precision, as the API server writes them. */
  nowRfc3339(): string {
    return toRfc3339(this.current);
  }

  setTimeout(fn: () => void, ms: number): TimerId {
    const id = this.nextId++;
    // A delay that is not a number runs at once, as a browser's setTimeout treats it.
    const delay = Number.isNaN(ms) ? 0 : Math.max(0, ms);
    const timer: Timer = { id, due: this.current + delay, seq: this.nextSeq++, fn, cancelled: false };
    this.heap.push(timer);
    this.live.set(id, timer);
    return id;
  }

  clearTimeout(id: TimerId | undefined): void {
    if (id === undefined) return;
    const timer = this.live.get(id);
    if (!timer) return; // already fired or cleared
    timer.cancelled = true;
    this.live.delete(id);
  }

  /** Number of timers still waiting (cancelled ones excluded lazily, so this is an upper bound). */
  get pendingTimers(): number {
    return this.heap.size;
  }

  /** Due time of the next live timer, or undefined when nothing is scheduled. */
  nextDue(): number | undefined {
    this.dropCancelledHead();
    return this.heap.peek()?.due;
  }

  /** Moves time forward by `ms`, firing every timer that falls due, in order. */
  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`cannot advance the clock by ${ms} ms: a finite duration from 0 up is needed`);
    this.runUntil(this.current + ms);
  }

  /** Fires everything due at the current instant (zero-delay work such as controller queues). */
  flush(): void {
    this.runUntil(this.current);
  }

  private runUntil(target: number): void {
    for (;;) {
      this.dropCancelledHead();
      const head = this.heap.peek();
      if (!head || head.due > target) break;
      this.heap.pop();
      this.live.delete(head.id);
      this.current = head.due;
      head.fn();
    }
    this.current = target;
  }

  private dropCancelledHead(): void {
    for (;;) {
      const head = this.heap.peek();
      if (!head) return;
      if (!head.cancelled) return;
      this.heap.pop();
    }
  }
}

let lastSecond = Number.NaN;
let lastText = '';

/** Memoised per second: the API server stamps many objects within the same virtual second. */
export function toRfc3339(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastText = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastText;
}
