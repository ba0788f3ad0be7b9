import { describe, expect, it } from 'vitest';
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { ConfigMap, Pod } from 'kubernetes-types/core/v1';
import { ownerReferenceTo, type Stored } from '../../objects';
import type { ControllerContext } from '../controllerRuntime';
import { finishTerminatingPods, newControllerContext } from '../../testing/controllerHarness';
import { createReplicaSetController } from '../replicaset';
import { createGarbageCollector, FOREGROUND_FINALIZER } from './index';

function start(replicas = 3): ControllerContext {
  const ctx = newControllerContext();
  createReplicaSetController(ctx).boot();
  createGarbageCollector(ctx).boot();
  ctx.api.create<ReplicaSet>({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
  });
  ctx.clock.flush();
  return ctx;
}

const pods = (ctx: ControllerContext) => ctx.api.peekList<Pod>('Pod', { namespace: 'default' });

function configMap(ctx: ControllerContext, name: string, owners: Stored[]): void {
  ctx.api.create<ConfigMap>({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: 'default', ownerReferences: owners.map((o) => ownerReferenceTo(o, { controller: false })) },
  });
}

describe('garbage collector', () => {
  it('deleting a ReplicaSet deletes its pods (background cascading, the default)', () => {
    const ctx = start();
    expect(pods(ctx)).toHaveLength(3);
    ctx.api.delete('ReplicaSet', 'default', 'web');
    ctx.clock.flush();
    expect(pods(ctx)).toHaveLength(0);
  });

  it('--cascade=orphan keeps the pods, without ownerReferences', () => {
    const ctx = start();
    ctx.api.delete('ReplicaSet', 'default', 'web', { propagationPolicy: 'Orphan' });
    ctx.clock.flush();
    expect(pods(ctx)).toHaveLength(3);
    expect(pods(ctx).every((p) => p.metadata.ownerReferences === undefined)).toBe(true);
  });

  it('--cascade=foreground keeps the owner (foregroundDeletion finalizer) until its pods are gone', () => {
    const ctx = newControllerContext();
    createGarbageCollector(ctx).boot();
    const rs = ctx.api.create<ReplicaSet>({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx' }] } } },
    });
    // A bound pod terminates gracefully, so it stays (Terminating) for a while.
    ctx.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-abcde', namespace: 'default', ownerReferences: [ownerReferenceTo(rs)] }, spec: { nodeName: 'n1', containers: [{ name: 'web', image: 'nginx' }] } });
    ctx.api.delete('ReplicaSet', 'default', 'web', { propagationPolicy: 'Foreground' });
    ctx.clock.flush();
    const owner = ctx.api.peek('ReplicaSet', 'default', 'web');
    expect(owner?.metadata.finalizers).toEqual([FOREGROUND_FINALIZER]);
    expect(owner?.metadata.deletionTimestamp).toBeDefined();
    expect(pods(ctx)[0]?.metadata.deletionTimestamp).toBeDefined();
    finishTerminatingPods(ctx);
    ctx.clock.flush();
    expect(ctx.api.peek('ReplicaSet', 'default', 'web')).toBeUndefined();
  });

  it('a dependent whose owner uid no longer exists is deleted (a new object with the old name is not its owner)', () => {
    const ctx = newControllerContext();
    createGarbageCollector(ctx).boot();
    const owner = ctx.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner', namespace: 'default' } });
    ctx.api.delete('ConfigMap', 'default', 'owner');
    ctx.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner', namespace: 'default' } });
    configMap(ctx, 'child', [owner]);
    ctx.clock.flush();
    expect(ctx.api.peek('ConfigMap', 'default', 'child')).toBeUndefined();
  });

  it('a dependent with one owner left keeps living and loses only the dangling reference', () => {
    const ctx = newControllerContext();
    createGarbageCollector(ctx).boot();
    const a = ctx.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'default' } });
    const b = ctx.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', namespace: 'default' } });
    configMap(ctx, 'child', [a, b]);
    ctx.clock.flush();
    ctx.api.delete('ConfigMap', 'default', 'a');
    ctx.clock.flush();
    const child = ctx.api.peek('ConfigMap', 'default', 'child');
    expect(child?.metadata.ownerReferences?.map((r) => r.name)).toEqual(['b']);
  });

  it('a stopped garbage collector deletes nothing; restarted, it catches up', () => {
    const ctx = newControllerContext();
    const gc = createGarbageCollector(ctx);
    gc.boot();
    const owner = ctx.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'owner', namespace: 'default' } });
    configMap(ctx, 'child', [owner]);
    ctx.clock.flush();
    gc.stop();
    ctx.api.delete('ConfigMap', 'default', 'owner');
    ctx.clock.flush();
    expect(ctx.api.peek('ConfigMap', 'default', 'child')).toBeDefined();
    gc.start();
    ctx.clock.flush();
    expect(ctx.api.peek('ConfigMap', 'default', 'child')).toBeUndefined();
  });
});
