/**
 * NodeInfo (framework.NodeInfo): one node as the scheduler sees it: its allocatable resources, labels
 * and taints, and the running sums of what the pods bound to it request. The cache updates the sums in
 * O(1) per pod event, so filters never walk a node's pods.
 */
import type { Node, Taint } from 'kubernetes-types/core/v1';
import type { Stored } from '../../objects';
import { cpuMillis, quantityValue } from './quantities';
import { canonicalImageName } from './imageName';
import { emptyAmounts, isScalarResourceName, type ResourceAmounts } from './podInfo';

/** kubelet's default --max-pods, used when a node does not report `pods` allocatable. */
const DEFAULT_MAX_PODS = 110;

export const HOSTNAME_LABEL = 'kubernetes.io/hostname';
export const ZONE_LABEL = 'topology.kubernetes.io/zone';

const nodeIds = new Map<string, number>();

/**
 * A small integer per node name, the same for every NodeInfo of that name (a node deleted and added
 * again keeps it): per-node counts can live in arrays indexed by it instead of maps keyed by name.
 */
export function nodeIdOf(name: string): number {
  let id = nodeIds.get(name);
  if (id === undefined) nodeIds.set(name, (id = nodeIds.size));
  return id;
}

const zoneIds = new Map<string, number>();

/** A small integer per zone value (interned), for per-zone arrays in the scoring loops. */
export function zoneIdOf(zone: string): number {
  let id = zoneIds.get(zone);
  if (id === undefined) zoneIds.set(zone, (id = zoneIds.size));
  return id;
}

/** A node's value of a topology key (undefined when the node lacks the label). */
export function topologyValue(node: NodeInfo, key: string): string | undefined {
  if (key === HOSTNAME_LABEL) return node.hostnameLabel;
  if (key === ZONE_LABEL) return node.zoneLabel;
  return node.labels?.[key];
}

export class NodeInfo {
  readonly name: string;
  /** nodeIdOf(name). */
  readonly id: number;
  /** undefined while pods name a node the scheduler has not seen (the cache's "imaginary" node). */
  node: Stored<Node> | undefined;
  allocatable: ResourceAmounts = emptyAmounts();
  allowedPodNumber = 0;
  requested: ResourceAmounts = emptyAmounts();
  nonZeroMilliCPU = 0;
  nonZeroMemory = 0;
  podCount = 0;
  unschedulable = false;
  labels: Readonly<Record<string, string>> | undefined;
  /**
   * `labels[kubernetes.io/hostname]` and `labels[topology.kubernetes.io/zone]`, kept with `labels`: the
   * topology plugins read them for every feasible node of every pod, and a field is cheaper than a
   * keyed lookup into the label map.
   */
  hostnameLabel: string | undefined;
  zoneLabel: string | undefined;
  /** zoneIdOf(zoneLabel), -1 without one. */
  zoneId = -1;
  /** Taints with effect NoSchedule or NoExecute, in the node's order (TaintToleration's filter). */
  hardTaints: readonly Taint[] = [];
  /** Taints with effect PreferNoSchedule (TaintToleration's score). */
  softTaints: readonly Taint[] = [];
  /** Canonical image name → size in bytes, from node.status.images. */
  images: Map<string, number> = new Map();

  constructor(name: string) {
    this.name = name;
    this.id = nodeIdOf(name);
  }

  /** Takes the node-derived fields from a Node object. */
  setNode(node: Stored<Node>): void {
    const prev = this.node;
    this.node = node;
    const status = node.status;
    if (!prev || prev.status?.allocatable !== status?.allocatable || prev.status?.capacity !== status?.capacity) {
      const list = (status?.allocatable ?? status?.capacity ?? {}) as Record<string, string | number>;
      const a = emptyAmounts();
      for (const name in list) {
        const q = list[name];
        if (q === undefined) continue;
        if (name === 'cpu') a.milliCPU = cpuMillis(q);
        else if (name === 'memory') a.memory = quantityValue(q);
        else if (name === 'ephemeral-storage') a.ephemeralStorage = quantityValue(q);
        else if (isScalarResourceName(name)) (a.scalar ??= new Map()).set(name, quantityValue(q));
      }
      this.allocatable = a;
      this.allowedPodNumber = list.pods !== undefined ? quantityValue(list.pods) : DEFAULT_MAX_PODS;
    }
    this.unschedulable = node.spec?.unschedulable === true;
    this.labels = node.metadata.labels;
    this.hostnameLabel = this.labels?.[HOSTNAME_LABEL];
    this.zoneLabel = this.labels?.[ZONE_LABEL];
    this.zoneId = this.zoneLabel === undefined ? -1 : zoneIdOf(this.zoneLabel);
    if (!prev || prev.spec?.taints !== node.spec?.taints) {
      const taints = node.spec?.taints ?? [];
      this.hardTaints = taints.filter((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
      this.softTaints = taints.filter((t) => t.effect === 'PreferNoSchedule');
    }
  }

  /** Rebuilds the image map; returns the images added and removed (for the cache's per-image counts). */
  setImages(node: Stored<Node>): { added: string[]; removed: string[] } {
    const next = new Map<string, number>();
    for (const img of node.status?.images ?? []) {
      for (const n of img.names ?? []) next.set(canonicalImageName(n), img.sizeBytes ?? 0);
    }
    const added: string[] = [];
    const removed: string[] = [];
    for (const k of next.keys()) if (!this.images.has(k)) added.push(k);
    for (const k of this.images.keys()) if (!next.has(k)) removed.push(k);
    this.images = next;
    return { added, removed };
  }

  addPod(requests: ResourceAmounts, nonZeroMilliCPU: number, nonZeroMemory: number, sign: 1 | -1 = 1): void {
    const r = this.requested;
    r.milliCPU += sign * requests.milliCPU;
    r.memory += sign * requests.memory;
    r.ephemeralStorage += sign * requests.ephemeralStorage;
    if (requests.scalar) {
      for (const [k, v] of requests.scalar) (r.scalar ??= new Map()).set(k, (r.scalar.get(k) ?? 0) + sign * v);
    }
    this.nonZeroMilliCPU += sign * nonZeroMilliCPU;
    this.nonZeroMemory += sign * nonZeroMemory;
    this.podCount += sign;
  }

  removePod(requests: ResourceAmounts, nonZeroMilliCPU: number, nonZeroMemory: number): void {
    this.addPod(requests, nonZeroMilliCPU, nonZeroMemory, -1);
  }
}
