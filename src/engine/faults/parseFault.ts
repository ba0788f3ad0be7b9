/**
 * Turning what a person typed (`fault cpu-load deployment/web 80`, `fault oom web-x after=30s`) or what
 * a message carried (an untyped record) into a checked Fault, with an error that says what is wrong.
 */
import { parseDuration } from '../clock/duration';
import { faultFailure, faultTextEn } from './resultText';
import { FAULT_NAMES, FAULT_OPTIONS, faultOption, type FaultOptionSpec } from './catalogue';
import type { Resolved } from './targets';
import type { Fault, FaultName } from './types';

export { FAULT_OPTIONS };

/** Short spellings accepted on the command line. */
const ALIASES: Record<string, string> = { exit: 'exitCode', code: 'exitCode', after: 'afterMs', c: 'container' };

export function isFaultName(name: string): name is FaultName {
  return (FAULT_NAMES as readonly string[]).includes(name);
}

const NAMES = FAULT_NAMES.join(', ');
export const FAULT_USAGE = faultTextEn({ code: 'usage', params: { names: NAMES } });

/** Checks an untyped request (`{ fault, target, ...options }`) and gives it its Fault type. */
export function normalizeFault(input: unknown): Resolved<Fault> {
  if (typeof input !== 'object' || input === null) return faultFailure('usage', { names: NAMES });
  const req = input as Record<string, unknown>;
  const name = req.fault;
  if (typeof name !== 'string' || !isFaultName(name)) return faultFailure('unknown-fault', { fault: String(name), names: NAMES });
  const target = req.target;
  if (typeof target !== 'string' || target.trim() === '') return faultFailure('needs-target', { fault: name });
  const out: Record<string, unknown> = { fault: name, target: target.trim() };
  for (const [rawKey, value] of Object.entries(req)) {
    if (rawKey === 'fault' || rawKey === 'target' || value === undefined) continue;
    const key = ALIASES[rawKey] ?? rawKey;
    const spec = faultOption(name, key as FaultOptionSpec['name']);
    if (!spec) {
      return FAULT_OPTIONS[name].length > 0 ? faultFailure('unknown-option', { fault: name, option: rawKey, options: FAULT_OPTIONS[name].join(', ') }) : faultFailure('takes-no-options', { fault: name, option: rawKey });
    }
    const checked = checkOption(spec, value);
    if (!checked.ok) return checked;
    out[key] = checked.value;
  }
  if (name === 'cpu-load' && out.percent === undefined) return faultFailure('percent-required');
  return { ok: true, value: out as unknown as Fault };
}

/** Checks a value against its option's type and range in the catalogue. */
function checkOption(spec: FaultOptionSpec, value: unknown): Resolved<unknown> {
  const min = spec.min ?? 0;
  const max = spec.max ?? Infinity;
  switch (spec.type) {
    case 'name':
    case 'image':
      return typeof value === 'string' && value !== '' ? { ok: true, value } : faultFailure('option-not-a-name', { option: spec.name });
    case 'integer': {
      const n = typeof value === 'string' ? Number(value) : value;
      return typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max ? { ok: true, value: n } : faultFailure('bad-exit-code', { value: String(value), min, max });
    }
    case 'duration': {
      let ms: number;
      if (typeof value === 'number' && value >= 0) ms = value;
      else if (typeof value === 'string') {
        try {
          ms = parseDuration(value);
        } catch {
          return faultFailure('bad-duration', { value });
        }
      } else return faultFailure('bad-after');
      return ms >= min && ms <= max ? { ok: true, value: ms } : faultFailure('after-out-of-range', { value: String(value), min: `${min / 1000}s`, max: `${max / 1000}s` });
    }
    case 'percent': {
      const n = typeof value === 'string' ? Number(value.replace(/%$/, '')) : value;
      if (typeof n !== 'number' || !Number.isFinite(n) || n < 0) return faultFailure('bad-percent', { value: String(value) });
      return n >= min && n <= max ? { ok: true, value: n } : faultFailure('percent-out-of-range', { value: String(value), min, max });
    }
  }
}

/**
 * `<name> <target> [key=value ...]` as typed after `fault`. A bare word after the target is the
 * fault's main value (cpu-load's PERCENT).
 */
export function parseFaultCommand(words: readonly string[]): Resolved<Fault> {
  const [name, target, ...rest] = words;
  if (!name || !target) return faultFailure('usage', { names: NAMES });
  const req: Record<string, unknown> = { fault: name, target };
  for (const word of rest) {
    const eq = word.indexOf('=');
    if (eq > 0) req[word.slice(0, eq)] = word.slice(eq + 1);
    else if (name === 'cpu-load' && req.percent === undefined) req.percent = word;
    else return faultFailure('unexpected-word', { word });
  }
  return normalizeFault(req);
}
