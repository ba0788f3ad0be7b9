/** createPersistentVolumeController: the PersistentVolume controller wired to the API server's watches. */
import { Controller, type ControllerContext } from '../controllerRuntime';
import { PERSISTENT_VOLUME_CONTROLLER_NAME, PersistentVolumeSyncer, PV_SYNC_PERIOD_MS, VOLUME_PREFIX } from './persistentVolumeController';

export {
  CLAIM_PREFIX,
  PERSISTENT_VOLUME_CONTROLLER_NAME,
  PERSISTENT_VOLUME_EVENT_SOURCE,
  PersistentVolumeSyncer,
  PV_SYNC_PERIOD_MS,
  SELECTED_NODE_ANNOTATION,
  VOLUME_PREFIX,
} from './persistentVolumeController';
export { LOCAL_PATH_PROVISIONER, provisionedVolumeName } from './localPathProvisioner';
export { findMatchingVolume } from './claimMatching';

export function createPersistentVolumeController(ctx: ControllerContext): Controller {
  const syncer = new PersistentVolumeSyncer(ctx);
  return new Controller(
    {
      name: PERSISTENT_VOLUME_CONTROLLER_NAME,
      watches: [
        { kind: 'PersistentVolumeClaim', keys: (e) => syncer.claimKeys(e) },
        { kind: 'PersistentVolume', keys: (e) => [VOLUME_PREFIX + e.object.metadata.name, ...(e.type === 'ADDED' ? syncer.pendingClaimKeys() : [])] },
        { kind: 'StorageClass', keys: (e) => (e.type === 'DELETED' ? [] : syncer.pendingClaimKeys()) },
        { kind: 'Pod', keys: (e) => syncer.podKeys(e) },
      ],
      listKeys: () => syncer.listKeys(),
      sync: (key) => syncer.sync(key),
      resyncPeriodMs: PV_SYNC_PERIOD_MS,
    },
    ctx,
  );
}
