import { useUpdateNodeInternals } from '@xyflow/react';
import { useEffect } from 'react';
import { useClusterStore } from '../../store/clusterStore';
import { NO_PODS, kindOf, podsByNode, userPodsByNode, visiblePodsByNode, type NodeObject, type PodObject } from '../../store/selectors';
import { useUiStore } from '../../store/uiStore';

/** The pods the canvas draws on a node (kube-system's only when the student asked to see them). */
export function usePodsOnNode(nodeName: string): readonly PodObject[] {
  const showSystem = useUiStore((s) => s.showSystemPods);
  return useClusterStore((s) => visiblePodsByNode(kindOf(s.objects, 'Pod'), showSystem).get(nodeName) ?? NO_PODS);
}

/** How many kube-system pods run on the node while the canvas hides them (0 when they are shown). */
export function useHiddenSystemPodCount(nodeName: string): number {
  const showSystem = useUiStore((s) => s.showSystemPods);
  return useClusterStore((s) => {
    if (showSystem) return 0;
    const pods = kindOf(s.objects, 'Pod');
    return (podsByNode(pods).get(nodeName)?.length ?? 0) - (userPodsByNode(pods).get(nodeName)?.length ?? 0);
  });
}

export function useNodeObject(nodeName: string): NodeObject | undefined {
  return useClusterStore((s) => kindOf(s.objects, 'Node')[nodeName] as NodeObject | undefined);
}

/** Pod cards carry edge handles: React Flow must re-measure them when the set of pods changes. */
export function useHandlesFollowPods(flowNodeId: string, pods: readonly PodObject[]): void {
  const update = useUpdateNodeInternals();
  const signature = pods.map((p) => p.metadata.name).join(',');
  useEffect(() => {
    update(flowNodeId);
  }, [update, flowNodeId, signature]);
}

export function nodeReady(node: NodeObject | undefined): 'True' | 'False' | 'Unknown' {
  const c = node?.status?.conditions?.find((x) => x.type === 'Ready');
  return c?.status === 'True' ? 'True' : c?.status === 'False' ? 'False' : 'Unknown';
}
