/**
 * One scheduling cycle's algorithm (pkg/scheduler/schedule_one.go: schedulePod): run the filters over
 * the nodes, starting where the last cycle stopped, until enough feasible nodes are found; score the
 * feasible nodes with every score plugin, normalize, weight and add; pick the best, breaking ties at
 * random. It decides only: binding and reporting are the Scheduler's.
 *
 * The hot path reuses its buffers across cycles; what an attempt keeps for `explain` is small: the
 * filter failures and the scores of the best nodes (all of them in clusters of up to 50 nodes).
 */
import type { SeededRandom } from '../clock/random';
import type { ClusterView, FilterFailure, WeightedScorePlugin } from './framework/types';
import type { NodeInfo } from './framework/nodeInfo';
import type { PodInfo } from './framework/podInfo';
import type { Profile } from './defaultPlugins';
import { nodeNamesOfTerms } from '../apiserver/nodeSelector';
import { FAILURE as NODE_AFFINITY_FAILURE, NAME as NODE_AFFINITY } from './plugins/nodeaffinity';

/** minFeasibleNodesToFind: below 100 nodes every node is checked. */
export const MIN_FEASIBLE_NODES_TO_FIND = 100;
/** minFeasibleNodesPercentageToFind. */
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;
/** How many of the best-scored nodes an attempt keeps for `explain`. */
export const SCORED_NODES_KEPT = 50;

/**
 * numFeasibleNodesToFind with the adaptive default percentageOfNodesToScore: 50% − nodes/125 (at
 * least 5%), and never fewer than 100 nodes. 1,000 nodes → 42% → 420.
 */
export function numFeasibleNodesToFind(numAllNodes: number, percentageOfNodesToScore = 0): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let percentage = percentageOfNodesToScore;
  if (percentage <= 0) {
    percentage = 50 - Math.trunc(numAllNodes / 125);
    if (percentage < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) percentage = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
  }
  const n = Math.trunc((numAllNodes * percentage) / 100);
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n;
}

/** The outcome of one attempt, as `Scheduler.explain` reports it. */
export interface ScheduleAttempt {
  numAllNodes: number;
  evaluatedNodes: number;
  feasibleNodes: number;
  /** Nodes a filter rejected, parallel to `failures`, in the order visited. */
  failedNodes: NodeInfo[];
  failures: FilterFailure[];
  /** The score plugins that ran (not skipped). */
  scored: WeightedScorePlugin[];
  /** The best feasible nodes (all of them when there are few), best first (scores only when scored). */
  top: NodeInfo[];
  /** For each node of `top`: its total, then its normalized score per `scored` plugin. */
  topScores: Int16Array;
  chosen: NodeInfo | undefined;
  /**
   * Nodes NodeAffinity's PreFilter ruled out for a pod pinned to one node (a DaemonSet's) that fit
   * there: not visited, so not listed in `failures`.
   */
  preFilteredOut: number;
}

// Totals fit in 16 bits (at most 100 × the sum of the weights).
const NO_SCORES = new Int16Array(0);

export function newAttempt(): ScheduleAttempt {
  return { numAllNodes: 0, evaluatedNodes: 0, feasibleNodes: 0, failedNodes: [], failures: [], scored: [], top: [], topScores: NO_SCORES, chosen: undefined, preFilteredOut: 0 };
}

/**
 * Empties an attempt for reuse. The scheduler recycles the attempts of pods it forgets, so that
 * keeping diagnoses does not feed the garbage collector a stream of short-lived old objects.
 */
export function resetAttempt(a: ScheduleAttempt, numAllNodes: number): ScheduleAttempt {
  a.numAllNodes = numAllNodes;
  a.evaluatedNodes = 0;
  a.feasibleNodes = 0;
  a.failedNodes.length = 0;
  a.failures.length = 0;
  a.scored = [];
  a.top.length = 0;
  a.chosen = undefined;
  a.preFilteredOut = 0;
  return a;
}

export class ScheduleAlgorithm {
  /** Where the next cycle starts visiting nodes, so every node gets its turn. */
  private nextStartNodeIndex = 0;
  percentageOfNodesToScore = 0;
  private readonly feasible: NodeInfo[] = [];
  private scratch = new Int32Array(0);

  constructor(
    private readonly profile: Profile,
    private readonly random: SeededRandom,
  ) {}

  schedulePod(pod: PodInfo, nodes: readonly NodeInfo[], cluster: ClusterView, into: ScheduleAttempt = newAttempt()): ScheduleAttempt {
    const attempt = resetAttempt(into, nodes.length);
    const count = this.findNodesThatPassFilters(pod, nodes, cluster, attempt);
    attempt.feasibleNodes = count;
    if (count === 0) return attempt;
    // A single feasible node needs no scoring.
    if (count === 1) {
      attempt.chosen = this.feasible[0];
      attempt.top.push(this.feasible[0]!);
      return attempt;
    }
    const totals = this.prioritizeNodes(pod, cluster, count, attempt);
    const chosenIndex = this.selectHost(totals, count);
    attempt.chosen = this.feasible[chosenIndex];
    this.keepBest(attempt, count, chosenIndex);
    return attempt;
  }

