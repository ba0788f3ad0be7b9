/**
 * Cluster DNS as CoreDNS answers it (the Kubernetes DNS specification): a Service is
 * `<service>.<namespace>.svc.cluster.local` → its ClusterIP (headless: the ready pod IPs); a pod is
 * `<ip-with-dashes>.<namespace>.pod.cluster.local`. Short names resolve through the pod's search path
 * (`<ns>.svc.cluster.local svc.cluster.local cluster.local`), so `web` and `web.other` work from a pod.
 */
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../apiserver/apiserver';
import type { ServiceProxy } from './serviceProxy';

export const CLUSTER_DOMAIN = 'cluster.local';

export function serviceFqdn(name: string, namespace: string): string {
  return `${name}.${namespace}.svc.${CLUSTER_DOMAIN}`;
}

export function podFqdn(ip: string, namespace: string): string {
  return `${ip.replaceAll('.', '-')}.${namespace}.pod.${CLUSTER_DOMAIN}`;
}

export interface DnsAnswer {
  fqdn: string;
  addresses: string[];
  kind: 'service' | 'headless-service' | 'pod' | 'external';
  /** ExternalName services answer with a CNAME. */
  cname?: string;
}

/** The search-path candidates a pod in `fromNamespace` tries for `name` (ndots:5 means short names go first through the search list). */
export function searchCandidates(name: string, fromNamespace: string): string[] {
  const trimmed = name.endsWith('.') ? name.slice(0, -1) : name;
  if (name.endsWith('.')) return [trimmed];
  return [
    `${trimmed}.${fromNamespace}.svc.${CLUSTER_DOMAIN}`,
    `${trimmed}.svc.${CLUSTER_DOMAIN}`,
    `${trimmed}.${CLUSTER_DOMAIN}`,
    trimmed,
  ];
}

export class ClusterDns {
  constructor(
    private readonly api: ApiServer,
    private readonly proxy: ServiceProxy,
  ) {}

  /** Resolves a name as a pod in `fromNamespace` would; undefined is NXDOMAIN. */
  resolve(name: string, fromNamespace = 'default'): DnsAnswer | undefined {
    for (const candidate of searchCandidates(name.toLowerCase(), fromNamespace)) {
      const answer = this.lookup(candidate);
      if (answer) return answer;
    }
    return undefined;
  }

  private hostnameOf(namespace: string, podName: string, subdomain: string): string | undefined {
    const pod = this.api.peek<Pod>('Pod', namespace, podName);
    return pod?.spec?.subdomain === subdomain ? pod.spec.hostname : undefined;
  }

  /** The PTR name CoreDNS answers for a Service's ClusterIP. */
  reverse(ip: string): string | undefined {
    const svc = this.api.peekList<Service>('Service').find((s) => s.spec?.clusterIP === ip);
    return svc ? serviceFqdn(svc.metadata.name, svc.metadata.namespace ?? 'default') : undefined;
  }

  private lookup(fqdn: string): DnsAnswer | undefined {
    const suffix = `.${CLUSTER_DOMAIN}`;
    if (!fqdn.endsWith(suffix)) return undefined;
    const labels = fqdn.slice(0, -suffix.length).split('.');
    if (labels.length === 3 && labels[2] === 'svc') {
      const [name, namespace] = labels as [string, string, string];
      const svc = this.api.peek<Service>('Service', namespace, name);
      if (!svc) return undefined;
      if (svc.spec?.type === 'ExternalName') return { fqdn, addresses: [], kind: 'external', cname: svc.spec.externalName ?? '' };
      if (svc.spec?.clusterIP === 'None') {
        const ips = this.proxy.backends(namespace, name).filter((b) => b.ready).map((b) => b.ip);
        return { fqdn, addresses: [...new Set(ips)], kind: 'headless-service' };
      }
      return { fqdn, addresses: svc.spec?.clusterIP ? [svc.spec.clusterIP] : [], kind: 'service' };
    }
    // A pod with `hostname` and `subdomain` set to a headless Service's name (a StatefulSet's pods):
    // `<hostname>.<subdomain>.<namespace>.svc.cluster.local` is its A record (`web-0.nginx`).
    if (labels.length === 4 && labels[3] === 'svc') {
      const [host, sub, namespace] = labels as [string, string, string, string];
      const svc = this.api.peek<Service>('Service', namespace, sub);
      if (!svc || svc.spec?.clusterIP !== 'None') return undefined;
      const ip = this.proxy.backends(namespace, sub).find((b) => b.podName && this.hostnameOf(namespace, b.podName, sub) === host && (b.ready || svc.spec?.publishNotReadyAddresses))?.ip;
      return ip ? { fqdn, addresses: [ip], kind: 'pod' } : undefined;
    }
    if (labels.length === 3 && labels[2] === 'pod') {
      const ip = labels[0]!.replaceAll('-', '.');
      if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return undefined;
      return { fqdn, addresses: [ip], kind: 'pod' };
    }
    return undefined;
  }
}
