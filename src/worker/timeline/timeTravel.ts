/**
 * The timeline's engine room: the live cluster, a view of its past (a second cluster replayed to the
 * moment asked for), and the checkpoints that make a jump short. The live cluster is never touched by
 * a jump: it waits, paused, until "back to now" shows it again, or "continue from here" replaces it
 * with the view, which then goes on as the new history (the later inputs are gone).
 */
import type { Cluster } from '../../engine/cluster';
import { Checkpoints, MAX_SLOTS, type Positioned } from './checkpoints';
import { compareCursors, cursorAtOffset, cursorOffset, historyLength, inputOffsets, replayBetween } from './historyCursor';
import { eventStops, inputMarks, rolloutMarks } from './marks';
import type { SeekTarget, TimelineHistory, TimelineMark, TimelineState } from './types';

/**
 * How much cluster the checkpoints may hold in all, in pods plus ten per node: the default cluster
 * (4 nodes, ~20 pods, about 2.3 MB a copy) gets every slot; a cluster of a few hundred pods a handful;
 * a big one (thousands of pods) none, and its jumps replay from the seed.
 */
export const CHECKPOINT_WEIGHT_BUDGET = 1500;

export class TimeTravel {
  private readonly checkpoints: Checkpoints;
  private view: (Positioned & { at: number }) | undefined;
  /** Virtual time (epoch ms) at the history's start. */
  readonly start: number;

  constructor(private liveCluster: Cluster) {
    this.checkpoints = new Checkpoints({ seed: liveCluster.seed, preset: liveCluster.preset });
    this.start = liveCluster.clock.now() - historyLength(liveCluster.recordedInputs);
  }

  get live(): Cluster {
    return this.liveCluster;
  }

  /** The cluster on screen: the view of the past, or the live one. */
  get shown(): Cluster {
    return this.view?.cluster ?? this.liveCluster;
  }

  /** The moment on screen when it is the past. */
  get viewing(): number | undefined {
    return this.view?.at;
  }

  /** Checkpoints holding a cluster, and their spacing (for tests and measurements). */
  get checkpointInfo(): { ready: number; spacingMs: number } {
    return { ready: this.checkpoints.ready, spacingMs: this.checkpoints.slotSpacing };
  }

  /**
   * Shows the cluster as it was at `target` (a moment, the previous or next stop, or now). A moment at
   * or past the live cluster's time is the live cluster itself.
   */
  seek(target: SeekTarget): Cluster {
    const at = this.resolve(target);
    if (at === undefined) return this.shown;
    const inputs = this.liveCluster.recordedInputs;
    if (at >= this.liveCluster.clock.now()) {
      this.backToNow();
      return this.liveCluster;
    }
    const cursor = cursorAtOffset(inputs, Math.max(0, at - this.start));
    const view = this.view;
    let from: Positioned;
    if (view && compareCursors(view.cursor, cursor) <= 0) {
      // Forward from the view on screen (dragging right): only the difference is replayed.
      const best = this.checkpoints.bestCursor(cursor);
      if (best && compareCursors(best, view.cursor) > 0) {
        from = this.checkpoints.take(cursor);
        this.checkpoints.donate(view);
      } else {
        from = view;
      }
    } else {
      from = this.checkpoints.take(cursor);
      if (view) this.checkpoints.donate(view);
    }
    const reached = replayBetween(from.cluster, inputs, from.cursor, cursor);
    this.view = { cluster: from.cluster, cursor: reached, at: this.start + cursorOffset(inputs, reached) };
    return from.cluster;
  }

  /** Shows the live cluster again; the view's cluster goes to the checkpoints' builder if it can help. */
  backToNow(): void {
    if (this.view) this.checkpoints.donate(this.view);
    this.view = undefined;
  }

  /**
   * "Continue from here": the view becomes the live cluster, and the history after it is dropped
   * (its record is the inputs up to the moment viewed). Returns the new live cluster.
   */
  fork(): Cluster {
    const view = this.view;
    if (!view) return this.liveCluster;
    this.checkpoints.truncate(view.cursor);
    this.liveCluster = view.cluster;
    this.view = undefined;
    return this.liveCluster;
  }

  /** Background work between frames: builds missing checkpoints until `outOfTime`. Returns whether work is left. */
  work(outOfTime: () => boolean): boolean {
    const live = this.liveCluster;
    const weight = live.api.count('Pod') + 10 * live.api.count('Node');
    this.checkpoints.limitSlots(Math.min(MAX_SLOTS, CHECKPOINT_WEIGHT_BUDGET / Math.max(1, weight)));
    const inputs = live.recordedInputs;
    return this.checkpoints.work(inputs, historyLength(inputs), outOfTime);
  }

  state(): TimelineState {
    return { start: this.start, now: this.liveCluster.clock.now(), viewing: this.view?.at ?? null, marks: this.marks() };
  }

  history(): TimelineHistory {
    return { ...this.state(), stops: this.stops() };
  }

  marks(): TimelineMark[] {
    const inputs = this.liveCluster.recordedInputs;
    const marks = [...inputMarks(inputs, inputOffsets(inputs), this.start), ...rolloutMarks(this.liveCluster)];
    return marks.sort((a, b) => a.at - b.at);
  }

  /** Where previous/next event stop, ascending: the student's inputs and the seconds with Kubernetes Events. */
  stops(): number[] {
    const now = this.liveCluster.clock.now();
    const all = new Set<number>([...this.marks().map((m) => m.at), ...eventStops(this.liveCluster)]);
    return [...all].filter((at) => at >= this.start && at < now).sort((a, b) => a - b);
  }

  private resolve(target: SeekTarget): number | undefined {
    if ('now' in target) return Infinity;
    if ('at' in target) return Number.isFinite(target.at) ? target.at : undefined;
    const here = this.view?.at ?? this.liveCluster.clock.now();
    const stops = this.stops();
    if (target.step === 'next') return stops.find((s) => s > here) ?? Infinity;
    for (let i = stops.length - 1; i >= 0; i--) if (stops[i]! < here) return stops[i];
    return undefined;
  }
}
