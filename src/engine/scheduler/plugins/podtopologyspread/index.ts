/**
 * PodTopologySpread (pkg/scheduler/framework/plugins/podtopologyspread):
 * - Filter: a pod's `whenUnsatisfiable: DoNotSchedule` constraints. For each, the matching pods per
 *   topology domain (over the nodes the pod's nodeSelector/required affinity allows, that carry every
 *   constraint key); a node fails when `matching in its domain + (1 if the pod matches itself) - the
 *   smallest domain's count > maxSkew` (with minDomains, the smallest count is 0 while there are fewer
 *   domains than that).
 * - Score: `ScheduleAnyway` constraints, or, for a pod with no constraints at all, the scheduler's
 *   system defaults (maxSkew 3 over kubernetes.io/hostname, 5 over topology.kubernetes.io/zone) with a
 *   selector made of the Services, ReplicaSet, StatefulSet or ReplicationController the pod belongs to.
 *   Each node scores Σ count × log(domains + 2) + (maxSkew − 1), and NormalizeScore turns that into
 *   "fewer matching pods nearby is better". This is what spreads a Deployment's replicas over nodes
 *   and zones by default.
 */
import type { ApiServer } from '../../../apiserver/apiserver';
import type { SchedulerCache } from '../../cache';
import type { FilterPlugin, ScorePlugin } from '../../framework/types';
import { explicitConstraints, NAME } from './common';
import { DefaultSelectorCache } from './defaultSelector';
import { filterTopologySpread, topologySpreadFilterState, type TopologySpreadFilterState } from './filtering';
import { MatchCounter } from './matchCounter';
import { TopologySpreadScorer, topologySpreadScoring, type TopologySpreadScoring } from './scoring';

export { ERR_REASON_CONSTRAINTS_NOT_MATCH, ERR_REASON_NODE_LABEL_NOT_MATCH, NAME } from './common';

export function createPodTopologySpread(api: ApiServer, cache: SchedulerCache): FilterPlugin & ScorePlugin {
  const counter = new MatchCounter(cache);
  const defaultSelectors = new DefaultSelectorCache(api);
  const scorer = new TopologySpreadScorer(counter, cache);
  let filterState: TopologySpreadFilterState | undefined;
  let scoring: TopologySpreadScoring | undefined;

  return {
    name: NAME,
    preFilter(pod) {
      const constraints = explicitConstraints(pod.pod, 'DoNotSchedule');
      if (constraints.length === 0) {
        filterState = undefined;
        return false;
      }
      const counts = constraints.map((c) => counter.counts(pod.namespace, c.selector));
      filterState = topologySpreadFilterState(pod, constraints, cache.nodes(), counts);
      return true;
    },
    filter: (_pod, node) => (filterState ? filterTopologySpread(filterState, node) : undefined),
    preScore(pod) {
      scoring = topologySpreadScoring(pod, (p) => defaultSelectors.selectorFor(p));
      return scoring !== undefined;
    },
    score: (pod, node) => {
      const out = new Int32Array(1);
      scorer.scoreNodes(pod, scoring!, [node], 1, out);
      return out[0]!;
    },
    scoreNodes: (pod, nodes, count, out) => scorer.scoreNodes(pod, scoring!, nodes, count, out),
    normalize: (scores, count) => scorer.normalize(scores, count),
  };
}
