/**
 * HorizontalPodAutoscaler: autoscaling/v1 input is stored as autoscaling/v2 (the API server converts
 * between served versions; v2 is what we store), then SetDefaults_HorizontalPodAutoscaler applies:
 * minReplicas 1 and, with no metrics, 80% average CPU utilization; a given spec.behavior gets its
 * unset rules filled in (GenerateHPAScaleUpRules / GenerateHPAScaleDownRules): scale up by the larger
 * of 4 pods or 100% per 15 s with no stabilization, scale down by up to 100% per 15 s (the 300 s
 * stabilization window is left unset: the controller's own flag supplies it).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- defaulting walks loosely typed JSON */
import type { KubeObject } from '../../../objects';

type Json = Record<string, any>;

const DEFAULT_CPU_UTILIZATION = 80;

function cpuUtilizationMetric(percent: number): Json {
  return { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: percent } } };
}

/** autoscaling/v1 → v2: `targetCPUUtilizationPercentage` becomes a Resource metric. */
export function convertHpaV1ToV2(obj: KubeObject): void {
  if (obj.apiVersion !== 'autoscaling/v1') return;
  obj.apiVersion = 'autoscaling/v2';
  const spec = obj.spec as Json | undefined;
  if (spec && typeof spec === 'object') {
    const target = spec.targetCPUUtilizationPercentage as number | undefined;
    delete spec.targetCPUUtilizationPercentage;
    if (typeof target === 'number') spec.metrics = [cpuUtilizationMetric(target)];
  }
}

function scalingRules(given: Json | undefined, defaults: Json): Json {
  if (!given || typeof given !== 'object') return defaults;
  const out: Json = { ...defaults };
  if (given.selectPolicy != null) out.selectPolicy = given.selectPolicy;
  if (given.stabilizationWindowSeconds != null) out.stabilizationWindowSeconds = given.stabilizationWindowSeconds;
  if (given.policies != null) out.policies = given.policies;
  return out;
}

const SCALE_PERIOD_SECONDS = 15;

export function defaultHorizontalPodAutoscaler(obj: KubeObject): void {
  convertHpaV1ToV2(obj);
  const spec = obj.spec as Json | undefined;
  if (!spec || typeof spec !== 'object') return;
  if (spec.minReplicas === undefined || spec.minReplicas === null) spec.minReplicas = 1;
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) spec.metrics = [cpuUtilizationMetric(DEFAULT_CPU_UTILIZATION)];
  const behavior = spec.behavior as Json | undefined;
  if (behavior && typeof behavior === 'object') {
    behavior.scaleUp = scalingRules(behavior.scaleUp, {
      stabilizationWindowSeconds: 0,
      selectPolicy: 'Max',
      policies: [
        { type: 'Pods', value: 4, periodSeconds: SCALE_PERIOD_SECONDS },
        { type: 'Percent', value: 100, periodSeconds: SCALE_PERIOD_SECONDS },
      ],
    });
    behavior.scaleDown = scalingRules(behavior.scaleDown, {
      selectPolicy: 'Max',
      policies: [{ type: 'Percent', value: 100, periodSeconds: SCALE_PERIOD_SECONDS }],
    });
  }
}
