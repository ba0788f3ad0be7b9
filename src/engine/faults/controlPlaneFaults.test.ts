import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import { ConnectionRefusedError } from '../apiserver/errors';
import { createCluster } from '../cluster';
import { ETCD_NO_QUORUM_MESSAGE } from './etcd';
import { advanceUntil, clusterWithWeb, deployment, eventsFor, nodeReady, pod, webPods } from '../testing/faultCluster';

const REFUSED = new ConnectionRefusedError().message;

describe('stop and start kube-scheduler', () => {
  it('a new pod stays Pending with no FailedScheduling event while the scheduler is stopped; started, it is scheduled', () => {
    const c = createCluster({ preset: 'default' });
    expect(c.inject({ fault: 'stop', target: 'kube-scheduler' })).toMatchObject({ ok: true, message: 'kube-scheduler stopped' });
    c.kubectl('run lonely --image=nginx:1.25');
    c.advance(120_000);
    expect(pod(c, 'lonely')?.spec?.nodeName).toBeUndefined();
    expect(c.kubectl('get pod lonely').stdout).toMatch(/lonely\s+0\/1\s+Pending\s+0\s+2m/);
    expect(eventsFor(c, 'lonely')).toEqual([]);
    expect(c.inject({ fault: 'start', target: 'kube-scheduler' }).ok).toBe(true);
    c.advance(1_000);
    expect(pod(c, 'lonely')?.spec?.nodeName).toMatch(/^worker-/);
    expect(eventsFor(c, 'lonely').map((e) => e.reason)).toContain('Scheduled');
    c.advance(30_000);
    expect(pod(c, 'lonely')?.status?.phase).toBe('Running');
  });
});

describe('stop and start kube-controller-manager', () => {
  it('a deleted pod is not replaced while the controller-manager is stopped; started, the ReplicaSet replaces it', () => {
    const c = clusterWithWeb();
    c.inject({ fault: 'stop', target: 'kube-controller-manager' });
    c.inject({ fault: 'delete-pod', target: webPods(c)[0]!.metadata.name });
    c.advance(120_000);
    expect(webPods(c)).toHaveLength(2);
    c.inject({ fault: 'start', target: 'kube-controller-manager' });
    c.advance(30_000);
    expect(webPods(c)).toHaveLength(3);
    expect(deployment(c)?.status?.availableReplicas).toBe(3);
  });
});

describe('stop and start kube-apiserver', () => {
  it('kubectl is refused while running pods keep serving; back up, everything answers and no node went NotReady', () => {
    const c = clusterWithWeb();
    const names = webPods(c).map((p) => p.metadata.name);
    expect(c.inject({ fault: 'stop', target: 'kube-apiserver' })).toMatchObject({ ok: true, message: 'kube-apiserver stopped' });
    expect(c.kubectl('get pods')).toEqual({ stdout: '', stderr: `${REFUSED}\n`, exitCode: 1 });
    expect(c.kubectl('get pods').stderr).toBe('The connection to the server 10.0.0.10:6443 was refused - did you specify the right host or port?\n');
    c.advance(30_000);
    // The data path does not need the API server: kube-proxy's rules and the containers carry on.
    for (const name of names) {
      const p = pod(c, name)!;
      expect(c.nodes.kubelet(p.spec!.nodeName!)!.slot('default', name)?.running).toBe(true);
    }
    expect(c.proxy.route('default', 'web').ok).toBe(true);
    // Another fault still works on the machines (a container crash while the API server is away).
    expect(c.inject({ fault: 'kill-container', target: names[0]! }).ok).toBe(true);

    expect(c.inject({ fault: 'start', target: 'kube-apiserver' }).ok).toBe(true);
    expect(c.kubectl('get deploy web').exitCode).toBe(0);
    c.advance(60_000);
    for (const n of ['worker-1', 'worker-2', 'worker-3']) expect(nodeReady(c, n)).toBe('True');
    expect(c.kubectl('get deploy web').stdout).toMatch(/web\s+3\/3\s+3\s+3/);
    // The kubelet reported the restart once it could reach the API server again.
    expect(pod(c, names[0]!)!.status!.containerStatuses![0]!.restartCount).toBe(1);
  });
});

