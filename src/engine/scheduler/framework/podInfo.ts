/**
 * PodInfo: what the scheduler needs from a pod, computed once per pod object (framework.PodInfo plus
 * the resource helpers of `k8s.io/component-helpers/resource`). Requests follow PodRequests: the sum
 * over app containers and restartable (sidecar) init containers, or the largest init container plus the
 * sidecars started before it, whichever is larger, plus the pod overhead.
 */
import type { Container, NodeSelectorTerm, Pod, PreferredSchedulingTerm, Toleration } from 'kubernetes-types/core/v1';
import type { Stored } from '../../objects';
import { objectKey } from '../../objects';
import { cpuMillis, quantityValue } from './quantities';
import { canonicalImageName } from './imageName';

/** For scoring only, a container without a cpu request counts as 100m (schedutil.DefaultMilliCPURequest). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
/** ... and one without a memory request as 200Mi (schedutil.DefaultMemoryRequest). */
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

export interface ResourceAmounts {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  /** Extended resources (`nvidia.com/gpu`), hugepages: rare, so only allocated when present. */
  scalar: Map<string, number> | undefined;
}

export interface PodInfo {
  readonly pod: Stored<Pod>;
  readonly key: string;
  readonly namespace: string;
  readonly name: string;
  readonly uid: string;
  readonly priority: number;
  /** Requests as NodeResourcesFit filters them (missing requests are 0). */
  readonly requests: ResourceAmounts;
  /** Requests as LeastAllocated scores them (missing cpu/memory requests take the defaults). */
  readonly nonZeroMilliCPU: number;
  readonly nonZeroMemory: number;
  readonly tolerations: readonly Toleration[];
  readonly nodeName: string | undefined;
  readonly nodeSelector: Readonly<Record<string, string>> | undefined;
  readonly requiredNodeAffinity: readonly NodeSelectorTerm[] | undefined;
  readonly preferredNodeAffinity: readonly PreferredSchedulingTerm[] | undefined;
  /** Canonical image names of every container and init container. */
  readonly images: readonly string[];
  readonly preemptionPolicy: string | undefined;
}

const CORE_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage', 'pods', 'storage']);

/** schedutil.IsScalarResourceName: extended (domain-qualified), hugepages-* and attachable-volumes-*. */
export function isScalarResourceName(name: string): boolean {
  if (CORE_RESOURCES.has(name)) return false;
  return name.startsWith('hugepages-') || name.startsWith('attachable-volumes-') || (name.includes('/') && !name.startsWith('kubernetes.io/'));
}

export function emptyAmounts(): ResourceAmounts {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, scalar: undefined };
}

type ResourceList = Record<string, string | number | undefined>;

/**
 * A container's requests. The API server's defaulting copies limits into missing requests; doing the
 * same here keeps us right for pods that were created without the admission chain.
 */
function containerRequests(c: Container): ResourceList {
  const req = (c.resources?.requests ?? {}) as ResourceList;
  const lim = c.resources?.limits as ResourceList | undefined;
  if (!lim) return req;
  let merged: ResourceList | undefined;
  for (const k in lim) {
    if (req[k] === undefined) (merged ??= { ...req })[k] = lim[k];
  }
  return merged ?? req;
}

function addList(into: ResourceAmounts, list: ResourceList, sign = 1): void {
  for (const name in list) {
    const q = list[name];
    if (q === undefined) continue;
    if (name === 'cpu') into.milliCPU += sign * cpuMillis(q);
    else if (name === 'memory') into.memory += sign * quantityValue(q);
    else if (name === 'ephemeral-storage') into.ephemeralStorage += sign * quantityValue(q);
    else if (isScalarResourceName(name)) {
      into.scalar ??= new Map();
      into.scalar.set(name, (into.scalar.get(name) ?? 0) + sign * quantityValue(q));
    }
  }
}

