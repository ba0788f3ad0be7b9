/** Adds the explanations' long texts (texts.ts, its own chunk) to i18next, once. */
import i18next from 'i18next';

let loading: Promise<void> | undefined;

export function loadExplanations(): Promise<void> {
  loading ??= import('./texts').then(({ explainTextsEn, explainTextsKo }) => {
    i18next.addResourceBundle('en', 'translation', { explain: explainTextsEn }, true, false);
    i18next.addResourceBundle('ko', 'translation', { explain: explainTextsKo }, true, false);
  });
  return loading;
}
