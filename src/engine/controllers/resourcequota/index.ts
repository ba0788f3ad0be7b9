export { createResourceQuotaController, RESOURCE_QUOTA_CONTROLLER_NAME } from './resourceQuotaController';
