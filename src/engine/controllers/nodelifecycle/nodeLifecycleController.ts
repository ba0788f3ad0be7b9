/**
 * The node lifecycle controller (pkg/controller/nodelifecycle, `node-lifecycle-controller`; its events
 * say `node-controller`). Every 5 s (--node-monitor-period) it checks every node:
 * - a node with no sign of life (no new Lease renewal, no new Ready heartbeat) for the 50 s grace
 *   period gets Ready (and MemoryPressure, DiskPressure, PIDPressure) = Unknown, an event
 *   `NodeNotReady`, and its pods are marked Ready=False (so they leave Service endpoints);
 * - a node whose Ready is Unknown or False is queued for the NoExecute taint `unreachable` or
 *   `not-ready` (rate-limited per zone, see zoneEviction.ts); a Ready node loses those taints;
 * - NoSchedule taints follow the node's conditions and spec.unschedulable as soon as they change.
 * Evicting the pods of a NoExecute-tainted node is the taint eviction controller's work.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { ApiServer } from '../../apiserver/apiserver';
import type { EventRecorder } from '../../apiserver/events';
import type { VirtualClock } from '../../clock/virtualClock';
import type { ControllerContext } from '../controllerRuntime';
import type { Stored } from '../../objects';
import type { PodsByNodeIndex } from './podsByNodeIndex';
import { checkNodeHealth, findCondition, NODE_MONITOR_PERIOD_MS, type NodeHealth } from './nodeHealth';
import { type Node as NodeLike, hasTaint, noScheduleTaintChanges, NOT_READY_NO_EXECUTE, swapTaints, UNREACHABLE_NO_EXECUTE } from './taints';
import { computeZoneState, evictionRateFor, NODE_EVICTION_RATE, ZoneTaintQueue, type ZoneState } from './zoneEviction';

export const NODE_LIFECYCLE_CONTROLLER_NAME = 'node-lifecycle-controller';
const EVENT_SOURCE = { component: 'node-controller' };
/** The key of the periodic health pass over all nodes (monitorNodeHealth). */
export const MONITOR_KEY = 'monitor:all-nodes';
const NO_SCHEDULE_PREFIX = 'noschedule:';
const NODE_LEASE_NAMESPACE = 'kube-node-lease';

type StoredNode = Stored<Node>;

/** The key of one node's NoSchedule condition taints (doNoScheduleTaintingPass). */
export function noScheduleKey(nodeName: string): string {
  return NO_SCHEDULE_PREFIX + nodeName;
}

/** nodetopology.GetZoneKey: region and zone labels; nodes without them share the '' zone. */
export function zoneKeyOf(node: NodeLike): string {
  const labels = node.metadata?.labels ?? {};
  const region = labels['topology.kubernetes.io/region'] ?? labels['failure-domain.beta.kubernetes.io/region'] ?? '';
  const zone = labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? '';
  return region === '' && zone === '' ? '' : `${region}:\0:${zone}`;
}

/** Whether an update changed anything the NoSchedule condition taints depend on (a heartbeat does not). */
export function conditionTaintInputsChanged(old: NodeLike, node: NodeLike): boolean {
  if (old.spec?.unschedulable !== node.spec?.unschedulable || old.spec?.taints !== node.spec?.taints) return true;
  const a = old.status?.conditions ?? [];
  const b = node.status?.conditions ?? [];
  if (a === b) return false;
  if (a.length !== b.length) return true;
  for (let i = 0; i < a.length; i++) if (a[i]!.type !== b[i]!.type || a[i]!.status !== b[i]!.status) return true;
  return false;
}

