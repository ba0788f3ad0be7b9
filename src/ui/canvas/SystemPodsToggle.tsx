import { Panel } from '@xyflow/react';
import { useTranslation } from 'react-i18next';
import { useClusterStore } from '../../store/clusterStore';
import { isSystemObject, kindOf } from '../../store/selectors';
import { useUiStore } from '../../store/uiStore';

function selectSystemPodCount(s: { objects: Parameters<typeof kindOf>[0] }): number {
  let n = 0;
  for (const p of Object.values(kindOf(s.objects, 'Pod'))) if (isSystemObject(p)) n++;
  return n;
}

/**
 * Shows or hides the cluster's own pods (kube-system: the control plane's static pods, kube-proxy,
 * CoreDNS). Hidden at first so a beginner's first scene is their own workload; one click shows that
 * the control plane itself runs as pods.
 */
export function SystemPodsToggle() {
  const { t } = useTranslation();
  const show = useUiStore((s) => s.showSystemPods);
  const toggle = useUiStore((s) => s.toggleSystemPods);
  const count = useClusterStore(selectSystemPodCount);
  return (
    <Panel position="top-right" className="system-pods-toggle">
      <label title={t('canvas.systemPodsHint')}>
        <input type="checkbox" checked={show} onChange={(e) => toggle(e.target.checked)} />
        <span>{t('canvas.systemPods', { count })}</span>
      </label>
    </Panel>
  );
}
