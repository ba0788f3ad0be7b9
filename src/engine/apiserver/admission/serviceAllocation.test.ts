/* eslint-disable @typescript-eslint/no-explicit-any -- tests read loosely typed JSON */
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../objects';
import { ApiError } from '../errors';
import { createTestControlPlane } from '../../testing/bareControlPlane';
import { ipToNumber } from './serviceAllocation';

function service(name: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector: { app: name }, ports: [{ port: 80 }], ...spec } };
}

function errorOf(fn: () => unknown): ApiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e;
    throw e;
  }
  throw new Error('expected an ApiError');
}

const CIDR_START = ipToNumber('10.96.0.0');
const CIDR_END = ipToNumber('10.111.255.255');

describe('ClusterIP allocation (10.96.0.0/12)', () => {
  it('bootstrap gives `kubernetes` 10.96.0.1', () => {
    const { api } = createTestControlPlane();
    expect((api.get('Service', 'default', 'kubernetes') as any).spec.clusterIP).toBe('10.96.0.1');
  });

  it('allocates distinct addresses inside the service CIDR, deterministically for a seed', () => {
    const ips = (seed: number) => {
      const { api } = createTestControlPlane(seed);
      return ['a', 'b', 'c'].map((n) => (api.create(service(n, {})) as any).spec.clusterIP as string);
    };
    const first = ips(7);
    expect(new Set(first).size).toBe(3);
    for (const ip of first) {
      expect(ipToNumber(ip)).toBeGreaterThan(CIDR_START);
      expect(ipToNumber(ip)).toBeLessThan(CIDR_END);
    }
    expect(ips(7)).toEqual(first);
  });

  it('clusterIPs mirrors clusterIP', () => {
    const { api } = createTestControlPlane();
    const s = api.create(service('a', {})) as any;
    expect(s.spec.clusterIPs).toEqual([s.spec.clusterIP]);
  });

  it('honours a requested free address', () => {
    const { api } = createTestControlPlane();
    expect((api.create(service('dns', { clusterIP: '10.96.0.10' })) as any).spec.clusterIP).toBe('10.96.0.10');
  });

  it('refuses a requested address that is taken', () => {
    const { api } = createTestControlPlane();
    const err = errorOf(() => api.create(service('a', { clusterIP: '10.96.0.1' })));
    expect(err.message).toBe('Service "a" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.1"}: failed to allocate IP 10.96.0.1: provided IP is already allocated');
  });

  it('refuses a requested address outside the range', () => {
    const { api } = createTestControlPlane();
    const err = errorOf(() => api.create(service('a', { clusterIP: '10.0.0.5' })));
    expect(err.message).toBe(
      'Service "a" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    );
  });

  it('a deleted Service frees its address', () => {
    const { api } = createTestControlPlane();
    api.create(service('a', { clusterIP: '10.96.0.50' }));
    api.delete('Service', 'default', 'a');
    expect((api.create(service('b', { clusterIP: '10.96.0.50' })) as any).spec.clusterIP).toBe('10.96.0.50');
  });

  it('a dry run holds nothing', () => {
    const { api } = createTestControlPlane();
    api.create(service('a', { clusterIP: '10.96.0.50' }), { dryRun: true });
    expect((api.create(service('b', { clusterIP: '10.96.0.50' })) as any).spec.clusterIP).toBe('10.96.0.50');
  });

  it('headless (clusterIP: None) gets no address', () => {
    const { api } = createTestControlPlane();
    const s = api.create(service('h', { clusterIP: 'None' })) as any;
    expect([s.spec.clusterIP, s.spec.clusterIPs]).toEqual(['None', ['None']]);
  });

  it('ExternalName gets no address and no ipFamilies', () => {
    const { api } = createTestControlPlane();
    const s = api.create({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'db' }, spec: { type: 'ExternalName', externalName: 'db.example.com' } }) as any;
    expect([s.spec.clusterIP, s.spec.ipFamilies]).toEqual([undefined, undefined]);
  });

  it('an UPDATE that omits the clusterIP keeps the allocated one', () => {
    const { api } = createTestControlPlane();
    const s = api.create(service('a', {})) as any;
    const next = structuredClone(s);
    delete next.spec.clusterIP;
    delete next.spec.clusterIPs;
    next.spec.ports = [{ port: 8080 }];
    expect((api.update(next) as any).spec.clusterIP).toBe(s.spec.clusterIP);
  });
});

describe('NodePort allocation (30000-32767)', () => {
  it('allocates a port in range for NodePort and LoadBalancer Services; externalTrafficPolicy Cluster', () => {
    const { api } = createTestControlPlane();
    const np = api.create(service('np', { type: 'NodePort' })) as any;
    const lb = api.create(service('lb', { type: 'LoadBalancer' })) as any;
    for (const s of [np, lb]) {
      expect(s.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
      expect(s.spec.ports[0].nodePort).toBeLessThanOrEqual(32767);
      expect(s.spec.externalTrafficPolicy).toBe('Cluster');
    }
    expect(np.spec.ports[0].nodePort).not.toBe(lb.spec.ports[0].nodePort);
    expect(lb.spec.allocateLoadBalancerNodePorts).toBe(true);
  });

  it('honours a requested port and refuses it when taken', () => {
    const { api } = createTestControlPlane();
    expect((api.create(service('a', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] })) as any).spec.ports[0].nodePort).toBe(30080);
    const err = errorOf(() => api.create(service('b', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] })));
    expect(err.message).toBe('Service "b" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated');
  });

  it('refuses a port outside the range', () => {
    const { api } = createTestControlPlane();
    const err = errorOf(() => api.create(service('a', { type: 'NodePort', ports: [{ port: 80, nodePort: 80 }] })));
    expect(err.message).toBe(
      'Service "a" is invalid: spec.ports[0].nodePort: Invalid value: 80: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
  });

  it('ClusterIP Services may not ask for a node port', () => {
    const { api } = createTestControlPlane();
    const err = errorOf(() => api.create(service('a', { ports: [{ port: 80, nodePort: 30001 }] })));
    expect(err.message).toBe("Service \"a\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'");
  });

  it('an UPDATE that omits node ports keeps them; changing the type to ClusterIP drops them', () => {
    const { api } = createTestControlPlane();
    const s = api.create(service('a', { type: 'NodePort' })) as any;
    const port = s.spec.ports[0].nodePort;
    const same = structuredClone(s);
    same.spec.ports = [{ port: 80 }];
    expect((api.update(same) as any).spec.ports[0].nodePort).toBe(port);
    const toClusterIP = structuredClone(api.get('Service', 'default', 'a')) as any;
    toClusterIP.spec.type = 'ClusterIP';
    const updated = api.update(toClusterIP) as any;
    expect(updated.spec.ports[0].nodePort).toBeUndefined();
    expect(updated.spec.externalTrafficPolicy).toBeUndefined();
  });
});