  private findNodesThatPassFilters(pod: PodInfo, nodes: readonly NodeInfo[], cluster: ClusterView, attempt: ScheduleAttempt): number {
    const n = nodes.length;
    if (n === 0) return 0;
    const want = numFeasibleNodesToFind(n, this.percentageOfNodesToScore);
    // PreFilter: plugins with nothing to check for this pod are skipped for every node.
    const filters = this.profile.filters.filter((f) => !f.preFilter || f.preFilter(pod));
    // NodeAffinity's PreFilter result: a pod pinned to named nodes (a DaemonSet's) cannot fit any other
    // node, so there NodeAffinity's verdict is known without running it or the filters after it. The
    // filters before it still run, so each node's recorded failure is the one the full pass gives.
    const pinned = pod.requiredNodeAffinity ? nodeNamesOfTerms(pod.requiredNodeAffinity) : undefined;
    const affinityAt = pinned ? filters.findIndex((f) => f.name === NODE_AFFINITY) : -1;
    const feasible = this.feasible;
    const start = this.nextStartNodeIndex % n;
    if (pinned?.size === 1 && affinityAt >= 0 && want > 1 && cluster.nodeInfo) {
      // PreFilterResult: only the named node is visited. Were all nodes visited, every other one would
      // fail and the pass would go round them all, leaving nextStartNodeIndex where it is: so it stays.
      // When the named node does not fit, the full pass below lists every node's failure for the message.
      const node = cluster.nodeInfo(pinned.values().next().value!);
      if (node && filters.every((f) => !f.filter(pod, node))) {
        feasible[0] = node;
        attempt.evaluatedNodes = n;
        attempt.preFilteredOut = n - 1;
        return 1;
      }
    }
    let count = 0;
    let processed = 0;
    for (let i = 0; i < n && count < want; i++) {
      const node = nodes[(start + i) % n]!;
      processed++;
      let failure: FilterFailure | undefined;
      const last = affinityAt >= 0 && !pinned!.has(node.name) ? affinityAt : filters.length;
      for (let f = 0; f < last; f++) {
        failure = filters[f]!.filter(pod, node);
        if (failure) break;
      }
      if (!failure && last < filters.length) failure = NODE_AFFINITY_FAILURE;
      if (failure) {
        attempt.failedNodes.push(node);
        attempt.failures.push(failure);
      } else {
        feasible[count++] = node;
      }
    }
    this.nextStartNodeIndex = (start + processed) % n;
    attempt.evaluatedNodes = processed;
    return count;
  }

  /** Fills the scratch buffer: totals in [0, count), then each running plugin's scores. */
  private prioritizeNodes(pod: PodInfo, cluster: ClusterView, count: number, attempt: ScheduleAttempt): Int32Array {
    const running = this.profile.scores.filter((w) => !w.plugin.preScore || w.plugin.preScore(pod, cluster));
    attempt.scored = running;
    const size = count * (running.length + 1);
    if (this.scratch.length < size) this.scratch = new Int32Array(Math.max(size, this.scratch.length * 2));
    const totals = this.scratch.subarray(0, count);
    totals.fill(0);
    for (let p = 0; p < running.length; p++) {
      const weighted = running[p]!;
      const plugin = weighted.plugin;
      const scores = this.scratch.subarray(count * (p + 1), count * (p + 2));
      plugin.scoreNodes(pod, this.feasible, count, scores, cluster);
      plugin.normalize?.(scores, count);
      const w = weighted.weight;
      for (let i = 0; i < count; i++) totals[i] = totals[i]! + scores[i]! * w;
    }
    return totals;
  }

  /** selectHost: the highest total; equal best totals are broken at random. */
  private selectHost(totals: Int32Array, count: number): number {
    let best = -1;
    let ties = 0;
    for (let i = 0; i < count; i++) {
      if (totals[i]! > best) {
        best = totals[i]!;
        ties = 1;
      } else if (totals[i] === best) {
        ties++;
      }
    }
    let pick = ties > 1 ? this.random.int(ties) : 0;
    for (let i = 0; i < count; i++) {
      if (totals[i] === best && pick-- === 0) return i;
    }
    return 0;
  }

  /** Copies the best SCORED_NODES_KEPT nodes (the chosen one always among them) out of the scratch. */
  private keepBest(attempt: ScheduleAttempt, count: number, chosenIndex: number): void {
    const totals = this.scratch;
    const keep = Math.min(count, SCORED_NODES_KEPT);
    const kept: number[] = [];
    for (let i = 0; i < count; i++) {
      const t = totals[i]!;
      if (kept.length === keep && t <= totals[kept[keep - 1]!]!) continue;
      // Insertion into the sorted list; a full list drops its last entry.
      if (kept.length < keep) kept.push(i);
      let at = kept.length - 1;
      while (at > 0 && totals[kept[at - 1]!]! < t) {
        kept[at] = kept[at - 1]!;
        at--;
      }
      kept[at] = i;
    }
    if (!kept.includes(chosenIndex)) {
      // The rest is sorted: moving the chosen node up past strictly lower totals is what a stable
      // sort would give, without the sort's temporary arrays.
      let at = keep - 1;
      kept[at] = chosenIndex;
      const t = totals[chosenIndex]!;
      while (at > 0 && totals[kept[at - 1]!]! < t) {
        kept[at] = kept[at - 1]!;
        at--;
      }
      kept[at] = chosenIndex;
    }
    const stride = attempt.scored.length + 1;
    if (attempt.topScores.length < keep * stride) attempt.topScores = new Int16Array(SCORED_NODES_KEPT * stride);
    const out = attempt.topScores;
    const top = attempt.top;
    for (let k = 0; k < keep; k++) {
      const i = kept[k]!;
      top.push(this.feasible[i]!);
      for (let p = 0; p < stride; p++) out[k * stride + p] = this.scratch[p * count + i]!;
    }
  }
}
