import { useTranslation } from 'react-i18next';
import { useLit } from '../../store/cueStore';
import { sameRef, useUiStore } from '../../store/uiStore';
import { componentName, type ComponentId } from '../explain/componentExplanations';

interface Props {
  /** Flash target id (see store/cueFlashes). */
  target: string;
  /** The component it stands for: clicking it explains it in the inspector. */
  component: ComponentId;
  label: string;
  detail?: string | undefined;
  stopped?: boolean;
  stoppedLabel?: string;
  onContextMenu?: (e: React.MouseEvent) => void;
}

/** The hover text of a component: what it is (the inspector, on click, adds what it is doing now). */
export function useComponentHover(component: ComponentId): string {
  const { t } = useTranslation();
  const key = component.part === 'controller' ? `explain.what.controllers.${component.controller.replace(/-controller$/, '')}` : `explain.what.${component.part}`;
  const params = 'node' in component ? { node: component.node } : {};
  return `${t(key, { ...params, defaultValue: '' })}\n\n${t('explain.hoverHint')}`.trim();
}

/** One component inside a node box (kube-apiserver, kubelet ...): lights up while its cue is fresh. */
export function ComponentRow({ target, component, label, detail, stopped, stoppedLabel, onContextMenu }: Props) {
  const lit = useLit(target);
  const ref = { kind: 'Component', name: componentName(component) };
  const selected = useUiStore((s) => sameRef(s.selection, ref));
  const hover = useComponentHover(component);
  const state = stopped ? stoppedLabel : lit?.caption ?? detail;
  return (
    <button
      type="button"
      className={`component-row${lit ? ' is-lit' : ''}${stopped ? ' is-stopped' : ''}${selected ? ' is-selected' : ''}`}
      data-target={target}
      onContextMenu={onContextMenu}
      title={hover}
      aria-label={state ? `${label}: ${state}` : label}
      aria-pressed={selected}
      onClick={(e) => {
        e.stopPropagation();
        useUiStore.getState().select(ref);
      }}
    >
      <span className="component-dot" aria-hidden="true" />
      <span className="component-name">{label}</span>
      {stopped ? <span className="component-caption">{stoppedLabel}</span> : null}
      {!stopped && lit?.caption ? <span className="component-caption">{lit.caption}</span> : null}
      {!stopped && !lit?.caption && detail ? <span className="component-detail">{detail}</span> : null}
    </button>
  );
}
