/**
 * Traffic from the cluster's own clients: a container whose script keeps fetching a URL (the HPA
 * walkthrough's `while sleep 0.01; do wget -q -O- http://php-apache; done`) sends requests through
 * cluster DNS and kube-proxy to the Service's ready endpoints, and the servers that answer them burn
 * CPU. That CPU is what metrics-server reports and what a HorizontalPodAutoscaler reacts to.
 *
 * Every few seconds each client's demand is spread over the ready endpoints (kube-proxy's random
 * choice is even in expectation), capped later by each container's CPU limit; one request per client
 * per tick is routed for real, so the server writes an access-log line and the canvas sees traffic.
 * Each client's requests are counted on the Service (ServiceTraffic): one per iteration of its loop,
 * failed when no endpoint takes them or the endpoint answers nothing or 5xx.
 */
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../apiserver/apiserver';
import type { VirtualClock } from '../clock/virtualClock';
import type { NetworkNodes } from '../podNetworkContract';
import type { ProgramName } from '../runtime/registry';
import type { ClusterDns } from './dns';
import type { Backend, ServiceProxy } from './serviceProxy';
import { isFailedStatus, type ServiceTraffic } from './serviceTraffic';

export const TRAFFIC_TICK_MS = 5_000;

/**
 * CPU (millicores) one busy client loop keeps a server program busy with. php-apache (the
 * hpa-example image) computes a square-root loop per request: one client saturates about 650m,
 * which is why the walkthrough settles near 7 replicas of 200m at a 50% target. Static file servers
 * answer such a loop with a few tens of millicores.
 */
const CPU_PER_CLIENT: Partial<Record<ProgramName, number>> = {
  'php-apache': 650,
  nginx: 30,
  httpd: 40,
};
const DEFAULT_CPU_PER_CLIENT = 25;

/** Requests one client loop sends in a tick: one per iteration (`sleep 0.01; wget` is about 13 ms). */
export function requestsPerTick(periodMs: number | undefined): number {
  if (periodMs === undefined || !Number.isFinite(periodMs)) return 1;
  return Math.max(1, Math.round(TRAFFIC_TICK_MS / Math.max(periodMs, 1)));
}

/** `total` requests spread over `n` endpoints as evenly as whole requests go: the first ones take the remainder. */
export function evenSplit(total: number, n: number, index: number): number {
  return Math.floor(total / n) + (index < total % n ? 1 : 0);
}

interface Target {
  namespace: string;
  service: string;
  path: string;
}

