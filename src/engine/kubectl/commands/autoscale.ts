/**
 * `kubectl autoscale (TYPE NAME | TYPE/NAME) --max=N [--min=N] [--cpu-percent=N] [--name=S]`
 * (pkg/cmd/autoscale): a HorizontalPodAutoscaler named after the target, scaling it between --min and
 * --max; without --cpu-percent the server's default (80% CPU) applies.
 */
import type { KubeObject } from '../../objects';
import type { CommandContext } from '../context';
import { KubectlError } from '../errors';
import { getOrThrow } from '../fetch';
import { resolveSingle } from '../targets';
import { SCALE_TARGETS } from '../../controllers/podautoscaler';
import { createAndReport } from './emit';


export function runAutoscale(ctx: CommandContext): number {
  const { type, name } = resolveSingle(ctx.operands, 'the resource type and name are required (kubectl autoscale deployment NAME --max=N)');
  // pkg/cmd/autoscale declares --max, --min and --cpu-percent as Int32 flags.
  const max = ctx.flags.int('max', 32) ?? -1;
  const min = ctx.flags.int('min', 32) ?? -1;
  const cpu = ctx.flags.int('cpu-percent', 32) ?? -1;
  if (max < 1) throw new KubectlError(`error: --max=MAXPODS is required and must be at least 1, max: ${max}`);
  if (max < min) throw new KubectlError(`error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
  if (!Object.hasOwn(SCALE_TARGETS, type.kind)) throw new KubectlError(`error: cannot autoscale a ${type.kind}: ${type.plural} is not scalable`);
  const target = getOrThrow(ctx, type, name);
  const spec: Record<string, unknown> = {
    scaleTargetRef: { apiVersion: target.apiVersion, kind: target.kind, name },
    maxReplicas: max,
  };
  if (min > 0) spec.minReplicas = min;
  if (cpu >= 0) spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: cpu } } }];
  const hpa: KubeObject = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { creationTimestamp: null as unknown as string, name: ctx.flags.string('name') ?? name, namespace: ctx.namespace },
    spec,
    status: { currentMetrics: null, desiredReplicas: 0 },
  };
  return createAndReport(ctx, hpa, 'autoscaled');
}
