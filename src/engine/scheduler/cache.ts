/**
 * The scheduler cache (pkg/scheduler/backend/cache): a NodeInfo per node, kept current from the Node
 * and Pod watches, plus the pods the scheduler has assumed onto a node before the API server confirmed
 * the binding. Each watch event costs O(1) (O(images) for a node's image list).
 *
 * As kube-scheduler's pod informer does (it lists with `status.phase!=Succeeded,status.phase!=Failed`),
 * a pod that has finished no longer counts against its node: to the scheduler it is deleted.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../objects';
import { objectKey } from '../objects';
import type { WatchEvent } from '../apiserver/apiserver';
import { isDeepEqual } from '../apiserver/deepEqual';
import type { ClusterView } from './framework/types';
import { NodeInfo } from './framework/nodeInfo';
import { podRequests, type PodInfo, type ResourceAmounts } from './framework/podInfo';

interface PodState {
  uid: string;
  namespace: string;
  labels: Readonly<Record<string, string>> | undefined;
  /** Being deleted: PodTopologySpread does not count it. */
  terminating: boolean;
  nodeName: string;
  spec: unknown;
  requests: ResourceAmounts;
  nonZeroMilliCPU: number;
  nonZeroMemory: number;
  /** Assumed by the scheduler; the API server has not confirmed the binding yet. */
  assumed: boolean;
}

/** What a node event changed, for the queue to decide which waiting pods may now fit. */
export interface NodeChange {
  added: boolean;
  allocatable: boolean;
  labels: boolean;
  taints: boolean;
  conditions: boolean;
}

