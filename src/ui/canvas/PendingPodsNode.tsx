import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { useClusterStore } from '../../store/clusterStore';
import { kindOf, visibleUnscheduledSummary } from '../../store/selectors';
import { useUiStore } from '../../store/uiStore';
import { MAX_PENDING_CARDS } from './layout';
import { PodCard } from './PodCard';

/** Pods no node has yet: the scheduler's queue, visible so "why Pending" has a place on the canvas. */
export const PendingPodsNode = memo(function PendingPodsNode() {
  const { t } = useTranslation();
  const showSystem = useUiStore((s) => s.showSystemPods);
  const { count, first } = useClusterStore((s) => visibleUnscheduledSummary(kindOf(s.objects, 'Pod'), showSystem));
  return (
    <section className="flow-box pending-node" aria-label={t('canvas.pending')}>
      <div className="box-header static">
        <span className="box-kind">{t('canvas.pending')}</span>
        <span className="box-title">{t('canvas.pods', { count })}</span>
      </div>
      <div className="pod-area">
        {first.slice(0, MAX_PENDING_CARDS).map((p) => (
          <PodCard key={p.metadata.uid ?? p.metadata.name} pod={p} withHandle={false} />
        ))}
      </div>
      {count > MAX_PENDING_CARDS ? <p className="pending-more">{t('canvasScale.morePending', { count: count - MAX_PENDING_CARDS })}</p> : null}
    </section>
  );
});
