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
