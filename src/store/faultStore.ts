/**
 * The failure panel's state: what the worker says is in effect (active faults, control-plane process
 * states), whether the panel is open, the canvas's right-click menu, and the last injection's outcome.
 */
import { create } from 'zustand';
import type { FaultName } from '../engine/faults/types';
import { initialDraft, type OptionDraft } from '../ui/faults/faultOptions';
import type { Outcome } from '../ui/faults/resultText';
import type { FaultStatus } from '../worker/protocol';

/** What a right-click landed on. */
export type FaultSubject = { kind: 'Pod'; namespace: string; name: string } | { kind: 'Node'; name: string } | { kind: 'Component'; name: string };

export interface ContextMenuState {
  x: number;
  y: number;
  subject: FaultSubject;
}

/** An injection's result: the engine's English text, with its code and parameters when it sent them. */
export type InjectOutcome = Outcome & { atMs?: number };

/** What the panel's form holds: the fault, its target ('' = the first offered) and its options. */
export interface FaultDraft {
  fault: FaultName;
  target: string;
  options: OptionDraft;
}

export interface FaultState {
  status: FaultStatus;
  panelOpen: boolean;
  menu: ContextMenuState | undefined;
  lastOutcome: InjectOutcome | undefined;
  draft: FaultDraft;
  setStatus(status: FaultStatus): void;
  /** Picks another fault: its options start from the engine's defaults. */
  chooseFault(fault: FaultName): void;
  chooseTarget(target: string): void;
  setOption(field: keyof OptionDraft, value: string): void;
  /** Opens the panel on a fault and target (the right-click menu's "more options"). */
  openPanelWith(fault: FaultName, target: string): void;
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
  draft: { fault: 'kill-container', target: '', options: initialDraft('kill-container') },
  setStatus: (status) => set({ status }),
  chooseFault: (fault) => set((s) => ({ draft: { ...s.draft, fault, options: initialDraft(fault) } })),
  chooseTarget: (target) => set((s) => ({ draft: { ...s.draft, target, options: { ...s.draft.options, container: '' } } })),
  setOption: (field, value) => set((s) => ({ draft: { ...s.draft, options: { ...s.draft.options, [field]: value } } })),
  openPanelWith: (fault, target) => set({ panelOpen: true, menu: undefined, draft: { fault, target, options: initialDraft(fault) } }),
  togglePanel: (open) => set((s) => ({ panelOpen: open ?? !s.panelOpen })),
  openMenu: (menu) => set({ menu }),
  closeMenu: () => set({ menu: undefined }),
  setOutcome: (lastOutcome) => set({ lastOutcome }),
}));
