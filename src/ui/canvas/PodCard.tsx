import { Handle, Position } from '@xyflow/react';
import { memo } from 'react';
import { useLit } from '../../store/cueStore';
import { podTarget } from '../../store/cueFlashes';
import { sameRef, useUiStore } from '../../store/uiStore';
import type { PodObject } from '../../store/selectors';
import { containerTone, podDisplay } from './podStatus';
import { containerDown } from '../faults/catalogue';
import { openFaultMenu } from '../faults/FaultContextMenu';
import { useFaultMarks } from '../faults/useFaultMarks';

/**
 * The short name a card shows: `web-f868cd74-vb7st` → `web…vb7st`. A Deployment's pods differ only
 * in their generated suffixes, so the owner's first word and the pod's own suffix are what tell them apart.
 */
export function shortPodName(name: string): string {
  if (name.length <= 12) return name;
  const parts = name.split('-');
  if (parts.length >= 3) return `${parts[0]!.slice(0, 8)}…${parts[parts.length - 1]!}`;
  return `${name.slice(0, 5)}…${name.slice(-6)}`;
}

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
  const faults = useFaultMarks().pods.get(`${ns}/${name}`);
  return (
    <button
      type="button"
      className={`pod-card tone-${display.tone}${lit ? ' is-lit' : ''}${selected ? ' is-selected' : ''}${faults ? ' has-fault' : ''}`}
      data-faults={faults?.join(' ')}
      onContextMenu={(e) => openFaultMenu(e, { kind: 'Pod', namespace: ns, name })}
      aria-label={`Pod ${name}: ${display.status}`}
      aria-pressed={selected}
      title={`${ns}/${name}\n${display.status} · ${display.ready} ready · ${display.restarts} restarts`}
      onClick={(e) => {
        e.stopPropagation();
        select(ref);
      }}
    >
      {withHandle ? <Handle type="target" id={`pod:${ns}/${name}`} position={Position.Bottom} className="pod-handle" isConnectable={false} /> : null}
      <span className="pod-name">{shortPodName(name)}</span>
      <span className="pod-status">
        {display.status}
        {display.restarts > 0 ? <span className="pod-restarts"> ↻{display.restarts}</span> : null}
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
