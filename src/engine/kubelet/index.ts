/**
 * The kubelets of every node. Each Node object created through the API gets a simulated machine with
 * a kubelet; deleting the Node stops it. One Pod watch serves them all, routing each pod event to the
 * kubelet of its `spec.nodeName` (a thousand kubelets do not each scan every pod).
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { WatchEvent } from '../apiserver/apiserver';
import { ApiError, notFound } from '../apiserver/errors';
import type { ControllerContext } from '../context';
import type { NodeMetrics, PodMetrics } from '../metrics/resourceMetrics';
import type { ContainerExecRequest, ContainerExecResult, ContainerLogRequest } from '../podSubresources';
import type { Stored } from '../objects';
import { Kubelet } from './kubelet';
import type { PodNetworkAccess } from './kubeletServices';

export { Kubelet, type KubeletState } from './kubelet';
export type { ProbeKind } from './probes';

/** Prepares a new node's machine before its kubelet registers (preloaded images, static pod files). */
export type NodeProvisioner = (kubelet: Kubelet, node: Stored<Node>) => void;

export class NodeAgents {
  private readonly agents = new Map<string, Kubelet>();
  /** Set by the cluster preset: what its machines come with. */
  provisioner: NodeProvisioner | undefined;
  /** The pod network every kubelet's containers reach the cluster through (set by the cluster). */
  network: PodNetworkAccess | undefined;
  private registered = 0;
  private readonly unwatch: Array<() => void> = [];

  constructor(private readonly ctx: ControllerContext) {}

  boot(): void {
    this.unwatch.push(this.ctx.api.watch<Node>('Node', (e) => this.onNode(e)));
    this.unwatch.push(this.ctx.api.watch<Pod>('Pod', (e) => this.onPod(e)));
    for (const node of this.ctx.api.peekList<Node>('Node')) this.addNode(node);
    for (const pod of this.ctx.api.peekList<Pod>('Pod')) {
      const name = pod.spec?.nodeName;
      if (name) this.agents.get(name)?.enqueuePod(`${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`, pod, pod.metadata.uid);
    }
  }

  kubelet(nodeName: string): Kubelet | undefined {
    return this.agents.get(nodeName);
  }

  kubelets(): Kubelet[] {
    return [...this.agents.values()];
  }

  private addNode(node: Stored<Node>): void {
    if (this.agents.has(node.metadata.name)) return;
    const kubelet = new Kubelet(this.ctx, node, this.registered++);
    kubelet.network = this.network;
    this.agents.set(node.metadata.name, kubelet);
    this.provisioner?.(kubelet, node);
    kubelet.boot();
  }

  private onNode(e: WatchEvent<Node>): void {
    const name = e.object.metadata.name;
    if (e.type === 'DELETED') {
      this.agents.get(name)?.dispose();
      this.agents.delete(name);
      return;
    }
    if (e.type === 'ADDED') this.addNode(e.object);
    else this.agents.get(name)?.nodeUpdated(e.object);
  }

  private onPod(e: WatchEvent<Pod>): void {
    const pod = e.object;
    const nodeName = pod.spec?.nodeName ?? e.old?.spec?.nodeName;
    if (!nodeName) return;
    const agent = this.agents.get(nodeName);
    if (!agent) return;
    // A status-only write (most often the kubelet's own) changes nothing the kubelet acts on.
    const old = e.old;
    if (e.type === 'MODIFIED' && old && old.spec === pod.spec && old.metadata.deletionTimestamp === pod.metadata.deletionTimestamp && agent.worker(pod.metadata.namespace ?? 'default', pod.metadata.name)) return;
    agent.enqueuePod(`${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`, e.type === 'DELETED' ? undefined : pod, pod.metadata.uid);
  }

  /** `kubectl logs`: through the API server to the pod's kubelet. */
  logs(req: ContainerLogRequest): string[] {
    const pod = this.ctx.api.get<Pod>('Pod', req.namespace, req.pod);
    if (!pod) throw notFound('pods', req.pod);
    const agent = pod.spec?.nodeName ? this.agents.get(pod.spec.nodeName) : undefined;
    if (!agent) {
      const name = req.container ?? pod.spec?.containers?.[0]?.name ?? '';
      throw new ApiError('BadRequest', `container "${name}" in pod "${req.pod}" is waiting to start: ContainerCreating`);
    }
    return agent.logs(pod, req);
  }

  /** `kubectl exec`: through the API server to the pod's kubelet. */
  exec(req: ContainerExecRequest): ContainerExecResult {
    const pod = this.ctx.api.get<Pod>('Pod', req.namespace, req.pod);
    if (!pod) throw notFound('pods', req.pod);
    const agent = pod.spec?.nodeName ? this.agents.get(pod.spec.nodeName) : undefined;
    if (!agent) throw new Error(`unable to upgrade connection: container not found ("${req.container}")`);
    return agent.exec(pod, req);
  }

  /** metrics-server's PodMetrics (kubectl top pod). */
  podMetrics(namespace: string, name: string): PodMetrics | undefined {
    const pod = this.ctx.api.peek<Pod>('Pod', namespace, name);
    const nodeName = pod?.spec?.nodeName;
    return nodeName ? this.agents.get(nodeName)?.podMetrics(namespace, name) : undefined;
  }

  nodeMetrics(name: string): NodeMetrics | undefined {
    return this.agents.get(name)?.nodeMetrics();
  }

  dispose(): void {
    for (const u of this.unwatch) u();
    for (const a of this.agents.values()) a.dispose();
    this.agents.clear();
  }
}
