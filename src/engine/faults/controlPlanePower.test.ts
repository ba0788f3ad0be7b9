import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { ConnectionRefusedError } from '../apiserver/errors';
import type { Cue } from '../cues';
import { APISERVER_STARTUP_MS } from './controlPlane';
import { advanceUntil, clusterWithWeb, nodeReady, pod, seconds, webPods } from '../testing/faultCluster';

const REFUSED = 'The connection to the server 10.0.0.10:6443 was refused - did you specify the right host or port?';
const WORKERS = ['worker-1', 'worker-2', 'worker-3'];

function mirror(c: ReturnType<typeof clusterWithWeb>, component: string) {
  return c.api.peek<Pod>('Pod', 'kube-system', `${component}-control-plane`);
}

describe('node-down control-plane', () => {
  it('takes etcd-0, kube-apiserver, kube-scheduler and kube-controller-manager down; the workers keep serving', () => {
    expect(new ConnectionRefusedError().message).toBe(REFUSED);
    const c = clusterWithWeb();
    const names = webPods(c).map((p) => p.metadata.name);
    expect(c.inject({ fault: 'node-down', target: 'control-plane' })).toMatchObject({ ok: true, code: 'control-plane-powered-off' });
    const cp = c.faults.controlPlane;
    expect(['etcd-0', 'etcd-1', 'etcd-2', 'kube-apiserver', 'kube-scheduler', 'kube-controller-manager'].map((n) => cp.isRunning(n))).toEqual([false, true, true, false, false, false]);
    expect(cp.etcd.hasQuorum).toBe(true);
    expect(c.kubectl('get pods')).toEqual({ stdout: '', stderr: `${REFUSED}\n`, exitCode: 1 });
    c.advance(600_000);
    // Ten minutes later: the workers' kubelets still run their pods, and kube-proxy's rules still route.
    for (const name of names) {
      const p = pod(c, name)!;
      expect(c.nodes.kubelet(p.spec!.nodeName!)!.slot('default', name)?.running).toBe(true);
    }
    expect(c.proxy.route('default', 'web').ok).toBe(true);
    // The workers could not post status meanwhile.
    for (const n of WORKERS) expect(c.nodes.kubelet(n)!.reachable).toBe(false);
    // Components on the dead machine can be neither stopped nor started; etcd-1 lives elsewhere.
    expect(c.inject({ fault: 'stop', target: 'kube-scheduler' })).toMatchObject({ ok: false, code: 'component-node-down' });
    expect(c.inject({ fault: 'start', target: 'etcd-0' })).toMatchObject({ ok: false, code: 'component-node-down' });
  });

  it('node-up: etcd, then kube-apiserver, then the scheduler and controller-manager; no worker is evicted for its stale lease', () => {
    const c = clusterWithWeb();
    const names = webPods(c).map((p) => p.metadata.name).sort();
    c.inject({ fault: 'node-down', target: 'control-plane' });
    c.advance(15 * 60_000);
    const order: string[] = [];
    c.onCue((cue: Cue) => {
      if (cue.type === 'component' && cue.state === 'running') order.push(cue.component);
    });
    const on = seconds(c);
    expect(c.inject({ fault: 'node-up', target: 'control-plane' })).toMatchObject({ ok: true, code: 'control-plane-powered-on' });
    const cp = c.faults.controlPlane;
    expect(cp.isRunning('kube-apiserver')).toBe(false);
    expect(c.kubectl('get nodes').stderr).toBe(`${REFUSED}\n`);
    const apiAt = advanceUntil(c, () => c.kubectl('get nodes').exitCode === 0, 60_000, 500)!;
    expect(apiAt - on).toBeGreaterThanOrEqual(APISERVER_STARTUP_MS / 1000);
    expect(apiAt - on).toBeLessThan(10);
    expect(cp.isRunning('etcd-0')).toBe(true);
    expect(c.scheduler.running).toBe(true);
    expect(c.controllerManager.running).toBe(true);
    expect(order.indexOf('etcd-0')).toBeLessThan(order.indexOf('kube-apiserver'));
    expect(order.indexOf('kube-apiserver')).toBeLessThan(order.indexOf('kube-scheduler'));
    expect(order.indexOf('kube-apiserver')).toBeLessThan(order.indexOf('kube-controller-manager'));
    // Five minutes on: every node Ready, no NodeNotReady, no taint-based eviction, the same web pods.
    c.advance(300_000);
    for (const n of ['control-plane', ...WORKERS]) expect(nodeReady(c, n)).toBe('True');
    const reasons = c.api.peekList<{ reason?: string }>('Event').map((e) => e.reason);
    expect(reasons).not.toContain('NodeNotReady');
    expect(reasons).not.toContain('TaintManagerEviction');
    expect(webPods(c).map((p) => p.metadata.name).sort()).toEqual(names);
    expect(c.kubectl('get deploy web').stdout).toMatch(/web\s+3\/3\s+3\s+3/);
    // The static pods are mirrored again, Running.
    for (const comp of ['etcd', 'kube-apiserver', 'kube-scheduler', 'kube-controller-manager']) expect(mirror(c, comp)?.status?.phase).toBe('Running');
  });

  it('a component stopped by hand before the power cycle stays stopped (its manifest is out of the directory)', () => {
    const c = clusterWithWeb();
    c.inject({ fault: 'stop', target: 'kube-scheduler' });
    c.inject({ fault: 'node-down', target: 'control-plane' });
    c.advance(120_000);
    c.inject({ fault: 'node-up', target: 'control-plane' });
    c.advance(60_000);
    expect(c.kubectl('get nodes').exitCode).toBe(0);
    expect(c.controllerManager.running).toBe(true);
    expect(c.scheduler.running).toBe(false);
    expect(mirror(c, 'kube-scheduler')).toBeUndefined();
    expect(c.nodes.kubelet('control-plane')!.staticPodManifests().sort()).toEqual(['etcd', 'kube-apiserver', 'kube-controller-manager']);
    c.kubectl('run lonely --image=nginx:1.25');
    c.advance(30_000);
    expect(pod(c, 'lonely')?.spec?.nodeName).toBeUndefined();
    expect(c.inject({ fault: 'start', target: 'kube-scheduler' }).ok).toBe(true);
    c.advance(30_000);
    expect(pod(c, 'lonely')?.status?.phase).toBe('Running');
  });

  it('zone-down of the control plane\'s zone takes the control plane down too; zone-up brings it back', () => {
    const c = clusterWithWeb();
    expect(c.inject({ fault: 'zone-down', target: 'zone-a' })).toMatchObject({ ok: true, params: { nodes: 'control-plane, worker-1' } });
    expect(c.faults.controlPlane.isRunning('kube-apiserver')).toBe(false);
    expect(c.kubectl('get pods').stderr).toBe(`${REFUSED}\n`);
    c.advance(60_000);
    c.inject({ fault: 'zone-up', target: 'zone-a' });
    expect(advanceUntil(c, () => c.kubectl('get nodes').exitCode === 0, 30_000)).toBeDefined();
    expect(c.scheduler.running).toBe(true);
  });
});

