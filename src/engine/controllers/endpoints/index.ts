export { createEndpointsController, ENDPOINTS_CONTROLLER_NAME, TRIGGER_TIME_ANNOTATION } from './endpointsController';
export { createApiServerEndpointReconciler, APISERVER_ENDPOINT_RECONCILER_NAME } from './apiserverEndpointReconciler';
