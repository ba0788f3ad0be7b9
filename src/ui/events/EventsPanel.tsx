import { useDeferredValue, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClusterStore } from '../../store/clusterStore';
import { isSystemObject, kindOf, newestEvents } from '../../store/selectors';
import { useUiStore } from '../../store/uiStore';
import { eventMatcher, eventRow, type EventTypeFilter } from './eventRows';
import { translateEngineMessage } from '../explain/engineMessages';

const MAX_ROWS = 200;

/** The cluster's Event objects, newest first, filterable by text and type. */
export function EventsPanel() {
  const open = useUiStore((s) => s.eventsOpen);
  // Closed, the panel subscribes to nothing: a flood of events costs it no work.
  return open ? <EventsTable /> : null;
}

function EventsTable() {
  const { t, i18n } = useTranslation();
  const select = useUiStore((s) => s.select);
  const allEvents = useClusterStore((s) => kindOf(s.objects, 'Event'));
  // kube-system's events go with its pods: shown when the canvas shows the cluster's own pods.
  const showSystem = useUiStore((s) => s.showSystemPods);
  // Whole seconds are enough for LAST SEEN: fewer re-renders while the clock runs.
  const nowSec = useClusterStore((s) => Math.floor(s.clock.now / 1000));
  const [text, setText] = useState('');
  const [type, setType] = useState<EventTypeFilter>('all');
  const deferredText = useDeferredValue(text);
  // The newest MAX_ROWS matches in one pass over the events (no sort of tens of thousands per patch).
  const events = useMemo(() => {
    const matches = eventMatcher(deferredText, type);
    return newestEvents(allEvents, MAX_ROWS, (e) => (showSystem || !isSystemObject(e)) && matches(e));
  }, [allEvents, showSystem, deferredText, type]);
  const rows = useMemo(() => events.map((e) => eventRow(e, nowSec * 1000)), [events, nowSec]);
  return (
    <section className="events-panel" aria-label={t('events.label')}>
      <div className="panel-toolbar">
        <h2>{t('events.label')}</h2>
        <input type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder={t('events.filterPlaceholder')} aria-label={t('events.filter')} />
        <select value={type} onChange={(e) => setType(e.target.value as EventTypeFilter)} aria-label={t('events.type')}>
          <option value="all">{t('events.all')}</option>
          <option value="Normal">{t('events.normal')}</option>
          <option value="Warning">{t('events.warning')}</option>
        </select>
        <span className="muted">{rows.length}</span>
      </div>
      <div className="events-scroll">
        {rows.length === 0 ? (
          <p className="empty-note">{t('events.none')}</p>
        ) : (
          <table className="events-table">
            <thead>
              <tr>
                <th>{t('events.lastSeen')}</th>
                <th>{t('events.typeCol')}</th>
                <th>{t('events.reason')}</th>
                <th>{t('events.object')}</th>
                <th>{t('events.message')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} className={r.type === 'Warning' ? 'is-warning' : undefined}>
                  <td className="mono">{r.lastSeen}{r.count > 1 ? <span className="muted"> (x{r.count})</span> : null}</td>
                  <td>{r.type}</td>
                  <td>{r.reason}</td>
                  <td>
                    <button type="button" className="link-button mono" onClick={() => select({ kind: r.involved.kind, ...(r.involved.namespace ? { namespace: r.involved.namespace } : {}), name: r.involved.name })}>
                      {r.object}
                    </button>
                  </td>
                  <td className="event-message" title={i18n.language === 'ko' ? r.message : undefined}>
                    {translateEngineMessage(r.message, i18n.language)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
