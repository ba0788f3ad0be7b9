/**
 * What the page says about the browser's storage: work read back at load that had to be set aside
 * (the wrong shape, so the page opened without it), and work the browser refuses to store (quota
 * exceeded, storage turned off), which will then not survive a reload. Each notice can be dismissed;
 * a storage refusal comes back only if something new cannot be stored.
 */
import { create } from 'zustand';

/** What the page keeps in storage and reports on: the cluster, and the workbench (editor files, console history). */
export type StoredWork = 'cluster' | 'files' | 'history';

export interface SetAsideItem {
  what: 'files' | 'history';
  /** How many entries were left out; `whole`: the saved value as a whole could not be read. */
  count: number;
  whole: boolean;
}

export interface StorageNoticeState {
  setAside: SetAsideItem[];
  setAsideDismissed: boolean;
  /** What the last attempt to store failed for (a later success takes it off). */
  notSaved: StoredWork[];
  notSavedDismissed: boolean;
  reportSetAside(item: SetAsideItem): void;
  /** The outcome of a write: false when the browser refused it. */
  reportSave(what: StoredWork, ok: boolean): void;
  dismissSetAside(): void;
  dismissNotSaved(): void;
}

export const useStorageNoticeStore = create<StorageNoticeState>()((set) => ({
  setAside: [],
  setAsideDismissed: false,
  notSaved: [],
  notSavedDismissed: false,
  reportSetAside: (item) => set((s) => ({ setAside: [...s.setAside.filter((i) => i.what !== item.what), item], setAsideDismissed: false })),
  reportSave: (what, ok) =>
    set((s) => {
      const failing = s.notSaved.includes(what);
      if (ok === !failing) return {};
      return ok ? { notSaved: s.notSaved.filter((w) => w !== what) } : { notSaved: [...s.notSaved, what], notSavedDismissed: false };
    }),
  dismissSetAside: () => set({ setAsideDismissed: true }),
  dismissNotSaved: () => set({ notSavedDismissed: true }),
}));
