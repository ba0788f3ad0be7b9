import { useTranslation } from 'react-i18next';
import type { SchedulingDiagnosis } from '../../engine/scheduler/diagnosis';
import { translateEngineMessage } from '../explain/engineMessages';

/** The scheduler's last attempt for a pod: which nodes the filters rejected and why, and the scores. */
export function SchedulingView({ diagnosis }: { diagnosis: SchedulingDiagnosis | null | undefined }) {
  const { t, i18n } = useTranslation();
  if (!diagnosis) return <p className="muted">{t('inspector.explainUnavailable')}</p>;
  const scheduled = diagnosis.result === 'Scheduled';
  return (
    <div className="scheduling">
      <h4>{scheduled ? t('inspector.whyNode') : t('inspector.whyPending')}</h4>
      <p>
        <strong>{diagnosis.result}</strong>
        {diagnosis.node ? <> → <span className="mono">{diagnosis.node}</span></> : null} · {diagnosis.feasibleNodes}/{diagnosis.numAllNodes} feasible ·{' '}
        {diagnosis.attempts} attempt{diagnosis.attempts === 1 ? '' : 's'}
      </p>
      {diagnosis.message ? <p className="mono small" title={diagnosis.message}>{translateEngineMessage(diagnosis.message, i18n.language)}</p> : null}
      <table className="kv-table">
        <thead>
          <tr>
            <th>{t('inspector.node')}</th>
            <th>{t('inspector.filter')}</th>
            <th>{t('inspector.score')}</th>
          </tr>
        </thead>
        <tbody>
          {diagnosis.scores.map((s) => (
            <tr key={s.node} className={s.node === diagnosis.node ? 'is-chosen' : undefined}>
              <td className="mono">{s.node}</td>
              <td className="ok">{t('inspector.passed')}</td>
              <td title={Object.entries(s.plugins).map(([p, v]) => `${p}: ${v.score} × ${v.weight}`).join('\n')}>{s.total}</td>
            </tr>
          ))}
          {diagnosis.filters.map((f) => (
            <tr key={f.node} className="is-rejected">
              <td className="mono">{f.node}</td>
              <td className="bad">
                {t('inspector.failed')}: {f.plugin}
                <div className="small">{f.reasons.join('; ')}</div>
              </td>
              <td>—</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
