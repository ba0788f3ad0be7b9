/**
 * Quantities as the scheduler reads them: never throwing. Admission rejects malformed quantities, but an
 * object written without it must not break the write whose watch event we are handling, so such a value
 * counts 0. (Parsing itself is memoised by the shared parser in apiserver/quantity.ts.)
 */
import { cpuMillis as parseCpuMillis, memoryBytes as parseMemoryBytes } from '../../apiserver/quantity';

function orZero(parse: (q: string | number | undefined) => number, q: string | number | undefined): number {
  try {
    return parse(q);
  } catch {
    return 0;
  }
}

/** CPU in millicores. */
export function cpuMillis(q: string | number | undefined): number {
  return orZero(parseCpuMillis, q);
}

/** Bytes (memory, storage) or a plain count (pods, extended resources). */
export function quantityValue(q: string | number | undefined): number {
  return orZero(parseMemoryBytes, q);
}
