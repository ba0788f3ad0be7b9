import { useTranslation } from 'react-i18next';
import { useSavedClusterStore } from '../../store/savedClusterStore';

/** Says when the cluster saved in this browser could not be used or kept (never a blank page instead). */
export function SavedClusterNotice() {
  const { t } = useTranslation();
  const notice = useSavedClusterStore((s) => s.notice);
  const dismiss = useSavedClusterStore((s) => s.dismiss);
  if (!notice) return null;
  const text =
    notice.kind === 'setAside'
      ? t(`savedCluster.setAside.${notice.reason}`, { defaultValue: t('savedCluster.setAside.unknown-format') })
      : t('savedCluster.replayFailed', { message: notice.message });
  return (
    <div className="banner banner-warn" role="status">
      {text}
      <button type="button" className="btn btn-quiet" onClick={dismiss}>
        {t('savedCluster.dismiss')}
      </button>
    </div>
  );
}
