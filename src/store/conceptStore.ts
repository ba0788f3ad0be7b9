/**
 * The open concept scenario as the worker last described it (`ConceptView`: diagram, numbers, knobs, log),
 * or undefined on the cluster page. The scenario page renders it; lessons check it ("turn the limits on").
 * `controls` holds the open scenario's knob and action specs (from the worker's answer to opening it).
 */
import { create } from 'zustand';
import type { ActionSpec, ConceptId, ConceptView, KnobSpec } from '../engine/concepts/types';

export interface ConceptControls {
  id: ConceptId;
  knobs: readonly KnobSpec[];
  actions: readonly ActionSpec[];
}

export interface ConceptState {
  view: ConceptView | undefined;
  controls: ConceptControls | undefined;
  setView(view: ConceptView | undefined): void;
  setControls(controls: ConceptControls | undefined): void;
}

export const useConceptStore = create<ConceptState>()((set) => ({
  view: undefined,
  controls: undefined,
  setView: (view) => set({ view }),
  setControls: (controls) => set({ controls }),
}));
