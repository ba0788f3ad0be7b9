/**
 * Pod QoS class (pkg/apis/core/helper/qos GetPodQOS): only cpu and memory count. BestEffort: no requests
 * or limits at all; Guaranteed: every container limits both cpu and memory and the pod's summed requests
 * equal its summed limits; Burstable otherwise.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { parseQuantity } from '../quantity';

export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

const QOS_RESOURCES = ['cpu', 'memory'] as const;

function quantityOrZero(q: unknown): number {
  if (typeof q !== 'string' && typeof q !== 'number') return 0;
  try {
    return parseQuantity(q);
  } catch {
    return 0;
  }
}

export function podQOSClass(spec: Pod['spec']): QOSClass {
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let guaranteed = true;
  const containers = [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])];
  for (const c of containers) {
    for (const r of QOS_RESOURCES) {
      const req = quantityOrZero(c.resources?.requests?.[r]);
      if (req > 0) requests.set(r, (requests.get(r) ?? 0) + req);
    }
    let limited = 0;
    for (const r of QOS_RESOURCES) {
      const lim = quantityOrZero(c.resources?.limits?.[r]);
      if (lim > 0) {
        limits.set(r, (limits.get(r) ?? 0) + lim);
        limited++;
      }
    }
    if (limited < QOS_RESOURCES.length) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed && requests.size === limits.size) {
    for (const [r, lim] of limits) if (Math.abs((requests.get(r) ?? 0) - lim) > 1e-9) return 'Burstable';
    return 'Guaranteed';
  }
  return 'Burstable';
}
