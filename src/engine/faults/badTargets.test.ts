import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster';
import { EtcdCluster } from './etcd';
import { missingTag } from './images';
import { parseFaultCommand } from './parseFault';
import { faultTextEn, type FaultCode } from './resultText';
import type { Fault } from './types';

describe('bad targets get a clear error, never an exception', () => {
  const c = createCluster({ preset: 'default' });
  c.apply(`apiVersion: v1
kind: Pod
metadata: {name: plain}
spec:
  containers:
  - {name: app, image: nginx:1.25}
`);
  c.advance(30_000);
  const cases: Array<{ name: string; fault: Fault; error: string; code: FaultCode }> = [
    { name: 'a pod that does not exist (namespace default)', fault: { fault: 'kill-container', target: 'nope' }, error: 'pod "nope" not found in namespace "default"', code: 'pod-not-found' },
    { name: 'a pod in another namespace', fault: { fault: 'delete-pod', target: 'kube-system/nope' }, error: 'pod "nope" not found in namespace "kube-system"', code: 'pod-not-found' },
    { name: 'a container the pod does not have', fault: { fault: 'kill-container', target: 'plain', container: 'sidecar' }, error: 'container "sidecar" not found in pod "plain"', code: 'container-not-found' },
    { name: 'liveness-fail needs a liveness probe', fault: { fault: 'liveness-fail', target: 'plain' }, error: 'container "app" in pod "plain" has no liveness probe (spec.containers[].livenessProbe): there is nothing to fail', code: 'no-liveness-probe' },
    { name: 'a node that does not exist', fault: { fault: 'node-down', target: 'worker-9' }, error: 'node "worker-9" not found', code: 'node-not-found' },
    { name: 'node-up of a running node', fault: { fault: 'node-up', target: 'worker-1' }, error: 'node "worker-1" is not down', code: 'node-not-down' },
    { name: 'heal of a node that is not partitioned', fault: { fault: 'heal', target: 'worker-2' }, error: 'node "worker-2" is not partitioned', code: 'node-not-partitioned' },
    { name: 'a Deployment that does not exist', fault: { fault: 'bad-image', target: 'deployment/web' }, error: 'deployment "web" not found in namespace "default"', code: 'deployment-not-found' },
    { name: 'an unknown component', fault: { fault: 'stop', target: 'kube-proxy' as 'kube-scheduler' }, error: 'unknown component "kube-proxy" (expected one of: kube-scheduler, kube-controller-manager, kube-apiserver, etcd-0, etcd-1, etcd-2)', code: 'unknown-component' },
    { name: 'starting a running component', fault: { fault: 'start', target: 'kube-scheduler' }, error: 'kube-scheduler is already running', code: 'component-already-running' },
    { name: 'a zone no node is in', fault: { fault: 'zone-down', target: 'zone-z' }, error: 'no node has label topology.kubernetes.io/zone=zone-z (zones: zone-a, zone-b, zone-c)', code: 'zone-not-found' },
    { name: 'an unknown fault', fault: { fault: 'meteor', target: 'x' } as unknown as Fault, error: 'unknown fault "meteor" (expected one of: kill-container, crashloop, delete-pod, liveness-fail, readiness-fail, oom, cpu-load, node-down, node-up, partition, heal, bad-image, stop, start, zone-down, zone-up)', code: 'unknown-fault' },
  ];
  it.each(cases)('$name', ({ fault, error, code }) => {
    const r = c.inject(fault);
    expect(r).toMatchObject({ ok: false, error, code });
    // The English text is the code's template with the result's parameters, nothing else.
    expect(faultTextEn(r)).toBe(error);
  });

  it('heal of a pod that does not exist wraps the NotFound as its cause', () => {
    const r = c.inject({ fault: 'heal', target: 'ghost' });
    expect(r).toEqual({
      ok: false,
      error: 'pod "ghost" not found in namespace "default" (heal takes a pod, a node or deployment/NAME)',
      code: 'heal-bad-target',
      params: {},
      cause: { code: 'pod-not-found', params: { pod: 'ghost', namespace: 'default' } },
    });
  });
});

describe('parseFaultCommand (the `fault` directive and console command)', () => {
  it.each([
    { name: 'name and target', words: ['node-down', 'worker-1'], want: { ok: true, value: { fault: 'node-down', target: 'worker-1' } } },
    { name: 'cpu-load takes its percentage as a bare word', words: ['cpu-load', 'deployment/web', '80%'], want: { ok: true, value: { fault: 'cpu-load', target: 'deployment/web', percent: 80 } } },
    { name: 'after= is a duration', words: ['oom', 'web', 'after=30s'], want: { ok: true, value: { fault: 'oom', target: 'web', afterMs: 30_000 } } },
    { name: 'exit= is an exit code', words: ['crashloop', 'web/nginx', 'exit=2'], want: { ok: true, value: { fault: 'crashloop', target: 'web/nginx', exitCode: 2 } } },
    { name: 'a missing target', words: ['node-down'], want: { ok: false, error: expect.stringMatching(/^usage: fault <name> <target>/) as unknown, code: 'usage' } },
    { name: 'an option the fault does not take', words: ['node-down', 'worker-1', 'image=x'], want: { ok: false, error: 'fault node-down has no option "image"', code: 'takes-no-options' } },
    { name: 'cpu-load without a percentage', words: ['cpu-load', 'web'], want: { ok: false, error: 'fault cpu-load needs a percentage: cpu-load TARGET PERCENT (of the CPU request)', code: 'percent-required' } },
    { name: 'an exit code out of range', words: ['kill-container', 'web', 'exit=300'], want: { ok: false, error: 'option exitCode must be an integer from 0 to 255, not "300"', code: 'bad-exit-code' } },
  ])('$name', ({ words, want }) => {
    expect(parseFaultCommand(words)).toMatchObject(want);
  });
});

describe('etcd quorum', () => {
  it.each([
    { name: '3 members running: quorum', down: [], quorum: true },
    { name: '1 of 3 down: 2 still form the quorum of 2', down: ['etcd-1'], quorum: true },
    { name: '2 of 3 down: no quorum', down: ['etcd-0', 'etcd-2'], quorum: false },
    { name: 'all down: no quorum', down: ['etcd-0', 'etcd-1', 'etcd-2'], quorum: false },
  ])('$name', ({ down, quorum }) => {
    const etcd = new EtcdCluster();
    for (const id of down) etcd.setRunning(id, false);
    expect(etcd.quorumSize).toBe(2);
    expect(etcd.hasQuorum).toBe(quorum);
  });
});

describe('bad-image tag', () => {
  it.each([
    { image: 'nginx:1.27', want: 'nginx:1.27-doesnotexist' },
    { image: 'nginx', want: 'nginx:latest-doesnotexist' },
    { image: 'localhost:5000/app', want: 'localhost:5000/app:latest-doesnotexist' },
    { image: 'registry.k8s.io/hpa-example@sha256:abc', want: 'registry.k8s.io/hpa-example:latest-doesnotexist' },
    { image: 'nginx:1.27-doesnotexist', want: 'nginx:1.27-doesnotexist' },
  ])('$image → $want', ({ image, want }) => {
    expect(missingTag(image)).toBe(want);
  });
});
