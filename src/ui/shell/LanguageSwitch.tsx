import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../i18n';
import { useUiStore, type Language } from '../../store/uiStore';

export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useUiStore((s) => s.language);
  const setLanguage = useUiStore((s) => s.setLanguage);
  return (
    <label className="language-switch">
      <span className="visually-hidden">{t('header.language')}</span>
      <select aria-label={t('header.language')} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.label}
          </option>
        ))}
      </select>
    </label>
  );
}
