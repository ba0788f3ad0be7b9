/**
 * The pods/eviction subresource (pkg/registry/core/pod/storage/eviction.go): a delete that asks the
 * pod's PodDisruptionBudget first. A pod that is finished, Pending or already being deleted goes at
 * once; a pod with no budget goes at once; a pod covered by two budgets is refused (500); otherwise the
 * budget must allow a disruption: then disruptionsAllowed goes down by one, the pod is noted under
 * status.disruptedPods (so the disruption controller does not count it healthy until it is gone) and
 * the pod is deleted gracefully. With no disruption allowed the answer is 429 TooManyRequests, which
 * `kubectl drain` retries every 5 seconds.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { ApiServer } from './apiserver';
import { ApiError, notFound } from './errors';
import { matchesLabelSelector } from './labels';
import type { Stored } from '../objects';

export const PDB_VIOLATION_MESSAGE = "Cannot evict pod as it would violate the pod's disruption budget.";

export interface EvictionOptions {
  gracePeriodSeconds?: number;
  dryRun?: boolean;
}

function isReady(pod: Stored<Pod>): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

/** The budgets whose selector matches the pod (an empty selector matches every pod of the namespace in policy/v1). */
export function budgetsForPod(api: ApiServer, pod: Stored<Pod>): Stored<PodDisruptionBudget>[] {
  return api
    .list<PodDisruptionBudget>('PodDisruptionBudget', { namespace: pod.metadata.namespace ?? 'default' })
    .filter((pdb) => pdb.spec?.selector != null && matchesLabelSelector(pdb.spec.selector, pod.metadata.labels));
}

/** Evicts a pod, or throws the ApiError the API server answers with. */
export function evictPod(api: ApiServer, namespace: string, name: string, now: string, opts: EvictionOptions = {}): void {
  const pod = api.get<Pod>('Pod', namespace, name);
  if (!pod) throw notFound('pods', name);
  const deleteOpts = { ...(opts.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: opts.gracePeriodSeconds } : {}), ...(opts.dryRun ? { dryRun: true } : {}) };
  const phase = pod.status?.phase;
  // canIgnorePDB: nothing to protect in a pod that has finished, never started, or is already going.
  if (phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || pod.metadata.deletionTimestamp) {
    api.delete('Pod', namespace, name, deleteOpts);
    return;
  }
  const budgets = budgetsForPod(api, pod);
  if (budgets.length > 1) {
    throw new ApiError('InternalError', 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
  }
  const pdb = budgets[0];
  if (!pdb) {
    api.delete('Pod', namespace, name, deleteOpts);
    return;
  }
  const status = pdb.status ?? { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 };
  // An unready pod adds nothing to the budget: with the default policy (IfHealthyBudget) it may go while
  // the budget is met; AlwaysAllow lets it go in any case.
  if (!isReady(pod)) {
    const policy = pdb.spec?.unhealthyPodEvictionPolicy ?? 'IfHealthyBudget';
    if (policy === 'AlwaysAllow' || (status.currentHealthy >= status.desiredHealthy && status.desiredHealthy > 0)) {
      api.delete('Pod', namespace, name, deleteOpts);
      return;
    }
  }
  if ((status.observedGeneration ?? 0) < (pdb.metadata.generation ?? 1)) throw new ApiError('TooManyRequests', PDB_VIOLATION_MESSAGE);
  if (status.disruptionsAllowed < 0) {
    throw new ApiError('Forbidden', `poddisruptionbudgets.policy "${pdb.metadata.name}" is forbidden: pdb disruptions allowed is negative`);
  }
  if (status.disruptionsAllowed === 0) throw new ApiError('TooManyRequests', PDB_VIOLATION_MESSAGE);
  if (opts.dryRun) return;
  const disruptionsAllowed = status.disruptionsAllowed - 1;
  const conditions = disruptionsAllowed === 0 ? disruptionAllowedCondition(status.conditions, false, status.observedGeneration, now) : status.conditions;
  api.updateStatus({
    ...pdb,
    status: { ...status, disruptionsAllowed, disruptedPods: { ...(status.disruptedPods ?? {}), [name]: now }, ...(conditions ? { conditions } : {}) },
  });
  api.delete('Pod', namespace, name, deleteOpts);
}

type Condition = NonNullable<NonNullable<PodDisruptionBudget['status']>['conditions']>[number];

/**
 * pdbhelper.UpdateDisruptionAllowedCondition: DisruptionAllowed True (SufficientPods) or False
 * (InsufficientPods); lastTransitionTime moves only when the status does (apimeta.SetStatusCondition).
 */
export function disruptionAllowedCondition(conditions: Condition[] | undefined, allowed: boolean, observedGeneration: number | undefined, now: string): Condition[] {
  const status = allowed ? 'True' : 'False';
  const prev = (conditions ?? []).find((c) => c.type === 'DisruptionAllowed');
  const next: Condition = {
    type: 'DisruptionAllowed',
    status,
    reason: allowed ? 'SufficientPods' : 'InsufficientPods',
    message: '',
    ...(observedGeneration !== undefined ? { observedGeneration } : {}),
    lastTransitionTime: prev && prev.status === status ? prev.lastTransitionTime : now,
  };
  return [...(conditions ?? []).filter((c) => c.type !== 'DisruptionAllowed'), next];
}
