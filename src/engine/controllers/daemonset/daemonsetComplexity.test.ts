/**
 * A DaemonSet's work grows linearly with the cluster: each sync reads the nodes once and the
 * DaemonSet's own pods from the owner index (getNodesToDaemonPods), never every pod for every node.
 * Counted, not timed: the pods and nodes handed out by the listers and indexes while the DaemonSet
 * rolls out to every node and its pods become ready.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DaemonSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { registerAdmission } from '../../apiserver/admission';
import type { ApiServer } from '../../apiserver/apiserver';
import type { Stored } from '../../objects';
import { createPodIndexes } from '../controllerutils/podIndexes';
import { markPodRunningReady, newControllerContext, podsOf } from '../../testing/controllerHarness';
import { createNode } from '../../testing/fakeNodes';
import { targetNodeName } from './daemonPod';
import { createDaemonSetController, DaemonSetSyncer } from './index';

interface Reads {
  /** Objects handed out by api.list/peekList (nodes and pods) and by the pod indexes. */
  objects: number;
  syncs: number;
}

function countedList(api: ApiServer, reads: Reads): void {
  for (const method of ['list', 'peekList'] as const) {
    const original = api[method].bind(api) as ApiServer['list'];
    (api as unknown as Record<string, unknown>)[method] = ((kind: string, opts?: object) => {
      const out = original(kind, opts);
      reads.objects += out.length;
      return out;
    }) as ApiServer['list'];
  }
}

function rollOut(nodeCount: number): Reads & { pods: number } {
  const ctx = newControllerContext();
  registerAdmission(ctx.api);
  for (let i = 0; i < nodeCount; i++) createNode(ctx, `node-${i}`);
  const indexes = createPodIndexes(ctx.api);
  const reads: Reads = { objects: 0, syncs: 0 };
  const owned = indexes.podsByOwner.owned.bind(indexes.podsByOwner);
  indexes.podsByOwner.owned = (uid: string) => {
    const out = [...owned(uid)];
    reads.objects += out.length;
    return out;
  };
  const orphans = indexes.orphanPods.list.bind(indexes.orphanPods);
  indexes.orphanPods.list = <T>(namespace: string) => {
    const out = orphans<T>(namespace);
    reads.objects += out.length;
    return out;
  };
  const syncSpy = vi.spyOn(DaemonSetSyncer.prototype, 'sync');
  createDaemonSetController(ctx, indexes).boot();
  ctx.api.create<DaemonSet>({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image: 'fluentd:v1' }] } },
    },
  });
  countedList(ctx.api, reads);
  ctx.clock.flush();
  for (const p of podsOf(ctx) as Stored<Pod>[]) markPodRunningReady(ctx, p, targetNodeName(p));
  ctx.clock.flush();
  reads.syncs = syncSpy.mock.calls.length;
  syncSpy.mockRestore();
  return { ...reads, pods: podsOf(ctx).length };
}

describe('DaemonSet controller complexity', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads linearly more objects at 100 nodes than at 10 (not quadratically)', () => {
    const small = rollOut(10);
    const large = rollOut(100);
    expect(small.pods).toBe(10);
    expect(large.pods).toBe(100);
    // The same few syncs at either size: pod updates enqueue only their own DaemonSet, deduplicated.
    expect(large.syncs).toBeLessThanOrEqual(small.syncs + 2);
    // Ten times the nodes: about ten times the reads. A scan of every pod per node would be ~100 times.
    expect(large.objects / small.objects).toBeLessThan(15);
    // A handful of reads per node in each sync.
    expect(large.objects / large.syncs).toBeLessThan(10 * 100);
  });
});
