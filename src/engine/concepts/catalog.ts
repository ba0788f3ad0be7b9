/**
 * What the scenario menu needs to list the concept scenarios, without loading any model (the models run
 * in the worker; the page only lists and opens them). `SCENARIO_MENU` names the scenarios that exist, in
 * the course's order; a test checks it against the factories in `index.ts`.
 */
import type { ConceptId } from './types';

export interface ConceptMeta {
  id: ConceptId;
  /** A symbol for the menu (decorative: the title is what is read out). */
  icon: string;
  /** The course chapter the scenario follows (`1.1`, `1.2`). */
  chapter: string;
}

export const CONCEPT_META: Record<ConceptId, ConceptMeta> = {
  eras: { id: 'eras', icon: '▥', chapter: '1.2' },
  'vm-vs-container': { id: 'vm-vs-container', icon: '⬡', chapter: '1.2' },
  'image-layers': { id: 'image-layers', icon: '▤', chapter: '1.2' },
  'monolith-vs-microservices': { id: 'monolith-vs-microservices', icon: '◧', chapter: '1.1' },
  'declarative-vs-script': { id: 'declarative-vs-script', icon: '↻', chapter: '1.3' },
};

/** The scenarios that can be opened, in menu order (one line per scenario). */
export const SCENARIO_MENU: readonly ConceptId[] = [
  'eras',
  'vm-vs-container',
];
