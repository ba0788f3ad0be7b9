/**
 * The HPA's replica calculator (pkg/controller/podautoscaler/replica_calculator.go) for resource
 * metrics: desiredReplicas = ceil(readyPods × current / target), with the 0.1 tolerance, and its rules
 * for pods that cannot be counted plainly:
 * - deleted or Failed pods are ignored; Pending pods count as unready;
 * - for CPU, a pod is unready while its Ready condition is False, or, within the CPU initialization
 *   period (5 min after start), until one metrics window has passed since it turned Ready;
 * - pods without metrics are "missing": on a scale-down they count as using max(100%, target) of
 *   their request, on a scale-up as 0%; unready pods count as 0% on a scale-up;
 * - if those assumptions would reverse the direction of the change, or bring it within tolerance,
 *   nothing changes.
 * Values are milli-units, as Quantity.MilliValue(): millicores for CPU, bytes × 1000 for memory.
 */
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { cpuMillis, memoryBytes } from '../../apiserver/quantity';
import type { Stored } from '../../objects';

/** --horizontal-pod-autoscaler-tolerance */
export const HPA_TOLERANCE = 0.1;
/** --horizontal-pod-autoscaler-cpu-initialization-period */
export const CPU_INITIALIZATION_PERIOD_MS = 5 * 60_000;
/** --horizontal-pod-autoscaler-initial-readiness-delay */
export const DELAY_OF_INITIAL_READINESS_STATUS_MS = 30_000;
/** metrics-server's window (--metric-resolution). */
export const METRICS_WINDOW_MS = 15_000;

export type ResourceName = 'cpu' | 'memory';

/** Per pod name: its usage of the resource (milli-units), when metrics-server has it. */
export type PodMetricsInfo = Map<string, number>;

export class MetricsError extends Error {}

export function quantityMilli(resource: ResourceName, q: string | number | undefined): number {
  if (q === undefined) return 0;
  return resource === 'cpu' ? cpuMillis(String(q)) : memoryBytes(String(q)) * 1000;
}

