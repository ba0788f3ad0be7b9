/** The failure-injection catalogue: `cluster.inject(fault)`, the `fault` command, and the etcd model. */
export { FaultInjector, type FaultHost } from './faultInjector';
export {
  CRASH_AFTER_MS,
  CRASH_EXIT_CODE,
  FAULT_CATALOGUE,
  FAULT_OPTIONS,
  KILL_EXIT_CODE,
  OOM_RAMP_MS,
  faultOption,
  faultSpec,
  isLastingPodFault,
  type FaultOptionName,
  type FaultOptionSpec,
  type FaultSpec,
  type FaultTargetKind,
} from './catalogue';
export { missingTag } from './images';
export { FAULT_CODES, FAULT_TEXT_EN, faultTextEn, type FaultCode, type FaultParams, type FaultText } from './resultText';
export { ControlPlane, APISERVER, CONTROL_PLANE_COMPONENTS, CONTROLLER_MANAGER, SCHEDULER, type StoppableComponent } from './controlPlane';
export { EtcdCluster, ETCD_MEMBER_COUNT, etcdMemberId, ETCD_NO_QUORUM_MESSAGE, type EtcdHealth, type EtcdMember } from './etcd';
export { FAULT_USAGE, isFaultName, normalizeFault, parseFaultCommand } from './parseFault';
export { FAULT_NAMES, type ActiveFault, type ComponentName, type Fault, type FaultName, type FaultResult } from './types';
export {
  CHAOS_KINDS,
  ChaosMonkey,
  CHAOS_RATES,
  CHAOS_USAGE,
  DEFAULT_CHAOS_KINDS,
  MAX_CHAOS_RATE,
  describeChaos,
  formatChaosEntry,
  isChaosKind,
  parseChaosCommand,
  type ChaosCommand,
  type ChaosControl,
  type ChaosKind,
  type ChaosLogEntry,
  type ChaosRequest,
  type ChaosResult,
  type ChaosSettings,
  type ChaosStatus,
} from './chaos';
export { isSystemPod } from './targets';
