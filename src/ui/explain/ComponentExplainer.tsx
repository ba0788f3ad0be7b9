import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { loadExplanations } from './loadExplanations';
import type { ComponentId } from './componentExplanations';
import type { MessageRef } from './pendingReason';
import { useComponentExplanation } from './useComponentExplanation';

export function MessageText({ message }: { message: MessageRef }) {
  const { t } = useTranslation();
  return <>{t(`explain.${message.key}`, message.params)}</>;
}

/** What a component is and what it is doing now: the inspector's view of a component (and of its pod). */
export function ComponentExplainer({ id }: { id: ComponentId }) {
  const { t } = useTranslation();
  const e = useComponentExplanation(id);
  useEffect(() => void loadExplanations(), []);
  return (
    <div className="component-explainer" data-testid="component-explanation" data-state={e.state}>
      <p className={`run-state run-state-${e.state}`}>
        <span className="run-state-icon" aria-hidden="true">{e.state === 'running' ? '●' : e.state === 'stopped' ? '■' : '▲'}</span> {t(`explain.state.${e.state}`)}
      </p>
      <h3>{t('explain.whatIs')}</h3>
      <p className="explain-what">
        <MessageText message={e.what} />
      </p>
      <h3>{t('explain.rightNow')}</h3>
      <ul className="explain-now" aria-live="polite">
        {e.now.map((m, i) => (
          <li key={`${m.key}-${i}`}>
            <MessageText message={m} />
          </li>
        ))}
      </ul>
    </div>
  );
}
