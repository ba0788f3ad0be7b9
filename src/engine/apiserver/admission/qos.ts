/**
 * Pod QoS class (pkg/apis/core/helper/qos GetPodQOS): only cpu and memory count. BestEffort: no requests
 * or limits at all; Guaranteed: every container limits both cpu and memory and the pod's summed requests
 * equal its summed limits; Burstable otherwise.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
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
  // Sums per resource (cpu, memory) of the positive requests and limits; `has*` marks the resources
  // that appear at all. Plain numbers rather than maps: this runs for every pod created.
  const requests = [0, 0];
  const limits = [0, 0];
  const hasRequest = [false, false];
  const hasLimit = [false, false];
  let guaranteed = true;
  const visit = (c: Container): void => {
    for (let i = 0; i < QOS_RESOURCES.length; i++) {
      const req = quantityOrZero(c.resources?.requests?.[QOS_RESOURCES[i]!]);
      if (req > 0) {
        requests[i]! += req;
        hasRequest[i] = true;
      }
    }
    let limited = 0;
    for (let i = 0; i < QOS_RESOURCES.length; i++) {
      const lim = quantityOrZero(c.resources?.limits?.[QOS_RESOURCES[i]!]);
      if (lim > 0) {
        limits[i]! += lim;
        hasLimit[i] = true;
        limited++;
      }
    }
    if (limited < QOS_RESOURCES.length) guaranteed = false;
  };
  for (const c of spec?.initContainers ?? []) visit(c);
  for (const c of spec?.containers ?? []) visit(c);
  const requestCount = (hasRequest[0] ? 1 : 0) + (hasRequest[1] ? 1 : 0);
  const limitCount = (hasLimit[0] ? 1 : 0) + (hasLimit[1] ? 1 : 0);
  if (requestCount === 0 && limitCount === 0) return 'BestEffort';
  if (guaranteed && requestCount === limitCount) {
    for (let i = 0; i < QOS_RESOURCES.length; i++) if (hasLimit[i] && Math.abs(requests[i]! - limits[i]!) > 1e-9) return 'Burstable';
    return 'Guaranteed';
  }
  return 'Burstable';
}