describe('leader election through an API server outage', () => {
  it('kube-scheduler and kube-controller-manager lose their lease after the 10 s renew deadline and restart with the API server: no node is declared NotReady', () => {
    const c = clusterWithWeb();
    c.inject({ fault: 'stop', target: 'kube-apiserver' });
    c.advance(9_000);
    expect(c.scheduler.running).toBe(true);
    c.advance(2_000);
    expect(c.scheduler.running).toBe(false);
    expect(c.controllerManager.running).toBe(false);
    c.advance(170_000);
    c.inject({ fault: 'start', target: 'kube-apiserver' });
    expect(c.scheduler.running).toBe(true);
    expect(c.controllerManager.running).toBe(true);
    c.advance(300_000);
    const reasons = c.api.peekList<{ reason?: string }>('Event').map((e) => e.reason);
    expect(reasons).not.toContain('NodeNotReady');
    expect(c.kubectl('get deploy web').stdout).toMatch(/web\s+3\/3\s+3\s+3/);
  });

  it('a component stopped by hand stays stopped when the API server comes back', () => {
    const c = clusterWithWeb();
    c.inject({ fault: 'stop', target: 'kube-scheduler' });
    c.inject({ fault: 'stop', target: 'kube-apiserver' });
    c.advance(60_000);
    c.inject({ fault: 'start', target: 'kube-apiserver' });
    expect(c.scheduler.running).toBe(false);
    expect(c.controllerManager.running).toBe(true);
  });
});

describe('etcd quorum (3 members)', () => {
  it('one member down: still a quorum (2 of 3), reads and writes work', () => {
    const c = clusterWithWeb();
    expect(c.inject({ fault: 'stop', target: 'etcd-0' })).toMatchObject({ ok: true, message: 'etcd-0 (etcd-control-plane) stopped: 2/3 etcd members running, quorum 2' });
    expect(c.kubectl('scale deployment web --replicas=4').exitCode).toBe(0);
    c.advance(30_000);
    expect(webPods(c)).toHaveLength(4);
  });

  it('two members down: quorum lost, every request times out; one back, the cluster works again', () => {
    const c = clusterWithWeb();
    c.inject({ fault: 'stop', target: 'etcd-0' });
    expect(c.inject({ fault: 'stop', target: 'etcd-2' }).ok).toBe(true);
    expect(c.kubectl('scale deployment web --replicas=4')).toEqual({ stdout: '', stderr: `${ETCD_NO_QUORUM_MESSAGE}\n`, exitCode: 1 });
    expect(c.kubectl('get pods').stderr).toBe('Error from server: etcdserver: request timed out\n');
    c.advance(30_000);
    expect(c.proxy.route('default', 'web').ok).toBe(true);
    expect(c.inject({ fault: 'start', target: 'etcd-2' }).ok).toBe(true);
    expect(c.kubectl('scale deployment web --replicas=4').exitCode).toBe(0);
    c.advance(30_000);
    expect(webPods(c)).toHaveLength(4);
  });
});

describe('bad-image', () => {
  it('the new ReplicaSet cannot pull; available replicas never drop below replicas − maxUnavailable; rollout undo recovers', () => {
    const c = clusterWithWeb(4);
    expect(c.inject({ fault: 'bad-image', target: 'web' })).toMatchObject({ ok: true, message: 'deployment.apps/web image updated: container "nginx" now uses "nginx:1.25-doesnotexist", which cannot be pulled' });
    // 4 replicas, maxUnavailable 25% → 1 (rounded down): at least 3 available all along.
    let minAvailable = Infinity;
    for (let t = 0; t < 180; t++) {
      c.advance(1_000);
      minAvailable = Math.min(minAvailable, deployment(c)?.status?.availableReplicas ?? 0);
    }
    expect(minAvailable).toBe(3);
    const stuck = webPods(c).filter((p) => p.spec?.containers?.[0]?.image === 'nginx:1.25-doesnotexist');
    expect(stuck.length).toBe(2);
    for (const p of stuck) expect(['ErrImagePull', 'ImagePullBackOff']).toContain(p.status?.containerStatuses?.[0]?.state?.waiting?.reason);
    expect(c.kubectl('get pods').stdout).toMatch(/ImagePullBackOff/);

    expect(c.kubectl('rollout undo deployment/web').stdout).toBe('deployment.apps/web rolled back\n');
    expect(advanceUntil(c, () => deployment(c)?.status?.updatedReplicas === 4 && deployment(c)?.status?.availableReplicas === 4 && webPods(c).length === 4, 120_000)).toBeDefined();
    expect(webPods(c).every((p) => p.spec?.containers?.[0]?.image === 'nginx:1.25')).toBe(true);
    const bad = c.api.peekList<ReplicaSet>('ReplicaSet', { namespace: 'default' }).find((rs) => rs.spec?.template?.spec?.containers?.[0]?.image === 'nginx:1.25-doesnotexist');
    expect(bad?.spec?.replicas).toBe(0);
  });
});
