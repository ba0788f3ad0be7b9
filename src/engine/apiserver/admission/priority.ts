/**
 * Priority admission (plugin/pkg/admission/priority): a pod's priorityClassName must name an existing
 * PriorityClass, whose value becomes spec.priority (and its preemptionPolicy the pod's); with no class
 * named, the globalDefault class applies if there is one, else priority 0.
 */
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import { ApiError } from '../errors';
import type { AdmissionPlugin } from '../apiserver';

/** scheduling.DefaultPriorityWhenNoDefaultClassExists */
export const DEFAULT_PRIORITY = 0;

export const priorityPlugin: AdmissionPlugin = {
  name: 'Priority',
  kinds: ['Pod'],
  admit(obj, ctx) {
    if (ctx.operation !== 'CREATE') return;
    const spec = obj.spec as { priorityClassName?: string; priority?: number; preemptionPolicy?: string } | undefined;
    if (!spec || typeof spec !== 'object') return;
    let priority = DEFAULT_PRIORITY;
    let preemptionPolicy = 'PreemptLowerPriority';
    if (spec.priorityClassName) {
      const pc = ctx.api.peek<PriorityClass>('PriorityClass', undefined, spec.priorityClassName);
      if (!pc) {
        throw new ApiError('Forbidden', `pods "${obj.metadata.name ?? ''}" is forbidden: no PriorityClass with name ${spec.priorityClassName} was found`);
      }
      priority = pc.value;
      preemptionPolicy = pc.preemptionPolicy ?? preemptionPolicy;
    } else {
      const global = ctx.api.peekList<PriorityClass>('PriorityClass').find((pc) => pc.globalDefault === true);
      if (global) {
        spec.priorityClassName = global.metadata.name;
        priority = global.value;
        preemptionPolicy = global.preemptionPolicy ?? preemptionPolicy;
      }
    }
    if (spec.priority !== undefined && spec.priority !== null && spec.priority !== priority) {
      throw new ApiError(
        'Forbidden',
        `pods "${obj.metadata.name ?? ''}" is forbidden: the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`,
      );
    }
    spec.priority = priority;
    spec.preemptionPolicy ??= preemptionPolicy;
  },
};
