/**
 * The first-visit welcome: shown once (remembered in localStorage), and again from the help overlay.
 */
import { create } from 'zustand';

export const WELCOME_SEEN_KEY = 'kube-playground.welcome-seen';

function welcomeSeen(): boolean {
  try {
    return localStorage.getItem(WELCOME_SEEN_KEY) === '1';
  } catch {
    // No storage (private mode, file://): do not pester on every visit either.
    return true;
  }
}

export interface GuideState {
  welcomeOpen: boolean;
  openWelcome(): void;
  /** Closes the welcome and remembers that it was seen. */
  dismissWelcome(): void;
}

export const useGuideStore = create<GuideState>()((set) => ({
  welcomeOpen: typeof localStorage === 'undefined' ? false : !welcomeSeen(),
  openWelcome: () => set({ welcomeOpen: true }),
  dismissWelcome: () => {
    try {
      localStorage.setItem(WELCOME_SEEN_KEY, '1');
    } catch {
      // Storage unavailable: the welcome closes for this visit.
    }
    set({ welcomeOpen: false });
  },
}));
