/**
 * The scheduling queue (pkg/scheduler/backend/queue PriorityQueue): unbound pods wait in one of
 * - activeQ: ready to be tried, highest spec.priority first, then the earliest queued (PrioritySort);
 * - backoffQ: tried and failed recently; each pod waits podInitialBackoff (1 s) doubling per attempt up
 *   to podMaxBackoff (10 s) after its last attempt;
 * - unschedulablePods: rejected by the filters; they stay until a cluster event one of the rejecting
 *   plugins cares about (a node added, a node's allocatable/labels/taints changed, an assigned pod
 *   added, relabelled, deleted or finished) moves them to backoffQ or activeQ, or until they have waited 5 minutes
 *   (podMaxInUnschedulablePodsDuration, checked every 30 s);
 * - gated: pods with spec.schedulingGates, held until their gates are removed.
 */
import { BinaryHeap } from '../clock/binaryHeap';
import type { Pod } from 'kubernetes-types/core/v1';
import type { VirtualClock } from '../clock/virtualClock';
import type { Stored } from '../objects';
import { isDeepEqual } from '../apiserver/deepEqual';
import { buildPodInfo, type PodInfo } from './framework/podInfo';

export const POD_INITIAL_BACKOFF_MS = 1_000;
export const POD_MAX_BACKOFF_MS = 10_000;
export const POD_MAX_IN_UNSCHEDULABLE_MS = 5 * 60_000;
export const UNSCHEDULABLE_FLUSH_INTERVAL_MS = 30_000;

/** Cluster events that can make an unschedulable pod schedulable (framework.ClusterEvent). */
export type ClusterEvent = 'NodeAdd' | 'NodeAllocatable' | 'NodeLabel' | 'NodeTaint' | 'AssignedPodAdd' | 'AssignedPodDelete' | 'UnschedulableTimeout';

/** EventsToRegister of each filter plugin: which events may undo its rejection. */
const PLUGIN_EVENTS: Record<string, readonly ClusterEvent[]> = {
  NodeUnschedulable: ['NodeAdd', 'NodeTaint'],
  NodeName: ['NodeAdd'],
  TaintToleration: ['NodeAdd', 'NodeTaint'],
  NodeAffinity: ['NodeAdd', 'NodeLabel'],
  NodeResourcesFit: ['NodeAdd', 'NodeAllocatable', 'AssignedPodDelete'],
  // Without queueing hints a pod bound anywhere would retry every spread-rejected pod; as before.
  PodTopologySpread: ['NodeAdd', 'NodeAllocatable', 'NodeLabel', 'NodeTaint', 'AssignedPodDelete'],
  // A pod bound or relabelled may be the one an affinity term waits for; one deleted may free a domain.
  InterPodAffinity: ['NodeAdd', 'NodeLabel', 'AssignedPodAdd', 'AssignedPodDelete'],
};

type QueueState = 'active' | 'backoff' | 'unschedulable' | 'gated' | 'inFlight';

export interface QueuedPod {
  key: string;
  info: PodInfo;
  state: QueueState;
  /** Scheduling attempts so far. */
  attempts: number;
  /** When it was (re)queued: PrioritySort's tiebreak, and the start of its backoff. */
  timestamp: number;
  seq: number;
  /** Bumped on every state change; stale heap entries and timers check it. */
  epoch: number;
  unschedulableSince: number;
  /** Plugins that rejected it in its last attempt (empty: any event may help). */
  rejectedBy: ReadonlySet<string>;
}

interface HeapEntry {
  pod: QueuedPod;
  epoch: number;
}

function before(a: HeapEntry, b: HeapEntry): boolean {
  const pa = a.pod.info.priority;
  const pb = b.pod.info.priority;
  if (pa !== pb) return pa > pb;
  if (a.pod.timestamp !== b.pod.timestamp) return a.pod.timestamp < b.pod.timestamp;
  return a.pod.seq < b.pod.seq;
}

function isGated(pod: Stored<Pod>): boolean {
  return (pod.spec?.schedulingGates?.length ?? 0) > 0;
}

/** calculateBackoffDuration: 1 s, 2 s, 4 s, 8 s, then 10 s. */
export function backoffDuration(attempts: number): number {
  let d = POD_INITIAL_BACKOFF_MS;
  for (let i = 1; i < attempts; i++) {
    if (d > POD_MAX_BACKOFF_MS - d) return POD_MAX_BACKOFF_MS;
    d += d;
  }
  return d;
}

export class SchedulingQueue {
  private readonly pods = new Map<string, QueuedPod>();
  private readonly heap = new BinaryHeap<HeapEntry>(before);
  private readonly unschedulable = new Set<QueuedPod>();
  private seq = 0;
  private activeCount = 0;

  constructor(
    private readonly clock: VirtualClock,
    /** Called when a pod becomes active, so the scheduler runs a batch. */
    private readonly onActive: () => void,
  ) {}

  get size(): number {
    return this.pods.size;
  }

  get activeLength(): number {
    return this.activeCount;
  }

  get unschedulableLength(): number {
    return this.unschedulable.size;
  }

  has(key: string): boolean {
    return this.pods.has(key);
  }

  get(key: string): QueuedPod | undefined {
    return this.pods.get(key);
  }

