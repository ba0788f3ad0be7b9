import type { DaemonSet, Deployment } from 'kubernetes-types/apps/v1';
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../../cluster';
import type { Stored } from '../../objects';

const CONTROL_PLANE = ['etcd-control-plane', 'kube-apiserver-control-plane', 'kube-controller-manager-control-plane', 'kube-scheduler-control-plane'];

function booted(): Cluster {
  const c = createCluster({ seed: 7, preset: 'default' });
  c.advance(30_000);
  return c;
}

const pod = (c: Cluster, name: string) => c.api.peek<Pod>('Pod', 'kube-system', name);
const systemPods = (c: Cluster) => c.api.peekList<Pod>('Pod', { namespace: 'kube-system' }).filter((p) => !p.metadata.deletionTimestamp);
const names = (pods: Stored<Pod>[]) => pods.map((p) => p.metadata.name).sort();
const byLabel = (c: Cluster, key: string, value: string) => systemPods(c).filter((p) => p.metadata.labels?.[key] === value);

describe('kubeadm control plane as static pods', () => {
  it('the control-plane kubelet mirrors its four static pods, in kubeadm and kubelet shapes', () => {
    const c = booted();
    const node = c.api.peek('Node', undefined, 'control-plane')!;
    expect(names(byLabel(c, 'tier', 'control-plane'))).toEqual(CONTROL_PLANE);
    const p = pod(c, 'kube-scheduler-control-plane')!;
    const a = p.metadata.annotations!;
    expect(a['kubernetes.io/config.hash']).toMatch(/^[0-9a-f]{32}$/);
    expect(a['kubernetes.io/config.mirror']).toBe(a['kubernetes.io/config.hash']);
    expect(a['kubernetes.io/config.source']).toBe('file');
    expect(a['kubernetes.io/config.seen']).toBe('2026-01-01T00:00:00Z');
    expect(p.metadata.uid).not.toBe(a['kubernetes.io/config.hash']);
    expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Node', name: 'control-plane', uid: node.metadata.uid, controller: true }]);
    expect(p.metadata.labels).toEqual({ component: 'kube-scheduler', tier: 'control-plane' });
    expect(p.spec?.nodeName).toBe('control-plane');
    expect(p.spec?.priorityClassName).toBe('system-node-critical');
    expect(p.spec?.priority).toBe(2000001000);
    expect(p.spec?.hostNetwork).toBe(true);
    expect(p.spec?.tolerations).toEqual([{ operator: 'Exists', effect: 'NoExecute' }]);
    // The ServiceAccount admission leaves mirror pods alone.
    expect(p.spec?.serviceAccountName).toBeUndefined();
    expect(p.spec?.volumes?.map((v) => v.name)).toEqual(['kubeconfig']);
    expect(p.status?.phase).toBe('Running');
    expect(p.status?.podIP).toBe('172.18.0.2');
    expect(p.status?.hostIP).toBe('172.18.0.2');
    expect(p.status?.containerStatuses?.[0]?.ready).toBe(true);

    const images = Object.fromEntries(CONTROL_PLANE.map((n) => [n, pod(c, n)!.spec!.containers[0]!.image]));
    expect(images).toEqual({
      'etcd-control-plane': 'registry.k8s.io/etcd:3.5.15-0',
      'kube-apiserver-control-plane': 'registry.k8s.io/kube-apiserver:v1.31.4',
      'kube-controller-manager-control-plane': 'registry.k8s.io/kube-controller-manager:v1.31.4',
      'kube-scheduler-control-plane': 'registry.k8s.io/kube-scheduler:v1.31.4',
    });
    const requests = Object.fromEntries(CONTROL_PLANE.map((n) => [n, pod(c, n)!.spec!.containers[0]!.resources?.requests]));
    expect(requests).toEqual({
      'etcd-control-plane': { cpu: '100m', memory: '100Mi' },
      'kube-apiserver-control-plane': { cpu: '250m' },
      'kube-controller-manager-control-plane': { cpu: '200m' },
      'kube-scheduler-control-plane': { cpu: '100m' },
    });
    // Preloaded images: no pull.
    expect(c.kubectl('describe pod etcd-control-plane -n kube-system').stdout).toContain('Container image "registry.k8s.io/etcd:3.5.15-0" already present on machine');
  });

  it('a deleted mirror pod comes back at once with a new UID; its container keeps running', () => {
    const c = booted();
    const before = pod(c, 'kube-scheduler-control-plane')!;
    const container = before.status!.containerStatuses![0]!;
    expect(c.kubectl('delete pod kube-scheduler-control-plane -n kube-system').stdout).toBe('pod "kube-scheduler-control-plane" deleted\n');
    const after = pod(c, 'kube-scheduler-control-plane')!;
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect(after.metadata.deletionTimestamp).toBeUndefined();
    expect(after.metadata.annotations!['kubernetes.io/config.mirror']).toBe(before.metadata.annotations!['kubernetes.io/config.mirror']);
    c.advance(1000);
    const now = pod(c, 'kube-scheduler-control-plane')!.status!.containerStatuses![0]!;
    expect(now.containerID).toBe(container.containerID);
    expect(now.restartCount).toBe(0);
    expect(now.state?.running?.startedAt).toBe(container.state?.running?.startedAt);
  });

  it('stop moves the manifest out (mirror pod deleted), start puts it back (a fresh container)', () => {
    const c = booted();
    const oldId = pod(c, 'kube-scheduler-control-plane')!.status!.containerStatuses![0]!.containerID;
    expect(c.inject({ fault: 'stop', target: 'kube-scheduler' })).toMatchObject({ ok: true, message: 'kube-scheduler stopped' });
    expect(pod(c, 'kube-scheduler-control-plane')).toBeUndefined();
    expect(c.nodes.kubelet('control-plane')!.staticPodManifests().sort()).toEqual(['etcd', 'kube-apiserver', 'kube-controller-manager']);
    c.advance(60_000);
    expect(pod(c, 'kube-scheduler-control-plane')).toBeUndefined();
    expect(c.inject({ fault: 'start', target: 'kube-scheduler' }).ok).toBe(true);
    c.advance(20_000);
    const back = pod(c, 'kube-scheduler-control-plane')!;
    const status = back.status!.containerStatuses![0]!;
    expect(back.status?.phase).toBe('Running');
    expect(status.restartCount).toBe(0);
    expect(status.containerID).not.toBe(oldId);
    expect(status.ready).toBe(true);
  });

  it('etcd: only member etcd-0 is a pod on this cluster’s control-plane machine', () => {
    const c = booted();
    const uid = pod(c, 'etcd-control-plane')!.metadata.uid;
    expect(c.inject({ fault: 'stop', target: 'etcd-1' }).ok).toBe(true);
    expect(pod(c, 'etcd-control-plane')?.metadata.uid).toBe(uid);
    expect(c.inject({ fault: 'stop', target: 'etcd-0' }).ok).toBe(true);
    // etcd-0 and etcd-1 down: no quorum, so the kubelet cannot delete the mirror pod yet.
    expect(c.kubectl('get pods -n kube-system').stderr).toBe('Error from server: etcdserver: request timed out\n');
    expect(c.inject({ fault: 'start', target: 'etcd-1' }).ok).toBe(true);
    c.advance(10_000);
    expect(pod(c, 'etcd-control-plane')).toBeUndefined();
    expect(c.inject({ fault: 'start', target: 'etcd-0' }).ok).toBe(true);
    c.advance(1000);
    expect(pod(c, 'etcd-control-plane')?.metadata.uid).not.toBe(uid);
  });

  it('kube-apiserver down: its mirror pod stays; the leaders lose their lease and the kubelet restarts them', () => {
    const c = booted();
    const uid = pod(c, 'kube-apiserver-control-plane')!.metadata.uid;
    c.inject({ fault: 'stop', target: 'kube-apiserver' });
    c.advance(60_000);
    c.inject({ fault: 'start', target: 'kube-apiserver' });
    c.advance(30_000);
    expect(pod(c, 'kube-apiserver-control-plane')!.metadata.uid).toBe(uid);
    const restarts = Object.fromEntries(CONTROL_PLANE.map((n) => [n, pod(c, n)!.status!.containerStatuses![0]!.restartCount]));
    expect(restarts).toEqual({ 'etcd-control-plane': 0, 'kube-apiserver-control-plane': 0, 'kube-controller-manager-control-plane': 1, 'kube-scheduler-control-plane': 1 });
    const last = pod(c, 'kube-scheduler-control-plane')!.status!.containerStatuses![0]!.lastState?.terminated;
    expect(last?.exitCode).toBe(1);
    expect(c.scheduler.running).toBe(true);
  });

  it('faults reach kube-system pods: a killed static pod container is restarted by the kubelet', () => {
    const c = booted();
    expect(c.inject({ fault: 'kill-container', target: 'kube-system/kube-controller-manager-control-plane' }).ok).toBe(true);
    c.advance(15_000);
    const s = pod(c, 'kube-controller-manager-control-plane')!.status!.containerStatuses![0]!;
    expect(s.restartCount).toBe(1);
    expect(s.lastState?.terminated?.exitCode).toBe(137);
  });

  it('a powered-off control-plane node keeps its static pods (they tolerate every NoExecute taint)', () => {
    const c = booted();
    c.inject({ fault: 'node-down', target: 'control-plane' });
    c.advance(10 * 60_000);
    expect(names(byLabel(c, 'tier', 'control-plane'))).toEqual(CONTROL_PLANE);
    c.inject({ fault: 'node-up', target: 'control-plane' });
    c.advance(60_000);
    expect(byLabel(c, 'tier', 'control-plane').map((p) => p.status?.containerStatuses?.[0]?.ready)).toEqual([true, true, true, true]);
  });
});