/** Regular containers and restartable (sidecar) init containers: the ones whose requests count. */
function countedContainers(pod: Stored<Pod>): Container[] {
  const sidecars = (pod.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
  return [...(pod.spec?.containers ?? []), ...sidecars];
}

export function calculateRequests(pods: Stored<Pod>[], container: string, resource: ResourceName): Map<string, number> {
  const requests = new Map<string, number>();
  for (const pod of pods) {
    let sum = 0;
    for (const c of countedContainers(pod)) {
      if (container !== '' && container !== c.name) continue;
      const q = c.resources?.requests?.[resource];
      if (q === undefined) throw new MetricsError(`missing request for ${resource} in container ${c.name} of Pod ${pod.metadata.name}`);
      sum += quantityMilli(resource, q);
    }
    requests.set(pod.metadata.name, sum);
  }
  return requests;
}

interface PodGroups {
  readyPodCount: number;
  unready: Set<string>;
  missing: Set<string>;
  ignored: Set<string>;
}

function readyCondition(pod: Stored<Pod>) {
  return pod.status?.conditions?.find((c) => c.type === 'Ready');
}

export function groupPods(pods: Stored<Pod>[], metrics: PodMetricsInfo, resource: ResourceName, nowMs: number): PodGroups {
  const g: PodGroups = { readyPodCount: 0, unready: new Set(), missing: new Set(), ignored: new Set() };
  for (const pod of pods) {
    const name = pod.metadata.name;
    if (pod.metadata.deletionTimestamp || pod.status?.phase === 'Failed') {
      g.ignored.add(name);
      continue;
    }
    if (pod.status?.phase === 'Pending') {
      g.unready.add(name);
      continue;
    }
    if (!metrics.has(name)) {
      g.missing.add(name);
      continue;
    }
    if (resource === 'cpu') {
      const cond = readyCondition(pod);
      const start = pod.status?.startTime ? Date.parse(pod.status.startTime) : undefined;
      let unready: boolean;
      if (!cond || start === undefined) unready = true;
      else {
        const transition = cond.lastTransitionTime ? Date.parse(cond.lastTransitionTime) : start;
        if (start + CPU_INITIALIZATION_PERIOD_MS > nowMs) {
          // Our samples are taken now; one window must have passed since the pod turned Ready.
          unready = cond.status === 'False' || nowMs < transition + METRICS_WINDOW_MS;
        } else {
          unready = cond.status === 'False' && start + DELAY_OF_INITIAL_READINESS_STATUS_MS > transition;
        }
      }
      if (unready) {
        g.unready.add(name);
        continue;
      }
    }
    g.readyPodCount++;
  }
  return g;
}

/** metricsclient.GetResourceUtilizationRatio: utilization is an integer percentage, as in Go. */
export function utilizationRatio(metrics: PodMetricsInfo, requests: Map<string, number>, targetUtilization: number): { ratio: number; utilization: number; rawAverage: number } {
  let metricsTotal = 0;
  let requestsTotal = 0;
  let entries = 0;
  for (const [pod, value] of metrics) {
    const request = requests.get(pod);
    if (request === undefined) continue;
    metricsTotal += value;
    requestsTotal += request;
    entries++;
  }
  if (requestsTotal === 0) throw new MetricsError('no metrics returned matched known pods');
  const utilization = Math.trunc((metricsTotal * 100) / requestsTotal);
  return { ratio: utilization / targetUtilization, utilization, rawAverage: Math.trunc(metricsTotal / entries) };
}

export interface Proposal {
  replicas: number;
  /** Average utilization in percent (Utilization targets only). */
  utilization?: number;
  /** Average usage per pod, milli-units. */
  rawAverage: number;
}

function withinTolerance(ratio: number): boolean {
  return Math.abs(1 - ratio) <= HPA_TOLERANCE;
}

/** GetResourceReplicas: a target average utilization (percent of request). */
export function resourceReplicas(
  currentReplicas: number,
  targetUtilization: number,
  resource: ResourceName,
  container: string,
  pods: Stored<Pod>[],
  metricsIn: PodMetricsInfo,
  nowMs: number,
): Proposal {
  if (pods.length === 0) throw new MetricsError('no pods returned by selector while calculating replica count');
  const metrics = new Map(metricsIn);
  const g = groupPods(pods, metrics, resource, nowMs);
  for (const name of g.ignored) metrics.delete(name);
  for (const name of g.unready) metrics.delete(name);
  const requests = calculateRequests(pods, container, resource);
  if (metrics.size === 0) throw new MetricsError('did not receive metrics for targeted pods (pods might be unready)');

  const { ratio, utilization, rawAverage } = utilizationRatio(metrics, requests, targetUtilization);
  const scaleUpWithUnready = g.unready.size > 0 && ratio > 1;
  if (!scaleUpWithUnready && g.missing.size === 0) {
    if (withinTolerance(ratio)) return { replicas: currentReplicas, utilization, rawAverage };
    return { replicas: Math.ceil(ratio * g.readyPodCount), utilization, rawAverage };
  }
  if (g.missing.size > 0) {
    const fallback = Math.max(100, targetUtilization);
    for (const name of g.missing) metrics.set(name, ratio < 1 ? ((requests.get(name) ?? 0) * fallback) / 100 : 0);
  }
  if (scaleUpWithUnready) for (const name of g.unready) metrics.set(name, 0);

  const next = utilizationRatio(metrics, requests, targetUtilization).ratio;
  if (withinTolerance(next) || (ratio < 1 && next > 1) || (ratio > 1 && next < 1)) return { replicas: currentReplicas, utilization, rawAverage };
  const replicas = Math.ceil(next * metrics.size);
  if ((next < 1 && replicas > currentReplicas) || (next > 1 && replicas < currentReplicas)) return { replicas: currentReplicas, utilization, rawAverage };
  return { replicas, utilization, rawAverage };
}

/** GetRawResourceReplicas / calcPlainMetricReplicas: a target average value per pod (milli-units). */
export function rawResourceReplicas(currentReplicas: number, targetAverage: number, resource: ResourceName, pods: Stored<Pod>[], metricsIn: PodMetricsInfo, nowMs: number): Proposal {
  if (pods.length === 0) throw new MetricsError('no pods returned by selector while calculating replica count');
  const metrics = new Map(metricsIn);
  const g = groupPods(pods, metrics, resource, nowMs);
  for (const name of g.ignored) metrics.delete(name);
  for (const name of g.unready) metrics.delete(name);
  if (metrics.size === 0) throw new MetricsError('did not receive metrics for targeted pods (pods might be unready)');

  const plainRatio = (m: PodMetricsInfo) => {
    let total = 0;
    for (const v of m.values()) total += v;
    return { ratio: total / (targetAverage * m.size), average: Math.trunc(total / m.size) };
  };
  const { ratio, average } = plainRatio(metrics);
  const scaleUpWithUnready = g.unready.size > 0 && ratio > 1;
  if (!scaleUpWithUnready && g.missing.size === 0) {
    if (withinTolerance(ratio)) return { replicas: currentReplicas, rawAverage: average };
    return { replicas: Math.ceil(ratio * g.readyPodCount), rawAverage: average };
  }
  if (g.missing.size > 0) for (const name of g.missing) metrics.set(name, ratio < 1 ? targetAverage : 0);
  if (scaleUpWithUnready) for (const name of g.unready) metrics.set(name, 0);
  const next = plainRatio(metrics).ratio;
  if (withinTolerance(next) || (ratio < 1 && next > 1) || (ratio > 1 && next < 1)) return { replicas: currentReplicas, rawAverage: average };
  return { replicas: Math.ceil(next * metrics.size), rawAverage: average };
}
