/**
 * The StatefulSet controller (pkg/controller/statefulset/stateful_set_control.go updateStatefulSet).
 * Pods have stable names `<set>-0 .. <set>-(N-1)`. With podManagementPolicy OrderedReady (the
 * default) it creates ordinal i only once 0..i-1 are Running and Ready, and scales down from the highest
 * ordinal, one pod at a time, waiting for each to terminate; Parallel creates and deletes all at once.
 * Failed pods are deleted and recreated under the same name. Each pod's claims from
 * volumeClaimTemplates are created before it. RollingUpdate then replaces pods of the old revision
 * from the highest ordinal down to `partition`, one at a time, each waiting for the previous to be
 * healthy again.
 *
 * Kubernetes records revisions as ControllerRevision objects, a kind the playground does not serve: the
 * controller remembers each revision's template in memory and keeps only the `controller-revision-hash`
 * label and status.currentRevision/updateRevision.
 */
import type { StatefulSet, StatefulSetStatus } from 'kubernetes-types/apps/v1';
import type { PersistentVolumeClaim, Pod, PodTemplateSpec } from 'kubernetes-types/core/v1';
import { ApiError } from '../../apiserver/errors';
import { fromLabelSelector } from '../../apiserver/labels';
import { ownerReferenceTo, splitKey, type Stored } from '../../objects';
import type { ControllerContext, SyncResult } from '../controllerRuntime';
import { claimObjects } from '../controllerutils/claim';
import type { OrphanIndex } from '../controllerutils/orphanIndex';
import type { OwnerIndex } from '../controllerutils/ownerIndex';
import { createPodIndexes, type PodIndexes } from '../controllerutils/podIndexes';
import { isPodAvailable, isPodReady, type StoredPod } from '../controllerutils/podStatus';
import { computeHash } from '../deployment/hash';
import { claimsFor, newStatefulSetPod, ordinalOf, podName, revisionOf, type StoredStatefulSet } from './statefulPod';

export const STATEFULSET_CONTROLLER_NAME = 'statefulset-controller';

const SOURCE = { component: STATEFULSET_CONTROLLER_NAME };

const isTerminating = (p: StoredPod) => p.metadata.deletionTimestamp !== undefined;
const isFinished = (p: StoredPod) => p.status?.phase === 'Failed' || p.status?.phase === 'Succeeded';
const isRunningAndReady = (p: StoredPod) => p.status?.phase === 'Running' && isPodReady(p);

export class StatefulSetSyncer {
  readonly podsByOwner: OwnerIndex<Pod>;
  private readonly orphanPods: OrphanIndex;
  /** Templates by revision name, per set uid (what ControllerRevisions hold in Kubernetes). */
  private readonly revisions = new Map<string, Map<string, PodTemplateSpec | undefined>>();

  constructor(
    private readonly ctx: ControllerContext,
    indexes: PodIndexes = createPodIndexes(ctx.api),
  ) {
    this.podsByOwner = indexes.podsByOwner;
    this.orphanPods = indexes.orphanPods;
  }

  sync(key: string): SyncResult | void {
    const { api } = this.ctx;
    const { namespace, name } = splitKey(key);
    const set = api.get<StatefulSet>('StatefulSet', namespace, name);
    if (!set) return;
    const selector = fromLabelSelector(set.spec?.selector);
    if (!selector) return;
    const pods = claimObjects<Pod>({
      api,
      owner: set,
      selector,
      owned: [...this.podsByOwner.owned(set.metadata.uid)],
      orphans: this.orphanPods.list<Pod>(set.metadata.namespace ?? 'default'),
    });

    const updateRevision = `${set.metadata.name}-${computeHash(set.spec?.template, set.status?.collisionCount ?? 0)}`;
    const known = this.revisionsOf(set.metadata.uid);
    known.set(updateRevision, set.spec?.template);
    const currentRevision = set.status?.currentRevision && known.has(set.status.currentRevision) ? set.status.currentRevision : updateRevision;

    if (!set.metadata.deletionTimestamp) this.updateStatefulSet(set, pods, currentRevision, updateRevision);

    const latest = api.get<StatefulSet>('StatefulSet', namespace, name) ?? set;
    const status = this.calculateStatus(latest, currentRevision, updateRevision);
    if (JSON.stringify(latest.status ?? {}) !== JSON.stringify(status)) api.updateStatus<StatefulSet>({ ...latest, status });
    const minReady = set.spec?.minReadySeconds ?? 0;
    if (minReady > 0 && (status.availableReplicas ?? 0) < (status.readyReplicas ?? 0)) return { requeueAfterMs: minReady * 1000 };
    return undefined;
  }

