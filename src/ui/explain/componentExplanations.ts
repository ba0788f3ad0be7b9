/**
 * What a cluster component is, and what it is doing right now, from the live state the worker already
 * sends (the mirror of objects, the controller-manager's controllers, the control-plane processes and the
 * faults in effect, and the caption of the component's last cue). Pure: the inspector and the canvas's
 * hovers render the messages it returns.
 */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { KubeObject } from '../../engine/objects';
import type { ObjectsByKind } from '../../store/mirror';
import { kindOf, readyEndpoints } from '../../store/selectors';
import type { MessageRef } from './pendingReason';

export type ControlPlanePart = 'kube-apiserver' | 'etcd' | 'kube-scheduler' | 'kube-controller-manager' | 'coredns';
export type NodePart = 'kubelet' | 'kube-proxy' | 'runtime';

export type ComponentId =
  | { part: ControlPlanePart }
  | { part: 'controller'; controller: string }
  | { part: NodePart; node: string };

const CONTROL_PLANE_PARTS: readonly string[] = ['kube-apiserver', 'etcd', 'kube-scheduler', 'kube-controller-manager', 'coredns'];
const NODE_PARTS: readonly string[] = ['kubelet', 'kube-proxy', 'runtime'];

/** The selection name of a component: `kube-scheduler`, `controller/replicaset-controller`, `kubelet/worker-1`. */
export function componentName(id: ComponentId): string {
  if (id.part === 'controller') return `controller/${id.controller}`;
  if ('node' in id) return `${id.part}/${id.node}`;
  return id.part;
}

export function parseComponentName(name: string): ComponentId | undefined {
  if (CONTROL_PLANE_PARTS.includes(name)) return { part: name as ControlPlanePart };
  const slash = name.indexOf('/');
  if (slash < 0) return undefined;
  const head = name.slice(0, slash);
  const rest = name.slice(slash + 1);
  if (!rest) return undefined;
  if (head === 'controller') return { part: 'controller', controller: rest };
  if (NODE_PARTS.includes(head)) return { part: head as NodePart, node: rest };
  return undefined;
}

/** The component a kube-system pod runs (kubeadm's static pods and addons), if it is one. */
export function componentOfPod(pod: Pick<Pod, 'metadata' | 'spec'>): ComponentId | undefined {
  if (pod.metadata?.namespace !== 'kube-system') return undefined;
  const name = pod.metadata.name ?? '';
  const node = pod.spec?.nodeName;
  for (const part of ['kube-apiserver', 'etcd', 'kube-scheduler', 'kube-controller-manager'] as const) {
    if (name.startsWith(`${part}-`)) return { part };
  }
  if (name.startsWith('coredns-')) return { part: 'coredns' };
  if (name.startsWith('kube-proxy-') && node) return { part: 'kube-proxy', node };
  return undefined;
}

export interface LiveState {
  objects: ObjectsByKind;
  /** The controller-manager's controllers and their run state. */
  controllers: readonly { name: string; state: string }[];
  /** Control-plane processes: kube-apiserver, kube-scheduler, kube-controller-manager, etcd-0..2. */
  processes: readonly { name: string; running: boolean }[];
  nodesDown: ReadonlySet<string>;
  nodesPartitioned: ReadonlySet<string>;
  /** Virtual time, epoch ms. */
  now: number;
  /** etcd's members and quorum as the worker reports them (the engine's rule); else counted from `processes`. */
  etcd?: { running: number; total: number; quorum: boolean } | undefined;
  /** What the component did last, while its cue is fresh (`pull nginx:1.27`). */
  activity?: string | undefined;
}

export type RunState = 'running' | 'stopped' | 'degraded';

export interface ComponentExplanation {
  /** The component as Kubernetes names it. */
  title: string;
  state: RunState;
  what: MessageRef;
  now: MessageRef[];
}

const list = <T>(objects: ObjectsByKind, kind: string): (T & KubeObject)[] => Object.values(kindOf(objects, kind)) as (T & KubeObject)[];

function processRunning(live: LiveState, name: string): boolean {
  const p = live.processes.find((x) => x.name === name);
  return p ? p.running : true;
}

