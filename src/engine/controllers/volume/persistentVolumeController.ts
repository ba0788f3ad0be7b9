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
import type { ApiServer, WatchEvent } from '../../apiserver/apiserver';
import type { EventRecorder } from '../../apiserver/events';
import { ApiError } from '../../apiserver/errors';
import { keyOf, objectKey, splitKey, type Stored } from '../../objects';
import type { ControllerContext } from '../controllerRuntime';
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

export const CLAIM_PREFIX = 'claim:';
export const VOLUME_PREFIX = 'volume:';
const SOURCE = { component: PERSISTENT_VOLUME_EVENT_SOURCE };

function annotate<T>(obj: Stored<T>, annotations: Record<string, string>): Stored<T> {
  return { ...obj, metadata: { ...obj.metadata, annotations: { ...obj.metadata.annotations, ...annotations } } } as Stored<T>;
}

function claimNamesOf(pod: Stored<Pod>): string[] {
  const out: string[] = [];
  for (const v of pod.spec?.volumes ?? []) if (v.persistentVolumeClaim?.claimName) out.push(v.persistentVolumeClaim.claimName);
  return out;
}

/** The PV controller's memory (each claim's first consumer node) and its syncs of claims and volumes. */
export class PersistentVolumeSyncer {
  private readonly api: ApiServer;
  private readonly events: EventRecorder;
  /** Claim key → the node a pod using it was bound to (what the scheduler would have selected). */
  private readonly consumerNodes = new Map<string, string>();

  constructor(ctx: ControllerContext) {
    this.api = ctx.api;
    this.events = ctx.events;
  }

  /** A key is `claim:<namespace>/<name>` or `volume:<name>`. */
  sync(key: string): void {
    if (key.startsWith(CLAIM_PREFIX)) {
      const { namespace, name } = splitKey(key.slice(CLAIM_PREFIX.length));
      this.syncClaim(namespace, name);
    } else if (key.startsWith(VOLUME_PREFIX)) {
      this.syncVolume(key.slice(VOLUME_PREFIX.length));
    }
  }

