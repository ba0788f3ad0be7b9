/**
 * NodeAffinity (pkg/scheduler/framework/plugins/nodeaffinity).
 * Filter: every nodeSelector pair must match the node's labels, and when
 * requiredDuringSchedulingIgnoredDuringExecution is set one of its terms must match.
 * Score: the sum of the weights of the matching preferredDuringScheduling terms, normalized so the
 * best node gets 100; skipped for pods without preferences.
 */
import type { FilterFailure, FilterPlugin, ScorePlugin } from '../../framework/types';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { matchesNodeSelectorTerm, matchesNodeSelectorTerms } from '../../../apiserver/nodeSelector';
import { defaultNormalizeScore } from '../helper/normalizeScore';

export const NAME = 'NodeAffinity';
export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";

export const FAILURE: FilterFailure = { plugin: NAME, code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_POD] };

function preferredWeight(pod: PodInfo, node: NodeInfo): number {
  let sum = 0;
  for (const p of pod.preferredNodeAffinity ?? []) {
    if (p.weight !== 0 && matchesNodeSelectorTerm(p.preference, node.labels, node.name)) sum += p.weight;
  }
  return sum;
}

export const nodeAffinity: FilterPlugin & ScorePlugin = {
  name: NAME,
  preFilter(pod) {
    return pod.nodeSelector !== undefined || pod.requiredNodeAffinity !== undefined;
  },
  filter(pod, node) {
    const sel = pod.nodeSelector;
    if (sel) {
      const labels = node.labels;
      for (const k in sel) if (labels?.[k] !== sel[k]) return FAILURE;
    }
    const terms = pod.requiredNodeAffinity;
    if (terms && !matchesNodeSelectorTerms(terms, node.labels, node.name)) return FAILURE;
    return undefined;
  },
  preScore(pod) {
    return pod.preferredNodeAffinity !== undefined;
  },
  score: preferredWeight,
  scoreNodes(pod, nodes, count, out) {
    for (let i = 0; i < count; i++) out[i] = preferredWeight(pod, nodes[i]!);
  },
  normalize(scores, count) {
    defaultNormalizeScore(scores, count, false);
  },
};
