/**
 * Which charts each kind gets, and how each series is drawn: pure data, so it is tested without a
 * canvas. Colours are from the Okabe–Ito and Paul Tol palettes, told apart by people with any common
 * colour-vision deficiency, and every series also has its own dash pattern and marker, so a chart still
 * reads in greyscale or on a washed-out projector. Measured values are solid; what the cluster aims
 * for (desired, target, allocatable) is dashed black.
 */
import type { HistoryKind, HistorySeries } from '../../engine/metrics/historyTypes';

export type ChartUnit = 'pods' | 'percent' | 'cores' | 'gib' | 'rps';

export interface LineSpec {
  /** The HistorySeries field it plots. */
  field: string;
  /** i18n key of its name (under `charts.`). */
  label: string;
  color: string;
  /** Canvas dash pattern in CSS pixels ([] for solid). */
  dash: readonly number[];
  width: number;
  /** Counts change in steps, not along a slope. */
  stepped: boolean;
  /** Points on the samples: filled or hollow, so lines of a similar colour still differ. */
  marker: 'filled' | 'hollow';
  /** Drawing order where lines overlap: higher on top (errors over requests, measured over aims). */
  z: number;
}

export interface ChartSpec {
  id: string;
  /** i18n keys (under `charts.`). */
  title: string;
  axis: string;
  unit: ChartUnit;
  /** From the stored unit (millicores, MiB) to the one shown (cores, GiB). */
  scale: number;
  lines: readonly LineSpec[];
}

export const COLORS = {
  measured: '#0072B2',
  aim: '#1a1a1a',
  error: '#D55E00',
  available: '#009E73',
  updated: '#AA4499',
} as const;

const SOLID: readonly number[] = [];
const DASHED: readonly number[] = [12, 7];
const DOTTED: readonly number[] = [3, 5];
const DASH_DOT: readonly number[] = [14, 5, 3, 5];

const measured = (field: string, label: string, stepped: boolean): LineSpec => ({ field, label, color: COLORS.measured, dash: SOLID, width: 4, stepped, marker: 'filled', z: 2 });
const aim = (field: string, label: string, stepped: boolean): LineSpec => ({ field, label, color: COLORS.aim, dash: DASHED, width: 3, stepped, marker: 'hollow', z: 1 });

const CHARTS: { [K in HistoryKind]: readonly ChartSpec[] } = {
  Deployment: [
    {
      id: 'replicas',
      title: 'deployment.title',
      axis: 'deployment.axis',
      unit: 'pods',
      scale: 1,
      lines: [
        measured('ready', 'deployment.ready', true),
        aim('desired', 'deployment.desired', true),
        { field: 'available', label: 'deployment.available', color: COLORS.available, dash: DOTTED, width: 3, stepped: true, marker: 'hollow', z: 0 },
        { field: 'updated', label: 'deployment.updated', color: COLORS.updated, dash: DASH_DOT, width: 2, stepped: true, marker: 'filled', z: 0 },
      ],
    },
  ],
  HorizontalPodAutoscaler: [
    { id: 'cpu', title: 'hpa.cpuTitle', axis: 'hpa.cpuAxis', unit: 'percent', scale: 1, lines: [measured('cpuPercent', 'hpa.cpu', false), aim('cpuTargetPercent', 'hpa.target', true)] },
    { id: 'replicas', title: 'hpa.replicasTitle', axis: 'hpa.replicasAxis', unit: 'pods', scale: 1, lines: [measured('replicas', 'hpa.replicas', true), aim('desiredReplicas', 'hpa.desired', true)] },
  ],
  Node: [
    { id: 'cpu', title: 'node.cpuTitle', axis: 'node.cpuAxis', unit: 'cores', scale: 1 / 1000, lines: [measured('cpuRequestedMilli', 'node.requested', true), aim('cpuAllocatableMilli', 'node.allocatable', true)] },
    { id: 'memory', title: 'node.memoryTitle', axis: 'node.memoryAxis', unit: 'gib', scale: 1 / 1024, lines: [measured('memoryRequestedMi', 'node.requested', true), aim('memoryAllocatableMi', 'node.allocatable', true)] },
  ],
  Service: [
    {
      id: 'traffic',
      title: 'service.title',
      axis: 'service.axis',
      unit: 'rps',
      scale: 1,
      lines: [measured('requestsPerSecond', 'service.requests', false), { field: 'errorsPerSecond', label: 'service.errors', color: COLORS.error, dash: DASHED, width: 3, stepped: false, marker: 'hollow', z: 3 }],
    },
  ],
};

export function chartsFor(kind: HistoryKind): readonly ChartSpec[] {
  return CHARTS[kind];
}

/** The chart's lines in drawing order: the lowest z first, so the highest ends on top. */
export function drawingOrder(chart: ChartSpec): LineSpec[] {
  return chart.lines.map((line, i) => ({ line, i })).sort((a, b) => a.line.z - b.line.z || a.i - b.i).map(({ line }) => line);
}

/** A series' values for one line, in the unit shown. */
export function lineValues(series: HistorySeries, chart: ChartSpec, line: LineSpec): (number | null)[] {
  const i = (series.fields as readonly string[]).indexOf(line.field);
  const raw = i >= 0 ? (series.values[i] ?? []) : series.times.map(() => null);
  return chart.scale === 1 ? raw : raw.map((v) => (v === null ? null : v * chart.scale));
}

/** The last sample of a line, in the unit shown (null: not measured at that moment). */
export function latest(series: HistorySeries, chart: ChartSpec, line: LineSpec): number | null {
  const values = lineValues(series, chart, line);
  return values.length > 0 ? (values[values.length - 1] ?? null) : null;
}

/** A value as the chart's labels print it: whole pods and percents, cores and GiB to two decimals. */
export function roundForUnit(unit: ChartUnit, value: number): number {
  switch (unit) {
    case 'pods':
    case 'percent':
      return Math.round(value);
    case 'cores':
    case 'gib':
      return Math.round(value * 100) / 100;
    case 'rps':
      return value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
  }
}

/** A stretch of virtual time as `m:ss` (or `h:mm:ss`). */
export function formatSpan(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Virtual time of day on the x axis, as the header's clock shows it (UTC): `0:03:20`. */
export function formatTick(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  return `${d.getUTCHours()}:${String(d.getUTCMinutes()).padStart(2, '0')}:${String(d.getUTCSeconds()).padStart(2, '0')}`;
}

/** i18next's `t`, as far as the summaries need it. */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A value with its unit, for people: "3 pods", "250%", "1.25 cores", "not yet measured". */
export function formatValue(t: Translate, unit: ChartUnit, value: number | null): string {
  if (value === null) return t('charts.notYet');
  const v = roundForUnit(unit, value);
  return unit === 'pods' ? t('charts.units.pods', { count: v }) : t(`charts.units.${unit}`, { value: v });
}

/**
 * The chart in words, for a screen reader and for tests: its title, the stretch of time it covers, and
 * each series' latest value ("Replicas over the last 1:20. Now: Desired 5 pods, Ready 3 pods, …").
 */
export function summarise(t: Translate, series: HistorySeries, chart: ChartSpec): string {
  const span = series.times.length > 1 ? series.times[series.times.length - 1]! - series.times[0]! : 0;
  const items = chart.lines.map((line) => t('charts.item', { label: t(`charts.${line.label}`), value: formatValue(t, chart.unit, latest(series, chart, line)) }));
  return t('charts.summary', { title: t(`charts.${chart.title}`), span: formatSpan(span), items: items.join(', ') });
}
