export {
  createPersistentVolumeController,
  PERSISTENT_VOLUME_CONTROLLER_NAME,
  PERSISTENT_VOLUME_EVENT_SOURCE,
  PV_SYNC_PERIOD_MS,
  SELECTED_NODE_ANNOTATION,
} from './persistentVolumeController';
export { LOCAL_PATH_PROVISIONER, provisionedVolumeName } from './localPathProvisioner';
export { findMatchingVolume } from './claimMatching';
