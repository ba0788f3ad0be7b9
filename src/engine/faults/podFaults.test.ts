import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describe, expect, it } from 'vitest';
import { advanceUntil, clusterWithWeb, containerStatus, deployment, eventsFor, isPodReady, pod, seconds, webPods } from '../testing/faultCluster';

describe('kill-container', () => {
  it('the process dies with exit 137; the kubelet restarts it at once (first restart: no back-off); RESTARTS shows 1', () => {
    const c = clusterWithWeb();
    const name = webPods(c)[0]!.metadata.name;
    expect(c.inject({ fault: 'kill-container', target: name })).toMatchObject({ ok: true, message: `container "nginx" in pod "${name}" killed (exit code 137)` });
    c.advance(1_000);
    const cs = containerStatus(c, name)!;
    expect(cs.restartCount).toBe(1);
    expect(cs.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(cs.state?.running).toBeDefined();
    c.advance(44_000);
    expect(c.kubectl(`get pod ${name}`).stdout).toMatch(new RegExp(`${name}\\s+1/1\\s+Running\\s+1 \\(45s ago\\)\\s+`));
  });

  it('POD/CONTAINER and NAMESPACE/POD both name a pod', () => {
    const c = clusterWithWeb();
    const name = webPods(c)[0]!.metadata.name;
    expect(c.inject({ fault: 'kill-container', target: `${name}/nginx` }).ok).toBe(true);
    c.advance(1_000);
    expect(c.inject({ fault: 'kill-container', target: `default/${name}` }).ok).toBe(true);
    c.advance(1_000);
    // The second kill comes within the back-off window: 10 s before the next start.
    expect(containerStatus(c, name)!.restartCount).toBe(1);
    expect(containerStatus(c, name)!.state?.waiting?.reason).toBe('CrashLoopBackOff');
    c.advance(10_000);
    expect(containerStatus(c, name)!.restartCount).toBe(2);
  });
});

describe('crashloop', () => {
  it('the container exits after every start: restarts wait 10 s, 20 s, 40 s (doubling back-off) and the pod shows CrashLoopBackOff', () => {
    const c = clusterWithWeb();
    const name = webPods(c)[0]!.metadata.name;
    expect(c.inject({ fault: 'crashloop', target: name }).ok).toBe(true);
    const exits: number[] = [];
    const starts: number[] = [];
    let wasRunning = false;
    for (let i = 0; i < 1_200; i++) {
      const running = c.nodes.kubelet(pod(c, name)!.spec!.nodeName!)!.slot('default', name)!.running;
      if (running && !wasRunning) starts.push(seconds(c));
      if (!running && wasRunning) exits.push(seconds(c));
      wasRunning = running;
      c.advance(100);
    }
    // The kill at injection restarts at once (the first restart has no back-off): starts[0]. Every
    // later start follows an exit by the back-off, plus 0.2 s to create and start the container.
    const waits = exits.map((e, i) => Math.round(starts[i + 1]! - e));
    expect(waits.slice(0, 3)).toEqual([10, 20, 40]);
    expect(containerStatus(c, name)!.lastState?.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    expect(eventsFor(c, name).some((e) => e.reason === 'BackOff')).toBe(true);
    c.advance(20_000);
    expect(c.kubectl(`get pod ${name}`).stdout).toMatch(/0\/1\s+CrashLoopBackOff\s+4 \(/);
    // heal: the next start stays up.
    c.inject({ fault: 'heal', target: name });
    expect(advanceUntil(c, () => isPodReady(pod(c, name)), 400_000)).toBeDefined();
    const restarts = containerStatus(c, name)!.restartCount;
    c.advance(120_000);
    expect(containerStatus(c, name)!.restartCount).toBe(restarts);
  });
});

describe('delete-pod', () => {
  it('the ReplicaSet replaces the deleted pod', () => {
    const c = clusterWithWeb();
    const name = webPods(c)[0]!.metadata.name;
    expect(c.inject({ fault: 'delete-pod', target: name })).toMatchObject({ ok: true, message: `pod "${name}" deleted` });
    expect(pod(c, name)?.metadata.deletionTimestamp).toBeDefined();
    c.advance(1_000);
    expect(webPods(c).filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(3);
    c.advance(40_000);
    expect(pod(c, name)).toBeUndefined();
    expect(deployment(c)?.status?.availableReplicas).toBe(3);
  });
});

describe('probes', () => {
  it('readiness-fail: after 3 failures (period 10 s) the pod is NotReady, marked not ready in the EndpointSlice, gets no traffic, and is not restarted', () => {
    const c = clusterWithWeb();
    const name = webPods(c)[0]!.metadata.name;
    const ip = pod(c, name)!.status!.podIP!;
    const t0 = seconds(c);
    expect(c.inject({ fault: 'readiness-fail', target: name }).ok).toBe(true);
    const notReadyAt = advanceUntil(c, () => !isPodReady(pod(c, name)), 60_000)!;
    expect(notReadyAt - t0).toBeGreaterThan(20);
    expect(notReadyAt - t0).toBeLessThanOrEqual(31);
    c.advance(1_000);
    const endpoints = c.api.peekList<EndpointSlice>('EndpointSlice', { namespace: 'default' }).flatMap((s) => s.endpoints ?? []);
    expect(endpoints.find((e) => e.addresses.includes(ip))?.conditions?.ready).toBe(false);
    for (let i = 0; i < 50; i++) {
      const r = c.proxy.route('default', 'web');
      expect(r.ok && r.backend.podName).not.toBe(name);
    }
    expect(eventsFor(c, name).filter((e) => e.reason === 'Unhealthy').map((e) => e.message)[0]).toBe('Readiness probe failed: Get "http://' + ip + ':80/": context deadline exceeded (Client.Timeout exceeded while awaiting headers)');
    c.advance(120_000);
    expect(containerStatus(c, name)!.restartCount).toBe(0);
    expect(c.kubectl(`get pod ${name}`).stdout).toMatch(/0\/1\s+Running\s+0\s+/);

    c.inject({ fault: 'heal', target: name });
    expect(advanceUntil(c, () => isPodReady(pod(c, name)), 15_000)).toBeDefined();
    c.advance(1_000);
    const picked = new Set<string | undefined>();
    for (let i = 0; i < 60; i++) {
      const r = c.proxy.route('default', 'web');
      if (r.ok) picked.add(r.backend.podName);
    }
    expect(picked.has(name)).toBe(true);
  });

  it('liveness-fail: 3 failed probes (period 10 s), then the kubelet kills and restarts the container', () => {
    const c = clusterWithWeb();
    const name = webPods(c)[0]!.metadata.name;
    const t0 = seconds(c);
    c.inject({ fault: 'liveness-fail', target: name });
    const killing = () => eventsFor(c, name).find((e) => e.reason === 'Killing');
    const killedAt = advanceUntil(c, () => killing() !== undefined, 60_000, 100)!;
    expect(killedAt - t0).toBeGreaterThan(20);
    expect(killedAt - t0).toBeLessThanOrEqual(31);
    expect(killing()?.message).toBe('Container nginx failed liveness probe, will be restarted');
    expect(eventsFor(c, name).find((e) => e.reason === 'Unhealthy' && e.message?.startsWith('Liveness probe failed'))?.count).toBe(3);
    // nginx stops on SIGTERM at once; the first restart has no back-off.
    const restartedAt = advanceUntil(c, () => (containerStatus(c, name)?.restartCount ?? 0) > 0, 60_000, 100)!;
    expect(restartedAt - killedAt).toBeLessThan(1);
    // The probe still fails after the restart: it keeps restarting until healed.
    c.inject({ fault: 'heal', target: name });
    const n = containerStatus(c, name)!.restartCount;
    c.advance(120_000);
    expect(containerStatus(c, name)!.restartCount).toBe(n);
  });
});

describe('oom', () => {
  it('memory climbs to the 128Mi limit, then OOMKilled (exit 137) and a restart', () => {
    const c = clusterWithWeb();
    const name = webPods(c)[0]!.metadata.name;
    const t0 = seconds(c);
    expect(c.inject({ fault: 'oom', target: name })).toMatchObject({ ok: true, message: `memory of container "nginx" in pod "${name}" grows to its memory limit (128Mi): OOMKilled in 20s` });
    c.advance(10_000);
    const half = c.nodes.podMetrics('default', name)!.containers[0]!.memoryBytes;
    expect(half).toBeGreaterThan(50 * 1024 * 1024);
    expect(half).toBeLessThan(128 * 1024 * 1024);
    const restartedAt = advanceUntil(c, () => (containerStatus(c, name)?.restartCount ?? 0) === 1, 30_000)!;
    expect(restartedAt - t0).toBeGreaterThanOrEqual(20);
    expect(restartedAt - t0).toBeLessThanOrEqual(21);
    expect(containerStatus(c, name)!.lastState?.terminated).toMatchObject({ exitCode: 137, reason: 'OOMKilled' });
    expect(c.kubectl(`describe pod ${name}`).stdout).toMatch(/Last State:\s+Terminated\n\s+Reason:\s+OOMKilled\n\s+Exit Code:\s+137/);
    c.advance(60_000);
    expect(containerStatus(c, name)!.restartCount).toBe(1);
  });
});

describe('cpu-load', () => {
  it.each([
    { name: 'a pod uses the given share of its 100m request', target: (pod: string) => pod, percent: 80, want: 80, pods: 1 },
    { name: 'deployment/NAME loads every pod of the Deployment', target: () => 'deployment/web', percent: 250, want: 250, pods: 3 },
  ])('$name', ({ target, percent, want, pods }) => {
    const c = clusterWithWeb();
    const first = webPods(c)[0]!.metadata.name;
    expect(c.inject({ fault: 'cpu-load', target: target(first), percent }).ok).toBe(true);
    c.advance(1_000);
    const loaded = webPods(c).filter((p) => c.nodes.podMetrics('default', p.metadata.name)?.containers[0]?.cpuMilli === want);
    expect(loaded).toHaveLength(pods);
  });

  it('pods the Deployment creates later get the load too; heal deployment/NAME removes it', () => {
    const c = clusterWithWeb();
    c.inject({ fault: 'cpu-load', target: 'deployment/web', percent: 90 });
    c.kubectl('scale deployment web --replicas=4');
    c.advance(60_000);
    expect(webPods(c).map((p) => c.nodes.podMetrics('default', p.metadata.name)?.containers[0]?.cpuMilli)).toEqual([90, 90, 90, 90]);
    c.inject({ fault: 'heal', target: 'deployment/web' });
    c.advance(1_000);
    expect(webPods(c).every((p) => c.nodes.podMetrics('default', p.metadata.name)!.containers[0]!.cpuMilli < 90)).toBe(true);
  });
});

describe('heal and the list of active faults', () => {
  it('heal stops a memory leak before the OOM killer acts', () => {
    const c = clusterWithWeb();
    const name = webPods(c)[0]!.metadata.name;
    c.inject({ fault: 'oom', target: name });
    c.advance(10_000);
    c.inject({ fault: 'heal', target: name });
    c.advance(60_000);
    expect(containerStatus(c, name)!.restartCount).toBe(0);
    expect(c.nodes.podMetrics('default', name)!.containers[0]!.memoryBytes).toBeLessThan(50 * 1024 * 1024);
  });

  it('activeFaults lists what is in effect, and forgets it once healed or once the pod is gone', () => {
    const c = clusterWithWeb();
    const [a, b] = webPods(c).map((p) => p.metadata.name);
    c.inject({ fault: 'readiness-fail', target: a! });
    c.inject({ fault: 'liveness-fail', target: b! });
    c.inject({ fault: 'partition', target: 'worker-3' });
    c.inject({ fault: 'stop', target: 'etcd-1' });
    const t = c.clock.now();
    expect(c.faults.activeFaults()).toEqual([
      { fault: 'readiness-fail', target: `default/${a}`, sinceMs: t },
      { fault: 'liveness-fail', target: `default/${b}`, sinceMs: t },
      { fault: 'partition', target: 'worker-3', sinceMs: t },
      { fault: 'stop', target: 'etcd-1', sinceMs: t },
    ]);
    c.inject({ fault: 'heal', target: a! });
    c.inject({ fault: 'heal', target: 'worker-3' });
    c.inject({ fault: 'start', target: 'etcd-1' });
    c.kubectl(`delete pod ${b} --grace-period=0 --force`);
    expect(c.faults.activeFaults()).toEqual([]);
  });
});

describe('a long crash loop past the progress deadline', () => {
  it('the deployment controller rechecks the incomplete Deployment at client-go’s 10 qps, not in a hot loop', () => {
    const c = clusterWithWeb();
    c.inject({ fault: 'crashloop', target: webPods(c)[0]!.metadata.name });
    // progressDeadlineSeconds (600 s) after the last progress, requeueStuckDeployment keeps asking to look again.
    c.advance(12 * 60_000);
    const controller = c.controllerManager.controllers.find((x) => x.name === 'deployment-controller')!;
    const before = controller.syncCount;
    c.advance(10_000);
    const syncs = controller.syncCount - before;
    expect(syncs).toBeGreaterThan(50);
    expect(syncs).toBeLessThanOrEqual(110);
    expect(deployment(c)?.status?.availableReplicas).toBe(2);
  });
});
