export { createEndpointSliceController, ENDPOINTSLICE_CONTROLLER_NAME, SERVICE_NAME_LABEL, MANAGED_BY_LABEL, MANAGED_BY_VALUE } from './endpointSliceController';
export type { EndpointSliceControllerOptions } from './endpointSliceController';
