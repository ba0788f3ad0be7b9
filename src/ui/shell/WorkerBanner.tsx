import { useTranslation } from 'react-i18next';
import { useClusterStore } from '../../store/clusterStore';
import { simClient } from '../../client/simClient';

/** Says when the simulation worker crashed and is being restarted from its last snapshot. */
export function WorkerBanner() {
  const { t } = useTranslation();
  const status = useClusterStore((s) => s.status);
  const error = useClusterStore((s) => s.lastError);
  const restarts = useClusterStore((s) => s.restarts);
  const dismiss = useClusterStore((s) => s.dismissError);
  if (status === 'crashed') return <div className="banner banner-error" role="alert">{t('worker.crashed', { message: error?.message ?? '' })}</div>;
  if (status === 'restarting') return <div className="banner banner-warn" role="status">{t('worker.restarting')}</div>;
  if (status === 'failed') {
    return (
      <div className="banner banner-error" role="alert">
        {t('worker.failed', { message: error?.message ?? '' })}
        <button type="button" className="btn" onClick={() => simClient.restart()}>
          {t('worker.retry')}
        </button>
      </div>
    );
  }
  if (status === 'running' && restarts > 0 && error) {
    return (
      <div className="banner banner-warn" role="status">
        {t('worker.restored')} ({error.message})
        <button type="button" className="btn btn-quiet" onClick={dismiss}>
          {t('worker.dismiss')}
        </button>
      </div>
    );
  }
  return null;
}
