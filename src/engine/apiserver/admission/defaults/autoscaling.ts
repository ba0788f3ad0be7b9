/**
 * HorizontalPodAutoscaler: autoscaling/v1 input is stored as autoscaling/v2 (the API server converts
 * between served versions; v2 is what we store), then SetDefaults_HorizontalPodAutoscaler applies:
 * minReplicas 1 and, with no metrics, 80% average CPU utilization.
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

export function defaultHorizontalPodAutoscaler(obj: KubeObject): void {
  convertHpaV1ToV2(obj);
  const spec = obj.spec as Json | undefined;
  if (!spec || typeof spec !== 'object') return;
  if (spec.minReplicas === undefined || spec.minReplicas === null) spec.minReplicas = 1;
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) spec.metrics = [cpuUtilizationMetric(DEFAULT_CPU_UTILIZATION)];
}
