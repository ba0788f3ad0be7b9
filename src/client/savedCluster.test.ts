import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine/cluster';
import { SAVED_CLUSTER_KEY, SET_ASIDE_KEY, decodeSavedCluster, encodeSavedCluster, loadSavedCluster, saveCluster, snapshotToRestore, type KeyValueStore } from './savedCluster';

function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const WEB = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.27\n';

function scaledCluster() {
  const c = createCluster({ seed: 7, preset: 'default' });
  c.apply(WEB);
  c.advance(20_000);
  c.kubectl('scale deployment web --replicas=5');
  c.advance(10_000);
  return c;
}

describe('the saved cluster record', () => {
  it('round-trips: the restored snapshot replays to the same cluster at the same virtual time', () => {
    const c = scaledCluster();
    const now = c.clock.now();
    const decoded = decodeSavedCluster(encodeSavedCluster(c.snapshot(), now, { now, running: false, speed: 2 }));
    if (!decoded.ok) throw new Error(decoded.reason);
    expect(decoded.saved.clock).toEqual({ now, running: false, speed: 2 });
    const again = createCluster({ restore: snapshotToRestore(decoded.saved) });
    expect(again.clock.now()).toBe(now);
    expect(again.kubectl('get deployment web').stdout).toBe(c.kubectl('get deployment web').stdout);
    expect(again.kubectl('get pods').stdout).toBe(c.kubectl('get pods').stdout);
  });

  it('time that passed after the last snapshot, until the page was left, is replayed too', () => {
    const c = scaledCluster();
    const snapshotNow = c.clock.now();
    const snapshot = c.snapshot();
    c.advance(1_500);
    const decoded = decodeSavedCluster(encodeSavedCluster(snapshot, snapshotNow, { now: c.clock.now(), running: true, speed: 1 }));
    if (!decoded.ok) throw new Error(decoded.reason);
    const again = createCluster({ restore: snapshotToRestore(decoded.saved) });
    expect(again.clock.now()).toBe(c.clock.now());
    expect(again.kubectl('get pods').stdout).toBe(c.kubectl('get pods').stdout);
  });

  const valid = () => {
    const c = createCluster({ seed: 1, preset: 'default' });
    return JSON.parse(encodeSavedCluster(c.snapshot(), c.clock.now(), { now: c.clock.now(), running: true, speed: 1 })) as Record<string, unknown>;
  };

  it.each([
    { name: 'not JSON', raw: '{"kind": "kube-pla', reason: 'not-json' },
    { name: 'someone else’s value', raw: JSON.stringify({ hello: 'world' }), reason: 'unknown-format' },
    { name: 'written by a newer version', raw: JSON.stringify({ ...valid(), version: 99 }), reason: 'newer-version' },
    { name: 'a version that never existed', raw: JSON.stringify({ ...valid(), version: 0 }), reason: 'unknown-format' },
    { name: 'a snapshot without inputs', raw: JSON.stringify({ ...valid(), snapshot: { version: 1, seed: 1, preset: 'default', at: 'x' } }), reason: 'bad-snapshot' },
    { name: 'an input of an unknown kind', raw: JSON.stringify({ ...valid(), snapshot: { version: 1, seed: 1, preset: 'default', at: 'x', inputs: [{ op: 'teleport' }] } }), reason: 'bad-snapshot' },
    { name: 'a negative advance', raw: JSON.stringify({ ...valid(), snapshot: { version: 1, seed: 1, preset: 'default', at: 'x', inputs: [{ op: 'advance', ms: -5 }] } }), reason: 'bad-snapshot' },
    { name: 'a speed out of range', raw: JSON.stringify({ ...valid(), clock: { now: 0, running: true, speed: 1e9 } }), reason: 'bad-clock' },
    { name: 'a clock before its snapshot', raw: JSON.stringify({ ...valid(), snapshotNow: 10, clock: { now: 5, running: true, speed: 1 } }), reason: 'bad-clock' },
  ])('refuses $name ($reason)', ({ raw, reason }) => {
    expect(decodeSavedCluster(raw)).toEqual({ ok: false, reason });
  });

  it('an unreadable record is set aside, not deleted, and reported', () => {
    const store = memoryStore({ [SAVED_CLUSTER_KEY]: '{broken' });
    expect(loadSavedCluster(store)).toEqual({ kind: 'setAside', reason: 'not-json' });
    expect(store.data.get(SET_ASIDE_KEY)).toBe('{broken');
    expect(store.data.has(SAVED_CLUSTER_KEY)).toBe(false);
  });

  it('nothing saved: nothing to restore', () => {
    expect(loadSavedCluster(memoryStore())).toEqual({ kind: 'none' });
  });

  it('a full storage refuses the write without throwing', () => {
    const store: KeyValueStore = { getItem: () => null, removeItem: () => undefined, setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
    const c = createCluster({ seed: 1, preset: 'default' });
    expect(saveCluster(store, c.snapshot(), c.clock.now(), { now: c.clock.now(), running: true, speed: 1 })).toBe(false);
  });
});
