/** A default-preset cluster running a Deployment with probes, limits and a Service, for the fault tests. */
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { ContainerStatus, Node, Pod } from 'kubernetes-types/core/v1';
import { createCluster, type Cluster } from '../cluster';
import type { Stored } from '../objects';
import { parseChaosCommand, resolveChaosSettings } from '../faults/chaos';
import type { Fault, FaultResult } from '../faults/types';

export function webManifest(replicas = 3): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
        ports:
        - containerPort: 80
        resources:
          requests: {cpu: 100m, memory: 64Mi}
          limits: {memory: 128Mi}
        livenessProbe:
          httpGet: {path: /, port: 80}
        readinessProbe:
          httpGet: {path: /, port: 80}
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  selector: {app: web}
  ports:
  - port: 80
`;
}

/** The cluster 60 s after the Deployment was applied: every pod Running and Ready. */
export function clusterWithWeb(replicas = 3): Cluster {
  const c = createCluster({ preset: 'default' });
  c.apply(webManifest(replicas));
  c.advance(60_000);
  return c;
}

export function webPods(c: Cluster): Stored<Pod>[] {
  return c.api
    .peekList<Pod>('Pod', { namespace: 'default' })
    .filter((p) => p.metadata.labels?.app === 'web')
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

export function pod(c: Cluster, name: string): Stored<Pod> | undefined {
  return c.api.peek<Pod>('Pod', 'default', name);
}

export function containerStatus(c: Cluster, name: string): ContainerStatus | undefined {
  return pod(c, name)?.status?.containerStatuses?.[0];
}

export function isPodReady(p: Stored<Pod> | undefined): boolean {
  return p?.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True') ?? false;
}

export function nodeReady(c: Cluster, name: string): string | undefined {
  return c.api.peek<Node>('Node', undefined, name)?.status?.conditions?.find((x) => x.type === 'Ready')?.status;
}

export function deployment(c: Cluster, name = 'web'): Stored<Deployment> | undefined {
  return c.api.peek<Deployment>('Deployment', 'default', name);
}

/** Seconds since the cluster's epoch (virtual). */
export function seconds(c: Cluster): number {
  return (c.clock.now() - Date.parse('2026-01-01T00:00:00Z')) / 1000;
}

/** Advances in `stepMs` steps until `done` holds; returns the virtual second it first held, or undefined. */
export function advanceUntil(c: Cluster, done: () => boolean, limitMs: number, stepMs = 1000): number | undefined {
  for (let t = 0; t <= limitMs; t += stepMs) {
    if (done()) return seconds(c);
    c.advance(stepMs);
  }
  return done() ? seconds(c) : undefined;
}

export function eventsFor(c: Cluster, name: string): Array<{ reason?: string; message?: string; type?: string; count?: number }> {
  return c.api
    .peekList<{ involvedObject?: { name?: string }; reason?: string; message?: string; type?: string; count?: number }>('Event', { namespace: 'default' })
    .filter((e) => e.involvedObject?.name === name);
}

/**
 * A tour of the fault catalogue that hits (nearly) every result and error the injector can give, for the
 * tests of the structured result texts (the engine's English, the UI's translations).
 */
export function faultResultTour(): Array<{ request: string; result: FaultResult }> {
  const c = clusterWithWeb();
  c.apply(`apiVersion: v1
kind: Pod
metadata: {name: plain}
spec:
  containers:
  - {name: app, image: nginx:1.25}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: solo}
spec:
  replicas: 1
  selector: {matchLabels: {app: solo}}
  template:
    metadata: {labels: {app: solo}}
    spec:
      containers:
      - {name: app, image: nginx:1.25}
