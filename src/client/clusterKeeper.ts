/**
 * Keeps the cluster across reloads: writes each snapshot the worker posts (with the clock), writes the
 * clock again when play/pause/speed change or the page is left, and on the next visit hands back the
 * snapshot to restart from. Storage problems never stop the cluster: they become a notice.
 */
import type { ClusterSnapshot } from '../engine/cluster';
import { useSavedClusterStore } from '../store/savedClusterStore';
import { useStorageNoticeStore } from '../store/storageNoticeStore';
import type { ClockState } from '../worker/protocol';
import { loadSavedCluster, saveCluster, setAside, snapshotToRestore, type KeyValueStore } from './savedCluster';

export interface Resume {
  snapshot: ClusterSnapshot;
  clock: ClockState;
}

export class ClusterKeeper {
  private last: { snapshot: ClusterSnapshot; now: number } | undefined;
  private lastClock: ClockState | undefined;

  constructor(private readonly store: KeyValueStore | undefined) {}

  /** What the last visit left, if it can be used; an unusable record is set aside with a notice. */
  resume(): Resume | undefined {
    if (!this.store) return undefined;
    const loaded = loadSavedCluster(this.store);
    if (loaded.kind === 'setAside') useSavedClusterStore.getState().show({ kind: 'setAside', reason: loaded.reason });
    if (loaded.kind !== 'restored') return undefined;
    return { snapshot: snapshotToRestore(loaded.saved), clock: loaded.saved.clock };
  }

  /** The replay of the saved cluster failed: keep the record aside (SET_ASIDE_KEY), say so, and save the fresh one from now on. */
  replayFailed(message: string): void {
    if (this.store) setAside(this.store);
    this.last = undefined;
    useSavedClusterStore.getState().show({ kind: 'replayFailed', message });
  }

  snapshot(snapshot: ClusterSnapshot, now: number, clock: ClockState): void {
    this.last = { snapshot, now };
    this.write(clock);
  }

  /** A clock message: written when play/pause or speed changed (time moving on alone waits for the next snapshot or pagehide). */
  clock(clock: ClockState): void {
    const before = this.lastClock;
    if (before && before.running === clock.running && before.speed === clock.speed) return;
    this.write(clock);
  }

  /** The page is being left (or hidden): the clock as it stands now. */
  leave(clock: ClockState): void {
    this.write(clock);
  }

  private write(clock: ClockState): void {
    this.lastClock = clock;
    if (!this.store || !this.last) return;
    useStorageNoticeStore.getState().reportSave('cluster', saveCluster(this.store, this.last.snapshot, this.last.now, clock));
  }
}
