/**
 * The event recorder (client-go's record.EventRecorder with its EventCorrelator): components report
 * what happened as core/v1 Event objects through the API server. A repeat of the same event for the same
 * object (same type, reason, message and source) within 10 minutes bumps `count` and `lastTimestamp`
 * instead of creating a new object; the API server drops events an hour after their last update
 * (kube-apiserver's --event-ttl default of 1h).
 */
import type { Event as KubeEvent } from 'kubernetes-types/core/v1';
import type { VirtualClock } from '../clock/virtualClock';
import type { Stored } from '../objects';
import type { ApiServer } from './apiserver';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  component: string;
  host?: string;
}

const AGGREGATION_WINDOW_MS = 10 * 60_000;
const EVENT_TTL_MS = 60 * 60_000;

interface Recent {
  name: string;
  namespace: string;
  lastMs: number;
}

const SWEEP_PERIOD_MS = 60_000;

export interface InvolvedObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; uid?: string; resourceVersion?: string };
}

export class EventRecorder {
  private readonly recent = new Map<string, Recent>();
  /** Events in the order they were last touched, for the TTL sweep (one timer, not one per event): parallel arrays, no object per touch. */
  private readonly expiryKeys: string[] = [];
  private readonly expiryTimes: number[] = [];
  private expiryHead = 0;
  private sweepScheduled = false;
  private counter = 0;
  /** Turn off to save work in benchmarks that do not read events. */
  enabled = true;

  constructor(
    private readonly api: ApiServer,
    private readonly clock: VirtualClock,
  ) {}

  record(obj: InvolvedObject, type: EventType, reason: string, message: string, source: EventSource, fieldPath?: string): void {
    if (!this.enabled || !this.api.isAvailable()) return;
    const meta = obj.metadata;
    const namespace = meta.namespace ?? 'default';
    const now = this.clock.now();
    // Joined, not concatenated: the key lives as long as the event, and a template literal would keep a
    // tree of cons strings alive with it.
    const key = [meta.uid ?? meta.name, type, reason, source.component, source.host ?? '', fieldPath ?? '', message].join('|');
    const seen = this.recent.get(key);
    if (seen && now - seen.lastMs < AGGREGATION_WINDOW_MS) {
      const existing = this.api.peek<KubeEvent>('Event', seen.namespace, seen.name);
      if (existing) {
        seen.lastMs = now;
        this.api.update<KubeEvent>({ ...existing, count: (existing.count ?? 1) + 1, lastTimestamp: this.clock.nowRfc3339() });
        this.touch(key, now);
        return;
      }
    }
    const ts = this.clock.nowRfc3339();
    // Real event names are `<object>.<hex of the creation time in ns>`; a counter keeps ours unique.
    const suffix = (now * 1000 + (this.counter++ % 1000)).toString(16);
    // Optional fields are assigned in the order the spreads used to add them (the key order is visible in -o yaml).
    const involvedObject: KubeEvent['involvedObject'] = { apiVersion: obj.apiVersion, kind: obj.kind, name: meta.name };
    if (meta.namespace) involvedObject.namespace = meta.namespace;
    if (meta.uid) involvedObject.uid = meta.uid;
    if (meta.resourceVersion) involvedObject.resourceVersion = meta.resourceVersion;
    if (fieldPath) involvedObject.fieldPath = fieldPath;
    const eventSource: NonNullable<KubeEvent['source']> = { component: source.component };
    if (source.host) eventSource.host = source.host;
    const event: KubeEvent = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: [meta.name, suffix].join('.'), namespace },
      involvedObject,
      reason,
      message,
      type,
      source: eventSource,
      firstTimestamp: ts,
      lastTimestamp: ts,
      count: 1,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    try {
      const created = this.api.create<KubeEvent>(event as Stored<KubeEvent>, { transferOwnership: true });
      this.recent.set(key, { name: created.metadata.name, namespace, lastMs: now });
      this.touch(key, now);
    } catch {
      // Events are best effort in Kubernetes too (a terminating namespace refuses them, for one).
    }
  }

  private touch(key: string, now: number): void {
    this.expiryKeys.push(key);
    this.expiryTimes.push(now);
    if (!this.sweepScheduled) {
      this.sweepScheduled = true;
      this.clock.setTimeout(() => this.sweep(), SWEEP_PERIOD_MS);
    }
  }

  /** Deletes events not updated for the TTL. An entry superseded by a later touch of the same key is skipped. */
  private sweep(): void {
    this.sweepScheduled = false;
    const now = this.clock.now();
    while (this.expiryHead < this.expiryKeys.length) {
      const touchedMs = this.expiryTimes[this.expiryHead]!;
      if (now - touchedMs < EVENT_TTL_MS) break;
      const key = this.expiryKeys[this.expiryHead]!;
      this.expiryHead++;
      const seen = this.recent.get(key);
      if (!seen || seen.lastMs !== touchedMs || now - seen.lastMs < EVENT_TTL_MS) continue;
      this.recent.delete(key);
      if (this.api.isAvailable() && this.api.peek('Event', seen.namespace, seen.name)) this.api.delete('Event', seen.namespace, seen.name);
    }
    if (this.expiryHead > 1024 && this.expiryHead * 2 > this.expiryKeys.length) {
      this.expiryKeys.splice(0, this.expiryHead);
      this.expiryTimes.splice(0, this.expiryHead);
      this.expiryHead = 0;
    }
    if (this.expiryHead < this.expiryKeys.length) {
      this.sweepScheduled = true;
      this.clock.setTimeout(() => this.sweep(), SWEEP_PERIOD_MS);
    }
  }
}
