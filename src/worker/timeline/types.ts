/**
 * What the timeline looks like from the page: the span of the recorded history, its marks, and whether
 * the cluster on screen is the live one or the past. Plain data: it crosses postMessage. Other views
 * (charts, share links) read the same `history` request.
 */

/** faults (injected, or chaos switched on/off), applies, rollouts (a Deployment's new revision), other changes. */
export type MarkKind = 'fault' | 'apply' | 'rollout' | 'change';

export interface TimelineMark {
  /** Virtual time, epoch ms. */
  at: number;
  kind: MarkKind;
  /** What happened, as the student typed it or as kubectl names it: `Deployment/web`, `delete pod web-1`, `node-down worker-1`. */
  label: string;
}

export interface TimelineState {
  /** Virtual time (epoch ms) where the history starts. */
  start: number;
  /** The live cluster's virtual time: the end of the history. */
  now: number;
  /** The moment on screen when it is the past (the live cluster waits, paused); null for the live cluster. */
  viewing: number | null;
  marks: TimelineMark[];
}

export interface TimelineHistory extends TimelineState {
  /**
   * The moments "previous/next event" stops at, ascending: each recorded input the student made, and
   * each second in which the cluster recorded Kubernetes Events (Scheduled, Pulled, Killing ...).
   */
  stops: number[];
}

/** Where a seek goes: a moment, the previous or next stop from where the screen is, or back to the live cluster. */
export type SeekTarget = { at: number } | { step: 'previous' | 'next' } | { now: true };

export interface SeekResult extends TimelineState {
  /** Real milliseconds the worker spent replaying to get there. */
  replayMs: number;
}
