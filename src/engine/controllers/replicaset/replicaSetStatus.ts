/**
 * ReplicaSet status (pkg/controller/replicaset/replica_set_utils.go calculateStatus): counts over the
 * active pods the ReplicaSet owns, and the ReplicaFailure condition that reports a failed create or
 * delete until a sync succeeds again.
 */
import type { ReplicaSet, ReplicaSetCondition, ReplicaSetStatus } from 'kubernetes-types/apps/v1';
import { matchesLabelMap } from '../../apiserver/labels';
import type { Stored } from '../../objects';
import { isPodAvailable, isPodReady, podAvailableSince, type StoredPod } from '../controllerutils/podStatus';

export type StoredReplicaSet = Stored<ReplicaSet>;

export interface ManageError {
  /** FailedCreate or FailedDelete. */
  reason: 'FailedCreate' | 'FailedDelete';
  message: string;
}

export function desiredReplicas(rs: StoredReplicaSet): number {
  return rs.spec?.replicas ?? 1;
}

export function calculateReplicaSetStatus(rs: StoredReplicaSet, activePods: readonly StoredPod[], manageError: ManageError | undefined, nowMs: number, nowRfc3339: string): ReplicaSetStatus {
  const minReadySeconds = rs.spec?.minReadySeconds ?? 0;
  const templateLabels = rs.spec?.template?.metadata?.labels;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of activePods) {
    if (matchesLabelMap(templateLabels, pod.metadata.labels)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReadySeconds, nowMs)) available++;
    }
  }
  const old = rs.status ?? { replicas: 0 };
  let conditions = (old.conditions ?? []).filter((c) => c.type !== 'ReplicaFailure');
  const failure = old.conditions?.find((c) => c.type === 'ReplicaFailure');
  if (manageError) {
    // An existing failure condition is kept as is (the real controller sets it only when absent).
    const cond: ReplicaSetCondition = failure ?? {
      type: 'ReplicaFailure',
      status: 'True',
      reason: manageError.reason,
      message: manageError.message,
      lastTransitionTime: nowRfc3339,
    };
    conditions = [...conditions, cond];
  }
  const status: ReplicaSetStatus = {
    replicas: activePods.length,
    fullyLabeledReplicas: fullyLabeled,
    readyReplicas: ready,
    availableReplicas: available,
    observedGeneration: rs.metadata.generation ?? 1,
  };
  if (conditions.length > 0) status.conditions = conditions;
  return status;
}

/** Milliseconds until the next ready-but-not-yet-available pod becomes available, if any. */
export function nextAvailabilityCheckMs(rs: StoredReplicaSet, activePods: readonly StoredPod[], nowMs: number): number | undefined {
  const minReadySeconds = rs.spec?.minReadySeconds ?? 0;
  if (minReadySeconds <= 0) return undefined;
  let soonest: number | undefined;
  for (const pod of activePods) {
    const at = podAvailableSince(pod, minReadySeconds);
    if (at === undefined || !Number.isFinite(at) || at < nowMs) continue;
    if (soonest === undefined || at < soonest) soonest = at;
  }
  // Available once lastTransitionTime + minReadySeconds is strictly before now: look 1 ms after.
  return soonest === undefined ? undefined : soonest - nowMs + 1;
}

function sameNumber(a: number | undefined, b: number | undefined): boolean {
  return (a ?? 0) === (b ?? 0);
}

/** Whether writing `next` would change anything (updateReplicaSetStatus skips no-op writes). */
export function replicaSetStatusChanged(old: ReplicaSetStatus | undefined, next: ReplicaSetStatus): boolean {
  if (!old) return true;
  return (
    !sameNumber(old.replicas, next.replicas) ||
    !sameNumber(old.fullyLabeledReplicas, next.fullyLabeledReplicas) ||
    !sameNumber(old.readyReplicas, next.readyReplicas) ||
    !sameNumber(old.availableReplicas, next.availableReplicas) ||
    !sameNumber(old.observedGeneration, next.observedGeneration) ||
    JSON.stringify(old.conditions ?? []) !== JSON.stringify(next.conditions ?? [])
  );
}
