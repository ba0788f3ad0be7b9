/**
 * The cluster mirror's reducer: objects by kind → `namespace/name` → object, updated from the worker's
 * patches. Pure and structurally shared: a batch copies only the kinds it touches, so a component that
 * selects Nodes does not re-render when only Pods changed.
 */
import { objectKey, type KubeObject } from '../engine/objects';
import type { ObjectChange } from '../worker/protocol';

export type ObjectsOfKind = Readonly<Record<string, KubeObject>>;
export type ObjectsByKind = Readonly<Record<string, ObjectsOfKind>>;

export const EMPTY_KIND: ObjectsOfKind = Object.freeze({});

function rvNumber(rv: string | undefined): number {
  const n = Number(rv);
  return Number.isFinite(n) ? n : 0;
}

/**
 * Events the page keeps at most: the newest. A big cluster makes tens of thousands (five per pod
 * started); the panels show the newest 200 and an object's own, and `kubectl get events` in the console
 * still lists every one the API server holds. Trimmed in bulk, once the kind is a quarter over.
 */
export const MAX_MIRRORED_EVENTS = 4000;

function eventTimeOf(e: KubeObject): string {
  const x = e as KubeObject & { lastTimestamp?: string; eventTime?: string; firstTimestamp?: string };
  return x.lastTimestamp ?? x.eventTime ?? x.firstTimestamp ?? x.metadata.creationTimestamp ?? '';
}

/** The newest `keep` events of the map (by time, then resourceVersion). */
export function newestOfKind(events: Record<string, KubeObject>, keep: number): Record<string, KubeObject> {
  const entries = Object.entries(events).map(([k, e]) => ({ k, e, t: eventTimeOf(e), rv: rvNumber(e.metadata.resourceVersion) }));
  entries.sort((a, b) => (a.t < b.t ? 1 : a.t > b.t ? -1 : b.rv - a.rv));
  const out: Record<string, KubeObject> = {};
  for (const { k, e } of entries.slice(0, keep)) out[k] = e;
  return out;
}

export function applyChanges(state: ObjectsByKind, changes: readonly ObjectChange[], replace: boolean): ObjectsByKind {
  const next: Record<string, Record<string, KubeObject>> = replace ? {} : { ...state };
  const copied = new Set<string>();
  const writable = (kind: string): Record<string, KubeObject> => {
    if (!copied.has(kind)) {
      next[kind] = { ...(next[kind] ?? {}) };
      copied.add(kind);
    }
    return next[kind]!;
  };
  for (const c of changes) {
    const key = objectKey(c.namespace, c.name);
    if (c.type === 'deleted') {
      if (next[c.kind]?.[key] === undefined) continue;
      delete writable(c.kind)[key];
      continue;
    }
    if (!c.object) continue;
    const held = next[c.kind]?.[key];
    // A late patch must not roll an object back to an older version.
    if (held && c.type === 'modified' && rvNumber(held.metadata.resourceVersion) > rvNumber(c.resourceVersion)) continue;
    writable(c.kind)[key] = c.object;
  }
  const events = next.Event;
  if (events && copied.has('Event') && Object.keys(events).length > MAX_MIRRORED_EVENTS * 1.25) next.Event = newestOfKind(events, MAX_MIRRORED_EVENTS);
  return next;
}
