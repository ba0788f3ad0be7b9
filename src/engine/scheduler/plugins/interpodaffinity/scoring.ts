/**
 * InterPodAffinity's Score (scoring.go): per topology domain, + weight for each existing pod matching one
 * of the pod's preferred affinity terms, − weight for its preferred anti-affinity terms; symmetrically
 * the existing pods' preferred terms (± weight) and required affinity terms (hardPodAffinityWeight) that
 * match this pod. A node scores the sum over its domains, then min–max normalized to 0..100.
 */
import type { Labels } from '../../../apiserver/labels';
import type { NodeInfo } from '../../framework/nodeInfo';
import { MAX_NODE_SCORE } from '../../framework/types';
import { termMatches, type AffinityTerm } from './terms';
import { addCount, type TopologyCounts } from './topologyCounts';
import type { NamespaceLabels } from './filtering';

/** InterPodAffinityArgs.hardPodAffinityWeight default. */
export const HARD_POD_AFFINITY_WEIGHT = 1;

/**
 * processTerm: each term matching (namespace, labels) adds sign × weight (the term's own, unless given)
 * to the domain of `nodeLabels` (the existing pod's node; null when that node is gone).
 */
export function addTermScores(
  topologyScore: TopologyCounts,
  terms: readonly AffinityTerm[],
  namespace: string,
  labels: Labels,
  nodeLabels: () => Labels | null,
  nsLabels: NamespaceLabels,
  sign: 1 | -1,
  weight?: number,
): void {
  for (const term of terms) {
    if (!termMatches(term, namespace, labels, nsLabels)) continue;
    // A node without labels (or gone) has no domain: nothing to add.
    const v = nodeLabels()?.[term.topologyKey];
    if (v !== undefined) addCount(topologyScore, term.topologyKey, v, sign * (weight ?? term.weight));
  }
}

/** Score: the sum of the node's domains' scores. */
export function scoreInterPodAffinity(topologyScore: TopologyCounts, node: NodeInfo): number {
  const labels = node.labels;
  let score = 0;
  for (const [key, values] of topologyScore) {
    const v = labels?.[key];
    if (v !== undefined) score += values.get(v) ?? 0;
  }
  return score;
}

/** NormalizeScore: (score − min) / (max − min) × 100, truncated; all 0 when every node is equal. */
export function normalizeInterPodAffinityScores(scores: Int32Array, n: number): void {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    if (scores[i]! > max) max = scores[i]!;
    if (scores[i]! < min) min = scores[i]!;
  }
  const diff = max - min;
  for (let i = 0; i < n; i++) scores[i] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((scores[i]! - min) / diff)) : 0;
}