describe('kubeadm addons, reconciled by the controllers', () => {
  it('kube-proxy runs one pod per node, control plane included; CoreDNS runs two on workers', () => {
    const c = booted();
    const proxies = byLabel(c, 'k8s-app', 'kube-proxy');
    expect(proxies.map((p) => p.spec?.nodeName).sort()).toEqual(['control-plane', 'worker-1', 'worker-2', 'worker-3']);
    expect(proxies.every((p) => p.status?.phase === 'Running' && p.status.podIP === p.status.hostIP)).toBe(true);
    const ds = c.api.peek<DaemonSet>('DaemonSet', 'kube-system', 'kube-proxy')!;
    expect(ds.spec?.template.spec?.tolerations).toEqual([{ operator: 'Exists' }]);
    expect(ds.status?.numberReady).toBe(4);
    const dns = byLabel(c, 'k8s-app', 'kube-dns');
    expect(dns).toHaveLength(2);
    expect(new Set(dns.map((p) => p.spec?.nodeName)).size).toBe(2);
    expect(dns.every((p) => p.spec?.nodeName?.startsWith('worker-') && p.spec.priority === 2000000000)).toBe(true);
    expect(c.api.peek<Deployment>('Deployment', 'kube-system', 'coredns')!.status?.readyReplicas).toBe(2);
    expect(c.kubectl('get pods').stderr).toBe('No resources found in default namespace.\n');
  });

  it('a deleted CoreDNS pod is replaced by its ReplicaSet', () => {
    const c = booted();
    const victim = byLabel(c, 'k8s-app', 'kube-dns')[0]!.metadata.name;
    c.kubectl(`delete pod ${victim} -n kube-system`);
    c.advance(35_000);
    const now = byLabel(c, 'k8s-app', 'kube-dns');
    expect(now).toHaveLength(2);
    expect(names(now)).not.toContain(victim);
    expect(now.every((p) => p.status?.phase === 'Running')).toBe(true);
  });

  it('a node that joins gets a kube-proxy pod (its kubelet adds the kubernetes.io/os label the DaemonSet selects)', () => {
    const c = booted();
    c.apply(`apiVersion: v1
kind: Node
metadata:
  name: worker-4
status:
  capacity: {cpu: "4", memory: 8Gi, pods: "110"}
  allocatable: {cpu: "4", memory: 8092Mi, pods: "110"}
`);
    c.advance(10_000);
    const onNew = byLabel(c, 'k8s-app', 'kube-proxy').filter((p) => p.spec?.nodeName === 'worker-4');
    expect(onNew).toHaveLength(1);
    expect(onNew[0]!.status?.phase).toBe('Running');
    expect(c.api.peek('Node', undefined, 'worker-4')!.metadata.labels).toEqual({ 'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': 'worker-4', 'kubernetes.io/os': 'linux' });
  });

  it('the kube-dns Service at 10.96.0.10 has the CoreDNS pods as endpoints on 53/UDP, 53/TCP and 9153/TCP', () => {
    const c = booted();
    expect(c.api.peek<Service>('Service', 'kube-system', 'kube-dns')?.spec?.clusterIP).toBe('10.96.0.10');
    const slices = c.api.peekList<EndpointSlice>('EndpointSlice', { namespace: 'kube-system' }).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'kube-dns');
    expect(slices).toHaveLength(1);
    const ips = byLabel(c, 'k8s-app', 'kube-dns').map((p) => p.status!.podIP!).sort();
    expect(slices[0]!.endpoints.flatMap((e) => e.addresses).sort()).toEqual(ips);
    expect(slices[0]!.ports?.map((p) => `${p.port}/${p.protocol}`).sort()).toEqual(['53/TCP', '53/UDP', '9153/TCP']);
    expect(c.api.peek('ConfigMap', 'kube-system', 'coredns')).toBeDefined();
    expect(['coredns', 'kube-proxy'].map((n) => c.api.peek('ServiceAccount', 'kube-system', n) !== undefined)).toEqual([true, true]);
  });

  it('a cluster without a preset has no kube-system pods', () => {
    const c = createCluster({ seed: 7 });
    c.advance(10_000);
    expect(c.api.peekList('Pod')).toHaveLength(0);
  });
});

