/**
 * DaemonSet RollingUpdate without surge (pkg/controller/daemon/update.go rollingUpdate): on each node
 * the pod of an older template is deleted (the manage loop then creates the new one), an unavailable old
 * pod at once, available ones only while fewer than maxUnavailable nodes are unavailable. A node with a
 * new pod not yet available, or with no usable pod, counts as unavailable.
 */
import { isPodAvailable, type StoredPod } from '../controllerutils/podStatus';
import { CONTROLLER_REVISION_HASH_LABEL, type StoredDaemonSet } from './daemonPod';

/**
 * An int-or-percent scaled against `total`; DaemonSets round percentages up
 * (intstr.GetScaledValueFromIntOrPercent with roundUp true).
 */
export function scaledValue(value: number | string | undefined, total: number, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(value);
  if (!m) return Number.parseInt(value, 10) || 0;
  return Math.ceil((Number.parseInt(m[1]!, 10) * total) / 100);
}

/** maxUnavailable for this many desired nodes (at least 1 when maxSurge is 0 too). */
export function resolveMaxUnavailable(ds: StoredDaemonSet, desired: number): number {
  const ru = ds.spec?.updateStrategy?.rollingUpdate;
  const unavailable = scaledValue(ru?.maxUnavailable, desired, 1);
  const surge = scaledValue(ru?.maxSurge, desired, 0);
  return unavailable === 0 && surge === 0 ? 1 : unavailable;
}

/** `desired`: how many nodes should run the DaemonSet's pod (worked out once per sync by the caller). */
export function oldPodsToReplace(ds: StoredDaemonSet, desired: number, nodeToPods: Map<string, StoredPod[]>, hash: string, nowMs: number): StoredPod[] {
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const maxUnavailable = resolveMaxUnavailable(ds, desired);
  let unavailable = 0;
  const allowed: StoredPod[] = [];
  const candidates: StoredPod[] = [];
  for (const pods of nodeToPods.values()) {
    let newPod: StoredPod | undefined;
    let oldPod: StoredPod | undefined;
    let ambiguous = false;
    for (const p of pods) {
      if (p.metadata.deletionTimestamp) continue;
      const isNew = p.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === hash;
      if (isNew ? newPod : oldPod) ambiguous = true;
      if (isNew) newPod = p;
      else oldPod = p;
    }
    if (ambiguous || (newPod === undefined) === (oldPod === undefined)) {
      // Several pods, or none usable: the manage loop sorts the node out; it counts as unavailable.
      unavailable++;
      continue;
    }
    if (oldPod) {
      if (isPodAvailable(oldPod, minReady, nowMs)) candidates.push(oldPod);
      else allowed.push(oldPod);
    } else if (newPod && !isPodAvailable(newPod, minReady, nowMs)) {
      unavailable++;
    }
  }
  const remaining = Math.max(0, Math.min(candidates.length, maxUnavailable - unavailable));
  return [...allowed, ...candidates.slice(0, remaining)];
}
