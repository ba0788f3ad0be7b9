/**
 * The header's Share button. Its dialog loads on demand with the codec (fflate): the first screen
 * carries only the button. Opening a link is ShareArrival's.
 */
import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';

const ShareDialog = lazy(() => import('./ShareDialog'));

export function Share() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn btn-quiet" aria-haspopup="dialog" title={t('share.buttonHint')} onClick={() => setOpen(true)}>
        {t('share.button')}
      </button>
      <Suspense fallback={null}>{open ? <ShareDialog onClose={() => setOpen(false)} /> : null}</Suspense>
    </>
  );
}
