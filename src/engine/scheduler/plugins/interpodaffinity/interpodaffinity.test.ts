import type { Event, Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../../cluster';
import { nodeManifest } from '../../../scenarios/presets';
import { readCorpusFile } from '../../../testing/conformanceCorpus';

function node(name: string, zone: string, cpu = '8'): string {
  return nodeManifest(name, { zone, cpu, memoryMi: 65_536 });
}

const CONTROL_PLANE = nodeManifest('control-plane', { controlPlane: true, zone: 'a', cpu: '8', memoryMi: 65_536 });

function pod(name: string, labels: string, affinity = '', namespace = 'default'): string {
  return `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: ${namespace}, labels: {${labels}}}
spec:
  containers: [{name: c, image: nginx:1.25, resources: {requests: {cpu: 100m, memory: 64Mi}}}]${affinity ? `\n  affinity:${affinity}` : ''}
`;
}

function deployment(name: string, replicas: number, affinity: string): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      affinity:${affinity.replace(/\n/g, '\n    ')}
      containers: [{name: c, image: nginx:1.25, resources: {requests: {cpu: 100m, memory: 64Mi}}}]
`;
}

function cluster(...nodes: string[]): Cluster {
  const c = createCluster({ seed: 7 });
  for (const n of nodes) c.apply(n);
  c.advance(1_000);
  return c;
}

function nodeOf(c: Cluster, name: string, namespace = 'default'): string | undefined {
  return c.api.peek<Pod>('Pod', namespace, name)?.spec?.nodeName;
}

function failedScheduling(c: Cluster, podName: string): string | undefined {
  const events = c.api.peekList<Event>('Event', { namespace: 'default' }).filter((e) => e.reason === 'FailedScheduling' && e.involvedObject.name === podName);
  return events.at(-1)?.message;
}

const ZONES = [node('a1', 'a'), node('a2', 'a'), node('b1', 'b'), node('b2', 'b')];

const requiredAffinity = (selector: string, key: string, extra = '') => `
    podAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
      - labelSelector: {matchLabels: {${selector}}}
        topologyKey: ${key}${extra}`;

const requiredAnti = (selector: string, key: string) => `
    podAntiAffinity:
      requiredDuringSchedulingIgnoredDuringExecution:
      - labelSelector: {matchLabels: {${selector}}}
        topologyKey: ${key}`;

describe('InterPodAffinity filter', () => {
  it.each([
    ['zone', 'topology.kubernetes.io/zone', ['b1', 'b2']],
    ['hostname', 'kubernetes.io/hostname', ['b1']],
  ])('required podAffinity over %s puts the pod in the domain of the matching pod', (_label, key, allowed) => {
    const c = cluster(...ZONES);
    c.apply(pod('cache', 'app: cache') + `  nodeName: b1\n`);
    c.advance(2_000);
    for (let i = 0; i < 6; i++) c.apply(pod(`web-${i}`, 'app: web', requiredAffinity('app: cache', key)));
    c.advance(2_000);
    for (let i = 0; i < 6; i++) expect(allowed).toContain(nodeOf(c, `web-${i}`));
  });

  it('a pod whose required affinity matches no pod, and not itself, stays Pending as unresolvable', () => {
    const c = cluster(...ZONES);
    c.apply(pod('web', 'app: web', requiredAffinity('app: cache', 'topology.kubernetes.io/zone')));
    c.advance(2_000);
    expect(nodeOf(c, 'web')).toBeUndefined();
    expect(failedScheduling(c, 'web')).toBe(
      "0/4 nodes are available: 4 node(s) didn't match pod affinity rules. preemption: 0/4 nodes are available: 4 Preemption is not helpful for scheduling.",
    );
    // The matching pod arrives (AssignedPodAdd): the waiting pod follows it into its zone.
    c.apply(pod('cache', 'app: cache') + `  nodeName: a2\n`);
    c.advance(5_000);
    expect(['a1', 'a2']).toContain(nodeOf(c, 'web'));
  });

  it('the first pod of a self-affine group goes anywhere; the rest follow it into its zone', () => {
    const c = cluster(...ZONES);
    c.apply(deployment('group', 5, requiredAffinity('app: group', 'topology.kubernetes.io/zone')));
    c.advance(5_000);
    const zones = new Set(
      c.api
        .peekList<Pod>('Pod', { namespace: 'default' })
        .map((p) => p.spec?.nodeName)
        .map((n) => n?.[0]),
    );
    expect(zones.size).toBe(1);
    expect([...zones][0]).toMatch(/^[ab]$/);
  });

  it('required anti-affinity on hostname: one replica per worker; the 4th is Pending with kube-scheduler\'s message', () => {
    const c = cluster(CONTROL_PLANE, node('w1', 'a'), node('w2', 'b'), node('w3', 'c'));
    c.apply(deployment('redis', 4, requiredAnti('app: redis', 'kubernetes.io/hostname')));
    c.advance(5_000);
    const out = c.kubectl('get pods -o wide').stdout;
    const rows = out.trim().split('\n').slice(1);
    const nodes = rows.map((r) => r.split(/\s+/)[6]);
    expect(nodes.filter((n) => n !== '<none>').sort()).toEqual(['w1', 'w2', 'w3']);
    expect(nodes.filter((n) => n === '<none>')).toHaveLength(1);
    const pending = rows.find((r) => r.includes('Pending'))!.split(/\s+/)[0]!;
    expect(failedScheduling(c, pending)).toBe(
      "0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 node(s) didn't match pod anti-affinity rules. " +
        'preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.',
    );
    // explain shows the plugin's verdict per node.
    const why = c.scheduler.explain('default', pending)!;
    expect(why.filters.filter((f) => f.plugin === 'InterPodAffinity').map((f) => [f.node, f.code, f.reasons]).sort()).toEqual([
      ['w1', 'Unschedulable', ["node(s) didn't match pod anti-affinity rules"]],
      ['w2', 'Unschedulable', ["node(s) didn't match pod anti-affinity rules"]],
      ['w3', 'Unschedulable', ["node(s) didn't match pod anti-affinity rules"]],
    ]);
    // A fourth worker (NodeAdd) takes the Pending replica.
    c.apply(node('w4', 'd'));
    c.advance(15_000);
    expect(nodeOf(c, pending)).toBe('w4');
  });

  it('symmetry: an existing pod\'s required anti-affinity keeps matching pods out of its zone', () => {
    const c = cluster(...ZONES);
    c.apply(pod('loner', 'app: loner', requiredAnti('app: web', 'topology.kubernetes.io/zone')) + `  nodeName: a1\n`);
    c.advance(2_000);
    for (let i = 0; i < 6; i++) c.apply(pod(`web-${i}`, 'app: web'));
    c.apply(pod('other', 'app: other'));
    c.advance(2_000);
    for (let i = 0; i < 6; i++) expect(['b1', 'b2']).toContain(nodeOf(c, `web-${i}`));
    const why = c.scheduler.explain('default', 'web-0')!;
    expect(why.filters.filter((f) => f.plugin === 'InterPodAffinity').map((f) => [f.node, f.reasons[0]]).sort()).toEqual([
      ['a1', "node(s) didn't satisfy existing pods anti-affinity rules"],
      ['a2', "node(s) didn't satisfy existing pods anti-affinity rules"],
    ]);
    // A pod the term does not select is not affected: the 4 nodes are all candidates.
    expect(c.scheduler.explain('default', 'other')!.filters).toEqual([]);
  });

  it('namespaceSelector: the term looks only in namespaces with matching labels', () => {
    const c = cluster(...ZONES);
    c.apply(`apiVersion: v1\nkind: Namespace\nmetadata: {name: team-a, labels: {team: a}}\n---\napiVersion: v1\nkind: Namespace\nmetadata: {name: team-b, labels: {team: b}}\n`);
    c.apply(pod('db', 'app: db', '', 'team-a') + `  nodeName: a1\n`);
    c.apply(pod('db', 'app: db', '', 'team-b') + `  nodeName: b1\n`);
    c.advance(2_000);
    const bySelector = (team: string) =>
      requiredAffinity('app: db', 'kubernetes.io/hostname', `\n        namespaceSelector: {matchLabels: {team: ${team}}}`);
    c.apply(pod('to-a', 'app: x', bySelector('a')));
    c.apply(pod('to-b', 'app: x', bySelector('b')));
    // Without namespaces or a selector, only the pod's own namespace (default, no db there).
    c.apply(pod('own-ns', 'app: x', requiredAffinity('app: db', 'kubernetes.io/hostname')));
    c.advance(2_000);
    expect(nodeOf(c, 'to-a')).toBe('a1');
    expect(nodeOf(c, 'to-b')).toBe('b1');
    expect(nodeOf(c, 'own-ns')).toBeUndefined();
  });
});

describe('InterPodAffinity score', () => {
  const preferred = (kind: 'podAffinity' | 'podAntiAffinity', selector: string, key: string, weight: number) => `
    ${kind}:
      preferredDuringSchedulingIgnoredDuringExecution:
      - weight: ${weight}
        podAffinityTerm:
          labelSelector: {matchLabels: {${selector}}}
          topologyKey: ${key}`;

  it('preferred affinity tips the choice toward the matching pod\'s node, at weight 2', () => {
    const c = cluster(node('n1', 'a'), node('n2', 'b'), node('n3', 'c'));
    c.apply(pod('cache', 'app: cache') + `  nodeName: n3\n`);
    c.advance(2_000);
    c.apply(pod('web', 'app: web', preferred('podAffinity', 'app: cache', 'kubernetes.io/hostname', 50)));
    c.advance(2_000);
    expect(nodeOf(c, 'web')).toBe('n3');
    const why = c.scheduler.explain('default', 'web')!;
    expect(why.weights.InterPodAffinity).toBe(2);
    const scores = Object.fromEntries(why.scores.map((s) => [s.node, s.plugins.InterPodAffinity!.score]));
    expect(scores).toEqual({ n1: 0, n2: 0, n3: 100 });
  });

  it('preferred anti-affinity (CoreDNS\'s) keeps two replicas apart even when one node is far emptier', () => {
    // Bare pods: no owner, so no system-default spreading; LeastAllocated alone would pick big twice.
    const c = cluster(node('big', 'a', '64'), node('small', 'a', '4'));
    const anti = preferred('podAntiAffinity', 'k8s-app: kube-dns', 'kubernetes.io/hostname', 100);
    c.apply(pod('dns-1', 'k8s-app: kube-dns', anti));
    c.advance(2_000);
    c.apply(pod('dns-2', 'k8s-app: kube-dns', anti));
    c.apply(pod('plain', 'app: plain'));
    c.advance(2_000);
    expect([nodeOf(c, 'dns-1'), nodeOf(c, 'dns-2'), nodeOf(c, 'plain')]).toEqual(['big', 'small', 'big']);
    const scores = Object.fromEntries(c.scheduler.explain('default', 'dns-2')!.scores.map((s) => [s.node, s.plugins.InterPodAffinity!.score]));
    expect(scores).toEqual({ big: 0, small: 100 });
  });

  it('an existing pod\'s preferred affinity draws a matching newcomer (symmetric scoring)', () => {
    const c = cluster(node('n1', 'a'), node('n2', 'b'), node('n3', 'c'));
    c.apply(pod('sidecar-lover', 'app: lover', preferred('podAffinity', 'app: web', 'kubernetes.io/hostname', 80)) + `  nodeName: n2\n`);
    c.advance(2_000);
    c.apply(pod('web', 'app: web'));
    c.advance(2_000);
    expect(nodeOf(c, 'web')).toBe('n2');
  });

  it.each([
    ['namespaces: [default]', 'namespaces: [default]', 'n2'],
    ['namespaceSelector: {}', 'namespaceSelector: {}', 'n2'],
    ['its own namespace only', '', undefined],
  ])('an existing pod in another namespace draws the newcomer when its term looks in default (%s)', (_name, nsField, expected) => {
    const c = cluster(node('n1', 'a'), node('n2', 'b'), node('n3', 'c'));
    c.apply(`apiVersion: v1\nkind: Namespace\nmetadata: {name: ops}\n`);
    const term = `
    podAffinity:
      preferredDuringSchedulingIgnoredDuringExecution:
      - weight: 100
        podAffinityTerm:
          labelSelector: {matchLabels: {app: web}}
          topologyKey: kubernetes.io/hostname${nsField ? `\n          ${nsField}` : ''}`;
    c.apply(pod('agent', 'app: agent', term, 'ops') + `  nodeName: n2\n`);
    c.advance(2_000);
    c.apply(pod('web', 'app: web'));
    c.advance(2_000);
    const why = c.scheduler.explain('default', 'web')!;
    if (expected) {
      expect(nodeOf(c, 'web')).toBe(expected);
      expect(Object.fromEntries(why.scores.map((s) => [s.node, s.plugins.InterPodAffinity!.score]))).toEqual({ n1: 0, n2: 100, n3: 0 });
    } else {
      expect(why.weights.InterPodAffinity).toBeUndefined();
    }
  });

  it('a pod without affinity in a cluster without affinity pods skips the plugin entirely', () => {
    const c = cluster(node('n1', 'a'), node('n2', 'b'));
    c.apply(pod('plain', 'app: plain'));
    c.advance(2_000);
    const why = c.scheduler.explain('default', 'plain')!;
    expect(why.weights.InterPodAffinity).toBeUndefined();
  });
});

describe('the docs example pods/pod-with-pod-affinity.yaml', () => {
  const EXAMPLE = readCorpusFile('examples/pods/pod-with-pod-affinity.yaml');

  it('goes to the zone with a security=S1 pod, and of two such zones prefers the one without S2', () => {
    const c = cluster(...ZONES, node('c1', 'c'));
    c.apply(pod('s1-a', 'security: S1') + `  nodeName: a1\n`);
    c.apply(pod('s1-b', 'security: S1') + `  nodeName: b1\n`);
    c.apply(pod('s2-a', 'security: S2') + `  nodeName: a2\n`);
    c.advance(2_000);
    c.apply(EXAMPLE);
    c.advance(2_000);
    expect(['b1', 'b2']).toContain(nodeOf(c, 'with-pod-affinity'));
    const why = c.scheduler.explain('default', 'with-pod-affinity')!;
    expect(why.filters.filter((f) => f.plugin === 'InterPodAffinity').map((f) => f.node)).toEqual(['c1']);
  });
});
