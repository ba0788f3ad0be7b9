/**
 * LimitRanger (plugin/pkg/admission/limitranger) and the LimitRange defaults (SetDefaults_LimitRangeItem).
 *
 * - A LimitRange item of type Container gets `default` from `max` and `defaultRequest` from `default`,
 *   then from `min`, for the resources where they are missing.
 * - Mutating, on pod creation: each container without a request (limit) for a resource the namespace's
 *   LimitRanges give a defaultRequest (default) for gets it, and the pod is annotated
 *   `kubernetes.io/limit-ranger: LimitRanger plugin set: cpu request for container nginx; ...`.
 * - Validating: each container (type Container), or the pod's sum (type Pod), must request at least
 *   `min` and be limited to at most `max`, and keep limit/request under maxLimitRequestRatio; otherwise
 *   `pods "x" is forbidden: maximum cpu usage per Container is 800m, but limit is 1500m` (several
 *   violations in brackets, as utilerrors.NewAggregate prints them).
 */
import type { Container, LimitRange, LimitRangeItem, Pod } from 'kubernetes-types/core/v1';
import type { AdmissionPlugin } from '../apiserver';
import { ApiError } from '../errors';
import { parseQuantity } from '../quantity';

export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger';

type ResourceList = Record<string, string | number>;
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function q(v: string | number | undefined): number | undefined {
  if (v === undefined || v === null) return undefined;
  try {
    return parseQuantity(v);
  } catch {
    return undefined;
  }
}

/** SetDefaults_LimitRangeItem. */
function defaultLimitRangeItem(item: LimitRangeItem): void {
  if (item.type !== 'Container') return;
  const def: ResourceList = { ...(item.default ?? {}) };
  const defReq: ResourceList = { ...(item.defaultRequest ?? {}) };
  for (const [k, v] of Object.entries(item.max ?? {})) if (!(k in def)) def[k] = v;
  for (const [k, v] of Object.entries(def)) if (!(k in defReq)) defReq[k] = v;
  for (const [k, v] of Object.entries(item.min ?? {})) if (!(k in defReq)) defReq[k] = v;
  if (Object.keys(def).length > 0) item.default = def as LimitRangeItem['default'];
  if (Object.keys(defReq).length > 0) item.defaultRequest = defReq as LimitRangeItem['defaultRequest'];
}

/** mergeContainerResources: fills what the container lacks; returns the annotation parts. */
function mergeContainerResources(c: Container, requests: ResourceList, limits: ResourceList, prefix: string): string[] {
  const res = (c.resources ??= {});
  const lim = (res.limits ??= {}) as ResourceList;
  const req = (res.requests ??= {}) as ResourceList;
  const setLimits: string[] = [];
  const setRequests: string[] = [];
  for (const [k, v] of Object.entries(limits)) {
    if (k in lim) continue;
    lim[k] = v;
    setLimits.push(k);
  }
  for (const [k, v] of Object.entries(requests)) {
    if (k in req) continue;
    req[k] = v;
    setRequests.push(k);
  }
  if (Object.keys(lim).length === 0) delete res.limits;
  if (Object.keys(req).length === 0) delete res.requests;
  const parts: string[] = [];
  if (setRequests.length > 0) parts.push(`${setRequests.sort(byName).join(', ')} request for ${prefix} ${c.name}`);
  if (setLimits.length > 0) parts.push(`${setLimits.sort(byName).join(', ')} limit for ${prefix} ${c.name}`);
  return parts;
}

function checkItem(limitType: 'Container' | 'Pod', item: LimitRangeItem, requests: ResourceList, limits: ResourceList, errors: string[]): void {
  for (const [name, enforced] of Object.entries(item.min ?? {}).sort(([a], [b]) => byName(a, b))) {
    const e = q(enforced)!;
    const req = q(requests[name]);
    const lim = q(limits[name]);
    if (req === undefined) errors.push(`minimum ${name} usage per ${limitType} is ${enforced}.  No request is specified`);
    else if (req < e) errors.push(`minimum ${name} usage per ${limitType} is ${enforced}, but request is ${requests[name]}`);
    else if (lim !== undefined && lim < e) errors.push(`minimum ${name} usage per ${limitType} is ${enforced}, but limit is ${limits[name]}`);
  }
  for (const [name, enforced] of Object.entries(item.max ?? {}).sort(([a], [b]) => byName(a, b))) {
    const e = q(enforced)!;
    const req = q(requests[name]);
    const lim = q(limits[name]);
    if (lim === undefined) errors.push(`maximum ${name} usage per ${limitType} is ${enforced}.  No limit is specified`);
    else if (lim > e) errors.push(`maximum ${name} usage per ${limitType} is ${enforced}, but limit is ${limits[name]}`);
    else if (req !== undefined && req > e) errors.push(`maximum ${name} usage per ${limitType} is ${enforced}, but request is ${requests[name]}`);
  }
  for (const [name, enforced] of Object.entries(item.maxLimitRequestRatio ?? {}).sort(([a], [b]) => byName(a, b))) {
    const req = q(requests[name]);
    const lim = q(limits[name]);
    if (lim === undefined) errors.push(`${name} max limit to request ratio per ${limitType} is ${enforced}, but no limit is specified`);
    else if (req === undefined || req === 0) errors.push(`${name} max limit to request ratio per ${limitType} is ${enforced}, but no request is specified or request is 0`);
    else if (lim / req > q(enforced)!) errors.push(`${name} max limit to request ratio per ${limitType} is ${enforced}, but provided ratio is ${(lim / req).toFixed(6)}`);
  }
}

