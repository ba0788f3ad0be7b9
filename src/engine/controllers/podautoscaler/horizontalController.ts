/**
 * The horizontal pod autoscaler controller (pkg/controller/podautoscaler/horizontal.go). Every HPA is
 * reconciled every 15 s (--horizontal-pod-autoscaler-sync-period), the first time 15 s after it is
 * seen, as the real controller's fixed-interval queue does (which is why a new HPA shows
 * `<unknown>` targets for a moment). Each pass reads the target's scale subresource (Deployment,
 * ReplicaSet, StatefulSet, ReplicationController), asks the resource metrics API for its pods' usage,
 * computes a proposal per metric (the largest wins), normalizes it (stabilization, rate limits,
 * min/max), writes the new scale, and records status, conditions and events with Kubernetes' reasons
 * and messages. Only resource metrics are served here: the playground has no custom or external
 * metrics adapter, and says so as a real cluster without one does.
 */
import type {
  HorizontalPodAutoscaler,
  HorizontalPodAutoscalerCondition,
  HorizontalPodAutoscalerStatus,
  MetricSpec,
  MetricStatus,
} from 'kubernetes-types/autoscaling/v2';
import type { Pod } from 'kubernetes-types/core/v1';
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import { ApiError } from '../../apiserver/errors';
import { fromLabelSelector } from '../../apiserver/labels';
import { splitKey, type Stored } from '../../objects';
import type { ControllerContext, SyncResult } from '../controllerRuntime';
import { normalizeWithBehavior, normalizeWithoutBehavior, storeScaleEvent, type HpaHistory } from './normalize';
import { MetricsError, rawResourceReplicas, resourceReplicas, quantityMilli, type PodMetricsInfo, type ResourceName } from './replicaCalculator';

export const HPA_CONTROLLER_NAME = 'horizontal-pod-autoscaler';
/** --horizontal-pod-autoscaler-sync-period */
export const HPA_SYNC_PERIOD_MS = 15_000;
const SOURCE = { component: HPA_CONTROLLER_NAME };

/** Kinds with a scale subresource, by the group their apiVersion must name, and their resource for messages. */
export const SCALE_TARGETS: Readonly<Record<string, { group: string; resource: string }>> = {
  Deployment: { group: 'apps', resource: 'deployments.apps' },
  ReplicaSet: { group: 'apps', resource: 'replicasets.apps' },
  StatefulSet: { group: 'apps', resource: 'statefulsets.apps' },
  ReplicationController: { group: '', resource: 'replicationcontrollers' },
};

interface ScaleTarget {
  replicas: number;
  selector: LabelSelector | undefined;
}

class ScaleError extends Error {}

type CondType = 'AbleToScale' | 'ScalingActive' | 'ScalingLimited';

interface MetricOutcome {
  replicas: number;
  name: string;
  status: MetricStatus;
}

class MetricFailure extends Error {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}

function groupOf(apiVersion: string | undefined): string {
  const v = apiVersion ?? '';
  return v.includes('/') ? v.slice(0, v.indexOf('/')) : '';
}

function formatMilli(resource: ResourceName, milli: number): string {
  if (resource === 'cpu') return `${Math.round(milli)}m`;
  const bytes = milli / 1000;
  return Number.isInteger(bytes) ? String(bytes) : `${Math.round(milli)}m`;
}

/** The message a real cluster without a custom/external metrics adapter gives. */
function unservedMetric(spec: MetricSpec): MetricFailure {
  switch (spec.type) {
    case 'Pods':
      return new MetricFailure(`unable to get metric ${spec.pods?.metric.name ?? ''}: unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered`, 'FailedGetPodsMetric');
    case 'Object':
      return new MetricFailure(
        `unable to get metric ${spec.object?.metric.name ?? ''}: ${spec.object?.describedObject.kind ?? ''} on ${spec.object?.describedObject.name ?? ''}: unable to fetch metrics from custom metrics API: no custom metrics API (custom.metrics.k8s.io) registered`,
        'FailedGetObjectMetric',
      );
    case 'External':
      return new MetricFailure(`unable to get external metric ${spec.external?.metric.name ?? ''}: no external metrics API (external.metrics.k8s.io) registered`, 'FailedGetExternalMetric');
    default:
      return new MetricFailure(`unknown metric source type "${spec.type}"`, 'InvalidMetricSourceType');
  }
}

function metricLabel(spec: MetricSpec): string {
  if (spec.type === 'Resource') return `${spec.resource?.name ?? ''} resource metric value`;
  if (spec.type === 'ContainerResource') return `${spec.containerResource?.name ?? ''} container metric value`;
  return `${spec.type.toLowerCase()} metric value`;
}

