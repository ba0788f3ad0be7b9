/** The failure-injection catalogue: `cluster.inject(fault)`, the `fault` command, and the etcd model. */
export { FaultInjector, type FaultHost, OOM_RAMP_MS, CRASH_AFTER_MS, missingTag } from './faultInjector';
export { ControlPlane, APISERVER, CONTROLLER_MANAGER, SCHEDULER, type StoppableComponent } from './controlPlane';
export { EtcdCluster, ETCD_MEMBER_COUNT, ETCD_NO_QUORUM_MESSAGE, type EtcdMember } from './etcd';
export { FAULT_USAGE, isFaultName, normalizeFault, parseFaultCommand } from './parseFault';
export { FAULT_NAMES, type ActiveFault, type ComponentName, type Fault, type FaultName, type FaultResult } from './types';
export { isSystemPod } from './targets';
