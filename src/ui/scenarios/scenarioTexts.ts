/**
 * Each concept scenario's own words, by scenario id (`concepts.scenarios.<id>` in i18next). Its own chunk:
 * loadScenarioTexts.ts adds it when a scenario page or the scenario menu first needs it.
 */
import { erasEn, erasKo } from './text/eras';
import { vmVsContainerEn, vmVsContainerKo } from './text/vmVsContainer';
import { imageLayersEn, imageLayersKo } from './text/imageLayers';
import { monolithVsMicroservicesEn, monolithVsMicroservicesKo } from './text/monolithVsMicroservices';
import { declarativeVsScriptEn, declarativeVsScriptKo } from './text/declarativeVsScript';

export const scenarioTextsEn = {
  eras: erasEn,
  'vm-vs-container': vmVsContainerEn,
  'image-layers': imageLayersEn,
  'monolith-vs-microservices': monolithVsMicroservicesEn,
  'declarative-vs-script': declarativeVsScriptEn,
};

export const scenarioTextsKo: typeof scenarioTextsEn = {
  eras: erasKo,
  'vm-vs-container': vmVsContainerKo,
  'image-layers': imageLayersKo,
  'monolith-vs-microservices': monolithVsMicroservicesKo,
  'declarative-vs-script': declarativeVsScriptKo,
};
