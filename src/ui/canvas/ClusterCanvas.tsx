import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, useNodesState, useReactFlow, useStore, type Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useClusterStore } from '../../store/clusterStore';
import { useFaultStore } from '../../store/faultStore';
import { useCueStore, type CueState } from '../../store/cueStore';
import { useUiStore } from '../../store/uiStore';
import { useLessonStore } from '../../store/lessonStore';
import { useWorkbenchStore } from '../../store/workbenchStore';
import { flowNodes, selectLayoutKey, selectServiceEdgesKey, serviceEdges, type FlowNode, type ServiceEdgeSpec } from './graph';
import type { LayoutInput } from './layout';
import { nodeTypes } from './nodeTypes';
import { SystemPodsToggle } from './SystemPodsToggle';
import { DeploymentMenuResult } from '../deployment/DeploymentMenu';
import { mayAutoFit, type ViewportLike } from './viewportChoice';
import { usePresenterStore } from '../presenter/presenterStore';
import { useJourneyFocus } from '../journey/journeyCamera';

// The top margin keeps the boxes clear of the kube-system toggle in the top-right corner.
const FIT_VIEW_OPTIONS = { padding: { top: '52px', right: 0.08, bottom: 0.08, left: 0.08 }, duration: 250 } as const;

function minimapColor(node: { type?: string }): string {
  switch (node.type) {
    case 'controlPlane':
      return '#6d5bd0';
    case 'worker':
      return '#2f6fdb';
    case 'service':
      return '#0f8a6a';
    case 'deployment':
      return '#b7791f';
    default:
      return '#98a2b3';
  }
}

function selectLitServicesKey(s: CueState): string {
  return Object.keys(s.lit)
    .filter((k) => k.startsWith('svc:'))
    .map((k) => k.slice(4))
    .join('|');
}