  private revisionsOf(uid: string): Map<string, PodTemplateSpec | undefined> {
    let m = this.revisions.get(uid);
    if (!m) this.revisions.set(uid, (m = new Map()));
    return m;
  }

  private updateStatefulSet(set: StoredStatefulSet, pods: StoredPod[], currentRevision: string, updateRevision: string): void {
    const replicaCount = set.spec?.replicas ?? 1;
    const monotonic = set.spec?.podManagementPolicy !== 'Parallel';
    const partition = set.spec?.updateStrategy?.type === 'RollingUpdate' ? (set.spec.updateStrategy.rollingUpdate?.partition ?? 0) : 0;
    const replicas: Array<StoredPod | undefined> = new Array(replicaCount).fill(undefined);
    const condemned: StoredPod[] = [];
    for (const pod of pods) {
      const ord = ordinalOf(set.metadata.name, pod.metadata.name);
      if (ord === undefined) continue;
      if (ord < replicaCount) replicas[ord] = pod;
      else condemned.push(pod);
    }
    condemned.sort((a, b) => ordinalOf(set.metadata.name, b.metadata.name)! - ordinalOf(set.metadata.name, a.metadata.name)!);
    const revisionFor = (ord: number) => (set.spec?.updateStrategy?.type === 'RollingUpdate' && ord < partition ? currentRevision : updateRevision);
    const unhealthy = (p: StoredPod) => !isRunningAndReady(p) || isTerminating(p);
    const firstUnhealthy = [...replicas, ...[...condemned].reverse()].find((p) => p !== undefined && unhealthy(p));

    for (let ord = 0; ord < replicaCount; ord++) {
      let pod = replicas[ord];
      if (pod && isFinished(pod) && !isTerminating(pod)) {
        // A Failed or Succeeded pod is deleted and recreated with the same identity.
        this.deletePod(set, pod);
        pod = replicas[ord] = this.ctx.api.peek<Pod>('Pod', set.metadata.namespace, pod.metadata.name);
        if (pod) {
          if (monotonic) return;
          continue;
        }
      }
      if (!pod) {
        this.createPod(set, ord, revisionFor(ord));
        if (monotonic) return;
        continue;
      }
      if (monotonic && (isTerminating(pod) || !isRunningAndReady(pod))) return;
      if (monotonic && !isPodAvailable(pod, set.spec?.minReadySeconds ?? 0, this.ctx.clock.now())) return;
    }

    for (const pod of condemned) {
      if (isTerminating(pod)) {
        if (monotonic) return;
        continue;
      }
      // OrderedReady removes only healthy pods, or the first unhealthy one, so that scaling down cannot stall.
      if (monotonic && unhealthy(pod) && pod !== firstUnhealthy) return;
      this.deletePod(set, pod);
      if (monotonic) return;
    }

    if (set.spec?.updateStrategy?.type === 'OnDelete') return;
    for (let target = replicaCount - 1; target >= partition; target--) {
      const pod = replicas[target];
      if (!pod) return;
      if (revisionOf(pod) !== updateRevision && !isTerminating(pod)) {
        this.deletePod(set, pod);
        return;
      }
      if (unhealthy(pod)) return;
    }
  }

