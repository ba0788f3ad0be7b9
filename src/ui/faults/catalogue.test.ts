import { describe, expect, it } from 'vitest';
import type { FaultStatus } from '../../worker/protocol';
import { CATALOGUE, containerDown, faultMarks, menuItems, staleStaticPod, undoFor, zonesOf } from './catalogue';

const RUNNING = ['kube-scheduler', 'kube-controller-manager', 'kube-apiserver', 'etcd-0', 'etcd-1', 'etcd-2'].map((name) => ({ name, running: true }));
const calm: FaultStatus = { active: [], components: RUNNING };

function status(active: FaultStatus['active'], stopped: string[] = []): FaultStatus {
  return { active, components: RUNNING.map((c) => ({ ...c, running: !stopped.includes(c.name) })) };
}

describe('fault catalogue', () => {
  it('offers every fault the issue lists, grouped', () => {
    const all = CATALOGUE.flatMap((g) => g.entries.map((e) => e.fault));
    expect(all).toEqual(['kill-container', 'crashloop', 'delete-pod', 'liveness-fail', 'readiness-fail', 'oom', 'cpu-load', 'node-down', 'partition', 'zone-down', 'bad-image', 'stop', 'start']);
  });

  it.each([
    ['node-down', 'worker-1', 'node-up worker-1'],
    ['zone-down', 'zone-a', 'zone-up zone-a'],
    ['stop', 'kube-scheduler', 'start kube-scheduler'],
    ['partition', 'worker-2', 'heal worker-2'],
    ['crashloop', 'default/web-1', 'heal default/web-1'],
    ['cpu-load', 'deployment/default/web', 'heal deployment/default/web'],
  ] as const)('%s is undone by %s', (fault, target, expected) => {
    const u = undoFor({ fault, target, sinceMs: 0 });
    expect(`${u?.fault} ${u?.target}`).toBe(expected);
  });
});

describe('right-click menus', () => {
  it('a pod offers the pod faults, and heal only when one is in effect', () => {
    const pod = { kind: 'Pod', namespace: 'default', name: 'web-1' } as const;
    expect(menuItems(pod, calm).map((i) => i.fault)).toEqual(['kill-container', 'crashloop', 'delete-pod', 'liveness-fail', 'readiness-fail', 'oom']);
    expect(menuItems(pod, calm)[0]?.target).toBe('default/web-1');
    const crashing = status([{ fault: 'crashloop', target: 'default/web-1', sinceMs: 1 }]);
    expect(menuItems(pod, crashing).at(-1)).toMatchObject({ fault: 'heal', target: 'default/web-1' });
  });

  it('a running node offers power off and partition; a down node only power on; a partitioned one heal', () => {
    const node = { kind: 'Node', name: 'worker-1' } as const;
    expect(menuItems(node, calm).map((i) => i.fault)).toEqual(['node-down', 'partition']);
    expect(menuItems(node, status([{ fault: 'node-down', target: 'worker-1', sinceMs: 0 }])).map((i) => i.fault)).toEqual(['node-up']);
    expect(menuItems(node, status([{ fault: 'partition', target: 'worker-1', sinceMs: 0 }])).map((i) => `${i.fault}:${i.labelKey}`)).toEqual(['node-down:node-down', 'heal:heal-partition']);
  });

  it('a component offers stop when running and start when stopped; etcd one entry per member', () => {
    expect(menuItems({ kind: 'Component', name: 'kube-scheduler' }, calm).map((i) => i.fault)).toEqual(['stop']);
    expect(menuItems({ kind: 'Component', name: 'kube-scheduler' }, status([], ['kube-scheduler'])).map((i) => i.fault)).toEqual(['start']);
    expect(menuItems({ kind: 'Component', name: 'etcd' }, status([], ['etcd-1'])).map((i) => `${i.fault} ${i.target}`)).toEqual(['stop etcd-0', 'start etcd-1', 'stop etcd-2']);
  });
});

describe('canvas marks', () => {
  it('maps active faults to pods, nodes and stopped components', () => {
    const m = faultMarks(
      status(
        [
          { fault: 'crashloop', target: 'default/web-1', sinceMs: 0 },
          { fault: 'readiness-fail', target: 'default/web-1', sinceMs: 0 },
          { fault: 'cpu-load', target: 'deployment/default/web', sinceMs: 0 },
          { fault: 'node-down', target: 'worker-2', sinceMs: 0 },
          { fault: 'partition', target: 'worker-3', sinceMs: 0 },
          { fault: 'stop', target: 'kube-scheduler', sinceMs: 0 },
        ],
        ['kube-scheduler'],
      ),
    );
    expect(m.pods.get('default/web-1')).toEqual(['crashloop', 'readiness-fail']);
    expect(m.pods.size).toBe(1);
    expect([...m.nodesDown]).toEqual(['worker-2']);
    expect([...m.nodesPartitioned]).toEqual(['worker-3']);
    expect([...m.stoppedComponents]).toEqual(['kube-scheduler']);
  });

  it.each([
    ['running', { state: { running: {} } }, false],
    ['terminated after a kill', { state: { terminated: {} } }, true],
    ['waiting in CrashLoopBackOff after a crash', { state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: {} } }, true],
    ['waiting for its first start', { state: { waiting: { reason: 'ContainerCreating' } } }, false],
    ['no status yet', undefined, false],
  ] as const)('a container %s is drawn down: %s', (_name, cs, down) => {
    expect(containerDown(cs)).toBe(down);
  });

  it('zones come from topology.kubernetes.io/zone labels', () => {
    expect(zonesOf([{ metadata: { labels: { 'topology.kubernetes.io/zone': 'b' } } }, { metadata: { labels: { 'topology.kubernetes.io/zone': 'a' } } }, { metadata: {} }])).toEqual(['a', 'b']);
  });
});

describe('static pod cards while the API server is down', () => {
  const mirror = (component: string) => ({ metadata: { annotations: { 'kubernetes.io/config.mirror': 'abc' }, labels: { component } } });
  it('a mirror pod whose process is stopped reads unknown only while kube-apiserver is down too', () => {
    const down = new Set(['kube-apiserver', 'kube-scheduler', 'etcd-0']);
    expect(staleStaticPod(mirror('kube-apiserver'), down)).toBe(true);
    expect(staleStaticPod(mirror('etcd'), down)).toBe(true);
    expect(staleStaticPod(mirror('kube-scheduler'), down)).toBe(true);
    expect(staleStaticPod(mirror('kube-controller-manager'), down)).toBe(false);
    // The API server answers: the kubelet keeps the mirror pod current (or deletes it), nothing is stale.
    expect(staleStaticPod(mirror('kube-scheduler'), new Set(['kube-scheduler']))).toBe(false);
    // An ordinary pod with a component label is never a static pod.
    expect(staleStaticPod({ metadata: { labels: { component: 'kube-scheduler' } } }, down)).toBe(false);
  });
});