function CanvasInner() {
  const { t } = useTranslation();
  const showSystem = useUiStore((s) => s.showSystemPods);
  const layoutKey = useClusterStore((s) => selectLayoutKey(s, showSystem));
  const edgesKey = useClusterStore((s) => selectServiceEdgesKey(s, showSystem));
  const bindings = useCueStore((s) => s.bindings);
  const litServicesKey = useCueStore(selectLitServicesKey);
  const select = useUiStore((s) => s.select);
  const workbenchOpen = useWorkbenchStore((s) => s.open);
  const failurePanelOpen = useFaultStore((s) => s.panelOpen);
  const lessonOpen = useLessonStore((s) => s.dock.view !== 'closed');
  const inspectorOpen = useUiStore((s) => s.selection !== undefined);
  const presenter = usePresenterStore((s) => s.on);
  // A demo's narration bar is taller than the demo list: the canvas re-fits when one starts or ends.
  const presenterDemo = usePresenterStore((s) => s.run !== undefined);
  const { fitView, getViewport, setViewport } = useReactFlow();
  // The viewport the last automatic fit left; a different one now means the viewer zoomed or panned.
  const lastAutoFit = useRef<ViewportLike | undefined>(undefined);
  // When the last automatic fit began: a re-fit asked for during its animation is not blocked by it.
  const fitStartedAt = useRef(-Infinity);
  // The canvas's own size as React Flow measured it: a panel whose width is known only once its code has
  // loaded, a window resize or the events panel all re-fit to the space the canvas really has.
  const canvasWidth = useStore((s) => Math.round(s.width));
  const canvasHeight = useStore((s) => Math.round(s.height));
  // A journey on show: the view follows its hops (the boxes of this hop and the one before).
  const journeyFocus = useJourneyFocus();
  // Whether the view follows a journey now (the cluster-wide re-fit waits until the journey's camera lets go).
  const followedJourney = useRef(false);

  const ariaLabels = useMemo(
    () => ({
      'controls.ariaLabel': t('explain.canvasControls.label'),
      'controls.zoomIn.ariaLabel': t('explain.canvasControls.zoomIn'),
      'controls.zoomOut.ariaLabel': t('explain.canvasControls.zoomOut'),
      'controls.fitView.ariaLabel': t('explain.canvasControls.fitView'),
      'minimap.ariaLabel': t('explain.canvasControls.minimap'),
    }),
    [t],
  );
  const layout = useMemo(() => JSON.parse(layoutKey) as LayoutInput, [layoutKey]);
  // Nodes go through React Flow's change stream so their measured sizes reach the minimap.
  const [nodes, setNodes, onNodesChange] = useNodesState<FlowNode>(flowNodes(layout));
  useEffect(() => {
    setNodes((prev) => {
      const measured = new Map(prev.map((n) => [n.id, n.measured]));
      return flowNodes(layout).map((n) => {
        const m = measured.get(n.id);
        return m ? { ...n, measured: m } : n;
      });
    });
  }, [layout, setNodes]);
  const cpName = layout.controlPlane.name;

  const litServiceKeys = useMemo(() => new Set(litServicesKey ? litServicesKey.split('|') : []), [litServicesKey]);

  const edges = useMemo<Edge[]>(() => {
    const specs = JSON.parse(edgesKey) as ServiceEdgeSpec[];
    const out = serviceEdges(specs, cpName, litServiceKeys);
    for (const b of bindings) {
      if (b.node === cpName) continue;
      out.push({
        id: b.id,
        source: 'control-plane',
        sourceHandle: 'scheduler',
        target: `node:${b.node}`,
        targetHandle: 'top',
        animated: true,
        className: 'edge-binding',
        zIndex: 1000,
        label: `bind ${b.pod.slice(b.pod.indexOf('/') + 1)}`,
      });
    }
    return out;
  }, [edgesKey, cpName, litServiceKeys, bindings]);

  // Re-fit when machines or Services come or go, or a side column (lesson, workbench, failure panel, inspector)
  // opens or closes (the canvas is resized), not when a pod changes or another object is selected.
  const structure = `${layout.workers.map((w) => w.name).join(',')}|${layout.services.length}|${layout.deployments.length}|${cpName ?? ''}|${workbenchOpen}|${failurePanelOpen}|${inspectorOpen}|${showSystem}|${lessonOpen}|${presenter}|${presenterDemo}`;
  useEffect(() => {
    if (canvasWidth === 0 || canvasHeight === 0 || journeyFocus || followedJourney.current) return;
    const handle = setTimeout(() => {
      if (!mayAutoFit(getViewport(), lastAutoFit.current, performance.now() - fitStartedAt.current)) return;
      fitStartedAt.current = performance.now();
      void fitView(FIT_VIEW_OPTIONS).then(() => {
        lastAutoFit.current = getViewport();
      });
    }, 60);
    return () => clearTimeout(handle);
  }, [structure, canvasWidth, canvasHeight, fitView, getViewport, journeyFocus]);

  // The journey's camera: fits the hop's boxes; when the journey closes, the whole cluster again.
  // A view the viewer chose before the journey (a presenter's zoom) comes back when the journey closes.
  const chosenBeforeJourney = useRef<{ viewport: ViewportLike; lastAutoFit: ViewportLike | undefined } | undefined>(undefined);
  useEffect(() => {
    // After the journey: a chosen view still to give back survives the re-runs the canvas's new size causes.
    if (!journeyFocus && !followedJourney.current && !chosenBeforeJourney.current) return;
    if (canvasWidth === 0 || canvasHeight === 0) return;
    if (journeyFocus && !followedJourney.current) {
      const now = getViewport();
      chosenBeforeJourney.current = mayAutoFit(now, lastAutoFit.current) ? undefined : { viewport: now, lastAutoFit: lastAutoFit.current };
    }
    followedJourney.current = !!journeyFocus;
    const chosen = journeyFocus ? undefined : chosenBeforeJourney.current;
    // At once, not after the animation: the re-fit for the canvas's new size must see the viewer's choice.
    if (chosen) lastAutoFit.current = chosen.lastAutoFit;
    const handle = setTimeout(() => {
      const reduced = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
      const duration = reduced ? 0 : 450;
      if (chosen) {
        chosenBeforeJourney.current = undefined;
        void setViewport(chosen.viewport, { duration });
        return;
      }
      const options = journeyFocus
        ? { ...FIT_VIEW_OPTIONS, nodes: journeyFocus.split('|').map((id) => ({ id })), maxZoom: 1.25, duration }
        : { ...FIT_VIEW_OPTIONS, ...(reduced ? { duration: 0 } : {}) };
      fitStartedAt.current = performance.now();
      void fitView(options).then(() => {
        lastAutoFit.current = getViewport();
      });
    }, 60);
    return () => clearTimeout(handle);
  }, [journeyFocus, structure, canvasWidth, canvasHeight, fitView, getViewport, setViewport]);

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      onNodesChange={onNodesChange}
      nodeTypes={nodeTypes}
      fitView
      fitViewOptions={FIT_VIEW_OPTIONS}
      minZoom={0.1}
      maxZoom={2}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      // The boxes' own buttons take the keyboard; React Flow's focusable wrappers and edges were invisible tab stops.
      nodesFocusable={false}
      edgesFocusable={false}
      onPaneClick={() => select(undefined)}
      ariaLabelConfig={ariaLabels}

      aria-label={t('canvas.label')}
    >
      <Background gap={24} size={1} color="#d5dbe5" />
      <MiniMap pannable zoomable nodeColor={minimapColor} maskColor="rgba(240,243,248,0.7)" />
      <Controls
        showInteractive={false}
        onFitView={() => {
          lastAutoFit.current = undefined;
        }}
      />
      <SystemPodsToggle />
    </ReactFlow>
  );
}

/** The live cluster diagram. */
export function ClusterCanvas() {
  return (
    <div className="canvas" data-testid="cluster-canvas">
      <ReactFlowProvider>
        <CanvasInner />
      </ReactFlowProvider>
      <DeploymentMenuResult />
    </div>
  );
}
