/**
 * resource.Quantity (k8s.io/apimachinery/pkg/api/resource): `500m`, `1Gi`, `128974848`, `1e3`, `0.5`.
 * Values are plain numbers in base units (cores, bytes); the helpers round up as Quantity.MilliValue()
 * and Quantity.Value() do.
 */

/** The grammar the API server enforces; its message is what a bad quantity is refused with. */
export const QUANTITY_PATTERN = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
export const QUANTITY_PATTERN_MESSAGE = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const BINARY_SUFFIXES: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const DECIMAL_SUFFIXES: Record<string, number> = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};

export class QuantityError extends Error {
  constructor(text: string) {
    super(`${QUANTITY_PATTERN_MESSAGE} (got ${JSON.stringify(text)})`);
    this.name = 'QuantityError';
  }
}

/**
 * Parsed quantity strings: admission, the scheduler and the kubelet parse the same few (`100m`,
 * `64Mi`) for every pod, and each parse runs regular expressions. Bounded: cleared when full.
 */
const parsed = new Map<string, number>();
const PARSED_MAX = 4096;

/** Parses a quantity to a number in base units. Throws QuantityError on malformed input. */
export function parseQuantity(text: string | number): number {
  if (typeof text === 'number') {
    if (!Number.isFinite(text)) throw new QuantityError(String(text));
    return text;
  }
  const known = parsed.get(text);
  if (known !== undefined) return known;
  const value = parseQuantityText(text);
  if (parsed.size >= PARSED_MAX) parsed.clear();
  parsed.set(text, value);
  return value;
}

function parseQuantityText(text: string): number {
  const s = text.trim();
  const m = QUANTITY_PATTERN.exec(s);
  if (!m) throw new QuantityError(text);
  const digits = m[1]!;
  const suffix = m[2]!;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(digits)) throw new QuantityError(text);
  const base = Number(digits);
  let factor: number | undefined = BINARY_SUFFIXES[suffix] ?? DECIMAL_SUFFIXES[suffix];
  if (factor === undefined) {
    const exp = /^[eE]([-+]?\d+)$/.exec(suffix);
    if (!exp) throw new QuantityError(text);
    factor = 10 ** Number(exp[1]);
  }
  return base * factor;
}

/** Whether the API server would accept the text as a quantity. */
export function isValidQuantity(text: unknown): boolean {
  if (typeof text === 'number') return Number.isFinite(text);
  if (typeof text !== 'string') return false;
  try {
    parseQuantity(text);
    return true;
  } catch {
    return false;
  }
}

/** CPU in millicores, rounded up as Quantity.MilliValue() does (`100m` → 100, `0.5` → 500). 0 if unset. */
export function cpuMillis(q: string | number | undefined): number {
  if (q === undefined || q === '') return 0;
  return Math.ceil(parseQuantity(q) * 1000 - 1e-9);
}

/** Memory (or storage) in bytes, rounded up as Quantity.Value() does. 0 if unset. */
export function memoryBytes(q: string | number | undefined): number {
  if (q === undefined || q === '') return 0;
  return Math.ceil(parseQuantity(q) - 1e-9);
}

/** Millicores in kubectl's form: `250m`, or whole cores `2`. */
export function formatCpuMillis(millis: number): string {
  return millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`;
}

/** Bytes with the largest binary suffix that divides them exactly (`134217728` → `128Mi`). */
export function formatBytes(bytes: number): string {
  if (bytes === 0) return '0';
  for (const suffix of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki'] as const) {
    const unit = BINARY_SUFFIXES[suffix]!;
    if (bytes % unit === 0) return `${bytes / unit}${suffix}`;
  }
  return String(bytes);
}

/** Compares two quantities by value: negative, zero or positive. */
export function compareQuantities(a: string | number, b: string | number): number {
  return parseQuantity(a) - parseQuantity(b);
}
