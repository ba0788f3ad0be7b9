/**
 * A fault result in the page's language: the engine's code and parameters through i18next
 * (`faults.results.*`), the English text it sent when it sent no code (an older worker, or an outcome
 * made on this side).
 */
import type { TFunction } from 'i18next';
import type { FaultText } from '../../engine/faults/resultText';

export type Outcome = ({ ok: true; message: string } | { ok: false; error: string }) & Partial<FaultText>;

export function translateFaultText(t: TFunction, text: FaultText): string {
  const params = text.cause ? { ...text.params, cause: translateFaultText(t, text.cause) } : text.params;
  return t(`faults.results.${text.code}`, params);
}

/** What the outcome line says (without the "Failed:" prefix). */
export function outcomeText(t: TFunction, outcome: Outcome): string {
  if (outcome.code !== undefined && outcome.params !== undefined) return translateFaultText(t, { code: outcome.code, params: outcome.params, ...(outcome.cause ? { cause: outcome.cause } : {}) });
  return outcome.ok ? outcome.message : outcome.error;
}
