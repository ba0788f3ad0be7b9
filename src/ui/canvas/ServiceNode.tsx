import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useClusterStore } from '../../store/clusterStore';
import { serviceTarget } from '../../store/cueFlashes';
import { useLit } from '../../store/cueStore';
import { kindOf, readyEndpoints, type ServiceObject } from '../../store/selectors';
import { sameRef, useUiStore } from '../../store/uiStore';
import type { FlowNode } from './graph';

/** A Service: its type, ClusterIP and port; edges go to its ready endpoints. */
export const ServiceNode = memo(function ServiceNode({ data }: NodeProps<FlowNode>) {
  const { t } = useTranslation();
  const key = data.name;
  const slash = key.indexOf('/');
  const ns = key.slice(0, slash);
  const name = key.slice(slash + 1);
  const svc = useClusterStore((s) => kindOf(s.objects, 'Service')[key] as ServiceObject | undefined);
  const endpoints = useClusterStore((s) => readyEndpoints(s.objects).get(key)?.length ?? 0);
  const lit = useLit(serviceTarget(ns, name));
  const ref = { kind: 'Service', namespace: ns, name };
  const selected = useUiStore((s) => sameRef(s.selection, ref));
  const select = useUiStore((s) => s.select);
  const port = svc?.spec?.ports?.[0];
  return (
    <section className={`flow-box service-node${lit ? ' is-lit' : ''}${selected ? ' is-selected' : ''}`} aria-label={`Service ${name}`}>
      <button type="button" className="box-header" onClick={() => select(ref)}>
        <span className="box-kind">{t('canvas.service')}</span>
        <span className="box-title">{name}</span>
      </button>
      <div className="box-body">
        <div className="mono">
          {svc?.spec?.type ?? 'ClusterIP'} {svc?.spec?.clusterIP ?? ''}
          {port ? `:${port.port}` : ''}
        </div>
        <div className="muted">{t('canvas.endpoints', { count: endpoints })}</div>
      </div>
      <Handle type="source" position={Position.Top} className="box-handle" isConnectable={false} />
    </section>
  );
});
