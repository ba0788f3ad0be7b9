import type { Deployment } from 'kubernetes-types/apps/v1';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { Event } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../cluster';
import type { Stored } from '../../objects';
import { readCorpusFile } from '../../testing/conformanceCorpus';
import { normalizeWithBehavior, normalizeWithoutBehavior, type HpaHistory } from './normalize';
import { HPA_TOLERANCE } from './replicaCalculator';

const PHP_APACHE = readCorpusFile('examples/application/php-apache.yaml');
const PHP_HPA = readCorpusFile('examples/application/hpa/php-apache.yaml');
const LOAD_GENERATOR = `apiVersion: v1
kind: Pod
metadata: {name: load-generator}
spec:
  restartPolicy: Never
  containers:
  - name: load-generator
    image: busybox:1.28
    command: ["/bin/sh", "-c", "while sleep 0.01; do wget -q -O- http://php-apache; done"]
`;

function hpa(c: Cluster, name = 'php-apache'): Stored<HorizontalPodAutoscaler> {
  return c.api.peek<HorizontalPodAutoscaler>('HorizontalPodAutoscaler', 'default', name)!;
}
function replicas(c: Cluster, name = 'php-apache'): number {
  return c.api.peek<Deployment>('Deployment', 'default', name)!.spec!.replicas!;
}
function condition(c: Cluster, type: string, name = 'php-apache') {
  return hpa(c, name).status?.conditions?.find((x) => x.type === type);
}
function hpaEvents(c: Cluster, name = 'php-apache'): string[] {
  return c.api
    .peekList<Event>('Event', { namespace: 'default' })
    .filter((e) => e.involvedObject.kind === 'HorizontalPodAutoscaler' && e.involvedObject.name === name)
    .sort((a, b) => Date.parse(a.firstTimestamp ?? '') - Date.parse(b.firstTimestamp ?? ''))
    .map((e) => `${e.reason}: ${e.message}`);
}
/** Advances in 5 s steps until `done` or `limitMs`; returns the virtual ms that passed. */
function until(c: Cluster, done: () => boolean, limitMs: number): number {
  let t = 0;
  while (!done() && t < limitMs) {
    c.advance(5_000);
    t += 5_000;
  }
  return t;
}

function walkthrough(): Cluster {
  const c = createCluster({ seed: 1, preset: 'default' });
  c.apply(PHP_APACHE);
  c.advance(30_000);
  c.apply(PHP_HPA);
  return c;
}

