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
import { Controller, type ControllerContext } from '../controllerRuntime';
import type { Stored } from '../../objects';
import type { PodsByNodeIndex } from './podsByNodeIndex';
import { checkNodeHealth, findCondition, NODE_MONITOR_PERIOD_MS, type NodeHealth } from './nodeHealth';
import { type Node as NodeLike, hasTaint, noScheduleTaintChanges, NOT_READY_NO_EXECUTE, swapTaints, UNREACHABLE_NO_EXECUTE } from './taints';
import { computeZoneState, evictionRateFor, NODE_EVICTION_RATE, ZoneTaintQueue, type ZoneState } from './zoneEviction';

export const NODE_LIFECYCLE_CONTROLLER_NAME = 'node-lifecycle-controller';
const EVENT_SOURCE = { component: 'node-controller' };
const MONITOR_KEY = 'monitor:all-nodes';
const NO_SCHEDULE_PREFIX = 'noschedule:';
const NODE_LEASE_NAMESPACE = 'kube-node-lease';

type StoredNode = Stored<Node>;

/** nodetopology.GetZoneKey: region and zone labels; nodes without them share the '' zone. */
export function zoneKeyOf(node: NodeLike): string {
  const labels = node.metadata?.labels ?? {};
  const region = labels['topology.kubernetes.io/region'] ?? labels['failure-domain.beta.kubernetes.io/region'] ?? '';
  const zone = labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? '';
  return region === '' && zone === '' ? '' : `${region}:\0:${zone}`;
}

/** Whether an update changed anything the NoSchedule condition taints depend on (a heartbeat does not). */
function conditionTaintInputsChanged(old: NodeLike, node: NodeLike): boolean {
  if (old.spec?.unschedulable !== node.spec?.unschedulable || old.spec?.taints !== node.spec?.taints) return true;
  const a = old.status?.conditions ?? [];
  const b = node.status?.conditions ?? [];
  if (a === b) return false;
  if (a.length !== b.length) return true;
  for (let i = 0; i < a.length; i++) if (a[i]!.type !== b[i]!.type || a[i]!.status !== b[i]!.status) return true;
  return false;
}

export interface NodeLifecycleController extends Controller {
  /** The controller's view of zones, for the UI and tests. */
  readonly zoneStates: ReadonlyMap<string, ZoneState>;
}

