export { createNodeLifecycleController, NODE_LIFECYCLE_CONTROLLER_NAME, zoneKeyOf } from './nodeLifecycleController';
export type { NodeLifecycleController } from './nodeLifecycleController';
export { NODE_MONITOR_GRACE_PERIOD_MS, NODE_MONITOR_PERIOD_MS, NODE_STARTUP_GRACE_PERIOD_MS } from './nodeHealth';
export { NOT_READY_TAINT_KEY, UNREACHABLE_TAINT_KEY, UNSCHEDULABLE_TAINT_KEY } from './taints';
export { PodsByNodeIndex } from './podsByNodeIndex';
export * from './tainteviction';