describe('HorizontalPodAutoscaler controller (the docs walkthrough: php-apache, 50% CPU, 1-10 replicas)', () => {
  it('first looks 15 s after the HPA appears (the fixed-interval queue), then reports 0% of the request', () => {
    const c = walkthrough();
    c.advance(10_000);
    expect(c.kubectl('get hpa --no-headers').stdout).toContain('cpu: <unknown>/50%');
    c.advance(10_000);
    expect(c.kubectl('get hpa --no-headers').stdout).toMatch(/cpu: [0-2]%\/50%\s+1\s+10\s+1\s/);
    expect(condition(c, 'ScalingActive')).toMatchObject({ status: 'True', reason: 'ValidMetricFound' });
    // 0% proposes 0 replicas; the size at creation is a recent recommendation, so the scale-down is held.
    expect(condition(c, 'AbleToScale')).toMatchObject({ status: 'True', reason: 'ScaleDownStabilized' });
  });

  it('a load generator drives it up: first by the scale-up limit max(2×1, 4), then to about 7 replicas at ~50%', () => {
    const c = walkthrough();
    c.advance(60_000);
    c.apply(LOAD_GENERATOR);
    const toFirst = until(c, () => replicas(c) > 1, 120_000);
    expect(replicas(c)).toBe(4);
    expect(toFirst).toBeLessThanOrEqual(60_000);
    expect(hpaEvents(c)[0]).toBe('SuccessfulRescale: New size: 4; reason: cpu resource utilization (percentage of request) above target');
    c.advance(240_000);
    expect(replicas(c)).toBe(7);
    const util = hpa(c).status!.currentMetrics![0]!.resource!.current.averageUtilization!;
    expect(Math.abs(util / 50 - 1)).toBeLessThanOrEqual(HPA_TOLERANCE);
    expect(c.kubectl('get deploy php-apache --no-headers').stdout).toMatch(/^php-apache\s+7\/7\s+7\s+7\s/);
  });

  it('when the load stops it waits out the 300 s downscale stabilization window, then scales to minReplicas', () => {
    const c = walkthrough();
    c.advance(60_000);
    c.apply(LOAD_GENERATOR);
    c.advance(300_000);
    expect(replicas(c)).toBe(7);
    c.kubectl('delete pod load-generator');
    c.advance(240_000);
    expect(replicas(c)).toBe(7);
    expect(condition(c, 'AbleToScale')).toMatchObject({ reason: 'ScaleDownStabilized' });
    const toDown = until(c, () => replicas(c) < 7, 120_000);
    expect(240_000 + toDown).toBeGreaterThanOrEqual(300_000);
    expect(replicas(c)).toBe(1);
    expect(hpaEvents(c).at(-1)).toBe('SuccessfulRescale: New size: 1; reason: All metrics below target');
    expect(condition(c, 'ScalingLimited')).toMatchObject({ status: 'True', reason: 'TooFewReplicas' });
  });

  it('the load reaches the servers through the Service: access-log lines in php-apache', () => {
    const c = walkthrough();
    c.apply(LOAD_GENERATOR);
    c.advance(60_000);
    const pods = c.kubectl('get pods -l run=php-apache -o name').stdout.trim().split('\n');
    const client = c.kubectl('get pod load-generator -o jsonpath={.status.podIP}').stdout.trim();
    const logs = pods.map((p) => c.kubectl(`logs ${p}`).stdout).join('');
    expect(logs).toMatch(new RegExp(`^${client.replaceAll('.', '\\.')} - - \\[01/Jan/2026:00:\\d\\d:\\d\\d \\+0000\\] "GET / HTTP/1\\.1" 200 3$`, 'm'));
  });

  it('cpu-load on the Deployment drives it as real load would', () => {
    const c = walkthrough();
    c.advance(30_000);
    expect(c.inject({ fault: 'cpu-load', target: 'deployment/php-apache', percent: 150 }).ok).toBe(true);
    until(c, () => replicas(c) > 1, 120_000);
    // 150% of the request on one pod → ceil(1 × 150/50) = 3.
    expect(replicas(c)).toBe(3);
  });
});

describe('HorizontalPodAutoscaler: what goes wrong says so, as on a real cluster', () => {
  it('pods without a CPU request: FailedGetResourceMetric and ScalingActive False', () => {
    const c = createCluster({ seed: 2, preset: 'default' });
    c.kubectl('create deployment web --image=nginx:1.27');
    expect(c.kubectl('autoscale deployment web --cpu-percent=50 --min=1 --max=5').stdout).toBe('horizontalpodautoscaler.autoscaling/web autoscaled\n');
    c.advance(60_000);
    const active = condition(c, 'ScalingActive', 'web')!;
    expect(active.status).toBe('False');
    expect(active.reason).toBe('FailedGetResourceMetric');
    expect(active.message).toMatch(/^the HPA was unable to compute the replica count: failed to get cpu utilization: missing request for cpu in container nginx of Pod web-/);
    expect(hpaEvents(c, 'web')).toContain(
      'FailedComputeMetricsReplicas: invalid metrics (1 invalid out of 1), first error is: failed to get cpu resource metric value: failed to get cpu utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API',
    );
    expect(replicas(c, 'web')).toBe(1);
  });

  it('a missing target: FailedGetScale, AbleToScale False', () => {
    const c = createCluster({ seed: 3, preset: 'default' });
    c.apply(PHP_HPA);
    c.advance(20_000);
    expect(condition(c, 'AbleToScale')).toMatchObject({
      status: 'False',
      reason: 'FailedGetScale',
      message: `the HPA controller was unable to get the target's current scale: deployments.apps "php-apache" not found`,
    });
    expect(hpaEvents(c)).toEqual(['FailedGetScale: deployments.apps "php-apache" not found']);
  });

  it('more replicas than maxReplicas: scaled down to the maximum at the next pass', () => {
    const c = walkthrough();
    c.kubectl('scale deployment php-apache --replicas=12');
    c.advance(20_000);
    expect(replicas(c)).toBe(10);
    expect(hpaEvents(c)).toContain('SuccessfulRescale: New size: 10; reason: Current number of replicas above Spec.MaxReplicas');
  });

  it('custom metrics are refused as by a cluster without a custom metrics adapter', () => {
    const c = createCluster({ seed: 4, preset: 'default' });
    c.apply(PHP_APACHE);
    c.apply(`apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {name: php-apache}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: php-apache}
  maxReplicas: 5
  metrics:
  - type: Pods
    pods:
      metric: {name: packets-per-second}
      target: {type: AverageValue, averageValue: 1k}
`);
    c.advance(20_000);
    expect(condition(c, 'ScalingActive')).toMatchObject({ status: 'False', reason: 'FailedGetPodsMetric' });
    expect(c.kubectl('get hpa --no-headers').stdout).toContain('<unknown>/1k');
  });

  it('describe hpa prints metrics, pods and conditions in kubectl\'s layout', () => {
    const c = walkthrough();
    c.advance(20_000);
    const out = c.kubectl('describe hpa php-apache').stdout;
    expect(out).toMatch(/^Reference:\s+Deployment\/php-apache$/m);
    expect(out).toMatch(/^ {2}resource cpu on pods {2}\(as a percentage of request\): {2}\d+% \(\d+m\) \/ 50%$/m);
    expect(out).toMatch(/^Deployment pods:\s+1 current \/ 1 desired$/m);
    expect(out).toMatch(/^ {2}ScalingActive\s+True\s+ValidMetricFound\s+the HPA was able/m);
  });
});

