/**
 * Opening `#/share/<data>`. The link is untrusted: it is decoded and checked (shareLink.ts) before
 * anything happens; a refused link says why, in the page's words, and changes nothing. A valid one
 * opens at once when the student has nothing of their own here (a fresh browser), and otherwise asks
 * first, since it replaces the cluster and the editor files. Either way the address goes back to a
 * normal page, so a reload does not import the link again. Nothing from the link is rendered as HTML:
 * file names, lesson ids and details are text.
 */
import './share.css';
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { decodeShareLink, sharedVirtualNow, type SharedState } from '../../client/shareLink';
import { formatVirtualTime } from '../shell/formatClock';
import { hasOwnWork, openShared, replaceRoute } from './sharedWork';
import { filesText, usePlaceText } from './shareText';

type Phase = { kind: 'reading' } | { kind: 'ask' } | { kind: 'opened' };

export default function ShareOpener({ data, onDone }: { data: string; onDone: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const decoded = useMemo(() => decodeShareLink(data), [data]);
  const [phase, setPhase] = useState<Phase>({ kind: 'reading' });
  const shared = decoded.ok ? decoded.shared : undefined;
  const place = usePlaceText(shared);

  useEffect(() => {
    if (!decoded.ok) {
      replaceRoute({ page: 'cluster' });
      return;
    }
    let cancelled = false;
    void hasOwnWork().then((mine) => {
      if (cancelled) return;
      if (mine) return setPhase({ kind: 'ask' });
      openShared(decoded.shared);
      setPhase({ kind: 'opened' });
    });
    return () => {
      cancelled = true;
    };
  }, [decoded]);

  if (!decoded.ok) {
    return (
      <div className="overlay">
        <div className="dialog share-dialog" role="alertdialog" aria-modal="true" aria-labelledby={titleId}>
          <h2 id={titleId}>{t('share.open.refusedTitle')}</h2>
          <p>{t(`share.open.refused.${decoded.reason}`)}</p>
          <p className="share-detail">{t('share.open.refusedDetail', { detail: decoded.detail })}</p>
          <p>{t('share.open.untouched')}</p>
          <div className="share-actions">
            <button type="button" className="btn btn-primary" autoFocus onClick={onDone}>
              {t('share.open.ok')}
            </button>
          </div>
        </div>
      </div>
    );
  }

  const time = formatVirtualTime(sharedVirtualNow(decoded.shared.snapshot));
  if (phase.kind === 'reading') return <div className="banner banner-warn banner-note" role="status">{t('share.open.reading')}</div>;
  if (phase.kind === 'opened') {
    return (
      <div className="banner banner-warn banner-note" role="status">
        <span>{t('share.open.opened', { time })}</span>
        <button type="button" className="btn btn-quiet" onClick={onDone}>
          {t('share.open.dismiss')}
        </button>
      </div>
    );
  }
  const accept = (s: SharedState) => {
    openShared(s);
    setPhase({ kind: 'opened' });
  };
  const keep = () => {
    replaceRoute({ page: 'cluster' });
    onDone();
  };
  return (
    <div className="overlay">
      <div
        className="dialog share-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') keep();
        }}
      >
        <h2 id={titleId}>{t('share.open.askTitle')}</h2>
        <p>{t('share.open.askBody', { time, files: filesText(t, decoded.shared.files.length, 'link'), place })}</p>
        <p>{t('share.open.askReplace')}</p>
        <div className="share-actions">
          <button type="button" className="btn" onClick={keep}>
            {t('share.open.keep')}
          </button>
          <button type="button" className="btn btn-primary" autoFocus onClick={() => accept(decoded.shared)}>
            {t('share.open.accept')}
          </button>
        </div>
      </div>
    </div>
  );
}
