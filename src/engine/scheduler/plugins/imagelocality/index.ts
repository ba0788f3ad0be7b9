/**
 * ImageLocality (pkg/scheduler/framework/plugins/imagelocality): favours nodes that already have the
 * pod's images, so the pod starts without a pull. Each image present on the node adds its size scaled
 * by how widely it is spread (size × nodesWithImage / allNodes, so an image everywhere does not pull
 * pods to one node); the sum is clamped to [23 MB, 1000 MB × containers] and mapped onto 0..100.
 */
import type { ClusterView, ScorePlugin } from '../../framework/types';
import type { NodeInfo } from '../../framework/nodeInfo';
import type { PodInfo } from '../../framework/podInfo';
import { MAX_NODE_SCORE } from '../../framework/types';

export const NAME = 'ImageLocality';

const MB = 1024 * 1024;
/** Below this the image is small enough that pulling it costs little. */
export const MIN_THRESHOLD = 23 * MB;
export const MAX_CONTAINER_THRESHOLD = 1000 * MB;

export function imageLocalityScore(sumScores: number, numContainers: number): number {
  const maxThreshold = MAX_CONTAINER_THRESHOLD * numContainers;
  const clamped = Math.min(Math.max(sumScores, MIN_THRESHOLD), maxThreshold);
  return Math.trunc((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}

function scoreNode(pod: PodInfo, node: NodeInfo, cluster: ClusterView): number {
  if (node.images.size === 0 || pod.images.length === 0) return 0;
  let sum = 0;
  for (const image of pod.images) {
    const size = node.images.get(image);
    if (size !== undefined) sum += Math.trunc((size * cluster.nodesWithImage(image)) / cluster.nodeCount);
  }
  return imageLocalityScore(sum, pod.images.length);
}

export const imageLocality: ScorePlugin = {
  name: NAME,
  score: scoreNode,
  scoreNodes(pod, nodes, count, out, cluster) {
    for (let i = 0; i < count; i++) out[i] = scoreNode(pod, nodes[i]!, cluster);
  },
};
