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

/** The last event recorded for one (object, type, reason, source, fieldPath, message). */
interface Recent {
  subject: string;
  type: string;
  reason: string;
  component: string;
  host: string;
  fieldPath: string;
  message: string;
  name: string;
  namespace: string;
  lastMs: number;
  /** Dropped by the TTL sweep. */
  removed: boolean;
}

const SWEEP_PERIOD_MS = 60_000;

type RecentBucket = Recent[] | Map<string, Recent[]>;
const SPLIT_BUCKET_AT = 32;

function sameSource(r: Recent, type: string, reason: string, component: string, host: string, fieldPath: string): boolean {
  return r.type === type && r.reason === reason && r.component === component && r.host === host && r.fieldPath === fieldPath;
}

export interface InvolvedObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; uid?: string; resourceVersion?: string };
}

export class EventRecorder {
  /**
   * Recent events by involved object (uid, or name without one): a short list compared field by field,
   * so no composite key string is built and hashed on every record; an object with many distinct
   * messages (a ReplicaSet's "Created pod: ...") gets its list split by message.
   */
  private readonly recent = new Map<string, RecentBucket>();
  /** Events in the order they were last touched, for the TTL sweep (one timer, not one per event): parallel arrays, no object per touch. */
  private readonly expiryEntries: Recent[] = [];
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
    const subject = meta.uid ?? meta.name;
    const host = source.host ?? '';
    const path = fieldPath ?? '';
    const bucket = this.recent.get(subject);
    let seen: Recent | undefined;
    if (Array.isArray(bucket)) {
      for (const r of bucket) {
        if (r.message === message && sameSource(r, type, reason, source.component, host, path)) {
          seen = r;
          break;
        }
      }
    } else if (bucket) {
      for (const r of bucket.get(message) ?? []) {
        if (sameSource(r, type, reason, source.component, host, path)) {
          seen = r;
          break;
        }
      }
    }
    if (seen && now - seen.lastMs < AGGREGATION_WINDOW_MS) {
      const existing = this.api.peek<KubeEvent>('Event', seen.namespace, seen.name);
      if (existing) {
        seen.lastMs = now;
        this.api.update<KubeEvent>({ ...existing, count: (existing.count ?? 1) + 1, lastTimestamp: this.clock.nowRfc3339() });
        this.touch(seen, now);
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
      // A repeat after the aggregation window is a new Event; the old one stays until its own TTL runs
      // out, so its entry leaves the lookup but keeps its place in the expiry queue.
      if (seen) this.unlist(seen);
      const entry: Recent = { subject, type, reason, component: source.component, host, fieldPath: path, message, name: created.metadata.name, namespace, lastMs: now, removed: false };
      this.remember(entry, this.recent.get(subject));
      this.touch(entry, now);
    } catch {
      // Events are best effort in Kubernetes too (a terminating namespace refuses them, for one).
    }
  }

  private touch(entry: Recent, now: number): void {
    this.expiryEntries.push(entry);
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
    while (this.expiryHead < this.expiryEntries.length) {
      const touchedMs = this.expiryTimes[this.expiryHead]!;
      if (now - touchedMs < EVENT_TTL_MS) break;
      const seen = this.expiryEntries[this.expiryHead]!;
      this.expiryHead++;
      if (seen.removed || seen.lastMs !== touchedMs || now - seen.lastMs < EVENT_TTL_MS) continue;
      this.forget(seen);
      if (this.api.isAvailable() && this.api.peek('Event', seen.namespace, seen.name)) this.api.delete('Event', seen.namespace, seen.name);
    }
    if (this.expiryHead > 1024 && this.expiryHead * 2 > this.expiryEntries.length) {
      this.expiryEntries.splice(0, this.expiryHead);
      this.expiryTimes.splice(0, this.expiryHead);
      this.expiryHead = 0;
    }
    if (this.expiryHead < this.expiryEntries.length) {
      this.sweepScheduled = true;
      this.clock.setTimeout(() => this.sweep(), SWEEP_PERIOD_MS);
    }
  }

  private remember(entry: Recent, bucket: RecentBucket | undefined): void {
    if (!bucket) {
      this.recent.set(entry.subject, [entry]);
    } else if (Array.isArray(bucket)) {
      bucket.push(entry);
      if (bucket.length > SPLIT_BUCKET_AT) {
        const byMessage = new Map<string, Recent[]>();
        for (const r of bucket) {
          const list = byMessage.get(r.message);
          if (list) list.push(r);
          else byMessage.set(r.message, [r]);
        }
        this.recent.set(entry.subject, byMessage);
      }
    } else {
      const list = bucket.get(entry.message);
      if (list) list.push(entry);
      else bucket.set(entry.message, [entry]);
    }
  }

  private forget(entry: Recent): void {
    entry.removed = true;
    this.unlist(entry);
  }

  /** Takes an entry out of the lookup by object (it may still be in the expiry queue). */
  private unlist(entry: Recent): void {
    const bucket = this.recent.get(entry.subject);
    if (!bucket) return;
    const list = Array.isArray(bucket) ? bucket : bucket.get(entry.message);
    if (!list) return;
    const i = list.indexOf(entry);
    if (i >= 0) list.splice(i, 1);
    if (list.length > 0) return;
    if (Array.isArray(bucket)) this.recent.delete(entry.subject);
    else {
      bucket.delete(entry.message);
      if (bucket.size === 0) this.recent.delete(entry.subject);
    }
  }
}
