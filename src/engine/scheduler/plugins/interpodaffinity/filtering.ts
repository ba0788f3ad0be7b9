/**
 * InterPodAffinity's Filter (filtering.go), in this order: the pod's required podAffinity, its required
 * podAntiAffinity, and symmetry (existing pods' required anti-affinity against this pod).
 */
import type { Labels } from '../../../apiserver/labels';
import type { CountedPod } from '../../cache';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { FilterFailure } from '../../framework/types';
import { matchesAllTerms, termMatches, type AffinityTerm, type PodAffinityTerms } from './terms';
import { addCount, countIn, type TopologyCounts } from './topologyCounts';

export const NAME = 'InterPodAffinity';
export const ERR_REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules";
export const ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't satisfy existing pods anti-affinity rules";

const AFFINITY_FAILURE: FilterFailure = { plugin: NAME, code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_AFFINITY_RULES_NOT_MATCH] };
const ANTI_AFFINITY_FAILURE: FilterFailure = { plugin: NAME, code: 'Unschedulable', reasons: [ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH] };
const EXISTING_ANTI_AFFINITY_FAILURE: FilterFailure = { plugin: NAME, code: 'Unschedulable', reasons: [ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH] };

/** The labels of the node an existing pod is on; null when the node is gone (nil in the snapshot). */
export type NodeLabelsOf = (pod: CountedPod) => Labels | null;
/** A namespace's labels, for terms with a namespaceSelector. */
export type NamespaceLabels = (namespace: string) => Labels;

/** preFilterState: the incoming pod's terms and the per-domain counts the filter compares against. */
export interface InterPodAffinityFilterState {
  terms: PodAffinityTerms | null;
  affinity: TopologyCounts;
  antiAffinity: TopologyCounts;
  existingAnti: TopologyCounts;
  /** The pod matches all its own required affinity terms (it may found a new group). */
  selfAffine: boolean;
}

/** getExistingAntiAffinityCounts: existing pods whose required anti-affinity terms match the incoming pod. */
export function existingAntiAffinityCounts(
  namespace: string,
  labels: Labels,
  withAffinity: Iterable<[CountedPod, PodAffinityTerms]>,
  nodeLabelsOf: NodeLabelsOf,
  nsLabels: NamespaceLabels,
): TopologyCounts {
  const existingAnti: TopologyCounts = new Map();
  for (const [existing, t] of withAffinity) {
    if (t.requiredAntiAffinity.length === 0) continue;
    const nodeLabels = nodeLabelsOf(existing);
    if (!nodeLabels) continue;
    for (const term of t.requiredAntiAffinity) {
      if (!termMatches(term, namespace, labels, nsLabels)) continue;
      const v = nodeLabels[term.topologyKey];
      if (v !== undefined) addCount(existingAnti, term.topologyKey, v, 1);
    }
  }
  return existingAnti;
}

/** getIncomingAffinityAntiAffinityCounts: existing pods matching the incoming pod's required terms. */
export function incomingAffinityCounts(
  terms: PodAffinityTerms,
  existingPods: Iterable<CountedPod>,
  nodeLabelsOf: NodeLabelsOf,
  nsLabels: NamespaceLabels,
): { affinity: TopologyCounts; antiAffinity: TopologyCounts } {
  const affinity: TopologyCounts = new Map();
  const antiAffinity: TopologyCounts = new Map();
  const { requiredAffinity, requiredAntiAffinity } = terms;
  for (const existing of existingPods) {
    const nodeLabels = nodeLabelsOf(existing);
    if (!nodeLabels) continue;
    // An existing pod counts toward affinity only when it matches every term.
    if (matchesAllTerms(requiredAffinity, existing.namespace, existing.labels, nsLabels)) {
      for (const term of requiredAffinity) {
        const v = nodeLabels[term.topologyKey];
        if (v !== undefined) addCount(affinity, term.topologyKey, v, 1);
      }
    }
    for (const term of requiredAntiAffinity) {
      if (!termMatches(term, existing.namespace, existing.labels, nsLabels)) continue;
      const v = nodeLabels[term.topologyKey];
      if (v !== undefined) addCount(antiAffinity, term.topologyKey, v, 1);
    }
  }
  return { affinity, antiAffinity };
}

function satisfiesPodAffinity(terms: readonly AffinityTerm[], affinity: TopologyCounts, selfAffine: boolean, labels: Labels): boolean {
  let podsExist = true;
  for (const term of terms) {
    const v = labels?.[term.topologyKey];
    // Every topology label must exist on the node.
    if (v === undefined) return false;
    if (countIn(affinity, term.topologyKey, v) <= 0) podsExist = false;
  }
  // The first pod of a series affine to itself: no pod anywhere matches, and it matches its own terms.
  return podsExist || (affinity.size === 0 && selfAffine);
}

export function filterInterPodAffinity(state: InterPodAffinityFilterState, node: NodeInfo): FilterFailure | undefined {
  const labels = node.labels;
  if (state.terms) {
    if (state.terms.requiredAffinity.length > 0 && !satisfiesPodAffinity(state.terms.requiredAffinity, state.affinity, state.selfAffine, labels)) return AFFINITY_FAILURE;
    if (state.antiAffinity.size > 0) {
      for (const term of state.terms.requiredAntiAffinity) {
        const v = labels?.[term.topologyKey];
        if (v !== undefined && countIn(state.antiAffinity, term.topologyKey, v) > 0) return ANTI_AFFINITY_FAILURE;
      }
    }
  }
  for (const [key, values] of state.existingAnti) {
    const v = labels?.[key];
    if (v !== undefined && (values.get(v) ?? 0) > 0) return EXISTING_ANTI_AFFINITY_FAILURE;
  }
  return undefined;
}
