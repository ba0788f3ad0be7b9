/**
 * The storage notices' place on the page. Most visits have nothing to say: the banners and their words
 * load only when the storage notice store holds something to show.
 */
import { Suspense, lazy } from 'react';
import { useStorageNoticeStore } from '../../store/storageNoticeStore';

const StorageNoticeBanners = lazy(() => import('./StorageNoticeBanners'));

export function StorageNotices() {
  const anything = useStorageNoticeStore((s) => (!s.setAsideDismissed && s.setAside.length > 0) || (!s.notSavedDismissed && s.notSaved.length > 0));
  return anything ? (
    <Suspense fallback={null}>
      <StorageNoticeBanners />
    </Suspense>
  ) : null;
}
