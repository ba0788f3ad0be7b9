/**
 * Quantities as the scheduler reads them: memoized (the same few strings, `100m`, `128Mi`, recur on
 * thousands of pods) and never throwing: admission rejects malformed quantities, but an object
 * written without it must not break the write whose watch event we are handling. Such a value counts 0.
 */
import { cpuMillis as parseCpuMillis, memoryBytes as parseMemoryBytes } from '../../apiserver/quantity';

const MAX_MEMO = 4096;
const cpuMemo = new Map<string | number, number>();
const bytesMemo = new Map<string | number, number>();

function memoized(memo: Map<string | number, number>, parse: (q: string | number | undefined) => number, q: string | number | undefined): number {
  if (q === undefined) return 0;
  let v = memo.get(q);
  if (v === undefined) {
    try {
      v = parse(q);
    } catch {
      v = 0;
    }
    if (memo.size >= MAX_MEMO) memo.clear();
    memo.set(q, v);
  }
  return v;
}

/** CPU in millicores. */
export function cpuMillis(q: string | number | undefined): number {
  return memoized(cpuMemo, parseCpuMillis, q);
}

/** Bytes (memory, storage) or a plain count (pods, extended resources). */
export function quantityValue(q: string | number | undefined): number {
  return memoized(bytesMemo, parseMemoryBytes, q);
}
