/**
 * One lane's real cluster: a `createCluster` instance with three workers, the lane's Deployments,
 * Services and HorizontalPodAutoscalers applied as YAML, and the users' traffic turned into CPU on the
 * pods behind each Service. The traffic is spread over the Service's ready endpoints as kube-proxy spreads
 * connections (evenly in expectation), the same way the engine's own load generators do
 * (`proxy/loadTraffic.ts`), so metrics-server sees it and the HPA controller reacts to it.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import { createCluster, type Cluster } from '../../cluster';
import { nodeManifest } from '../../scenarios/presets';
import { NAMESPACE, workerNames } from './shop';

export const WORKERS = 3;
export const WORKER_CORES = 4;

export interface PodInfo {
  name: string;
  app: string;
  node: string | undefined;
  ready: boolean;
  phase: string;
  cpuRequestMilli: number;
  cpuLimitMilli: number;
  memoryRequestMi: number;
  /** metrics-server's figure, millicores (0 until the first scrape). */
  cpuUsedMilli: number;
  uid: string;
}

function milli(q: string | number | undefined): number {
  if (q === undefined) return 0;
  const s = String(q);
  return s.endsWith('m') ? Number(s.slice(0, -1)) : Math.round(Number(s) * 1000);
}

function mebi(q: string | number | undefined): number {
  if (q === undefined) return 0;
  const s = String(q);
  if (s.endsWith('Mi')) return Number(s.slice(0, -2));
  if (s.endsWith('Gi')) return Number(s.slice(0, -2)) * 1024;
  return Number(s) / (1024 * 1024);
}

export class LaneCluster {
  readonly cluster: Cluster;
  /** What each pod got from the traffic at the last tick: `node|pod|container` → millicores. */
  private applied = new Map<string, number>();

  constructor(seed: number) {
    this.cluster = createCluster({ seed });
    this.apply(workerNames(WORKERS).map((n, i) => nodeManifest(n, { cpu: String(WORKER_CORES), memoryMi: 8192, zone: `zone-${'abc'[i]}` })).join('---\n'));
  }

  /** Applies YAML the model wrote; an error here is a bug in the model, not the student's input. */
  apply(yaml: string): void {
    for (const r of this.cluster.apply(yaml)) {
      if (r.action === 'error') throw new Error(`monolith-vs-microservices: ${r.message}`);
    }
  }

  addMachine(name: string, cores: number): void {
    if (this.cluster.api.peek('Node', '', name)) return;
    this.apply(nodeManifest(name, { cpu: String(cores), memoryMi: cores * 4096, zone: 'zone-a' }));
  }

  hasMachine(name: string): boolean {
    return this.cluster.api.peek('Node', '', name) !== undefined;
  }

  /** The app's live pods (not being deleted), oldest first. */
  pods(app: string): PodInfo[] {
    return this.cluster.api
      .peekList<Pod>('Pod', { namespace: NAMESPACE })
      .filter((p) => p.metadata.labels?.app === app && !p.metadata.deletionTimestamp && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded')
      .map((p) => {
        const c = p.spec?.containers?.[0];
        const metrics = this.cluster.nodes.podMetrics(NAMESPACE, p.metadata.name);
        return {
          name: p.metadata.name,
          app,
          node: p.spec?.nodeName,
          ready: p.status?.conditions?.some((cond) => cond.type === 'Ready' && cond.status === 'True') ?? false,
          phase: p.status?.phase ?? 'Pending',
          cpuRequestMilli: milli(c?.resources?.requests?.cpu),
          cpuLimitMilli: milli(c?.resources?.limits?.cpu),
          memoryRequestMi: mebi(c?.resources?.requests?.memory),
          cpuUsedMilli: metrics ? metrics.containers.reduce((s, x) => s + x.cpuMilli, 0) : 0,
          uid: p.metadata.uid ?? '',
        };
      })
      .sort((a, b) => (a.name < b.name ? -1 : 1));
  }

  /** Spreads `demandMilli` of CPU over the Service's ready endpoints; a pod no longer chosen gets none. */
  spread(loads: Array<{ service: string; demandMilli: number }>): void {
    const next = new Map<string, number>();
    for (const { service, demandMilli } of loads) {
      const ready = this.cluster.proxy.backends(NAMESPACE, service).filter((b) => b.ready && b.podName && b.nodeName);
      if (ready.length === 0) continue;
      for (const b of ready) {
        const key = `${b.nodeName}|${b.podName}|${service}`;
        next.set(key, (next.get(key) ?? 0) + demandMilli / ready.length);
      }
      // One real connection per Service per tick, chosen by kube-proxy's rules (the canvas's traffic).
      this.cluster.proxy.route(NAMESPACE, service);
    }
    for (const key of this.applied.keys()) if (!next.has(key)) this.setLoad(key, 0);
    for (const [key, m] of next) if (this.applied.get(key) !== m) this.setLoad(key, m);
    this.applied = next;
  }

  private setLoad(key: string, milliCpu: number): void {
    const [node, pod, container] = key.split('|') as [string, string, string];
    this.cluster.nodes.kubelet(node)?.addCpuLoad(NAMESPACE, pod, container, Math.round(milliCpu));
  }

  /** Deployments, Services (the API server's own `kubernetes` aside) and autoscalers: the parts to run. */
  movingParts(): number {
    const api = this.cluster.api;
    const services = api.peekList('Service', { namespace: NAMESPACE }).filter((s) => s.metadata.name !== 'kubernetes').length;
    return api.peekList('Deployment', { namespace: NAMESPACE }).length + services + api.peekList('HorizontalPodAutoscaler', { namespace: NAMESPACE }).length;
  }
}
