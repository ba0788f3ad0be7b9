import { useTranslation } from 'react-i18next';
import { useClusterStore } from '../../store/clusterStore';
import { kindOf, visibleUnscheduledSummary } from '../../store/selectors';
import { useUiStore } from '../../store/uiStore';
import { PodCard } from '../canvas/PodCard';

/** Cards the big view's queue shows; the rest are counted, so the box stays a few rows tall. */
export const BIG_PENDING_CARDS = 6;

/** The scheduler's queue over the big map: a few cards and a count, never a column taller than the screen. */
export function BigPendingBox() {
  const { t } = useTranslation();
  const showSystem = useUiStore((s) => s.showSystemPods);
  const { count, first } = useClusterStore((s) => visibleUnscheduledSummary(kindOf(s.objects, 'Pod'), showSystem));
  if (count === 0) return null;
  return (
    <section className="big-pending" aria-label={t('bigCluster.pending')}>
      <h2>
        {t('bigCluster.pending')} <span className="muted">{count.toLocaleString()}</span>
      </h2>
      <div className="big-pending-pods">
        {first.slice(0, BIG_PENDING_CARDS).map((p) => (
          <PodCard key={p.metadata.uid ?? p.metadata.name} pod={p} withHandle={false} />
        ))}
      </div>
      {count > BIG_PENDING_CARDS ? <p className="pending-more">{t('canvasScale.morePending', { count: count - BIG_PENDING_CARDS })}</p> : null}
    </section>
  );
}
