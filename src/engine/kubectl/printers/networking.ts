/** Tables of Services and their endpoints (printers.go: printService, printEndpoints, printEndpointSlice, printIngress). */
import type { EndpointPort, Endpoints, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { Ingress } from 'kubernetes-types/networking/v1';
import type { Stored } from '../../objects';
import { formatLabels, since } from './format';
import { cols, type TableDef } from './tableDef';

function serviceExternalIp(svc: Service): string {
  const spec = svc.spec ?? {};
  const externalIPs = spec.externalIPs ?? [];
  switch (spec.type ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter((s) => s !== '');
      const all = [...new Set(lb), ...externalIPs];
      return all.length > 0 ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

/** makePortString: `80/TCP`, `80:30080/TCP` with a node port. */
export function servicePorts(svc: Service): string {
  const s = (svc.spec?.ports ?? [])
    .map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`))
    .join(',');
  return s || '<none>';
}

export const serviceTable: TableDef = {
  columns: cols('Name|Type|Cluster-IP|External-IP|Port(s)|Age', 'Selector'),
  row(obj, { nowMs }) {
    const svc = obj as Stored<Service>;
    return [
      svc.metadata.name,
      svc.spec?.type ?? 'ClusterIP',
      svc.spec?.clusterIPs?.[0] ?? svc.spec?.clusterIP ?? '<none>',
      serviceExternalIp(svc as Service),
      servicePorts(svc as Service),
      since(svc.metadata.creationTimestamp, nowMs),
      formatLabels(svc.spec?.selector),
    ];
  },
};

/** formatEndpoints: `ip:port` for every address and port, the first three then `+ N more...`. */
export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports: (EndpointPort | undefined)[] = ss.ports && ss.ports.length > 0 ? ss.ports : [undefined];
    for (const port of ports) {
      count += addresses.length;
      for (const addr of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(port ? `${addr.ip}:${port.port}` : addr.ip);
      }
    }
  }
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret;
}

export const endpointsTable: TableDef = {
  columns: cols('Name|Endpoints|Age'),
  row(obj, { nowMs }) {
    const ep = obj as Stored<Endpoints>;
    return [ep.metadata.name, formatEndpoints(ep as Endpoints), since(ep.metadata.creationTimestamp, nowMs)];
  },
};

function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret === '' ? '<unset>' : ret;
}

export const endpointSliceTable: TableDef = {
  columns: cols('Name|AddressType|Ports|Endpoints|Age'),
  row(obj, { nowMs }) {
    const eps = obj as Stored<EndpointSlice>;
    const max = 3;
    const ports: string[] = [];
    let morePorts = false;
    for (const p of eps.ports ?? []) {
      if (ports.length < max) ports.push(p.port !== undefined ? String(p.port) : (p.name ?? '*'));
      else morePorts = true;
    }
    const addrs: string[] = [];
    let moreAddrs = false;
    let addrCount = 0;
    for (const e of eps.endpoints ?? []) {
      for (const a of e.addresses) {
        if (addrs.length < max) addrs.push(a);
        else moreAddrs = true;
        addrCount++;
      }
    }
    return [
      eps.metadata.name,
      eps.addressType,
      listWithMore(ports, morePorts, eps.ports?.length ?? 0, max),
      listWithMore(addrs, moreAddrs, addrCount, max),
      since(eps.metadata.creationTimestamp, nowMs),
    ];
  },
};

export const ingressTable: TableDef = {
  columns: cols('Name|Class|Hosts|Address|Ports|Age'),
  row(obj, { nowMs }) {
    const ing = obj as Stored<Ingress>;
    const rules = ing.spec?.rules ?? [];
    const hosts = rules.map((r) => r.host).filter((h): h is string => !!h);
    let hostCell = hosts.length === 0 ? '*' : hosts.slice(0, 3).join(',');
    if (rules.length > 3 && hosts.length > 0) hostCell += ` + ${rules.length - 3} more...`;
    const address = [...new Set((ing.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || '').filter((s) => s))].join(',');
    return [
      ing.metadata.name,
      ing.spec?.ingressClassName ?? '<none>',
      hostCell,
      address,
      (ing.spec?.tls?.length ?? 0) > 0 ? '80, 443' : '80',
      since(ing.metadata.creationTimestamp, nowMs),
    ];
  },
};
