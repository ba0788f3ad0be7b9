import { useTranslation } from 'react-i18next';
import { useFaultStore } from '../../store/faultStore';

/** The header's toggle for the failure panel, with the count of faults in effect. */
export function FailureButton() {
  const { t } = useTranslation();
  const open = useFaultStore((s) => s.panelOpen);
  const toggle = useFaultStore((s) => s.togglePanel);
  const count = useFaultStore((s) => s.status.active.length);
  return (
    <button type="button" className="btn btn-quiet failure-button" aria-pressed={open} onClick={() => toggle()}>
      {t('faults.open')}
      {count > 0 ? <span className="failure-count" aria-label={`${count}`}>{count}</span> : null}
    </button>
  );
}
