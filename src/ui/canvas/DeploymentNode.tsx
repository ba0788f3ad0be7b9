import type { NodeProps } from '@xyflow/react';
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { formatHpaMetrics } from '../../engine/kubectl/printers/workloads';
import type { KubeObject } from '../../engine/objects';
import { useClusterStore } from '../../store/clusterStore';
import type { ObjectsOfKind } from '../../store/mirror';
import { kindOf } from '../../store/selectors';
import { sameRef, useUiStore } from '../../store/uiStore';
import type { FlowNode } from './graph';
import { openDeploymentMenu } from '../deployment/DeploymentMenu';

type DeploymentObject = Deployment & KubeObject;
type HpaObject = HorizontalPodAutoscaler & KubeObject;

/** The HPA scaling this Deployment, as `name|targets|min|max` (one string, so pod churn does not re-render). */
function hpaSummary(objects: ObjectsOfKind, namespace: string, deployment: string): string | undefined {
  for (const o of Object.values(objects)) {
    const h = o as HpaObject;
    const ref = h.spec?.scaleTargetRef;
    if (h.metadata.namespace !== namespace || ref?.kind !== 'Deployment' || ref.name !== deployment) continue;
    return [h.metadata.name, formatHpaMetrics(h.spec?.metrics, h.status?.currentMetrics), h.spec?.minReplicas ?? 1, h.spec?.maxReplicas].join('|');
  }
  return undefined;
}

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
  const hpa = useClusterStore((s) => hpaSummary(kindOf(s.objects, 'HorizontalPodAutoscaler'), ns, name));
  const [hpaName, targets, min, max] = hpa ? hpa.split('|') : [];
  return (
    <section
      className={`flow-box deployment-node${selected ? ' is-selected' : ''}${ready < desired ? ' is-progressing' : ''}`}
      aria-label={`Deployment ${name}`}
      onContextMenu={(e) => openDeploymentMenu(e, ns, name)}
    >
      <div className="box-header-row">
        <button type="button" className="box-header" onClick={() => select(ref)}>
          <span className="box-kind">{t('canvas.deployment')}</span>
          <span className="box-title">{name}</span>
        </button>
        <button type="button" className="box-menu-button" aria-haspopup="menu" aria-label={t('deploymentMenu.label', { name })} title={t('deploymentMenu.open')} onClick={(e) => openDeploymentMenu(e, ns, name)}>
          ⋯
        </button>
      </div>
      <div className="box-body">
        <div className="replica-meter" aria-hidden="true">
          {Array.from({ length: Math.min(desired, 20) }, (_, i) => (
            <span key={i} className={i < ready ? 'replica on' : 'replica'} />
          ))}
        </div>
        <div>{t('canvas.replicas', { ready, desired })}</div>
        {image ? <div className="mono muted">{image}</div> : null}
        {hpaName ? (
          <button type="button" className="hpa-badge" onClick={() => select({ kind: 'HorizontalPodAutoscaler', namespace: ns, name: hpaName })}>
            {t('canvas.hpa', { targets, min, max })}
          </button>
        ) : null}
      </div>
    </section>
  );
});
