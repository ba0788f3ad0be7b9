/**
 * InterPodAffinity (pkg/scheduler/framework/plugins/interpodaffinity):
 * - Filter (filtering.go), in this order:
 *   1. the pod's required podAffinity: the node must carry every term's topologyKey, and each term
 *      needs an existing pod matching it in the node's domain. The first pod of a group that is affine
 *      to itself may go anywhere: when no existing pod matches any term and the pod matches all its own
 *      terms. Failure: UnschedulableAndUnresolvable, "node(s) didn't match pod affinity rules";
 *   2. the pod's required podAntiAffinity: no matching pod in the node's domain of any term.
 *      Unschedulable, "node(s) didn't match pod anti-affinity rules";
 *   3. symmetry: no existing pod whose required anti-affinity matches this pod is in the node's domain
 *      of that term. Unschedulable, "node(s) didn't satisfy existing pods anti-affinity rules".
 * - Score (scoring.go): per topology domain, + weight for each existing pod matching one of the pod's
 *   preferred affinity terms, − weight for its preferred anti-affinity terms; symmetrically the
 *   existing pods' preferred terms (± weight) and required affinity terms (hardPodAffinityWeight 1)
 *   that match this pod. A node scores the sum over its domains, then min–max normalized to 0..100.
 *
 * Pods with no (anti)affinity cost nothing: PreFilter skips unless the pod has required terms or some
 * existing pod has required anti-affinity, and PreScore skips unless the pod has preferred terms or
 * some existing pod has a term that looks in the pod's namespace; the pods with terms are indexed from
 * the scheduler cache's events.
 */
import type { Namespace, Pod } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../../../apiserver/apiserver';
import type { Labels } from '../../../apiserver/labels';
import type { CountedPod, SchedulerCache } from '../../cache';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { MAX_NODE_SCORE, type FilterFailure, type FilterPlugin, type ScorePlugin } from '../../framework/types';
import { matchesAllTerms, podAffinityTerms, termMatches, type AffinityTerm, type PodAffinityTerms } from './terms';

export const NAME = 'InterPodAffinity';
export const ERR_REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules";
export const ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't satisfy existing pods anti-affinity rules";

/** InterPodAffinityArgs.hardPodAffinityWeight default. */
export const HARD_POD_AFFINITY_WEIGHT = 1;

const AFFINITY_FAILURE: FilterFailure = { plugin: NAME, code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_AFFINITY_RULES_NOT_MATCH] };
const ANTI_AFFINITY_FAILURE: FilterFailure = { plugin: NAME, code: 'Unschedulable', reasons: [ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH] };
const EXISTING_ANTI_AFFINITY_FAILURE: FilterFailure = { plugin: NAME, code: 'Unschedulable', reasons: [ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH] };

/** topologyKey → topology value → count (or score). */
type TopologyCounts = Map<string, Map<string, number>>;

function add(m: TopologyCounts, key: string, value: string, n: number): void {
  let values = m.get(key);
  if (!values) m.set(key, (values = new Map()));
  values.set(value, (values.get(value) ?? 0) + n);
}

function count(m: TopologyCounts, key: string, value: string): number {
  return m.get(key)?.get(value) ?? 0;
}

