/** Adds the concept scenarios' own words (scenarioTexts.ts, its own chunk) to i18next, once. */
import i18next from 'i18next';

let loading: Promise<void> | undefined;

export function loadScenarioTexts(): Promise<void> {
  loading ??= import('./scenarioTexts').then(({ scenarioTextsEn, scenarioTextsKo }) => {
    i18next.addResourceBundle('en', 'translation', { concepts: { scenarios: scenarioTextsEn } }, true, false);
    i18next.addResourceBundle('ko', 'translation', { concepts: { scenarios: scenarioTextsKo } }, true, false);
  });
  return loading;
}