  /** A new unbound pod. */
  add(pod: Stored<Pod>): void {
    const key = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
    if (this.pods.has(key)) return this.update(pod, undefined);
    const qp: QueuedPod = {
      key,
      info: buildPodInfo(pod),
      state: 'gated',
      attempts: 0,
      timestamp: this.clock.now(),
      seq: this.seq++,
      epoch: 0,
      unschedulableSince: 0,
      rejectedBy: new Set(),
    };
    this.pods.set(key, qp);
    if (!isGated(pod)) this.activate(qp);
  }

  /**
   * The pod changed. Only a change to what scheduling reads (spec, labels) is news: a waiting pod is
   * then retried (isPodUpdated ignores status and resourceVersion).
   */
  update(pod: Stored<Pod>, old: Stored<Pod> | undefined): void {
    const key = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
    const qp = this.pods.get(key);
    if (!qp) return this.add(pod);
    if (qp.info.uid !== pod.metadata.uid) {
      this.delete(key);
      return this.add(pod);
    }
    const prev = old ?? qp.info.pod;
    const changed = prev.spec !== pod.spec && !isDeepEqual(prev.spec, pod.spec);
    const relabelled = prev.metadata.labels !== pod.metadata.labels && !isDeepEqual(prev.metadata.labels, pod.metadata.labels);
    if (!changed && !relabelled) return;
    qp.info = buildPodInfo(pod);
    if (qp.state === 'gated' && !isGated(pod)) this.activate(qp);
    else if (qp.state === 'unschedulable') this.moveToActiveOrBackoff(qp);
  }

  delete(key: string): void {
    const qp = this.pods.get(key);
    if (!qp) return;
    this.leave(qp);
    this.pods.delete(key);
  }

  /** Pops the next pod to try; it stays known to the queue (in flight) until done/failed. */
  pop(): QueuedPod | undefined {
    while (this.heap.size > 0) {
      const top = this.heap.pop()!;
      const qp = top.pod;
      if (qp.state !== 'active' || qp.epoch !== top.epoch) continue;
      this.leave(qp);
      qp.state = 'inFlight';
      qp.attempts++;
      return qp;
    }
    return undefined;
  }

  /** The pod was bound: forget it. */
  done(key: string): void {
    this.delete(key);
  }

  /** AddUnschedulableIfNotPresent after the filters rejected it. */
  addUnschedulable(qp: QueuedPod, rejectedBy: ReadonlySet<string>): void {
    if (this.pods.get(qp.key) !== qp) return;
    this.leave(qp);
    qp.rejectedBy = rejectedBy;
    qp.timestamp = this.clock.now();
    qp.unschedulableSince = qp.timestamp;
    qp.state = 'unschedulable';
    this.unschedulable.add(qp);
  }

  /** An error (the binding failed, the API server is down): retry after the backoff. */
  addBackoff(qp: QueuedPod): void {
    if (this.pods.get(qp.key) !== qp) return;
    this.leave(qp);
    qp.timestamp = this.clock.now();
    this.backoff(qp);
  }

  /** MoveAllToActiveOrBackoffQueue: every waiting pod a rejecting plugin of which cares about `event`. */
  moveAllToActiveOrBackoff(event: ClusterEvent): void {
    if (this.unschedulable.size === 0) return;
    for (const qp of [...this.unschedulable]) {
      if (interested(qp.rejectedBy, event)) this.moveToActiveOrBackoff(qp);
    }
  }

  /** flushUnschedulablePodsLeftover: pods that waited 5 minutes are retried whatever happened. */
  flushUnschedulableLeftover(): void {
    const now = this.clock.now();
    for (const qp of [...this.unschedulable]) {
      if (now - qp.unschedulableSince >= POD_MAX_IN_UNSCHEDULABLE_MS) this.moveToActiveOrBackoff(qp);
    }
  }

  /** Drops everything (the scheduler stopped). */
  clear(): void {
    for (const qp of this.pods.values()) qp.epoch++;
    this.pods.clear();
    this.heap.clear();
    this.unschedulable.clear();
    this.activeCount = 0;
  }

  private moveToActiveOrBackoff(qp: QueuedPod): void {
    this.leave(qp);
    if (qp.timestamp + backoffDuration(qp.attempts) > this.clock.now()) this.backoff(qp);
    else this.activate(qp);
  }

  private backoff(qp: QueuedPod): void {
    qp.state = 'backoff';
    const epoch = ++qp.epoch;
    const wait = Math.max(0, qp.timestamp + backoffDuration(qp.attempts) - this.clock.now());
    this.clock.setTimeout(() => {
      if (qp.state === 'backoff' && qp.epoch === epoch && this.pods.get(qp.key) === qp) this.activate(qp);
    }, wait);
  }

  private activate(qp: QueuedPod): void {
    this.leave(qp);
    qp.state = 'active';
    this.activeCount++;
    this.heap.push({ pod: qp, epoch: ++qp.epoch });
    this.onActive();
  }

  /** Takes the pod out of whatever sub-queue it is in (heap entries go stale via the epoch). */
  private leave(qp: QueuedPod): void {
    if (qp.state === 'active') this.activeCount--;
    else if (qp.state === 'unschedulable') this.unschedulable.delete(qp);
    qp.state = 'inFlight';
    qp.epoch++;
  }
}

function interested(rejectedBy: ReadonlySet<string>, event: ClusterEvent): boolean {
  if (rejectedBy.size === 0 || event === 'UnschedulableTimeout') return true;
  for (const plugin of rejectedBy) {
    const events = PLUGIN_EVENTS[plugin];
    if (!events || events.includes(event)) return true;
  }
  return false;
}
