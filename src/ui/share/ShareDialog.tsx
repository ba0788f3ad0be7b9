/**
 * "Share": a small dialog with the link to this cluster, its files and the open lesson or scenario, in a
 * read-only field labelled "Share link", and a Copy button (the clipboard API; where it is refused, the
 * link is selected for Ctrl+C).
 */
import './share.css';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { encodeShareLink, sharedVirtualNow, type SharedState } from '../../client/shareLink';
import { formatVirtualTime } from '../shell/formatClock';
import { gatherShare, shareUrl } from './sharedWork';
import { filesText, usePlaceText } from './shareText';

type Made = { kind: 'making' } | { kind: 'made'; url: string; shared: SharedState } | { kind: 'tooLarge'; detail: string } | { kind: 'notRunning' };

export default function ShareDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const titleId = useId();
  const fieldId = useId();
  const [made, setMade] = useState<Made>({ kind: 'making' });
  const [copy, setCopy] = useState<'idle' | 'copied' | 'byHand'>('idle');
  const field = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let cancelled = false;
    gatherShare().then(
      (shared) => {
        if (cancelled) return;
        const encoded = encodeShareLink(shared);
        setMade(encoded.ok ? { kind: 'made', url: shareUrl(encoded.data), shared } : { kind: 'tooLarge', detail: encoded.detail });
      },
      () => !cancelled && setMade({ kind: 'notRunning' }),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  const place = usePlaceText(made.kind === 'made' ? made.shared : undefined);

  const copyLink = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopy('copied');
    } catch {
      // No clipboard API (a page served over plain http) or no permission: select the text and try the
      // older copy command; failing that, the selection waits for Ctrl+C.
      field.current?.focus();
      field.current?.select();
      setCopy(copySelection() ? 'copied' : 'byHand');
    }
  };

  return (
    <div className="overlay" onClick={onClose}>
      <div
        className="dialog share-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <h2 id={titleId}>{t('share.title')}</h2>
        {made.kind === 'making' ? <p role="status">{t('share.making')}</p> : null}
        {made.kind === 'notRunning' ? <p role="alert">{t('share.notRunning')}</p> : null}
        {made.kind === 'tooLarge' ? <p role="alert">{t('share.tooLarge', { detail: made.detail })}</p> : null}
        {made.kind === 'made' ? (
          <>
            <p>{t('share.intro', { time: formatVirtualTime(sharedVirtualNow(made.shared.snapshot)), files: filesText(t, made.shared.files.length, 'mine'), place })}</p>
            <label className="share-label" htmlFor={fieldId}>
              {t('share.field')}
            </label>
            <div className="share-row">
              <input
                id={fieldId}
                ref={field}
                className="share-field"
                type="text"
                readOnly
                value={made.url}
                autoFocus
                spellCheck={false}
                onFocus={(e) => e.currentTarget.select()}
              />
              <button type="button" className="btn btn-primary" onClick={() => void copyLink(made.url)}>
                {t('share.copy')}
              </button>
            </div>
            <p className="share-meta" role="status">
              {copy === 'copied' ? t('share.copied') : copy === 'byHand' ? t('share.copyByHand') : t('share.length', { count: made.url.length })}
            </p>
          </>
        ) : null}
        <div className="share-actions">
          <button type="button" className="btn" onClick={onClose}>
            {t('share.close')}
          </button>
        </div>
      </div>
    </div>
  );
}

function copySelection(): boolean {
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}