/** The pod's sum of requests or limits per resource (the largest init container's if larger). */
function podTotals(pod: Pod, field: 'requests' | 'limits'): ResourceList {
  const sum = new Map<string, number>();
  for (const c of pod.spec?.containers ?? []) for (const [k, v] of Object.entries(c.resources?.[field] ?? {})) sum.set(k, (sum.get(k) ?? 0) + (q(v) ?? 0));
  for (const c of pod.spec?.initContainers ?? []) for (const [k, v] of Object.entries(c.resources?.[field] ?? {})) sum.set(k, Math.max(sum.get(k) ?? 0, q(v) ?? 0));
  return Object.fromEntries(sum);
}

export const limitRangerPlugin: AdmissionPlugin = {
  name: 'LimitRanger',
  kinds: ['LimitRange', 'Pod'],
  // Its validation is a validating admission step: it runs after the object's own validation passed.
  final: true,
  admit(obj, ctx) {
    if (obj.kind === 'LimitRange') {
      for (const item of ((obj as unknown as LimitRange).spec?.limits ?? []) as LimitRangeItem[]) if (item && typeof item === 'object') defaultLimitRangeItem(item);
      return;
    }
    if (ctx.operation !== 'CREATE') return;
    const pod = obj as unknown as Pod;
    if (!pod.spec || !Array.isArray(pod.spec.containers)) return;
    const ranges = ctx.api.peekList<LimitRange>('LimitRange', { namespace: obj.metadata.namespace ?? 'default' });
    if (ranges.length === 0) return;
    const parts: string[] = [];
    for (const lr of ranges) {
      const requests: ResourceList = {};
      const limits: ResourceList = {};
      for (const item of lr.spec?.limits ?? []) {
        if (item.type !== 'Container') continue;
        Object.assign(requests, item.defaultRequest ?? {});
        Object.assign(limits, item.default ?? {});
      }
      for (const c of pod.spec.containers) if (c && typeof c === 'object') parts.push(...mergeContainerResources(c, requests, limits, 'container'));
      for (const c of pod.spec.initContainers ?? []) if (c && typeof c === 'object') parts.push(...mergeContainerResources(c, requests, limits, 'init container'));
    }
    if (parts.length > 0) obj.metadata.annotations = { ...(obj.metadata.annotations ?? {}), [LIMIT_RANGER_ANNOTATION]: `LimitRanger plugin set: ${parts.join('; ')}` };
  },
  validate(obj, ctx) {
    if (obj.kind !== 'Pod' || ctx.operation !== 'CREATE') return;
    const pod = obj as unknown as Pod;
    const ranges = ctx.api.peekList<LimitRange>('LimitRange', { namespace: obj.metadata.namespace ?? 'default' });
    const errors: string[] = [];
    for (const lr of ranges) {
      for (const item of lr.spec?.limits ?? []) {
        if (item.type === 'Container') {
          for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
            checkItem('Container', item, (c.resources?.requests ?? {}) as ResourceList, (c.resources?.limits ?? {}) as ResourceList, errors);
          }
        } else if (item.type === 'Pod') {
          checkItem('Pod', item, podTotals(pod, 'requests'), podTotals(pod, 'limits'), errors);
        }
      }
    }
    if (errors.length === 0) return;
    const message = errors.length === 1 ? errors[0]! : `[${errors.join(', ')}]`;
    throw new ApiError('Forbidden', `pods "${obj.metadata.name ?? ''}" is forbidden: ${message}`);
  },
};
