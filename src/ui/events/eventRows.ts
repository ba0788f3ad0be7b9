/** Rows of the events panel, as `kubectl get events` prints them (LAST SEEN, TYPE, REASON, OBJECT, MESSAGE). */
import { humanDuration } from '../../engine/clock/duration';
import { eventTime, type EventObject } from '../../store/selectors';

export type EventTypeFilter = 'all' | 'Normal' | 'Warning';

export interface EventRow {
  key: string;
  lastSeen: string;
  type: string;
  reason: string;
  object: string;
  message: string;
  count: number;
  involved: { kind: string; namespace: string | undefined; name: string };
}

export function eventRow(e: EventObject, nowMs: number): EventRow {
  const at = Date.parse(eventTime(e));
  const kind = e.involvedObject.kind ?? '';
  const name = e.involvedObject.name ?? '';
  return {
    key: `${e.metadata.namespace ?? ''}/${e.metadata.name ?? ''}`,
    lastSeen: Number.isFinite(at) ? humanDuration(nowMs - at) : '<unknown>',
    type: e.type ?? 'Normal',
    reason: e.reason ?? '',
    object: `${kind.toLowerCase()}/${name}`,
    message: e.message ?? '',
    count: e.count ?? 1,
    involved: { kind, namespace: e.involvedObject.namespace ?? e.metadata.namespace, name },
  };
}

/** Case-insensitive text match on reason, object and message, and an exact type match. */
export function filterEvents(events: readonly EventObject[], text: string, type: EventTypeFilter): EventObject[] {
  return events.filter(eventMatcher(text, type));
}

/** The filter as a test of one event (the panel runs it inside its newest-first selection). */
export function eventMatcher(text: string, type: EventTypeFilter): (e: EventObject) => boolean {
  const needle = text.trim().toLowerCase();
  return (e) => {
    if (type !== 'all' && (e.type ?? 'Normal') !== type) return false;
    if (!needle) return true;
    const hay = `${e.reason ?? ''} ${(e.involvedObject.kind ?? '').toLowerCase()}/${e.involvedObject.name ?? ''} ${e.message ?? ''}`.toLowerCase();
    return hay.includes(needle);
  };
}
