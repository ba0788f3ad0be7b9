/**
 * ResourceQuota admission (plugin/pkg/admission/resourcequota, the last validating plugin): a create
 * in a namespace with quotas is charged against each quota that covers it. When the new usage would go
 * over a hard limit the request is refused (403) with `exceeded quota: <name>, requested: ..., used:
 * ..., limited: ...` listing only the resources over; a quota on cpu or memory requires every
 * container to state that request or limit (`failed quota: <name>: must specify limits.cpu for:
 * nginx`); a quota whose usage the controller has not computed yet refuses with `status unknown for
 * quota`. An admitted create raises the quota's status.used at once, so the next create sees it before
 * the resource quota controller recalculates.
 */
import type { Pod, ResourceQuota } from 'kubernetes-types/core/v1';
import type { AdmissionPlugin } from '../apiserver';
import { ApiError } from '../errors';
import { qualifiedPlural } from '../resources';
import { CONTAINER_CONSTRAINED, containerUsage, formatQuantity, formatUsed, parseUsed, quotaMatches, usageOf } from '../quota/usage';

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The kinds that never count (events, the quota itself is counted by its own evaluator only). */
const IGNORED = new Set(['Event', 'Lease', 'EndpointSlice', 'Endpoints']);

function mustSpecify(pod: Pod, hard: string[]): string | undefined {
  const required = hard.filter((r) => CONTAINER_CONSTRAINED.has(r));
  if (required.length === 0) return undefined;
  const missing = new Map<string, Set<string>>();
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    const has = containerUsage(c);
    for (const r of required) {
      if (has.has(r)) continue;
      if (!missing.has(r)) missing.set(r, new Set());
      missing.get(r)!.add(c.name);
    }
  }
  if (missing.size === 0) return undefined;
  return `must specify ${[...missing.keys()]
    .sort(byName)
    .map((r) => `${r} for: ${[...missing.get(r)!].sort(byName).join(',')}`)
    .join('; ')}`;
}

export const resourceQuotaPlugin: AdmissionPlugin = {
  name: 'ResourceQuota',
  final: true,
  validate(obj, ctx) {
    if (ctx.operation !== 'CREATE' || !ctx.resource.namespaced || IGNORED.has(obj.kind)) return;
    const namespace = obj.metadata.namespace ?? 'default';
    const quotas = ctx.api.peekList<ResourceQuota>('ResourceQuota', { namespace });
    if (quotas.length === 0) return;
    const forbidden = (why: string) => new ApiError('Forbidden', `${qualifiedPlural(ctx.resource)} "${obj.metadata.name ?? ''}" is forbidden: ${why}`);
    const requested = usageOf(obj);
    const charges: Array<{ quota: (typeof quotas)[number]; used: Record<string, string> }> = [];
    for (const quota of quotas) {
      if (!quotaMatches(quota, obj)) continue;
      const hard = quota.status?.hard ?? {};
      const hardNames = Object.keys(hard);
      if (obj.kind === 'Pod') {
        const missing = mustSpecify(obj as unknown as Pod, hardNames);
        if (missing) throw forbidden(`failed quota: ${quota.metadata.name}: ${missing}`);
      }
      const interesting = hardNames.filter((r) => (requested.get(r) ?? 0) !== 0).sort(byName);
      if (interesting.length === 0) continue;
      const used = parseUsed(quota.status?.used);
      const unknown = interesting.filter((r) => quota.status?.used?.[r] === undefined);
      if (unknown.length > 0) throw forbidden(`status unknown for quota: ${quota.metadata.name}, resource: ${unknown.join(',')}`);
      const exceeded = interesting.filter((r) => (used.get(r) ?? 0) + requested.get(r)! > parseUsed({ [r]: hard[r]! }).get(r)!);
      if (exceeded.length > 0) {
        const list = (f: (r: string) => string) => exceeded.map((r) => `${r}=${f(r)}`).join(',');
        throw forbidden(
          `exceeded quota: ${quota.metadata.name}, requested: ${list((r) => formatQuantity(requested.get(r)!, hard[r]))}, used: ${list((r) => String(quota.status!.used![r]))}, limited: ${list((r) => String(hard[r]))}`,
        );
      }
      const next = new Map(used);
      for (const r of interesting) next.set(r, (next.get(r) ?? 0) + requested.get(r)!);
      charges.push({ quota, used: { ...(quota.status?.used ?? {}), ...formatUsed(next, hard) } });
    }
    if (ctx.dryRun) return;
    for (const { quota, used } of charges) ctx.api.updateStatus<ResourceQuota>({ ...quota, status: { ...quota.status, used } });
  },
};
