/**
 * PodTopologySpread's Score (scoring.go): `ScheduleAnyway` constraints, or, for a pod with no constraints
 * at all, the scheduler's system defaults with the pod's default selector. Each node scores
 * Σ count × log(domains + 2) + (maxSkew − 1), and NormalizeScore turns that into "fewer matching pods
 * nearby is better".
 */
import type { Selector } from '../../../apiserver/labels';
import type { SchedulerCache } from '../../cache';
import { topologyValue, ZONE_LABEL, zoneIdOf, type NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { MAX_NODE_SCORE } from '../../framework/types';
import { explicitConstraints, honoursNodeAffinity, HOSTNAME, SYSTEM_DEFAULTS, type Constraint } from './common';
import type { MatchCounter } from './matchCounter';

/** preScoreState: the constraints to score by; requireAll: a node lacking any key is not scored (explicit constraints). */
export interface TopologySpreadScoring {
  constraints: Constraint[];
  requireAll: boolean;
}

/** PreScore: the pod's ScheduleAnyway constraints, or the system defaults; undefined when there is nothing to score. */
export function topologySpreadScoring(pod: PodInfo, defaultSelector: (pod: PodInfo) => Selector): TopologySpreadScoring | undefined {
  const explicit = pod.pod.spec?.topologySpreadConstraints ?? [];
  if (explicit.length > 0) {
    const constraints = explicitConstraints(pod.pod, 'ScheduleAnyway');
    return constraints.length > 0 ? { constraints, requireAll: true } : undefined;
  }
  const selector = defaultSelector(pod);
  return selector.length > 0
    ? { constraints: SYSTEM_DEFAULTS.map((d) => ({ ...d, selector, minDomains: undefined, honorAffinity: true })), requireAll: false }
    : undefined;
}

/** Scores a cycle's nodes; keeps its buffers between cycles (the scheduler places thousands of pods). */
export class TopologySpreadScorer {
  /** Nodes of the last scoreNodes that lack a required key: they score 0 after normalizing. */
  private ignored = new Uint8Array(0);

  constructor(
    private readonly counter: MatchCounter,
    private readonly cache: SchedulerCache,
  ) {}

  /** Each scored node's value of each constraint key (node i, key k at i * nc + k), read once per cycle. */
  private values: (string | undefined)[] = [];
  /**
   * For constraints over the zone label, by constraint index and zoneIdOf: the cycle that last met the
   * zone among the scored nodes, and its matching-pod count (integer indexing instead of map lookups).
   */
  private readonly zoneSeen: number[][] = [];
  private readonly zoneCount: number[][] = [];
  private cycle = 0;

  /** Score: each node Σ count × log(domains + 2) + (maxSkew − 1) over the constraints (before NormalizeScore). */
  scoreNodes(pod: PodInfo, scoring: TopologySpreadScoring, nodes: readonly NodeInfo[], count: number, out: Int32Array): void {
    const { constraints, requireAll } = scoring;
    const { counter, cache, zoneSeen, zoneCount } = this;
    const nc = constraints.length;
    if (this.ignored.length < count) this.ignored = new Uint8Array(Math.max(count, this.ignored.length * 2));
    const ignored = this.ignored;
    if (this.values.length < count * nc) this.values = new Array<string | undefined>(count * nc);
    const values = this.values;
    // Domains among the feasible nodes, and how many nodes are scored (for the hostname weight).
    const pairCounts: Map<string, number>[] = [];
    for (let k = 0; k < nc; k++) pairCounts.push(new Map());
    const cycle = ++this.cycle;
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
        if (!info || v === undefined || !domains.has(v) || !honoursNodeAffinity(pod, info)) continue;
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
  }

  /** NormalizeScore: fewer matching pods nearby is better; nodes without the keys score 0. */
  normalize(scores: Int32Array, count: number): void {
    const ignored = this.ignored;
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
  }
}
