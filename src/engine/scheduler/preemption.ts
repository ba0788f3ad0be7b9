/**
 * DefaultPreemption's PostFilter (pkg/scheduler/framework/preemption): when no node fits a pod, find
 * nodes where evicting pods of lower priority would make room, and the fewest, least important victims.
 *
 * - Eligible: preemptionPolicy is not Never, and the pod is not already nominated to a node where a
 *   lower-priority pod is still terminating (it waits for that preemption to finish).
 * - Per node that failed for a resolvable reason (SelectVictimsOnNode): take away every pod of lower
 *   priority; if the pod still does not fit, the node is no candidate. Otherwise give back the victims
 *   one by one, most important first (higher priority, then started earlier), keeping each that does
 *   not stop the pod fitting.
 * - Pick (pickOneNodeForPreemption): the lowest highest-victim priority, then the lowest sum of victim
 *   priorities, then the fewest victims, then the first node.
 * PodDisruptionBudgets of the victims are not weighed (kube-scheduler prefers candidates that violate
 * fewer budgets but still preempts in the end); the playground always picks as if none were violated.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../apiserver/apiserver';
import type { Stored } from '../objects';
import type { NodeInfo } from './framework/nodeInfo';
import { podRequests, type PodInfo } from './framework/podInfo';
import type { FilterFailure, FilterPlugin } from './framework/types';

export const NOT_ELIGIBLE_TERMINATING = 'preemption: not eligible due to a terminating pod on the nominated node.';

export interface PreemptionCandidate {
  node: NodeInfo;
  victims: Stored<Pod>[];
}

const priorityOf = (p: Stored<Pod>) => p.spec?.priority ?? 0;
const startOf = (p: Stored<Pod>) => Date.parse(p.status?.startTime ?? p.metadata.creationTimestamp ?? '') || 0;
const isTerminal = (p: Stored<Pod>) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

/** PodEligibleToPreemptOthers: undefined when eligible, else the PostFilter message. */
export function notEligibleReason(pod: PodInfo, api: ApiServer): string | undefined {
  if (pod.preemptionPolicy === 'Never') return 'preemption: not eligible due to preemptionPolicy=Never.';
  const nominated = pod.pod.status?.nominatedNodeName;
  if (!nominated) return undefined;
  const terminating = api.peekList<Pod>('Pod', { nodeName: nominated }).some((p) => p.metadata.deletionTimestamp && priorityOf(p) < pod.priority);
  return terminating ? NOT_ELIGIBLE_TERMINATING : undefined;
}

function fits(pod: PodInfo, node: NodeInfo, filters: readonly FilterPlugin[]): boolean {
  for (const f of filters) if (f.filter(pod, node)) return false;
  return true;
}

type Amounts = { requests: ReturnType<typeof podRequests>; nonZero: ReturnType<typeof podRequests> };

/** SelectVictimsOnNode; the node's sums are restored before returning. */
function selectVictimsOnNode(pod: PodInfo, node: NodeInfo, potential: Stored<Pod>[] | undefined, filters: readonly FilterPlugin[]): Stored<Pod>[] | undefined {
  if (!potential || potential.length === 0) return undefined;
  const amounts = new Map<Stored<Pod>, Amounts>(potential.map((p) => [p, { requests: podRequests(p), nonZero: podRequests(p, true) }]));
  const remove = (p: Stored<Pod>) => {
    const a = amounts.get(p)!;
    node.removePod(a.requests, a.nonZero.milliCPU, a.nonZero.memory);
  };
  const addBack = (p: Stored<Pod>) => {
    const a = amounts.get(p)!;
    node.addPod(a.requests, a.nonZero.milliCPU, a.nonZero.memory);
  };
  for (const p of potential) remove(p);
  const victims: Stored<Pod>[] = [];
  if (fits(pod, node, filters)) {
    // MoreImportantPod: higher priority first, then the one that started earlier.
    const byImportance = [...potential].sort((a, b) => priorityOf(b) - priorityOf(a) || startOf(a) - startOf(b));
    for (const p of byImportance) {
      addBack(p);
      if (fits(pod, node, filters)) continue; // reprieved
      remove(p);
      victims.push(p);
    }
    for (const v of victims) addBack(v);
    return victims;
  }
  for (const p of potential) addBack(p);
  return undefined;
}

/** The candidate node and its victims, or undefined when evicting would not help anywhere. */
export function findPreemptionCandidate(pod: PodInfo, failedNodes: readonly NodeInfo[], failures: readonly FilterFailure[], api: ApiServer, filters: readonly FilterPlugin[]): PreemptionCandidate | undefined {
  // Without a pod of lower priority anywhere there is nothing to find: pods without a class have
  // priority 0, so below 0 only a PriorityClass with a negative value can put one.
  if (pod.priority <= 0 && !api.peekList<{ value: number }>('PriorityClass').some((pc) => pc.value < pod.priority)) return undefined;
  const lower = new Map<string, Stored<Pod>[]>();
  for (const p of api.peekList<Pod>('Pod')) {
    const nodeName = p.spec?.nodeName;
    if (!nodeName || isTerminal(p) || p.metadata.deletionTimestamp || priorityOf(p) >= pod.priority) continue;
    let list = lower.get(nodeName);
    if (!list) lower.set(nodeName, (list = []));
    list.push(p);
  }
  if (lower.size === 0) return undefined;
  const active = filters.filter((f) => !f.preFilter || f.preFilter(pod));
  let best: { node: NodeInfo; victims: Stored<Pod>[]; top: number; sum: number } | undefined;
  for (let i = 0; i < failedNodes.length; i++) {
    if (failures[i]?.code === 'UnschedulableAndUnresolvable') continue;
    const node = failedNodes[i]!;
    const victims = selectVictimsOnNode(pod, node, lower.get(node.name), active);
    if (!victims || victims.length === 0) continue;
    const top = Math.max(...victims.map(priorityOf));
    const sum = victims.reduce((s, v) => s + priorityOf(v), 0);
    if (!best || top < best.top || (top === best.top && (sum < best.sum || (sum === best.sum && victims.length < best.victims.length)))) {
      best = { node, victims, top, sum };
    }
  }
  return best ? { node: best.node, victims: best.victims } : undefined;
}
