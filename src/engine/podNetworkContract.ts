/**
 * The contract between the nodes' kubelets and the cluster network (kube-proxy's Services, CoreDNS, pod
 * to pod traffic): what each side reaches of the other. The kubelet implements the node side (proxy/
 * reaches pods through it); the network's DNS facts live here (the kubelet writes resolv.conf from them
 * and asks them before resolving a name). Neither `kubelet/` nor `proxy/` imports the other.
 */
import type { Container, Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { ApiServer } from './apiserver/apiserver';
import type { Stored } from './objects';
import type { ProgramName } from './runtime/registry';
import type { HttpAnswer } from './runtime/serving';

/** kubeadm's clusterDNS: the tenth address of the service CIDR. */
export const CLUSTER_DNS_IP = '10.96.0.10';

/**
 * Whether a pod's DNS query gets an answer. With CoreDNS installed (the kube-dns Service in
 * kube-system), a query to 10.96.0.10 reaches a CoreDNS pod only through a ready endpoint: with none
 * (CoreDNS scaled to 0, its pods not ready) every lookup times out ("no servers could be reached").
 * A cluster without the addon (no preset) answers as if DNS were always there.
 */
export function clusterDnsServes(api: ApiServer): boolean {
  if (!api.peek<Service>('Service', 'kube-system', 'kube-dns')) return true;
  return api
    .peekList<EndpointSlice>('EndpointSlice', { namespace: 'kube-system' })
    .some((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'kube-dns' && (s.endpoints ?? []).some((e) => e.conditions?.ready !== false));
}

/** A node's machine: running, cut off from the network, or powered off. */
export type NodeAgentState = 'running' | 'partitioned' | 'poweredOff';

/** A container as traffic reaches it: its ports (spec) and the program of its current instance. */
export interface NetworkContainer {
  readonly kind: 'init' | 'sidecar' | 'regular';
  readonly name: string;
  readonly spec: Container;
  readonly current: { readonly plan: { readonly program: ProgramName } } | undefined;
}

/** A pod on a node, as the network reaches it. */
export interface NetworkPod {
  readonly pod: Stored<Pod>;
  readonly namespace: string;
  readonly podIP: string | undefined;
  readonly slots: readonly NetworkContainer[];
  listensOn(port: number): boolean;
  answerHttp(port: number, path: string, req: { clientIP: string; userAgent: string; record: boolean }): HttpAnswer | undefined;
}

/** A running container whose script keeps requesting a URL (the HPA walkthrough's load generator). */
export interface LoadGenerator {
  namespace: string;
  pod: string;
  container: string;
  url: string;
  /** One loop iteration (one request). */
  periodMs: number | undefined;
}

/** A node's kubelet, as the network reaches it. */
export interface NetworkNode {
  readonly state: NodeAgentState;
  worker(namespace: string, pod: string): NetworkPod | undefined;
  workerByIP(ip: string): NetworkPod | undefined;
  /** Running containers that keep requesting a URL (load generators). */
  loadGenerators(): LoadGenerator[];
  /** A request reached a container: its program logs it; returns the HTTP status (0: nothing listens). */
  serveRequest(namespace: string, pod: string, req: { clientIP: string; method?: string; path?: string; userAgent?: string }, container?: string): number;
  /** The HTTP status a request to the container would get now, without serving it (0 when nothing listens). */
  httpStatus(namespace: string, pod: string, container?: string): number;
  /** Adds CPU from traffic on top of the container's own figure. */
  addCpuLoad(namespace: string, pod: string, container: string, extraMilli: number): void;
}

/** Every node's kubelet, by node name. */
export interface NetworkNodes {
  kubelet(nodeName: string): NetworkNode | undefined;
  kubelets(): NetworkNode[];
}