export class HorizontalPodAutoscalerSyncer {
  private readonly histories = new Map<string, HpaHistory>();
  /** When each HPA is due for its next pass (the fixed-interval queue). */
  private readonly due = new Map<string, number>();

  constructor(private readonly ctx: ControllerContext) {}

  private history(key: string, current: number): HpaHistory {
    let h = this.histories.get(key);
    if (!h) {
      // recordInitialRecommendation: the current size counts as a recent recommendation.
      h = { recommendations: [{ replicas: current, atMs: this.ctx.clock.now() }], scaleUpEvents: [], scaleDownEvents: [] };
      this.histories.set(key, h);
    }
    return h;
  }

  private readScale(hpa: Stored<HorizontalPodAutoscaler>): { target: ScaleTarget; resource: string } {
    const ref = hpa.spec!.scaleTargetRef;
    const kind = SCALE_TARGETS[ref.kind];
    const group = groupOf(ref.apiVersion);
    if (!kind || kind.group !== group) throw new ScaleError(`no matches for kind "${ref.kind}" in group "${group}"`);
    const obj = this.ctx.api.peek<{ spec?: { replicas?: number; selector?: LabelSelector } }>(ref.kind, hpa.metadata.namespace, ref.name);
    if (!obj) throw new ScaleError(`${kind.resource} "${ref.name}" not found`);
    // A ReplicationController's selector is a plain map.
    const selector = ref.kind === 'ReplicationController' ? { matchLabels: obj.spec?.selector as Record<string, string> | undefined } : obj.spec?.selector;
    return { target: { replicas: obj.spec?.replicas ?? 1, selector }, resource: kind.resource };
  }

  private podsOf(namespace: string, selector: LabelSelector | undefined): Stored<Pod>[] {
    const sel = fromLabelSelector(selector);
    if (!sel) return [];
    return this.ctx.api.peekList<Pod>('Pod', { namespace, selector: sel });
  }

  /** metrics-server's answer for the pods (per pod: the sum over its containers, or one container). */
  private podMetrics(pods: Stored<Pod>[], resource: ResourceName, container: string): PodMetricsInfo {
    const out: PodMetricsInfo = new Map();
    for (const pod of pods) {
      const m = this.ctx.metrics?.podMetrics(pod.metadata.namespace ?? 'default', pod.metadata.name);
      if (!m) continue;
      let sum = 0;
      let found = false;
      for (const c of m.containers) {
        if (container !== '' && c.name !== container) continue;
        sum += resource === 'cpu' ? c.cpuMilli : c.memoryBytes * 1000;
        found = true;
      }
      if (found) out.set(pod.metadata.name, sum);
    }
    if (out.size === 0) throw new MetricsError('no metrics returned from resource metrics API');
    return out;
  }

  private resourceMetric(spec: MetricSpec, current: number, pods: Stored<Pod>[]): MetricOutcome {
    const now = this.ctx.clock.now();
    const container = spec.type === 'ContainerResource' ? (spec.containerResource?.container ?? '') : '';
    const source = spec.type === 'ContainerResource' ? spec.containerResource : spec.resource;
    const resource = (source?.name ?? 'cpu') as ResourceName;
    const target = source?.target;
    const failure = spec.type === 'ContainerResource' ? 'FailedGetContainerResourceMetric' : 'FailedGetResourceMetric';
    if (resource !== 'cpu' && resource !== 'memory') throw new MetricFailure(`failed to get ${resource} usage: unable to get metrics for resource ${resource}: no metrics returned from resource metrics API`, failure);
    const statusOf = (current: { averageUtilization?: number; averageValue: string }): MetricStatus =>
      spec.type === 'ContainerResource'
        ? { type: 'ContainerResource', containerResource: { name: resource, container, current } }
        : { type: 'Resource', resource: { name: resource, current } };
    if (target?.averageValue !== undefined) {
      try {
        const metrics = this.podMetrics(pods, resource, container);
        const p = rawResourceReplicas(current, quantityMilli(resource, target.averageValue), resource, pods, metrics, now);
        return { replicas: p.replicas, name: `${resource} resource`, status: statusOf({ averageValue: formatMilli(resource, p.rawAverage) }) };
      } catch (e) {
        if (e instanceof MetricsError) throw new MetricFailure(`failed to get ${resource} usage: ${prefixMetrics(e, resource)}`, failure);
        throw e;
      }
    }
    if (target?.averageUtilization === undefined) {
      throw new MetricFailure('invalid resource metric source: neither an average utilization target nor an average value (usage) target was set', failure);
    }
    try {
      const metrics = this.podMetrics(pods, resource, container);
      const p = resourceReplicas(current, target.averageUtilization, resource, container, pods, metrics, now);
      return {
        replicas: p.replicas,
        name: `${resource} resource utilization (percentage of request)`,
        status: statusOf({ averageUtilization: p.utilization ?? 0, averageValue: formatMilli(resource, p.rawAverage) }),
      };
    } catch (e) {
      if (e instanceof MetricsError) throw new MetricFailure(`failed to get ${resource} utilization: ${prefixMetrics(e, resource)}`, failure);
      throw e;
    }
  }

