/**
 * The legacy Endpoints object's subsets (pkg/controller/endpoint): every (pod address, port) pair the
 * Service selects, then endpoints.RepackSubsets: addresses that expose the same set of ports share one
 * subset, ready ones under `addresses` and the rest under `notReadyAddresses`, sorted by IP.
 */
import type { EndpointAddress, EndpointPort, EndpointSubset } from 'kubernetes-types/core/v1';
import { hostnameFor, isPodReady, podIP, resolveTargetPort, shouldPodBeInEndpoints, type StoredPod, type StoredService } from '../endpointslice/podEndpoints';

interface AddressEntry {
  address: EndpointAddress;
  ready: boolean;
  ports: EndpointPort[];
}

function portKey(p: EndpointPort): string {
  return `${p.name ?? ''}/${p.port}/${p.protocol ?? 'TCP'}`;
}

export function endpointSubsetsFor(svc: StoredService, pods: readonly StoredPod[]): EndpointSubset[] {
  // publishNotReadyAddresses: every address is published as ready, terminating pods included.
  const tolerateUnready = svc.spec?.publishNotReadyAddresses === true;
  const entries: AddressEntry[] = [];
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, tolerateUnready)) continue;
    const address: EndpointAddress = { ip: podIP(pod)! };
    const hostname = hostnameFor(pod, svc);
    if (hostname) address.hostname = hostname;
    if (pod.spec?.nodeName) address.nodeName = pod.spec.nodeName;
    address.targetRef = { kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
    const ports: EndpointPort[] = [];
    for (const sp of svc.spec?.ports ?? []) {
      const port = resolveTargetPort(pod, sp);
      if (port === undefined) continue;
      const ep: EndpointPort = { port, protocol: sp.protocol ?? 'TCP' };
      if (sp.name) ep.name = sp.name;
      if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
      ports.push(ep);
    }
    // A pod none of whose ports resolve gives no endpoint, unless the Service declares no ports (headless).
    if (ports.length === 0 && (svc.spec?.ports?.length ?? 0) > 0) continue;
    entries.push({ address, ready: tolerateUnready || isPodReady(pod), ports });
  }
  return repack(entries);
}

function repack(entries: AddressEntry[]): EndpointSubset[] {
  const groups = new Map<string, { ports: EndpointPort[]; ready: EndpointAddress[]; notReady: EndpointAddress[] }>();
  for (const e of entries) {
    const ports = [...e.ports].sort((a, b) => portKey(a).localeCompare(portKey(b)));
    const key = ports.map(portKey).join(',');
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { ports, ready: [], notReady: [] }));
    (e.ready ? g.ready : g.notReady).push(e.address);
  }
  const byIp = (a: EndpointAddress, b: EndpointAddress) => compareIp(a.ip, b.ip) || (a.targetRef?.uid ?? '').localeCompare(b.targetRef?.uid ?? '');
  const subsets: EndpointSubset[] = [];
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key)!;
    const subset: EndpointSubset = {};
    if (g.ready.length > 0) subset.addresses = g.ready.sort(byIp);
    if (g.notReady.length > 0) subset.notReadyAddresses = g.notReady.sort(byIp);
    if (g.ports.length > 0) subset.ports = g.ports;
    subsets.push(subset);
  }
  return subsets;
}

function compareIp(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.localeCompare(b);
}
