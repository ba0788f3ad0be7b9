/**
 * NodeResourcesFit (pkg/scheduler/framework/plugins/noderesources/fit.go).
 *
 * Filter: the node must have room for one more pod (`pods` allocatable, 110 by default) and, for every
 * resource the pod requests, `request ≤ allocatable − requested by the pods already there`. Pods
 * without requests request 0 here. A request larger than the node's whole allocatable is
 * UnschedulableAndUnresolvable (no preemption can make room).
 *
 * Score: LeastAllocated (the default: spread) or MostAllocated (bin packing) over cpu and memory with
 * weight 1 each, counting the non-zero defaults (100m, 200Mi) for containers without requests.
 */
import type { FailureCode, FilterFailure, FilterPlugin, ScorePlugin } from '../../framework/types';
import { MAX_NODE_SCORE } from '../../framework/types';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';

export const NAME = 'NodeResourcesFit';
export const REASON_TOO_MANY_PODS = 'Too many pods';

export type ScoringStrategy = 'LeastAllocated' | 'MostAllocated';

export function insufficientReason(resource: string): string {
  return `Insufficient ${resource}`;
}

/** The filter's verdict, as fitsRequest computes it. undefined = fits. */
export function fitsRequest(pod: PodInfo, node: NodeInfo): FilterFailure | undefined {
  let reasons: string[] | undefined;
  let code: FailureCode = 'Unschedulable';
  if (node.podCount + 1 > node.allowedPodNumber) (reasons ??= []).push(REASON_TOO_MANY_PODS);
  const req = pod.requests;
  if (req.milliCPU === 0 && req.memory === 0 && req.ephemeralStorage === 0 && !req.scalar) {
    return reasons ? { plugin: NAME, code, reasons } : undefined;
  }
  const alloc = node.allocatable;
  const used = node.requested;
  if (req.milliCPU > 0 && req.milliCPU > alloc.milliCPU - used.milliCPU) {
    (reasons ??= []).push('Insufficient cpu');
    if (req.milliCPU > alloc.milliCPU) code = 'UnschedulableAndUnresolvable';
  }
  if (req.memory > 0 && req.memory > alloc.memory - used.memory) {
    (reasons ??= []).push('Insufficient memory');
    if (req.memory > alloc.memory) code = 'UnschedulableAndUnresolvable';
  }
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) {
    (reasons ??= []).push('Insufficient ephemeral-storage');
    if (req.ephemeralStorage > alloc.ephemeralStorage) code = 'UnschedulableAndUnresolvable';
  }
  if (req.scalar) {
    for (const [name, q] of req.scalar) {
      if (q === 0) continue;
      const a = alloc.scalar?.get(name) ?? 0;
      if (q > a - (used.scalar?.get(name) ?? 0)) {
        (reasons ??= []).push(insufficientReason(name));
        if (q > a) code = 'UnschedulableAndUnresolvable';
      }
    }
  }
  return reasons ? { plugin: NAME, code, reasons } : undefined;
}

/** leastRequestedScore: the free fraction after placing the pod, 0 when it would not fit. */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.floor(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/** mostRequestedScore: the used fraction after placing the pod (capped at capacity). */
export function mostRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0) return 0;
  return Math.floor((Math.min(requested, capacity) * MAX_NODE_SCORE) / capacity);
}

// Resources cpu and memory, weight 1 each: the weighted mean, in integers as Go computes it.
function leastAllocated(pod: PodInfo, node: NodeInfo): number {
  const cpu = leastRequestedScore(node.nonZeroMilliCPU + pod.nonZeroMilliCPU, node.allocatable.milliCPU);
  const mem = leastRequestedScore(node.nonZeroMemory + pod.nonZeroMemory, node.allocatable.memory);
  return Math.floor((cpu + mem) / 2);
}

function mostAllocated(pod: PodInfo, node: NodeInfo): number {
  const cpu = mostRequestedScore(node.nonZeroMilliCPU + pod.nonZeroMilliCPU, node.allocatable.milliCPU);
  const mem = mostRequestedScore(node.nonZeroMemory + pod.nonZeroMemory, node.allocatable.memory);
  return Math.floor((cpu + mem) / 2);
}

export function createNodeResourcesFit(strategy: ScoringStrategy = 'LeastAllocated'): FilterPlugin & ScorePlugin & { strategy: ScoringStrategy } {
  const score = strategy === 'MostAllocated' ? mostAllocated : leastAllocated;
  return {
    name: NAME,
    strategy,
    filter: fitsRequest,
    score,
    scoreNodes(pod, nodes, count, out) {
      for (let i = 0; i < count; i++) out[i] = score(pod, nodes[i]!);
    },
  };
}
