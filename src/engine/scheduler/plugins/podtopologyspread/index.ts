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
import type { ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { Pod, ReplicationController, Service, TopologySpreadConstraint } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../../../apiserver/apiserver';
import { fromLabelSelector, matchesLabelMap, matchesSelector, type Requirement, type Selector } from '../../../apiserver/labels';
import type { Stored } from '../../../objects';
import type { SchedulerCache } from '../../cache';
import { topologyValue, ZONE_LABEL, zoneIdOf, type NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { MAX_NODE_SCORE, type FilterFailure, type FilterPlugin, type ScorePlugin } from '../../framework/types';
import { matchesNodeSelectorTerms } from '../helper/nodeSelector';
import { MatchCounter } from './matchCounter';

export const NAME = 'PodTopologySpread';
export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
export const ERR_REASON_NODE_LABEL_NOT_MATCH = `${ERR_REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`;

const HOSTNAME = 'kubernetes.io/hostname';
const ZONE = 'topology.kubernetes.io/zone';

interface Constraint {
  maxSkew: number;
  key: string;
  selector: Selector;
  minDomains: number | undefined;
  honorAffinity: boolean;
}

/** system defaults (pkg/scheduler/apis/config/v1 defaults, DefaultConstraints when systemDefaulted). */
const SYSTEM_DEFAULTS: ReadonlyArray<{ key: string; maxSkew: number }> = [
  { key: HOSTNAME, maxSkew: 3 },
  { key: ZONE, maxSkew: 5 },
];

function explicitConstraints(pod: Stored<Pod>, when: 'DoNotSchedule' | 'ScheduleAnyway'): Constraint[] {
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

export function createPodTopologySpread(api: ApiServer, cache: SchedulerCache): FilterPlugin & ScorePlugin {
  const counter = new MatchCounter(cache);

  /**
   * Default selectors by namespace and controller uid, with the pod labels they were built for: the
   * replicas of one ReplicaSet share them. A ReplicaSet's or StatefulSet's selector is immutable and a
   * new one has a new uid, so only Services and ReplicationControllers (whose selectors may change)
   * invalidate the cache. The same Selector object also lets the match counter reuse its key.
   */
  const selectorCache = new Map<string, { labels: Readonly<Record<string, string>> | undefined; selector: Selector }>();
  const invalidate = () => selectorCache.clear();
  api.watch<Service>('Service', (e) => {
    if (e.type !== 'MODIFIED' || e.old?.spec?.selector !== e.object.spec?.selector) invalidate();
  });
  api.watch<ReplicationController>('ReplicationController', (e) => {
    if (e.type !== 'MODIFIED' || e.old?.spec?.selector !== e.object.spec?.selector) invalidate();
  });
  const sameLabels = (a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined): boolean => {
    if (a === b) return true;
    if (!a || !b) return false;
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    for (const k of ka) if (a[k] !== b[k]) return false;
    return true;
  };
  const defaultSelector = (pod: PodInfo): Selector => {
    const owner = pod.pod.metadata.ownerReferences?.find((o) => o.controller);
    const key = `${pod.namespace}/${owner?.uid ?? ''}`;
    const hit = selectorCache.get(key);
    if (hit && sameLabels(hit.labels, pod.pod.metadata.labels)) return hit.selector;
    const selector = buildDefaultSelector(pod);
    // Controllers come and go; a bounded cache forgets the departed ones wholesale.
    if (selectorCache.size >= 1024) selectorCache.clear();
    selectorCache.set(key, { labels: pod.pod.metadata.labels, selector });
    return selector;
  };

  /** helper.DefaultSelector: the selectors of the Services and the controller the pod belongs to. */
  const buildDefaultSelector = (pod: PodInfo): Selector => {
    const labels = pod.pod.metadata.labels;
    const merged: Record<string, string> = {};
    for (const svc of api.peekList<Service>('Service', { namespace: pod.namespace })) {
      const sel = svc.spec?.selector;
      if (sel && Object.keys(sel).length > 0 && matchesLabelMap(sel, labels)) Object.assign(merged, sel);
    }
    const selector: Selector = Object.entries(merged).map(([key, v]) => ({ key, operator: 'In', values: [v] }));
    const owner = pod.pod.metadata.ownerReferences?.find((o) => o.controller);
    if (!owner) return selector;
    if (owner.kind === 'ReplicationController' && owner.apiVersion === 'v1') {
      const rc = api.peek<ReplicationController>('ReplicationController', pod.namespace, owner.name);
      for (const [key, v] of Object.entries(rc?.spec?.selector ?? {})) if (merged[key] === undefined) selector.push({ key, operator: 'In', values: [v] });
    } else if ((owner.kind === 'ReplicaSet' || owner.kind === 'StatefulSet') && owner.apiVersion === 'apps/v1') {
      const o = api.peek<ReplicaSet | StatefulSet>(owner.kind, pod.namespace, owner.name);
      const sel = fromLabelSelector(o?.spec?.selector);
      if (sel) selector.push(...sel);
    }
    return selector;
  };

  const honours = (pod: PodInfo, node: NodeInfo): boolean =>
    matchesLabelMap(pod.nodeSelector, node.labels) && (!pod.requiredNodeAffinity || matchesNodeSelectorTerms(pod.requiredNodeAffinity, node.labels, node.name));

  // ---------------------------------------------------------------- Filter (DoNotSchedule)
  let filterState: { constraints: Constraint[]; domains: Map<string, number>[]; min: number[]; self: number[] } | undefined;

  const preFilter = (pod: PodInfo): boolean => {
    const constraints = explicitConstraints(pod.pod, 'DoNotSchedule');
    if (constraints.length === 0) {
      filterState = undefined;
      return false;
    }
    const domains = constraints.map(() => new Map<string, number>());
    const nodes = cache.nodes();
    const counts = constraints.map((c) => counter.counts(pod.namespace, c.selector));
    for (const node of nodes) {
      if (!node.node || !node.labels) continue;
      if (!constraints.every((c) => node.labels![c.key] !== undefined)) continue;
      constraints.forEach((c, i) => {
        if (c.honorAffinity && !honours(pod, node)) return;
        const value = node.labels![c.key]!;
        domains[i]!.set(value, (domains[i]!.get(value) ?? 0) + (counts[i]!.get(node.name) ?? 0));
      });
    }
    const min = domains.map((d, i) => {
      const c = constraints[i]!;
      if (c.minDomains !== undefined && d.size < c.minDomains) return 0;
      let m = Number.POSITIVE_INFINITY;
      for (const v of d.values()) if (v < m) m = v;
      return Number.isFinite(m) ? m : 0;
    });
    const self = constraints.map((c) => (matchesSelector(c.selector, pod.pod.metadata.labels) ? 1 : 0));
    filterState = { constraints, domains, min, self };
    return true;
  };

  const filter = (_pod: PodInfo, node: NodeInfo): FilterFailure | undefined => {
    const s = filterState;
    if (!s) return undefined;
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i]!;
      const value = node.labels?.[c.key];
      if (value === undefined) return { plugin: NAME, code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_NODE_LABEL_NOT_MATCH] };
      const skew = (s.domains[i]!.get(value) ?? 0) + s.self[i]! - s.min[i]!;
      if (skew > c.maxSkew) return { plugin: NAME, code: 'Unschedulable', reasons: [ERR_REASON_CONSTRAINTS_NOT_MATCH] };
    }
    return undefined;
  };

  // ---------------------------------------------------------------- Score (ScheduleAnyway / system defaults)
  let scoreConstraints: { constraints: Constraint[]; requireAll: boolean } | undefined;
  let ignored = new Uint8Array(0);

  const preScore = (pod: PodInfo): boolean => {
    const explicit = pod.pod.spec?.topologySpreadConstraints ?? [];
    if (explicit.length > 0) {
      const constraints = explicitConstraints(pod.pod, 'ScheduleAnyway');
      scoreConstraints = constraints.length > 0 ? { constraints, requireAll: true } : undefined;
    } else {
      const selector = defaultSelector(pod);
      scoreConstraints =
        selector.length > 0
          ? { constraints: SYSTEM_DEFAULTS.map((d) => ({ ...d, selector, minDomains: undefined, honorAffinity: true })), requireAll: false }
          : undefined;
    }
    return scoreConstraints !== undefined;
  };

  /** Each scored node's value of each constraint key (node i, key k at i * nc + k), read once per cycle. */
  let values: (string | undefined)[] = [];
  /**
   * For constraints over the zone label, by constraint index and zoneIdOf: the cycle that last met the
   * zone among the scored nodes, and its matching-pod count (integer indexing instead of map lookups).
   */
  const zoneSeen: number[][] = [];
  const zoneCount: number[][] = [];
  let cycle = 0;

  const scoreNodes = (pod: PodInfo, nodes: readonly NodeInfo[], count: number, out: Int32Array): void => {
    const { constraints, requireAll } = scoreConstraints!;
    const nc = constraints.length;
    if (ignored.length < count) ignored = new Uint8Array(Math.max(count, ignored.length * 2));
    if (values.length < count * nc) values = new Array<string | undefined>(count * nc);
    // Domains among the feasible nodes, and how many nodes are scored (for the hostname weight).
    const pairCounts: Map<string, number>[] = [];
    for (let k = 0; k < nc; k++) pairCounts.push(new Map());
    cycle++;
    while (zoneSeen.length < nc) {
      zoneSeen.push([]);
      zoneCount.push([]);
    }
    let scored = 0;
    for (let i = 0; i < count; i++) {
      const node = nodes[i]!;
      const at = i * nc;
      let skip = false;
      for (let k = 0; k < nc; k++) {
        const v = topologyValue(node, constraints[k]!.key);
        values[at + k] = v;
        if (v === undefined && requireAll) skip = true;
      }
      ignored[i] = skip ? 1 : 0;
      if (skip) continue;
      scored++;
      for (let k = 0; k < nc; k++) {
        const v = values[at + k];
        const key = constraints[k]!.key;
        if (key === HOSTNAME || v === undefined) continue;
        if (key === ZONE_LABEL) {
          // Same as the map test below: a zone id stands for exactly one value.
          const seen = zoneSeen[k]!;
          if (seen[node.zoneId] !== cycle) {
            seen[node.zoneId] = cycle;
            pairCounts[k]!.set(v, 0);
          }
        } else if (!pairCounts[k]!.has(v)) pairCounts[k]!.set(v, 0);
      }
    }
    const perNode: ReadonlyMap<string, number>[] = [];
    const byNodeId: (readonly (number | undefined)[])[] = [];
    const weights: number[] = [];
    for (let k = 0; k < nc; k++) {
      const c = constraints[k]!;
      perNode.push(counter.counts(pod.namespace, c.selector));
      byNodeId.push(counter.countsByNodeId(pod.namespace, c.selector));
      weights.push(Math.log((c.key === HOSTNAME ? scored : pairCounts[k]!.size) + 2));
    }
    // Matching pods per domain, over every node the pod's affinity allows (every node, for most pods:
    // then the counter's running sums serve).
    const everyNode = !pod.nodeSelector && !pod.requiredNodeAffinity;
    for (let k = 0; k < nc; k++) {
      const c = constraints[k]!;
      if (c.key === HOSTNAME) continue;
      const domains = pairCounts[k]!;
      if (everyNode || !c.honorAffinity) {
        const sums = counter.domainCounts(pod.namespace, c.selector, c.key);
        for (const v of domains.keys()) domains.set(v, sums.get(v) ?? 0);
        continue;
      }
      for (const [name, n] of perNode[k]!) {
        const info = cache.nodeInfo(name);
        const v = info?.labels?.[c.key];
        if (!info || v === undefined || !domains.has(v) || !honours(pod, info)) continue;
        domains.set(v, domains.get(v)! + n);
      }
    }
    for (let k = 0; k < nc; k++) {
      if (constraints[k]!.key !== ZONE_LABEL) continue;
      const byZone = zoneCount[k]!;
      for (const [v, n] of pairCounts[k]!) byZone[zoneIdOf(v)] = n;
    }
    for (let i = 0; i < count; i++) {
      if (ignored[i]) {
        out[i] = 0;
        continue;
      }
      const at = i * nc;
      let score = 0;
      for (let k = 0; k < nc; k++) {
        const v = values[at + k];
        if (v === undefined) continue;
        const c = constraints[k]!;
        let cnt: number;
        if (c.key === HOSTNAME) cnt = byNodeId[k]![nodes[i]!.id] ?? 0;
        else if (c.key === ZONE_LABEL) cnt = zoneCount[k]![nodes[i]!.zoneId]!;
        else cnt = pairCounts[k]!.get(v) ?? 0;
        // scoreForCount: maxSkew − 1 waters down small differences.
        score += cnt * weights[k]! + (c.maxSkew - 1);
      }
      out[i] = Math.round(score);
    }
  };

  const normalize = (scores: Int32Array, count: number): void => {
    let min = Number.MAX_SAFE_INTEGER;
    let max = 0;
    for (let i = 0; i < count; i++) {
      if (ignored[i]) continue;
      if (scores[i]! < min) min = scores[i]!;
      if (scores[i]! > max) max = scores[i]!;
    }
    for (let i = 0; i < count; i++) {
      if (ignored[i]) scores[i] = 0;
      else if (max === 0) scores[i] = MAX_NODE_SCORE;
      else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i]!)) / max);
    }
  };

  return {
    name: NAME,
    preFilter,
    filter,
    preScore,
    score: (pod, node) => {
      const out = new Int32Array(1);
      scoreNodes(pod, [node], 1, out);
      return out[0]!;
    },
    scoreNodes,
    normalize,
  };
}
