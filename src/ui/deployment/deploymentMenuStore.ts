import { create } from 'zustand';

export interface DeploymentMenuState {
  menu: { x: number; y: number; namespace: string; name: string } | undefined;
  /** The last command the menu ran and what kubectl answered (shown briefly at the canvas's foot). */
  result: { line: string; output: string; ok: boolean; seq: number } | undefined;
  open(x: number, y: number, namespace: string, name: string): void;
  close(): void;
  setResult(line: string, output: string, ok: boolean): void;
  clearResult(seq: number): void;
}

let seq = 0;

export const useDeploymentMenuStore = create<DeploymentMenuState>()((set) => ({
  menu: undefined,
  result: undefined,
  open: (x, y, namespace, name) => set({ menu: { x, y, namespace, name } }),
  close: () => set({ menu: undefined }),
  setResult: (line, output, ok) => set({ result: { line, output, ok, seq: ++seq } }),
  clearResult: (s) => set((st) => (st.result?.seq === s ? { result: undefined } : st)),
}));
