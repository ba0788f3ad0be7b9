import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster, type Cluster } from '../cluster';
import { JOURNEY_STAGES, JourneyRecorder, addedLeaves, type JourneyHop } from './journeyRecorder';
import { freeJourneyName, journeyDeploymentSpec, journeyManifest } from './journeyManifest';

function follow(c: Cluster, name = 'journey'): JourneyRecorder {
  const yaml = journeyManifest(name);
  const r = new JourneyRecorder(c, 1, 'default', name, journeyDeploymentSpec(name));
  for (const res of c.apply(yaml)) expect(res.action).toBe('created');
  for (let i = 0; i < 600 && !r.isComplete; i++) {
    c.advance(100);
    r.sendTraffic();
  }
  return r;
}

/** Another app already running: the journey's request comes from one of its pods. */
const WEB_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

function started(): Cluster {
  const c = createCluster({ seed: 3, preset: 'default' });
  c.apply(WEB_YAML);
  c.advance(40_000);
  return c;
}

const value = (hop: JourneyHop | undefined, path: string) => hop?.fields.find((f) => f.path === path)?.value;

describe('JourneyRecorder', () => {
  const c = started();
  const r = follow(c);
  const { hops, state } = r.record;
  const hop = (stage: string) => hops.find((h) => h.stage === stage);
  const pod = c.api.peekList<Pod>('Pod', { namespace: 'default' }).find((p) => p.metadata.labels?.['app'] === 'journey')!;

  it('records every stage once, in the order Kubernetes takes them, and completes', () => {
    expect(state).toBe('complete');
    expect(hops.map((h) => h.stage)).toEqual(JOURNEY_STAGES);
    for (let i = 1; i < hops.length; i++) expect(hops[i]!.at).toBeGreaterThanOrEqual(hops[i - 1]!.at);
  });

  it.each([
    { stage: 'applied', writer: 'kubectl-client-side-apply' },
    { stage: 'deployment', writer: 'deployment-controller' },
    { stage: 'replicaset', writer: 'replicaset-controller' },
    { stage: 'scheduled', writer: 'default-scheduler' },
    { stage: 'endpoints', writer: 'endpointslice-controller' },
  ])('the $stage hop names its writer as the API server recorded it: $writer', ({ stage, writer }) => {
    expect(hop(stage)?.writer).toBe(writer);
  });

  it('the kubelet hops are written by the kubelet of the node the scheduler chose', () => {
    const node = pod.spec?.nodeName;
    expect(value(hop('scheduled'), 'spec.nodeName')).toBe(node);
    for (const s of ['kubelet', 'running', 'ready']) expect(hop(s)?.writer).toBe(`kubelet/${node}`);
    expect(hop('pulled')?.place).toEqual({ part: 'runtime', node });
  });

  it('captions carry the live values: the pod IP, resourceVersions that grow, the defaults admission added', () => {
    expect(value(hop('running'), 'status.podIP')).toBe(pod.status?.podIP);
    expect(value(hop('endpoints'), 'endpoints[0].addresses')).toBe(`[${pod.status?.podIP}]`);
    const rvs = hops.filter((h) => h.resourceVersion).map((h) => Number(h.resourceVersion));
    expect(rvs).toEqual([...rvs].sort((a, b) => a - b));
    expect(value(hop('admitted'), 'spec.strategy.type')).toBe('RollingUpdate');
    expect(value(hop('stored'), 'metadata.resourceVersion')).toBe(hop('stored')?.resourceVersion);
  });

  it('the image is pulled (the alpine tag is not on the nodes yet), and the request reaches the pod through the Service', () => {
    expect(value(hop('pulled'), 'image')).toBe('nginx:1.27-alpine');
    expect(value(hop('pulled'), 'pulled in')).toMatch(/^\d+\.\d s$/);
    expect(value(hop('traffic'), 'HTTP')).toMatch(/^200/);
    expect(value(hop('traffic'), 'to')).toContain(pod.status?.podIP);
    expect(value(hop('traffic'), 'access log')).toContain('"GET / HTTP/1.1" 200');
    expect(value(hop('traffic'), 'from')).toMatch(/^web-/);
  });

  it('the request is a recorded input: a snapshot replays to the same cluster', () => {
    const again = createCluster({ restore: c.snapshot() });
    expect(again.kubectl('get pods -o wide').stdout).toBe(c.kubectl('get pods -o wide').stdout);
  });

  it('waits at the scheduler while kube-scheduler is stopped', () => {
    const c2 = started();
    c2.inject({ fault: 'stop', target: 'kube-scheduler' });
    const r2 = follow(c2);
    expect(r2.record.state).toBe('recording');
    expect(r2.record.hops.map((h) => h.stage)).toEqual(['applied', 'admitted', 'stored', 'deployment', 'replicaset']);
  });
});

describe('journey helpers', () => {
  it.each([
    { name: 'a manifest without the field: the default is added', given: { a: 1 }, stored: { a: 1, b: 2 }, want: [{ path: 'x.b', value: '2' }] },
    { name: 'nested defaults keep their path', given: { t: { c: [{ n: 'x' }] } }, stored: { t: { c: [{ n: 'x', p: 'Always' }] } }, want: [{ path: 'x.t.c[0].p', value: 'Always' }] },
    { name: 'nothing added, nothing listed', given: { a: 1 }, stored: { a: 1 }, want: [] },
  ])('addedLeaves: $name', ({ given, stored, want }) => {
    expect(addedLeaves(given, stored, 'x')).toEqual(want);
  });

  it('journeyDeploymentSpec is exactly the spec the manifest YAML parses to', () => {
    const deployment = parse(journeyManifest('journey-4').split('\n---\n')[0]!) as { spec: unknown };
    expect(journeyDeploymentSpec('journey-4')).toEqual(deployment.spec);
  });

  it('freeJourneyName skips names taken', () => {
    expect(freeJourneyName(() => false)).toBe('journey');
    expect(freeJourneyName((n) => n === 'journey' || n === 'journey-2')).toBe('journey-3');
  });
});
