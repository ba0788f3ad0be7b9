import { useTranslation } from 'react-i18next';
import { useClusterStore } from '../../store/clusterStore';
import { kindOf, latestEvents } from '../../store/selectors';
import { translateEngineMessage } from '../explain/engineMessages';

const CAPTION_LINES = 3;

/** The event stream as captions, in place of the events table in presenter mode: newest first, large. */
export function Captions() {
  const { t, i18n } = useTranslation();
  const events = useClusterStore((s) => latestEvents(kindOf(s.objects, 'Event')));
  const latest = events.filter((e) => e.involvedObject.namespace !== 'kube-system').slice(0, CAPTION_LINES);
  return (
    <section className="captions" aria-label={t('presenter.captions')} aria-live="polite" data-testid="captions">
      {latest.length === 0 ? <p className="caption muted">{t('presenter.noCaptions')}</p> : null}
      {latest.map((e, i) => (
        <p key={`${e.metadata.namespace}/${e.metadata.name}`} className={`caption${e.type === 'Warning' ? ' is-warning' : ''}${i === 0 ? ' is-newest' : ''}`}>
          <span className="caption-reason">{e.type === 'Warning' ? '⚠ ' : ''}{e.reason}</span>
          <span className="caption-object">{`${(e.involvedObject.kind ?? '').toLowerCase()}/${e.involvedObject.name ?? ''}`}</span>
          <span className="caption-message">{translateEngineMessage(e.message ?? '', i18n.language)}</span>
        </p>
      ))}
    </section>
  );
}
