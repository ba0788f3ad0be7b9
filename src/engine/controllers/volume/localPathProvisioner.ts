/**
 * The dynamic provisioner of kind's default StorageClass (rancher/local-path-provisioner): for a claim
 * of a class it serves it creates a hostPath PersistentVolume `pvc-<claim uid>` under
 * /var/local-path-provisioner on the node the consumer pod was scheduled to, pinned to that node by
 * node affinity, pre-bound to the claim, with the class's reclaim policy. The playground lets it serve
 * any provisioner name, so that classes a lesson creates provision too.
 */
import type { PersistentVolume } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { Stored } from '../../objects';
import type { StoredClaim } from './claimMatching';

export const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path';
/** A class with this provisioner never provisions (static volumes only). */
export const NO_PROVISIONER = 'kubernetes.io/no-provisioner';
export const LOCAL_PATH_ROOT = '/var/local-path-provisioner';

export function provisionedVolumeName(claim: StoredClaim): string {
  return `pvc-${claim.metadata.uid}`;
}

export function provisionVolume(claim: StoredClaim, sc: Stored<StorageClass>, nodeName: string | undefined): PersistentVolume {
  const name = provisionedVolumeName(claim);
  const namespace = claim.metadata.namespace ?? 'default';
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: {
      name,
      annotations: {
        'pv.kubernetes.io/provisioned-by': sc.provisioner,
        ...(nodeName ? { 'local.path.provisioner/selected-node': nodeName } : {}),
      },
    },
    spec: {
      accessModes: claim.spec?.accessModes ?? ['ReadWriteOnce'],
      capacity: { storage: claim.spec?.resources?.requests?.storage ?? '0' },
      claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: claim.metadata.name, namespace, uid: claim.metadata.uid, resourceVersion: claim.metadata.resourceVersion },
      hostPath: { path: `${LOCAL_PATH_ROOT}/${name}_${namespace}_${claim.metadata.name}`, type: 'DirectoryOrCreate' },
      ...(nodeName
        ? { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [nodeName] }] }] } } }
        : {}),
      persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? 'Delete',
      storageClassName: sc.metadata.name,
      volumeMode: claim.spec?.volumeMode ?? 'Filesystem',
    },
  };
}
