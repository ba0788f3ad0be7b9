import { describe, expect, it } from 'vitest';
import type { Event as KubeEvent, Pod } from 'kubernetes-types/core/v1';
import type { Cue } from '../cues';
import type { Stored } from '../objects';
import { Scheduler, type SchedulerOptions } from '.';
import { makeNode, makePod, newControlPlane, type NodeOptions, type PodOptions } from '../testing/schedulerFixtures';
import { numFeasibleNodesToFind } from './scheduleOne';
import { backoffDuration } from './queue';
import { fitErrorMessage } from './framework/fitError';

const CONTROL_PLANE_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

function setup(opts: SchedulerOptions & { seed?: number } = {}) {
  const ctx = newControlPlane(opts.seed ?? 1);
  const scheduler = new Scheduler(ctx, opts);
  scheduler.boot();
  const api = ctx.api;
  return {
    ...ctx,
    scheduler,
    node: (name: string, o: NodeOptions = {}) => api.create(makeNode(name, o)),
    pod: (name: string, o: PodOptions = {}) => api.create(makePod(name, o)),
    get: (name: string, ns = 'default') => api.peek<Pod>('Pod', ns, name)!,
    events: (reason: string) => api.peekList<KubeEvent>('Event').filter((e) => e.reason === reason),
    /** The default preset's shape: a tainted control plane and three 4-cpu workers. */
    preset() {
      api.create(makeNode('control-plane', { cpu: '2', taints: [CONTROL_PLANE_TAINT], labels: { 'node-role.kubernetes.io/control-plane': '' } }));
      for (const n of ['worker-1', 'worker-2', 'worker-3']) api.create(makeNode(n));
    },
  };
}

function condition(pod: Stored<Pod>) {
  return pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
}

describe('binding', () => {
  it('binds a pending pod within the same virtual instant, with PodScheduled=True and a Scheduled event', () => {
    const t = setup();
    t.preset();
    t.pod('web-abc', { cpu: '100m' });
    t.clock.flush();
    const pod = t.get('web-abc');
    expect(pod.spec?.nodeName).toMatch(/^worker-/);
    expect(condition(pod)).toMatchObject({ type: 'PodScheduled', status: 'True' });
    const [ev] = t.events('Scheduled');
    expect(ev).toMatchObject({ type: 'Normal', message: `Successfully assigned default/web-abc to ${pod.spec!.nodeName}`, source: { component: 'default-scheduler' } });
  });

  it('emits a scheduled cue when someone listens', () => {
    const t = setup();
    t.node('n1');
    const cues: Cue[] = [];
    t.cues.subscribe((c) => cues.push(c));
    t.pod('p');
    t.clock.flush();
    expect(cues).toContainEqual({ type: 'scheduled', pod: 'p', namespace: 'default', node: 'n1' });
  });

  it('leaves pods for another scheduler, pods bound by spec.nodeName, and pods being deleted alone', () => {
    const t = setup();
    t.node('n1');
    t.node('n2');
    t.pod('other', { spec: { schedulerName: 'my-scheduler' } });
    t.pod('direct', { nodeName: 'n2' });
    t.clock.flush();
    expect(t.get('other').spec?.nodeName).toBeUndefined();
    expect(t.get('direct').spec?.nodeName).toBe('n2');
    expect(t.events('Scheduled')).toHaveLength(0);
  });

  it('the binding subresource refuses a pod already bound', () => {
    const t = setup();
    t.node('n1');
    t.pod('p', { nodeName: 'n1' });
    expect(() => t.api.bind('default', 'p', 'n1')).toThrow(/already assigned to node "n1"/);
  });

  it('spreads identical pods over identical nodes (LeastAllocated), the same way for the same seed', () => {
    const place = (seed: number) => {
      const t = setup({ seed });
      for (const n of ['a', 'b', 'c']) t.node(n);
      for (let i = 0; i < 6; i++) t.pod(`p${i}`, { cpu: '500m', memory: '256Mi' });
      t.clock.flush();
      return Array.from({ length: 6 }, (_, i) => t.get(`p${i}`).spec!.nodeName!);
    };
    const first = place(7);
    expect(first).toEqual(place(7));
    for (const n of ['a', 'b', 'c']) expect(first.filter((x) => x === n)).toHaveLength(2);
  });

  it('MostAllocated packs pods onto the fullest node', () => {
    const t = setup({ scoringStrategy: 'MostAllocated' });
    t.node('a');
    t.node('b');
    t.pod('seed-pod', { cpu: '1', memory: '1Gi', nodeName: 'b' });
    for (let i = 0; i < 3; i++) t.pod(`p${i}`, { cpu: '500m', memory: '512Mi' });
    t.clock.flush();
    expect([0, 1, 2].map((i) => t.get(`p${i}`).spec?.nodeName)).toEqual(['b', 'b', 'b']);
  });

  it('prefers nodes that already have the image (ImageLocality)', () => {
    const t = setup();
    t.node('bare');
    t.node('cached', { images: [{ names: ['docker.io/library/postgres:16'], sizeBytes: 400 * 1024 * 1024 }] });
    t.pod('db', { image: 'postgres:16' });
    t.clock.flush();
    expect(t.get('db').spec?.nodeName).toBe('cached');
  });
});

