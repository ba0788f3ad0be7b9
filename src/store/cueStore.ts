/**
 * Short-lived highlights from the worker's animation cues: which component just acted, with a caption,
 * and the scheduler's recent bindings (drawn as an animated edge to the node). Entries expire in real
 * time; a single ticker prunes them, so a component re-renders only when its own flash starts or ends.
 */
import { create } from 'zustand';
import type { TimedCue } from '../worker/protocol';
import { flashesForCue } from './cueFlashes';

export const FLASH_MS = 900;
export const BINDING_MS = 1400;

export interface LitTarget {
  until: number;
  caption: string | undefined;
}

export interface Binding {
  id: string;
  node: string;
  pod: string;
  until: number;
}

export interface CueState {
  lit: Readonly<Record<string, LitTarget>>;
  bindings: readonly Binding[];
  receive(cues: readonly TimedCue[], nowReal: number): void;
  prune(nowReal: number): void;
  clear(): void;
}

export function litAfterCues(lit: Readonly<Record<string, LitTarget>>, cues: readonly TimedCue[], nowReal: number): Record<string, LitTarget> {
  const next = { ...lit };
  for (const { cue } of cues) {
    for (const f of flashesForCue(cue)) {
      next[f.target] = { until: nowReal + FLASH_MS, caption: f.caption ?? next[f.target]?.caption };
    }
  }
  return next;
}

/** The same object when nothing expired, so subscribers are not woken for nothing. */
export function pruneLit(lit: Readonly<Record<string, LitTarget>>, nowReal: number): Readonly<Record<string, LitTarget>> {
  let next: Record<string, LitTarget> | undefined;
  for (const [target, l] of Object.entries(lit)) {
    if (l.until > nowReal) continue;
    next ??= { ...lit };
    delete next[target];
  }
  return next ?? lit;
}

let bindingSeq = 0;

export const useCueStore = create<CueState>()((set) => ({
  lit: {},
  bindings: [],
  receive: (cues, nowReal) =>
    set((s) => {
      const newBindings: Binding[] = [];
      for (const { cue } of cues) {
        if (cue.type === 'scheduled') newBindings.push({ id: `bind-${++bindingSeq}`, node: cue.node, pod: `${cue.namespace}/${cue.pod}`, until: nowReal + BINDING_MS });
      }
      return {
        lit: litAfterCues(s.lit, cues, nowReal),
        bindings: newBindings.length ? [...s.bindings, ...newBindings].slice(-12) : s.bindings,
      };
    }),
  prune: (nowReal) =>
    set((s) => {
      const lit = pruneLit(s.lit, nowReal);
      const bindings = s.bindings.some((b) => b.until <= nowReal) ? s.bindings.filter((b) => b.until > nowReal) : s.bindings;
      return lit === s.lit && bindings === s.bindings ? s : { lit, bindings };
    }),
  clear: () => set({ lit: {}, bindings: [] }),
}));

/** Whether a target is lit, and its caption: a component subscribes to its own entry only. */
export function useLit(target: string): LitTarget | undefined {
  return useCueStore((s) => s.lit[target]);
}
