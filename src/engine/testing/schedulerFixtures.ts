/** Builders shared by the scheduler's tests: nodes, pods, and a small control plane on a virtual clock. */
import type { Container, Node, NodeSpec, Pod, PodSpec, Taint } from 'kubernetes-types/core/v1';
import type { Stored } from '../objects';
import { ApiServer } from '../apiserver/apiserver';
import { EventRecorder } from '../apiserver/events';
import { VirtualClock } from '../clock/virtualClock';
import { SeededRandom } from '../clock/random';
import { CueBus } from '../cues';
import type { ControllerContext } from '../context';
import { NodeInfo } from '../scheduler/framework/nodeInfo';
import { buildPodInfo, podRequests, type PodInfo } from '../scheduler/framework/podInfo';

export interface NodeOptions {
  cpu?: string;
  memory?: string;
  pods?: string;
  labels?: Record<string, string>;
  taints?: Taint[];
  unschedulable?: boolean;
  images?: Array<{ names: string[]; sizeBytes: number }>;
  extra?: Record<string, string>;
}

export function makeNode(name: string, o: NodeOptions = {}): Node {
  const allocatable = { cpu: o.cpu ?? '4', memory: o.memory ?? '8Gi', pods: o.pods ?? '110', ...(o.extra ?? {}) };
  const spec: NodeSpec = {};
  if (o.taints) spec.taints = o.taints;
  if (o.unschedulable) spec.unschedulable = true;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(o.labels ?? {}) } },
    spec,
    status: { capacity: allocatable, allocatable, ...(o.images ? { images: o.images } : {}) },
  };
}

export interface PodOptions {
  namespace?: string;
  cpu?: string;
  memory?: string;
  containers?: Container[];
  image?: string;
  nodeName?: string;
  priority?: number;
  spec?: Partial<PodSpec>;
  labels?: Record<string, string>;
}

export function makePod(name: string, o: PodOptions = {}): Pod {
  const requests: Record<string, string> = {};
  if (o.cpu) requests.cpu = o.cpu;
  if (o.memory) requests.memory = o.memory;
  const container: Container = { name: 'app', image: o.image ?? 'nginx:1.25', ...(o.cpu || o.memory ? { resources: { requests } } : {}) };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: o.namespace ?? 'default', ...(o.labels ? { labels: o.labels } : {}) },
    spec: {
      containers: o.containers ?? [container],
      ...(o.nodeName ? { nodeName: o.nodeName } : {}),
      ...(o.priority !== undefined ? { priority: o.priority } : {}),
      ...(o.spec ?? {}),
    },
    status: { phase: 'Pending' },
  };
}

let uid = 0;
function stored<T extends { metadata?: object }>(obj: T): Stored<T> {
  return { ...obj, metadata: { ...obj.metadata, uid: `uid-${++uid}`, resourceVersion: '1', creationTimestamp: '2026-01-01T00:00:00Z' } } as unknown as Stored<T>;
}

export function podInfo(pod: Pod): PodInfo {
  return buildPodInfo(stored(pod));
}

/** A NodeInfo for `node` with `pods` already bound to it. */
export function nodeInfo(node: Node, pods: Pod[] = []): NodeInfo {
  const info = new NodeInfo(node.metadata!.name!);
  const s = stored(node);
  info.setNode(s);
  info.setImages(s);
  for (const p of pods) {
    const nz = podRequests(p, true);
    info.addPod(podRequests(p), nz.milliCPU, nz.memory);
  }
  return info;
}

export function newControlPlane(seed = 1): ControllerContext & { cues: CueBus } {
  const clock = new VirtualClock();
  const random = new SeededRandom(seed);
  const api = new ApiServer(clock, random);
  for (const ns of ['default', 'kube-system']) api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  const events = new EventRecorder(api, clock);
  return { api, clock, random, events, cues: new CueBus() };
}
