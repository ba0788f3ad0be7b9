/**
 * The scheduling framework's vocabulary (kube-scheduler `pkg/scheduler/framework`): statuses that
 * filter plugins return, and the plugin interfaces. Plugins see a pod through its PodInfo (requests and
 * selectors computed once per pod) and a node through its NodeInfo (kept current by the cache), so a
 * filter or score is a few comparisons and no allocation on the success path.
 */
import type { NodeInfo } from './nodeInfo';
import type { PodInfo } from './podInfo';

/** framework.MaxNodeScore: every score plugin returns 0..100 after normalization. */
export const MAX_NODE_SCORE = 100;

/**
 * Status codes a filter can fail with (framework.Code). `UnschedulableAndUnresolvable` means removing
 * pods from the node would not help, so preemption does not try that node.
 */
export type FailureCode = 'Unschedulable' | 'UnschedulableAndUnresolvable';

/** A failed filter: the plugin, its code and the reasons that appear in the FailedScheduling event. */
export interface FilterFailure {
  plugin: string;
  code: FailureCode;
  reasons: readonly string[];
}

/** What plugins may ask about the whole cluster (the framework handle's snapshot). */
export interface ClusterView {
  /** Number of nodes in the snapshot. */
  readonly nodeCount: number;
  /** Number of nodes that have this (canonical) image. */
  nodesWithImage(image: string): number;
  /** The node by name (NodeAffinity's PreFilter result names the nodes to visit). */
  nodeInfo?(name: string): NodeInfo | undefined;
}

export interface FilterPlugin {
  readonly name: string;
  /**
   * PreFilter: false when the plugin cannot reject this pod on any node (kube-scheduler's Skip), so
   * the framework does not call `filter` for it in this cycle.
   */
  preFilter?(pod: PodInfo): boolean;
  /** undefined = the node passes. */
  filter(pod: PodInfo, node: NodeInfo): FilterFailure | undefined;
}

export interface ScorePlugin {
  readonly name: string;
  /**
   * PreScore: false when the plugin has nothing to say about this pod (kube-scheduler's Skip status);
   * a skipped plugin contributes nothing to any node's total.
   */
  preScore?(pod: PodInfo, cluster: ClusterView): boolean;
  /** Raw score of one feasible node. */
  score(pod: PodInfo, node: NodeInfo, cluster: ClusterView): number;
  /**
   * Raw scores of `nodes[0..count)` into `out`: the same as calling `score` per node, in one loop per
   * plugin so that the hot loop stays monomorphic.
   */
  scoreNodes(pod: PodInfo, nodes: readonly NodeInfo[], count: number, out: Int32Array, cluster: ClusterView): void;
  /** NormalizeScore: rescales `scores[0..count)` in place to 0..MAX_NODE_SCORE. */
  normalize?(scores: Int32Array, count: number): void;
}

/** A score plugin with its weight in the profile. */
export interface WeightedScorePlugin {
  plugin: ScorePlugin;
  weight: number;
}
