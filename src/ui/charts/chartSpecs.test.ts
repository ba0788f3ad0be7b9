import { describe, expect, it } from 'vitest';
import type { HistorySeries } from '../../engine/metrics/historyTypes';
import { HISTORY_FIELDS } from '../../engine/metrics/historyTypes';
import { chartsFor, COLORS, drawingOrder, formatSpan, formatTick, formatValue, latest, lineValues, roundForUnit, summarise, type Translate } from './chartSpecs';
import { chartsEn } from './messages';

/** A tiny i18next stand-in over the English messages: enough to read the summaries. */
const t: Translate = (key, options = {}) => {
  let node: unknown = { charts: chartsEn };
  const path = key.split('.');
  if (typeof options.count === 'number') path[path.length - 1] += options.count === 1 ? '_one' : '_other';
  for (const p of path) node = (node as Record<string, unknown>)[p];
  return String(node).replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(options[k]));
};

const deployment: HistorySeries<'Deployment'> = {
  kind: 'Deployment',
  namespace: 'default',
  name: 'web',
  intervalMs: 2000,
  fields: HISTORY_FIELDS.Deployment,
  times: [0, 2000, 4000, 80_000],
  values: [
    [1, 5, 5, 5],
    [1, 2, 4, 5],
    [1, 2, 4, 5],
    [1, 5, 5, 5],
  ],
};

describe('chart specs', () => {
  it('every line of every kind plots a field that kind has', () => {
    for (const kind of Object.keys(HISTORY_FIELDS) as (keyof typeof HISTORY_FIELDS)[]) {
      for (const chart of chartsFor(kind)) for (const line of chart.lines) expect(HISTORY_FIELDS[kind]).toContain(line.field);
    }
  });

  it('lines within a chart differ in dash pattern or marker, not only in colour', () => {
    for (const kind of Object.keys(HISTORY_FIELDS) as (keyof typeof HISTORY_FIELDS)[]) {
      for (const chart of chartsFor(kind)) {
        const looks = chart.lines.map((l) => `${l.dash.join(',')}|${l.marker}`);
        expect(new Set(looks).size).toBe(looks.length);
      }
    }
  });

  it('what the cluster aims for is drawn dashed black, what it measures solid', () => {
    const [hpaCpu] = chartsFor('HorizontalPodAutoscaler');
    const target = hpaCpu!.lines.find((l) => l.field === 'cpuTargetPercent')!;
    const cpu = hpaCpu!.lines.find((l) => l.field === 'cpuPercent')!;
    expect(target.color).toBe(COLORS.aim);
    expect(target.dash.length).toBeGreaterThan(0);
    expect(cpu.dash).toEqual([]);
  });

  it('the measured line is drawn over the aim, and errors over requests', () => {
    expect(drawingOrder(chartsFor('Deployment')[0]!).at(-1)!.field).toBe('ready');
    expect(drawingOrder(chartsFor('Service')[0]!).map((l) => l.field)).toEqual(['requestsPerSecond', 'errorsPerSecond']);
  });

  it('node charts show cores and GiB from the stored millicores and MiB', () => {
    const [cpu, memory] = chartsFor('Node');
    const node: HistorySeries = { kind: 'Node', name: 'worker-1', intervalMs: 2000, fields: HISTORY_FIELDS.Node, times: [0], values: [[1250], [2000], [3072], [4096]] };
    expect(latest(node, cpu!, cpu!.lines[0]!)).toBe(1.25);
    expect(lineValues(node, memory!, memory!.lines[1]!)).toEqual([4]);
  });

  it.each([
    { name: 'pods are whole', unit: 'pods' as const, value: 2.6, want: 3 },
    { name: 'cores to two decimals', unit: 'cores' as const, value: 1.23456, want: 1.23 },
    { name: 'a small request rate keeps one decimal', unit: 'rps' as const, value: 0.44, want: 0.4 },
    { name: 'a large request rate is whole', unit: 'rps' as const, value: 76.9, want: 77 },
  ])('rounding: $name', ({ unit, value, want }) => {
    expect(roundForUnit(unit, value)).toBe(want);
  });

  it('formats spans and axis ticks of virtual time', () => {
    expect(formatSpan(80_000)).toBe('1:20');
    expect(formatSpan(3_725_000)).toBe('1:02:05');
    expect(formatTick(Date.UTC(2026, 0, 1, 0, 3, 20) / 1000)).toBe('0:03:20');
  });

  it('summarises a chart in words: title, span and the latest value of each series', () => {
    const [chart] = chartsFor('Deployment');
    expect(summarise(t, deployment, chart!)).toBe('Replicas over the last 1:20. Now: Ready 5 pods, Desired 5 pods, Available 5 pods, Up-to-date 5 pods.');
    expect(formatValue(t, 'percent', null)).toBe('not yet measured');
    expect(formatValue(t, 'pods', 1)).toBe('1 pod');
  });
});