function etcdMembers(live: LiveState): { running: number; total: number; quorum: boolean } {
  if (live.etcd) return live.etcd;
  const members = live.processes.filter((p) => p.name.startsWith('etcd-'));
  const running = members.filter((m) => m.running).length;
  // etcd commits with floor(n/2) + 1 members (engine/faults/etcd.ts).
  return { running, total: members.length, quorum: members.length === 0 || running > members.length / 2 };
}

function objectCount(objects: ObjectsByKind): { count: number; rv: number } {
  let count = 0;
  let rv = 0;
  for (const kind of Object.keys(objects)) {
    for (const o of Object.values(kindOf(objects, kind))) {
      count++;
      rv = Math.max(rv, Number(o.metadata.resourceVersion ?? 0));
    }
  }
  return { count, rv };
}

const isUserPod = (p: Pod): boolean => p.metadata?.namespace !== 'kube-system';

function nodeReadyStatus(node: Node | undefined): string {
  return node?.status?.conditions?.find((c) => c.type === 'Ready')?.status ?? 'Unknown';
}

/** The controller's short name (`replicaset-controller` → `replicaset`), the key its texts live under. */
export function controllerShortName(name: string): string {
  return name.replace(/-controller$/, '');
}

const KNOWN_CONTROLLERS = new Set([
  'replicaset',
  'deployment',
  'endpointslice',
  'endpoints',
  'node-lifecycle',
  'taint-eviction',
  'garbage-collector',
  'namespace',
  'serviceaccount',
  'node-ipam',
  'pod-garbage-collector',
  'job',
  'ttl-after-finished',
  'daemonset',
  'statefulset',
  'persistentvolume-binder',
  'cronjob',
  'horizontal-pod-autoscaler',
]);

export function explainComponent(id: ComponentId, live: LiveState): ComponentExplanation {
  const base = explainPart(id, live);
  if (live.activity && base.state !== 'stopped') base.now.push({ key: 'now.activity', params: { caption: live.activity } });
  return base;
}

