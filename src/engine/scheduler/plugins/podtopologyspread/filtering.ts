/** PodTopologySpread's Filter (filtering.go): the pod's `whenUnsatisfiable: DoNotSchedule` constraints. */
import { matchesSelector } from '../../../apiserver/labels';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import type { FilterFailure } from '../../framework/types';
import { ERR_REASON_CONSTRAINTS_NOT_MATCH, ERR_REASON_NODE_LABEL_NOT_MATCH, honoursNodeAffinity, NAME, type Constraint } from './common';

/** preFilterState: per constraint, the matching pods per domain, the smallest domain's count, and whether the pod matches itself. */
export interface TopologySpreadFilterState {
  constraints: Constraint[];
  domains: Map<string, number>[];
  min: number[];
  self: number[];
}

/**
 * PreFilter: for each constraint, the matching pods per topology domain over the nodes that carry every
 * constraint key (and, with nodeAffinityPolicy Honor, that the pod's node affinity allows). `counts[i]`
 * is the matching pods per node name for constraints[i].
 */
export function topologySpreadFilterState(
  pod: PodInfo,
  constraints: Constraint[],
  nodes: readonly NodeInfo[],
  counts: readonly ReadonlyMap<string, number>[],
): TopologySpreadFilterState {
  const domains = constraints.map(() => new Map<string, number>());
  for (const node of nodes) {
    if (!node.node || !node.labels) continue;
    if (!constraints.every((c) => node.labels![c.key] !== undefined)) continue;
    constraints.forEach((c, i) => {
      if (c.honorAffinity && !honoursNodeAffinity(pod, node)) return;
      const value = node.labels![c.key]!;
      domains[i]!.set(value, (domains[i]!.get(value) ?? 0) + (counts[i]!.get(node.name) ?? 0));
    });
  }
  const min = domains.map((d, i) => {
    const c = constraints[i]!;
    // minDomains: while there are fewer domains than that, the global minimum counts as 0.
    if (c.minDomains !== undefined && d.size < c.minDomains) return 0;
    let m = Number.POSITIVE_INFINITY;
    for (const v of d.values()) if (v < m) m = v;
    return Number.isFinite(m) ? m : 0;
  });
  const self = constraints.map((c) => (matchesSelector(c.selector, pod.pod.metadata.labels) ? 1 : 0));
  return { constraints, domains, min, self };
}

/** Filter: a node fails when `matching in its domain + self − the smallest domain's count > maxSkew`. */
export function filterTopologySpread(state: TopologySpreadFilterState, node: NodeInfo): FilterFailure | undefined {
  for (let i = 0; i < state.constraints.length; i++) {
    const c = state.constraints[i]!;
    const value = node.labels?.[c.key];
    if (value === undefined) return { plugin: NAME, code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_NODE_LABEL_NOT_MATCH] };
    const skew = (state.domains[i]!.get(value) ?? 0) + state.self[i]! - state.min[i]!;
    if (skew > c.maxSkew) return { plugin: NAME, code: 'Unschedulable', reasons: [ERR_REASON_CONSTRAINTS_NOT_MATCH] };
  }
  return undefined;
}
