import './faults.css';
import { useTranslation } from 'react-i18next';
import { useFaultStore } from '../../store/faultStore';
import { formatVirtualTime } from '../shell/formatClock';
import { undoFor } from './catalogue';
import { FaultForm } from './FaultForm';
import { outcomeText } from './resultText';
import { sendFault } from './sendFault';
import { ChaosControl } from './ChaosControl';

/**
 * The instructor's failure panel, docked beside the canvas (which re-fits to the room left): pick a
 * fault, its target and options, inject it, read what happened, and heal what is in effect.
 */
export function FailurePanel() {
  const { t } = useTranslation();
  const open = useFaultStore((s) => s.panelOpen);
  const toggle = useFaultStore((s) => s.togglePanel);
  const active = useFaultStore((s) => s.status.active);
  const outcome = useFaultStore((s) => s.lastOutcome);
  if (!open) return null;
  const text = outcome ? outcomeText(t, outcome) : '';
  return (
    <aside className="failure-panel" aria-label={t('faults.title')} data-testid="failure-panel">
      <header className="failure-panel-header">
        <h2>{t('faults.title')}</h2>
        <button type="button" className="btn btn-quiet" onClick={() => toggle(false)}>
          {t('faults.close')}
        </button>
      </header>
      <div className="failure-panel-body">
        <FaultForm />
        {outcome ? (
          <p className={`failure-outcome ${outcome.ok ? 'is-ok' : 'is-error'}`} role={outcome.ok ? 'status' : 'alert'} data-testid="fault-outcome">
            {outcome.atMs ? <span className="failure-outcome-time">{formatVirtualTime(outcome.atMs)}</span> : null}
            {outcome.ok ? text : t('faults.failed', { error: text })}
          </p>
        ) : null}
        <section className="failure-active" aria-label={t('faults.active')}>
          <h3>
            {t('faults.active')}
            {active.length > 0 ? <span className="failure-count">{active.length}</span> : null}
          </h3>
          {active.length === 0 ? <p className="empty-note">{t('faults.noActive')}</p> : null}
          <ul>
            {active.map((f) => {
              const undo = undoFor(f);
              return (
                <li key={`${f.fault}|${f.target}`} className="active-fault">
                  <span className="active-fault-name">{t(`faults.names.${f.fault}`)}</span>
                  <code className="active-fault-target">{f.target}</code>
                  <span className="active-fault-since">{t('faults.since', { time: formatVirtualTime(f.sinceMs) })}</span>
                  {undo ? (
                    <button type="button" className="btn active-fault-undo" onClick={() => void sendFault(undo)} aria-label={`${t(`faults.names.${undo.fault}`)} ${f.target}`}>
                      {t(`faults.names.${undo.fault}`)}
                    </button>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </section>
        <ChaosControl />
      </div>
    </aside>
  );
}
