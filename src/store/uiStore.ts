/**
 * UI state that is not the cluster's: what is selected, which panels are open, the language.
 * Speed and play/pause live in the worker (the clock's owner) and come back through the cluster store.
 */
import { create } from 'zustand';

export interface ObjectRef {
  kind: string;
  namespace?: string;
  name: string;
}

export type Language = 'en' | 'ko';

export interface UiState {
  selection: ObjectRef | undefined;
  eventsOpen: boolean;
  helpOpen: boolean;
  language: Language;
  /** Whether the canvas draws the cluster's own pods (kube-system): hidden at first, to keep the scene simple. */
  showSystemPods: boolean;
  select(ref: ObjectRef | undefined): void;
  toggleSystemPods(show?: boolean): void;
  toggleEvents(open?: boolean): void;
  toggleHelp(open?: boolean): void;
  setLanguage(language: Language): void;
}

export function languageFromLocale(locale: string | undefined): Language {
  return locale?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function sameRef(a: ObjectRef | undefined, b: ObjectRef | undefined): boolean {
  return !!a && !!b && a.kind === b.kind && a.name === b.name && (a.namespace ?? '') === (b.namespace ?? '');
}

export const useUiStore = create<UiState>()((set) => ({
  selection: undefined,
  eventsOpen: true,
  helpOpen: false,
  language: languageFromLocale(typeof navigator === 'undefined' ? undefined : navigator.language),
  showSystemPods: false,
  select: (selection) => set({ selection }),
  toggleSystemPods: (show) => set((s) => ({ showSystemPods: show ?? !s.showSystemPods })),
  toggleEvents: (open) => set((s) => ({ eventsOpen: open ?? !s.eventsOpen })),
  toggleHelp: (open) => set((s) => ({ helpOpen: open ?? !s.helpOpen })),
  setLanguage: (language) => set({ language }),
}));
