/** A default-preset cluster running a Deployment with probes, limits and a Service, for the fault tests. */
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { ContainerStatus, Node, Pod } from 'kubernetes-types/core/v1';
import { createCluster, type Cluster } from '../cluster';
import type { Stored } from '../objects';

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
