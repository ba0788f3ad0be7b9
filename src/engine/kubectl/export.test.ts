import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { createCluster } from '../cluster';
import { exportManifests } from './export';

const APP = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: shop
data:
  color: blue
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  type: NodePort
  selector: {app: web}
  ports:
  - port: 80
---
apiVersion: batch/v1
kind: Job
metadata:
  name: once
  namespace: shop
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: hello
        image: busybox:1.36
        command: ["sh", "-c", "echo hi"]
`;

function exported() {
  const c = createCluster({ seed: 3, preset: 'default' });
  c.apply(APP);
  c.advance(30_000);
  c.kubectl('scale deployment web -n shop --replicas=4');
  c.advance(5_000);
  const text = exportManifests(c.api);
  return { c, text, docs: YAML.parseAllDocuments(text).map((d) => d.toJS() as { kind: string; metadata: Record<string, unknown>; spec?: { replicas?: number; selector?: unknown; clusterIP?: string; ports?: { nodePort?: number }[] }; status?: unknown }) };
}

describe('export (the cluster as YAML to kubectl apply -f elsewhere)', () => {
  it('holds what the student made, namespace first, as it stands now', () => {
    const { docs } = exported();
    expect(docs.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual(['Namespace/shop', 'ConfigMap/settings', 'Service/web', 'Deployment/web', 'Job/once']);
    expect(docs.find((d) => d.kind === 'Deployment')?.spec?.replicas).toBe(4);
  });

  it('leaves out what a cluster makes itself: owned ReplicaSets and Pods, nodes, events, system objects', () => {
    const { text } = exported();
    for (const absent of ['kind: ReplicaSet', 'kind: Pod\n', 'kind: Node', 'kind: Event', 'kube-system', 'kube-root-ca.crt', 'name: kubernetes']) expect(text).not.toContain(absent);
  });

  it('has no status and no server-set metadata or allocated fields', () => {
    const { docs } = exported();
    for (const d of docs) {
      expect(d.status, d.kind).toBeUndefined();
      for (const key of ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields', 'ownerReferences']) expect(d.metadata[key], `${d.kind}.${key}`).toBeUndefined();
      expect(JSON.stringify(d.metadata.annotations ?? {})).not.toMatch(/last-applied-configuration|deployment\.kubernetes\.io\/revision/);
    }
    const svc = docs.find((d) => d.kind === 'Service')!;
    expect(svc.spec?.clusterIP).toBeUndefined();
    expect(svc.spec?.ports?.[0]?.nodePort).toBeUndefined();
    const job = docs.find((d) => d.kind === 'Job')!;
    expect(job.spec?.selector).toBeUndefined();
    expect(JSON.stringify(job)).not.toContain('controller-uid');
  });

  it('applies cleanly to a fresh cluster and gives the same objects back', () => {
    const { text } = exported();
    const fresh = createCluster({ seed: 9, preset: 'default' });
    const results = fresh.apply(text);
    expect(results.filter((r) => r.action === 'error')).toEqual([]);
    fresh.advance(30_000);
    expect(fresh.kubectl('get deployment web -n shop -o jsonpath={.spec.replicas}').stdout).toBe('4');
    expect(exportManifests(fresh.api)).toBe(text);
  });

  it('a cluster the student has not touched exports nothing', () => {
    const c = createCluster({ seed: 1, preset: 'default' });
    expect(exportManifests(c.api)).toBe('');
  });
});
