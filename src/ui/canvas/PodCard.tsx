import { Handle, Position } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLit } from '../../store/cueStore';
import { podTarget } from '../../store/cueFlashes';
import { sameRef, useUiStore } from '../../store/uiStore';
import { isSystemObject, type PodObject } from '../../store/selectors';
import { cardPodName } from './podNames';
import { containerTone, podDisplay, type PodTone } from './podStatus';
import { containerDown, staleStaticPod } from '../faults/catalogue';
import { openFaultMenu } from '../faults/FaultContextMenu';
import { useFaultMarks } from '../faults/useFaultMarks';

/**
 * A shape per state, so the state reads without colour (colour-blind students, a washed-out projector):
 * the status text says it in words too.
 */
export const TONE_ICON: Record<PodTone, string> = {
  ready: '✓',
  unready: '◐',
  pending: '○',
  failed: '✕',
  succeeded: '■',
  terminating: '⊘',
  unknown: '?',
};

/** A pod drawn inside its node: colour by phase/readiness, one badge per container. */
export const PodCard = memo(function PodCard({ pod, withHandle = true }: { pod: PodObject; withHandle?: boolean }) {
  const ns = pod.metadata.namespace ?? 'default';
  const name = pod.metadata.name ?? '';
  const display = podDisplay(pod);
  const lit = useLit(podTarget(ns, name));
  const ref = { kind: 'Pod', namespace: ns, name };
  const selected = useUiStore((s) => sameRef(s.selection, ref));
  const select = useUiStore((s) => s.select);
  const statuses = new Map((pod.status?.containerStatuses ?? []).map((c) => [c.name, c]));
  const { t } = useTranslation();
  const marks = useFaultMarks();
  const faults = marks.pods.get(`${ns}/${name}`);
  const system = isSystemObject(pod);
  // The process is down but the API server, down too, still holds the mirror pod's last status.
  const stale = staleStaticPod(pod, marks.stoppedComponents);
  const statusText = stale ? t('faults.badges.staleStatic') : display.status;
  return (
    <button
      type="button"
      className={`pod-card tone-${display.tone}${lit ? ' is-lit' : ''}${selected ? ' is-selected' : ''}${faults ? ' has-fault' : ''}${system ? ' is-system' : ''}${stale ? ' is-stale' : ''}`}
      data-faults={faults?.join(' ')}
      data-target={podTarget(ns, name)}
      onContextMenu={(e) => openFaultMenu(e, { kind: 'Pod', namespace: ns, name })}
      aria-label={`Pod ${name}: ${statusText}`}
      aria-pressed={selected}
      title={stale ? `${ns}/${name}\n${t('faults.badges.staleStaticHint')}` : `${ns}/${name}\n${display.status} · ${display.ready} ready · ${display.restarts} restarts`}
      onClick={(e) => {
        e.stopPropagation();
        select(ref);
      }}
    >
      {withHandle ? <Handle type="target" id={`pod:${ns}/${name}`} position={Position.Bottom} className="pod-handle" isConnectable={false} /> : null}
      <span className="pod-name">
        <span className="pod-icon" aria-hidden="true">{stale ? '?' : TONE_ICON[display.tone]}</span>
        {cardPodName(pod)}
      </span>
      <span className="pod-status">
        {stale ? t('faults.badges.staleStaticShort') : display.status}
        {!stale && display.restarts > 0 ? <span className="pod-restarts"> ↻{display.restarts}</span> : null}
      </span>
      <span className="pod-containers" aria-hidden="true">
        {(pod.spec?.containers ?? []).map((c) => (
          <span
            key={c.name}
            className={`container-badge ctone-${containerTone(statuses.get(c.name))}${containerDown(statuses.get(c.name)) ? ' is-down' : ''}`}
            title={`${c.name} (${c.image ?? ''})`}
          />
        ))}
      </span>
    </button>
  );
});
