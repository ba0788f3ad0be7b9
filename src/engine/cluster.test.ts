import { describe, expect, it } from 'vitest';
import { createCluster } from './cluster';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: nginx
        image: nginx:1.25
`;

function podSummary(c: ReturnType<typeof createCluster>): string[] {
  return c.api
    .peekList<{ spec?: { nodeName?: string }; status?: { phase?: string; podIP?: string } }>('Pod')
    .map((p) => `${p.metadata.namespace}/${p.metadata.name} ${p.spec?.nodeName ?? '-'} ${p.status?.phase ?? '-'} ${p.status?.podIP ?? '-'}`)
    .sort();
}

describe('createCluster', () => {
  it('the default preset has a tainted control-plane node and three Ready workers', () => {
    const c = createCluster({ preset: 'default' });
    c.advance(15_000);
    const out = c.kubectl('get nodes').stdout;
    expect(out).toMatch(/^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/);
    expect(out).toMatch(/control-plane\s+Ready\s+control-plane/);
    for (const w of ['worker-1', 'worker-2', 'worker-3']) expect(out).toMatch(new RegExp(`${w}\\s+Ready\\s+<none>`));
  });

  it('a Deployment applied to the default preset ends with its pods Running on workers only', () => {
    const c = createCluster({ preset: 'default' });
    c.apply(WEB);
    c.advance(60_000);
    const pods = c.api.peekList<{ spec?: { nodeName?: string }; status?: { phase?: string } }>('Pod', { namespace: 'default' });
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.status?.phase).toBe('Running');
      expect(p.spec?.nodeName).toMatch(/^worker-/);
    }
  });

  it('the same seed and inputs give the same history', () => {
    const run = () => {
      const c = createCluster({ seed: 9, preset: 'default' });
      c.apply(WEB);
      c.advance(45_000);
      c.kubectl('scale deployment web --replicas=5');
      c.advance(30_000);
      return podSummary(c);
    };
    expect(run()).toEqual(run());
  });

  it('a different seed gives different generated names', () => {
    const names = (seed: number) => {
      const c = createCluster({ seed, preset: 'default' });
      c.apply(WEB);
      c.advance(5_000);
      return podSummary(c).join();
    };
    expect(names(1)).not.toEqual(names(2));
  });

  it('restoring a snapshot rebuilds the same cluster at the same virtual time', () => {
    const c = createCluster({ seed: 3, preset: 'default' });
    c.apply(WEB);
    c.advance(20_000);
    c.kubectl('scale deployment web --replicas=4');
    c.advance(20_000);
    const restored = createCluster({ restore: JSON.parse(JSON.stringify(c.snapshot())) });
    expect(restored.clock.now()).toBe(c.clock.now());
    expect(podSummary(restored)).toEqual(podSummary(c));
    expect(restored.kubectl('get deploy web').stdout).toEqual(c.kubectl('get deploy web').stdout);
  });

  it('a bad document among good ones applies nothing of itself and leaves the rest applied', () => {
    const c = createCluster({ preset: 'default' });
    const results = c.apply(`${WEB}---
apiVersion: v1
kind: Service
metadata:
  name: Bad_Name
spec:
  ports: [{port: 80}]
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  mode: demo
`);
    expect(results.map((r) => r.action)).toEqual(['created', 'error', 'created']);
    expect(c.api.peek('Service', 'default', 'Bad_Name')).toBeUndefined();
    expect(c.api.peek('ConfigMap', 'default', 'settings')).toBeDefined();
  });
});
