/**
 * From the mirror to React Flow: the layout input (counts only, so the node list changes only when
 * the picture's structure does), the flow nodes, and the Service → ready-endpoint edges. Node
 * components read their own live data (pods, conditions) from the store themselves.
 */
import type { Edge, Node } from '@xyflow/react';
import type { ClusterState } from '../../store/clusterStore';
import { isControlPlaneNode, isSystemObject, kindOf, readyEndpoints, sortedNodes, visiblePodsByNode, visibleServices, visibleUnscheduledSummary } from '../../store/selectors';
import { computeLayout, type Box, type LayoutInput } from './layout';

export interface BoxData extends Record<string, unknown> {
  name: string;
}

export type FlowNode = Node<BoxData, Box['type']>;

/** `showSystem`: draw the cluster's own pods, Deployments and Services (kube-system) too. */
export function selectLayoutInput(state: Pick<ClusterState, 'objects' | 'components'>, showSystem = false): LayoutInput {
  const pods = visiblePodsByNode(kindOf(state.objects, 'Pod'), showSystem);
  const nodes = sortedNodes(kindOf(state.objects, 'Node'));
  const cp = nodes.find(isControlPlaneNode);
  const deployments = Object.values(kindOf(state.objects, 'Deployment'))
    .filter((d) => showSystem || !isSystemObject(d))
    .map((d) => `${d.metadata.namespace ?? 'default'}/${d.metadata.name ?? ''}`)
    .sort();
  const autoscaled = new Set<string>();
  for (const h of Object.values(kindOf(state.objects, 'HorizontalPodAutoscaler'))) {
    const ref = (h as { spec?: { scaleTargetRef?: { kind?: string; name?: string } } }).spec?.scaleTargetRef;
    if (ref?.kind === 'Deployment') autoscaled.add(`${h.metadata.namespace ?? 'default'}/${ref.name ?? ''}`);
  }
  return {
    controlPlane: { name: cp?.metadata.name, pods: cp ? (pods.get(cp.metadata.name ?? '')?.length ?? 0) : 0, controllers: state.components.length },
    workers: nodes.filter((n) => n !== cp).map((n) => ({ name: n.metadata.name ?? '', pods: pods.get(n.metadata.name ?? '')?.length ?? 0 })),
    deployments,
    ...(autoscaled.size > 0 ? { autoscaled: deployments.filter((d) => autoscaled.has(d)) } : {}),
    services: visibleServices(kindOf(state.objects, 'Service'), showSystem).map((s) => `${s.metadata.namespace ?? 'default'}/${s.metadata.name ?? ''}`),
    pendingPods: visibleUnscheduledSummary(kindOf(state.objects, 'Pod'), showSystem).count,
  };
}

/** A string that changes exactly when the layout would: components subscribe to it, not to objects. */
export function selectLayoutKey(state: Pick<ClusterState, 'objects' | 'components'>, showSystem = false): string {
  return JSON.stringify(selectLayoutInput(state, showSystem));
}

export function flowNodes(input: LayoutInput): FlowNode[] {
  return computeLayout(input).map((b) => ({
    id: b.id,
    type: b.type,
    position: { x: b.x, y: b.y },
    data: { name: b.name },
    width: b.width,
    // The layout's estimate: React Flow shows a node only once it knows a size, so without it the
    // first frame waits for the browser to measure every box.
    initialHeight: b.height,
    draggable: false,
    selectable: false,
    connectable: false,
    // Not selectable or draggable, so React Flow would turn pointer events off: the pod cards and
    // headers inside are buttons and must stay clickable.
    style: { width: b.width, pointerEvents: 'all' },
  }));
}

export interface ServiceEdgeSpec {
  id: string;
  service: string;
  node: string;
  pod: string;
}

/** One edge per ready endpoint, Service → the pod's card inside its node. */
export function selectServiceEdges(state: Pick<ClusterState, 'objects'>, showSystem = false): ServiceEdgeSpec[] {
  const endpoints = readyEndpoints(state.objects);
  const pods = kindOf(state.objects, 'Pod');
  const out: ServiceEdgeSpec[] = [];
  for (const svc of visibleServices(kindOf(state.objects, 'Service'), showSystem)) {
    const key = `${svc.metadata.namespace ?? 'default'}/${svc.metadata.name ?? ''}`;
    for (const ep of endpoints.get(key) ?? []) {
      const podKey = `${ep.namespace}/${ep.pod}`;
      const node = ep.node ?? (pods[podKey] as { spec?: { nodeName?: string } } | undefined)?.spec?.nodeName;
      if (!node) continue;
      out.push({ id: `svc:${key}->pod:${podKey}`, service: key, node, pod: podKey });
    }
  }
  return out;
}

let lastEdges: { inputs: readonly unknown[]; key: string } | undefined;

/**
 * The edges as a string, recomputed only when Services, endpoints or pods changed: the canvas reads it on
 * every store change (30 clock ticks a second), and at hundreds of endpoints the string is not free.
 */
export function selectServiceEdgesKey(state: Pick<ClusterState, 'objects'>, showSystem = false): string {
  const o = state.objects;
  const inputs = [kindOf(o, 'Service'), kindOf(o, 'EndpointSlice'), kindOf(o, 'Endpoints'), kindOf(o, 'Pod'), showSystem];
  if (lastEdges && inputs.every((x, i) => x === lastEdges!.inputs[i])) return lastEdges.key;
  const key = JSON.stringify(selectServiceEdges(state, showSystem));
  lastEdges = { inputs, key };
  return key;
}

export function nodeBoxId(nodeName: string, controlPlaneName: string | undefined): string {
  return nodeName === controlPlaneName ? 'control-plane' : `node:${nodeName}`;
}

export function serviceEdges(specs: readonly ServiceEdgeSpec[], controlPlaneName: string | undefined, litServices: ReadonlySet<string>): Edge[] {
  return specs.map((s) => ({
    id: s.id,
    source: `service:${s.service}`,
    target: nodeBoxId(s.node, controlPlaneName),
    targetHandle: `pod:${s.pod}`,
    animated: litServices.has(s.service),
    className: 'edge-endpoint',
  }));
}
