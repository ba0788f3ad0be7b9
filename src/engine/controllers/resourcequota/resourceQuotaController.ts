/**
 * The resource quota controller (pkg/controller/resourcequota, `resourcequota-controller`): sets each
 * ResourceQuota's status.hard from spec.hard and recalculates status.used from the objects of its
 * namespace (pods that still count: not finished, not past their deletion grace period). Admission
 * charges creates as they happen; this controller gives usage back when objects go (replenishment)
 * and corrects what admission charged for a create that then failed. Full resync every 5 minutes
 * (--resource-quota-sync-period).
 */
import type { ResourceQuota } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../../objects';
import { keyOf, splitKey } from '../../objects';
import { isDeepEqual } from '../../apiserver/deepEqual';
import { formatUsed, podCountsAgainstQuota, quotaMatches, usageOf, type Usage } from '../../apiserver/quota/usage';
import { Controller, type ControllerContext } from '../controllerRuntime';

export const RESOURCE_QUOTA_CONTROLLER_NAME = 'resourcequota-controller';
export const RESOURCE_QUOTA_SYNC_PERIOD_MS = 5 * 60_000;

/** The kinds whose objects the playground counts (pods, and count/* of the usual namespaced kinds). */
export const COUNTED_KINDS = ['Pod', 'Service', 'ConfigMap', 'Secret', 'PersistentVolumeClaim', 'ResourceQuota', 'Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job', 'CronJob', 'HorizontalPodAutoscaler', 'Ingress', 'NetworkPolicy', 'PodDisruptionBudget', 'ServiceAccount'];

export function createResourceQuotaController(ctx: ControllerContext): Controller {
  const { api, clock } = ctx;

  const sync = (key: string) => {
    const { namespace, name } = splitKey(key);
    const quota = api.get<ResourceQuota>('ResourceQuota', namespace, name);
    if (!quota || quota.metadata.deletionTimestamp) return;
    const hard = (quota.spec?.hard ?? {}) as Record<string, string | number>;
    const used: Usage = new Map();
    const now = clock.now();
    let recheckAt: number | undefined;
    const kinds = new Set(Object.keys(hard).some((r) => r.startsWith('count/') || !r.includes('.') || r.startsWith('services.')) ? COUNTED_KINDS : ['Pod']);
    for (const kind of kinds) {
      for (const obj of api.list<KubeObject>(kind, { namespace })) {
        if (kind === 'Pod') {
          if (!podCountsAgainstQuota(obj, now)) continue;
          const m = obj.metadata;
          if (m.deletionTimestamp && m.deletionGracePeriodSeconds != null) {
            const until = Date.parse(m.deletionTimestamp) + m.deletionGracePeriodSeconds * 1000 + 1;
            recheckAt = recheckAt === undefined ? until : Math.min(recheckAt, until);
          }
        }
        if (!quotaMatches(quota, obj)) continue;
        for (const [r, v] of usageOf(obj)) if (r in hard) used.set(r, (used.get(r) ?? 0) + v);
      }
    }
    const status = { hard: { ...hard }, used: formatUsed(used, hard) } as ResourceQuota['status'];
    if (!isDeepEqual(status, quota.status)) api.updateStatus<ResourceQuota>({ ...quota, status });
    return recheckAt !== undefined ? { requeueAfterMs: Math.max(1, recheckAt - now) } : undefined;
  };

  const quotasIn = (obj: Stored): string[] => api.peekList('ResourceQuota', { namespace: obj.metadata.namespace }).map((q) => keyOf(q));

  return new Controller(
    {
      name: RESOURCE_QUOTA_CONTROLLER_NAME,
      watches: [
        // Its own status writes (admission's charges included) need no recount; a spec change does.
        { kind: 'ResourceQuota', keys: (e) => (e.type === 'DELETED' || (e.old && isDeepEqual((e.old as { spec?: unknown }).spec, (e.object as { spec?: unknown }).spec)) ? [] : [keyOf(e.object)]) },
        ...COUNTED_KINDS.filter((k) => k !== 'ResourceQuota').map((kind) => ({ kind, keys: (e: { object: Stored }) => quotasIn(e.object) })),
      ],
      listKeys: () => api.peekList('ResourceQuota').map((q) => keyOf(q)),
      sync,
      resyncPeriodMs: RESOURCE_QUOTA_SYNC_PERIOD_MS,
    },
    ctx,
  );
}
