import { describe, expect, it } from 'vitest';
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../objects';
import { VirtualClock } from '../../clock/virtualClock';
import { ControllerExpectations } from './expectations';
import { getPodsToDelete } from './podDeletionRanking';
import { isPodAvailable } from './podStatus';
import { slowStartBatch } from './slowStart';

const T0 = Date.UTC(2026, 0, 1);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

interface PodOpts {
  node?: string;
  phase?: string;
  ready?: boolean;
  readySince?: number;
  created?: number;
  restarts?: number;
  cost?: number;
  uid?: string;
}

function pod(name: string, o: PodOpts = {}): Stored<Pod> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: o.uid ?? name,
      resourceVersion: '1',
      creationTimestamp: iso(o.created ?? T0),
      ...(o.cost !== undefined ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': String(o.cost) } } : {}),
    },
    spec: { containers: [{ name: 'c' }], ...(o.node === '' ? {} : { nodeName: o.node ?? 'n1' }) },
    status: {
      phase: o.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: (o.ready ?? true) ? 'True' : 'False', lastTransitionTime: iso(o.readySince ?? T0) }],
      containerStatuses: [{ name: 'c', ready: true, restartCount: o.restarts ?? 0, image: 'x', imageID: '' }],
    },
  };
}

const NOW = T0 + 3600_000;

describe('getPodsToDelete ranks victims like ActivePodsWithRanks', () => {
  const cases: { name: string; pods: Stored<Pod>[]; related?: Stored<Pod>[]; want: string }[] = [
    { name: 'unassigned pods go before assigned ones', pods: [pod('assigned'), pod('unassigned', { node: '', phase: 'Pending', ready: false })], want: 'unassigned' },
    { name: 'Pending goes before Running', pods: [pod('running'), pod('pending', { phase: 'Pending', ready: false })], want: 'pending' },
    { name: 'Pending before Unknown before Running', pods: [pod('running', { ready: false }), pod('unknown', { phase: 'Unknown', ready: false })], want: 'unknown' },
    { name: 'not ready goes before ready', pods: [pod('ready'), pod('notready', { ready: false })], want: 'notready' },
    { name: 'lower pod-deletion-cost goes first', pods: [pod('cheap', { cost: -10, readySince: T0 + 10 }), pod('dear', { cost: 100 })], want: 'cheap' },
    {
      name: 'doubled-up pods (more related pods on the node) go first',
      pods: [pod('alone', { node: 'a' }), pod('crowded', { node: 'b' })],
      related: [pod('alone', { node: 'a' }), pod('crowded', { node: 'b' }), pod('sibling', { node: 'b' })],
      want: 'crowded',
    },
    { name: 'ready for less time goes before ready longer', pods: [pod('old-ready', { readySince: T0 }), pod('new-ready', { readySince: NOW - 60_000 })], want: 'new-ready' },
    { name: 'more restarts go first', pods: [pod('stable', { restarts: 0 }), pod('flappy', { restarts: 5 })], want: 'flappy' },
    { name: 'newer pods go before older ones', pods: [pod('older', { created: T0 }), pod('newer', { created: NOW - 10_000 })], want: 'newer' },
    {
      name: 'ages in the same log2 bucket tie-break on uid',
      pods: [pod('b', { created: NOW - 1000_000, uid: 'uid-b' }), pod('a', { created: NOW - 1001_000, uid: 'uid-a' })],
      want: 'a',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const victims = getPodsToDelete(c.pods, c.related ?? [], 1, NOW);
      expect(victims.map((p) => p.metadata.name)).toEqual([c.want]);
    });
  }
});

describe('slowStartBatch', () => {
  it('creates in batches 1, 2, 4, 8 ... until the count is reached', () => {
    let calls = 0;
    const r = slowStartBatch(20, 1, () => void calls++);
    expect(r.successes).toBe(20);
    expect(calls).toBe(20);
  });
  it('a failure in a batch stops the later batches', () => {
    let calls = 0;
    const r = slowStartBatch(100, 1, () => {
      calls++;
      if (calls === 5) throw new Error('quota exceeded');
    });
    // batches 1 and 2 succeed (3 calls), batch 3 (4 calls) has the failure and is the last.
    expect(calls).toBe(7);
    expect(r.successes).toBe(6);
    expect(r.error).toBeInstanceOf(Error);
  });
  it('an always-failing create is tried once', () => {
    let calls = 0;
    const r = slowStartBatch(50, 1, () => {
      calls++;
      throw new Error('forbidden');
    });
    expect(calls).toBe(1);
    expect(r.successes).toBe(0);
  });
});

describe('ControllerExpectations', () => {
  it('is unsatisfied until every expected creation is observed', () => {
    const clock = new VirtualClock();
    const e = new ControllerExpectations(clock);
    expect(e.satisfied('default/web')).toBe(true);
    e.expectCreations('default/web', 2);
    expect(e.satisfied('default/web')).toBe(false);
    e.creationObserved('default/web');
    expect(e.satisfied('default/web')).toBe(false);
    e.creationObserved('default/web');
    expect(e.satisfied('default/web')).toBe(true);
  });
  it('deletions are tracked by pod key, so seeing one pod twice counts once', () => {
    const e = new ControllerExpectations(new VirtualClock());
    e.expectDeletions('default/web', ['default/a', 'default/b']);
    e.deletionObserved('default/web', 'default/a');
    e.deletionObserved('default/web', 'default/a');
    expect(e.satisfied('default/web')).toBe(false);
    e.deletionObserved('default/web', 'default/b');
    expect(e.satisfied('default/web')).toBe(true);
  });
  it('expectations expire after 5 minutes', () => {
    const clock = new VirtualClock();
    const e = new ControllerExpectations(clock);
    e.expectCreations('default/web', 1);
    clock.advance(5 * 60_000);
    expect(e.satisfied('default/web')).toBe(false);
    clock.advance(1);
    expect(e.satisfied('default/web')).toBe(true);
  });
});

describe('pod availability (podutil.IsPodAvailable)', () => {
  const cases = [
    { name: 'minReadySeconds 0: available as soon as Ready', minReady: 0, readyFor: 0, want: true },
    { name: 'Ready for less than minReadySeconds is not available', minReady: 10, readyFor: 9_000, want: false },
    { name: 'Ready for exactly minReadySeconds is not yet available (strictly before now)', minReady: 10, readyFor: 10_000, want: false },
    { name: 'Ready for longer than minReadySeconds is available', minReady: 10, readyFor: 10_001, want: true },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(isPodAvailable(pod('p', { readySince: T0 }), c.minReady, T0 + c.readyFor)).toBe(c.want);
    });
  }
});
