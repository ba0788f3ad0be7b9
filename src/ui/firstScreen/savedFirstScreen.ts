/**
 * Whether the build's first frame may be painted before the worker runs. A saved cluster (a previous
 * visit, a fork made on the timeline) would be drawn as the default cluster for a moment and then jump
 * to its own objects: the page then waits for the worker instead. A saved cluster that is still the
 * starter cluster (the starter app applied, then only time passing) is the same cluster the build
 * drew, so it keeps the fast first frame.
 */
import { SAVED_CLUSTER_KEY, decodeSavedCluster, type KeyValueStore } from '../../client/savedCluster';

export function firstScreenFitsSavedCluster(store: KeyValueStore | undefined, firstScreenSeed: number): boolean {
  let raw: string | null;
  try {
    raw = store?.getItem(SAVED_CLUSTER_KEY) ?? null;
  } catch {
    return true;
  }
  if (raw === null) return true;
  const decoded = decodeSavedCluster(raw);
  // An unreadable record is set aside and a fresh default cluster starts: the build's frame is right.
  if (!decoded.ok) return true;
  const { seed, preset, inputs } = decoded.saved.snapshot;
  if (seed !== firstScreenSeed || preset !== 'default') return false;
  return inputs[0]?.op === 'apply' && inputs.slice(1).every((i) => i.op === 'advance');
}
