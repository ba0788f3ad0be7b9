/**
 * The open concept scenario as the worker last described it (`ConceptView`: diagram, numbers, knobs, log),
 * or undefined on the cluster page. The scenario page renders it; lessons check it ("turn the limits on").
 */
import { create } from 'zustand';
import type { ConceptView } from '../engine/concepts/types';

export interface ConceptState {
  view: ConceptView | undefined;
  setView(view: ConceptView | undefined): void;
}

export const useConceptStore = create<ConceptState>()((set) => ({
  view: undefined,
  setView: (view) => set({ view }),
}));