describe('isSystemPod', () => {
  it('names the cluster’s own pods and nothing of the student’s', async () => {
    const { isSystemPod } = await import('../../faults');
    const c = booted();
    c.apply('apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec: {containers: [{name: web, image: nginx:1.25}]}\n');
    const all = c.api.peekList<Pod>('Pod');
    expect(all.filter((p) => !isSystemPod(p)).map((p) => p.metadata.name)).toEqual(['web']);
    expect(all.filter(isSystemPod)).toHaveLength(10);
  });
});

describe('what the components print and use', () => {
  it('kubectl logs and top show each component as a kubeadm cluster does', () => {
    const c = booted();
    expect(c.kubectl('logs -n kube-system kube-scheduler-control-plane').stdout).toContain('] "Starting Kubernetes Scheduler" version="v1.31.4"\n');
    expect(c.kubectl('logs -n kube-system etcd-control-plane').stdout).toContain('"msg":"serving client traffic securely","traffic":"grpc+http","address":"172.18.0.2:2379"');
    const proxy = byLabel(c, 'k8s-app', 'kube-proxy').find((p) => p.spec?.nodeName === 'worker-2')!;
    expect(c.kubectl(`logs -n kube-system ${proxy.metadata.name}`).stdout).toContain('"Successfully retrieved node IP(s)" IPs=["172.18.0.4"]');
    expect(c.kubectl('logs -n kube-system deploy/coredns').stdout).toContain('CoreDNS-1.11.3\n');
    const top = c.kubectl('top pod -n kube-system kube-apiserver-control-plane').stdout;
    expect(top).toMatch(/kube-apiserver-control-plane\s+\d{2}m\s+2\d\dMi/);
  });
});

describe('cluster DNS is CoreDNS', () => {
  it('with CoreDNS scaled to 0 a pod waiting on nslookup keeps waiting; scaled back, it goes on', () => {
    const c = booted();
    c.apply(`apiVersion: v1
kind: Service
metadata: {name: myservice}
spec: {ports: [{port: 80}]}
`);
    c.kubectl('scale deployment coredns -n kube-system --replicas=0');
    c.advance(40_000);
    expect(byLabel(c, 'k8s-app', 'kube-dns')).toHaveLength(0);
    c.apply(`apiVersion: v1
kind: Pod
metadata: {name: myapp}
spec:
  initContainers:
  - {name: init-myservice, image: busybox:1.28, command: [sh, -c, 'until nslookup myservice; do echo waiting for myservice; sleep 2; done']}
  containers:
  - {name: app, image: busybox:1.28, command: [sh, -c, 'echo up && sleep 3600']}
`);
    c.advance(30_000);
    expect(c.kubectl('get pod myapp').stdout).toContain('Init:0/1');
    c.kubectl('scale deployment coredns -n kube-system --replicas=2');
    c.advance(30_000);
    expect(c.kubectl('get pod myapp').stdout).toMatch(/myapp\s+1\/1\s+Running/);
  });
});
