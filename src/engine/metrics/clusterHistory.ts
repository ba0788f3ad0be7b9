/**
 * The cluster's recent past as time series, for charts: every HISTORY_INTERVAL_MS of virtual time (short
 * enough to see a scale-up's Ready line climb pod by pod), one
 * sample of each Deployment, HorizontalPodAutoscaler, Node and Service, as a Prometheus server scraping
 * kube-state-metrics and an ingress's request counters would keep them. It only reads (the API store and
 * the Service counters), on its own timer of the virtual clock: the cluster behaves the same with it, and
 * a replay from the recorded inputs rebuilds the same history.
 *
 * Memory is bounded: HISTORY_CAPACITY samples per object (older ones are overwritten), and at most
 * MAX_TRACKED_PER_KIND objects of a kind (the first ones seen; a bigger cluster's others have no chart).
 */
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { Node, Service } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../apiserver/apiserver';
import type { VirtualClock } from '../clock/virtualClock';
import { objectKey, type Stored } from '../objects';
import type { ServiceTraffic } from '../proxy/serviceTraffic';
import { cpuMillis, quantityValue } from '../scheduler/framework/quantities';
import { SampleRing, type SampleRow } from './sampleRing';
import { HISTORY_FIELDS, type HistoryField, type HistoryKind, type HistorySeries } from './historyTypes';

export { HISTORY_FIELDS, isHistoryKind, type HistoryField, type HistoryKind, type HistorySeries } from './historyTypes';

/** Virtual time between two samples. */
export const HISTORY_INTERVAL_MS = 2_000;
/** Samples kept per object: 20 virtual minutes, the HPA walkthrough's whole curve. */
export const HISTORY_CAPACITY = 600;
/** 500 nodes × 600 samples × 4 values × 4 bytes: under 5 MB for the biggest kind. */
export const MAX_TRACKED_PER_KIND = 500;

const MiB = 1024 * 1024;

/**
 * A Service's rates are averaged over this much time, as Prometheus's `rate(x[10s])` would: two of the
 * load traffic's 5 s ticks (TRAFFIC_TICK_MS), so each window holds the same number of them.
 */
export const RATE_WINDOW_MS = 10_000;

export interface ClusterHistoryOptions {
  intervalMs?: number;
  capacity?: number;
  maxPerKind?: number;
}

interface Tracked {
  row: SampleRow;
  /** A Service's counters at the samples of the last RATE_WINDOW_MS (rates are differences). */
  readings?: { requests: number; errors: number; atMs: number }[];
}

/** What the history reads: the API store, the Service counters, and the scheduler's sums per node. */
export interface HistorySources {
  api: ApiServer;
  clock: VirtualClock;
  traffic: ServiceTraffic;
  requestedOn: (node: string) => { milliCPU: number; memory: number } | undefined;
}

const num = (v: number | undefined): number => (v === undefined || !Number.isFinite(v) ? Number.NaN : v);

export class ClusterHistory {
  readonly intervalMs: number;
  private readonly ring: SampleRing;
  private readonly maxPerKind: number;
  private readonly rows: { [K in HistoryKind]: Map<string, Tracked> } = {
    Deployment: new Map(),
    HorizontalPodAutoscaler: new Map(),
    Node: new Map(),
    Service: new Map(),
  };

  private readonly api: ApiServer;
  private readonly clock: VirtualClock;

  constructor(
    private readonly sources: HistorySources,
    opts: ClusterHistoryOptions = {},
  ) {
    this.api = sources.api;
    this.clock = sources.clock;
    this.intervalMs = opts.intervalMs ?? HISTORY_INTERVAL_MS;
    this.ring = new SampleRing(opts.capacity ?? HISTORY_CAPACITY);
    this.maxPerKind = opts.maxPerKind ?? MAX_TRACKED_PER_KIND;
    this.schedule();
  }

  /** Samples fall on multiples of the interval in virtual time, whatever moment the cluster started at. */
  private schedule(): void {
    const now = this.clock.now();
    const wait = this.intervalMs - (((now % this.intervalMs) + this.intervalMs) % this.intervalMs);
    this.clock.setTimeout(() => {
      this.sample();
      this.schedule();
    }, wait);
  }

