/**
 * NodeResourcesBalancedAllocation (pkg/scheduler/framework/plugins/noderesources/balanced_allocation.go):
 * favours nodes whose cpu and memory would be used in similar fractions after placing the pod:
 * score = (1 − standard deviation of the fractions) × 100, with each fraction capped at 1; for two
 * resources the deviation is |f_cpu − f_mem| / 2. It counts real requests (no non-zero defaults) and
 * skips pods that request nothing (BestEffort).
 */
import type { ScorePlugin } from '../../framework/types';
import { MAX_NODE_SCORE } from '../../framework/types';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';

export const NAME = 'NodeResourcesBalancedAllocation';

export function balancedScore(fractions: readonly number[]): number {
  let std = 0;
  if (fractions.length === 2) {
    std = Math.abs((fractions[0]! - fractions[1]!) / 2);
  } else if (fractions.length > 2) {
    const mean = fractions.reduce((a, b) => a + b, 0) / fractions.length;
    const sum = fractions.reduce((a, f) => a + (f - mean) * (f - mean), 0);
    std = Math.sqrt(sum / fractions.length);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

function balancedNodeScore(pod: PodInfo, node: NodeInfo): number {
  const allocCPU = node.allocatable.milliCPU;
  const allocMem = node.allocatable.memory;
  // Resources whose allocatable is 0 are left out; with one resource left the deviation is 0.
  if (allocCPU === 0 && allocMem === 0) return MAX_NODE_SCORE;
  const fCPU = allocCPU === 0 ? -1 : Math.min(1, (node.requested.milliCPU + pod.requests.milliCPU) / allocCPU);
  const fMem = allocMem === 0 ? -1 : Math.min(1, (node.requested.memory + pod.requests.memory) / allocMem);
  if (fCPU < 0 || fMem < 0) return MAX_NODE_SCORE;
  return Math.trunc((1 - Math.abs((fCPU - fMem) / 2)) * MAX_NODE_SCORE);
}

export const balancedAllocation: ScorePlugin = {
  name: NAME,
  preScore(pod) {
    return pod.requests.milliCPU !== 0 || pod.requests.memory !== 0;
  },
  score: balancedNodeScore,
  scoreNodes(pod, nodes, count, out) {
    for (let i = 0; i < count; i++) out[i] = balancedNodeScore(pod, nodes[i]!);
  },
};
