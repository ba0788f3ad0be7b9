/**
 * The failure panel's option fields: which ones a fault takes, their defaults and ranges (all from the
 * engine's fault catalogue), and checking what was typed before anything is sent. Errors are i18n keys
 * under `faults.options.errors`, one per field.
 */
import { FAULT_CATALOGUE, FAULT_OPTIONS, faultOption, type FaultName, type FaultOptionName } from '../../engine/faults';

/** What the person typed or picked, as strings (empty: the engine's default). */
export interface OptionDraft {
  container: string;
  exitCode: string;
  image: string;
  afterSeconds: string;
  percent: string;
}

export type OptionField = keyof OptionDraft;

export const EMPTY_DRAFT: OptionDraft = { container: '', exitCode: '', image: '', afterSeconds: '', percent: '' };

/** The engine's value of an option per fault, for the faults that have one. */
function defaultsOf(option: FaultOptionName, scale = 1): Partial<Record<FaultName, number>> {
  const out: Partial<Record<FaultName, number>> = {};
  for (const spec of FAULT_CATALOGUE) {
    const value = faultOption(spec.name, option)?.default;
    if (value !== undefined) out[spec.name] = value / scale;
  }
  return out;
}

/** The engine's defaults: kill-container 137 (`kill -9`), crashloop 1; crashloop's and oom's delays in seconds. */
export const DEFAULT_EXIT_CODE = defaultsOf('exitCode');
export const DEFAULT_AFTER_SECONDS = defaultsOf('afterMs', 1000);
/** What cpu-load's percentage starts at. */
export const DEFAULT_PERCENT = faultOption('cpu-load', 'percent')?.suggested ?? 100;

/** An option's range from the catalogue (durations in seconds, as the field takes them). */
function rangeOf(fault: FaultName, option: FaultOptionName, scale = 1): { min: number; max: number } {
  const spec = faultOption(fault, option);
  return { min: (spec?.min ?? 0) / scale, max: (spec?.max ?? Infinity) / scale };
}

/**
 * Exit codes a teacher reaches for: 1 (the program reports an error), 137 = 128 + 9 (SIGKILL: `kill -9`,
 * the OOM killer), 143 = 128 + 15 (SIGTERM: a graceful stop the program did not survive).
 */
export const EXIT_CODE_PRESETS = [1, 137, 143] as const;

const FIELD_OF_OPTION: Record<string, OptionField> = { container: 'container', exitCode: 'exitCode', image: 'image', afterMs: 'afterSeconds', percent: 'percent' };

const OPTION_OF_FIELD: Record<OptionField, FaultOptionName> = { container: 'container', exitCode: 'exitCode', image: 'image', afterSeconds: 'afterMs', percent: 'percent' };

/** A numeric field's bounds for a fault, in the field's unit (what its error message quotes). */
export function fieldRange(fault: FaultName, field: OptionField): { min: number; max: number } {
  return rangeOf(fault, OPTION_OF_FIELD[field], field === 'afterSeconds' ? 1000 : 1);
}

/** The fields the panel shows for a fault, in the engine's order. */
export function optionFields(fault: FaultName): OptionField[] {
  return FAULT_OPTIONS[fault].map((o) => FIELD_OF_OPTION[o]).filter((f): f is OptionField => f !== undefined);
}

/** The draft a fault starts with: its default exit code and CPU percentage filled in. */
export function initialDraft(fault: FaultName, container = ''): OptionDraft {
  const exit = DEFAULT_EXIT_CODE[fault];
  const percent = faultOption(fault, 'percent');
  return { ...EMPTY_DRAFT, container, exitCode: exit === undefined ? '' : String(exit), percent: percent?.suggested === undefined ? '' : String(percent.suggested) };
}

/**
 * An image reference as the distribution reference grammar allows it, loosely: lowercase path components
 * separated by `/` (the first may be a host with a port), then an optional `:tag` and/or `@digest`.
 */
const IMAGE_RE = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?::[0-9]+)?(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@[a-z0-9]+:[a-f0-9]{32,})?$/;

export type OptionErrors = Partial<Record<OptionField, string>>;

export type CheckedOptions = { ok: true; options: Record<string, string | number> } | { ok: false; errors: OptionErrors };

/**
 * Checks the fields the fault takes and turns them into the request's options. `containers` are the
 * target's containers (a pod's, or a Deployment template's); an empty field means the engine's default.
 */
export function checkOptions(fault: FaultName, draft: OptionDraft, containers: readonly string[]): CheckedOptions {
  const options: Record<string, string | number> = {};
  const errors: OptionErrors = {};
  for (const field of optionFields(fault)) {
    const value = draft[field].trim();
    switch (field) {
      case 'container':
        if (value === '') break;
        if (containers.length > 0 && !containers.includes(value)) errors.container = 'container';
        else options.container = value;
        break;
      case 'exitCode': {
        if (value === '') break;
        const n = Number(value);
        const { min, max } = rangeOf(fault, 'exitCode');
        if (!/^\d+$/.test(value) || n < min || n > max) errors.exitCode = 'exitCode';
        else options.exitCode = n;
        break;
      }
      case 'image':
        if (value === '') break;
        if (!IMAGE_RE.test(value)) errors.image = 'image';
        else options.image = value;
        break;
      case 'afterSeconds': {
        if (value === '') break;
        const n = Number(value);
        const { min, max } = rangeOf(fault, 'afterMs', 1000);
        if (!/^\d+(\.\d+)?$/.test(value) || n < min || n > max) errors.afterSeconds = 'afterSeconds';
        else options.afterMs = Math.round(n * 1000);
        break;
      }
      case 'percent': {
        const n = Number(value);
        const { min, max } = rangeOf(fault, 'percent');
        if (value === '' || !/^\d+(\.\d+)?$/.test(value) || n < min || n > max) errors.percent = 'percent';
        else options.percent = n;
        break;
      }
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, options };
}
