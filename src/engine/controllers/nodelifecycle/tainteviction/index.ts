export { createTaintEvictionController, noExecuteTaints, TAINT_EVICTION_CONTROLLER_NAME } from './taintEvictionController';
export type { TaintEvictionController } from './taintEvictionController';
export { matchingTolerations, minTolerationMs, toleratesTaint } from './tolerations';
