import type { Pod } from 'kubernetes-types/core/v1';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { loadExplanations } from './loadExplanations';
import type { SchedulingDiagnosis } from '../../engine/scheduler/diagnosis';
import { useFaultStore } from '../../store/faultStore';
import { MessageText } from './ComponentExplainer';
import { pendingReason } from './pendingReason';

/** The headline of a Pending pod's inspector: why it has no node, or what it waits for on its node. */
export function PendingReasonView({ pod, diagnosis }: { pod: Pod; diagnosis: SchedulingDiagnosis | null | undefined }) {
  const { t } = useTranslation();
  const schedulerRunning = useFaultStore((s) => s.status.components.find((c) => c.name === 'kube-scheduler')?.running ?? true);
  const reason = pendingReason(pod, { schedulerRunning, diagnosis });
  useEffect(() => void loadExplanations(), []);
  if (!reason) return null;
  return (
    <section className="pending-reason" data-testid="pending-reason" role="status">
      <h3>{t('explain.pending.title')}</h3>
      <p>
        <MessageText message={reason.summary} />
      </p>
      {reason.details.length > 0 ? (
        <ul>
          {reason.details.map((m, i) => (
            <li key={i}>
              <MessageText message={m} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
