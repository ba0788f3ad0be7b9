/**
 * One time-series chart drawn by uPlot on a canvas, with our own legend (the latest value of each series,
 * large enough for the back of a room) and the chart in words as its accessible name. The canvas is
 * hidden from assistive technology: the summary says what it shows.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { HistorySeries } from '../../engine/metrics/historyTypes';
import { drawingOrder, formatTick, formatValue, latest, lineValues, roundForUnit, summarise, type ChartSpec, type Translate } from './chartSpecs';

export interface TimeChartProps {
  series: HistorySeries;
  chart: ChartSpec;
  t: Translate;
  large: boolean;
}

const INK = '#1a1a1a';
/** Time ticks at whole seconds and round minutes (the labels print h:mm:ss, nothing finer). */
const TIME_INCREMENTS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14_400, 43_200, 86_400];
const GRID = '#dfe4ec';

/** The y range: from 0 to a little above the highest value, never so flat that one pod fills it. */
function yRange(chart: ChartSpec): uPlot.Range.Function {
  return (_u, _min, max) => {
    const top = Number.isFinite(max) ? max : 0;
    switch (chart.unit) {
      case 'pods':
        return [0, Math.max(2, Math.ceil(top * 1.15) + 1)];
      case 'percent':
        return [0, Math.max(100, Math.ceil((top * 1.15) / 10) * 10)];
      default:
        return [0, top > 0 ? top * 1.15 : 1];
    }
  };
}

function options(chart: ChartSpec, t: Translate, width: number, large: boolean): uPlot.Options {
  const font = `${large ? 17 : 14}px system-ui, sans-serif`;
  const labelFont = `600 ${large ? 17 : 14}px system-ui, sans-serif`;
  const axisCommon = { font, labelFont, stroke: INK, grid: { stroke: GRID, width: 1 }, ticks: { stroke: GRID, width: 1 } };
  return {
    width,
    height: large ? 280 : 200,
    legend: { show: false },
    cursor: { show: false },
    scales: { x: { time: true }, y: { range: yRange(chart) } },
    // Virtual time is UTC from the cluster's epoch, as the header's clock shows it.
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    axes: [
      { ...axisCommon, label: t('charts.timeAxis'), labelSize: large ? 26 : 22, size: large ? 40 : 34, space: large ? 80 : 64, incrs: TIME_INCREMENTS, values: (_u, splits) => splits.map(formatTick) },
      {
        ...axisCommon,
        label: t(`charts.${chart.axis}`),
        labelSize: large ? 26 : 22,
        size: large ? 62 : 52,
        space: large ? 40 : 32,
        values: (_u, splits) => splits.map((v) => String(roundForUnit(chart.unit, v))),
        ...(chart.unit === 'pods' ? { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] } : {}),
      },
    ],
    // Room on the right for the last time label, which uPlot centres on its tick.
    padding: [10, 22, 0, 0],
    series: [
      {},
      ...drawingOrder(chart).map((line) => ({
        label: t(`charts.${line.label}`),
        stroke: line.color,
        width: large ? line.width + 1 : line.width,
        dash: [...line.dash],
        ...(line.stepped ? { paths: uPlot.paths.stepped!({ align: 1 }) } : {}),
        points: { size: large ? 9 : 7, width: 2, stroke: line.color, fill: line.marker === 'filled' ? line.color : '#ffffff' },
      })),
    ],
  };
}

function alignedData(series: HistorySeries, chart: ChartSpec): uPlot.AlignedData {
  return [series.times.map((ms) => ms / 1000), ...drawingOrder(chart).map((line) => lineValues(series, chart, line))];
}

export default function TimeChart({ series, chart, t, large }: TimeChartProps) {
  const holder = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const [width, setWidth] = useState(0);
  const data = useMemo(() => alignedData(series, chart), [series, chart]);
  const dataRef = useRef(data);
  dataRef.current = data;

  useEffect(() => {
    const el = holder.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.floor(entry?.contentRect.width ?? 0)));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // A new plot when what it looks like changes (language: a new `t`; presenter mode); new data goes to setData.
  useEffect(() => {
    const el = holder.current;
    if (!el || width === 0) return;
    const u = new uPlot(options(chart, t, width, large), dataRef.current, el);
    plot.current = u;
    return () => {
      u.destroy();
      plot.current = null;
    };
  }, [chart, large, t, width]);

  useEffect(() => {
    plot.current?.setData(data);
  }, [data]);

  const summary = summarise(t, series, chart);
  // For tests and tools: each series' latest, lowest and highest value, as numbers in the unit shown.
  const dataAttributes: Record<string, string> = {};
  for (const line of chart.lines) {
    const known = lineValues(series, chart, line).filter((v): v is number => v !== null);
    dataAttributes[`data-latest-${line.field.toLowerCase()}`] = String(latest(series, chart, line) ?? '');
    dataAttributes[`data-min-${line.field.toLowerCase()}`] = known.length > 0 ? String(Math.min(...known)) : '';
    dataAttributes[`data-max-${line.field.toLowerCase()}`] = known.length > 0 ? String(Math.max(...known)) : '';
  }
  return (
    <figure className="time-chart" role="img" aria-label={summary} data-chart={chart.id} data-samples={series.times.length} {...dataAttributes}>
      <figcaption className="time-chart-title">{t(`charts.${chart.title}`)}</figcaption>
      <ul className="time-chart-legend" aria-hidden="true">
        {chart.lines.map((line) => (
          <li key={line.field}>
            <svg width="36" height="12" viewBox="0 0 36 12" className="time-chart-swatch">
              <line x1="2" y1="6" x2="34" y2="6" stroke={line.color} strokeWidth={line.width} strokeDasharray={line.dash.length > 0 ? line.dash.join(' ') : undefined} />
              <circle cx="18" cy="6" r="3.5" stroke={line.color} strokeWidth="2" fill={line.marker === 'filled' ? line.color : '#ffffff'} />
            </svg>
            <span className="time-chart-label">{t(`charts.${line.label}`)}</span>
            <strong className="time-chart-value">{formatValue(t, chart.unit, latest(series, chart, line))}</strong>
          </li>
        ))}
      </ul>
      <div ref={holder} className="time-chart-canvas" aria-hidden="true" />
    </figure>
  );
}
