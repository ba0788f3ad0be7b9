export { createServiceAccountController, SERVICEACCOUNT_CONTROLLER_NAME, DEFAULT_SERVICE_ACCOUNT } from './serviceAccountController';
