import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../engine/objects';
import type { ObjectsByKind } from '../../store/mirror';
import { componentName, componentOfPod, explainComponent, parseComponentName, type ComponentId, type LiveState } from './componentExplanations';

const obj = (kind: string, name: string, rest: Record<string, unknown> = {}, namespace?: string): KubeObject =>
  ({ apiVersion: 'v1', kind, metadata: { name, ...(namespace ? { namespace } : {}), resourceVersion: '7' }, ...rest }) as KubeObject;

function mirror(list: KubeObject[]): ObjectsByKind {
  const out: Record<string, Record<string, KubeObject>> = {};
  for (const o of list) (out[o.kind] ??= {})[o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name!] = o;
  return out as ObjectsByKind;
}

const readyNode = (name: string, heartbeat = '2026-01-01T00:00:00Z') => obj('Node', name, { status: { conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: heartbeat }] } });
const pod = (name: string, node: string | undefined, phase = 'Running') => obj('Pod', name, { spec: { containers: [], ...(node ? { nodeName: node } : {}) }, status: { phase } }, 'default');

const live = (over: Partial<LiveState> = {}): LiveState => ({
  objects: mirror([readyNode('worker-1'), pod('a', 'worker-1'), pod('b', undefined, 'Pending')]),
  controllers: [{ name: 'replicaset-controller', state: 'running' }],
  processes: [
    { name: 'kube-apiserver', running: true },
    { name: 'kube-scheduler', running: true },
    { name: 'kube-controller-manager', running: true },
    { name: 'etcd-0', running: true },
    { name: 'etcd-1', running: true },
    { name: 'etcd-2', running: true },
  ],
  nodesDown: new Set(),
  nodesPartitioned: new Set(),
  now: Date.parse('2026-01-01T00:00:12Z'),
  ...over,
});

const keys = (id: ComponentId, state: LiveState) => explainComponent(id, state).now.map((m) => m.key);

describe('component names', () => {
  it.each<ComponentId>([{ part: 'kube-scheduler' }, { part: 'controller', controller: 'replicaset-controller' }, { part: 'kubelet', node: 'worker-1' }, { part: 'coredns' }])(
    'round-trips %o',
    (id) => expect(parseComponentName(componentName(id))).toEqual(id),
  );
  it('rejects what is not a component', () => {
    expect(parseComponentName('web')).toBeUndefined();
    expect(parseComponentName('kubelet/')).toBeUndefined();
  });
  it('knows the component a kube-system pod runs', () => {
    expect(componentOfPod({ metadata: { name: 'etcd-control-plane', namespace: 'kube-system' }, spec: { nodeName: 'control-plane', containers: [] } })).toEqual({ part: 'etcd' });
    expect(componentOfPod({ metadata: { name: 'kube-proxy-x7k2p', namespace: 'kube-system' }, spec: { nodeName: 'worker-2', containers: [] } })).toEqual({ part: 'kube-proxy', node: 'worker-2' });
    expect(componentOfPod({ metadata: { name: 'coredns-5d78c-abcde', namespace: 'kube-system' }, spec: { containers: [] } })).toEqual({ part: 'coredns' });
    expect(componentOfPod({ metadata: { name: 'etcd-client', namespace: 'default' }, spec: { containers: [] } })).toBeUndefined();
  });
});

