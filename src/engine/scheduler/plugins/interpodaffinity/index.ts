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
import type { Namespace } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../../../apiserver/apiserver';
import type { Labels } from '../../../apiserver/labels';
import type { CountedPod, SchedulerCache } from '../../cache';
import type { PodInfo } from '../../framework/podInfo';
import type { FilterPlugin, ScorePlugin } from '../../framework/types';
import { AffinityPodIndex } from './affinityIndex';
import { existingAntiAffinityCounts, filterInterPodAffinity, incomingAffinityCounts, NAME, type InterPodAffinityFilterState } from './filtering';
import { addTermScores, HARD_POD_AFFINITY_WEIGHT, normalizeInterPodAffinityScores, scoreInterPodAffinity } from './scoring';
import { matchesAllTerms, podAffinityTerms, type PodAffinityTerms } from './terms';
import type { TopologyCounts } from './topologyCounts';

export {
  ERR_REASON_AFFINITY_RULES_NOT_MATCH,
  ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH,
  ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH,
  NAME,
} from './filtering';
export { HARD_POD_AFFINITY_WEIGHT } from './scoring';

export function createInterPodAffinity(api: ApiServer, cache: SchedulerCache): FilterPlugin & ScorePlugin {
  const index = new AffinityPodIndex();
  cache.affinityListener = index;

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

  /** The labels of the node an existing pod is on; null when the node is gone (nil in the snapshot). */
  const nodeLabelsOf = (pod: CountedPod): Labels | null => {
    const info = cache.nodeInfo(pod.nodeName);
    return info?.node ? (info.labels ?? {}) : null;
  };

  let filterState: InterPodAffinityFilterState | undefined;

  const preFilter = (pod: PodInfo): boolean => {
    const terms = termsOf(pod);
    const own = terms !== null && (terms.requiredAffinity.length > 0 || terms.requiredAntiAffinity.length > 0);
    if (!own && index.withRequiredAntiAffinity === 0) {
      filterState = undefined;
      return false;
    }
    nsCache.clear();
    const labels = pod.pod.metadata.labels;
    const existingAnti: TopologyCounts =
      index.withRequiredAntiAffinity > 0 ? existingAntiAffinityCounts(pod.namespace, labels, index.withAffinity, nodeLabelsOf, nsLabels) : new Map();
    const { affinity, antiAffinity } = own ? incomingAffinityCounts(terms, cache.countedPods(), nodeLabelsOf, nsLabels) : { affinity: new Map(), antiAffinity: new Map() };
    if (existingAnti.size === 0 && !own) {
      filterState = undefined;
      return false;
    }
    const selfAffine = terms !== null && matchesAllTerms(terms.requiredAffinity, pod.namespace, labels, nsLabels);
    filterState = { terms, affinity, antiAffinity, existingAnti, selfAffine };
    return true;
  };

  const topologyScore: TopologyCounts = new Map();

  const preScore = (pod: PodInfo): boolean => {
    const terms = termsOf(pod);
    const hasConstraints = terms !== null && (terms.preferredAffinity.length > 0 || terms.preferredAntiAffinity.length > 0);
    if (!hasConstraints && !index.mayScore(pod.namespace)) return false;
    nsCache.clear();
    topologyScore.clear();
    const labels = pod.pod.metadata.labels;
    const processExistingPod = (existing: CountedPod, theirs: PodAffinityTerms | undefined): void => {
      const nodeLabels = () => nodeLabelsOf(existing);
      if (terms) {
        addTermScores(topologyScore, terms.preferredAffinity, existing.namespace, existing.labels, nodeLabels, nsLabels, 1);
        addTermScores(topologyScore, terms.preferredAntiAffinity, existing.namespace, existing.labels, nodeLabels, nsLabels, -1);
      }
      if (theirs) {
        addTermScores(topologyScore, theirs.requiredAffinity, pod.namespace, labels, nodeLabels, nsLabels, 1, HARD_POD_AFFINITY_WEIGHT);
        addTermScores(topologyScore, theirs.preferredAffinity, pod.namespace, labels, nodeLabels, nsLabels, 1);
        addTermScores(topologyScore, theirs.preferredAntiAffinity, pod.namespace, labels, nodeLabels, nsLabels, -1);
      }
    };
    // Unless the pod has preferred terms, only the pods with affinity can contribute.
    if (hasConstraints) for (const existing of cache.countedPods()) processExistingPod(existing, index.withAffinity.get(existing));
    else for (const [existing, theirs] of index.withAffinity) processExistingPod(existing, theirs);
    return topologyScore.size > 0;
  };

  return {
    name: NAME,
    preFilter,
    filter: (_pod, node) => (filterState ? filterInterPodAffinity(filterState, node) : undefined),
    preScore,
    score: (_pod, node) => scoreInterPodAffinity(topologyScore, node),
    scoreNodes(_pod, nodes, n, out) {
      for (let i = 0; i < n; i++) out[i] = scoreInterPodAffinity(topologyScore, nodes[i]!);
    },
    normalize: normalizeInterPodAffinityScores,
  };
}
