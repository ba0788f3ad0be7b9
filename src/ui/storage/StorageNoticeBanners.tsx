/**
 * Calm, dismissible notices about the browser's storage: saved work that was set aside at load (the
 * page opened without it), and work the browser refuses to store, which then will not survive a reload.
 * Loaded (with its words) only when there is something to say: see StorageNotices.
 */
import './storage.css';
import i18next from 'i18next';
import { useTranslation } from 'react-i18next';
import { useStorageNoticeStore, type SetAsideItem, type StoredWork } from '../../store/storageNoticeStore';
import { storageEn, storageKo } from './messages';

i18next.addResourceBundle('en', 'translation', { storage: storageEn }, true, false);
i18next.addResourceBundle('ko', 'translation', { storage: storageKo }, true, false);

const NONE: readonly never[] = [];

export default function StorageNoticeBanners() {
  const { t } = useTranslation();
  const setAside = useStorageNoticeStore((s) => (s.setAsideDismissed ? NONE : s.setAside));
  const notSaved = useStorageNoticeStore((s) => (s.notSavedDismissed ? NONE : s.notSaved));
  const dismissSetAside = useStorageNoticeStore((s) => s.dismissSetAside);
  const dismissNotSaved = useStorageNoticeStore((s) => s.dismissNotSaved);
  const itemText = (item: SetAsideItem) => (item.whole ? t(`storage.items.${item.what}Whole`) : t(`storage.items.${item.what}`, { count: item.count }));
  const which = notSavedKey(notSaved);
  return (
    <>
      {setAside.length > 0 ? (
        <div className="banner banner-warn banner-note" role="status">
          <span>{t('storage.setAside', { items: setAside.map(itemText).join(', ') })}</span>
          <button type="button" className="btn btn-quiet" onClick={dismissSetAside}>
            {t('storage.dismiss')}
          </button>
        </div>
      ) : null}
      {which ? (
        <div className="banner banner-warn banner-note" role="status">
          <span>{t(`storage.notSaved.${which}`)}</span>
          <button type="button" className="btn btn-quiet" onClick={dismissNotSaved}>
            {t('storage.dismiss')}
          </button>
        </div>
      ) : null}
    </>
  );
}

function notSavedKey(notSaved: readonly StoredWork[]): 'cluster' | 'files' | 'both' | undefined {
  const cluster = notSaved.includes('cluster');
  const workbench = notSaved.includes('files') || notSaved.includes('history');
  return cluster && workbench ? 'both' : cluster ? 'cluster' : workbench ? 'files' : undefined;
}