describe('queue order', () => {
  it('a higher-priority pod is scheduled first and takes the last slot', () => {
    const t = setup();
    t.node('n1', { pods: '1' });
    t.pod('low', { priority: 0 });
    t.pod('high', { priority: 1000 });
    t.clock.flush();
    expect(t.get('high').spec?.nodeName).toBe('n1');
    expect(t.get('low').spec?.nodeName).toBeUndefined();
  });

  it('equal priorities go in arrival order', () => {
    const t = setup();
    t.node('n1', { pods: '1' });
    t.pod('first');
    t.pod('second');
    t.clock.flush();
    expect(t.get('first').spec?.nodeName).toBe('n1');
  });

  it.each([
    { attempts: 1, want: 1000 },
    { attempts: 2, want: 2000 },
    { attempts: 3, want: 4000 },
    { attempts: 4, want: 8000 },
    { attempts: 5, want: 10000 },
    { attempts: 12, want: 10000 },
  ])('backoff after $attempts attempt(s) is $want ms (1 s doubling, 10 s max)', ({ attempts, want }) => {
    expect(backoffDuration(attempts)).toBe(want);
  });
});

describe('FailedScheduling', () => {
  it('reports untolerated taints and insufficient cpu in kube-scheduler’s exact form', () => {
    const t = setup();
    t.preset();
    for (const n of ['worker-1', 'worker-2', 'worker-3']) t.pod(`filler-${n}`, { cpu: '3', nodeName: n });
    t.pod('web-abc', { cpu: '2' });
    t.clock.flush();
    const msg =
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. ' +
      'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.';
    const [ev] = t.events('FailedScheduling');
    expect(ev).toMatchObject({ type: 'Warning', message: msg, source: { component: 'default-scheduler' } });
    const pod = t.get('web-abc');
    expect(pod.spec?.nodeName).toBeUndefined();
    expect(condition(pod)).toMatchObject({ status: 'False', reason: 'Unschedulable', message: msg });
  });

  it('a request larger than any node is not helped by preemption on any node', () => {
    const t = setup();
    t.preset();
    t.pod('huge', { cpu: '16' });
    t.clock.flush();
    expect(t.events('FailedScheduling')[0]?.message).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. ' +
        'preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.',
    );
  });

  it('preemptionPolicy Never says so', () => {
    const t = setup();
    t.node('n1', { cpu: '1' });
    t.pod('p', { cpu: '500m', memory: '16Gi', spec: { preemptionPolicy: 'Never' } });
    t.clock.flush();
    expect(t.events('FailedScheduling')[0]?.message).toBe('0/1 nodes are available: 1 Insufficient memory. preemption: not eligible due to preemptionPolicy=Never.');
  });

  it('with no nodes at all: no nodes available to schedule pods', () => {
    const t = setup();
    t.pod('p');
    t.clock.flush();
    expect(t.events('FailedScheduling')[0]?.message).toBe('no nodes available to schedule pods');
  });

  it.each([
    { name: 'reasons are sorted as strings, count first', reasons: [['Insufficient memory', 10], ['Insufficient cpu', 2]] as const, want: '0/12 nodes are available: 10 Insufficient memory, 2 Insufficient cpu.' },
    {
      name: 'a node failing two resources counts under both',
      reasons: [['Insufficient cpu', 3], ['Insufficient memory', 3], ["node(s) didn't match Pod's node affinity/selector", 1]] as const,
      want: "0/4 nodes are available: 1 node(s) didn't match Pod's node affinity/selector, 3 Insufficient cpu, 3 Insufficient memory.",
    },
  ])('$name', ({ reasons, want }) => {
    const total = want.startsWith('0/12') ? 12 : 4;
    expect(fitErrorMessage(total, new Map(reasons.map(([r, n]) => [r, n])))).toBe(want);
  });

  it('identical failures on retry aggregate into one event with a count', () => {
    const t = setup();
    t.node('n1', { cpu: '1' });
    t.pod('p', { cpu: '2' });
    t.clock.flush();
    t.clock.advance(6 * 60_000); // the 5-minute flush retries it
    const evs = t.events('FailedScheduling');
    expect(evs).toHaveLength(1);
    expect(evs[0]!.count).toBe(2);
  });
});