export function createNodeLifecycleController(ctx: ControllerContext, podsByNode: PodsByNodeIndex): NodeLifecycleController {
  const { api, clock, events } = ctx;
  let health = new Map<string, NodeHealth>();
  let known = new Map<string, string>(); // knownNodeSet: name → uid
  let zoneStates = new Map<string, ZoneState>();
  let zoneQueues = new Map<string, ZoneTaintQueue>();
  let lastPassAt: number | undefined;

  function recordNodeEvent(name: string, uid: string, type: 'Normal' | 'Warning', reason: string, message: string): void {
    events.record({ apiVersion: 'v1', kind: 'Node', metadata: { name, uid } }, type, reason, message, EVENT_SOURCE);
  }

  function zoneQueue(node: NodeLike): ZoneTaintQueue {
    const zone = zoneKeyOf(node);
    let q = zoneQueues.get(zone);
    if (!q) {
      // addPodEvictorForNewZone: a new zone starts in the Initial state at the normal rate.
      zoneQueues.set(zone, (q = new ZoneTaintQueue(NODE_EVICTION_RATE, clock.now())));
      zoneStates.set(zone, 'Initial');
    }
    return q;
  }

  function writeTaints(node: StoredNode, add: Parameters<typeof swapTaints>[1], remove: Parameters<typeof swapTaints>[2]): StoredNode {
    const taints = swapTaints(node, add, remove, clock.nowRfc3339());
    if (!taints) return node;
    const spec: Node['spec'] = { ...node.spec };
    if (taints.length > 0) spec.taints = taints;
    else delete spec.taints;
    return api.update<Node>({ ...node, spec });
  }

  /** markNodeAsReachable: off with both NoExecute taints; out of the tainting queue. */
  function markNodeAsReachable(node: StoredNode): StoredNode {
    zoneQueue(node).remove(node.metadata.name);
    if (!node.spec?.taints?.some((t) => t.effect === 'NoExecute')) return node;
    return writeTaints(node, [], [UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE]);
  }

  function processTaintBaseEviction(node: StoredNode, observedReady: string): void {
    switch (observedReady) {
      case 'False':
        // Already tainted unreachable: swap to not-ready straight away, no rate limit.
        if (hasTaint(node, UNREACHABLE_NO_EXECUTE)) writeTaints(node, [NOT_READY_NO_EXECUTE], [UNREACHABLE_NO_EXECUTE]);
        else if (!hasTaint(node, NOT_READY_NO_EXECUTE)) zoneQueue(node).add(node.metadata.name);
        break;
      case 'Unknown':
        if (hasTaint(node, NOT_READY_NO_EXECUTE)) writeTaints(node, [UNREACHABLE_NO_EXECUTE], [NOT_READY_NO_EXECUTE]);
        else if (!hasTaint(node, UNREACHABLE_NO_EXECUTE)) zoneQueue(node).add(node.metadata.name);
        break;
      case 'True':
        markNodeAsReachable(node);
        break;
    }
  }

  /** MarkPodsNotReady: a node that stopped reporting cannot vouch for its pods' readiness. */
  function markPodsNotReady(nodeName: string): void {
    const now = clock.nowRfc3339();
    for (const pod of podsByNode.podsOn(nodeName)) {
      const conditions = pod.status?.conditions;
      const ready = conditions?.find((c) => c.type === 'Ready');
      if (!conditions || !ready || ready.status === 'False') continue;
      const next = conditions.map((c) => (c === ready ? { ...c, status: 'False', lastTransitionTime: now } : c));
      api.updateStatus<Pod>({ ...pod, status: { ...pod.status, conditions: next } });
      events.record(pod, 'Warning', 'NodeNotReady', 'Node is not ready', EVENT_SOURCE);
    }
  }

  /** doNoExecuteTaintingPass: each zone's queue taints nodes at its zone's rate. */
  function noExecuteTaintingPass(): void {
    const now = clock.now();
    for (const queue of zoneQueues.values()) {
      queue.drain(now, (name) => {
        const node = api.get<Node>('Node', undefined, name);
        if (!node) return true;
        const ready = findCondition(node, 'Ready');
        if (ready?.status === 'False') writeTaints(node, [NOT_READY_NO_EXECUTE], [UNREACHABLE_NO_EXECUTE]);
        else if (ready?.status === 'Unknown') writeTaints(node, [UNREACHABLE_NO_EXECUTE], [NOT_READY_NO_EXECUTE]);
        // Ready again (or never reported): nothing to taint.
        return true;
      });
    }
  }

  function handleDisruption(zoneReady: Map<string, (string | undefined)[]>, nodes: StoredNode[]): void {
    const newStates = new Map<string, ZoneState>();
    let allAreFullyDisrupted = true;
    for (const [zone, statuses] of zoneReady) {
      const { state } = computeZoneState(statuses);
      if (state !== 'FullDisruption') allAreFullyDisrupted = false;
      newStates.set(zone, state);
      if (!zoneStates.has(zone)) zoneStates.set(zone, 'Initial');
    }
    let allWasFullyDisrupted = true;
    for (const [zone, state] of [...zoneStates]) {
      if (!zoneReady.has(zone)) {
        zoneStates.delete(zone);
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
          const current = api.peek<Node>('Node', undefined, node.metadata.name);
          if (current) markNodeAsReachable(current);
        }
        for (const q of zoneQueues.values()) q.setRate(0, clock.now());
        for (const zone of zoneStates.keys()) zoneStates.set(zone, 'FullDisruption');
        return;
      }
      if (allWasFullyDisrupted) {
        // Leaving that mode: every node gets a fresh grace period before anything is judged.
        const now = clock.now();
        for (const h of health.values()) {
          h.probeTimestamp = now;
          h.readyTransitionTimestamp = now;
        }
        for (const zone of zoneStates.keys()) {
          const state = newStates.get(zone) ?? 'Normal';
          zoneQueues.get(zone)?.setRate(evictionRateFor(state, zoneReady.get(zone)?.length ?? 0), now);
          zoneStates.set(zone, state);
        }
        return;
      }
    }
    for (const [zone, state] of zoneStates) {
      const next = newStates.get(zone);
      if (!next || next === state) continue;
      zoneQueues.get(zone)?.setRate(evictionRateFor(next, zoneReady.get(zone)?.length ?? 0), clock.now());
      zoneStates.set(zone, next);
    }
  }

  function monitorNodeHealth(): void {
    const now = clock.now();
    // A gap of several periods means this controller was stopped: it restarts with empty memory, as a
    // restarted kube-controller-manager does (every node then gets a fresh grace period).
    if (lastPassAt !== undefined && now - lastPassAt > 2 * NODE_MONITOR_PERIOD_MS) {
      health = new Map();
      known = new Map();
      zoneStates = new Map();
      zoneQueues = new Map();
    }
    lastPassAt = now;
    const nodes = api.list<Node>('Node');
    const present = new Set<string>();
    const rewritten = new Set<string>();
    for (const node of nodes) {
      present.add(node.metadata.name);
      if (known.has(node.metadata.name)) continue;
      rewritten.add(node.metadata.name);
      recordNodeEvent(node.metadata.name, node.metadata.uid, 'Normal', 'RegisteredNode', `Node ${node.metadata.name} event: Registered Node ${node.metadata.name} in Controller`);
      known.set(node.metadata.name, node.metadata.uid);
      markNodeAsReachable(node);
    }
    for (const [name, uid] of [...known]) {
      if (present.has(name)) continue;
      recordNodeEvent(name, uid, 'Normal', 'RemovingNode', `Node ${name} event: Removing Node ${name} from Controller`);
      known.delete(name);
      health.delete(name);
      for (const q of zoneQueues.values()) q.remove(name);
    }

    const nowRfc = clock.nowRfc3339();
    const zoneReady = new Map<string, (string | undefined)[]>();
    for (const listed of nodes) {
      const name = listed.metadata.name;
      let node = rewritten.has(name) ? (api.peek<Node>('Node', undefined, name) ?? listed) : listed;
      const lease = api.peek<Lease>('Lease', NODE_LEASE_NAMESPACE, name);
      const check = checkNodeHealth(node, health.get(name), lease, now, nowRfc);
      health.set(name, check.health);
      if (check.conditionsToWrite) {
        node = api.updateStatus<Node>({ ...node, status: { ...node.status, conditions: check.conditionsToWrite } });
        if (ctx.cues.hasListeners) ctx.cues.emit({ type: 'node-condition', node: name, ready: 'Unknown' });
      }
      if (node.metadata.labels?.['node.kubernetes.io/exclude-disruption'] === undefined) {
        const zone = zoneKeyOf(node);
        const list = zoneReady.get(zone);
        if (list) list.push(check.currentReady?.status);
        else zoneReady.set(zone, [check.currentReady?.status]);
      }
      if (!check.currentReady) continue;
      processTaintBaseEviction(node, check.observedReady.status);
      if (check.currentReady.status !== 'True' && check.observedReady.status === 'True') {
        recordNodeEvent(name, node.metadata.uid, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
        markPodsNotReady(name);
      }
    }
    handleDisruption(zoneReady, nodes);
    noExecuteTaintingPass();
  }

  function syncNoScheduleTaints(name: string): void {
    const node = api.get<Node>('Node', undefined, name);
    if (!node) return;
    const { add, remove } = noScheduleTaintChanges(node);
    if (add.length > 0 || remove.length > 0) writeTaints(node, add, remove);
  }

  const controller = new Controller(
    {
      name: NODE_LIFECYCLE_CONTROLLER_NAME,
      watches: [
        {
          kind: 'Node',
          keys: (ev) => {
            if (ev.type === 'DELETED') return [];
            const node = ev.object as Node;
            const old = ev.old as Node | undefined;
            if (ev.type === 'MODIFIED' && old && !conditionTaintInputsChanged(old, node)) return [];
            return [NO_SCHEDULE_PREFIX + ev.object.metadata.name];
          },
        },
      ],
      listKeys: function* () {
        yield MONITOR_KEY;
        // Called again every monitor period; the NoSchedule taints are watch-driven, so they are only
        // listed when the controller (re)starts.
        if (lastPassAt === undefined || clock.now() - lastPassAt > 2 * NODE_MONITOR_PERIOD_MS) {
          for (const node of api.peekList('Node')) yield NO_SCHEDULE_PREFIX + node.metadata.name;
        }
      },
      sync: (key) => {
        if (key === MONITOR_KEY) monitorNodeHealth();
        else if (key.startsWith(NO_SCHEDULE_PREFIX)) syncNoScheduleTaints(key.slice(NO_SCHEDULE_PREFIX.length));
      },
      resyncPeriodMs: NODE_MONITOR_PERIOD_MS,
    },
    ctx,
  );
  return Object.defineProperty(controller, 'zoneStates', { get: () => zoneStates }) as NodeLifecycleController;
}
