/**
 * Turns the codes a concept model emits into words: the open scenario's own table first
 * (`concepts.scenarios.<id>.<table>.<code>`), then the shared one (`concepts.<table>.<code>`), and as a
 * last resort the code itself (so a missing word shows up as a code, never as nothing).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ConceptLogLine, ConceptResult } from '../../engine/concepts/types';

export interface ConceptText {
  title(): string;
  label(label: string): string;
  fact(key: string): string;
  metric(id: string): string;
  logLine(line: ConceptLogLine): string;
  refusal(result: Extract<ConceptResult, { ok: false }>, knobLabel?: string): string;
  knob(id: string): string;
  option(knob: string, option: string): string;
  action(id: string): string;
  pulse(code: string): string;
  list(key: 'explanation' | 'tryList'): string[];
}

export function conceptText(t: TFunction, id: string): ConceptText {
  const own = `concepts.scenarios.${id}`;
  const lookup = (table: string, code: string, params?: Record<string, unknown>) =>
    t([`${own}.${table}.${code}`, `concepts.${table}.${code}`], { defaultValue: code, ...(params ?? {}) });
  return {
    title: () => t(`${own}.title`, { defaultValue: id }),
    label: (label) => (label.startsWith('label:') ? lookup('labels', label.slice('label:'.length)) : label),
    fact: (key) => lookup('facts', key),
    metric: (metricId) => lookup('metrics', metricId),
    logLine: (line) => lookup('log', line.code, line.params),
    refusal: (result, knobLabel) => {
      const params = { ...(result.params ?? {}), ...(knobLabel ? { knob: knobLabel } : {}) };
      return lookup('refusals', result.code, params);
    },
    knob: (knobId) => t(`${own}.knobs.${knobId}`, { defaultValue: knobId }),
    option: (knob, option) => t(`${own}.knobOptions.${knob}.${option}`, { defaultValue: option }),
    action: (actionId) => t(`${own}.actions.${actionId}`, { defaultValue: actionId }),
    pulse: (code) => lookup('pulse', code),
    list: (key) => {
      const value = t(`${own}.${key}`, { returnObjects: true, defaultValue: [] }) as unknown;
      return Array.isArray(value) ? value.map(String) : [];
    },
  };
}

export function useConceptText(id: string): ConceptText {
  const { t, i18n } = useTranslation();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the language is what changes the words
  return useMemo(() => conceptText(t, id), [t, id, i18n.language]);
}
