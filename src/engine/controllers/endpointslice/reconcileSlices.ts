/**
 * Turns the desired endpoints of a Service into EndpointSlice writes, changing as few slices as it can
 * (pkg/controller/endpointslice/reconciler.go, simplified): an endpoint that is still wanted stays in
 * the slice that holds it, new endpoints fill slices that have room before new slices are made, a slice
 * holds at most maxEndpointsPerSlice endpoints (--max-endpoints-per-slice, default 100), and a Service
 * whose selector matches nothing keeps one empty placeholder slice.
 */
import type { Endpoint, EndpointSlice } from 'kubernetes-types/discovery/v1';
import { isDeepEqual } from '../../apiserver/deepEqual';
import type { Stored } from '../../objects';
import { endpointIdentity, portKeyOf, type PortGroup } from './desiredEndpoints';
import { sameLabels } from './podEndpoints';

export const DEFAULT_MAX_ENDPOINTS_PER_SLICE = 100;

export type StoredSlice = Stored<EndpointSlice>;

export interface NewSlice {
  ports: PortGroup['ports'] | undefined;
  endpoints: Endpoint[];
}

export interface SlicePlan {
  create: NewSlice[];
  update: { slice: StoredSlice; endpoints: Endpoint[]; ports: PortGroup['ports'] | undefined }[];
  delete: StoredSlice[];
}

function isPlaceholder(slice: StoredSlice): boolean {
  return (slice.endpoints?.length ?? 0) === 0 && (slice.ports?.length ?? 0) === 0;
}

export function reconcileSlices(
  desired: Map<string, PortGroup>,
  existing: readonly StoredSlice[],
  desiredLabels: Record<string, string>,
  maxPerSlice = DEFAULT_MAX_ENDPOINTS_PER_SLICE,
): SlicePlan {
  const plan: SlicePlan = { create: [], update: [], delete: [] };

  if (desired.size === 0) {
    // No endpoints: keep (or make) exactly one placeholder slice, drop the rest.
    const keep = existing.find(isPlaceholder) ?? existing[0];
    for (const s of existing) if (s !== keep) plan.delete.push(s);
    if (!keep) plan.create.push({ ports: undefined, endpoints: [] });
    else if (!isPlaceholder(keep) || !sameLabels(keep.metadata.labels, { ...keep.metadata.labels, ...desiredLabels })) {
      plan.update.push({ slice: keep, endpoints: [], ports: undefined });
    }
    return plan;
  }

  const existingByPorts = new Map<string, StoredSlice[]>();
  for (const s of existing) {
    const key = portKeyOf(s.ports);
    const list = existingByPorts.get(key);
    if (list) list.push(s);
    else existingByPorts.set(key, [s]);
  }

  for (const [portKey, group] of desired) {
    const remaining = new Map(group.endpoints);
    const kept: { slice: StoredSlice; endpoints: Endpoint[] }[] = [];
    for (const slice of existingByPorts.get(portKey) ?? []) {
      const endpoints: Endpoint[] = [];
      for (const ep of slice.endpoints ?? []) {
        const id = endpointIdentity(ep);
        const want = remaining.get(id);
        if (want) {
          endpoints.push(want);
          remaining.delete(id);
        }
      }
      kept.push({ slice, endpoints });
    }
    const fresh = remaining.values();
    let next = fresh.next();
    for (const k of kept) {
      while (!next.done && k.endpoints.length < maxPerSlice) {
        k.endpoints.push(next.value);
        next = fresh.next();
      }
    }
    while (!next.done) {
      const endpoints: Endpoint[] = [];
      while (!next.done && endpoints.length < maxPerSlice) {
        endpoints.push(next.value);
        next = fresh.next();
      }
      plan.create.push({ ports: group.ports, endpoints });
    }
    for (const k of kept) {
      if (k.endpoints.length === 0) plan.delete.push(k.slice);
      else if (
        !isDeepEqual(k.endpoints, k.slice.endpoints ?? []) ||
        !isDeepEqual(group.ports, k.slice.ports ?? []) ||
        !sameLabels(k.slice.metadata.labels, { ...k.slice.metadata.labels, ...desiredLabels })
      ) {
        plan.update.push({ slice: k.slice, endpoints: k.endpoints, ports: group.ports });
      }
    }
    existingByPorts.delete(portKey);
  }
  for (const slices of existingByPorts.values()) plan.delete.push(...slices);
  return plan;
}
