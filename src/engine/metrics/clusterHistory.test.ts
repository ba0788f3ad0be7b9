import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../cluster';
import { ClusterHistory, HISTORY_CAPACITY, HISTORY_INTERVAL_MS } from './clusterHistory';

const PHP_APACHE = readFileSync(new URL('../../../conformance/examples/application/php-apache.yaml', import.meta.url), 'utf8');
const LOAD = 'run load-generator --image=busybox:1.28 --restart=Never -- /bin/sh -c "while sleep 0.01; do wget -q -O- http://php-apache; done"';

function web(replicas: number, cpu = '250m', memory = '256Mi', image = 'nginx:1.27'): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
      - name: web
        image: ${image}
        ports: [{ containerPort: 80 }]
        resources: { requests: { cpu: ${cpu}, memory: ${memory} } }
---
apiVersion: v1
kind: Service
metadata: { name: web }
spec:
  selector: { app: web }
  ports: [{ port: 80 }]
`;
}

const last = (xs: (number | null)[] | undefined) => xs?.[xs.length - 1];
const field = (s: { fields: readonly string[]; values: (number | null)[][] } | undefined, name: string) => s?.values[s.fields.indexOf(name)] ?? [];

function hpaWalkthrough(): Cluster {
  const c = createCluster({ seed: 1, preset: 'default' });
  c.apply(PHP_APACHE);
  c.advance(30_000);
  c.kubectl('autoscale deployment php-apache --cpu-percent=50 --min=1 --max=10');
  c.advance(30_000);
  c.kubectl(LOAD);
  c.advance(4 * 60_000);
  return c;
}

describe('ClusterHistory', () => {
  it('samples every 2 virtual seconds, on multiples of the interval', () => {
    const c = createCluster({ seed: 1, preset: 'default' });
    c.apply(web(2));
    c.advance(32_000);
    const s = c.history.series('Deployment', 'default', 'web')!;
    expect(s.intervalMs).toBe(HISTORY_INTERVAL_MS);
    expect(s.times.length).toBeGreaterThanOrEqual(6);
    for (const t of s.times) expect(t % HISTORY_INTERVAL_MS).toBe(0);
    for (let i = 1; i < s.times.length; i++) expect(s.times[i]! - s.times[i - 1]!).toBe(HISTORY_INTERVAL_MS);
  });

  it('a Deployment scaled from 1 to 5: desired jumps to 5 and Ready climbs to it', () => {
    const c = createCluster({ seed: 1, preset: 'default' });
    // An image each new node must pull first: the Ready line climbs over several samples.
    c.apply(web(1, '250m', '256Mi', 'httpd:2.4'));
    c.advance(30_000);
    c.kubectl('scale deployment web --replicas=5');
    c.advance(60_000);
    const s = c.history.series('Deployment', 'default', 'web')!;
    const desired = field(s, 'desired');
    const ready = field(s, 'ready');
    expect(desired[0]).toBe(1);
    expect(last(desired)).toBe(5);
    expect(last(ready)).toBe(5);
    expect(last(field(s, 'available'))).toBe(5);
    const afterScale = ready.slice(desired.indexOf(5));
    expect(afterScale[0]).toBeLessThan(5);
    expect(new Set(afterScale).size).toBeGreaterThan(1);
    for (let i = 1; i < afterScale.length; i++) expect(afterScale[i]!).toBeGreaterThanOrEqual(afterScale[i - 1]!);
  });

  it('the HPA walkthrough: CPU above its 50% target under load, replicas rising from 1', () => {
    const c = hpaWalkthrough();
    const s = c.history.series('HorizontalPodAutoscaler', 'default', 'php-apache')!;
    expect(new Set(field(s, 'cpuTargetPercent').filter((v) => v !== null))).toEqual(new Set([50]));
    const cpu = field(s, 'cpuPercent').filter((v): v is number => v !== null);
    expect(Math.max(...cpu)).toBeGreaterThan(100);
    const replicas = field(s, 'replicas').filter((v): v is number => v !== null);
    expect(replicas[0]).toBe(1);
    expect(last(replicas)).toBeGreaterThanOrEqual(5);
  });

  it('a node: requested CPU and memory grow with the pods bound to it, allocatable stays', () => {
    const c = createCluster({ seed: 1, preset: 'default' });
    const before = c.history;
    c.advance(10_000);
    c.apply(web(6, '500m', '512Mi'));
    c.advance(60_000);
    expect(c.history).toBe(before);
    let grew = 0;
    for (const node of ['worker-1', 'worker-2', 'worker-3']) {
      const s = c.history.series('Node', undefined, node)!;
      const cpu = field(s, 'cpuRequestedMilli');
      const mem = field(s, 'memoryRequestedMi');
      expect(new Set(field(s, 'cpuAllocatableMilli')).size).toBe(1);
      expect(field(s, 'cpuAllocatableMilli')[0]).toBeGreaterThan(0);
      const podsHere = c.api.peekList<{ spec?: { nodeName?: string }; metadata: { labels?: Record<string, string> } }>('Pod').filter((p) => p.spec?.nodeName === node && p.metadata.labels?.app === 'web').length;
      expect(last(cpu)! - cpu[0]!).toBe(500 * podsHere);
      expect(last(mem)! - mem[0]!).toBe(512 * podsHere);
      grew += podsHere;
    }
    expect(grew).toBe(6);
  });

  it('a Service: the load generator\'s requests per second, and every one an error once no endpoint is left', () => {
    const c = createCluster({ seed: 1, preset: 'default' });
    c.apply(PHP_APACHE);
    c.advance(30_000);
    c.kubectl(LOAD);
    c.advance(60_000);
    let s = c.history.series('Service', 'default', 'php-apache')!;
    const rate = last(field(s, 'requestsPerSecond'))!;
    // `sleep 0.01; wget` loops every 13 ms: about 77 requests a second.
    expect(rate).toBeGreaterThan(60);
    expect(rate).toBeLessThan(90);
    expect(last(field(s, 'errorsPerSecond'))).toBe(0);
    c.kubectl('scale deployment php-apache --replicas=0');
    c.advance(60_000);
    s = c.history.series('Service', 'default', 'php-apache')!;
    expect(last(field(s, 'errorsPerSecond'))).toBeCloseTo(last(field(s, 'requestsPerSecond'))!, 5);
    expect(last(field(s, 'errorsPerSecond'))).toBeGreaterThan(60);
  });

  it('a wget from kubectl exec counts one request on the Service it reaches', () => {
    const c = createCluster({ seed: 1, preset: 'default' });
    c.apply(web(1));
    c.kubectl('run client --image=busybox:1.36 --restart=Never -- sleep 3600');
    c.advance(40_000);
    const before = c.serviceTraffic.totalsOf('default', 'web');
    expect(before).toEqual({ requests: 0, errors: 0 });
    const out = c.kubectl('exec client -- wget -q -O- http://web');
    expect(out.exitCode).toBe(0);
    expect(c.serviceTraffic.totalsOf('default', 'web')).toEqual({ requests: 1, errors: 0 });
    c.kubectl('scale deployment web --replicas=0');
    c.advance(40_000);
    c.kubectl('exec client -- wget -q -O- http://web');
    expect(c.serviceTraffic.totalsOf('default', 'web')).toEqual({ requests: 2, errors: 1 });
  });

  it('is bounded: a long run keeps HISTORY_CAPACITY samples per object', () => {
    const c = createCluster({ seed: 1, preset: 'default' });
    c.apply(web(1));
    c.advance((HISTORY_CAPACITY + 50) * HISTORY_INTERVAL_MS);
    const s = c.history.series('Deployment', 'default', 'web')!;
    expect(s.times.length).toBe(HISTORY_CAPACITY);
    expect(s.values.every((v) => v.length === HISTORY_CAPACITY)).toBe(true);
    expect(s.times[s.times.length - 1]).toBeLessThanOrEqual(c.clock.now());
  });

  it('tracks at most maxPerKind objects of a kind, and forgets an object that is gone', () => {
    const c = createCluster({ seed: 1, preset: 'default' });
    const small = new ClusterHistory({ api: c.api, clock: c.clock, traffic: c.serviceTraffic, requestedOn: (n) => c.scheduler.requestedOn(n) }, { maxPerKind: 2 });
    c.apply(web(1));
    c.advance(10_000);
    // control-plane, worker-1, worker-2, worker-3: only the first two seen.
    expect(small.series('Node', undefined, 'control-plane')).toBeDefined();
    expect(small.series('Node', undefined, 'worker-1')).toBeDefined();
    expect(small.series('Node', undefined, 'worker-2')).toBeUndefined();
    c.kubectl('delete deployment web');
    c.advance(10_000);
    expect(c.history.series('Deployment', 'default', 'web')).toBeUndefined();
  });

  it('is deterministic: the same inputs, or a restored snapshot, give the same series', () => {
    const a = hpaWalkthrough();
    const b = hpaWalkthrough();
    const restored = createCluster({ restore: a.snapshot() });
    for (const [kind, ns, name] of [['HorizontalPodAutoscaler', 'default', 'php-apache'], ['Deployment', 'default', 'php-apache'], ['Node', undefined, 'worker-2'], ['Service', 'default', 'php-apache']] as const) {
      const want = a.history.series(kind, ns, name);
      expect(want).toBeDefined();
      expect(b.history.series(kind, ns, name)).toEqual(want);
      expect(restored.history.series(kind, ns, name)).toEqual(want);
    }
  });

  it('does not change what the cluster does (the hpa transcript\'s figures hold)', () => {
    const c = hpaWalkthrough();
    // The CLI transcript hpa.expected shows these replica counts; sampling must not shift them.
    expect(c.kubectl('get hpa').stdout).toMatch(/php-apache\s+Deployment\/php-apache\s+cpu: \d+%\/50%\s+1\s+10\s+\d+/);
  });
});
