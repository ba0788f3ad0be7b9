/**
 * What the page says about the cluster kept across reloads: nothing when it came back as it was; a
 * notice when the saved one could not be used (set aside, fresh cluster). A save the browser refuses is
 * reported with the other storage refusals (storageNoticeStore).
 */
import { create } from 'zustand';

export type SavedClusterNotice =
  /** The saved record could not be read (`reason`: not-json, unknown-format, newer-version, bad-snapshot, bad-clock). */
  | { kind: 'setAside'; reason: string }
  /** It was read, but replaying it failed. */
  | { kind: 'replayFailed'; message: string };

export interface SavedClusterState {
  notice: SavedClusterNotice | undefined;
  show(notice: SavedClusterNotice): void;
  dismiss(): void;
}

export const useSavedClusterStore = create<SavedClusterState>()((set) => ({
  notice: undefined,
  show: (notice) => set({ notice }),
  dismiss: () => set({ notice: undefined }),
}));