export function createInterPodAffinity(api: ApiServer, cache: SchedulerCache): FilterPlugin & ScorePlugin {
  /** Existing pods (bound or assumed) with pod (anti)affinity, and their terms. */
  const withAffinity = new Map<CountedPod, PodAffinityTerms>();
  let withRequiredAntiAffinity = 0;
  // The namespaces the existing pods' scoring terms look in (and how many terms use a namespace
  // selector instead): an incoming pod in none of them cannot match any, and PreScore skips at once.
  const scoringNamespaces = new Map<string, number>();
  let scoringBySelector = 0;
  const indexScoringTerms = (terms: PodAffinityTerms, delta: 1 | -1): void => {
    for (const list of [terms.requiredAffinity, terms.preferredAffinity, terms.preferredAntiAffinity]) {
      for (const t of list) {
        if (t.namespaceSelector !== null) scoringBySelector += delta;
        for (const ns of t.namespaces) {
          const n = (scoringNamespaces.get(ns) ?? 0) + delta;
          if (n === 0) scoringNamespaces.delete(ns);
          else scoringNamespaces.set(ns, n);
        }
      }
    }
  };
  cache.affinityListener = {
    podCounted(pod, delta) {
      if (delta < 0) {
        const terms = withAffinity.get(pod);
        if (!terms) return;
        withAffinity.delete(pod);
        if (terms.requiredAntiAffinity.length > 0) withRequiredAntiAffinity--;
        indexScoringTerms(terms, -1);
        return;
      }
      const terms = podAffinityTerms(pod.spec as Pod['spec'], pod.namespace, pod.labels);
      if (!terms) return;
      withAffinity.set(pod, terms);
      if (terms.requiredAntiAffinity.length > 0) withRequiredAntiAffinity++;
      indexScoringTerms(terms, 1);
    },
    nodesChanged() {},
  };

  // The incoming pod's terms, once per pod object.
  const incoming = new WeakMap<PodInfo, PodAffinityTerms | null>();
  const termsOf = (pod: PodInfo): PodAffinityTerms | null => {
    const affinity = pod.pod.spec?.affinity;
    if (!affinity || (!affinity.podAffinity && !affinity.podAntiAffinity)) return null;
    let t = incoming.get(pod);
    if (t === undefined) incoming.set(pod, (t = podAffinityTerms(pod.pod.spec, pod.namespace, pod.pod.metadata.labels) ?? null));
    return t;
  };

  // Namespace labels, read once per cycle (GetNamespaceLabelsSnapshot).
  const nsCache = new Map<string, Labels>();
  const nsLabels = (ns: string): Labels => {
    if (!nsCache.has(ns)) nsCache.set(ns, api.peek<Namespace>('Namespace', undefined, ns)?.metadata.labels);
    return nsCache.get(ns);
  };

  /** The labels of the node an existing pod is on; undefined when the node is gone (nil in the snapshot). */
  const nodeLabelsOf = (pod: CountedPod): Labels | null => {
    const info = cache.nodeInfo(pod.nodeName);
    return info?.node ? (info.labels ?? {}) : null;
  };

  // ---------------------------------------------------------------- Filter
  let filterState:
    | { terms: PodAffinityTerms | null; affinity: TopologyCounts; antiAffinity: TopologyCounts; existingAnti: TopologyCounts; selfAffine: boolean }
    | undefined;

  const preFilter = (pod: PodInfo): boolean => {
    const terms = termsOf(pod);
    const own = terms !== null && (terms.requiredAffinity.length > 0 || terms.requiredAntiAffinity.length > 0);
    if (!own && withRequiredAntiAffinity === 0) {
      filterState = undefined;
      return false;
    }
    nsCache.clear();
    const labels = pod.pod.metadata.labels;
    // Existing pods whose required anti-affinity terms match the incoming pod (getExistingAntiAffinityCounts).
    const existingAnti: TopologyCounts = new Map();
    if (withRequiredAntiAffinity > 0) {
      for (const [existing, t] of withAffinity) {
        if (t.requiredAntiAffinity.length === 0) continue;
        const nodeLabels = nodeLabelsOf(existing);
        if (!nodeLabels) continue;
        for (const term of t.requiredAntiAffinity) {
          if (!termMatches(term, pod.namespace, labels, nsLabels)) continue;
          const v = nodeLabels[term.topologyKey];
          if (v !== undefined) add(existingAnti, term.topologyKey, v, 1);
        }
      }
    }
    // Existing pods matching the incoming pod's terms (getIncomingAffinityAntiAffinityCounts).
    const affinity: TopologyCounts = new Map();
    const antiAffinity: TopologyCounts = new Map();
    if (own) {
      const { requiredAffinity, requiredAntiAffinity } = terms;
      for (const existing of cache.countedPods()) {
        const nodeLabels = nodeLabelsOf(existing);
        if (!nodeLabels) continue;
        // An existing pod counts toward affinity only when it matches every term.
        if (matchesAllTerms(requiredAffinity, existing.namespace, existing.labels, nsLabels)) {
          for (const term of requiredAffinity) {
            const v = nodeLabels[term.topologyKey];
            if (v !== undefined) add(affinity, term.topologyKey, v, 1);
          }
        }
        for (const term of requiredAntiAffinity) {
          if (!termMatches(term, existing.namespace, existing.labels, nsLabels)) continue;
          const v = nodeLabels[term.topologyKey];
          if (v !== undefined) add(antiAffinity, term.topologyKey, v, 1);
        }
      }
    }
    if (existingAnti.size === 0 && !own) {
      filterState = undefined;
      return false;
    }
    const selfAffine = terms !== null && matchesAllTerms(terms.requiredAffinity, pod.namespace, labels, nsLabels);
    filterState = { terms, affinity, antiAffinity, existingAnti, selfAffine };
    return true;
  };

  const satisfiesPodAffinity = (terms: readonly AffinityTerm[], affinity: TopologyCounts, selfAffine: boolean, labels: Labels): boolean => {
    let podsExist = true;
    for (const term of terms) {
      const v = labels?.[term.topologyKey];
      // Every topology label must exist on the node.
      if (v === undefined) return false;
      if (count(affinity, term.topologyKey, v) <= 0) podsExist = false;
    }
    // The first pod of a series affine to itself: no pod anywhere matches, and it matches its own terms.
    return podsExist || (affinity.size === 0 && selfAffine);
  };

  const filter = (_pod: PodInfo, node: NodeInfo): FilterFailure | undefined => {
    const s = filterState;
    if (!s) return undefined;
    const labels = node.labels;
    if (s.terms) {
      if (s.terms.requiredAffinity.length > 0 && !satisfiesPodAffinity(s.terms.requiredAffinity, s.affinity, s.selfAffine, labels)) return AFFINITY_FAILURE;
      if (s.antiAffinity.size > 0) {
        for (const term of s.terms.requiredAntiAffinity) {
          const v = labels?.[term.topologyKey];
          if (v !== undefined && count(s.antiAffinity, term.topologyKey, v) > 0) return ANTI_AFFINITY_FAILURE;
        }
      }
    }
    for (const [key, values] of s.existingAnti) {
      const v = labels?.[key];
      if (v !== undefined && (values.get(v) ?? 0) > 0) return EXISTING_ANTI_AFFINITY_FAILURE;
    }
    return undefined;
  };

  // ---------------------------------------------------------------- Score
  const topologyScore: TopologyCounts = new Map();

  /** processTerm: a matching term adds ± weight to the domain of the existing pod's node. */
  const processTerms = (terms: readonly AffinityTerm[], namespace: string, labels: Labels, existing: CountedPod, sign: 1 | -1, weight?: number): void => {
    for (const term of terms) {
      if (!termMatches(term, namespace, labels, nsLabels)) continue;
      // A node without labels (or gone) has no domain: nothing to add.
      const v = nodeLabelsOf(existing)?.[term.topologyKey];
      if (v !== undefined) add(topologyScore, term.topologyKey, v, sign * (weight ?? term.weight));
    }
  };

  const preScore = (pod: PodInfo): boolean => {
    const terms = termsOf(pod);
    const hasConstraints = terms !== null && (terms.preferredAffinity.length > 0 || terms.preferredAntiAffinity.length > 0);
    if (!hasConstraints && scoringBySelector === 0 && !scoringNamespaces.has(pod.namespace)) return false;
    nsCache.clear();
    topologyScore.clear();
    const labels = pod.pod.metadata.labels;
    const processExistingPod = (existing: CountedPod, theirs: PodAffinityTerms | undefined): void => {
      if (terms) {
        processTerms(terms.preferredAffinity, existing.namespace, existing.labels, existing, 1);
        processTerms(terms.preferredAntiAffinity, existing.namespace, existing.labels, existing, -1);
      }
      if (theirs) {
        processTerms(theirs.requiredAffinity, pod.namespace, labels, existing, 1, HARD_POD_AFFINITY_WEIGHT);
        processTerms(theirs.preferredAffinity, pod.namespace, labels, existing, 1);
        processTerms(theirs.preferredAntiAffinity, pod.namespace, labels, existing, -1);
      }
    };
    // Unless the pod has preferred terms, only the pods with affinity can contribute.
    if (hasConstraints) for (const existing of cache.countedPods()) processExistingPod(existing, withAffinity.get(existing));
    else for (const [existing, theirs] of withAffinity) processExistingPod(existing, theirs);
    return topologyScore.size > 0;
  };

  const scoreOne = (node: NodeInfo): number => {
    const labels = node.labels;
    let score = 0;
    for (const [key, values] of topologyScore) {
      const v = labels?.[key];
      if (v !== undefined) score += values.get(v) ?? 0;
    }
    return score;
  };

  return {
    name: NAME,
    preFilter,
    filter,
    preScore,
    score: (_pod, node) => scoreOne(node),
    scoreNodes(_pod, nodes, n, out) {
      for (let i = 0; i < n; i++) out[i] = scoreOne(nodes[i]!);
    },
    /** NormalizeScore: (score − min) / (max − min) × 100, truncated; all 0 when every node is equal. */
    normalize(scores, n) {
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      for (let i = 0; i < n; i++) {
        if (scores[i]! > max) max = scores[i]!;
        if (scores[i]! < min) min = scores[i]!;
      }
      const diff = max - min;
      for (let i = 0; i < n; i++) scores[i] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((scores[i]! - min) / diff)) : 0;
    },
  };
}