describe('explainComponent', () => {
  it('the scheduler running with a pod waiting says how many wait', () => {
    const e = explainComponent({ part: 'kube-scheduler' }, live());
    expect(e.state).toBe('running');
    expect(e.now[0]).toMatchObject({ key: 'now.scheduler.waiting', params: { count: 1, pods: 'b' } });
  });

  it('the scheduler stopped says the waiting pods stay Pending', () => {
    const state = live({ processes: live().processes.map((p) => (p.name === 'kube-scheduler' ? { ...p, running: false } : p)) });
    const e = explainComponent({ part: 'kube-scheduler' }, state);
    expect(e.state).toBe('stopped');
    expect(e.now[0]).toMatchObject({ key: 'now.scheduler.stopped', params: { count: 1 } });
  });

  it('etcd with one member down keeps its quorum; with two down it has none', () => {
    const down = (n: number) => live({ processes: live().processes.map((p, i) => (p.name.startsWith('etcd-') && i >= 6 - n ? { ...p, running: false } : p)) });
    expect(explainComponent({ part: 'etcd' }, down(1))).toMatchObject({ state: 'degraded', now: [{ key: 'now.etcd.members', params: { running: 2, total: 3 } }, { key: 'now.etcd.quorum' }, { key: 'now.etcd.stores' }] });
    expect(explainComponent({ part: 'etcd' }, down(2))).toMatchObject({ state: 'stopped', now: [{ key: 'now.etcd.members', params: { running: 1, total: 3 } }, { key: 'now.etcd.noQuorum', params: { need: 2, running: 1 } }] });
  });

  it('the API server counts the objects it serves and warns when etcd has no quorum', () => {
    expect(keys({ part: 'kube-apiserver' }, live())).toEqual(['now.apiserver.serving']);
    const noQuorum = live({ processes: live().processes.map((p) => (p.name === 'etcd-0' || p.name === 'etcd-1' ? { ...p, running: false } : p)) });
    expect(keys({ part: 'kube-apiserver' }, noQuorum)).toEqual(['now.apiserver.serving', 'now.apiserver.noQuorum']);
  });

  it('a kubelet reports its pods and how long ago it sent a heartbeat', () => {
    const e = explainComponent({ part: 'kubelet', node: 'worker-1' }, live());
    expect(e.now).toEqual([
      { key: 'now.kubelet.pods', params: { running: 1, total: 1, user: 1 } },
      { key: 'now.kubelet.heartbeat', params: { seconds: 12, status: 'True' } },
    ]);
  });

  it('a powered-off node’s agents are stopped', () => {
    const e = explainComponent({ part: 'kube-proxy', node: 'worker-1' }, live({ nodesDown: new Set(['worker-1']) }));
    expect(e).toMatchObject({ state: 'stopped', now: [{ key: 'now.node.off', params: { node: 'worker-1' } }] });
  });

  it('a controller stops with the controller-manager, and names a known text', () => {
    const stopped = live({ processes: live().processes.map((p) => (p.name === 'kube-controller-manager' ? { ...p, running: false } : p)) });
    expect(explainComponent({ part: 'controller', controller: 'replicaset-controller' }, stopped)).toMatchObject({ state: 'stopped', what: { key: 'what.controllers.replicaset' }, now: [{ key: 'now.controller.stopped' }] });
    expect(explainComponent({ part: 'controller', controller: 'made-up-controller' }, live()).what).toEqual({ key: 'what.controllers.generic', params: { name: 'made-up-controller' } });
  });

  it('the last cue’s caption is what it did just now', () => {
    expect(keys({ part: 'kube-scheduler' }, live({ activity: 'b → worker-1' }))).toEqual(['now.scheduler.waiting', 'now.activity']);
  });
});

describe('every message a builder returns has English and Korean text', () => {
  const lookup = (tree: unknown, key: string, count: unknown): unknown => {
    let node = tree as Record<string, unknown> | undefined;
    const parts = key.split('.');
    const last = parts.pop()!;
    for (const p of parts) node = node?.[p] as Record<string, unknown> | undefined;
    return node?.[last] ?? (count !== undefined ? node?.[`${last}_other`] : undefined);
  };
  const ids: ComponentId[] = [
    { part: 'kube-apiserver' },
    { part: 'etcd' },
    { part: 'kube-scheduler' },
    { part: 'kube-controller-manager' },
    { part: 'coredns' },
    ...['replicaset', 'deployment', 'endpointslice', 'endpoints', 'node-lifecycle', 'taint-eviction', 'garbage-collector', 'namespace', 'serviceaccount', 'node-ipam', 'pod-garbage-collector', 'job', 'ttl-after-finished', 'daemonset', 'statefulset', 'persistentvolume-binder', 'cronjob', 'horizontal-pod-autoscaler'].map(
      (c): ComponentId => ({ part: 'controller', controller: c === 'pod-garbage-collector' || c === 'horizontal-pod-autoscaler' ? c : `${c}-controller` }),
    ),
    { part: 'kubelet', node: 'worker-1' },
    { part: 'kube-proxy', node: 'worker-1' },
    { part: 'runtime', node: 'worker-1' },
  ];
  it.each(ids)('%o', async (id) => {
    const { explainTextsEn: explainEn, explainTextsKo: explainKo } = await import('./texts');
    const all = [live(), live({ activity: 'x', nodesPartitioned: new Set(['worker-1']) }), live({ processes: live().processes.map((p) => ({ ...p, running: false })) })];
    for (const state of all) {
      const e = explainComponent(id, state);
      for (const m of [e.what, ...e.now]) {
        expect(lookup(explainEn, m.key, m.params?.['count']), `en ${m.key}`).toBeTypeOf('string');
        expect(lookup(explainKo, m.key, m.params?.['count']), `ko ${m.key}`).toBeTypeOf('string');
      }
    }
  });
});
