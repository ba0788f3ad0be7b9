import { describe, expect, it } from 'vitest';
import { bootRunningCluster } from '../../worker/runningCluster';
import { SAVED_CLUSTER_KEY, encodeSavedCluster } from '../../client/savedCluster';
import { firstScreenFitsSavedCluster } from './savedFirstScreen';

const storeWith = (value?: string) => {
  const m = new Map<string, string>(value === undefined ? [] : [[SAVED_CLUSTER_KEY, value]]);
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) };
};

describe('painting the build snapshot when a saved cluster exists', () => {
  const cluster = bootRunningCluster(1);
  const clock = { now: cluster.clock.now(), running: true, speed: 1 };

  it('paints with nothing saved, and with an unreadable record (a fresh default cluster starts)', () => {
    expect(firstScreenFitsSavedCluster(storeWith(), 1)).toBe(true);
    expect(firstScreenFitsSavedCluster(storeWith('{nope'), 1)).toBe(true);
    expect(firstScreenFitsSavedCluster(undefined, 1)).toBe(true);
  });

  it('paints when the saved cluster is still the starter cluster, only later', () => {
    cluster.advance(60_000);
    expect(firstScreenFitsSavedCluster(storeWith(encodeSavedCluster(cluster.snapshot(), cluster.clock.now(), clock)), 1)).toBe(true);
  });

  it('waits for the worker when the saved cluster was changed (a scale), or has another seed', () => {
    expect(firstScreenFitsSavedCluster(storeWith(encodeSavedCluster(cluster.snapshot(), cluster.clock.now(), clock)), 2)).toBe(false);
    cluster.kubectl('scale deployment web --replicas=5');
    expect(firstScreenFitsSavedCluster(storeWith(encodeSavedCluster(cluster.snapshot(), cluster.clock.now(), clock)), 1)).toBe(false);
  });
});
