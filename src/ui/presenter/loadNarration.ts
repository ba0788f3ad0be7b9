/** Adds the demos' narration to i18next on first use of presenter mode (a separate chunk). */
import i18next from 'i18next';

let loading: Promise<void> | undefined;

export function loadNarration(): Promise<void> {
  loading ??= import('./narration').then(({ narrationEn, narrationKo }) => {
    i18next.addResourceBundle('en', 'translation', { presenter: { steps: narrationEn } }, true, false);
    i18next.addResourceBundle('ko', 'translation', { presenter: { steps: narrationKo } }, true, false);
  });
  return loading;
}
