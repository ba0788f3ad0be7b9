export { createTtlAfterFinishedController, TTL_AFTER_FINISHED_CONTROLLER_NAME } from './ttlAfterFinishedController';
