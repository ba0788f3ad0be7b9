/** What PodTopologySpread's filter and score share (common.go): the constraints and the node inclusion policy. */
import type { Pod, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import { fromLabelSelector, matchesLabelMap, type Requirement, type Selector } from '../../../apiserver/labels';
import type { Stored } from '../../../objects';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { matchesNodeSelectorTerms } from '../../../apiserver/nodeSelector';

export const NAME = 'PodTopologySpread';
export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
export const ERR_REASON_NODE_LABEL_NOT_MATCH = `${ERR_REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`;

export const HOSTNAME = 'kubernetes.io/hostname';
export const ZONE = 'topology.kubernetes.io/zone';

export interface Constraint {
  maxSkew: number;
  key: string;
  selector: Selector;
  minDomains: number | undefined;
  honorAffinity: boolean;
}

/** system defaults (pkg/scheduler/apis/config/v1 defaults, DefaultConstraints when systemDefaulted). */
export const SYSTEM_DEFAULTS: ReadonlyArray<{ key: string; maxSkew: number }> = [
  { key: HOSTNAME, maxSkew: 3 },
  { key: ZONE, maxSkew: 5 },
];

export function explicitConstraints(pod: Stored<Pod>, when: 'DoNotSchedule' | 'ScheduleAnyway'): Constraint[] {
  const out: Constraint[] = [];
  for (const c of (pod.spec?.topologySpreadConstraints ?? []) as TopologySpreadConstraint[]) {
    if (c.whenUnsatisfiable !== when) continue;
    // A nil labelSelector selects nothing; matchLabelKeys adds the pod's own values of those keys.
    const base = fromLabelSelector(c.labelSelector);
    const extra: Requirement[] = [];
    for (const k of c.matchLabelKeys ?? []) {
      const v = pod.metadata?.labels?.[k];
      if (v !== undefined) extra.push({ key: k, operator: 'In', values: [v] });
    }
    const selector = base === null ? null : [...base, ...extra];
    out.push({
      maxSkew: c.maxSkew,
      key: c.topologyKey,
      // labels.Nothing(): a requirement no pod can meet.
      selector: selector ?? [{ key: '', operator: 'In', values: [] }],
      minDomains: c.minDomains,
      honorAffinity: c.nodeAffinityPolicy !== 'Ignore',
    });
  }
  return out;
}

/** nodeAffinityPolicy Honor: only nodes the pod's nodeSelector and required node affinity allow count. */
export function honoursNodeAffinity(pod: PodInfo, node: NodeInfo): boolean {
  return matchesLabelMap(pod.nodeSelector, node.labels) && (!pod.requiredNodeAffinity || matchesNodeSelectorTerms(pod.requiredNodeAffinity, node.labels, node.name));
}
