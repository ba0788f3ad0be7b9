import { useTranslation } from 'react-i18next';
import { PRESET_NAMES } from '../../engine/scenarios/presets';
import { usePresetRoute } from './presetRoute';

/** Follows `#/presets/<id>`, and says so when the id names no preset. */
export function PresetNotice() {
  const { t } = useTranslation();
  const { unknown, dismiss } = usePresetRoute();
  if (unknown === undefined) return null;
  return (
    <div className="banner banner-warn" role="alert">
      <span>{t('bigCluster.unknownPreset', { id: unknown, names: PRESET_NAMES.join(', ') })}</span>
      <button type="button" className="btn btn-quiet" onClick={dismiss}>
        {t('bigCluster.dismiss')}
      </button>
    </div>
  );
}
