/**
 * The cluster kept across reloads and restarts: the worker's latest snapshot (the cluster's seed and
 * recorded inputs, which replay to the same cluster), the virtual time it reaches, and the clock as the
 * page left it (time, playing or paused, speed). Stored in localStorage as one versioned JSON record.
 *
 * What comes out of storage is untrusted: a value that is not JSON, is not ours, was written by a newer
 * version, or does not hold a valid snapshot is set aside (kept under SET_ASIDE_KEY, so nothing is
 * destroyed) and the page starts a fresh cluster and says why. Older versions of the record are
 * migrated, one version at a time, through MIGRATIONS.
 */
import type { ClusterSnapshot } from '../engine/cluster';
import { advanceSnapshot, checkSnapshot } from '../engine/snapshotFormat';
import { MAX_SPEED, MIN_SPEED, type ClockState } from '../worker/protocol';

export const SAVED_CLUSTER_KEY = 'kube-playground.cluster';
/** Where a record that could not be read is kept, for a person (or a later version) to look at. */
export const SET_ASIDE_KEY = 'kube-playground.cluster.set-aside';

const RECORD_KIND = 'kube-playground/saved-cluster';
export const SAVED_CLUSTER_VERSION = 1;

export interface SavedCluster {
  kind: typeof RECORD_KIND;
  version: typeof SAVED_CLUSTER_VERSION;
  snapshot: ClusterSnapshot;
  /** Virtual time (epoch ms) the snapshot's inputs reach. */
  snapshotNow: number;
  /** The clock when the record was written; `clock.now` is at or past `snapshotNow`. */
  clock: ClockState;
}

/** The storage calls used (localStorage's), so tests can pass a Map. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type Decoded = { ok: true; saved: SavedCluster; migratedFrom?: number } | { ok: false; reason: string };

/**
 * Upgrades a record of version N to N + 1. Version 1 is the first: there is nothing older to migrate
 * yet; a later format adds its step here (and a test with a record of the old shape).
 */
const MIGRATIONS: Readonly<Record<number, (old: Record<string, unknown>) => Record<string, unknown>>> = {};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkClock(value: unknown): ClockState | undefined {
  if (!isRecord(value)) return undefined;
  const { now, running, speed } = value;
  if (typeof now !== 'number' || !Number.isFinite(now) || typeof running !== 'boolean') return undefined;
  if (typeof speed !== 'number' || !(speed >= MIN_SPEED && speed <= MAX_SPEED)) return undefined;
  return { now, running, speed };
}

/** Reads a stored record: the saved cluster (migrated if it was older), or why it cannot be used. */
export function decodeSavedCluster(raw: string): Decoded {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, reason: 'not-json' };
  }
  if (!isRecord(value) || value.kind !== RECORD_KIND) return { ok: false, reason: 'unknown-format' };
  const version = value.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, reason: 'unknown-format' };
  if (version > SAVED_CLUSTER_VERSION) return { ok: false, reason: 'newer-version' };
  let record = value;
  for (let v = version; v < SAVED_CLUSTER_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { ok: false, reason: 'unknown-format' };
    record = { ...step(record), version: v + 1 };
  }
  const snapshot = checkSnapshot(record.snapshot);
  if (!snapshot.ok) return { ok: false, reason: 'bad-snapshot' };
  const clock = checkClock(record.clock);
  const snapshotNow = record.snapshotNow;
  if (!clock || typeof snapshotNow !== 'number' || !Number.isFinite(snapshotNow) || clock.now < snapshotNow) return { ok: false, reason: 'bad-clock' };
  const saved: SavedCluster = { kind: RECORD_KIND, version: SAVED_CLUSTER_VERSION, snapshot: snapshot.snapshot, snapshotNow, clock };
  return version < SAVED_CLUSTER_VERSION ? { ok: true, saved, migratedFrom: version } : { ok: true, saved };
}

export function encodeSavedCluster(snapshot: ClusterSnapshot, snapshotNow: number, clock: ClockState): string {
  const record: SavedCluster = { kind: RECORD_KIND, version: SAVED_CLUSTER_VERSION, snapshot, snapshotNow, clock: { ...clock, now: Math.max(clock.now, snapshotNow) } };
  return JSON.stringify(record);
}

export type Loaded = { kind: 'none' } | { kind: 'restored'; saved: SavedCluster; migratedFrom?: number } | { kind: 'setAside'; reason: string };

/** The saved cluster, if any; an unreadable record is moved to SET_ASIDE_KEY and reported. Never throws. */
export function loadSavedCluster(store: KeyValueStore): Loaded {
  let raw: string | null;
  try {
    raw = store.getItem(SAVED_CLUSTER_KEY);
  } catch {
    return { kind: 'none' };
  }
  if (raw === null) return { kind: 'none' };
  const decoded = decodeSavedCluster(raw);
  if (decoded.ok) return decoded.migratedFrom === undefined ? { kind: 'restored', saved: decoded.saved } : { kind: 'restored', saved: decoded.saved, migratedFrom: decoded.migratedFrom };
  setAside(store, raw);
  return { kind: 'setAside', reason: decoded.reason };
}

/** Moves a record out of the way (a replay of it failed, or it could not be read). */
export function setAside(store: KeyValueStore, raw?: string): void {
  try {
    const value = raw ?? store.getItem(SAVED_CLUSTER_KEY);
    if (value !== null) store.setItem(SET_ASIDE_KEY, value);
    store.removeItem(SAVED_CLUSTER_KEY);
  } catch {
    // Storage unavailable: nothing to keep.
  }
}

/** Writes the record; false when storage refused it (full, or unavailable). */
export function saveCluster(store: KeyValueStore, snapshot: ClusterSnapshot, snapshotNow: number, clock: ClockState): boolean {
  try {
    store.setItem(SAVED_CLUSTER_KEY, encodeSavedCluster(snapshot, snapshotNow, clock));
    return true;
  } catch {
    return false;
  }
}

/** The snapshot to start from: the saved inputs, then the virtual time that passed after them until the page was left. */
export function snapshotToRestore(saved: SavedCluster): ClusterSnapshot {
  return advanceSnapshot(saved.snapshot, saved.clock.now - saved.snapshotNow);
}

/** The page's localStorage, or undefined where there is none or it refuses access (some private modes, file://). */
export function browserStorage(): KeyValueStore | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}
