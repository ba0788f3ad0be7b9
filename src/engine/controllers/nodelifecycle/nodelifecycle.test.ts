import { describe, expect, it } from 'vitest';
import type { Event as KubeEvent, Node, Pod } from 'kubernetes-types/core/v1';
import type { ControllerContext } from '../controllerRuntime';
import { newControllerContext } from '../../testing/controllerHarness';
import { createNodeLifecycleController, NODE_MONITOR_GRACE_PERIOD_MS, PodsByNodeIndex, type NodeLifecycleController } from './index';
import { createNode, createPod, FakeKubelets } from '../../testing/fakeNodes';
import { computeZoneState, evictionRateFor } from './zoneEviction';

function start(nodes: { name: string; zone?: string }[]): { ctx: ControllerContext; kubelets: FakeKubelets; controller: NodeLifecycleController } {
  const ctx = newControllerContext();
  const kubelets = new FakeKubelets(ctx);
  for (const n of nodes) {
    createNode(ctx, n.name, { zone: n.zone ?? 'zone-a' });
    kubelets.start(n.name);
  }
  const controller = createNodeLifecycleController(ctx, new PodsByNodeIndex(ctx.api));
  controller.boot();
  ctx.clock.flush();
  return { ctx, kubelets, controller };
}

const node = (ctx: ControllerContext, name: string) => ctx.api.peek<Node>('Node', undefined, name)!;
const ready = (ctx: ControllerContext, name: string) => node(ctx, name).status?.conditions?.find((c) => c.type === 'Ready');
const taints = (ctx: ControllerContext, name: string) => (node(ctx, name).spec?.taints ?? []).map((t) => `${t.key}:${t.effect}`).sort();
const events = (ctx: ControllerContext, reason: string) => ctx.api.peekList<KubeEvent>('Event').filter((e) => e.reason === reason);

/** Advances one second at a time until `done`, returning the virtual time it became true. */
function advanceUntil(ctx: ControllerContext, done: () => boolean, limitMs = 600_000): number {
  for (let waited = 0; waited <= limitMs; waited += 1000) {
    if (done()) return ctx.clock.now();
    ctx.clock.advance(1000);
  }
  throw new Error('condition never became true');
}

const THREE_NODES = [{ name: 'worker-1' }, { name: 'worker-2' }, { name: 'worker-3' }];

