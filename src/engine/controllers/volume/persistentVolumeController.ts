/**
 * The PersistentVolume controller (pkg/controller/volume/persistentvolume, `persistentvolume-binder-
 * controller`) together with the default class's provisioner. It binds each Pending claim to a matching
 * Available volume (claimRef on the volume, volumeName on the claim, both Bound), or, when none matches
 * and the claim's StorageClass has a provisioner, provisions a volume for it and binds that. A volume
 * whose bound claim is deleted becomes Released and, with reclaimPolicy Delete, is deleted.
 *
 * Delayed binding (volumeBindingMode WaitForFirstConsumer, like the default `local-path` class): in Kubernetes the
 * scheduler's VolumeBinding plugin treats such a claim as bindable, picks the node, and writes the
 * `volume.kubernetes.io/selected-node` annotation before binding the pod. The playground's scheduler
 * has no VolumeBinding plugin, so this controller writes that annotation as soon as it sees a pod
 * using the claim bound to a node, then provisions on that node. Claims of Immediate classes are
 * provisioned as soon as they are created.
 */
import type { Node, PersistentVolume, PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { WatchEvent } from '../../apiserver/apiserver';
import { ApiError } from '../../apiserver/errors';
import { keyOf, objectKey, splitKey, type Stored } from '../../objects';
import { Controller, type ControllerContext } from '../controllerRuntime';
import { findMatchingVolume, type StoredClaim, type StoredVolume } from './claimMatching';
import { NO_PROVISIONER, provisionedVolumeName, provisionVolume } from './localPathProvisioner';

export const PERSISTENT_VOLUME_CONTROLLER_NAME = 'persistentvolume-binder-controller';
/** The component name its events carry. */
export const PERSISTENT_VOLUME_EVENT_SOURCE = 'persistentvolume-controller';
const PROVISIONER_EVENT_SOURCE = 'rancher.io/local-path_local-path-provisioner';

export const SELECTED_NODE_ANNOTATION = 'volume.kubernetes.io/selected-node';
const STORAGE_PROVISIONER_ANNOTATION = 'volume.kubernetes.io/storage-provisioner';
const BETA_STORAGE_PROVISIONER_ANNOTATION = 'volume.beta.kubernetes.io/storage-provisioner';
const BIND_COMPLETED_ANNOTATION = 'pv.kubernetes.io/bind-completed';
const BOUND_BY_CONTROLLER_ANNOTATION = 'pv.kubernetes.io/bound-by-controller';

/** The PV controller's default resync (--pvclaimbinder-sync-period). */
export const PV_SYNC_PERIOD_MS = 15_000;

const CLAIM_PREFIX = 'claim:';
const VOLUME_PREFIX = 'volume:';

function claimNamesOf(pod: Stored<Pod>): string[] {
  const out: string[] = [];
  for (const v of pod.spec?.volumes ?? []) if (v.persistentVolumeClaim?.claimName) out.push(v.persistentVolumeClaim.claimName);
  return out;
}

export function createPersistentVolumeController(ctx: ControllerContext): Controller {
  const { api, events } = ctx;
  const source = { component: PERSISTENT_VOLUME_EVENT_SOURCE };
  /** Claim key → the node a pod using it was bound to (what the scheduler would have selected). */
  const consumerNodes = new Map<string, string>();

  const annotate = <T>(obj: Stored<T>, annotations: Record<string, string>): Stored<T> =>
    ({ ...obj, metadata: { ...obj.metadata, annotations: { ...obj.metadata.annotations, ...annotations } } }) as Stored<T>;

  function bind(claim: StoredClaim, pv: StoredVolume): void {
    let volume = pv;
    if (volume.spec?.claimRef?.uid !== claim.metadata.uid) {
      const claimRef = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: claim.metadata.name, namespace: claim.metadata.namespace, uid: claim.metadata.uid, resourceVersion: claim.metadata.resourceVersion };
      volume = api.update<PersistentVolume>(annotate<PersistentVolume>({ ...volume, spec: { ...volume.spec, claimRef } }, { [BOUND_BY_CONTROLLER_ANNOTATION]: 'yes' }));
    }
    if (volume.status?.phase !== 'Bound') api.updateStatus<PersistentVolume>({ ...volume, status: { phase: 'Bound' } });
    const bound = api.update<PersistentVolumeClaim>(
      annotate<PersistentVolumeClaim>({ ...claim, spec: { ...claim.spec, volumeName: volume.metadata.name } }, { [BIND_COMPLETED_ANNOTATION]: 'yes', [BOUND_BY_CONTROLLER_ANNOTATION]: 'yes' }),
    );
    markClaimBound(bound, volume);
  }

  function markClaimBound(claim: StoredClaim, pv: StoredVolume): void {
    const status = { phase: 'Bound', accessModes: pv.spec?.accessModes ?? [], capacity: pv.spec?.capacity ?? {} };
    if (JSON.stringify(claim.status ?? {}) !== JSON.stringify(status)) api.updateStatus<PersistentVolumeClaim>({ ...claim, status });
  }

  function syncBoundClaim(claim: StoredClaim): void {
    const pv = api.get<PersistentVolume>('PersistentVolume', undefined, claim.spec!.volumeName!);
    const ref = pv?.spec?.claimRef;
    if (!pv || (ref?.uid && ref.uid !== claim.metadata.uid)) {
      if (claim.status?.phase === 'Lost') return;
      api.updateStatus<PersistentVolumeClaim>({ ...claim, status: { ...claim.status, phase: 'Lost' } });
      events.record(claim, 'Warning', pv ? 'ClaimMisbound' : 'ClaimLost', pv ? 'Two claims are bound to the same volume, this one is bound incorrectly' : 'Bound claim has lost its PersistentVolume. Data on the volume is lost!', source);
      return;
    }
    if (!ref?.uid || pv.status?.phase !== 'Bound') {
      bind(claim, pv);
      return;
    }
    markClaimBound(claim, pv);
  }

  function syncClaim(namespace: string | undefined, name: string): void {
    let claim = api.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name);
    if (!claim || claim.metadata.deletionTimestamp) return;
    if (claim.spec?.volumeName) return syncBoundClaim(claim);
    const className = claim.spec?.storageClassName ?? '';
    const sc = className ? api.get<StorageClass>('StorageClass', undefined, className) : undefined;
    let nodeName = claim.metadata.annotations?.[SELECTED_NODE_ANNOTATION];
    if (sc?.volumeBindingMode === 'WaitForFirstConsumer' && !nodeName) {
      const consumer = consumerNodes.get(keyOf(claim));
      if (!consumer) {
        events.record(claim, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding', source);
        return;
      }
      claim = api.update<PersistentVolumeClaim>(annotate(claim, { [SELECTED_NODE_ANNOTATION]: consumer }));
      nodeName = consumer;
    }
    const node = nodeName ? api.get<Node>('Node', undefined, nodeName) : undefined;
    const match = findMatchingVolume(claim, api.list<PersistentVolume>('PersistentVolume'), node);
    if (match) return bind(claim, match);
    if (!className) {
      events.record(claim, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set', source);
      return;
    }
    if (!sc) {
      events.record(claim, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`, source);
      return;
    }
    if (sc.provisioner === NO_PROVISIONER) {
      events.record(claim, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set', source);
      return;
    }
    provision(claim, sc, nodeName);
  }

  function provision(claim: StoredClaim, sc: Stored<StorageClass>, nodeName: string | undefined): void {
    const provisioner = sc.provisioner;
    if (claim.metadata.annotations?.[STORAGE_PROVISIONER_ANNOTATION] !== provisioner) {
      claim = api.update<PersistentVolumeClaim>(annotate(claim, { [BETA_STORAGE_PROVISIONER_ANNOTATION]: provisioner, [STORAGE_PROVISIONER_ANNOTATION]: provisioner }));
    }
    const claimKey = objectKey(claim.metadata.namespace, claim.metadata.name);
    events.record(
      claim,
      'Normal',
      'ExternalProvisioning',
      `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
      source,
    );
    events.record(claim, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${claimKey}"`, { component: PROVISIONER_EVENT_SOURCE });
    let pv = api.get<PersistentVolume>('PersistentVolume', undefined, provisionedVolumeName(claim));
    if (!pv) {
      try {
        pv = api.create<PersistentVolume>(provisionVolume(claim, sc, nodeName));
      } catch (err) {
        events.record(claim, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${sc.metadata.name}": ${err instanceof Error ? err.message : String(err)}`, { component: PROVISIONER_EVENT_SOURCE });
        throw err;
      }
      events.record(claim, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pv.metadata.name}`, { component: PROVISIONER_EVENT_SOURCE });
    }
    bind(claim, pv);
  }

  function syncVolume(name: string): void {
    const pv = api.get<PersistentVolume>('PersistentVolume', undefined, name);
    if (!pv || pv.metadata.deletionTimestamp) return;
    const ref = pv.spec?.claimRef;
    if (!ref) {
      if (pv.status?.phase !== 'Available') api.updateStatus<PersistentVolume>({ ...pv, status: { phase: 'Available' } });
      return;
    }
    const claim = api.get<PersistentVolumeClaim>('PersistentVolumeClaim', ref.namespace ?? 'default', ref.name ?? '');
    if (claim && (!ref.uid || claim.metadata.uid === ref.uid)) {
      if (claim.spec?.volumeName === pv.metadata.name && pv.status?.phase !== 'Bound') api.updateStatus<PersistentVolume>({ ...pv, status: { phase: 'Bound' } });
      return;
    }
    if (!ref.uid) return;
    // The bound claim is gone: the volume is released, and deleted if its reclaim policy says so.
    if (pv.spec?.persistentVolumeReclaimPolicy === 'Delete') {
      try {
        api.delete('PersistentVolume', undefined, name);
      } catch (err) {
        if (!(err instanceof ApiError && err.reason === 'NotFound')) throw err;
      }
      return;
    }
    if (pv.status?.phase !== 'Released') api.updateStatus<PersistentVolume>({ ...pv, status: { phase: 'Released' } });
  }

  const podKeys = (event: WatchEvent): string[] => {
    if (event.type === 'DELETED') return [];
    const pod = event.object as Stored<Pod>;
    const node = pod.spec?.nodeName;
    if (!node || (event.old as Stored<Pod> | undefined)?.spec?.nodeName) return [];
    const claims = claimNamesOf(pod);
    const keys: string[] = [];
    for (const c of claims) {
      const key = objectKey(pod.metadata.namespace, c);
      if (!consumerNodes.has(key)) consumerNodes.set(key, node);
      keys.push(CLAIM_PREFIX + key);
    }
    return keys;
  };

  const claimKeys = (event: WatchEvent): string[] => {
    const key = keyOf(event.object);
    if (event.type === 'DELETED') {
      consumerNodes.delete(key);
      const volume = (event.object as StoredClaim).spec?.volumeName;
      return volume ? [VOLUME_PREFIX + volume] : [];
    }
    return [CLAIM_PREFIX + key];
  };

  const pendingClaimKeys = () => api.peekList<PersistentVolumeClaim>('PersistentVolumeClaim').filter((c) => !c.spec?.volumeName).map((c) => CLAIM_PREFIX + keyOf(c));

  return new Controller(
    {
      name: PERSISTENT_VOLUME_CONTROLLER_NAME,
      watches: [
        { kind: 'PersistentVolumeClaim', keys: claimKeys },
        { kind: 'PersistentVolume', keys: (e) => [VOLUME_PREFIX + e.object.metadata.name, ...(e.type === 'ADDED' ? pendingClaimKeys() : [])] },
        { kind: 'StorageClass', keys: (e) => (e.type === 'DELETED' ? [] : pendingClaimKeys()) },
        { kind: 'Pod', keys: podKeys },
      ],
      listKeys: () => [
        ...api.peekList('PersistentVolumeClaim').map((c) => CLAIM_PREFIX + keyOf(c)),
        ...api.peekList('PersistentVolume').map((v) => VOLUME_PREFIX + v.metadata.name),
      ],
      sync: (key) => {
        if (key.startsWith(CLAIM_PREFIX)) {
          const { namespace, name } = splitKey(key.slice(CLAIM_PREFIX.length));
          syncClaim(namespace, name);
        } else if (key.startsWith(VOLUME_PREFIX)) {
          syncVolume(key.slice(VOLUME_PREFIX.length));
        }
      },
      resyncPeriodMs: PV_SYNC_PERIOD_MS,
    },
    ctx,
  );
}
