/**
 * The default profile (pkg/scheduler/apis/config/v1/default_plugins.go), restricted to the plugins the
 * playground implements: filters in the order kube-scheduler runs them, score plugins with their
 * default weights (TaintToleration 3, NodeAffinity 2, PodTopologySpread 2, InterPodAffinity 2,
 * NodeResourcesFit 1, NodeResourcesBalancedAllocation 1, ImageLocality 1). PodTopologySpread and
 * InterPodAffinity need the cluster's objects and the scheduler cache, so they are in the profile when
 * those are given (always, in the scheduler).
 */
import type { FilterPlugin, WeightedScorePlugin } from './framework/types';
import { nodeUnschedulable } from './plugins/nodeunschedulable';
import { nodeName } from './plugins/nodename';
import { taintToleration } from './plugins/tainttoleration';
import { nodeAffinity } from './plugins/nodeaffinity';
import { balancedAllocation, createNodeResourcesFit, type ScoringStrategy } from './plugins/noderesources';
import { imageLocality } from './plugins/imagelocality';
import { createPodTopologySpread } from './plugins/podtopologyspread';
import { createInterPodAffinity } from './plugins/interpodaffinity';
import type { ApiServer } from '../apiserver/apiserver';
import type { SchedulerCache } from './cache';

export interface Profile {
  schedulerName: string;
  filters: FilterPlugin[];
  scores: WeightedScorePlugin[];
}

export interface ProfileOptions {
  /** NodeResourcesFit's scoringStrategy: LeastAllocated (default, spreads) or MostAllocated (packs). */
  scoringStrategy?: ScoringStrategy;
}

export const DEFAULT_SCHEDULER_NAME = 'default-scheduler';

export function defaultProfile(opts: ProfileOptions = {}, cluster?: { api: ApiServer; cache: SchedulerCache }): Profile {
  const fit = createNodeResourcesFit(opts.scoringStrategy ?? 'LeastAllocated');
  const spread = cluster ? createPodTopologySpread(cluster.api, cluster.cache) : undefined;
  const interPod = cluster ? createInterPodAffinity(cluster.api, cluster.cache) : undefined;
  return {
    schedulerName: DEFAULT_SCHEDULER_NAME,
    filters: [nodeUnschedulable, nodeName, taintToleration, nodeAffinity, fit, ...(spread ? [spread] : []), ...(interPod ? [interPod] : [])],
    scores: [
      { plugin: taintToleration, weight: 3 },
      { plugin: nodeAffinity, weight: 2 },
      ...(spread ? [{ plugin: spread, weight: 2 }] : []),
      ...(interPod ? [{ plugin: interPod, weight: 2 }] : []),
      { plugin: fit, weight: 1 },
      { plugin: balancedAllocation, weight: 1 },
      { plugin: imageLocality, weight: 1 },
    ],
  };
}
