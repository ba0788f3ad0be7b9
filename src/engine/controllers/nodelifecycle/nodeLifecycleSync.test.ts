import type { Node } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { ControllerContext } from '../controllerRuntime';
import { eventMessages, newControllerContext } from '../../testing/controllerHarness';
import { MONITOR_KEY, NODE_MONITOR_GRACE_PERIOD_MS, NODE_MONITOR_PERIOD_MS, NodeLifecycleSyncer, noScheduleKey, PodsByNodeIndex, UNSCHEDULABLE_TAINT_KEY, zoneKeyOf } from './index';
import { createNode, createPod, renewLease } from '../../testing/fakeNodes';

function syncer(ctx: ControllerContext): NodeLifecycleSyncer {
  return new NodeLifecycleSyncer(ctx, new PodsByNodeIndex(ctx.api));
}

const node = (ctx: ControllerContext, name: string) => ctx.api.peek<Node>('Node', undefined, name)!;
const ready = (ctx: ControllerContext, name: string) => node(ctx, name).status?.conditions?.find((c) => c.type === 'Ready')?.status;
const taintKeys = (ctx: ControllerContext, name: string) => (node(ctx, name).spec?.taints ?? []).map((t) => `${t.key}:${t.effect}`);

describe('NodeLifecycleSyncer.sync alone', () => {
  it('the first monitor pass registers each node (RegisteredNode) and judges nothing yet', () => {
    const ctx = newControllerContext();
    createNode(ctx, 'worker-1', { zone: 'a' });
    const s = syncer(ctx);
    s.sync(MONITOR_KEY);
    expect(eventMessages(ctx, 'RegisteredNode')).toEqual(['Node worker-1 event: Registered Node worker-1 in Controller']);
    expect(ready(ctx, 'worker-1')).toBe('True');
    expect(s.zones.get(zoneKeyOf(node(ctx, 'worker-1')))).toBe('Normal');
  });

  it('a node silent past the grace period turns Ready=Unknown, its pods Ready=False, and (another zone being healthy) it is tainted unreachable', () => {
    const ctx = newControllerContext();
    createNode(ctx, 'worker-1', { zone: 'a' });
    createNode(ctx, 'worker-2', { zone: 'b' });
    renewLease(ctx, 'worker-1');
    createPod(ctx, 'web', 'worker-1', { ready: true });
    const s = syncer(ctx);
    s.sync(MONITOR_KEY);
    // One pass per monitor period, as the controller's resync runs it (a longer gap reads as a restart).
    for (let t = 0; t <= NODE_MONITOR_GRACE_PERIOD_MS; t += NODE_MONITOR_PERIOD_MS) {
      ctx.clock.advance(NODE_MONITOR_PERIOD_MS);
      renewLease(ctx, 'worker-2');
      s.sync(MONITOR_KEY);
    }
    ctx.clock.advance(NODE_MONITOR_PERIOD_MS);
    s.sync(MONITOR_KEY);
    expect(ready(ctx, 'worker-1')).toBe('Unknown');
    expect(ready(ctx, 'worker-2')).toBe('True');
    expect(eventMessages(ctx, 'NodeNotReady')).toContain('Node worker-1 status is now: NodeNotReady');
    expect(eventMessages(ctx, 'NodeNotReady')).toContain('Node is not ready');
    expect(taintKeys(ctx, 'worker-1')).toContain('node.kubernetes.io/unreachable:NoExecute');
  });

  it('a node key syncs its NoSchedule taints: spec.unschedulable gets node.kubernetes.io/unschedulable', () => {
    const ctx = newControllerContext();
    createNode(ctx, 'worker-1');
    const n = node(ctx, 'worker-1');
    ctx.api.update<Node>({ ...n, spec: { ...n.spec, unschedulable: true } });
    syncer(ctx).sync(noScheduleKey('worker-1'));
    expect(taintKeys(ctx, 'worker-1')).toEqual([`${UNSCHEDULABLE_TAINT_KEY}:NoSchedule`]);
  });

  it('listKeys: the monitor key always, node keys only on the first list (the taints are watch-driven after)', () => {
    const ctx = newControllerContext();
    createNode(ctx, 'worker-1');
    const s = syncer(ctx);
    expect([...s.listKeys()]).toEqual([MONITOR_KEY, noScheduleKey('worker-1')]);
    s.sync(MONITOR_KEY);
    expect([...s.listKeys()]).toEqual([MONITOR_KEY]);
  });
});
