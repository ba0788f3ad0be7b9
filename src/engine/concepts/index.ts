/**
 * The concept scenarios the worker can open: one factory per id. Adding a scenario is one line here,
 * one in `SCENARIO_MENU` (catalog.ts), and its strings under `concepts.scenarios.<id>` in the page's
 * messages (src/ui/scenarios/messages.ts).
 */
import type { ConceptFactory, ConceptId } from './types';
import { isConceptId } from './types';
import { createErasModel } from './eras/model';
import { createVmVsContainerModel } from './vmVsContainer/model';

export const CONCEPTS: Partial<Record<ConceptId, ConceptFactory>> = {
  eras: createErasModel,
  'vm-vs-container': createVmVsContainerModel,
};

export function conceptFactory(id: string): ConceptFactory | undefined {
  return isConceptId(id) ? CONCEPTS[id] : undefined;
}
