/**
 * Pod predicates the workload controllers share (pkg/api/v1/pod and pkg/controller/controller_utils.go):
 * which pods count as active, ready and available.
 */
import type { Pod, PodCondition } from 'kubernetes-types/core/v1';
import type { Stored } from '../../objects';

export type StoredPod = Stored<Pod>;

/** Active pods are neither finished nor being deleted (controller.IsPodActive). */
export function isPodActive(pod: StoredPod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

export function podReadyCondition(pod: StoredPod): PodCondition | undefined {
  const conditions = pod.status?.conditions;
  if (!conditions) return undefined;
  for (const c of conditions) if (c.type === 'Ready') return c;
  return undefined;
}

/** A pod is ready when its Ready condition is True (podutil.IsPodReady). */
export function isPodReady(pod: StoredPod): boolean {
  return podReadyCondition(pod)?.status === 'True';
}

export function parseTime(rfc3339: string | undefined): number | undefined {
  if (!rfc3339) return undefined;
  const ms = Date.parse(rfc3339);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The instant a ready pod becomes available: Ready for minReadySeconds (podutil.IsPodAvailable requires
 * lastTransitionTime + minReadySeconds to be strictly before now). Undefined when not ready.
 */
export function podAvailableSince(pod: StoredPod, minReadySeconds: number): number | undefined {
  const ready = podReadyCondition(pod);
  if (ready?.status !== 'True') return undefined;
  if (minReadySeconds <= 0) return Number.NEGATIVE_INFINITY;
  const since = parseTime(ready.lastTransitionTime);
  // A Ready condition without a transition time never satisfies minReadySeconds in Kubernetes either.
  if (since === undefined) return Number.POSITIVE_INFINITY;
  return since + minReadySeconds * 1000;
}

export function isPodAvailable(pod: StoredPod, minReadySeconds: number, nowMs: number): boolean {
  const at = podAvailableSince(pod, minReadySeconds);
  return at !== undefined && (at === Number.NEGATIVE_INFINITY || at < nowMs);
}