function explainPart(id: ComponentId, live: LiveState): ComponentExplanation {
  const { objects } = live;
  const pods = list<Pod>(objects, 'Pod');
  switch (id.part) {
    case 'kube-apiserver': {
      const running = processRunning(live, 'kube-apiserver');
      const { quorum } = etcdMembers(live);
      const { count, rv } = objectCount(objects);
      const now: MessageRef[] = running ? [{ key: 'now.apiserver.serving', params: { count, rv } }] : [{ key: 'now.apiserver.stopped' }];
      if (running && !quorum) now.push({ key: 'now.apiserver.noQuorum' });
      return { title: 'kube-apiserver', state: !running ? 'stopped' : quorum ? 'running' : 'degraded', what: { key: 'what.kube-apiserver' }, now };
    }
    case 'etcd': {
      const { running, total, quorum } = etcdMembers(live);
      const need = Math.floor(total / 2) + 1;
      const { count, rv } = objectCount(objects);
      const now: MessageRef[] = [];
      if (total > 0) now.push({ key: 'now.etcd.members', params: { running, total } });
      now.push(quorum ? { key: 'now.etcd.quorum', params: { need, total: total || 1 } } : { key: 'now.etcd.noQuorum', params: { need, running } });
      if (quorum) now.push({ key: 'now.etcd.stores', params: { count, rv } });
      return { title: 'etcd', state: !quorum ? 'stopped' : running < total ? 'degraded' : 'running', what: { key: 'what.etcd' }, now };
    }
    case 'kube-scheduler': {
      const running = processRunning(live, 'kube-scheduler');
      const waiting = pods.filter((p) => !p.spec?.nodeName && !p.metadata?.deletionTimestamp && (p.spec?.schedulerName ?? 'default-scheduler') === 'default-scheduler');
      const bound = pods.filter((p) => p.spec?.nodeName && !p.metadata?.annotations?.['kubernetes.io/config.mirror']).length;
      const now: MessageRef[] = [];
      if (!running) now.push({ key: 'now.scheduler.stopped', params: { count: waiting.length } });
      else if (waiting.length > 0) now.push({ key: 'now.scheduler.waiting', params: { count: waiting.length, pods: waiting.slice(0, 3).map((p) => p.metadata?.name ?? '').join(', ') } });
      else now.push({ key: 'now.scheduler.idle', params: { count: bound } });
      return { title: 'kube-scheduler', state: running ? 'running' : 'stopped', what: { key: 'what.kube-scheduler' }, now };
    }
    case 'kube-controller-manager': {
      const running = processRunning(live, 'kube-controller-manager');
      const active = live.controllers.filter((c) => c.state === 'running').length;
      const behind = deploymentsBehind(objects);
      const now: MessageRef[] = running ? [{ key: 'now.cm.running', params: { count: active, total: live.controllers.length } }] : [{ key: 'now.cm.stopped' }];
      if (behind.length > 0) now.push({ key: running ? 'now.cm.converging' : 'now.cm.notConverging', params: { list: behind.join(', ') } });
      return { title: 'kube-controller-manager', state: running ? 'running' : 'stopped', what: { key: 'what.kube-controller-manager' }, now };
    }
    case 'coredns': {
      const dns = list<Service>(objects, 'Service').find((s) => s.metadata.namespace === 'kube-system' && s.metadata.name === 'kube-dns');
      const corePods = pods.filter((p) => p.metadata?.namespace === 'kube-system' && (p.metadata.name ?? '').startsWith('coredns-'));
      const ready = corePods.filter((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length;
      const services = list<Service>(objects, 'Service').length;
      const now: MessageRef[] = [{ key: 'now.coredns.serving', params: { ip: dns?.spec?.clusterIP ?? '—', services, ready, total: corePods.length } }];
      return { title: 'CoreDNS', state: corePods.length > 0 && ready === 0 ? 'stopped' : ready < corePods.length ? 'degraded' : 'running', what: { key: 'what.coredns' }, now };
    }
    case 'controller':
      return explainController(id.controller, live);
    case 'kubelet':
    case 'kube-proxy':
    case 'runtime':
      return explainNodePart(id.part, id.node, live, pods);
  }
}

function deploymentsBehind(objects: ObjectsByKind): string[] {
  return list<Deployment>(objects, 'Deployment')
    .filter((d) => d.metadata.namespace !== 'kube-system')
    .filter((d) => (d.status?.readyReplicas ?? 0) !== (d.spec?.replicas ?? 1) || (d.status?.updatedReplicas ?? 0) !== (d.spec?.replicas ?? 1))
    .map((d) => `${d.metadata.name} ${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 1}`);
}

function explainController(name: string, live: LiveState): ComponentExplanation {
  const short = controllerShortName(name);
  const status = live.controllers.find((c) => c.name === name || controllerShortName(c.name) === short);
  const running = (status?.state ?? 'running') === 'running' && processRunning(live, 'kube-controller-manager');
  const what: MessageRef = KNOWN_CONTROLLERS.has(short) ? { key: `what.controllers.${short}` } : { key: 'what.controllers.generic', params: { name } };
  const now: MessageRef[] = running ? controllerNow(short, live) : [{ key: 'now.controller.stopped' }];
  return { title: name, state: running ? 'running' : 'stopped', what, now };
}

function controllerNow(short: string, live: LiveState): MessageRef[] {
  const { objects } = live;
  switch (short) {
    case 'replicaset': {
      const sets = list<ReplicaSet>(objects, 'ReplicaSet').filter((r) => (r.spec?.replicas ?? 1) > 0);
      const desired = sets.reduce((n, r) => n + (r.spec?.replicas ?? 1), 0);
      const current = sets.reduce((n, r) => n + (r.status?.replicas ?? 0), 0);
      return [{ key: desired === current ? 'now.replicaset.steady' : 'now.replicaset.fixing', params: { sets: sets.length, desired, current } }];
    }
    case 'deployment': {
      const ds = list<Deployment>(objects, 'Deployment');
      const rolling = ds.filter((d) => (d.status?.updatedReplicas ?? 0) < (d.spec?.replicas ?? 1)).map((d) => d.metadata.name ?? '');
      return [rolling.length > 0 ? { key: 'now.deployment.rolling', params: { list: rolling.join(', ') } } : { key: 'now.deployment.steady', params: { count: ds.length } }];
    }
    case 'node-lifecycle': {
      const nodes = list<Node>(objects, 'Node');
      const notReady = nodes.filter((n) => nodeReadyStatus(n) !== 'True').map((n) => n.metadata?.name ?? '');
      return [notReady.length > 0 ? { key: 'now.nodelifecycle.notReady', params: { list: notReady.join(', '), total: nodes.length } } : { key: 'now.nodelifecycle.allReady', params: { total: nodes.length } }];
    }
    case 'endpointslice':
    case 'endpoints': {
      const eps = readyEndpoints(objects);
      let ready = 0;
      for (const l of eps.values()) ready += l.length;
      return [{ key: 'now.endpoints', params: { services: list<Service>(objects, 'Service').length, ready } }];
    }
    case 'horizontal-pod-autoscaler':
      return [{ key: 'now.hpa', params: { count: list<KubeObject>(objects, 'HorizontalPodAutoscaler').length } }];
    case 'job':
    case 'cronjob':
    case 'daemonset':
    case 'statefulset': {
      const kind = { job: 'Job', cronjob: 'CronJob', daemonset: 'DaemonSet', statefulset: 'StatefulSet' }[short];
      return [{ key: 'now.watching', params: { count: list<KubeObject>(objects, kind).length, kind } }];
    }
    default:
      return [{ key: 'now.controller.running' }];
  }
}

function explainNodePart(part: NodePart, node: string, live: LiveState, pods: Pod[]): ComponentExplanation {
  const title = part === 'runtime' ? 'container runtime' : part;
  const what: MessageRef = { key: `what.${part}`, params: { node } };
  if (live.nodesDown.has(node)) return { title, state: 'stopped', what, now: [{ key: 'now.node.off', params: { node } }] };
  const onNode = pods.filter((p) => p.spec?.nodeName === node);
  const nodeObj = kindOf(live.objects, 'Node')[node] as (Node & KubeObject) | undefined;
  const now: MessageRef[] = [];
  if (live.nodesPartitioned.has(node)) now.push({ key: 'now.node.partitioned', params: { node } });
  switch (part) {
    case 'kubelet': {
      const running = onNode.filter((p) => p.status?.phase === 'Running').length;
      now.push({ key: 'now.kubelet.pods', params: { running, total: onNode.length, user: onNode.filter(isUserPod).length } });
      const ready = nodeObj?.status?.conditions?.find((c) => c.type === 'Ready');
      const beat = ready?.lastHeartbeatTime ? Math.max(0, Math.round((live.now - Date.parse(ready.lastHeartbeatTime)) / 1000)) : undefined;
      if (beat !== undefined) now.push({ key: 'now.kubelet.heartbeat', params: { seconds: beat, status: ready?.status ?? 'Unknown' } });
      break;
    }
    case 'kube-proxy': {
      const services = list<Service>(live.objects, 'Service').filter((s) => s.spec?.clusterIP && s.spec.clusterIP !== 'None');
      let endpoints = 0;
      for (const l of readyEndpoints(live.objects).values()) endpoints += l.length;
      now.push({ key: 'now.proxy.rules', params: { services: services.length, endpoints } });
      break;
    }
    case 'runtime': {
      let containers = 0;
      const images = new Set<string>();
      const pulling: string[] = [];
      for (const p of onNode) {
        for (const cs of p.status?.containerStatuses ?? []) {
          if (cs.state?.running) {
            containers++;
            images.add(cs.image);
          }
          const reason = cs.state?.waiting?.reason ?? '';
          if (/ImagePull|ErrImage/.test(reason)) pulling.push(cs.image);
        }
      }
      now.push({ key: 'now.runtime.containers', params: { containers, images: images.size } });
      if (pulling.length > 0) now.push({ key: 'now.runtime.pullFailing', params: { image: [...new Set(pulling)].join(', ') } });
      break;
    }
  }
  const state: RunState = live.nodesPartitioned.has(node) || nodeReadyStatus(nodeObj) !== 'True' ? 'degraded' : 'running';
  return { title, state, what, now };
}