describe('retries', () => {
  it('an unschedulable pod is bound once a node that fits is added (after its 1 s backoff)', () => {
    const t = setup();
    t.node('small', { cpu: '1' });
    t.pod('p', { cpu: '2' });
    t.clock.flush();
    expect(t.get('p').spec?.nodeName).toBeUndefined();
    t.node('big', { cpu: '8' });
    t.clock.advance(999);
    expect(t.get('p').spec?.nodeName).toBeUndefined();
    t.clock.advance(1);
    expect(t.get('p').spec?.nodeName).toBe('big');
  });

  it('an unschedulable pod is bound once an assigned pod on a full node is deleted', () => {
    const t = setup();
    t.node('n1', { cpu: '2' });
    t.pod('hog', { cpu: '2', nodeName: 'n1' });
    t.pod('p', { cpu: '1' });
    t.clock.flush();
    t.clock.advance(5000);
    expect(t.get('p').spec?.nodeName).toBeUndefined();
    t.api.delete('Pod', 'default', 'hog', { gracePeriodSeconds: 0 });
    t.clock.flush();
    expect(t.get('p').spec?.nodeName).toBe('n1');
  });

  it('a finished pod (Succeeded) frees its node for the scheduler', () => {
    const t = setup();
    t.node('n1', { cpu: '2' });
    const job = t.pod('job', { cpu: '2', nodeName: 'n1' });
    t.pod('p', { cpu: '1' });
    t.clock.flush();
    t.clock.advance(5000);
    t.api.updateStatus<Pod>({ ...job, status: { phase: 'Succeeded' } } as Stored<Pod>);
    t.clock.flush();
    expect(t.get('p').spec?.nodeName).toBe('n1');
  });

  it('a pod rejected only by node affinity is not retried when a pod is deleted, but is when a node gets the label', () => {
    const t = setup();
    t.node('n1');
    t.pod('gone', { nodeName: 'n1' });
    t.pod('p', { spec: { nodeSelector: { disktype: 'ssd' } } });
    t.clock.flush();
    t.clock.advance(5000);
    t.api.delete('Pod', 'default', 'gone', { gracePeriodSeconds: 0 });
    t.clock.advance(5000);
    expect(t.scheduler.explain('default', 'p')?.attempts).toBe(1);
    const node = t.api.peek('Node', undefined, 'n1')!;
    t.api.update({ ...node, metadata: { ...node.metadata, labels: { ...node.metadata.labels, disktype: 'ssd' } } });
    t.clock.flush();
    expect(t.get('p').spec?.nodeName).toBe('n1');
  });

  it('a node heartbeat (condition timestamps only) does not retry waiting pods', () => {
    const t = setup();
    t.node('n1', { cpu: '1' });
    t.pod('p', { cpu: '2' });
    t.clock.flush();
    t.clock.advance(20_000);
    const node = t.api.peek('Node', undefined, 'n1')!;
    t.api.updateStatus({ ...node, status: { ...(node.status as object), conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: t.clock.nowRfc3339() }] } });
    t.clock.advance(20_000);
    expect(t.scheduler.explain('default', 'p')?.attempts).toBe(1);
  });

  it('pods nobody helps are retried after 5 minutes in the unschedulable queue', () => {
    const t = setup();
    t.node('n1');
    t.pod('p', { spec: { nodeSelector: { disktype: 'ssd' } } });
    t.clock.flush();
    t.clock.advance(5 * 60_000 - 1);
    expect(t.scheduler.explain('default', 'p')?.attempts).toBe(1);
    t.clock.advance(30_000);
    expect(t.scheduler.explain('default', 'p')?.attempts).toBe(2);
  });

  it('a gated pod waits until its scheduling gates are removed', () => {
    const t = setup();
    t.node('n1');
    const pod = t.pod('p', { spec: { schedulingGates: [{ name: 'example.com/wait' }] } });
    t.clock.flush();
    expect(t.get('p').spec?.nodeName).toBeUndefined();
    expect(t.scheduler.explain('default', 'p')).toBeUndefined();
    t.api.update<Pod>({ ...pod, spec: { ...pod.spec!, schedulingGates: [] } } as Stored<Pod>);
    t.clock.flush();
    expect(t.get('p').spec?.nodeName).toBe('n1');
  });
});

