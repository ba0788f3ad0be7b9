/**
 * The cluster network as a pod sees it. A name goes to CoreDNS (the kube-dns Service) through the
 * pod's search path; a connection to a Service's ClusterIP is rewritten by kube-proxy's rules to one
 * ready endpoint (iptables mode: a Service with no ready endpoint REJECTs, so the client sees
 * `Connection refused`; a port the Service does not have matches no rule and times out); a connection
 * to a pod IP reaches that pod if a container there listens on the port, else it is refused. A pod on
 * a powered-off machine answers nothing (timeout).
 *
 * Connections chosen here never draw from the cluster's seeded random stream: reading a log that
 * renders a `wget` loop must not change what the cluster does next. The endpoint is picked by a hash
 * of the caller's salt (kube-proxy's choice is random; any even spread will do).
 */
import type { Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../apiserver/apiserver';
import type { Stored } from '../objects';
import { CLUSTER_DNS_IP, clusterDnsServes, type NetworkNodes, type NetworkPod } from '../podNetworkContract';
import type { LookupResult, NetView } from '../runtime/containerSystem';
import type { ClusterDns } from './dns';
import { endpointOf, NetworkPolicies, type Endpoint } from './networkPolicy';
import type { Backend, ServiceProxy } from './serviceProxy';
import { isFailedStatus, type ServiceTraffic } from './serviceTraffic';

export interface NetClient {
  namespace: string;
  podName: string;
  podIP: string;
}

export interface NetOptions {
  /** Write access-log lines on the servers (false while rendering a loop's past iterations). */
  record: boolean;
  /** Spreads successive connections over a Service's endpoints. */
  salt: number;
}

/**
 * `ip:port` is what the client dialled (a ClusterIP, or a pod IP); `podPort` where the packet lands;
 * `service` the Service (`namespace/name`) whose rules sent it there.
 */
type Target = ({ kind: 'pod'; worker: NetworkPod; ip: string; port: number; podPort: number } | { kind: 'timeout' | 'refused'; ip: string; port: number }) & { service?: { namespace: string; name: string } };

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const IPV4 = /^\d+\.\d+\.\d+\.\d+$/;

export class PodNetwork {
  private readonly policies: NetworkPolicies;

  constructor(
    private readonly api: ApiServer,
    private readonly dns: ClusterDns,
    private readonly proxy: ServiceProxy,
    private readonly nodes: NetworkNodes,
    private readonly counters?: ServiceTraffic,
  ) {
    this.policies = new NetworkPolicies(api);
  }

  private endpoint(namespace: string, podName: string, ip: string): Endpoint {
    return endpointOf(this.api.peek<Pod>('Pod', namespace, podName), ip);
  }

  /** NetworkPolicy: a dropped connection looks like no answer at all. */
  private admitted(client: NetClient, target: Target, host: string): Target {
    if (target.kind !== 'pod' || host === 'localhost' || host === '127.0.0.1') return target;
    const to = this.endpoint(target.worker.namespace, target.worker.pod.metadata.name, target.worker.podIP ?? '');
    const named = (name: string) => {
      for (const c of target.worker.pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === name) return p.containerPort;
      return undefined;
    };
    if (this.policies.allows(this.endpoint(client.namespace, client.podName, client.podIP), to, target.podPort, named)) return target;
    return { kind: 'timeout', ip: target.ip, port: target.port, ...(target.service ? { service: target.service } : {}) };
  }

  /** Can the client's DNS queries reach a CoreDNS pod (egress to port 53, and CoreDNS's own ingress)? */
  private dnsReachable(client: NetClient): boolean {
    if (this.api.peekList('NetworkPolicy').length === 0) return true;
    const from = this.endpoint(client.namespace, client.podName, client.podIP);
    return this.proxy
      .backends('kube-system', 'kube-dns')
      .filter((b) => b.ready && b.podName)
      .some((b) => this.policies.allows(from, this.endpoint(b.podNamespace ?? 'kube-system', b.podName!, b.ip), 53));
  }

  view(client: NetClient, opts: NetOptions): NetView {
    let salt = opts.salt;
    return {
      nameserver: CLUSTER_DNS_IP,
      lookup: (name) => (this.dnsReachable(client) ? this.lookup(name, client.namespace) : { ok: false, reason: 'timeout' }),
      reverse: (ip) => this.dns.reverse(ip),
      httpGet: (host, port, path, userAgent) => {
        const found = this.target(host, port, client, salt++);
        if ('host' in found) return found;
        const target = this.admitted(client, found, host);
        // One request through a Service's rules: counted on it (a loop's past iterations, rendered for a log, are not).
        const count = (status: number) => {
          if (opts.record && target.service) this.counters?.record(target.service.namespace, target.service.name, 1, isFailedStatus(status) ? 1 : 0);
        };
        if (target.kind !== 'pod') {
          count(0);
          return { kind: target.kind, ip: target.ip, port: target.port };
        }
        const local = host === 'localhost' || host === '127.0.0.1';
        const answer = target.worker.answerHttp(target.podPort, path, { clientIP: local ? '127.0.0.1' : client.podIP, userAgent, record: opts.record });
        count(answer && !answer.protocolError ? answer.status : 0);
        if (!answer) return { kind: 'refused', ip: target.ip, port };
        if (answer.protocolError) return { kind: 'protocol', ip: target.ip, port, message: answer.protocolError };
        return { kind: 'response', ip: target.ip, port, status: answer.status, body: answer.body, contentType: answer.contentType };
      },
      connect: (host, port) => {
        const found = this.target(host, port, client, salt++);
        if ('host' in found) return found;
        const target = this.admitted(client, found, host);
        if (target.kind !== 'pod') return { kind: target.kind, ip: target.ip, port: target.port };
        return target.worker.listensOn(target.podPort) ? { kind: 'open', ip: target.ip, port } : { kind: 'refused', ip: target.ip, port };
      },
    };
  }

  lookup(name: string, fromNamespace: string): LookupResult {
    if (!clusterDnsServes(this.api)) return { ok: false, reason: 'timeout' };
    const answer = this.dns.resolve(name, fromNamespace);
    if (!answer || (answer.addresses.length === 0 && !answer.cname)) return { ok: false, reason: 'nxdomain' };
    return { ok: true, fqdn: answer.fqdn, addresses: answer.addresses, kind: answer.kind, ...(answer.cname ? { cname: answer.cname } : {}) };
  }

  private target(host: string, port: number, client: NetClient, salt: number): Target | { kind: 'unresolved'; host: string } {
    let ip = host;
    if (host === 'localhost' || host === '127.0.0.1') ip = client.podIP;
    else if (!IPV4.test(host)) {
      const r = this.dnsReachable(client) ? this.lookup(host, client.namespace) : ({ ok: false, reason: 'timeout' } as const);
      if (!r.ok || r.addresses.length === 0) return { kind: 'unresolved', host };
      ip = r.addresses[salt % r.addresses.length]!;
    }
    const svc = this.serviceByIP(ip);
    if (svc) return this.viaService(svc, ip, port, client, salt);
    return this.toPod(ip, port);
  }

  private serviceByIP(ip: string): Stored<Service> | undefined {
    if (!ip.startsWith('10.9') && !ip.startsWith('10.1')) return undefined;
    return this.api.peekList<Service>('Service').find((s) => s.spec?.clusterIP === ip || s.spec?.clusterIPs?.includes(ip));
  }

  /** kube-proxy's rules for one Service port: DNAT to a ready endpoint, REJECT with none, nothing for other ports. */
  private viaService(svc: Stored<Service>, vip: string, port: number, client: NetClient, salt: number): Target {
    const ns = svc.metadata?.namespace ?? 'default';
    const name = svc.metadata?.name ?? '';
    const sp = svc.spec?.ports?.find((p) => p.port === port && (p.protocol ?? 'TCP') === 'TCP');
    if (!sp) return { kind: 'timeout', ip: vip, port };
    const all = this.proxy.backends(ns, name);
    let pool = all.filter((b) => b.ready);
    if (pool.length === 0) pool = all.filter((b) => b.serving && b.terminating);
    const service = { namespace: ns, name };
    if (pool.length === 0) return { kind: 'refused', ip: vip, port, service };
    const backend = pool[hash(`${client.namespace}/${client.podName}#${salt}`) % pool.length]!;
    const target = this.toPod(backend.ip, this.targetPort(sp, backend));
    return { ...target, ip: vip, port, service };
  }

  private targetPort(sp: ServicePort, backend: Backend): number {
    const t = sp.targetPort;
    if (typeof t === 'number') return t;
    if (t === undefined || t === '') return sp.port;
    if (/^\d+$/.test(t)) return Number(t);
    // A named port: the container port of that name on the backend pod.
    const pod = backend.podName ? this.api.peek<Pod>('Pod', backend.podNamespace ?? 'default', backend.podName) : undefined;
    for (const c of pod?.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === t) return p.containerPort;
    return backend.port;
  }

  private toPod(ip: string, port: number): Target {
    for (const kubelet of this.nodes.kubelets()) {
      const worker = kubelet.workerByIP(ip);
      if (!worker) continue;
      if (kubelet.state === 'poweredOff') return { kind: 'timeout', ip, port };
      return { kind: 'pod', worker, ip, port, podPort: port };
    }
    return { kind: 'timeout', ip, port };
  }
}