describe('node lifecycle: node health', () => {
  it('node-monitor-grace-period is 50 s (the default since Kubernetes 1.32)', () => {
    expect(NODE_MONITOR_GRACE_PERIOD_MS).toBe(50_000);
  });

  it('Ready becomes Unknown 50 s (+ at most the 5 s monitor period) after the last heartbeat', () => {
    const { ctx, kubelets } = start(THREE_NODES);
    ctx.clock.advance(33_000);
    kubelets.kill('worker-2');
    const last = kubelets.lastHeartbeat.get('worker-2')!;
    const at = advanceUntil(ctx, () => ready(ctx, 'worker-2')?.status === 'Unknown');
    expect(at - last).toBeGreaterThan(50_000);
    expect(at - last).toBeLessThanOrEqual(55_000);
    expect(ready(ctx, 'worker-2')).toMatchObject({ reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    expect(node(ctx, 'worker-2').status?.conditions?.find((c) => c.type === 'MemoryPressure')?.status).toBe('Unknown');
    expect(ready(ctx, 'worker-1')?.status).toBe('True');
    expect(events(ctx, 'NodeNotReady').map((e) => e.message)).toEqual(['Node worker-2 status is now: NodeNotReady']);
  });

  it('a node renewing its Lease stays Ready even if its status heartbeat is old', () => {
    const { ctx } = start(THREE_NODES);
    ctx.clock.advance(5 * 60_000);
    expect(ready(ctx, 'worker-1')?.status).toBe('True');
  });

  it('pods on an unreachable node are marked Ready=False (MarkPodsNotReady) with a NodeNotReady event', () => {
    const { ctx, kubelets } = start(THREE_NODES);
    createPod(ctx, 'web-1', 'worker-2');
    createPod(ctx, 'web-2', 'worker-1');
    kubelets.kill('worker-2');
    ctx.clock.advance(60_000);
    const podReady = (n: string) => ctx.api.peek<Pod>('Pod', 'default', n)!.status?.conditions?.find((c) => c.type === 'Ready')?.status;
    expect(podReady('web-1')).toBe('False');
    expect(podReady('web-2')).toBe('True');
    expect(events(ctx, 'NodeNotReady').some((e) => e.involvedObject.name === 'web-1' && e.message === 'Node is not ready' && e.type === 'Warning')).toBe(true);
  });

  it('an unreachable node gets unreachable:NoSchedule and :NoExecute (with timeAdded); they go when it is Ready again', () => {
    const { ctx, kubelets } = start(THREE_NODES);
    kubelets.kill('worker-2');
    ctx.clock.advance(70_000);
    expect(taints(ctx, 'worker-2')).toEqual(['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
    expect(node(ctx, 'worker-2').spec?.taints?.every((t) => typeof t.timeAdded === 'string')).toBe(true);
    kubelets.start('worker-2');
    ctx.clock.advance(6_000);
    expect(ready(ctx, 'worker-2')?.status).toBe('True');
    expect(taints(ctx, 'worker-2')).toEqual([]);
  });

  it('a node whose kubelet reports Ready=False gets the not-ready taints', () => {
    const { ctx, kubelets } = start(THREE_NODES);
    kubelets.readyStatus.set('worker-3', 'False');
    ctx.clock.advance(20_000);
    expect(taints(ctx, 'worker-3')).toEqual(['node.kubernetes.io/not-ready:NoExecute', 'node.kubernetes.io/not-ready:NoSchedule']);
  });

  it('a cordoned node gets node.kubernetes.io/unschedulable:NoSchedule', () => {
    const { ctx } = start(THREE_NODES);
    const n = node(ctx, 'worker-1');
    ctx.api.update<Node>({ ...n, spec: { ...n.spec, unschedulable: true } });
    ctx.clock.flush();
    expect(taints(ctx, 'worker-1')).toEqual(['node.kubernetes.io/unschedulable:NoSchedule']);
  });

  it('when every node is unreachable nothing is tainted NoExecute (full disruption: no evictions)', () => {
    const { ctx, kubelets, controller } = start(THREE_NODES);
    for (const n of THREE_NODES) kubelets.kill(n.name);
    ctx.clock.advance(120_000);
    for (const n of THREE_NODES) {
      expect(ready(ctx, n.name)?.status).toBe('Unknown');
      expect(taints(ctx, n.name)).toEqual(['node.kubernetes.io/unreachable:NoSchedule']);
    }
    expect([...controller.zoneStates.values()]).toEqual(['FullDisruption']);
  });

  it('NoExecute tainting is rate-limited to one node per 10 s per zone (--node-eviction-rate 0.1)', () => {
    const nodes = ['a', 'b', 'c', 'd', 'e', 'f'].map((x) => ({ name: `worker-${x}` }));
    const { ctx, kubelets } = start(nodes);
    kubelets.kill('worker-a');
    kubelets.kill('worker-b');
    const tainted = (n: string) => taints(ctx, n).includes('node.kubernetes.io/unreachable:NoExecute');
    const first = advanceUntil(ctx, () => tainted('worker-a') || tainted('worker-b'));
    const second = advanceUntil(ctx, () => tainted('worker-a') && tainted('worker-b'));
    expect(second - first).toBeGreaterThanOrEqual(10_000);
    expect(second - first).toBeLessThanOrEqual(15_000);
  });

  it('a stopped controller notices nothing; restarted, it gives every node a fresh grace period', () => {
    const { ctx, kubelets, controller } = start(THREE_NODES);
    controller.stop();
    kubelets.kill('worker-1');
    ctx.clock.advance(120_000);
    expect(ready(ctx, 'worker-1')?.status).toBe('True');
    controller.start();
    const restartedAt = ctx.clock.now();
    const at = advanceUntil(ctx, () => ready(ctx, 'worker-1')?.status === 'Unknown');
    expect(at - restartedAt).toBeGreaterThan(50_000);
    expect(at - restartedAt).toBeLessThanOrEqual(55_000);
  });

  it('a node whose kubelet never posted status becomes Unknown after the 60 s startup grace period', () => {
    const ctx = newControllerContext();
    ctx.api.create<Node>({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'silent' } });
    createNodeLifecycleController(ctx, new PodsByNodeIndex(ctx.api)).boot();
    ctx.clock.advance(59_000);
    expect(ready(ctx, 'silent')).toBeUndefined();
    ctx.clock.advance(6_000);
    expect(ready(ctx, 'silent')).toMatchObject({ status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.' });
  });

  it('records RegisteredNode for each node it first sees', () => {
    const { ctx } = start(THREE_NODES);
    expect(events(ctx, 'RegisteredNode').map((e) => e.message).sort()).toEqual(THREE_NODES.map((n) => `Node ${n.name} event: Registered Node ${n.name} in Controller`));
  });
});

describe('node lifecycle: zone states (ComputeZoneState, setLimiterInZone)', () => {
  const cases = [
    { name: 'no Ready node in a zone is FullDisruption', ready: ['False', 'Unknown'], want: 'FullDisruption', size: 2, rate: 0.1 },
    { name: 'two of three not ready is Normal (needs more than 2 not ready)', ready: ['True', 'False', 'False'], want: 'Normal', size: 3, rate: 0.1 },
    { name: '3 of 5 not ready (60% ≥ 55%) is PartialDisruption: a small zone stops evicting', ready: ['True', 'True', 'False', 'False', 'False'], want: 'PartialDisruption', size: 5, rate: 0 },
    { name: 'PartialDisruption in a zone over 50 nodes slows to 0.01 nodes/s', ready: ['True', 'False', 'False', 'False'], want: 'PartialDisruption', size: 51, rate: 0.01 },
  ] as const;
  for (const c of cases) {
    it(c.name, () => {
      const { state } = computeZoneState(c.ready);
      expect(state).toBe(c.want);
      expect(evictionRateFor(state, c.size)).toBe(c.rate);
    });
  }
});