describe('running and stopped', () => {
  it('a stopped scheduler binds nothing and records nothing; on start it picks up every unbound pod', () => {
    const t = setup();
    t.node('n1');
    t.scheduler.stop();
    expect(t.scheduler.running).toBe(false);
    t.pod('a');
    t.pod('b');
    t.clock.advance(60_000);
    expect(t.get('a').spec?.nodeName).toBeUndefined();
    expect(t.api.peekList('Event')).toHaveLength(0);
    t.scheduler.start();
    t.clock.flush();
    expect(t.get('a').spec?.nodeName).toBe('n1');
    expect(t.get('b').spec?.nodeName).toBe('n1');
  });

  it('the cache keeps counting while stopped, so a restart sees the node as full', () => {
    const t = setup();
    t.node('n1', { cpu: '2' });
    t.scheduler.stop();
    t.pod('hog', { cpu: '2', nodeName: 'n1' });
    t.pod('p', { cpu: '1' });
    t.scheduler.start();
    t.clock.flush();
    expect(t.get('p').spec?.nodeName).toBeUndefined();
  });
});

describe('percentageOfNodesToScore', () => {
  it.each([
    { nodes: 50, want: 50 },
    { nodes: 100, want: 100 },
    { nodes: 200, want: 100 },
    { nodes: 1000, want: 420 },
    { nodes: 5000, want: 500 },
    { nodes: 6250, want: 312 },
  ])('$nodes nodes → $want feasible nodes to find (50% − nodes/125, ≥ 5%, ≥ 100)', ({ nodes, want }) => {
    expect(numFeasibleNodesToFind(nodes)).toBe(want);
  });

  it('each cycle starts where the last one stopped', () => {
    const t = setup();
    for (let i = 0; i < 200; i++) t.node(`n${String(i).padStart(3, '0')}`);
    t.pod('a');
    t.pod('b');
    t.clock.flush();
    const a = t.scheduler.explain('default', 'a')!;
    const b = t.scheduler.explain('default', 'b')!;
    expect(a.evaluatedNodes).toBe(100);
    expect(b.evaluatedNodes).toBe(100);
    const aNodes = new Set(a.scores.map((s) => s.node));
    expect(b.scores.some((s) => aNodes.has(s.node))).toBe(false);
  });
});

