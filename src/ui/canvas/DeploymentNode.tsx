import type { NodeProps } from '@xyflow/react';
import type { Deployment } from 'kubernetes-types/apps/v1';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { KubeObject } from '../../engine/objects';
import { useClusterStore } from '../../store/clusterStore';
import { kindOf } from '../../store/selectors';
import { sameRef, useUiStore } from '../../store/uiStore';
import type { FlowNode } from './graph';

type DeploymentObject = Deployment & KubeObject;

/** A Deployment: desired vs ready replicas, the numbers its controller works to make equal. */
export const DeploymentNode = memo(function DeploymentNode({ data }: NodeProps<FlowNode>) {
  const { t } = useTranslation();
  const key = data.name;
  const slash = key.indexOf('/');
  const ns = key.slice(0, slash);
  const name = key.slice(slash + 1);
  const d = useClusterStore((s) => kindOf(s.objects, 'Deployment')[key] as DeploymentObject | undefined);
  const ref = { kind: 'Deployment', namespace: ns, name };
  const selected = useUiStore((s) => sameRef(s.selection, ref));
  const select = useUiStore((s) => s.select);
  const desired = d?.spec?.replicas ?? 1;
  const ready = d?.status?.readyReplicas ?? 0;
  const image = d?.spec?.template?.spec?.containers?.[0]?.image;
  return (
    <section className={`flow-box deployment-node${selected ? ' is-selected' : ''}${ready < desired ? ' is-progressing' : ''}`} aria-label={`Deployment ${name}`}>
      <button type="button" className="box-header" onClick={() => select(ref)}>
        <span className="box-kind">{t('canvas.deployment')}</span>
        <span className="box-title">{name}</span>
      </button>
      <div className="box-body">
        <div className="replica-meter" aria-hidden="true">
          {Array.from({ length: Math.min(desired, 20) }, (_, i) => (
            <span key={i} className={i < ready ? 'replica on' : 'replica'} />
          ))}
        </div>
        <div>{t('canvas.replicas', { ready, desired })}</div>
        {image ? <div className="mono muted">{image}</div> : null}
      </div>
    </section>
  );
});
