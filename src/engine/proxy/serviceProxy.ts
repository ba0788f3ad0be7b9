/**
 * kube-proxy's view of Services: for each Service, the ready endpoints from its EndpointSlices, and the
 * choice of a backend for one connection. kube-proxy in iptables mode picks a ready endpoint at random
 * with equal probability (a chain of `statistic --mode random` rules); we draw from the seeded generator.
 * A pod failing readiness is no longer in the slices' ready endpoints, so it stops getting traffic
 * without being restarted. If no endpoint is ready, kube-proxy falls back to serving ones (terminating
 * endpoints that are still serving), and otherwise the connection is rejected.
 *
 * Every node runs the same rules, so one table stands for all of them here.
 */
import type { Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { ApiServer } from '../apiserver/apiserver';
import type { SeededRandom } from '../clock/random';
import type { CueBus } from '../cues';
import { objectKey, type Stored } from '../objects';

export interface Backend {
  ip: string;
  port: number;
  podName?: string;
  podNamespace?: string;
  nodeName?: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

export type RouteResult =
  | { ok: true; service: string; namespace: string; backend: Backend }
  | { ok: false; service: string; namespace: string; reason: 'no-service' | 'no-endpoints' };

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

export class ServiceProxy {
  /** service key (ns/name) → slice name → backends of that slice */
  private readonly slices = new Map<string, Map<string, Backend[]>>();

  constructor(
    private readonly api: ApiServer,
    private readonly random: SeededRandom,
    private readonly cues: CueBus,
  ) {
    api.watch<EndpointSlice>('EndpointSlice', (ev) => {
      const slice = ev.object;
      const svc = slice.metadata.labels?.[SERVICE_NAME_LABEL];
      if (!svc) return;
      const key = objectKey(slice.metadata.namespace, svc);
      let bySlice = this.slices.get(key);
      if (ev.type === 'DELETED') {
        bySlice?.delete(slice.metadata.name);
        if (bySlice?.size === 0) this.slices.delete(key);
        return;
      }
      if (!bySlice) this.slices.set(key, (bySlice = new Map()));
      bySlice.set(slice.metadata.name, backendsOf(slice));
    });
  }

  /** Every backend kube-proxy knows for a Service (ready or not), in slice order. */
  backends(namespace: string, service: string): Backend[] {
    const bySlice = this.slices.get(objectKey(namespace, service));
    if (!bySlice) return [];
    return [...bySlice.values()].flat();
  }

  /** The backend one new connection to the Service goes to. */
  route(namespace: string, service: string): RouteResult {
    const svc = this.api.peek<Service>('Service', namespace, service);
    if (!svc) return { ok: false, service, namespace, reason: 'no-service' };
    const all = this.backends(namespace, service);
    let pool = all.filter((b) => b.ready);
    // Fallback to serving-but-terminating endpoints (KEP-1669, ProxyTerminatingEndpoints).
    if (pool.length === 0) pool = all.filter((b) => b.serving && b.terminating);
    if (pool.length === 0) {
      if (this.cues.hasListeners) this.cues.emit({ type: 'traffic', service, namespace, pod: '', ok: false });
      return { ok: false, service, namespace, reason: 'no-endpoints' };
    }
    const backend = this.random.pick(pool);
    if (this.cues.hasListeners) this.cues.emit({ type: 'traffic', service, namespace, pod: backend.podName ?? backend.ip, ok: true });
    return { ok: true, service, namespace, backend };
  }
}

function backendsOf(slice: Stored<EndpointSlice>): Backend[] {
  const port = slice.ports?.[0]?.port ?? 0;
  const out: Backend[] = [];
  for (const ep of slice.endpoints ?? []) {
    const ready = ep.conditions?.ready ?? true;
    for (const ip of ep.addresses) {
      out.push({
        ip,
        port,
        ...(ep.targetRef?.name ? { podName: ep.targetRef.name } : {}),
        ...(ep.targetRef?.namespace ? { podNamespace: ep.targetRef.namespace } : {}),
        ...(ep.nodeName ? { nodeName: ep.nodeName } : {}),
        ready,
        serving: ep.conditions?.serving ?? ready,
        terminating: ep.conditions?.terminating ?? false,
      });
    }
  }
  return out;
}
