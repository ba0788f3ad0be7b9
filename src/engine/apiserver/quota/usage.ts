/**
 * What an object costs against a ResourceQuota (pkg/quota/v1/evaluator/core and generic): a pod
 * counts `pods` (and `count/pods`) and its compute requests and limits (`requests.cpu` = `cpu`,
 * `requests.memory` = `memory`, `limits.cpu`, `limits.memory`: the containers' sum, or the largest
 * init container if larger, plus overhead); any other kind counts `count/<resource>[.<group>]`, and
 * Services, ConfigMaps, Secrets and PersistentVolumeClaims also their legacy names (`services` ...),
 * Services their node ports and load balancers. Quantities are kept as numbers in base units.
 */
import type { Container, Pod, ResourceQuota, Service } from 'kubernetes-types/core/v1';
import type { KubeObject, Stored } from '../../objects';
import { parseQuantity } from '../quantity';
import { resourceForKind } from '../resources';
import { podQOSClass } from '../admission/qos';

export type Usage = Map<string, number>;

const LEGACY_COUNT: Record<string, string> = {
  Service: 'services',
  ConfigMap: 'configmaps',
  Secret: 'secrets',
  PersistentVolumeClaim: 'persistentvolumeclaims',
  ResourceQuota: 'resourcequotas',
};

/** The resource names of the compute resources that each container must declare once quota'd. */
export const CONTAINER_CONSTRAINED = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);

function quantity(v: string | number | undefined): number | undefined {
  if (v === undefined || v === null) return undefined;
  try {
    return parseQuantity(v);
  } catch {
    return undefined;
  }
}

/** podComputeUsageHelper for one container: the quota names its requests and limits set. */
export function containerUsage(c: Container): Usage {
  const u: Usage = new Map();
  const req = c.resources?.requests ?? {};
  const lim = c.resources?.limits ?? {};
  const cpuReq = quantity(req.cpu);
  const memReq = quantity(req.memory);
  if (cpuReq !== undefined) u.set('cpu', cpuReq).set('requests.cpu', cpuReq);
  if (memReq !== undefined) u.set('memory', memReq).set('requests.memory', memReq);
  const cpuLim = quantity(lim.cpu);
  const memLim = quantity(lim.memory);
  if (cpuLim !== undefined) u.set('limits.cpu', cpuLim);
  if (memLim !== undefined) u.set('limits.memory', memLim);
  return u;
}

/** QuotaV1Pod: finished pods, and pods past their deletion grace period, no longer count. */
export function podCountsAgainstQuota(pod: Stored<Pod> | KubeObject, nowMs: number): boolean {
  const p = pod as Stored<Pod>;
  const phase = p.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  const del = p.metadata.deletionTimestamp;
  const grace = p.metadata.deletionGracePeriodSeconds;
  if (del && grace !== undefined && grace !== null && nowMs > Date.parse(del) + grace * 1000) return false;
  return true;
}

function podUsage(pod: Pod): Usage {
  const u: Usage = new Map([
    ['pods', 1],
    ['count/pods', 1],
  ]);
  const sum: Usage = new Map();
  for (const c of pod.spec?.containers ?? []) for (const [k, v] of containerUsage(c)) sum.set(k, (sum.get(k) ?? 0) + v);
  for (const c of pod.spec?.initContainers ?? []) for (const [k, v] of containerUsage(c)) sum.set(k, Math.max(sum.get(k) ?? 0, v));
  for (const [k, v] of Object.entries(pod.spec?.overhead ?? {})) {
    const q = quantity(v);
    if (q === undefined) continue;
    for (const name of k === 'cpu' ? ['cpu', 'requests.cpu', 'limits.cpu'] : k === 'memory' ? ['memory', 'requests.memory', 'limits.memory'] : []) {
      if (sum.has(name)) sum.set(name, sum.get(name)! + q);
    }
  }
  for (const [k, v] of sum) u.set(k, v);
  return u;
}

/** The usage of one object, by quota resource name. */
export function usageOf(obj: KubeObject): Usage {
  if (obj.kind === 'Pod') return podUsage(obj as unknown as Pod);
  const u: Usage = new Map();
  const type = resourceForKind(obj.kind);
  if (!type) return u;
  u.set(type.group ? `count/${type.plural}.${type.group}` : `count/${type.plural}`, 1);
  const legacy = LEGACY_COUNT[obj.kind];
  if (legacy) u.set(legacy, 1);
  if (obj.kind === 'Service') {
    const spec = (obj as unknown as Service).spec;
    const type = spec?.type ?? 'ClusterIP';
    if (type === 'NodePort' || type === 'LoadBalancer') u.set('services.nodeports', (spec?.ports ?? []).length);
    if (type === 'LoadBalancer') u.set('services.loadbalancers', 1);
  }
  return u;
}

/** Whether the quota's scopes select the object (Terminating, NotTerminating, BestEffort, NotBestEffort). */
export function quotaMatches(quota: { spec?: ResourceQuota["spec"] }, obj: KubeObject): boolean {
  const scopes = quota.spec?.scopes ?? [];
  if (scopes.length === 0) return true;
  if (obj.kind !== 'Pod') return false;
  const pod = obj as unknown as Pod;
  return scopes.every((scope) => {
    switch (scope) {
      case 'Terminating':
        return pod.spec?.activeDeadlineSeconds != null;
      case 'NotTerminating':
        return pod.spec?.activeDeadlineSeconds == null;
      case 'BestEffort':
        return podQOSClass(pod.spec) === 'BestEffort';
      case 'NotBestEffort':
        return podQOSClass(pod.spec) !== 'BestEffort';
      default:
        return true;
    }
  });
}

const DECIMAL: Array<[string, number]> = [
  ['E', 1e18],
  ['P', 1e15],
  ['T', 1e12],
  ['G', 1e9],
  ['M', 1e6],
  ['k', 1e3],
];
const BINARY: Array<[string, number]> = [
  ['Ei', 2 ** 60],
  ['Pi', 2 ** 50],
  ['Ti', 2 ** 40],
  ['Gi', 2 ** 30],
  ['Mi', 2 ** 20],
  ['Ki', 2 ** 10],
];

/**
 * resource.Quantity's canonical String() in the format of `like` (the hard limit's): binary suffixes
 * for a limit written `2Gi`, decimal ones otherwise; fractions in milli units (`1500m`).
 */
export function formatQuantity(value: number, like: string | number | undefined): string {
  if (value === 0) return '0';
  const milli = Math.round(value * 1000);
  if (milli % 1000 !== 0) return `${milli}m`;
  const whole = milli / 1000;
  const binary = typeof like === 'string' && /[KMGTPE]i$/.test(like.trim());
  for (const [suffix, unit] of binary ? BINARY : DECIMAL) if (whole % unit === 0) return `${whole / unit}${suffix}`;
  if (binary) for (const [suffix, unit] of DECIMAL) if (whole % unit === 0) return `${whole / unit}${suffix}`;
  return String(whole);
}

export function parseUsed(list: Record<string, string | number> | undefined): Usage {
  const u: Usage = new Map();
  for (const [k, v] of Object.entries(list ?? {})) {
    const q = quantity(v);
    if (q !== undefined) u.set(k, q);
  }
  return u;
}

/** The `status.used` list of a quota: every hard resource, in the hard limit's format. */
export function formatUsed(used: Usage, hard: Record<string, string | number>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of Object.keys(hard).sort()) out[name] = formatQuantity(used.get(name) ?? 0, hard[name]);
  return out;
}
