/**
 * TaintToleration (pkg/scheduler/framework/plugins/tainttoleration).
 * Filter: the node's first NoSchedule/NoExecute taint the pod does not tolerate rejects it.
 * Score: the number of PreferNoSchedule taints the pod does not tolerate, counting only tolerations
 * whose effect is PreferNoSchedule or empty, normalized in reverse (fewer is better).
 */
import type { Toleration } from 'kubernetes-types/core/v1';
import type { FilterPlugin, ScorePlugin } from '../../framework/types';
import type { PodInfo } from '../../framework/podInfo';
import type { NodeInfo } from '../../framework/nodeInfo';
import { findUntoleratedTaint, tolerationsTolerateTaint } from '../../../apiserver/tolerations';
import { defaultNormalizeScore } from '../helper/normalizeScore';

export const NAME = 'TaintToleration';

export function untoleratedTaintReason(key: string, value: string | undefined): string {
  return `node(s) had untolerated taint {${key}: ${value ?? ''}}`;
}

const preferNoScheduleTolerations = new WeakMap<PodInfo, readonly Toleration[]>();

function softTolerations(pod: PodInfo): readonly Toleration[] {
  let list = preferNoScheduleTolerations.get(pod);
  if (!list) {
    // An empty effect means every effect, PreferNoSchedule included.
    list = pod.tolerations.filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
    preferNoScheduleTolerations.set(pod, list);
  }
  return list;
}

function intolerablePreferNoScheduleTaints(pod: PodInfo, node: NodeInfo): number {
  if (node.softTaints.length === 0) return 0;
  const tolerations = softTolerations(pod);
  let count = 0;
  for (const taint of node.softTaints) if (!tolerationsTolerateTaint(tolerations, taint)) count++;
  return count;
}

export const taintToleration: FilterPlugin & ScorePlugin = {
  name: NAME,
  filter(pod, node) {
    if (node.hardTaints.length === 0) return undefined;
    const taint = findUntoleratedTaint(node.hardTaints, pod.tolerations);
    if (!taint) return undefined;
    return { plugin: NAME, code: 'UnschedulableAndUnresolvable', reasons: [untoleratedTaintReason(taint.key, taint.value)] };
  },
  score: intolerablePreferNoScheduleTaints,
  scoreNodes(pod, nodes, count, out) {
    for (let i = 0; i < count; i++) out[i] = intolerablePreferNoScheduleTaints(pod, nodes[i]!);
  },
  normalize(scores, count) {
    defaultNormalizeScore(scores, count, true);
  },
};
