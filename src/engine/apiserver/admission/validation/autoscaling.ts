/** HorizontalPodAutoscaler validation (pkg/apis/autoscaling/validation), on the stored v2 shape. */
/* eslint-disable @typescript-eslint/no-explicit-any -- validation reads loosely typed JSON */
import type { FieldError } from '../../errors';
import { invalidValue, notSupported, required } from './fieldErrors';

type Json = Record<string, any>;

const METRIC_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];
const TARGET_TYPES = ['AverageValue', 'Utilization', 'Value'];

export function validateHorizontalPodAutoscaler(obj: Json): FieldError[] {
  const spec = obj.spec;
  if (typeof spec !== 'object' || spec === null) return [required('spec')];
  const errors: FieldError[] = [];
  const ref = spec.scaleTargetRef;
  if (!ref?.kind) errors.push(required('spec.scaleTargetRef.kind'));
  if (!ref?.name) errors.push(required('spec.scaleTargetRef.name'));
  if (typeof spec.minReplicas === 'number' && spec.minReplicas < 1) {
    errors.push(invalidValue('spec.minReplicas', spec.minReplicas, 'must be greater than or equal to 1'));
  }
  if (typeof spec.maxReplicas !== 'number') errors.push(required('spec.maxReplicas'));
  else if (spec.maxReplicas < 1) errors.push(invalidValue('spec.maxReplicas', spec.maxReplicas, 'must be greater than 0'));
  else if (typeof spec.minReplicas === 'number' && spec.maxReplicas < spec.minReplicas) {
    errors.push(invalidValue('spec.maxReplicas', spec.maxReplicas, 'must be greater than or equal to `minReplicas`'));
  }
  (Array.isArray(spec.metrics) ? spec.metrics : []).forEach((m: Json, i: number) => {
    const f = `spec.metrics[${i}]`;
    if (!METRIC_TYPES.includes(m?.type)) return errors.push(notSupported(`${f}.type`, m?.type, METRIC_TYPES));
    if (m.type === 'Resource') {
      if (!m.resource?.name) errors.push(required(`${f}.resource.name`));
      const t = m.resource?.target?.type;
      if (!TARGET_TYPES.includes(t)) errors.push(notSupported(`${f}.resource.target.type`, t, TARGET_TYPES));
      const u = m.resource?.target?.averageUtilization;
      if (t === 'Utilization' && (typeof u !== 'number' || u < 1)) errors.push(required(`${f}.resource.target.averageUtilization`, 'must set either a target raw value or a target utilization'));
    }
    return undefined;
  });
  return errors;
}
