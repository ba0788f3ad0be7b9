/**
 * Checkpoints along the live cluster's history, so that a jump into the past replays minutes, not the
 * whole session. A checkpoint is a cluster replayed from the seed up to a point of the history and
 * left there, untouched. The engine's state (timers holding closures, xstate actors) cannot be copied,
 * so a checkpoint is used up when a jump starts from it; the slot is then rebuilt in the background,
 * by a builder that replays from the seed during the worker's idle time (one slot at a time, the
 * earliest missing first), or from a cluster the timeline no longer needs (the last view, on "back to
 * now").
 *
 * Slots sit at multiples of `spacing` virtual ms (and one at EARLY_SLOT_MS); at most `maxSlots` of those. When the history
 * outgrows them the spacing doubles and every other slot goes, so memory stays bounded (each slot is
 * a whole small cluster, about 2.3 MB for the default one with five replicas) and a jump replays at most `spacing` of history.
 */
import { createCluster, type Cluster } from '../../engine/cluster';
import type { PresetName } from '../../engine/scenarios/presets';
import { compareCursors, cursorAtOffset, HISTORY_START, replayBetween, type HistoryCursor, type Inputs } from './historyCursor';

export interface Positioned {
  cluster: Cluster;
  cursor: HistoryCursor;
}

interface Slot {
  offset: number;
  cursor: HistoryCursor;
  cluster: Cluster | undefined;
}

export interface CheckpointOptions {
  seed: number;
  preset: PresetName | null;
  /** Virtual ms between slots at first. */
  spacing?: number;
  maxSlots?: number;
}

export const FIRST_SPACING_MS = 2 * 60_000;
/**
 * One more slot half a minute in, when the starter app has come up: building a cluster from the seed
 * (the kubeadm control plane, the first image pulls) is the dearest part of any replay.
 */
export const EARLY_SLOT_MS = 30_000;
export const MAX_SLOTS = 12;

export class Checkpoints {
  private spacing: number;
  private maxSlots: number;
  private slots: Slot[] = [];
  /** A cluster on its way to the earliest missing slot. */
  private builder: (Positioned & { target: number }) | undefined;

  constructor(private readonly opts: CheckpointOptions) {
    this.spacing = opts.spacing ?? FIRST_SPACING_MS;
    this.maxSlots = opts.maxSlots ?? MAX_SLOTS;
  }

  /** A cluster at the start of the history: the seed and preset, no input yet. */
  fresh(): Positioned {
    return { cluster: createCluster({ seed: this.opts.seed, ...(this.opts.preset ? { preset: this.opts.preset } : {}) }), cursor: HISTORY_START };
  }

  /** How many checkpoints hold a cluster now (memory: each is a whole cluster). */
  get ready(): number {
    return this.slots.filter((s) => s.cluster).length;
  }

  get slotSpacing(): number {
    return this.spacing;
  }

  /** Fewer slots for a bigger cluster (each slot is a whole copy of it); 0 keeps none. */
  limitSlots(maxSlots: number): void {
    this.maxSlots = Math.max(0, Math.floor(maxSlots));
  }

  /** Where `take(target)` would start from, short of a fresh cluster. */
  bestCursor(target: HistoryCursor): HistoryCursor | undefined {
    let best: HistoryCursor | undefined;
    for (const c of [...this.slots.filter((s) => s.cluster).map((s) => s.cursor), ...(this.builder ? [this.builder.cursor] : [])]) {
      if (compareCursors(c, target) <= 0 && (!best || compareCursors(c, best) > 0)) best = c;
    }
    return best;
  }

  /**
   * The best cluster to replay forward from to reach `target`: the latest checkpoint (or the builder)
   * at or before it, taken out (its slot gets rebuilt later), or a fresh one.
   */
  take(target: HistoryCursor): Positioned {
    let best: Slot | undefined;
    for (const slot of this.slots) {
      if (slot.cluster && compareCursors(slot.cursor, target) <= 0 && (!best || compareCursors(slot.cursor, best.cursor) > 0)) best = slot;
    }
    const builder = this.builder;
    if (builder && compareCursors(builder.cursor, target) <= 0 && (!best || compareCursors(builder.cursor, best.cursor) > 0)) {
      this.builder = undefined;
      return { cluster: builder.cluster, cursor: builder.cursor };
    }
    if (best?.cluster) {
      const taken = { cluster: best.cluster, cursor: best.cursor };
      best.cluster = undefined;
      return taken;
    }
    return this.fresh();
  }

  /** A cluster the timeline has done with: it becomes the builder if it is behind a missing slot and ahead of the builder. */
  donate(given: Positioned): void {
    const missing = this.slots.find((s) => !s.cluster && compareCursors(given.cursor, s.cursor) <= 0);
    if (!missing) return;
    if (this.builder && compareCursors(this.builder.cursor, given.cursor) >= 0 && this.builder.target <= missing.offset) return;
    this.builder = { ...given, target: missing.offset };
  }

  /** The history was cut at `cursor` (a fork): checkpoints beyond it no longer belong to it. */
  truncate(cursor: HistoryCursor): void {
    this.slots = this.slots.filter((s) => compareCursors(s.cursor, cursor) <= 0);
    if (this.builder && compareCursors(this.builder.cursor, cursor) > 0) this.builder = undefined;
  }

  /**
   * Background work: keeps the slots in line with the history (`inputs` reach `length` ms), then
   * moves the builder on until `outOfTime` says stop. Returns whether any work is left.
   */
  work(inputs: Inputs, length: number, outOfTime: () => boolean): boolean {
    this.plan(inputs, length);
    for (;;) {
      const missing = this.slots.find((s) => !s.cluster);
      if (!missing) {
        this.builder = undefined;
        return false;
      }
      if (!this.builder || compareCursors(this.builder.cursor, missing.cursor) > 0) this.builder = { ...this.fresh(), target: missing.offset };
      const builder = this.builder;
      builder.target = missing.offset;
      builder.cursor = replayBetween(builder.cluster, inputs, builder.cursor, missing.cursor, outOfTime);
      if (compareCursors(builder.cursor, missing.cursor) < 0) return true;
      missing.cluster = builder.cluster;
      this.builder = undefined;
      if (outOfTime()) return this.slots.some((s) => !s.cluster);
    }
  }

  /** Slots at every `spacing` ms the history has reached; the spacing doubles when there would be too many. */
  private plan(inputs: Inputs, length: number): void {
    if (this.maxSlots < 1) {
      this.slots = [];
      this.builder = undefined;
      return;
    }
    while (Math.floor(length / this.spacing) > this.maxSlots) {
      this.spacing *= 2;
      this.slots = this.slots.filter((s) => s.offset % this.spacing === 0 || s.offset === EARLY_SLOT_MS);
    }
    const have = new Set(this.slots.map((s) => s.offset));
    let added = false;
    const offsets = [EARLY_SLOT_MS];
    for (let offset = this.spacing; offset < length; offset += this.spacing) offsets.push(offset);
    for (const offset of offsets) {
      // Strictly before the end: a cursor at the very end would move when the last advance grows.
      if (have.has(offset) || offset >= length) continue;
      this.slots.push({ offset, cursor: cursorAtOffset(inputs, offset), cluster: undefined });
      added = true;
    }
    if (added) this.slots.sort((a, b) => a.offset - b.offset);
  }
}
