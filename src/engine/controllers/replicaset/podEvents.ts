/**
 * Which pod changes concern a ReplicaSet (the pod event handlers of replica_set.go). Kubernetes
 * requeues the owner on every pod update; the playground skips updates that cannot change anything the
 * ReplicaSet computes (a container restart count, a new IP), which keeps large clusters fast.
 */
import { controllerOf } from '../../objects';
import { isPodActive, podReadyCondition, type StoredPod } from '../controllerutils/podStatus';

export type PodChange = 'none' | 'readiness' | 'membership';

/**
 * `membership`: the pod joined or left the owner's active pods (labels, owner, finished, terminating):
 * the owner may need to create or delete pods, so it syncs at once. `readiness`: only the Ready
 * condition moved, which changes status counts alone. `none`: nothing the owner computes.
 */
export function classifyPodChange(old: StoredPod, cur: StoredPod): PodChange {
  if (old.metadata.labels !== cur.metadata.labels && JSON.stringify(old.metadata.labels) !== JSON.stringify(cur.metadata.labels)) return 'membership';
  if (controllerOf(old)?.uid !== controllerOf(cur)?.uid) return 'membership';
  if (isPodActive(old) !== isPodActive(cur)) return 'membership';
  const ro = podReadyCondition(old);
  const rc = podReadyCondition(cur);
  return ro?.status !== rc?.status || ro?.lastTransitionTime !== rc?.lastTransitionTime ? 'readiness' : 'none';
}
