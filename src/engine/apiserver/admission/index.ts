/**
 * The admission chain, in kube-apiserver's order: decoding (wrong types, unknown fields), defaulting,
 * the REST strategy's PrepareForCreate, the mutating admission plugins (ServiceAccount, Priority,
 * DefaultTolerationSeconds, the Service allocators, LimitRanger), then validation, then ResourceQuota.
 */
import type { ApiServer } from '../apiserver';
import { decodeObject } from './decoding';
import { defaultingPlugin } from './defaults';
import { strategyPlugin } from './strategy';
import { serviceAccountPlugin } from './serviceAccount';
import { priorityPlugin } from './priority';
import { defaultTolerationSecondsPlugin } from './defaultTolerationSeconds';
import { serviceAllocationPlugin } from './serviceAllocation';
import { defaultStorageClassPlugin } from './defaultStorageClass';
import { podQOSClass } from './qos';
import { validationPlugin } from './validation';
import { limitRangerPlugin } from './limitRanger';
import { resourceQuotaPlugin } from './resourceQuota';
import type { Pod } from 'kubernetes-types/core/v1';

export { podQOSClass, type QOSClass } from './qos';
export { applyDefaults } from './defaults';
export { validateObject } from './validation';
export { JOB_CONTROLLER_UID_LABEL, JOB_NAME_LABEL } from './strategy';
export { DEFAULT_TOLERATION_SECONDS, NOT_READY_TAINT, UNREACHABLE_TAINT } from './defaultTolerationSeconds';
export { SYSTEM_PRIORITY_CLASSES } from './validation/cluster';
export { IS_DEFAULT_CLASS_ANNOTATION } from './defaultStorageClass';

export function registerAdmission(api: ApiServer): void {
  api.registerAdmission({ name: 'Decoding', admit: (obj) => decodeObject(obj) });
  api.registerAdmission(defaultingPlugin);
  api.registerAdmission(strategyPlugin);
  api.registerAdmission(serviceAccountPlugin);
  api.registerAdmission(priorityPlugin);
  api.registerAdmission(defaultTolerationSecondsPlugin);
  api.registerAdmission(serviceAllocationPlugin(api));
  api.registerAdmission(defaultStorageClassPlugin);
  api.registerAdmission(limitRangerPlugin);
  api.registerAdmission({
    name: 'PodQOS',
    kinds: ['Pod'],
    admit(obj, ctx) {
      // status.qosClass is computed once, at creation, after every mutation of the requests and limits.
      if (ctx.operation !== 'CREATE') return;
      const status = (obj.status ?? {}) as Record<string, unknown>;
      obj.status = { ...status, qosClass: podQOSClass((obj as unknown as Pod).spec) };
    },
  });
  api.registerAdmission(validationPlugin);
  api.registerAdmission(resourceQuotaPlugin);
}
