import { describe, expect, it } from 'vitest';
import { probeDefaults } from './probes';
import { createKubeletTestCluster } from '../testing/kubeletHarness';

describe('probes', () => {
  it('defaults: initialDelaySeconds 0, periodSeconds 10, successThreshold 1, failureThreshold 3', () => {
    expect(probeDefaults({ httpGet: { port: 80 } })).toEqual({ initialDelayMs: 0, periodMs: 10_000, successThreshold: 1, failureThreshold: 3 });
  });

  it('a readiness probe holds Ready until its first success after initialDelaySeconds', () => {
    const c = createKubeletTestCluster();
    c.createPod({ containers: [{ name: 'web', image: 'nginx:1.25', readinessProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 5 } }] }, 'web');
    c.clock.advance(4_000);
    const cs = () => c.pod('web').status!.containerStatuses![0]!;
    expect(cs().state?.running).toBeDefined();
    expect(cs().ready).toBe(false);
    expect(c.pod('web').status?.conditions?.find((x) => x.type === 'Ready')?.message).toBe('containers with unready status: [web]');
    c.clock.advance(5_000);
    expect(cs().ready).toBe(true);
  });

  it('the docs liveness-exec pod: /tmp/healthy removed at 30 s, 3 failures 5 s apart, killed and restarted', () => {
    const c = createKubeletTestCluster();
    c.createPod(
      {
        containers: [
          {
            name: 'liveness',
            image: 'registry.k8s.io/busybox:1.27.2',
            args: ['/bin/sh', '-c', 'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600'],
            livenessProbe: { exec: { command: ['cat', '/tmp/healthy'] }, initialDelaySeconds: 5, periodSeconds: 5 },
          },
        ],
      },
      'liveness-exec',
    );
    c.clock.advance(30_000);
    expect(c.eventsFor('liveness-exec').some((e) => e.reason === 'Unhealthy')).toBe(false);
    c.clock.advance(15_000);
    const unhealthy = c.eventsFor('liveness-exec').find((e) => e.reason === 'Unhealthy')!;
    expect(unhealthy.message).toBe("Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
    expect(unhealthy.count).toBe(3);
    expect(c.eventsFor('liveness-exec').find((e) => e.reason === 'Killing')!.message).toBe('Container liveness failed liveness probe, will be restarted');
    // sh as PID 1 ignores SIGTERM: the kill takes the 30 s grace period, then SIGKILL (exit 137).
    c.clock.advance(35_000);
    const cs = c.pod('liveness-exec').status!.containerStatuses![0]!;
    expect(cs.restartCount).toBe(1);
    expect(cs.lastState?.terminated?.exitCode).toBe(137);
    expect(cs.state?.running).toBeDefined();
  });

  it('agnhost liveness answers 500 after 10 s: HTTP probe failure restarts the container', () => {
    const c = createKubeletTestCluster();
    c.createPod(
      {
        containers: [
          {
            name: 'liveness',
            image: 'registry.k8s.io/e2e-test-images/agnhost:2.40',
            args: ['liveness'],
            livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, initialDelaySeconds: 3, periodSeconds: 3 },
          },
        ],
      },
      'liveness-http',
    );
    c.clock.advance(40_000);
    expect(c.eventsFor('liveness-http').find((e) => e.reason === 'Unhealthy')!.message).toBe('Liveness probe failed: HTTP probe failed with statuscode: 500');
    expect(c.pod('liveness-http').status!.containerStatuses![0]!.restartCount).toBeGreaterThanOrEqual(1);
  });

  it('a startup probe holds liveness and readiness until it succeeds; started is false until then', () => {
    const c = createKubeletTestCluster();
    c.createPod(
      {
        containers: [
          {
            name: 'app',
            image: 'nginx:1.25',
            startupProbe: { httpGet: { path: '/', port: 80 }, initialDelaySeconds: 20, periodSeconds: 10 },
            readinessProbe: { httpGet: { path: '/', port: 80 } },
          },
        ],
      },
      'slow',
    );
    c.clock.advance(15_000);
    const cs = () => c.pod('slow').status!.containerStatuses![0]!;
    expect(cs().started).toBe(false);
    expect(cs().ready).toBe(false);
    c.clock.advance(10_000);
    expect(cs().started).toBe(true);
    expect(cs().ready).toBe(true);
  });

  it('a forced readiness failure (fault) makes the pod unready without restarting it', () => {
    const c = createKubeletTestCluster();
    c.createPod({ containers: [{ name: 'web', image: 'nginx:1.25', readinessProbe: { httpGet: { path: '/', port: 80 }, periodSeconds: 5 } }] }, 'web');
    c.clock.advance(10_000);
    expect(c.pod('web').status!.containerStatuses![0]!.ready).toBe(true);
    c.agents.kubelet('node-1')!.setProbeResult('default', 'web', 'web', 'readiness', false);
    c.clock.advance(20_000);
    const cs = c.pod('web').status!.containerStatuses![0]!;
    expect(cs.ready).toBe(false);
    expect(cs.restartCount).toBe(0);
    expect(c.eventsFor('web').find((e) => e.reason === 'Unhealthy')!.message).toMatch(/^Readiness probe failed: Get "http:\/\/10\.244\.0\.\d+:80\/": context deadline exceeded/);
  });
});
