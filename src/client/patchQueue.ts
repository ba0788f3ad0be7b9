/**
 * The worker's object patches, applied to the page's mirror at a pace the page can afford. A small
 * cluster's patches go in at once (the next task); when applying them got dear (a mirror of tens of
 * thousands of pods and events, a flood from `replicas: 100000`), the patches that arrive meanwhile
 * wait and go in together, the wait growing with the last apply's cost so that the mirror takes at
 * most about a ninth of the main thread and no single task grows with the flood. A `replace` (the
 * initial list, a reset) drops whatever waited: it is the whole new state.
 */
import type { ObjectChange } from '../worker/protocol';

/** An apply that cost less than this (rendering included) does not slow the next one. */
export const CHEAP_APPLY_MS = 4;
/** Wait this many times the last apply's cost before the next. */
export const COST_FACTOR = 8;
/** The longest wait: the picture is never more than this behind the simulation. */
export const MAX_WAIT_MS = 600;
/** Changes one apply takes at most; a flood is applied over several tasks. */
export const MAX_CHANGES_PER_APPLY = 4000;

export interface PatchQueueOptions {
  apply: (changes: readonly ObjectChange[], replace: boolean) => void;
  now: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** Runs after the current task's microtasks (where React renders a store change): the apply's full cost. */
  afterRender?: (run: () => void) => void;
}

export function waitAfter(costMs: number): number {
  return costMs < CHEAP_APPLY_MS ? 0 : Math.min(MAX_WAIT_MS, costMs * COST_FACTOR);
}

export class PatchQueue {
  private pending: (readonly ObjectChange[])[] = [];
  private timer: unknown = undefined;
  private lastCostMs = 0;
  private readonly setTimer: (run: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly afterRender: (run: () => void) => void;

  constructor(private readonly opts: PatchQueueOptions) {
    this.setTimer = opts.setTimer ?? ((run, ms) => setTimeout(run, ms));
    this.clearTimer = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.afterRender = opts.afterRender ?? ((run) => queueMicrotask(() => queueMicrotask(run)));
  }

  /** Patches waiting to be applied (batches). */
  get waiting(): number {
    return this.pending.length;
  }

  push(changes: readonly ObjectChange[], replace: boolean): void {
    if (replace) {
      this.clear();
      this.run(changes, true);
      return;
    }
    if (changes.length === 0) return;
    this.pending.push(changes);
    if (this.timer === undefined) this.timer = this.setTimer(() => this.flush(), waitAfter(this.lastCostMs));
  }

  /** Applies what waits, as one batch of at most MAX_CHANGES_PER_APPLY changes (whole messages); the rest follows. */
  flush(): void {
    this.timer = undefined;
    if (this.pending.length === 0) return;
    let take = 0;
    let count = 0;
    while (take < this.pending.length && (take === 0 || count + this.pending[take]!.length <= MAX_CHANGES_PER_APPLY)) count += this.pending[take++]!.length;
    const batches = this.pending.slice(0, take);
    this.pending = this.pending.slice(take);
    this.run(batches.length === 1 ? batches[0]! : batches.flat(), false);
    if (this.pending.length > 0) this.afterRender(() => (this.timer ??= this.setTimer(() => this.flush(), waitAfter(this.lastCostMs))));
  }

  /** Forgets what waits (the worker that sent it is gone). */
  clear(): void {
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
    this.pending = [];
  }

  private run(changes: readonly ObjectChange[], replace: boolean): void {
    const started = this.opts.now();
    this.opts.apply(changes, replace);
    this.afterRender(() => {
      this.lastCostMs = this.opts.now() - started;
    });
  }
}
