export { createHorizontalPodAutoscalerController, HPA_CONTROLLER_NAME, HPA_SYNC_PERIOD_MS, SCALE_TARGETS } from './horizontalController';