function parseUrl(url: string): { host: string; path: string } {
  const noScheme = url.replace(/^[a-z]+:\/\//i, '');
  const slash = noScheme.indexOf('/');
  const hostPort = slash >= 0 ? noScheme.slice(0, slash) : noScheme;
  const path = slash >= 0 ? noScheme.slice(slash) : '/';
  return { host: hostPort.replace(/:\d+$/, ''), path };
}

export class LoadTraffic {
  /** What each container got at the last tick: `node|namespace/pod|container` → millicores. */
  private applied = new Map<string, number>();

  constructor(
    private readonly api: ApiServer,
    private readonly clock: VirtualClock,
    private readonly nodes: NetworkNodes,
    private readonly dns: ClusterDns,
    private readonly proxy: ServiceProxy,
    private readonly counters: ServiceTraffic,
  ) {
    this.schedule();
  }

  private schedule(): void {
    this.clock.setTimeout(() => {
      this.tick();
      this.schedule();
    }, TRAFFIC_TICK_MS);
  }

  /** The Service a client's URL reaches, as the client pod resolves it. */
  private resolve(url: string, fromNamespace: string): Target | undefined {
    const { host, path } = parseUrl(url);
    if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) {
      const svc = this.api.peekList<Service>('Service').find((s) => s.spec?.clusterIP === host);
      return svc ? { namespace: svc.metadata.namespace ?? 'default', service: svc.metadata.name, path } : undefined;
    }
    const answer = this.dns.resolve(host, fromNamespace);
    if (!answer || (answer.kind !== 'service' && answer.kind !== 'headless-service')) return undefined;
    const [service, namespace] = answer.fqdn.split('.') as [string, string];
    return { namespace, service, path };
  }

  private pool(namespace: string, service: string): Backend[] {
    const all = this.proxy.backends(namespace, service).filter((b) => b.podName && b.nodeName);
    const ready = all.filter((b) => b.ready);
    return ready.length > 0 ? ready : all.filter((b) => b.serving && b.terminating);
  }

  /** The container answering on the endpoint's port (else the pod's first container), and its program. */
  private server(b: Backend): { container: string; program: ProgramName | undefined } | undefined {
    const worker = this.nodes.kubelet(b.nodeName!)?.worker(b.podNamespace ?? 'default', b.podName!);
    if (!worker) return undefined;
    const regular = worker.slots.filter((s) => s.kind === 'regular');
    const slot = regular.find((s) => s.spec.ports?.some((p) => p.containerPort === b.port)) ?? regular[0];
    return slot ? { container: slot.name, program: slot.current?.plan.program } : undefined;
  }

  tick(): void {
    const next = new Map<string, number>();
    for (const kubelet of this.nodes.kubelets()) {
      for (const gen of kubelet.loadGenerators()) {
        const target = this.resolve(gen.url, gen.namespace);
        if (!target) continue;
        const pool = this.pool(target.namespace, target.service);
        const requests = requestsPerTick(gen.periodMs);
        if (pool.length === 0) {
          // kube-proxy REJECTs: every iteration of the loop gets `Connection refused`.
          this.counters.record(target.namespace, target.service, requests, requests);
          continue;
        }
        let errors = 0;
        pool.forEach((b, i) => {
          const status = b.nodeName && b.podName ? this.nodes.kubelet(b.nodeName)?.httpStatus(b.podNamespace ?? 'default', b.podName) ?? 0 : 0;
          if (isFailedStatus(status)) errors += evenSplit(requests, pool.length, i);
        });
        this.counters.record(target.namespace, target.service, requests, errors);
        for (const b of pool) {
          const server = this.server(b);
          if (!server) continue;
          const share = (CPU_PER_CLIENT[server.program ?? 'shell'] ?? DEFAULT_CPU_PER_CLIENT) / pool.length;
          const key = `${b.nodeName}|${b.podNamespace ?? 'default'}/${b.podName}|${server.container}`;
          next.set(key, (next.get(key) ?? 0) + share);
        }
        this.sendOne(target, gen.namespace, gen.pod);
      }
    }
    for (const key of this.applied.keys()) if (!next.has(key)) this.apply(key, 0);
    for (const [key, milli] of next) if (this.applied.get(key) !== milli) this.apply(key, milli);
    this.applied = next;
  }

  /** One real request: kube-proxy picks the endpoint (a traffic cue), the server logs it. */
  private sendOne(target: Target, clientNamespace: string, clientPod: string): void {
    const route = this.proxy.route(target.namespace, target.service);
    if (!route.ok || !route.backend.podName || !route.backend.nodeName) return;
    const client = this.api.peek<Pod>('Pod', clientNamespace, clientPod);
    this.nodes.kubelet(route.backend.nodeName)?.serveRequest(route.backend.podNamespace ?? 'default', route.backend.podName, {
      clientIP: client?.status?.podIP ?? '',
      method: 'GET',
      path: target.path,
      userAgent: 'Wget',
    });
  }

  private apply(key: string, milli: number): void {
    const [node, podKey, container] = key.split('|') as [string, string, string];
    const slash = podKey.indexOf('/');
    this.nodes.kubelet(node)?.addCpuLoad(podKey.slice(0, slash), podKey.slice(slash + 1), container, Math.round(milli));
  }
}
