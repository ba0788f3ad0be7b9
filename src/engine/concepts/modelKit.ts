/**
 * Small pieces the image-layers, monolith-vs-microservices and declarative-vs-script models share:
 * checking an action against its spec, refusals, and the "just happened" marks the canvas flashes.
 */
import type { ActionSpec, ConceptResult } from './types';

/**
 * Checks an action against the model's specs: it must exist, and each declared parameter must be one of
 * its choices. Codes: `action.unknown` (action), `action.badParam` (action, param, value).
 */
export function checkAction(specs: readonly ActionSpec[], action: string, params: Record<string, string> = {}): ConceptResult {
  const spec = specs.find((a) => a.id === action);
  if (!spec) return { ok: false, code: 'action.unknown', params: { action } };
  for (const p of spec.params ?? []) {
    const value = params[p.id];
    if (value === undefined || !p.choices.includes(value)) return { ok: false, code: 'action.badParam', params: { action, param: p.id, value: value ?? '' } };
  }
  return { ok: true };
}

export const OK: ConceptResult = { ok: true };

export function refuse(code: string, params?: Record<string, string | number>): ConceptResult {
  return { ok: false, code, ...(params ? { params } : {}) };
}

/** How long a node stays flashed after something happened to it (virtual time). */
export const PULSE_MS = 2_000;

/** Things that just happened to a node (`pulled`, `killed` ...), remembered for `PULSE_MS`. */
export class Pulses {
  private readonly marks = new Map<string, { pulse: string; atMs: number }>();

  constructor(private readonly now: () => number) {}

  set(id: string, pulse: string): void {
    this.marks.set(id, { pulse, atMs: this.now() });
  }

  /** `{ pulse }` to spread into a node while the mark is fresh, else nothing. */
  of(id: string): { pulse?: string } {
    const mark = this.marks.get(id);
    if (!mark) return {};
    if (this.now() - mark.atMs > PULSE_MS) {
      this.marks.delete(id);
      return {};
    }
    return { pulse: mark.pulse };
  }
}

/** A yes/no fact in any language: a mark, not the page's On/Off (which reads as a switch). */
export function mark(yes: boolean): string {
  return yes ? '✓' : '✗';
}
