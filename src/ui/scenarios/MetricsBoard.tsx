/**
 * The model's numbers, big: one column per lane (in the lanes' order on the canvas), one row per number;
 * numbers that belong to no lane stand above as chips. `good`/`bad` tones add a mark as well as a colour.
 */
import { useTranslation } from 'react-i18next';
import type { ConceptMetric, ConceptView } from '../../engine/concepts/types';
import { useConceptText } from './useConceptText';

const TONE_MARK = { good: '✓', bad: '!', neutral: '' } as const;

function MetricValue({ metric }: { metric: ConceptMetric }) {
  const tone = metric.tone ?? 'neutral';
  return (
    <span className={`metric-value tone-${tone}`} data-metric={metric.id} data-lane={metric.lane ?? ''} data-value={String(metric.value)}>
      {metric.value}
      {metric.unit ? <span className="metric-unit">{metric.unit === '%' ? '%' : ` ${metric.unit}`}</span> : null}
      {TONE_MARK[tone] ? (
        <span className="metric-mark" aria-hidden="true">
          {TONE_MARK[tone]}
        </span>
      ) : null}
    </span>
  );
}

export function MetricsBoard({ view }: { view: ConceptView }) {
  const { t } = useTranslation();
  const text = useConceptText(view.id);
  const laneNodes = view.nodes.filter((n) => n.kind === 'lane');
  const laneIds = [...new Set(view.metrics.filter((m) => m.lane !== undefined).map((m) => m.lane!))];
  const ordered = [...laneIds].sort((a, b) => laneIndex(a) - laneIndex(b));
  function laneIndex(lane: string): number {
    const i = laneNodes.findIndex((n) => n.id === `lane:${lane}` || n.id === lane);
    return i < 0 ? laneNodes.length : i;
  }
  const laneLabel = (lane: string) => {
    const node = laneNodes.find((n) => n.id === `lane:${lane}` || n.id === lane);
    return node ? text.label(node.label) : lane;
  };
  const rows = [...new Set(view.metrics.filter((m) => m.lane !== undefined).map((m) => m.id))];
  const global = view.metrics.filter((m) => m.lane === undefined);
  const cell = (id: string, lane: string) => view.metrics.find((m) => m.id === id && m.lane === lane);
  return (
    <section className="metrics-board" aria-label={t('concepts.numbers')}>
      {global.length > 0 ? (
        <div className="metric-chips">
          {global.map((m) => (
            <div key={m.id} className="metric-chip">
              <span className="metric-label">{text.metric(m.id)}</span>
              <MetricValue metric={m} />
            </div>
          ))}
        </div>
      ) : null}
      {rows.length > 0 ? (
        <table className="metrics-table">
          <caption className="visually-hidden">{t('concepts.numbersFor')}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">{t('concepts.numbers')}</span>
              </th>
              {ordered.map((lane) => (
                <th key={lane} scope="col">
                  {laneLabel(lane)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((id) => (
              <tr key={id}>
                <th scope="row">{text.metric(id)}</th>
                {ordered.map((lane) => {
                  const m = cell(id, lane);
                  return <td key={lane}>{m ? <MetricValue metric={m} /> : '—'}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
