/**
 * The disruption controller (pkg/controller/disruption, `disruption-controller`): keeps each
 * PodDisruptionBudget's status, which the eviction subresource consults.
 *
 * - expectedPods and desiredHealthy (getExpectedPodCount): an integer minAvailable wants that many
 *   healthy pods out of the pods the selector matches; a percentage minAvailable, or any maxUnavailable,
 *   is taken of the scale of the pods' controllers (a Deployment's, a StatefulSet's, a bare ReplicaSet's
 *   replicas), rounding up.
 * - currentHealthy (countHealthyPods): matching pods that are Ready and neither being deleted nor
 *   evicted in the last 2 minutes (status.disruptedPods, DeletionTimeout).
 * - disruptionsAllowed = currentHealthy − desiredHealthy, at least 0; the DisruptionAllowed condition
 *   says whether it is above 0 (SufficientPods / InsufficientPods).
 * A budget whose selector matches nothing records `NoPods` "No matching pods found".
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { Deployment, ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import { controllerOf, keyOf, splitKey, type Stored } from '../../objects';
import { matchesLabelSelector } from '../../apiserver/labels';
import { disruptionAllowedCondition } from '../../apiserver/eviction';
import { isDeepEqual } from '../../apiserver/deepEqual';
import { Controller, type ControllerContext } from '../controllerRuntime';
import { isPodReady, parseTime } from '../controllerutils/podStatus';

export const DISRUPTION_CONTROLLER_NAME = 'disruption-controller';
/** DeletionTimeout: how long an evicted pod is taken as on its way out before it counts again. */
export const DELETION_TIMEOUT_MS = 2 * 60_000;
const SOURCE = { component: 'controllermanager' };

type IntOrString = number | string;

/** intstr.GetScaledValueFromIntOrPercent with roundUp. */
export function scaledValue(v: IntOrString, total: number): number | undefined {
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (m) return Math.ceil((Number(m[1]) * total) / 100);
  return /^\d+$/.test(v) ? Number(v) : undefined;
}

