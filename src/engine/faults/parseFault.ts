/**
 * Turning what a person typed (`fault cpu-load deployment/web 80`, `fault oom web-x after=30s`) or what
 * a message carried (an untyped record) into a checked Fault, with an error that says what is wrong.
 */
import { parseDuration } from '../clock/duration';
import { faultFailure, faultTextEn } from './resultText';
import type { Resolved } from './targets';
import { FAULT_NAMES, FAULT_OPTIONS, type Fault, type FaultName } from './types';

export { FAULT_OPTIONS };

/** A delayed fault (`after=`) fires within a virtual day, or not at all. */
const MAX_FAULT_DELAY_MS = 24 * 3_600_000;
/** CPU load is a share of the container's request; ten times the request is already far past any limit. */
const MAX_CPU_LOAD_PERCENT = 1000;

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
    if (!FAULT_OPTIONS[name].includes(key)) {
      return FAULT_OPTIONS[name].length > 0 ? faultFailure('unknown-option', { fault: name, option: rawKey, options: FAULT_OPTIONS[name].join(', ') }) : faultFailure('takes-no-options', { fault: name, option: rawKey });
    }
    const checked = checkOption(key, value);
    if (!checked.ok) return checked;
    out[key] = checked.value;
  }
  if (name === 'cpu-load' && out.percent === undefined) return faultFailure('percent-required');
  return { ok: true, value: out as unknown as Fault };
}

function checkOption(key: string, value: unknown): Resolved<unknown> {
  switch (key) {
    case 'container':
    case 'image':
      return typeof value === 'string' && value !== '' ? { ok: true, value } : faultFailure('option-not-a-name', { option: key });
    case 'exitCode': {
      const n = typeof value === 'string' ? Number(value) : value;
      return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 255 ? { ok: true, value: n } : faultFailure('bad-exit-code', { value: String(value) });
    }
    case 'afterMs': {
      let ms: unknown = value;
      if (typeof value === 'string') {
        try {
          ms = parseDuration(value);
        } catch {
          return faultFailure('bad-duration', { value });
        }
      }
      return typeof ms === 'number' && Number.isFinite(ms) && ms >= 0 && ms <= MAX_FAULT_DELAY_MS ? { ok: true, value: ms } : faultFailure('bad-after');
    }
    case 'percent': {
      const n = typeof value === 'string' ? Number(value.replace(/%$/, '')) : value;
      return typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= MAX_CPU_LOAD_PERCENT ? { ok: true, value: n } : faultFailure('bad-percent', { value: String(value) });
    }
    default:
      return { ok: true, value };
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
