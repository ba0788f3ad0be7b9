/** What happened in the scenario, newest first, in the scenario's own time. */
import { useTranslation } from 'react-i18next';
import type { ConceptView } from '../../engine/concepts/types';
import { useConceptText } from './useConceptText';

const SHOWN = 12;

export function formatScenarioTime(ms: number): string {
  const s = Math.floor(ms / 1000);
  const m = Math.floor(s / 60);
  return `${String(m).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.${Math.floor((ms % 1000) / 100)}`;
}

export function ScenarioLog({ view }: { view: ConceptView }) {
  const { t } = useTranslation();
  const text = useConceptText(view.id);
  const lines = view.log.slice(-SHOWN).reverse();
  const laneLabel = (lane: string) => {
    const node = view.nodes.find((n) => n.kind === 'lane' && (n.id === `lane:${lane}` || n.id === lane));
    return node ? text.label(node.label) : lane;
  };
  return (
    <section className="scenario-log" aria-label={t('concepts.log')}>
      <h3>{t('concepts.log')}</h3>
      {lines.length === 0 ? <p className="muted">{t('concepts.noLog')}</p> : null}
      <ol>
        {lines.map((line, i) => (
          <li key={`${line.atMs}-${view.log.length - i}`}>
            <span className="log-time">{formatScenarioTime(line.atMs)}</span>
            {line.lane ? <span className="log-lane">{laneLabel(line.lane)}</span> : null}
            <span className="log-text">{text.logLine(line)}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