  private createPod(set: StoredStatefulSet, ordinal: number, revision: string): void {
    const { api, events } = this.ctx;
    const name = podName(set, ordinal);
    const whenDeleted = set.spec?.persistentVolumeClaimRetentionPolicy?.whenDeleted;
    const setRef = whenDeleted === 'Delete' ? ownerReferenceTo(set as Stored, { controller: false }) : undefined;
    for (const claim of claimsFor(set, ordinal, setRef)) {
      const claimName = claim.metadata!.name!;
      if (api.get('PersistentVolumeClaim', claim.metadata!.namespace, claimName)) continue;
      try {
        api.create<PersistentVolumeClaim>(claim);
        events.record(set, 'Normal', 'SuccessfulCreate', `create Claim ${claimName} Pod ${name} in StatefulSet ${set.metadata.name} success`, SOURCE);
      } catch (err) {
        events.record(set, 'Warning', 'FailedCreate', `create Claim ${claimName} for Pod ${name} in StatefulSet ${set.metadata.name} failed error: ${errorMessage(err)}`, SOURCE);
        throw err;
      }
    }
    const template = this.revisionsOf(set.metadata.uid).get(revision) ?? set.spec?.template;
    try {
      api.create<Pod>(newStatefulSetPod(set, template, revision, ordinal, ownerReferenceTo(set as Stored, { controller: true })));
      events.record(set, 'Normal', 'SuccessfulCreate', `create Pod ${name} in StatefulSet ${set.metadata.name} successful`, SOURCE);
    } catch (err) {
      events.record(set, 'Warning', 'FailedCreate', `create Pod ${name} in StatefulSet ${set.metadata.name} failed error: ${errorMessage(err)}`, SOURCE);
      throw err;
    }
  }

  private deletePod(set: StoredStatefulSet, pod: StoredPod): void {
    const { api, events } = this.ctx;
    try {
      api.delete('Pod', pod.metadata.namespace, pod.metadata.name);
      events.record(set, 'Normal', 'SuccessfulDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`, SOURCE);
    } catch (err) {
      if (err instanceof ApiError && err.reason === 'NotFound') return;
      events.record(set, 'Warning', 'FailedDelete', `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${errorMessage(err)}`, SOURCE);
      throw err;
    }
  }

  /** The status over the pods as they are now; a finished rolling update makes the update revision current. */
  private calculateStatus(set: StoredStatefulSet, currentRevision: string, updateRevision: string): StatefulSetStatus {
    const now = this.ctx.clock.now();
    const minReady = set.spec?.minReadySeconds ?? 0;
    let replicas = 0;
    let ready = 0;
    let available = 0;
    let current = 0;
    let updated = 0;
    for (const pod of this.podsByOwner.owned(set.metadata.uid)) {
      if (ordinalOf(set.metadata.name, pod.metadata.name) === undefined) continue;
      replicas++;
      if (isRunningAndReady(pod)) {
        ready++;
        if (isPodAvailable(pod, minReady, now)) available++;
      }
      if (isTerminating(pod)) continue;
      if (revisionOf(pod) === currentRevision) current++;
      if (revisionOf(pod) === updateRevision) updated++;
    }
    let currentRev = currentRevision;
    if (set.spec?.updateStrategy?.type !== 'OnDelete' && updated === replicas && ready === replicas) {
      // completeRollingUpdate: every pod runs the update revision and is ready.
      currentRev = updateRevision;
      current = updated;
    }
    const status: StatefulSetStatus = {
      observedGeneration: set.metadata.generation ?? 1,
      replicas,
      ...(ready > 0 ? { readyReplicas: ready } : {}),
      ...(current > 0 ? { currentReplicas: current } : {}),
      ...(updated > 0 ? { updatedReplicas: updated } : {}),
      currentRevision: currentRev,
      updateRevision,
      collisionCount: set.status?.collisionCount ?? 0,
      availableReplicas: available,
    };
    return status;
  }
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
