import { describe, expect, it } from 'vitest';
import type { Namespace, Pod } from 'kubernetes-types/core/v1';
import { finishTerminatingPods, newControllerContext } from '../../testing/controllerHarness';
import { createNamespaceController } from './index';

function setup() {
  const ctx = newControllerContext();
  createNamespaceController(ctx).boot();
  ctx.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
  ctx.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'shop' } });
  ctx.api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { ports: [{ port: 80 }] } });
  ctx.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'shop' }, spec: { nodeName: 'n1', containers: [{ name: 'web', image: 'nginx' }] } });
  ctx.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'keep', namespace: 'default' } });
  ctx.clock.flush();
  return ctx;
}

describe('namespace controller', () => {
  it('deleting a namespace deletes its contents, waits for pods to terminate, then removes the namespace', () => {
    const ctx = setup();
    ctx.api.delete('Namespace', undefined, 'shop');
    ctx.clock.flush();
    expect(ctx.api.peek('ConfigMap', 'shop', 'cfg')).toBeUndefined();
    expect(ctx.api.peek('Service', 'shop', 'web')).toBeUndefined();
    // The bound pod terminates gracefully: the namespace stays Terminating and says why.
    const ns = ctx.api.peek<Namespace>('Namespace', undefined, 'shop');
    expect(ns?.status?.phase).toBe('Terminating');
    expect(ns?.status?.conditions?.find((c) => c.type === 'NamespaceContentRemaining')).toMatchObject({
      status: 'True',
      message: 'Some resources are remaining: pods. has 1 resource instances',
    });
    finishTerminatingPods(ctx);
    ctx.clock.advance(1_000);
    expect(ctx.api.peek('Namespace', undefined, 'shop')).toBeUndefined();
    expect(ctx.api.peek('ConfigMap', 'default', 'keep')).toBeDefined();
  });

  it('a terminating namespace refuses new content', () => {
    const ctx = setup();
    ctx.api.delete('Namespace', undefined, 'shop');
    ctx.clock.flush();
    expect(() => ctx.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'late', namespace: 'shop' } })).toThrow(/being terminated/);
  });
});