function isTerminal(pod: Stored<Pod>): boolean {
  const phase = pod.status?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** Told of every pod the cache counts on a node (bound or assumed), and of every one it stops counting. */
export interface PodCountListener {
  podCounted(pod: CountedPod, delta: 1 | -1): void;
  /** A node came, went, or changed labels: per-domain sums must be recomputed. */
  nodesChanged(): void;
}

export interface CountedPod {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>> | undefined;
  readonly terminating: boolean;
  readonly nodeName: string;
  /** The pod's spec (InterPodAffinity reads its pod (anti)affinity terms, which are immutable). */
  readonly spec: unknown;
}

export class SchedulerCache implements ClusterView {
  /** PodTopologySpread's matching-pod counts follow the cache through this. */
  countListener: PodCountListener | undefined;
  /** InterPodAffinity's index of the pods that carry (anti)affinity terms follows the cache through this. */
  affinityListener: PodCountListener | undefined;

  /** Every pod the cache counts on a node (bound or assumed). */
  *countedPods(): Iterable<CountedPod> {
    yield* this.pods.values();
  }

  private readonly infos = new Map<string, NodeInfo>();
  /** Existing nodes, the order filters visit them in; `position` gives O(1) removal. */
  private readonly list: NodeInfo[] = [];
  private readonly position = new Map<NodeInfo, number>();
  private readonly pods = new Map<string, PodState>();
  private readonly imageNodes = new Map<string, number>();

  get nodeCount(): number {
    return this.list.length;
  }

  nodesWithImage(image: string): number {
    return this.imageNodes.get(image) ?? 0;
  }

  /** The nodes, in a stable order (the snapshot's node list). Do not modify. */
  nodes(): readonly NodeInfo[] {
    return this.list;
  }

  nodeInfo(name: string): NodeInfo | undefined {
    return this.infos.get(name);
  }

  /** Number of pods the cache counts on nodes (bound or assumed). */
  get podCount(): number {
    return this.pods.size;
  }

  isAssumed(key: string): boolean {
    return this.pods.get(key)?.assumed === true;
  }

  // ---- nodes ----

  onNodeEvent(event: WatchEvent<Node>): NodeChange | undefined {
    const node = event.object;
    const name = node.metadata.name;
    if (event.type === 'DELETED') {
      this.removeNode(name);
      this.countListener?.nodesChanged();
      return undefined;
    }
    let info = this.infos.get(name);
    if (!info?.node || info.node.metadata.labels !== node.metadata.labels) this.countListener?.nodesChanged();
    if (!info) this.infos.set(name, (info = new NodeInfo(name)));
    const old = info.node;
    info.setNode(node);
    if (!old || old.status?.images !== node.status?.images) this.updateImages(info, node);
    if (!this.position.has(info)) {
      this.position.set(info, this.list.length);
      this.list.push(info);
      return { added: true, allocatable: true, labels: true, taints: true, conditions: true };
    }
    if (!old) return undefined;
    // nodeSchedulingPropertiesChange: heartbeats alone (new condition timestamps) move no pod.
    const change: NodeChange = {
      added: false,
      allocatable: !isDeepEqual(old.status?.allocatable, node.status?.allocatable),
      labels: !isDeepEqual(old.metadata.labels, node.metadata.labels),
      taints: !isDeepEqual(old.spec?.taints, node.spec?.taints) || (old.spec?.unschedulable === true) !== (node.spec?.unschedulable === true),
      conditions: !sameConditions(old, node),
    };
    return change.allocatable || change.labels || change.taints || change.conditions ? change : undefined;
  }

  private removeNode(name: string): void {
    const info = this.infos.get(name);
    if (!info) return;
    const at = this.position.get(info);
    if (at !== undefined) {
      const last = this.list.pop()!;
      if (last !== info) {
        this.list[at] = last;
        this.position.set(last, at);
      }
      this.position.delete(info);
    }
    for (const image of info.images.keys()) this.countImage(image, -1);
    info.images = new Map();
    info.node = undefined;
    // Pods still bound to a deleted node keep an "imaginary" NodeInfo until they go.
    if (info.podCount === 0) this.infos.delete(name);
  }

  private updateImages(info: NodeInfo, node: Stored<Node>): void {
    const { added, removed } = info.setImages(node);
    for (const image of added) this.countImage(image, 1);
    for (const image of removed) this.countImage(image, -1);
  }

  private countImage(image: string, delta: number): void {
    const n = (this.imageNodes.get(image) ?? 0) + delta;
    if (n <= 0) this.imageNodes.delete(image);
    else this.imageNodes.set(image, n);
  }

  // ---- pods ----

  /**
   * Applies a pod watch event. Returns true when it freed resources on a node (an assigned pod was
   * deleted or finished): the AssignedPodDelete event that may make waiting pods schedulable.
   */
  onPodEvent(event: WatchEvent<Pod>): boolean {
    const pod = event.object;
    const key = objectKey(pod.metadata.namespace, pod.metadata.name);
    const existing = this.pods.get(key);
    const nodeName = pod.spec?.nodeName;
    const counts = event.type !== 'DELETED' && !!nodeName && !isTerminal(pod);
    if (existing && existing.uid !== pod.metadata.uid) {
      this.removePod(key, existing);
      return this.onPodEvent(event) || !existing.assumed;
    }
    if (!counts) {
      if (!existing) return false;
      // An assumed pod stays assumed until its binding shows up, unless the pod itself is gone.
      if (existing.assumed && event.type !== 'DELETED') return false;
      this.removePod(key, existing);
      return !existing.assumed;
    }
    if (!existing) {
      this.addPod(key, pod, nodeName!);
      return false;
    }
    if (existing.assumed) {
      // The binding landed: it changed only spec.nodeName, so the assumed requests stand.
      existing.assumed = false;
      existing.spec = pod.spec;
    }
    if (existing.nodeName !== nodeName) {
      this.removePod(key, existing);
      this.addPod(key, pod, nodeName!);
      return true;
    }
    const terminating = pod.metadata.deletionTimestamp != null;
    if (existing.labels !== pod.metadata.labels || existing.terminating !== terminating) {
      // What PodTopologySpread matches on changed: count the pod again under its new labels.
      this.podCounted(existing, -1);
      existing.labels = pod.metadata.labels;
      existing.terminating = terminating;
      this.podCounted(existing, 1);
    }
    if (existing.spec !== pod.spec) {
      // A spec write (an in-place resize): recount the requests.
      const info = this.infos.get(nodeName!)!;
      info.removePod(existing.requests, existing.nonZeroMilliCPU, existing.nonZeroMemory);
      const requests = podRequests(pod);
      const nonZero = podRequests(pod, true);
      const shrank = requests.milliCPU < existing.requests.milliCPU || requests.memory < existing.requests.memory;
      Object.assign(existing, { spec: pod.spec, requests, nonZeroMilliCPU: nonZero.milliCPU, nonZeroMemory: nonZero.memory });
      info.addPod(requests, nonZero.milliCPU, nonZero.memory);
      return shrank;
    }
    return false;
  }

  /** AssumePod: counts the pod on the node now, before its binding reaches the API server. */
  assume(pod: PodInfo, nodeName: string): void {
    const state: PodState = {
      uid: pod.uid,
      namespace: pod.namespace,
      labels: pod.pod.metadata.labels,
      terminating: pod.pod.metadata.deletionTimestamp != null,
      nodeName,
      spec: pod.pod.spec,
      requests: pod.requests,
      nonZeroMilliCPU: pod.nonZeroMilliCPU,
      nonZeroMemory: pod.nonZeroMemory,
      assumed: true,
    };
    const prev = this.pods.get(pod.key);
    if (prev) this.removePod(pod.key, prev);
    this.pods.set(pod.key, state);
    this.nodeFor(nodeName).addPod(state.requests, state.nonZeroMilliCPU, state.nonZeroMemory);
    this.podCounted(state, 1);
  }

  /** ForgetPod: the binding failed; the assumed pod no longer counts. */
  forget(key: string): void {
    const state = this.pods.get(key);
    if (state?.assumed) this.removePod(key, state);
  }

  private addPod(key: string, pod: Stored<Pod>, nodeName: string): void {
    const requests = podRequests(pod);
    const nonZero = podRequests(pod, true);
    const state: PodState = {
      uid: pod.metadata.uid,
      namespace: pod.metadata.namespace ?? 'default',
      labels: pod.metadata.labels,
      terminating: pod.metadata.deletionTimestamp != null,
      nodeName,
      spec: pod.spec,
      requests,
      nonZeroMilliCPU: nonZero.milliCPU,
      nonZeroMemory: nonZero.memory,
      assumed: false,
    };
    this.pods.set(key, state);
    this.nodeFor(nodeName).addPod(requests, state.nonZeroMilliCPU, state.nonZeroMemory);
    this.podCounted(state, 1);
  }

  private removePod(key: string, state: PodState): void {
    this.pods.delete(key);
    this.podCounted(state, -1);
    const info = this.infos.get(state.nodeName);
    if (!info) return;
    info.removePod(state.requests, state.nonZeroMilliCPU, state.nonZeroMemory);
    if (info.podCount === 0 && !info.node) this.infos.delete(state.nodeName);
  }

  private podCounted(pod: PodState, delta: 1 | -1): void {
    this.countListener?.podCounted(pod, delta);
    this.affinityListener?.podCounted(pod, delta);
  }

  private nodeFor(name: string): NodeInfo {
    let info = this.infos.get(name);
    if (!info) this.infos.set(name, (info = new NodeInfo(name)));
    return info;
  }
}

function sameConditions(a: Stored<Node>, b: Stored<Node>): boolean {
  const ca = a.status?.conditions ?? [];
  const cb = b.status?.conditions ?? [];
  if (ca === cb) return true;
  if (ca.length !== cb.length) return false;
  for (let i = 0; i < ca.length; i++) {
    if (ca[i]!.type !== cb[i]!.type || ca[i]!.status !== cb[i]!.status) return false;
  }
  return true;
}
