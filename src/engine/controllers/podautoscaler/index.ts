export { createHorizontalPodAutoscalerController, HPA_CONTROLLER_NAME, HPA_SYNC_PERIOD_MS } from './horizontalController';
