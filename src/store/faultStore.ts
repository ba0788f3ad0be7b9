/**
 * The failure panel's state: what the worker says is in effect (active faults, control-plane process
 * states), whether the panel is open, the canvas's right-click menu, and the last injection's outcome.
 */
import { create } from 'zustand';
import type { FaultStatus } from '../worker/protocol';

/** What a right-click landed on. */
export type FaultSubject = { kind: 'Pod'; namespace: string; name: string } | { kind: 'Node'; name: string } | { kind: 'Component'; name: string };

export interface ContextMenuState {
  x: number;
  y: number;
  subject: FaultSubject;
}

export type InjectOutcome = { ok: true; message: string } | { ok: false; error: string };

export interface FaultState {
  status: FaultStatus;
  panelOpen: boolean;
  menu: ContextMenuState | undefined;
  lastOutcome: InjectOutcome | undefined;
  setStatus(status: FaultStatus): void;
  togglePanel(open?: boolean): void;
  openMenu(menu: ContextMenuState): void;
  closeMenu(): void;
  setOutcome(outcome: InjectOutcome | undefined): void;
}

export const NO_FAULTS: FaultStatus = { active: [], components: [] };

export const useFaultStore = create<FaultState>()((set) => ({
  status: NO_FAULTS,
  panelOpen: false,
  menu: undefined,
  lastOutcome: undefined,
  setStatus: (status) => set({ status }),
  togglePanel: (open) => set((s) => ({ panelOpen: open ?? !s.panelOpen })),
  openMenu: (menu) => set({ menu }),
  closeMenu: () => set({ menu: undefined }),
  setOutcome: (lastOutcome) => set({ lastOutcome }),
}));
