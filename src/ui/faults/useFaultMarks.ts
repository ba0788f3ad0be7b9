import { useFaultStore } from '../../store/faultStore';
import type { FaultStatus } from '../../worker/protocol';
import { faultMarks, type FaultMarks } from './catalogue';

const cache = new WeakMap<FaultStatus, FaultMarks>();

function marksOf(status: FaultStatus): FaultMarks {
  let m = cache.get(status);
  if (!m) cache.set(status, (m = faultMarks(status)));
  return m;
}

/** The canvas marks for what the worker reports in effect (recomputed only when that report changes). */
export function useFaultMarks(): FaultMarks {
  return useFaultStore((s) => marksOf(s.status));
}