/** The node lifecycle controller's state and its two syncs: the periodic health monitor and a node's NoSchedule taints. */
export class NodeLifecycleSyncer {
  private readonly api: ApiServer;
  private readonly clock: VirtualClock;
  private readonly events: EventRecorder;
  private health = new Map<string, NodeHealth>();
  private known = new Map<string, string>(); // knownNodeSet: name → uid
  private zoneStates = new Map<string, ZoneState>();
  private zoneQueues = new Map<string, ZoneTaintQueue>();
  private lastPassAt: number | undefined;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly podsByNode: PodsByNodeIndex,
  ) {
    this.api = ctx.api;
    this.clock = ctx.clock;
    this.events = ctx.events;
  }

  /** The controller's view of zones, for the UI and tests. */
  get zones(): ReadonlyMap<string, ZoneState> {
    return this.zoneStates;
  }

  sync(key: string): void {
    if (key === MONITOR_KEY) this.monitorNodeHealth();
    else if (key.startsWith(NO_SCHEDULE_PREFIX)) this.syncNoScheduleTaints(key.slice(NO_SCHEDULE_PREFIX.length));
  }

  /** Every key to list: the monitor pass each period, and every node's NoSchedule taints when the controller (re)starts. */
  *listKeys(): Generator<string> {
    yield MONITOR_KEY;
    // Called again every monitor period; the NoSchedule taints are watch-driven, so they are only
    // listed when the controller (re)starts.
    if (this.lastPassAt === undefined || this.clock.now() - this.lastPassAt > 2 * NODE_MONITOR_PERIOD_MS) {
      for (const node of this.api.peekList('Node')) yield noScheduleKey(node.metadata.name);
    }
  }
  private recordNodeEvent(name: string, uid: string, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.events.record({ apiVersion: 'v1', kind: 'Node', metadata: { name, uid } }, type, reason, message, EVENT_SOURCE);
  }

  private zoneQueue(node: NodeLike): ZoneTaintQueue {
    const zone = zoneKeyOf(node);
    let q = this.zoneQueues.get(zone);
    if (!q) {
      // addPodEvictorForNewZone: a new zone starts in the Initial state at the normal rate.
      this.zoneQueues.set(zone, (q = new ZoneTaintQueue(NODE_EVICTION_RATE, this.clock.now())));
      this.zoneStates.set(zone, 'Initial');
    }
    return q;
  }

  private writeTaints(node: StoredNode, add: Parameters<typeof swapTaints>[1], remove: Parameters<typeof swapTaints>[2]): StoredNode {
    const taints = swapTaints(node, add, remove, this.clock.nowRfc3339());
    if (!taints) return node;
    const spec: Node['spec'] = { ...node.spec };
    if (taints.length > 0) spec.taints = taints;
    else delete spec.taints;
    return this.api.update<Node>({ ...node, spec });
  }

  /** markNodeAsReachable: off with both NoExecute taints; out of the tainting queue. */
  private markNodeAsReachable(node: StoredNode): StoredNode {
    this.zoneQueue(node).remove(node.metadata.name);
    if (!node.spec?.taints?.some((t) => t.effect === 'NoExecute')) return node;
    return this.writeTaints(node, [], [UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE]);
  }

  private processTaintBaseEviction(node: StoredNode, observedReady: string): void {
    switch (observedReady) {
      case 'False':
        // Already tainted unreachable: swap to not-ready straight away, no rate limit.
        if (hasTaint(node, UNREACHABLE_NO_EXECUTE)) this.writeTaints(node, [NOT_READY_NO_EXECUTE], [UNREACHABLE_NO_EXECUTE]);
        else if (!hasTaint(node, NOT_READY_NO_EXECUTE)) this.zoneQueue(node).add(node.metadata.name);
        break;
      case 'Unknown':
        if (hasTaint(node, NOT_READY_NO_EXECUTE)) this.writeTaints(node, [UNREACHABLE_NO_EXECUTE], [NOT_READY_NO_EXECUTE]);
        else if (!hasTaint(node, UNREACHABLE_NO_EXECUTE)) this.zoneQueue(node).add(node.metadata.name);
        break;
      case 'True':
        this.markNodeAsReachable(node);
        break;
    }
  }

  /** MarkPodsNotReady: a node that stopped reporting cannot vouch for its pods' readiness. */
  private markPodsNotReady(nodeName: string): void {
    const now = this.clock.nowRfc3339();
    for (const pod of this.podsByNode.podsOn(nodeName)) {
      const conditions = pod.status?.conditions;
      const ready = conditions?.find((c) => c.type === 'Ready');
      if (!conditions || !ready || ready.status === 'False') continue;
      const next = conditions.map((c) => (c === ready ? { ...c, status: 'False', lastTransitionTime: now } : c));
      this.api.updateStatus<Pod>({ ...pod, status: { ...pod.status, conditions: next } });
      this.events.record(pod, 'Warning', 'NodeNotReady', 'Node is not ready', EVENT_SOURCE);
    }
  }

  /** doNoExecuteTaintingPass: each zone's queue taints nodes at its zone's rate. */
  private noExecuteTaintingPass(): void {
    const now = this.clock.now();
    for (const queue of this.zoneQueues.values()) {
      queue.drain(now, (name) => {
        const node = this.api.get<Node>('Node', undefined, name);
        if (!node) return true;
        const ready = findCondition(node, 'Ready');
        if (ready?.status === 'False') this.writeTaints(node, [NOT_READY_NO_EXECUTE], [UNREACHABLE_NO_EXECUTE]);
        else if (ready?.status === 'Unknown') this.writeTaints(node, [UNREACHABLE_NO_EXECUTE], [NOT_READY_NO_EXECUTE]);
        // Ready again (or never reported): nothing to taint.
        return true;
      });
    }
  }

  private handleDisruption(zoneReady: Map<string, (string | undefined)[]>, nodes: StoredNode[]): void {
    const newStates = new Map<string, ZoneState>();
    let allAreFullyDisrupted = true;
    for (const [zone, statuses] of zoneReady) {
      const { state } = computeZoneState(statuses);
      if (state !== 'FullDisruption') allAreFullyDisrupted = false;
      newStates.set(zone, state);
      if (!this.zoneStates.has(zone)) this.zoneStates.set(zone, 'Initial');
    }
    let allWasFullyDisrupted = true;
    for (const [zone, state] of [...this.zoneStates]) {
      if (!zoneReady.has(zone)) {
        this.zoneStates.delete(zone);
        continue;
      }
      if (state !== 'FullDisruption') {
        allWasFullyDisrupted = false;
        break;
      }
    }
    if (!allAreFullyDisrupted || !allWasFullyDisrupted) {
      if (allAreFullyDisrupted) {
        // Every node in every zone is unhealthy: blame the control plane's network, evict nothing.
        for (const node of nodes) {
          const current = this.api.peek<Node>('Node', undefined, node.metadata.name);
          if (current) this.markNodeAsReachable(current);
        }
        for (const q of this.zoneQueues.values()) q.setRate(0, this.clock.now());
        for (const zone of this.zoneStates.keys()) this.zoneStates.set(zone, 'FullDisruption');
        return;
      }
      if (allWasFullyDisrupted) {
        // Leaving that mode: every node gets a fresh grace period before anything is judged.
        const now = this.clock.now();
        for (const h of this.health.values()) {
          h.probeTimestamp = now;
          h.readyTransitionTimestamp = now;
        }
        for (const zone of this.zoneStates.keys()) {
          const state = newStates.get(zone) ?? 'Normal';
          this.zoneQueues.get(zone)?.setRate(evictionRateFor(state, zoneReady.get(zone)?.length ?? 0), now);
          this.zoneStates.set(zone, state);
        }
        return;
      }
    }
    for (const [zone, state] of this.zoneStates) {
      const next = newStates.get(zone);
      if (!next || next === state) continue;
      this.zoneQueues.get(zone)?.setRate(evictionRateFor(next, zoneReady.get(zone)?.length ?? 0), this.clock.now());
      this.zoneStates.set(zone, next);
    }
  }

  private monitorNodeHealth(): void {
    const now = this.clock.now();
    // A gap of several periods means this controller was stopped: it restarts with empty memory, as a
    // restarted kube-controller-manager does (every node then gets a fresh grace period).
    if (this.lastPassAt !== undefined && now - this.lastPassAt > 2 * NODE_MONITOR_PERIOD_MS) {
      this.health = new Map();
      this.known = new Map();
      this.zoneStates = new Map();
      this.zoneQueues = new Map();
    }
    this.lastPassAt = now;
    const nodes = this.api.list<Node>('Node');
    const present = new Set<string>();
    const rewritten = new Set<string>();
    for (const node of nodes) {
      present.add(node.metadata.name);
      if (this.known.has(node.metadata.name)) continue;
      rewritten.add(node.metadata.name);
      this.recordNodeEvent(node.metadata.name, node.metadata.uid, 'Normal', 'RegisteredNode', `Node ${node.metadata.name} event: Registered Node ${node.metadata.name} in Controller`);
      this.known.set(node.metadata.name, node.metadata.uid);
      this.markNodeAsReachable(node);
    }
    for (const [name, uid] of [...this.known]) {
      if (present.has(name)) continue;
      this.recordNodeEvent(name, uid, 'Normal', 'RemovingNode', `Node ${name} event: Removing Node ${name} from Controller`);
      this.known.delete(name);
      this.health.delete(name);
      for (const q of this.zoneQueues.values()) q.remove(name);
    }

    const nowRfc = this.clock.nowRfc3339();
    const zoneReady = new Map<string, (string | undefined)[]>();
    for (const listed of nodes) {
      const name = listed.metadata.name;
      let node = rewritten.has(name) ? (this.api.peek<Node>('Node', undefined, name) ?? listed) : listed;
      const lease = this.api.peek<Lease>('Lease', NODE_LEASE_NAMESPACE, name);
      const check = checkNodeHealth(node, this.health.get(name), lease, now, nowRfc);
      this.health.set(name, check.health);
      if (check.conditionsToWrite) {
        node = this.api.updateStatus<Node>({ ...node, status: { ...node.status, conditions: check.conditionsToWrite } });
        if (this.ctx.cues.hasListeners) this.ctx.cues.emit({ type: 'node-condition', node: name, ready: 'Unknown' });
      }
      if (node.metadata.labels?.['node.kubernetes.io/exclude-disruption'] === undefined) {
        const zone = zoneKeyOf(node);
        const list = zoneReady.get(zone);
        if (list) list.push(check.currentReady?.status);
        else zoneReady.set(zone, [check.currentReady?.status]);
      }
      if (!check.currentReady) continue;
      this.processTaintBaseEviction(node, check.observedReady.status);
      if (check.currentReady.status !== 'True' && check.observedReady.status === 'True') {
        this.recordNodeEvent(name, node.metadata.uid, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
        this.markPodsNotReady(name);
      }
    }
    this.handleDisruption(zoneReady, nodes);
    this.noExecuteTaintingPass();
  }

  private syncNoScheduleTaints(name: string): void {
    const node = this.api.get<Node>('Node', undefined, name);
    if (!node) return;
    const { add, remove } = noScheduleTaintChanges(node);
    if (add.length > 0 || remove.length > 0) this.writeTaints(node, add, remove);
  }
}