describe('HPA normalization (stabilization, rate limits, bounds)', () => {
  const fresh = (current: number, atMs = 0): HpaHistory => ({ recommendations: [{ replicas: current, atMs }], scaleUpEvents: [], scaleDownEvents: [] });

  it.each([
    { name: 'scale-up capped at max(2 × current, 4)', current: 1, proposed: 9, want: 4, reason: 'ScaleUpLimit', limited: 'True' },
    { name: 'scale-up from 3 capped at 6', current: 3, proposed: 9, want: 6, reason: 'ScaleUpLimit', limited: 'True' },
    { name: 'capped at maxReplicas', current: 8, proposed: 30, want: 10, reason: 'TooManyReplicas', limited: 'True' },
    { name: 'within range', current: 4, proposed: 6, want: 6, reason: 'DesiredWithinRange', limited: 'False' },
  ])('without spec.behavior: $name', ({ current, proposed, want, reason, limited }) => {
    const n = normalizeWithoutBehavior(fresh(current), 1_000, current, proposed, 1, 10);
    expect(n.replicas).toBe(want);
    expect(n.limited).toMatchObject({ reason, status: limited });
  });

  it('a scale-down keeps the highest recommendation of the last 300 s', () => {
    const h = fresh(6, 0);
    expect(normalizeWithoutBehavior(h, 100_000, 6, 2, 1, 10)).toMatchObject({ replicas: 6, ableToScale: { reason: 'ScaleDownStabilized' } });
    expect(normalizeWithoutBehavior(h, 301_000, 6, 2, 1, 10).replicas).toBe(2);
  });

  it('spec.behavior policies: at most 1 pod per 60 s, counted over recent scale events', () => {
    const behavior = { scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] } };
    const h = fresh(2);
    const first = normalizeWithBehavior(h, 1_000, behavior, 2, 8, 1, 10);
    expect(first).toMatchObject({ replicas: 3, limited: { reason: 'ScaleUpLimit', status: 'True' } });
    h.scaleUpEvents.push({ change: 1, atMs: 1_000, outdated: false });
    expect(normalizeWithBehavior(h, 30_000, behavior, 3, 8, 1, 10).replicas).toBe(3);
    expect(normalizeWithBehavior(h, 62_000, behavior, 3, 8, 1, 10).replicas).toBe(4);
  });

  it('selectPolicy Disabled never scales in that direction', () => {
    const behavior = { scaleDown: { selectPolicy: 'Disabled', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }], stabilizationWindowSeconds: 0 } };
    expect(normalizeWithBehavior(fresh(5), 1_000, behavior, 5, 1, 1, 10).replicas).toBe(5);
  });
});