export function createDisruptionController(ctx: ControllerContext): Controller {
  const { api, clock, events } = ctx;

  /** The sum of the scales of the pods' controllers (finders: ReplicaSet → its Deployment, StatefulSet). */
  function expectedScale(pods: Stored<Pod>[], pdb: Stored<PodDisruptionBudget>): number | undefined {
    const scales = new Map<string, number>();
    for (const pod of pods) {
      const ref = controllerOf(pod);
      if (!ref) {
        events.record(pdb, 'Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: found no controllers for pod "${pod.metadata.name}"`, SOURCE);
        return undefined;
      }
      const ns = pod.metadata.namespace;
      if (ref.kind === 'ReplicaSet') {
        const rs = api.get<ReplicaSet>('ReplicaSet', ns, ref.name);
        if (!rs) continue;
        const dref = controllerOf(rs);
        const deploy = dref?.kind === 'Deployment' ? api.get<Deployment>('Deployment', ns, dref.name) : undefined;
        if (deploy) scales.set(deploy.metadata.uid, deploy.spec?.replicas ?? 1);
        else scales.set(rs.metadata.uid, rs.spec?.replicas ?? 1);
      } else if (ref.kind === 'StatefulSet') {
        const sts = api.get<StatefulSet>('StatefulSet', ns, ref.name);
        if (sts) scales.set(sts.metadata.uid, sts.spec?.replicas ?? 1);
      } else {
        events.record(pdb, 'Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: found no controllers for pod "${pod.metadata.name}"`, SOURCE);
        return undefined;
      }
    }
    let sum = 0;
    for (const s of scales.values()) sum += s;
    return sum;
  }

  const sync = (key: string) => {
    const { namespace, name } = splitKey(key);
    const pdb = api.get<PodDisruptionBudget>('PodDisruptionBudget', namespace, name);
    if (!pdb || pdb.metadata.deletionTimestamp) return;
    const selector = pdb.spec?.selector;
    const pods = selector == null ? [] : api.list<Pod>('Pod', { namespace }).filter((p) => matchesLabelSelector(selector, p.metadata.labels));
    if (pods.length === 0) events.record(pdb, 'Normal', 'NoPods', 'No matching pods found', SOURCE);

    let expectedCount = 0;
    let desiredHealthy = 0;
    const spec = pdb.spec ?? {};
    if (spec.maxUnavailable !== undefined) {
      const scale = expectedScale(pods, pdb);
      if (scale === undefined) return;
      expectedCount = scale;
      desiredHealthy = Math.max(0, expectedCount - (scaledValue(spec.maxUnavailable, expectedCount) ?? 0));
    } else if (spec.minAvailable !== undefined) {
      if (typeof spec.minAvailable === 'number') {
        desiredHealthy = spec.minAvailable;
        expectedCount = pods.length;
      } else {
        const scale = expectedScale(pods, pdb);
        if (scale === undefined) return;
        expectedCount = scale;
        desiredHealthy = scaledValue(spec.minAvailable, expectedCount) ?? 0;
      }
    }

    // buildDisruptedPodMap: evicted pods stay out of the healthy count until deleted or 2 minutes pass.
    const now = clock.now();
    const disruptedPods: Record<string, string> = {};
    let recheckAt: number | undefined;
    const disrupted = pdb.status?.disruptedPods ?? {};
    for (const pod of pods) {
      if (pod.metadata.deletionTimestamp) continue;
      const at = parseTime(disrupted[pod.metadata.name]);
      if (at === undefined) continue;
      const expectedDeletion = at + DELETION_TIMEOUT_MS;
      if (expectedDeletion < now) continue;
      disruptedPods[pod.metadata.name] = disrupted[pod.metadata.name]!;
      recheckAt = recheckAt === undefined ? expectedDeletion : Math.min(recheckAt, expectedDeletion);
    }
    let currentHealthy = 0;
    for (const pod of pods) {
      if (pod.metadata.deletionTimestamp) continue;
      if (disruptedPods[pod.metadata.name] !== undefined) continue;
      if (isPodReady(pod)) currentHealthy++;
    }
    let disruptionsAllowed = currentHealthy - desiredHealthy;
    if (expectedCount <= 0 || disruptionsAllowed <= 0) disruptionsAllowed = 0;
    const observedGeneration = pdb.metadata.generation ?? 1;
    const status: NonNullable<PodDisruptionBudget['status']> = {
      observedGeneration,
      ...(Object.keys(disruptedPods).length > 0 ? { disruptedPods } : {}),
      disruptionsAllowed,
      currentHealthy,
      desiredHealthy,
      expectedPods: expectedCount,
      conditions: disruptionAllowedCondition(pdb.status?.conditions, disruptionsAllowed > 0, observedGeneration, clock.nowRfc3339()),
    };
    if (!isDeepEqual(status, pdb.status)) api.updateStatus<PodDisruptionBudget>({ ...pdb, status });
    return recheckAt !== undefined ? { requeueAfterMs: Math.max(1, recheckAt - now) } : undefined;
  };

  /** The budgets of the pod's namespace whose selector matches it, before or after the change. */
  const budgetsOf = (pod: Stored<Pod>, old: Stored<Pod> | undefined): string[] =>
    api
      .peekList<PodDisruptionBudget>('PodDisruptionBudget', { namespace: pod.metadata.namespace })
      .filter((pdb) => pdb.spec?.selector != null && (matchesLabelSelector(pdb.spec.selector, pod.metadata.labels) || (old !== undefined && matchesLabelSelector(pdb.spec.selector, old.metadata.labels))))
      .map((pdb) => keyOf(pdb));

  /** A controller's scale changed: every budget of its namespace may count differently. */
  const budgetsInNamespace = (obj: Stored): string[] => api.peekList('PodDisruptionBudget', { namespace: obj.metadata.namespace }).map((p) => keyOf(p));

  return new Controller(
    {
      name: DISRUPTION_CONTROLLER_NAME,
      watches: [
        { kind: 'PodDisruptionBudget', keys: (e) => (e.type === 'DELETED' ? [] : [keyOf(e.object)]) },
        { kind: 'Pod', keys: (e) => budgetsOf(e.object as Stored<Pod>, e.old as Stored<Pod> | undefined) },
        { kind: 'Deployment', keys: (e) => budgetsInNamespace(e.object) },
        { kind: 'ReplicaSet', keys: (e) => budgetsInNamespace(e.object) },
        { kind: 'StatefulSet', keys: (e) => budgetsInNamespace(e.object) },
      ],
      listKeys: () => api.peekList('PodDisruptionBudget').map((p) => keyOf(p)),
      sync,
    },
    ctx,
  );
}
