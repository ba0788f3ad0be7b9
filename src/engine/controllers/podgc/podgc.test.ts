import { describe, expect, it } from 'vitest';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import { newControllerContext } from '../../testing/controllerHarness';
import { PodsByNodeIndex } from '../nodelifecycle';
import { createPod } from '../../testing/fakeNodes';
import { createPodGcController, GC_CHECK_PERIOD_MS, QUARANTINE_MS } from './index';

describe('pod garbage collector', () => {
  it('force-deletes pods bound to a node that no longer exists, after the 40 s quarantine', () => {
    const ctx = newControllerContext();
    ctx.api.create<Node>({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'gone' } });
    ctx.api.create<Node>({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'here' } });
    createPodGcController(ctx, new PodsByNodeIndex(ctx.api)).boot();
    createPod(ctx, 'orphan', 'gone');
    createPod(ctx, 'fine', 'here');
    ctx.api.delete('Node', undefined, 'gone');
    ctx.clock.advance(QUARANTINE_MS - 1000);
    expect(ctx.api.peek('Pod', 'default', 'orphan')).toBeDefined();
    ctx.clock.advance(GC_CHECK_PERIOD_MS);
    expect(ctx.api.peek('Pod', 'default', 'orphan')).toBeUndefined();
    expect(ctx.api.peek('Pod', 'default', 'fine')).toBeDefined();
  });

  it('deletes the oldest finished pods beyond the terminated-pod threshold', () => {
    const ctx = newControllerContext();
    ctx.api.create<Node>({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'here' } });
    for (let i = 0; i < 4; i++) {
      createPod(ctx, `job-${i}`, 'here', { phase: 'Succeeded' });
      ctx.clock.advance(1000);
    }
    createPod(ctx, 'running', 'here');
    createPodGcController(ctx, new PodsByNodeIndex(ctx.api), { terminatedPodThreshold: 2 }).boot();
    ctx.clock.flush();
    expect(ctx.api.peekList<Pod>('Pod').map((p) => p.metadata.name).sort()).toEqual(['job-2', 'job-3', 'running']);
  });
});