  /** The fixed-interval queue: the first pass HPA_SYNC_PERIOD_MS after an HPA is seen, then one every period. */
  sync(key: string): SyncResult | void {
    const { namespace, name } = splitKey(key);
    const hpa = this.ctx.api.peek<HorizontalPodAutoscaler>('HorizontalPodAutoscaler', namespace, name);
    if (!hpa || !hpa.spec) {
      this.histories.delete(key);
      this.due.delete(key);
      return;
    }
    const now = this.ctx.clock.now();
    const next = this.due.get(key);
    if (next === undefined) {
      this.due.set(key, now + HPA_SYNC_PERIOD_MS);
      return { requeueAfterMs: HPA_SYNC_PERIOD_MS };
    }
    if (now < next) return { requeueAfterMs: next - now };
    this.due.set(key, now + HPA_SYNC_PERIOD_MS);
    this.reconcile(key, hpa);
    return { requeueAfterMs: HPA_SYNC_PERIOD_MS };
  }

  /** One pass over an HPA (reconcileAutoscaler): read the scale and the metrics, rescale, write status. */
  private reconcile(key: string, hpa: Stored<HorizontalPodAutoscaler>): void {
    const { api, clock } = this.ctx;
    const ctx = this.ctx;
    const spec = hpa.spec!;
    const original: Partial<HorizontalPodAutoscalerStatus> = hpa.status ?? {};
    const conditions: HorizontalPodAutoscalerCondition[] = structuredClone(original.conditions ?? []);
    const nowIso = clock.nowRfc3339();
    const setCondition = (type: CondType, status: 'True' | 'False', reason: string, message: string) => {
      let c = conditions.find((x) => x.type === type);
      if (!c) conditions.push((c = { type, status, lastTransitionTime: nowIso }));
      if (c.status !== status) c.lastTransitionTime = nowIso;
      c.status = status;
      c.reason = reason;
      c.message = message;
    };
    const write = (status: HorizontalPodAutoscalerStatus) => {
      const next: HorizontalPodAutoscalerStatus = { ...status, conditions };
      if (JSON.stringify(next) === JSON.stringify(original)) return;
      try {
        api.updateStatus<HorizontalPodAutoscaler>({ ...hpa, status: next });
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        ctx.events.record(hpa, 'Warning', 'FailedUpdateStatus', e.message, SOURCE);
      }
    };
    const keepStatus = (currentReplicas: number): HorizontalPodAutoscalerStatus => ({
      ...(original.lastScaleTime ? { lastScaleTime: original.lastScaleTime } : {}),
      currentReplicas,
      desiredReplicas: original.desiredReplicas ?? 0,
      ...(original.currentMetrics ? { currentMetrics: original.currentMetrics } : {}),
    });

    let scale: { target: ScaleTarget; resource: string };
    try {
      scale = this.readScale(hpa);
    } catch (e) {
      if (!(e instanceof ScaleError)) throw e;
      ctx.events.record(hpa, 'Warning', 'FailedGetScale', e.message, SOURCE);
      setCondition('AbleToScale', 'False', 'FailedGetScale', `the HPA controller was unable to get the target's current scale: ${e.message}`);
      write(keepStatus(original.currentReplicas ?? 0));
      return;
    }
    setCondition('AbleToScale', 'True', 'SucceededGetScale', "the HPA controller was able to get the target's current scale");
    const current = scale.target.replicas;
    const h = this.history(key, current);
    const min = spec.minReplicas ?? 1;
    const max = spec.maxReplicas;

    let desired = 0;
    let rescale = true;
    let reason = '';
    let statuses: MetricStatus[] | undefined;
    if (current === 0 && min !== 0) {
      rescale = false;
      setCondition('ScalingActive', 'False', 'ScalingDisabled', 'scaling is disabled since the replica count of the target is zero');
    } else if (current > max) {
      reason = 'Current number of replicas above Spec.MaxReplicas';
      desired = max;
    } else if (current < min) {
      reason = 'Current number of replicas below Spec.MinReplicas';
      desired = min;
    } else {
      const pods = this.podsOf(hpa.metadata.namespace ?? 'default', scale.target.selector);
      const metricSpecs = spec.metrics ?? [];
      statuses = [];
      let proposal = 0;
      let proposalName = '';
      let invalid = 0;
      let firstError: MetricFailure | undefined;
      let firstLabel = '';
      for (const m of metricSpecs) {
        try {
          if (m.type !== 'Resource' && m.type !== 'ContainerResource') throw unservedMetric(m);
          const out = this.resourceMetric(m, current, pods);
          statuses.push(out.status);
          if (proposal === 0 || out.replicas > proposal) {
            proposal = out.replicas;
            proposalName = out.name;
          }
        } catch (e) {
          if (!(e instanceof MetricFailure)) throw e;
          // getUnableComputeReplicaCountCondition: every failing metric is reported as an event.
          ctx.events.record(hpa, 'Warning', e.reason, e.message, SOURCE);
          // As in Go, a metric that could not be read leaves an empty status (`type: ""`) in its slot.
          statuses.push({ type: '' });
          if (invalid === 0) {
            firstError = e;
            firstLabel = metricLabel(m);
          }
          invalid++;
        }
      }
      if (firstError && (invalid >= metricSpecs.length || proposal < current)) {
        setCondition('ScalingActive', 'False', firstError.reason, `the HPA was unable to compute the replica count: ${firstError.message}`);
        const message = `invalid metrics (${invalid} invalid out of ${metricSpecs.length}), first error is: failed to get ${firstLabel}: ${firstError.message}`;
        write({ ...keepStatus(current), currentMetrics: statuses });
        ctx.events.record(hpa, 'Warning', 'FailedComputeMetricsReplicas', message, SOURCE);
        return;
      }
      setCondition('ScalingActive', 'True', 'ValidMetricFound', `the HPA was able to successfully calculate a replica count from ${proposalName}`);
      desired = proposal;
      if (desired > current) reason = `${proposalName} above target`;
      if (desired < current) reason = 'All metrics below target';
      const normalized = spec.behavior
        ? normalizeWithBehavior(h, clock.now(), spec.behavior, current, desired, min, max)
        : normalizeWithoutBehavior(h, clock.now(), current, desired, min, max);
      setCondition('AbleToScale', 'True', normalized.ableToScale.reason, normalized.ableToScale.message);
      setCondition('ScalingLimited', normalized.limited.status, normalized.limited.reason, normalized.limited.message);
      desired = normalized.replicas;
      rescale = desired !== current;
    }

    let lastScaleTime = original.lastScaleTime;
    if (rescale) {
      const ref = spec.scaleTargetRef;
      try {
        const obj = api.get<{ spec?: { replicas?: number } }>(ref.kind, hpa.metadata.namespace, ref.name);
        if (!obj) throw new ApiError('NotFound', `${scale.resource} "${ref.name}" not found`);
        api.update({ ...obj, spec: { ...obj.spec, replicas: desired } } as never);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        ctx.events.record(hpa, 'Warning', 'FailedRescale', `New size: ${desired}; reason: ${reason}; error: ${e.message}`, SOURCE);
        setCondition('AbleToScale', 'False', 'FailedUpdateScale', `the HPA controller was unable to update the target scale: ${e.message}`);
        write({ ...keepStatus(current), ...(statuses ? { currentMetrics: statuses } : {}) });
        return;
      }
      setCondition('AbleToScale', 'True', 'SucceededRescale', `the HPA controller was able to update the target scale to ${desired}`);
      ctx.events.record(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`, SOURCE);
      storeScaleEvent(h, spec.behavior, current, desired, clock.now());
      lastScaleTime = clock.nowRfc3339();
    } else {
      desired = current;
    }
    write({
      ...(lastScaleTime ? { lastScaleTime } : {}),
      currentReplicas: current,
      desiredReplicas: desired,
      ...(statuses && statuses.length > 0 ? { currentMetrics: statuses } : {}),
    });
  }
}

function prefixMetrics(e: MetricsError, resource: ResourceName): string {
  // GetResourceReplicas wraps the metrics client's own error; the calculator's errors stand alone.
  return e.message === 'no metrics returned from resource metrics API' ? `unable to get metrics for resource ${resource}: ${e.message}` : e.message;
}
