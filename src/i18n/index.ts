/**
 * i18next with the two languages the playground ships. Resources are bundled (no HTTP backend: the
 * page must work offline and make no request). The starting language comes from the UI store, which
 * takes it from the browser's locale.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { ko } from './ko';
import type { Language } from '../store/uiStore';

export const LANGUAGES: readonly { code: Language; label: string }[] = [
  { code: 'en', label: 'English' },
  { code: 'ko', label: '한국어' },
];

export function initI18n(language: Language): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, ko: { translation: ko } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
    // Some texts arrive after the first screen (addResourceBundle): components re-render when they do.
    react: { bindI18nStore: 'added' },
  });
  return i18next;
}
