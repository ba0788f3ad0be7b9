import { describe, expect, it } from 'vitest';
import type { Event as KubeEvent, Node, Pod, Taint, Toleration } from 'kubernetes-types/core/v1';
import type { ControllerContext } from '../../controllerRuntime';
import { newControllerContext } from '../../../testing/controllerHarness';
import { createNodeLifecycleController, PodsByNodeIndex } from '../index';
import { createNode, createPod, DEFAULT_TOLERATIONS, FakeKubelets } from '../../../testing/fakeNodes';
import { createTaintEvictionController } from './index';

function start(): ControllerContext {
  const ctx = newControllerContext();
  createNode(ctx, 'worker-1');
  createNode(ctx, 'worker-2');
  createTaintEvictionController(ctx, new PodsByNodeIndex(ctx.api)).boot();
  ctx.clock.flush();
  return ctx;
}

function taintNode(ctx: ControllerContext, name: string, taints: Taint[]): void {
  const node = ctx.api.peek<Node>('Node', undefined, name)!;
  ctx.api.update<Node>({ ...node, spec: { ...node.spec, taints } });
  ctx.clock.flush();
}

const pod = (ctx: ControllerContext, name: string) => ctx.api.peek<Pod>('Pod', 'default', name);
const isBeingDeleted = (ctx: ControllerContext, name: string) => pod(ctx, name)?.metadata.deletionTimestamp !== undefined;

function deletedAfter(ctx: ControllerContext, name: string, limitMs: number): number | null {
  const start = ctx.clock.now();
  for (let t = 0; t <= limitMs; t += 1000) {
    if (isBeingDeleted(ctx, name)) return ctx.clock.now() - start;
    ctx.clock.advance(1000);
  }
  return null;
}

const NO_EXECUTE: Taint = { key: 'dedicated', value: 'gpu', effect: 'NoExecute' };

describe('taint eviction: when a pod on a NoExecute-tainted node is deleted', () => {
  const cases: { name: string; tolerations: Toleration[]; wantMs: number | null }[] = [
    { name: 'a pod without a matching toleration is evicted at once', tolerations: [], wantMs: 0 },
    { name: 'tolerationSeconds 300 evicts 300 s after the taint', tolerations: [{ key: 'dedicated', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }], wantMs: 300_000 },
    { name: 'a toleration without tolerationSeconds tolerates forever', tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoExecute' }], wantMs: null },
    { name: 'tolerationSeconds 0 evicts at once', tolerations: [{ key: 'dedicated', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 0 }], wantMs: 0 },
    {
      name: 'the smallest tolerationSeconds among the tolerations used wins',
      tolerations: [
        { key: 'dedicated', operator: 'Exists', tolerationSeconds: 60 },
        { operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 600 },
      ],
      wantMs: 60_000,
    },
    { name: 'an empty key with operator Exists tolerates every taint', tolerations: [{ operator: 'Exists' }], wantMs: null },
    { name: 'a toleration with the wrong value does not match', tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'cpu', effect: 'NoExecute' }], wantMs: 0 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const ctx = start();
      createPod(ctx, 'web-x', 'worker-1', { tolerations: c.tolerations });
      ctx.clock.flush();
      taintNode(ctx, 'worker-1', [NO_EXECUTE]);
      expect(deletedAfter(ctx, 'web-x', 900_000)).toBe(c.wantMs);
    });
  }

  it('eviction records TaintManagerEviction and a DisruptionTarget condition', () => {
    const ctx = start();
    createPod(ctx, 'web-x', 'worker-1');
    taintNode(ctx, 'worker-1', [NO_EXECUTE]);
    const ev = ctx.api.peekList<KubeEvent>('Event').find((e) => e.reason === 'TaintManagerEviction');
    expect(ev?.message).toBe('Marking for deletion Pod default/web-x');
    expect(ev?.source?.component).toBe('taint-eviction-controller');
    expect(pod(ctx, 'web-x')?.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager' });
  });

  it('a taint removed before tolerationSeconds cancels the eviction', () => {
    const ctx = start();
    createPod(ctx, 'web-x', 'worker-1', { tolerations: DEFAULT_TOLERATIONS });
    taintNode(ctx, 'worker-1', [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }]);
    ctx.clock.advance(200_000);
    taintNode(ctx, 'worker-1', []);
    ctx.clock.advance(600_000);
    expect(isBeingDeleted(ctx, 'web-x')).toBe(false);
    expect(ctx.api.peekList<KubeEvent>('Event').map((e) => e.message)).toContain('Cancelling deletion of Pod default/web-x');
  });

  it('pods on untainted nodes and NoSchedule taints are left alone', () => {
    const ctx = start();
    createPod(ctx, 'web-x', 'worker-1');
    createPod(ctx, 'web-y', 'worker-2');
    taintNode(ctx, 'worker-1', [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }]);
    ctx.clock.advance(600_000);
    expect(isBeingDeleted(ctx, 'web-x')).toBe(false);
    expect(isBeingDeleted(ctx, 'web-y')).toBe(false);
  });
});

describe('node failure end to end (node lifecycle + taint eviction)', () => {
  it('a pod with the default 300 s tolerations is evicted 300 s after its node is tainted unreachable, and stays Terminating', () => {
    const ctx = newControllerContext();
    const kubelets = new FakeKubelets(ctx);
    for (const n of ['worker-1', 'worker-2', 'worker-3']) {
      createNode(ctx, n);
      kubelets.start(n);
    }
    const podsByNode = new PodsByNodeIndex(ctx.api);
    createNodeLifecycleController(ctx, podsByNode).boot();
    createTaintEvictionController(ctx, podsByNode).boot();
    createPod(ctx, 'web-x', 'worker-2', { tolerations: DEFAULT_TOLERATIONS });
    createPod(ctx, 'web-forever', 'worker-2', { tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }] });
    ctx.clock.flush();
    kubelets.kill('worker-2');
    let taintedAt: number | undefined;
    for (let t = 0; t < 120_000 && taintedAt === undefined; t += 1000) {
      ctx.clock.advance(1000);
      const taint = ctx.api.peek<Node>('Node', undefined, 'worker-2')!.spec?.taints?.find((x) => x.effect === 'NoExecute');
      if (taint) taintedAt = Date.parse(taint.timeAdded!);
    }
    expect(taintedAt).toBeDefined();
    const evictedAfter = deletedAfter(ctx, 'web-x', 400_000);
    expect(ctx.clock.now() - taintedAt!).toBeGreaterThanOrEqual(300_000);
    expect(ctx.clock.now() - taintedAt!).toBeLessThanOrEqual(301_000);
    expect(evictedAfter).not.toBeNull();
    ctx.clock.advance(600_000);
    // Nobody on the dead node can confirm the containers stopped: the pod stays Terminating.
    expect(pod(ctx, 'web-x')?.metadata.deletionTimestamp).toBeDefined();
    expect(isBeingDeleted(ctx, 'web-forever')).toBe(false);
  });
});
