import type { Event, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../cluster';
import { nodeManifest } from '../../../scenarios/presets';

function node(name: string, zone: string, cpu: string): string {
  return nodeManifest(name, { zone, cpu, memoryMi: 65_536 });
}

function deployment(name: string, replicas: number, spread = ''): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:${spread}
      containers:
      - name: c
        image: nginx:1.25
        resources: {requests: {cpu: 100m, memory: 64Mi}}
`;
}

function cluster(nodes: string[]): Cluster {
  const c = createCluster({ seed: 7 });
  for (const n of nodes) c.apply(n);
  c.advance(1_000);
  return c;
}

function placement(c: Cluster, app: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of c.api.peekList<Pod>('Pod', { namespace: 'default' })) {
    if (p.metadata.labels?.app !== app || !p.spec?.nodeName) continue;
    out[p.spec.nodeName] = (out[p.spec.nodeName] ?? 0) + 1;
  }
  return out;
}

describe('PodTopologySpread', () => {
  it('system defaults spread a Deployment over nodes even when one node is far emptier', () => {
    // LeastAllocated alone would put every replica on the 64-core node.
    const c = cluster([node('big', 'a', '64'), node('small-1', 'b', '4'), node('small-2', 'c', '4')]);
    c.apply(deployment('web', 3));
    c.advance(5_000);
    expect(placement(c, 'web')).toEqual({ big: 1, 'small-1': 1, 'small-2': 1 });
  });

  it('the default selector comes from the owner: another app does not count against this one', () => {
    const c = cluster([node('n1', 'a', '8'), node('n2', 'b', '8')]);
    c.apply(deployment('other', 4));
    c.advance(5_000);
    c.apply(deployment('web', 2));
    c.advance(5_000);
    expect(placement(c, 'web')).toEqual({ n1: 1, n2: 1 });
  });

  it('DoNotSchedule with maxSkew 1 over zones: replicas alternate zones, 2 and 2', () => {
    const c = cluster([node('a1', 'a', '8'), node('a2', 'a', '8'), node('b1', 'b', '8')]);
    const spread = `
      topologySpreadConstraints:
      - maxSkew: 1
        topologyKey: topology.kubernetes.io/zone
        whenUnsatisfiable: DoNotSchedule
        labelSelector: {matchLabels: {app: web}}`;
    c.apply(deployment('web', 4, spread));
    c.advance(5_000);
    const p = placement(c, 'web');
    expect((p.a1 ?? 0) + (p.a2 ?? 0)).toBe(2);
    expect(p.b1).toBe(2);
  });

  it('a constraint on a label no node carries leaves the pod Pending with kube-scheduler\'s reason', () => {
    const c = cluster([node('n1', 'a', '8'), node('n2', 'b', '8')]);
    const spread = `
      topologySpreadConstraints:
      - maxSkew: 1
        topologyKey: example.com/rack
        whenUnsatisfiable: DoNotSchedule
        labelSelector: {matchLabels: {app: web}}`;
    c.apply(deployment('web', 1, spread));
    c.advance(5_000);
    const failed = c.api.peekList<Event>('Event', { namespace: 'default' }).find((e) => e.reason === 'FailedScheduling');
    expect(failed?.message).toBe("0/2 nodes are available: 2 node(s) didn't match pod topology spread constraints (missing required label). preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.");
  });

  it('a Service created later becomes part of a bare pod\'s default selector (the selector cache is invalidated)', () => {
    const c = cluster([node('big', 'a', '64'), node('small', 'b', '4')]);
    const bare = (name: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, labels: {app: solo}}
spec:
  containers: [{name: c, image: nginx:1.25, resources: {requests: {cpu: 100m, memory: 64Mi}}}]
`;
    // No controller and no Service: no default constraints, so LeastAllocated sends both to the big node.
    c.apply(bare('p1'));
    c.advance(2_000);
    c.apply(bare('p2'));
    c.advance(2_000);
    expect(placement(c, 'solo')).toEqual({ big: 2 });
    c.apply(`apiVersion: v1
kind: Service
metadata: {name: solo}
spec:
  selector: {app: solo}
  ports: [{port: 80}]
`);
    c.apply(bare('p3'));
    c.advance(2_000);
    expect(placement(c, 'solo')).toEqual({ big: 2, small: 1 });
  });

  it('counts stay current as pods come and go: after a scale-down the next replicas refill the emptied node', () => {
    const c = cluster([node('n1', 'a', '8'), node('n2', 'b', '8'), node('n3', 'c', '8')]);
    c.apply(deployment('web', 6));
    c.advance(5_000);
    expect(placement(c, 'web')).toEqual({ n1: 2, n2: 2, n3: 2 });
    c.kubectl('cordon n3');
    c.kubectl('scale deployment web --replicas=4');
    c.advance(60_000);
    c.kubectl('uncordon n3');
    c.kubectl('scale deployment web --replicas=6');
    c.advance(10_000);
    expect(Object.values(placement(c, 'web')).sort()).toEqual([2, 2, 2]);
  });
});
