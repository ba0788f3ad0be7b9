/**
 * The page's side of the concept scenario requests: open, turn a knob, run an action, close. Views the
 * worker posts afterwards arrive through the client into the concept store.
 */
import type { ConceptResult, KnobValue } from '../../engine/concepts/types';
import { useConceptStore } from '../../store/conceptStore';
import type { ConceptOpened } from '../../worker/protocol';
import { simClient } from '../../client/simClient';

/** Scenarios open with a fixed seed: the same knobs and actions replay the same story in class. */
export const SCENARIO_SEED = 1;

export async function openScenario(id: string): Promise<ConceptOpened> {
  const opened = await simClient.request({ type: 'conceptOpen', concept: id, seed: SCENARIO_SEED });
  const store = useConceptStore.getState();
  store.setControls({ id: opened.id, knobs: opened.knobs, actions: opened.actions });
  store.setView(opened.view);
  return opened;
}

export async function closeScenario(): Promise<void> {
  const store = useConceptStore.getState();
  store.setView(undefined);
  store.setControls(undefined);
  await simClient.request({ type: 'conceptClose' });
}

export function setScenarioKnob(knob: string, value: KnobValue): Promise<ConceptResult> {
  return simClient.request({ type: 'conceptKnob', knob, value });
}

export function runScenarioAction(action: string, params?: Record<string, string>): Promise<ConceptResult> {
  return simClient.request({ type: 'conceptAction', action, ...(params ? { params } : {}) });
}