describe('explain', () => {
  it('shows per-plugin weighted scores and the chosen node, which has the best total', () => {
    const t = setup();
    t.preset();
    t.pod('busy', { cpu: '2', memory: '2Gi', nodeName: 'worker-1' });
    t.pod('web', { cpu: '500m', memory: '256Mi' });
    t.clock.flush();
    const d = t.scheduler.explain('default', 'web')!;
    expect(d.result).toBe('Scheduled');
    expect(d.numAllNodes).toBe(4);
    expect(d.feasibleNodes).toBe(3);
    expect(d.filters).toEqual([
      { node: 'control-plane', plugin: 'TaintToleration', code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'] },
    ]);
    expect(d.weights).toEqual({ TaintToleration: 3, NodeResourcesFit: 1, NodeResourcesBalancedAllocation: 1, ImageLocality: 1 });
    expect(d.scores[0]!.node).toBe(d.node);
    expect(d.scores.at(-1)!.node).toBe('worker-1');
    const top = d.scores[0]!;
    expect(top.plugins.TaintToleration).toEqual({ score: 100, weight: 3, weighted: 300 });
    expect(top.total).toBe(Object.values(top.plugins).reduce((s, p) => s + p.weighted, 0));
  });

  it('shows why a pod is Pending', () => {
    const t = setup();
    t.node('n1', { cpu: '1' });
    t.pod('p', { cpu: '2' });
    t.clock.flush();
    const d = t.scheduler.explain('default', 'p')!;
    expect(d).toMatchObject({ result: 'Unschedulable', feasibleNodes: 0, scores: [] });
    expect(d.message).toMatch(/^0\/1 nodes are available: 1 Insufficient cpu\./);
    expect(d.filters[0]).toMatchObject({ node: 'n1', plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'] });
  });

  it('remembers only the most recently attempted pods', () => {
    const t = setup({ diagnosisCapacity: 3 });
    t.node('n1');
    for (let i = 0; i < 5; i++) t.pod(`p${i}`);
    t.clock.flush();
    expect(t.scheduler.explain('default', 'p0')).toBeUndefined();
    expect(t.scheduler.explain('default', 'p1')).toBeUndefined();
    expect(t.scheduler.explain('default', 'p4')?.node).toBe('n1');
  });
});

describe('explain in a large cluster', () => {
  it('keeps the best 50 scored nodes, best first, the chosen node on top', () => {
    const t = setup();
    for (let i = 0; i < 120; i++) t.node(`n${i}`, { cpu: String(2 + (i % 7)) });
    t.pod('p', { cpu: '1', memory: '1Gi' });
    t.clock.flush();
    const d = t.scheduler.explain('default', 'p')!;
    expect(d.evaluatedNodes).toBe(100);
    expect(d.feasibleNodes).toBe(100);
    expect(d.scores).toHaveLength(50);
    // The chosen node has the best total (equal totals are listed by name).
    expect(d.scores.find((s) => s.node === d.node)?.total).toBe(d.scores[0]!.total);
    const totals = d.scores.map((s) => s.total);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
  });
});

describe('binding errors', () => {
  it('a binding the API server refuses is forgotten and retried after the backoff', () => {
    const t = setup();
    t.node('n1', { cpu: '1' });
    t.pod('p', { cpu: '1' });
    t.api.setAvailable(false);
    t.clock.flush();
    expect(t.scheduler.explain('default', 'p')).toMatchObject({ result: 'Error' });
    t.api.setAvailable(true);
    t.clock.advance(1000);
    // The failed assumption did not leak: the node still has room for the pod.
    expect(t.get('p').spec?.nodeName).toBe('n1');
  });
});

describe("NodeAffinity's PreFilter result (a pod pinned to one node by metadata.name, as a DaemonSet's pods are)", () => {
  const pinnedTo = (node: string): Pod => {
    const pod = makePod('ds-pod');
    pod.spec!.affinity = {
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }] } },
    };
    return pod;
  };

  it('visits only the named node when it fits, among more nodes than a pass scores', () => {
    const t = setup();
    for (let i = 0; i < 150; i++) t.node(`node-${i}`);
    t.api.create(pinnedTo('node-77'));
    t.clock.flush();
    expect(t.get('ds-pod').spec?.nodeName).toBe('node-77');
    const d = t.scheduler.explain('default', 'ds-pod');
    expect(d?.filters).toHaveLength(0);
  });

  it("when the named node does not fit, the message counts every node's own reason, as the full pass gives", () => {
    const t = setup();
    for (let i = 0; i < 150; i++) t.node(`node-${i}`, i === 77 ? { unschedulable: true } : {});
    t.api.create(pinnedTo('node-77'));
    t.clock.flush();
    expect(t.get('ds-pod').spec?.nodeName).toBeUndefined();
    expect(t.events('FailedScheduling')[0]?.message).toBe(
      "0/150 nodes are available: 1 node(s) were unschedulable, 149 node(s) didn't match Pod's node affinity/selector. preemption: 0/150 nodes are available: 150 Preemption is not helpful for scheduling.",
    );
  });
});
