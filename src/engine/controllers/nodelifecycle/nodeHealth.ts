/**
 * How the node lifecycle controller judges a node's health (pkg/controller/nodelifecycle,
 * tryUpdateNodeHealth). Each monitor pass it compares what the kubelet last posted with what it saw
 * before: a newer Ready heartbeat or a newer Lease renewal means the node is alive. When nothing new
 * has arrived for the grace period, Ready, MemoryPressure, DiskPressure and PIDPressure become
 * Unknown with reason NodeStatusUnknown ("Kubelet stopped posting node status.").
 */
import type { NodeCondition } from 'kubernetes-types/core/v1';
import type { Node } from './taints';
import type { Lease } from 'kubernetes-types/coordination/v1';

/** --node-monitor-period: how often the controller checks every node. */
export const NODE_MONITOR_PERIOD_MS = 5_000;
/**
 * --node-monitor-grace-period: 50 s, the default since Kubernetes 1.32 (it was 40 s before; the longer
 * value covers the kubelet's own retries of a failed status update). Must exceed the kubelet's 10 s
 * lease renewal period several times over.
 */
export const NODE_MONITOR_GRACE_PERIOD_MS = 50_000;
/** --node-startup-grace-period: a node whose kubelet never posted a Ready condition gets 60 s. */
export const NODE_STARTUP_GRACE_PERIOD_MS = 60_000;

/** Conditions the controller sets to Unknown on a silent node (NetworkUnavailable is not the kubelet's). */
const KUBELET_CONDITION_TYPES = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'] as const;

export interface NodeHealth {
  /** The Ready condition as last seen. */
  savedReady: NodeCondition | undefined;
  /** The lease renewTime as last seen (epoch ms), and as written (to skip re-parsing an unchanged one). */
  savedLeaseRenew: number | undefined;
  savedLeaseRenewText?: string;
  /** When the node was last known to be alive. */
  probeTimestamp: number;
  readyTransitionTimestamp: number;
}

export interface HealthCheck {
  health: NodeHealth;
  /** The Ready condition before this check (a stand-in Unknown one if the kubelet never posted it). */
  observedReady: NodeCondition;
  /** The Ready condition after this check; undefined only if the node has none and none was added. */
  currentReady: NodeCondition | undefined;
  /** New status.conditions to write, when the check changed the Ready condition. */
  conditionsToWrite: NodeCondition[] | undefined;
}

export function findCondition(node: Node, type: string): NodeCondition | undefined {
  for (const c of node.status?.conditions ?? []) if (c.type === type) return c;
  return undefined;
}

function parseTime(t: string | undefined): number | undefined {
  if (!t) return undefined;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The moment a heartbeat shows the node alive. Kubernetes stamps its own clock when it notices the
 * change; in the simulation every component shares one clock and informers deliver at once, so the
 * heartbeat's own timestamp is that moment (never later than now).
 */
function aliveAt(heartbeat: number | undefined, now: number): number {
  return heartbeat === undefined ? now : Math.min(heartbeat, now);
}

export function checkNodeHealth(node: Node, saved: NodeHealth | undefined, lease: Pick<Lease, 'spec'> | undefined, nowMs: number, nowRfc3339: string): HealthCheck {
  const currentReady = findCondition(node, 'Ready');
  let gracePeriod = NODE_MONITOR_GRACE_PERIOD_MS;
  let observedReady: NodeCondition;
  let health: NodeHealth;

  if (!currentReady) {
    // The kubelet never posted status: stand in an Unknown condition dated at node creation.
    observedReady = { type: 'Ready', status: 'Unknown', lastHeartbeatTime: node.metadata?.creationTimestamp, lastTransitionTime: node.metadata?.creationTimestamp };
    gracePeriod = NODE_STARTUP_GRACE_PERIOD_MS;
    const created = parseTime(node.metadata?.creationTimestamp) ?? nowMs;
    health = saved ? { ...saved, savedReady: undefined } : { savedReady: undefined, savedLeaseRenew: undefined, probeTimestamp: created, readyTransitionTimestamp: created };
  } else {
    observedReady = currentReady;
    if (!saved || !saved.savedReady) {
      // First sight of this node's Ready condition (a new node, or this controller just started).
      health = { savedReady: currentReady, savedLeaseRenew: saved?.savedLeaseRenew, probeTimestamp: nowMs, readyTransitionTimestamp: nowMs };
    } else if (saved.savedReady.lastHeartbeatTime !== currentReady.lastHeartbeatTime) {
      const transitioned = saved.savedReady.lastTransitionTime !== currentReady.lastTransitionTime;
      health = {
        savedReady: currentReady,
        savedLeaseRenew: saved.savedLeaseRenew,
        probeTimestamp: aliveAt(parseTime(currentReady.lastHeartbeatTime), nowMs),
        readyTransitionTimestamp: transitioned ? nowMs : saved.readyTransitionTimestamp,
      };
    } else {
      // Nothing new from the kubelet's status: the health record is this controller's own, kept as is.
      health = saved;
    }
  }

  // A renewed Lease always counts as a sign of life, whatever the node status says.
  const renewText = lease?.spec?.renewTime;
  const renew = renewText === undefined || renewText === health.savedLeaseRenewText ? undefined : parseTime(renewText);
  if (renew !== undefined && (health.savedLeaseRenew === undefined || renew > health.savedLeaseRenew)) {
    const firstSight = health.savedLeaseRenew === undefined;
    health.savedLeaseRenew = renew;
    health.savedLeaseRenewText = renewText;
    health.probeTimestamp = Math.max(health.probeTimestamp, firstSight ? nowMs : aliveAt(renew, nowMs));
  }

  if (!(nowMs > health.probeTimestamp + gracePeriod)) {
    return { health, observedReady, currentReady, conditionsToWrite: undefined };
  }

  const conditions = (node.status?.conditions ?? []).map((c) => ({ ...c }));
  for (const type of KUBELET_CONDITION_TYPES) {
    const c = conditions.find((x) => x.type === type);
    if (!c) {
      conditions.push({
        type,
        status: 'Unknown',
        reason: 'NodeStatusNeverUpdated',
        message: 'Kubelet never posted node status.',
        lastHeartbeatTime: node.metadata?.creationTimestamp,
        lastTransitionTime: nowRfc3339,
      });
    } else if (c.status !== 'Unknown') {
      c.status = 'Unknown';
      c.reason = 'NodeStatusUnknown';
      c.message = 'Kubelet stopped posting node status.';
      c.lastTransitionTime = nowRfc3339;
    }
  }
  const newReady = conditions.find((c) => c.type === 'Ready')!;
  const changed = !currentReady || currentReady.status !== newReady.status || currentReady.reason !== newReady.reason;
  if (!changed) return { health, observedReady, currentReady, conditionsToWrite: undefined };
  health.savedReady = newReady;
  health.readyTransitionTimestamp = nowMs;
  return { health, observedReady, currentReady: newReady, conditionsToWrite: conditions };
}