`);
  c.advance(30_000);
  const out: Array<{ request: string; result: FaultResult }> = [];
  const run = (fault: Record<string, unknown>) => out.push({ request: JSON.stringify(fault), result: c.inject(fault as unknown as Fault) });
  const [p0, p1, p2] = webPods(c).map((p) => p.metadata.name);
  const onWorker1 = webPods(c).find((p) => p.spec?.nodeName === 'worker-1')?.metadata.name ?? 'plain';
  // The request itself.
  run({ fault: 'meteor', target: 'x' });
  run({ fault: 'node-down', target: ' ' });
  run({ fault: 'kill-container', target: p0, image: 'x' });
  run({ fault: 'node-down', target: 'worker-1', image: 'x' });
  run({ fault: 'cpu-load', target: p0 });
  run({ fault: 'kill-container', target: p0, container: '' });
  run({ fault: 'kill-container', target: p0, exitCode: 256 });
  run({ fault: 'oom', target: p0, afterMs: 'soon' });
  run({ fault: 'oom', target: p0, afterMs: -1 });
  run({ fault: 'cpu-load', target: p0, percent: 'lots' });
  run({ fault: 'oom', target: p0, afterMs: '2h' });
  run({ fault: 'cpu-load', target: p0, percent: 5000 });
  // Targets.
  run({ fault: 'kill-container', target: 'a/b/c/d' });
  run({ fault: 'kill-container', target: 'default/' });
  run({ fault: 'kill-container', target: 'nope' });
  run({ fault: 'kill-container', target: p0, container: 'sidecar' });
  run({ fault: 'bad-image', target: 'a/b/c' });
  run({ fault: 'bad-image', target: 'deployment/nope' });
  run({ fault: 'node-down', target: 'worker-9' });
  run({ fault: 'zone-down', target: 'zone-z' });
  // Pods and containers.
  run({ fault: 'kill-container', target: p0, exitCode: 143 });
  run({ fault: 'crashloop', target: p1, exitCode: 2 });
  run({ fault: 'kill-container', target: p1 });
  run({ fault: 'heal', target: p1 });
  run({ fault: 'heal', target: 'ghost' });
  run({ fault: 'liveness-fail', target: p2 });
  run({ fault: 'readiness-fail', target: p2 });
  run({ fault: 'liveness-fail', target: 'plain' });
  run({ fault: 'readiness-fail', target: 'plain' });
  run({ fault: 'oom', target: p2 });
  run({ fault: 'oom', target: 'plain' });
  run({ fault: 'cpu-load', target: p0, percent: 50 });
  run({ fault: 'cpu-load', target: 'deployment/web', percent: 80 });
  run({ fault: 'cpu-load', target: 'deployment/solo', percent: 80 });
  run({ fault: 'heal', target: 'deployment/web' });
  run({ fault: 'heal', target: 'deployment/solo' });
  run({ fault: 'delete-pod', target: p0 });
  // Nodes and zones.
  run({ fault: 'node-down', target: 'worker-1' });
  run({ fault: 'kill-container', target: onWorker1 });
  run({ fault: 'node-down', target: 'worker-1' });
  run({ fault: 'partition', target: 'worker-1' });
  run({ fault: 'heal', target: 'worker-1' });
  run({ fault: 'node-up', target: 'worker-1' });
  run({ fault: 'node-up', target: 'worker-1' });
  run({ fault: 'partition', target: 'worker-2' });
  run({ fault: 'partition', target: 'worker-2' });
  run({ fault: 'heal', target: 'worker-2' });
  run({ fault: 'heal', target: 'worker-3' });
  run({ fault: 'zone-down', target: 'zone-c' });
  run({ fault: 'zone-down', target: 'zone-c' });
  run({ fault: 'zone-up', target: 'zone-c' });
  run({ fault: 'zone-up', target: 'zone-c' });
  // Rollouts.
  run({ fault: 'bad-image', target: 'web', container: 'nginx', image: 'nginx:0.0.0-nope' });
  run({ fault: 'bad-image', target: 'web', container: 'sidecar' });
  // The API server's validation refuses it (an image with surrounding spaces): kubectl's own error text.
  run({ fault: 'bad-image', target: 'solo', image: ' nginx:1.25 ' });
  // The control plane; a pod the stopped scheduler never places.
  run({ fault: 'stop', target: 'kube-scheduler' });
  run({ fault: 'stop', target: 'kube-scheduler' });
  c.kubectl('run lonely --image=nginx:1.25');
  c.advance(1_000);
  run({ fault: 'kill-container', target: 'lonely' });
  run({ fault: 'cpu-load', target: 'lonely', percent: 10 });
  run({ fault: 'heal', target: 'lonely' });
  run({ fault: 'start', target: 'kube-scheduler' });
  run({ fault: 'start', target: 'kube-scheduler' });
  run({ fault: 'stop', target: 'kube-proxy' });
  run({ fault: 'stop', target: 'etcd-0' });
  run({ fault: 'stop', target: 'etcd-1' });
  run({ fault: 'delete-pod', target: 'plain' });
  run({ fault: 'stop', target: 'etcd-2' });
  run({ fault: 'start', target: 'etcd-2' });
  run({ fault: 'start', target: 'etcd-0' });
  run({ fault: 'start', target: 'etcd-1' });
  run({ fault: 'stop', target: 'kube-scheduler' });
  run({ fault: 'stop', target: 'kube-apiserver' });
  run({ fault: 'delete-pod', target: 'plain' });
  run({ fault: 'start', target: 'kube-scheduler' });
  run({ fault: 'start', target: 'kube-apiserver' });
  // The control-plane machine itself.
  run({ fault: 'partition', target: 'control-plane' });
  c.advance(5_000);
  run({ fault: 'kill-container', target: 'kube-system/kube-apiserver-control-plane' });
  run({ fault: 'start', target: 'kube-apiserver' });
  c.advance(10_000);
  run({ fault: 'node-down', target: 'control-plane' });
  run({ fault: 'stop', target: 'kube-controller-manager' });
  run({ fault: 'node-up', target: 'control-plane' });
  c.advance(10_000);
  // Chaos mode's settings and command line carry codes too.
  const chaosDefaults = { rate: 1, seed: 1, kinds: ['kill-container' as const] };
  const chaos = (request: string, result: ReturnType<typeof resolveChaosSettings> | ReturnType<typeof parseChaosCommand>) => {
    if (!result.ok) out.push({ request, result });
  };
  chaos('chaos rate=0', resolveChaosSettings({ rate: 0 }, chaosDefaults));
  chaos('chaos seed=-1', resolveChaosSettings({ seed: -1 }, chaosDefaults));
  chaos('chaos kinds=meteor', resolveChaosSettings({ kinds: 'meteor' }, chaosDefaults));
  chaos('chaos kinds=', resolveChaosSettings({ kinds: '' }, chaosDefaults));
  chaos('chaos off now', parseChaosCommand(['off', 'now']));
  chaos('chaos sometimes', parseChaosCommand(['sometimes']));
  chaos('chaos on fast', parseChaosCommand(['on', 'fast']));
  return out;
}
