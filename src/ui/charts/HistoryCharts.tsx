/**
 * The inspector's "Charts" section for a Deployment, an HPA, a Node or a Service: the worker's samples
 * (the page computes nothing about the cluster), drawn with uPlot. Loaded lazily with its chart library,
 * so the first screen's JavaScript does not carry it.
 */
import { useTranslation } from 'react-i18next';
import type { HistoryKind, HistorySeries } from '../../engine/metrics/historyTypes';
import { usePresenterStore } from '../presenter/presenterStore';
import { selectViewing, useTimelineStore } from '../../store/timelineStore';
import { chartsFor, formatTick, latest, roundForUnit, type ChartSpec, type Translate } from './chartSpecs';
import TimeChart from './TimeChart';
import { useHistory } from './useHistory';
import './charts.css';

export interface HistoryChartsProps {
  kind: HistoryKind;
  namespace?: string;
  name: string;
}

/** Bin packing at this moment: what the pods on the node request, against what it can give. */
function PackingBars({ series, t }: { series: HistorySeries; t: Translate }) {
  const [cpu, memory] = chartsFor('Node') as [ChartSpec, ChartSpec];
  const bars = [
    { id: 'cpu', label: t('charts.node.cpuBar'), chart: cpu, unit: 'charts.units.cores' },
    { id: 'memory', label: t('charts.node.memoryBar'), chart: memory, unit: 'charts.units.gib' },
  ];
  return (
    <div className="packing" role="group" aria-label={t('charts.node.packingTitle')}>
      <div className="time-chart-title">{t('charts.node.packingTitle')}</div>
      {bars.map(({ id, label, chart, unit }) => {
        const used = latest(series, chart, chart.lines[0]!) ?? 0;
        const total = latest(series, chart, chart.lines[1]!) ?? 0;
        const percent = total > 0 ? Math.round((used / total) * 100) : 0;
        const text = t('charts.node.barText', { used: t(unit, { value: roundForUnit(chart.unit, used) }), total: t(unit, { value: roundForUnit(chart.unit, total) }), percent });
        return (
          <div key={id} className="packing-row">
            <span className="packing-label">{label}</span>
            <div className="packing-bar" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={text} data-percent={percent}>
              <div className={`packing-fill${percent >= 90 ? ' is-full' : ''}`} style={{ width: `${Math.min(100, percent)}%` }} />
            </div>
            <span className="packing-text">{text}</span>
          </div>
        );
      })}
    </div>
  );
}

const HINTS: Partial<Record<HistoryKind, string>> = { Node: 'charts.node.hint', Service: 'charts.service.hint' };

export default function HistoryCharts({ kind, namespace, name }: HistoryChartsProps) {
  const { t } = useTranslation();
  const large = usePresenterStore((s) => s.on);
  const { series, error } = useHistory(kind, namespace, name);
  const viewing = useTimelineStore(selectViewing);
  const translate = t as unknown as Translate;
  if (error && series === undefined) return <p className="muted">{t('charts.failed', { message: error })}</p>;
  if (series === undefined) return <p className="muted">{t('charts.loading')}</p>;
  if (series === null) return <p className="muted">{t('charts.none')}</p>;
  if (series.times.length === 0) return <p className="muted">{t('charts.empty')}</p>;
  const hint = HINTS[kind];
  return (
    <div className={`history-charts${large ? ' is-large' : ''}`}>
      {viewing !== undefined ? <p className="muted small">{t('charts.past', { at: formatTick(viewing / 1000) })}</p> : null}
      {kind === 'Node' ? <PackingBars series={series} t={translate} /> : null}
      {chartsFor(kind).map((chart) => (
        <TimeChart key={chart.id} series={series} chart={chart} t={translate} large={large} />
      ))}
      {hint ? <p className="muted small">{t(hint)}</p> : null}
    </div>
  );
}
