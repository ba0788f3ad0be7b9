/**
 * What every concept node shares: a titled box with its kind, its health as an icon and a word (never
 * colour alone), its facts, its bar, and a flash when the model says something just happened (`pulse`).
 * The per-kind components (one per ConceptNodeKind) choose an icon and a style and may add a detail.
 */
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConceptHealth, ConceptNode } from '../../../engine/concepts/types';
import { useConceptText } from '../useConceptText';

export interface ConceptNodeData extends Record<string, unknown> {
  node: ConceptNode;
  scenario: string;
  /** A base layer (kernel, hypervisor, guest OS) drawn as a bar across its parent. */
  base: boolean;
  /** Whether it holds other nodes (its body is then the room they sit in). */
  hasChildren: boolean;
}

export type ConceptFlowNode = Node<ConceptNodeData>;

export const HEALTH_ICON: Record<ConceptHealth, string> = {
  ok: '✓',
  busy: '⚡',
  warning: '▲',
  failed: '✕',
  idle: '○',
  pending: '◌',
};

function formatFact(value: string | number | boolean, on: string, off: string): string {
  if (typeof value === 'boolean') return value ? on : off;
  return String(value);
}

export function ConceptBox({ data, icon, className, children }: { data: ConceptNodeData; icon: string; className: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const text = useConceptText(data.scenario);
  const { node } = data;
  const health = node.health;
  const facts = Object.entries(node.facts ?? {}).slice(0, 4);
  const title = text.label(node.label);
  const kind = t(`concepts.kinds.${node.kind}`);
  const bar = node.bar;
  const over = bar ? bar.used > bar.limit : false;
  const classes = ['concept-node', className, health ? `health-${health}` : '', data.base ? 'is-base' : '', data.hasChildren ? 'has-children' : '', node.pulse ? 'is-pulsing' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <section className={classes} aria-label={`${kind}: ${title}${health ? ` (${t(`concepts.health.${health}`)})` : ''}`} data-kind={node.kind} data-health={health ?? ''}>
      <Handle type="target" position={Position.Left} className="concept-handle" isConnectable={false} />
      <header className="concept-head">
        <span className="concept-icon" aria-hidden="true">
          {icon}
        </span>
        <span className="concept-title">{title}</span>
        {health ? (
          <span className={`concept-health health-${health}`} title={t(`concepts.health.${health}`)}>
            <span aria-hidden="true">{HEALTH_ICON[health]}</span>
            {health === 'ok' ? null : <span className="concept-health-word">{t(`concepts.health.${health}`)}</span>}
          </span>
        ) : null}
        {node.pulse ? (
          <span key={node.pulse} className={`concept-pulse pulse-${node.pulse}`}>
            {text.pulse(node.pulse)}
          </span>
        ) : null}
      </header>
      {facts.length > 0 ? (
        <dl className="concept-facts">
          {facts.map(([k, v]) => (
            <div key={k} className="concept-fact">
              <dt>{text.fact(k)}</dt>
              <dd>{formatFact(v, t('concepts.on'), t('concepts.off'))}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {bar ? (
        <div className={`concept-bar${over ? ' is-over' : ''}`} role="meter" aria-valuemin={0} aria-valuemax={bar.limit} aria-valuenow={Math.min(bar.used, bar.limit)} aria-label={title}>
          <span className="concept-bar-fill" style={{ width: `${Math.min(100, bar.limit > 0 ? (100 * bar.used) / bar.limit : 0)}%` }} />
          <span className="concept-bar-text">
            {bar.used} / {bar.limit} {bar.unit}
          </span>
        </div>
      ) : null}
      {children}
      <Handle type="source" position={Position.Right} className="concept-handle" isConnectable={false} />
    </section>
  );
}

export type ConceptNodeProps = NodeProps<ConceptFlowNode>;
