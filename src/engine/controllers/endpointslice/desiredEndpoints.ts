/**
 * The endpoints a Service should have, grouped by port set (pkg/controller/endpointslice's reconciler
 * builds one group per distinct set of resolved ports: pods whose named targetPort resolves to
 * different numbers land in different slices).
 */
import type { Endpoint, EndpointPort } from 'kubernetes-types/discovery/v1';
import { hostnameFor, isPodReady, podIP, resolveTargetPort, shouldPodBeInEndpoints, type StoredPod, type StoredService } from './podEndpoints';

export const ZONE_LABEL = 'topology.kubernetes.io/zone';

export interface PortGroup {
  portKey: string;
  ports: EndpointPort[];
  /** endpoint identity (the pod's uid) → endpoint, in pod order. */
  endpoints: Map<string, Endpoint>;
}

export function portKeyOf(ports: readonly EndpointPort[] | undefined): string {
  if (!ports || ports.length === 0) return '';
  return [...ports]
    .map((p) => `${p.name ?? ''}/${p.protocol ?? 'TCP'}/${p.port ?? ''}`)
    .sort()
    .join(',');
}

export function endpointIdentity(ep: Endpoint): string {
  return ep.targetRef?.uid ?? ep.addresses[0] ?? '';
}

/**
 * utils.podToEndpoint. serving = the pod is Ready (or the Service publishes not-ready addresses);
 * ready = serving and not terminating (a terminating pod is never ready unless publishNotReadyAddresses);
 * terminating = the pod has a deletionTimestamp.
 */
export function podToEndpoint(pod: StoredPod, svc: StoredService, zoneOf: (node: string) => string | undefined): Endpoint {
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true;
  const serving = publishNotReady || isPodReady(pod);
  const terminating = pod.metadata.deletionTimestamp !== undefined;
  const ready = publishNotReady || (serving && !terminating);
  const ep: Endpoint = {
    addresses: [podIP(pod)!],
    conditions: { ready, serving, terminating },
  };
  const hostname = hostnameFor(pod, svc);
  if (hostname) ep.hostname = hostname;
  const nodeName = pod.spec?.nodeName;
  if (nodeName) {
    ep.nodeName = nodeName;
    const zone = zoneOf(nodeName);
    if (zone) ep.zone = zone;
  }
  ep.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
  return ep;
}

/** The Service ports as one pod exposes them; a named port the pod lacks is left out (utils.getEndpointPorts). */
export function endpointPortsFor(pod: StoredPod, svc: StoredService): EndpointPort[] {
  const out: EndpointPort[] = [];
  for (const sp of svc.spec?.ports ?? []) {
    const port = resolveTargetPort(pod, sp);
    if (port === undefined) continue;
    const ep: EndpointPort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' };
    if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
    out.push(ep);
  }
  return out;
}

export function desiredPortGroups(svc: StoredService, pods: readonly StoredPod[], zoneOf: (node: string) => string | undefined): Map<string, PortGroup> {
  const groups = new Map<string, PortGroup>();
  for (const pod of pods) {
    // EndpointSlices keep terminating pods (with ready=false) so consumers can drain them (KEP-1672).
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports = endpointPortsFor(pod, svc);
    const portKey = portKeyOf(ports);
    let group = groups.get(portKey);
    if (!group) groups.set(portKey, (group = { portKey, ports, endpoints: new Map() }));
    const ep = podToEndpoint(pod, svc, zoneOf);
    group.endpoints.set(endpointIdentity(ep), ep);
  }
  return groups;
}
