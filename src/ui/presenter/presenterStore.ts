/**
 * Presenter mode: on or off (kept across visits), and the demo being run: which step it is on, the
 * targets it chose, and what the last step's commands answered.
 */
import { create } from 'zustand';
import type { Bindings, DemoId } from './demos';

const PRESENTER_KEY = 'kube-playground.presenter';

export interface StepOutcome {
  /** What ran, as the student would type it (`kubectl …`, `fault node-down worker-2`). */
  line: string;
  ok: boolean;
  output: string;
}

export interface DemoRun {
  demo: DemoId;
  step: number;
  bindings: Bindings;
  outcomes: StepOutcome[];
  /** A step whose target could not be found (the demo Deployment was deleted …). */
  missing?: string;
  busy: boolean;
}

export interface PresenterState {
  on: boolean;
  run: DemoRun | undefined;
  toggle(on?: boolean): void;
  setRun(run: DemoRun | undefined): void;
}

function storedOn(): boolean {
  try {
    return typeof localStorage !== 'undefined' && localStorage.getItem(PRESENTER_KEY) === 'on';
  } catch {
    return false;
  }
}

export const usePresenterStore = create<PresenterState>()((set) => ({
  on: storedOn(),
  run: undefined,
  toggle: (on) =>
    set((s) => {
      const next = on ?? !s.on;
      try {
        localStorage.setItem(PRESENTER_KEY, next ? 'on' : 'off');
      } catch {
        // Storage unavailable: the choice lasts for this visit.
      }
      return { on: next };
    }),
  setRun: (run) => set({ run }),
}));
