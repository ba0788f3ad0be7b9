import { describe, expect, it } from 'vitest';
import type { Endpoints } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { newControllerContext } from '../testing/controllerHarness';
import { createNode } from '../testing/fakeNodes';
import { createControllerManager } from './index';

function setup() {
  const ctx = newControllerContext();
  ctx.api.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default' },
    spec: { clusterIP: '10.96.0.1', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] },
  });
  createNode(ctx, 'control-plane', { controlPlane: true, ip: '172.18.0.2' });
  const manager = createControllerManager(ctx);
  manager.boot();
  ctx.clock.flush();
  return { ctx, manager };
}

describe('kube-controller-manager', () => {
  it('runs the controllers under their Kubernetes names', () => {
    const { manager } = setup();
    const names = manager.controllers.map((c) => c.name);
    for (const name of [
      'replicaset-controller',
      'deployment-controller',
      'endpointslice-controller',
      'endpoints-controller',
      'node-lifecycle-controller',
      'taint-eviction-controller',
      'garbage-collector-controller',
      'namespace-controller',
      'serviceaccount-controller',
      'node-ipam-controller',
      'pod-garbage-collector',
    ]) {
      expect(names).toContain(name);
    }
    expect(manager.get('namespace-controller')?.name).toBe('namespace-controller');
    expect(manager.running).toBe(true);
  });

  it('stopped, nothing heals; started again, controllers list everything and reconcile', () => {
    const { ctx, manager } = setup();
    expect(ctx.api.peek('ServiceAccount', 'default', 'default')).toBeDefined();
    manager.stop();
    expect(manager.running).toBe(false);
    expect(manager.controllers.every((c) => c.state === 'stopped')).toBe(true);
    ctx.api.delete('ServiceAccount', 'default', 'default');
    ctx.clock.advance(60_000);
    expect(ctx.api.peek('ServiceAccount', 'default', 'default')).toBeUndefined();
    manager.start();
    ctx.clock.flush();
    expect(ctx.api.peek('ServiceAccount', 'default', 'default')).toBeDefined();
  });

  it("the kubernetes Service's endpoints point at the control-plane node's InternalIP:6443, even with the manager stopped", () => {
    const { ctx, manager } = setup();
    const ep = ctx.api.peek<Endpoints>('Endpoints', 'default', 'kubernetes')!;
    expect(ep.subsets).toEqual([{ addresses: [{ ip: '172.18.0.2' }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }]);
    expect(ctx.api.peek<EndpointSlice>('EndpointSlice', 'default', 'kubernetes')?.endpoints[0]?.addresses).toEqual(['172.18.0.2']);
    manager.stop();
    ctx.api.delete('Endpoints', 'default', 'kubernetes');
    ctx.clock.flush();
    expect(ctx.api.peek('Endpoints', 'default', 'kubernetes')).toBeDefined();
  });

  it('assigns the control-plane node the first pod CIDR', () => {
    const { ctx } = setup();
    expect(ctx.api.peek<{ spec?: { podCIDR?: string } }>('Node', undefined, 'control-plane')?.spec?.podCIDR).toBe('10.244.0.0/24');
  });
});