function addAmounts(into: ResourceAmounts, a: ResourceAmounts): void {
  into.milliCPU += a.milliCPU;
  into.memory += a.memory;
  into.ephemeralStorage += a.ephemeralStorage;
  if (a.scalar) for (const [k, v] of a.scalar) (into.scalar ??= new Map()).set(k, (into.scalar.get(k) ?? 0) + v);
}

function maxInto(into: ResourceAmounts, a: ResourceAmounts): void {
  into.milliCPU = Math.max(into.milliCPU, a.milliCPU);
  into.memory = Math.max(into.memory, a.memory);
  into.ephemeralStorage = Math.max(into.ephemeralStorage, a.ephemeralStorage);
  if (a.scalar) for (const [k, v] of a.scalar) (into.scalar ??= new Map()).set(k, Math.max(into.scalar.get(k) ?? 0, v));
}

function cloneAmounts(a: ResourceAmounts): ResourceAmounts {
  return { ...a, scalar: a.scalar ? new Map(a.scalar) : undefined };
}

/**
 * resourcehelper.PodRequests. With `nonZero`, each container missing a cpu or memory request counts the
 * scheduler's defaults instead (GetNonzeroRequests), as the scoring plugins see it.
 */
export function podRequests(pod: { spec?: Pod['spec'] }, nonZero = false): ResourceAmounts {
  const spec = pod.spec;
  const sum = emptyAmounts();
  const one = (c: Container): ResourceAmounts => {
    const a = emptyAmounts();
    const list = containerRequests(c);
    addList(a, list);
    if (nonZero) {
      if (list.cpu === undefined) a.milliCPU = DEFAULT_MILLI_CPU_REQUEST;
      if (list.memory === undefined) a.memory = DEFAULT_MEMORY_REQUEST;
    }
    return a;
  };
  for (const c of spec?.containers ?? []) addAmounts(sum, one(c));
  const sidecars = emptyAmounts();
  const initMax = emptyAmounts();
  for (const c of spec?.initContainers ?? []) {
    const r = one(c);
    if (c.restartPolicy === 'Always') {
      // A sidecar keeps running next to the app containers and the init containers after it.
      addAmounts(sidecars, r);
      maxInto(initMax, sidecars);
    } else {
      const during = cloneAmounts(sidecars);
      addAmounts(during, r);
      maxInto(initMax, during);
    }
  }
  addAmounts(sum, sidecars);
  maxInto(sum, initMax);
  if (spec?.overhead) addList(sum, spec.overhead as ResourceList);
  return sum;
}

export function buildPodInfo(pod: Stored<Pod>): PodInfo {
  const spec = pod.spec;
  const requests = podRequests(pod);
  const nonZero = podRequests(pod, true);
  const images: string[] = [];
  for (const c of spec?.initContainers ?? []) if (c.image) images.push(canonicalImageName(c.image));
  for (const c of spec?.containers ?? []) if (c.image) images.push(canonicalImageName(c.image));
  const affinity = spec?.affinity?.nodeAffinity;
  const nodeSelector = spec?.nodeSelector && Object.keys(spec.nodeSelector).length > 0 ? spec.nodeSelector : undefined;
  const preferred = affinity?.preferredDuringSchedulingIgnoredDuringExecution;
  return {
    pod,
    key: objectKey(pod.metadata.namespace, pod.metadata.name),
    namespace: pod.metadata.namespace ?? 'default',
    name: pod.metadata.name,
    uid: pod.metadata.uid,
    priority: spec?.priority ?? 0,
    requests,
    nonZeroMilliCPU: nonZero.milliCPU,
    nonZeroMemory: nonZero.memory,
    tolerations: spec?.tolerations ?? [],
    nodeName: spec?.nodeName || undefined,
    nodeSelector,
    requiredNodeAffinity: affinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms,
    preferredNodeAffinity: preferred && preferred.length > 0 ? preferred : undefined,
    images,
    preemptionPolicy: spec?.preemptionPolicy,
  };
}
