import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useClusterStore } from '../../store/clusterStore';
import { kindOf, unscheduledPods } from '../../store/selectors';
import { PodCard } from './PodCard';

/** Pods no node has yet: the scheduler's queue, visible so "why Pending" has a place on the canvas. */
export const PendingPodsNode = memo(function PendingPodsNode() {
  const { t } = useTranslation();
  const pods = useClusterStore((s) => unscheduledPods(kindOf(s.objects, 'Pod')));
  return (
    <section className="flow-box pending-node" aria-label={t('canvas.pending')}>
      <div className="box-header static">
        <span className="box-kind">{t('canvas.pending')}</span>
        <span className="box-title">{t('canvas.pods', { count: pods.length })}</span>
      </div>
      <div className="pod-area">
        {pods.map((p) => (
          <PodCard key={p.metadata.uid ?? p.metadata.name} pod={p} withHandle={false} />
        ))}
      </div>
    </section>
  );
});
