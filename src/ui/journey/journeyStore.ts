/**
 * The followed journey on the page: the record the worker sends (its hops grow while the cluster works)
 * and the replay's place in it. The page never decides a hop: it only steps through the recorded ones.
 * Small and free of React, so the client can feed it without loading the player.
 */
import { create } from 'zustand';
import type { JourneyRecord } from '../../engine/journey/journeyRecorder';

export type JourneyStatus = 'closed' | 'starting' | 'open' | 'failed';

export interface JourneyState {
  status: JourneyStatus;
  record: JourneyRecord | undefined;
  /** The hop on show (-1 before the first arrived). */
  index: number;
  playing: boolean;
  /** The student stepped to the last hop of a complete journey (the lesson's check). */
  watchedToEnd: boolean;
  error: string | undefined;
  opening(): void;
  failed(error: string): void;
  /** A record from the worker: the first of a journey opens the player on its first hop. */
  receive(record: JourneyRecord): void;
  goTo(index: number): void;
  next(): void;
  back(): void;
  setPlaying(playing: boolean): void;
  close(): void;
}

function clampIndex(index: number, record: JourneyRecord | undefined): number {
  const last = (record?.hops.length ?? 0) - 1;
  return Math.max(Math.min(index, last), last < 0 ? -1 : 0);
}

function reachedEnd(index: number, record: JourneyRecord | undefined): boolean {
  return !!record && record.state === 'complete' && index === record.hops.length - 1;
}

export const useJourneyStore = create<JourneyState>()((set, get) => ({
  status: 'closed',
  record: undefined,
  index: -1,
  playing: false,
  watchedToEnd: false,
  error: undefined,
  opening: () => set({ status: 'starting', record: undefined, index: -1, playing: true, error: undefined }),
  failed: (error) => set({ status: 'failed', error, playing: false }),
  receive: (record) =>
    set((s) => {
      if (s.status === 'closed' || s.status === 'failed') return s;
      // A record of an older journey, still in flight after a new one started, is dropped.
      if (s.record && record.id < s.record.id) return s;
      const fresh = s.record?.id !== record.id;
      const index = fresh ? clampIndex(0, record) : clampIndex(s.index, record);
      return { status: 'open', record, index, watchedToEnd: s.watchedToEnd || reachedEnd(index, record) };
    }),
  goTo: (index) =>
    set((s) => {
      const i = clampIndex(index, s.record);
      return { index: i, watchedToEnd: s.watchedToEnd || reachedEnd(i, s.record) };
    }),
  next: () => get().goTo(get().index + 1),
  back: () => set({ playing: false, ...indexUpdate(get(), get().index - 1) }),
  setPlaying: (playing) => set({ playing }),
  close: () => set({ status: 'closed', playing: false, record: undefined, index: -1, error: undefined }),
}));

function indexUpdate(s: JourneyState, index: number): Pick<JourneyState, 'index' | 'watchedToEnd'> {
  const i = clampIndex(index, s.record);
  return { index: i, watchedToEnd: s.watchedToEnd || reachedEnd(i, s.record) };
}
