/**
 * The open scenario's diagram on a React Flow canvas: nodes nested as the model's `parent` says (sizes and
 * places from conceptLayout), edges animated while active. The view is re-fitted when the picture's shape
 * changes (nodes come or go, the page is resized), not on every tick.
 */
import { Background, Controls, ReactFlow, ReactFlowProvider, useReactFlow, type Edge } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConceptView } from '../../engine/concepts/types';
import { layoutConcept } from './conceptLayout';
import type { ConceptFlowNode } from './nodes/ConceptBox';
import { conceptNodeTypes } from './nodes/conceptNodeTypes';
import { useConceptText } from './useConceptText';

const FIT = { padding: 0.04, duration: 200 } as const;

/**
 * React Flow nodes for a view. A node whose content and place did not change keeps its previous object
 * (`previous`), so React Flow and the memoised node components skip it: a tick re-renders what moved.
 */
export function conceptFlowNodes(view: ConceptView, previous?: Map<string, { key: string; node: ConceptFlowNode }>): ConceptFlowNode[] {
  const parents = new Set(view.nodes.map((n) => n.parent).filter((p): p is string => p !== undefined));
  return layoutConcept(view.nodes).map((p) => {
    const key = JSON.stringify([p.node, p.x, p.y, p.width, p.height, p.base, view.id]);
    const kept = previous?.get(p.node.id);
    if (kept && kept.key === key) return kept.node;
    const node = flowNode(view, p, parents);
    previous?.set(p.node.id, { key, node });
    return node;
  });
}

function flowNode(view: ConceptView, p: ReturnType<typeof layoutConcept>[number], parents: Set<string>): ConceptFlowNode {
  return {
    id: p.node.id,
    type: p.node.kind,
    position: { x: p.x, y: p.y },
    ...(p.node.parent && view.nodes.some((n) => n.id === p.node.parent) ? { parentId: p.node.parent, extent: 'parent' as const } : {}),
    data: { node: p.node, scenario: view.id, base: p.base, hasChildren: parents.has(p.node.id) },
    style: { width: p.width, height: p.height },
    width: p.width,
    height: p.height,
    draggable: false,
    selectable: false,
    connectable: false,
  };
}

function CanvasInner({ view }: { view: ConceptView }) {
  const { t } = useTranslation();
  const text = useConceptText(view.id);
  const { fitView } = useReactFlow();
  const cache = useRef(new Map<string, { key: string; node: ConceptFlowNode }>());
  const nodes = useMemo(() => conceptFlowNodes(view, cache.current), [view]);
  const edges = useMemo<Edge[]>(
    () =>
      view.edges.map((e) => ({
        id: e.id,
        source: e.from,
        target: e.to,
        animated: e.active ?? false,
        className: `concept-edge edge-${e.kind}${e.active ? ' is-active' : ''}`,
        zIndex: 1000,
        ...(e.label ? { label: text.label(e.label) } : {}),
      })),
    [view.edges, text],
  );
  const shape = nodes.map((n) => `${n.id}:${String(n.width)}x${String(n.height)}`).join('|');
  useEffect(() => {
    const handle = setTimeout(() => void fitView(FIT), 50);
    return () => clearTimeout(handle);
  }, [shape, fitView]);
  useEffect(() => {
    const refit = () => void fitView(FIT);
    window.addEventListener('resize', refit);
    return () => window.removeEventListener('resize', refit);
  }, [fitView]);
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={conceptNodeTypes}
      fitView
      fitViewOptions={FIT}
      minZoom={0.1}
      maxZoom={1.5}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      aria-label={t('concepts.canvas')}
    >
      <Background gap={24} size={1} color="#d5dbe5" />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}

export function ConceptCanvas({ view }: { view: ConceptView }) {
  return (
    <div className="concept-canvas" data-testid="concept-canvas">
      <ReactFlowProvider>
        <CanvasInner view={view} />
      </ReactFlowProvider>
    </div>
  );
}
