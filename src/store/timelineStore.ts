/**
 * The page's mirror of the timeline (the worker's TimelineState: span, marks, the moment on screen),
 * plus where the handle is while a drag waits for the worker. Written by the SimClient and the
 * timeline's requests (client/timelineClient.ts); nothing here decides what the cluster was.
 */
import { create } from 'zustand';
import type { TimelineState } from '../worker/timeline/types';

export interface TimelineStoreState {
  state: TimelineState | undefined;
  /** The moment the student moved the handle to, until the worker shows it. */
  pendingAt: number | undefined;
  /** Real milliseconds the last jump took in the worker. */
  lastReplayMs: number | undefined;
  setState(state: TimelineState): void;
  setPending(at: number | undefined): void;
  setReplayMs(ms: number): void;
}

export const useTimelineStore = create<TimelineStoreState>()((set) => ({
  state: undefined,
  pendingAt: undefined,
  lastReplayMs: undefined,
  setState: (state) => set({ state }),
  setPending: (pendingAt) => set({ pendingAt }),
  setReplayMs: (lastReplayMs) => set({ lastReplayMs }),
}));

/** The moment on screen in the past, or undefined for the live cluster. */
export const selectViewing = (s: TimelineStoreState): number | undefined => s.state?.viewing ?? undefined;