  /** Takes one sample of every tracked object now (the timer's work; tests may call it directly). */
  sample(): void {
    const now = this.clock.now();
    const seq = this.ring.begin(now);
    this.sampleKind('Deployment', seq, this.api.peekList<Deployment>('Deployment'), (d) => [
      d.spec?.replicas ?? 1,
      d.status?.readyReplicas ?? 0,
      d.status?.availableReplicas ?? 0,
      d.status?.updatedReplicas ?? 0,
    ]);
    this.sampleKind('HorizontalPodAutoscaler', seq, this.api.peekList<HorizontalPodAutoscaler>('HorizontalPodAutoscaler'), (h) => {
      const target = h.spec?.metrics?.find((m) => m.type === 'Resource' && m.resource?.name === 'cpu')?.resource?.target.averageUtilization;
      const current = h.status?.currentMetrics?.find((m) => m.type === 'Resource' && m.resource?.name === 'cpu')?.resource?.current.averageUtilization;
      return [num(current), num(target), num(h.status?.currentReplicas), num(h.status?.desiredReplicas)];
    });
    this.sampleKind('Node', seq, this.api.peekList<Node>('Node'), (n) => {
      const alloc = (n.status?.allocatable ?? n.status?.capacity ?? {}) as Record<string, string | number | undefined>;
      const r = this.sources.requestedOn(n.metadata.name) ?? { milliCPU: 0, memory: 0 };
      return [r.milliCPU, cpuMillis(alloc.cpu), r.memory / MiB, quantityValue(alloc.memory) / MiB];
    });
    this.sampleKind('Service', seq, this.api.peekList<Service>('Service'), (s, tracked) => {
      const totals = this.sources.traffic.totalsOf(s.metadata.namespace ?? 'default', s.metadata.name);
      const readings = (tracked.readings ??= []);
      readings.push({ requests: totals.requests, errors: totals.errors, atMs: now });
      while (readings.length > 1 && readings[0]!.atMs < now - RATE_WINDOW_MS) readings.shift();
      const first = readings[0]!;
      // Rates over a full window only: a shorter one would catch a traffic tick or miss it.
      if (now - first.atMs < RATE_WINDOW_MS) return [Number.NaN, Number.NaN];
      const seconds = (now - first.atMs) / 1000;
      return [(totals.requests - first.requests) / seconds, (totals.errors - first.errors) / seconds];
    });
  }

  private sampleKind<T>(kind: HistoryKind, seq: number, objects: Stored<T>[], read: (obj: Stored<T>, tracked: Tracked) => number[]): void {
    const rows = this.rows[kind];
    const fields = HISTORY_FIELDS[kind].length;
    const keys = objects.map((o) => objectKey(o.metadata.namespace, o.metadata.name));
    // An object gone from the cluster takes its history with it (a new one of the same name starts afresh).
    const present = new Set(keys);
    for (const key of rows.keys()) if (!present.has(key)) rows.delete(key);
    objects.forEach((obj, i) => {
      const key = keys[i]!;
      let tracked = rows.get(key);
      if (!tracked) {
        if (rows.size >= this.maxPerKind) return;
        rows.set(key, (tracked = { row: this.ring.newRow(fields, seq) }));
      }
      const values = read(obj, tracked);
      for (let f = 0; f < fields; f++) tracked.row.write(seq, f, values[f] ?? Number.NaN);
    });
  }

  /** The object's samples, or undefined when it has none (not sampled yet, gone, or beyond the tracked limit). */
  series<K extends HistoryKind>(kind: K, namespace: string | undefined, name: string): HistorySeries<K> | undefined {
    const tracked = this.rows[kind].get(objectKey(kind === 'Node' ? undefined : (namespace ?? 'default'), name));
    if (!tracked) return undefined;
    const { times, values } = tracked.row.read();
    return {
      kind,
      ...(kind === 'Node' ? {} : { namespace: namespace ?? 'default' }),
      name,
      intervalMs: this.intervalMs,
      fields: HISTORY_FIELDS[kind] as readonly HistoryField<K>[],
      times,
      values,
    };
  }
}