describe('partition control-plane', () => {
  it('is refused with the reason', () => {
    const c = clusterWithWeb();
    const r = c.inject({ fault: 'partition', target: 'control-plane' });
    expect(r).toMatchObject({ ok: false, code: 'partition-control-plane' });
    expect(!r.ok && r.error).toBe('cannot partition node "control-plane": it runs kube-apiserver, so cutting it off would cut every worker off the API server at once; partition the workers one by one, or stop kube-apiserver');
    expect(c.nodes.kubelet('control-plane')!.state).toBe('running');
  });
});

describe('kill-container on a static pod', () => {
  it('kube-apiserver: a brief outage until the kubelet has restarted it and it serves again', () => {
    const c = clusterWithWeb();
    const killedAt = seconds(c);
    expect(c.inject({ fault: 'kill-container', target: 'kube-system/kube-apiserver-control-plane' }).ok).toBe(true);
    expect(c.kubectl('get pods').stderr).toBe(`${REFUSED}\n`);
    expect(c.inject({ fault: 'start', target: 'kube-apiserver' })).toMatchObject({ ok: false, code: 'component-starting' });
    const back = advanceUntil(c, () => c.kubectl('get pods').exitCode === 0, 30_000, 500)!;
    expect(back - killedAt).toBeGreaterThanOrEqual(APISERVER_STARTUP_MS / 1000);
    expect(back - killedAt).toBeLessThan(8);
    c.advance(20_000);
    expect(mirror(c, 'kube-apiserver')?.status?.containerStatuses?.[0]?.restartCount).toBe(1);
    // Shorter than the 10 s renew deadline: the scheduler kept its lease.
    expect(c.scheduler.running).toBe(true);
  });

  it('kube-scheduler: down until its container runs again', () => {
    const c = clusterWithWeb();
    c.inject({ fault: 'kill-container', target: 'kube-system/kube-scheduler-control-plane' });
    expect(c.scheduler.running).toBe(false);
    expect(advanceUntil(c, () => c.scheduler.running, 10_000, 100)).toBeDefined();
  });
});
