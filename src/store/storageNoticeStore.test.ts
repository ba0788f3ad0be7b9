import { beforeEach, describe, expect, it } from 'vitest';
import { useStorageNoticeStore } from './storageNoticeStore';
import { validateSavedFiles, validateSavedHistory } from './workbenchStore';

describe('storage notices', () => {
  beforeEach(() => useStorageNoticeStore.setState({ setAside: [], setAsideDismissed: false, notSaved: [], notSavedDismissed: false }));

  it('a refused save is listed once; a later successful save takes it off', () => {
    const s = () => useStorageNoticeStore.getState();
    s().reportSave('cluster', false);
    s().reportSave('cluster', false);
    expect(s().notSaved).toEqual(['cluster']);
    s().reportSave('cluster', true);
    expect(s().notSaved).toEqual([]);
  });

  it('dismissed, it stays away while the same things fail, and comes back when something new cannot be stored', () => {
    const s = () => useStorageNoticeStore.getState();
    s().reportSave('cluster', false);
    s().dismissNotSaved();
    s().reportSave('cluster', false);
    expect(s().notSavedDismissed).toBe(true);
    s().reportSave('files', false);
    expect(s().notSavedDismissed).toBe(false);
    expect(s().notSaved).toEqual(['cluster', 'files']);
  });

  it('what was set aside is kept per kind of work, the latest count winning', () => {
    const s = () => useStorageNoticeStore.getState();
    s().reportSetAside({ what: 'files', count: 2, whole: false });
    s().reportSetAside({ what: 'history', count: 1, whole: true });
    s().reportSetAside({ what: 'files', count: 3, whole: false });
    expect(s().setAside).toEqual([
      { what: 'history', count: 1, whole: true },
      { what: 'files', count: 3, whole: false },
    ]);
  });

  it('the validators say when a saved value was unreadable as a whole, not item by item', () => {
    expect(validateSavedFiles({ files: 'not a list' }).whole).toBe(true);
    expect(validateSavedFiles({ files: [{ name: 'a.yaml', text: 'x' }, 5] }).whole).toBeUndefined();
    expect(validateSavedHistory({}).whole).toBe(true);
    expect(validateSavedHistory(['get pods', 3]).whole).toBeUndefined();
  });
});

describe('the cluster keeper reports what storage refuses', () => {
  it('a full storage puts the cluster on the not-saved list; room again takes it off', async () => {
    const { ClusterKeeper } = await import('../client/clusterKeeper');
    const { createCluster } = await import('../engine/cluster');
    useStorageNoticeStore.setState({ notSaved: [], notSavedDismissed: false });
    let full = true;
    const data = new Map<string, string>();
    const keeper = new ClusterKeeper({
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => {
        if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        data.set(k, v);
      },
      removeItem: (k) => void data.delete(k),
    });
    const snapshot = createCluster({ seed: 1 }).snapshot();
    const clock = { now: 0, running: true, speed: 1 };
    keeper.snapshot(snapshot, 0, clock);
    expect(useStorageNoticeStore.getState().notSaved).toEqual(['cluster']);
    full = false;
    keeper.leave(clock);
    expect(useStorageNoticeStore.getState().notSaved).toEqual([]);
  });
});