  private bind(claim: StoredClaim, pv: StoredVolume): void {
    let volume = pv;
    if (volume.spec?.claimRef?.uid !== claim.metadata.uid) {
      const claimRef = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: claim.metadata.name, namespace: claim.metadata.namespace, uid: claim.metadata.uid, resourceVersion: claim.metadata.resourceVersion };
      volume = this.api.update<PersistentVolume>(annotate<PersistentVolume>({ ...volume, spec: { ...volume.spec, claimRef } }, { [BOUND_BY_CONTROLLER_ANNOTATION]: 'yes' }));
    }
    if (volume.status?.phase !== 'Bound') this.api.updateStatus<PersistentVolume>({ ...volume, status: { phase: 'Bound' } });
    const bound = this.api.update<PersistentVolumeClaim>(
      annotate<PersistentVolumeClaim>({ ...claim, spec: { ...claim.spec, volumeName: volume.metadata.name } }, { [BIND_COMPLETED_ANNOTATION]: 'yes', [BOUND_BY_CONTROLLER_ANNOTATION]: 'yes' }),
    );
    this.markClaimBound(bound, volume);
  }

  private markClaimBound(claim: StoredClaim, pv: StoredVolume): void {
    const status = { phase: 'Bound', accessModes: pv.spec?.accessModes ?? [], capacity: pv.spec?.capacity ?? {} };
    if (JSON.stringify(claim.status ?? {}) !== JSON.stringify(status)) this.api.updateStatus<PersistentVolumeClaim>({ ...claim, status });
  }

  private syncBoundClaim(claim: StoredClaim): void {
    const pv = this.api.get<PersistentVolume>('PersistentVolume', undefined, claim.spec!.volumeName!);
    const ref = pv?.spec?.claimRef;
    if (!pv || (ref?.uid && ref.uid !== claim.metadata.uid)) {
      if (claim.status?.phase === 'Lost') return;
      this.api.updateStatus<PersistentVolumeClaim>({ ...claim, status: { ...claim.status, phase: 'Lost' } });
      this.events.record(claim, 'Warning', pv ? 'ClaimMisbound' : 'ClaimLost', pv ? 'Two claims are bound to the same volume, this one is bound incorrectly' : 'Bound claim has lost its PersistentVolume. Data on the volume is lost!', SOURCE);
      return;
    }
    if (!ref?.uid || pv.status?.phase !== 'Bound') {
      this.bind(claim, pv);
      return;
    }
    this.markClaimBound(claim, pv);
  }

  private syncClaim(namespace: string | undefined, name: string): void {
    let claim = this.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', namespace, name);
    if (!claim || claim.metadata.deletionTimestamp) return;
    if (claim.spec?.volumeName) return this.syncBoundClaim(claim);
    const className = claim.spec?.storageClassName ?? '';
    const sc = className ? this.api.get<StorageClass>('StorageClass', undefined, className) : undefined;
    let nodeName = claim.metadata.annotations?.[SELECTED_NODE_ANNOTATION];
    if (sc?.volumeBindingMode === 'WaitForFirstConsumer' && !nodeName) {
      const consumer = this.consumerNodes.get(keyOf(claim));
      if (!consumer) {
        this.events.record(claim, 'Normal', 'WaitForFirstConsumer', 'waiting for first consumer to be created before binding', SOURCE);
        return;
      }
      claim = this.api.update<PersistentVolumeClaim>(annotate(claim, { [SELECTED_NODE_ANNOTATION]: consumer }));
      nodeName = consumer;
    }
    const node = nodeName ? this.api.get<Node>('Node', undefined, nodeName) : undefined;
    const match = findMatchingVolume(claim, this.api.list<PersistentVolume>('PersistentVolume'), node);
    if (match) return this.bind(claim, match);
    if (!className) {
      this.events.record(claim, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set', SOURCE);
      return;
    }
    if (!sc) {
      this.events.record(claim, 'Warning', 'ProvisioningFailed', `storageclass.storage.k8s.io "${className}" not found`, SOURCE);
      return;
    }
    if (sc.provisioner === NO_PROVISIONER) {
      this.events.record(claim, 'Normal', 'FailedBinding', 'no persistent volumes available for this claim and no storage class is set', SOURCE);
      return;
    }
    this.provision(claim, sc, nodeName);
  }

  private provision(claim: StoredClaim, sc: Stored<StorageClass>, nodeName: string | undefined): void {
    const provisioner = sc.provisioner;
    if (claim.metadata.annotations?.[STORAGE_PROVISIONER_ANNOTATION] !== provisioner) {
      claim = this.api.update<PersistentVolumeClaim>(annotate(claim, { [BETA_STORAGE_PROVISIONER_ANNOTATION]: provisioner, [STORAGE_PROVISIONER_ANNOTATION]: provisioner }));
    }
    const claimKey = objectKey(claim.metadata.namespace, claim.metadata.name);
    this.events.record(
      claim,
      'Normal',
      'ExternalProvisioning',
      `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
      SOURCE,
    );
    this.events.record(claim, 'Normal', 'Provisioning', `External provisioner is provisioning volume for claim "${claimKey}"`, { component: PROVISIONER_EVENT_SOURCE });
    let pv = this.api.get<PersistentVolume>('PersistentVolume', undefined, provisionedVolumeName(claim));
    if (!pv) {
      try {
        pv = this.api.create<PersistentVolume>(provisionVolume(claim, sc, nodeName));
      } catch (err) {
        this.events.record(claim, 'Warning', 'ProvisioningFailed', `failed to provision volume with StorageClass "${sc.metadata.name}": ${err instanceof Error ? err.message : String(err)}`, { component: PROVISIONER_EVENT_SOURCE });
        throw err;
      }
      this.events.record(claim, 'Normal', 'ProvisioningSucceeded', `Successfully provisioned volume ${pv.metadata.name}`, { component: PROVISIONER_EVENT_SOURCE });
    }
    this.bind(claim, pv);
  }

  private syncVolume(name: string): void {
    const pv = this.api.get<PersistentVolume>('PersistentVolume', undefined, name);
    if (!pv || pv.metadata.deletionTimestamp) return;
    const ref = pv.spec?.claimRef;
    if (!ref) {
      if (pv.status?.phase !== 'Available') this.api.updateStatus<PersistentVolume>({ ...pv, status: { phase: 'Available' } });
      return;
    }
    const claim = this.api.get<PersistentVolumeClaim>('PersistentVolumeClaim', ref.namespace ?? 'default', ref.name ?? '');
    if (claim && (!ref.uid || claim.metadata.uid === ref.uid)) {
      if (claim.spec?.volumeName === pv.metadata.name && pv.status?.phase !== 'Bound') this.api.updateStatus<PersistentVolume>({ ...pv, status: { phase: 'Bound' } });
      return;
    }
    if (!ref.uid) return;
    // The bound claim is gone: the volume is released, and deleted if its reclaim policy says so.
    if (pv.spec?.persistentVolumeReclaimPolicy === 'Delete') {
      try {
        this.api.delete('PersistentVolume', undefined, name);
      } catch (err) {
        if (!(err instanceof ApiError && err.reason === 'NotFound')) throw err;
      }
      return;
    }
    if (pv.status?.phase !== 'Released') this.api.updateStatus<PersistentVolume>({ ...pv, status: { phase: 'Released' } });
  }

  /** A pod newly bound to a node: its claims learn their first consumer's node (WaitForFirstConsumer). */
  podKeys(event: WatchEvent): string[] {
    if (event.type === 'DELETED') return [];
    const pod = event.object as Stored<Pod>;
    const node = pod.spec?.nodeName;
    if (!node || (event.old as Stored<Pod> | undefined)?.spec?.nodeName) return [];
    const claims = claimNamesOf(pod);
    const keys: string[] = [];
    for (const c of claims) {
      const key = objectKey(pod.metadata.namespace, c);
      if (!this.consumerNodes.has(key)) this.consumerNodes.set(key, node);
      keys.push(CLAIM_PREFIX + key);
    }
    return keys;
  }

  claimKeys(event: WatchEvent): string[] {
    const key = keyOf(event.object);
    if (event.type === 'DELETED') {
      this.consumerNodes.delete(key);
      const volume = (event.object as StoredClaim).spec?.volumeName;
      return volume ? [VOLUME_PREFIX + volume] : [];
    }
    return [CLAIM_PREFIX + key];
  }

  /** Every claim still waiting for a volume: a new volume or class may let them bind. */
  pendingClaimKeys(): string[] {
    return this.api.peekList<PersistentVolumeClaim>('PersistentVolumeClaim').filter((c) => !c.spec?.volumeName).map((c) => CLAIM_PREFIX + keyOf(c));
  }

  listKeys(): string[] {
    return [
      ...this.api.peekList('PersistentVolumeClaim').map((c) => CLAIM_PREFIX + keyOf(c)),
      ...this.api.peekList('PersistentVolume').map((v) => VOLUME_PREFIX + v.metadata.name),
    ];
  }
}
