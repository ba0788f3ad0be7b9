export { createDisruptionController, DISRUPTION_CONTROLLER_NAME, DELETION_TIMEOUT_MS } from './disruptionController';
