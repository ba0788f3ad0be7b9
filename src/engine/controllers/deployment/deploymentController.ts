/**
 * The Deployment controller (pkg/controller/deployment): one ReplicaSet per pod template, named
 * `<deployment>-<pod-template-hash>`. Each sync claims the Deployment's ReplicaSets, then either scales
 * them (a replicas change, or a paused Deployment), or rolls out: RollingUpdate (rolling.go) grows the
 * new ReplicaSet within maxSurge and shrinks old ones within maxUnavailable; Recreate (recreate.go)
 * scales old ReplicaSets to 0, waits until their pods are gone, then scales the new one up. Status
 * and the Available/Progressing conditions follow sync.go and progress.go.
 */
import type { Deployment, DeploymentStatus, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { isDeepEqual } from '../../apiserver/deepEqual';
import { ApiError } from '../../apiserver/errors';
import { fromLabelSelector } from '../../apiserver/labels';
import { controllerOf, ownerReferenceTo, splitKey, type Stored } from '../../objects';
import type { ControllerContext, SyncResult } from '../controllerRuntime';
import { claimObjects, ownedBy } from '../controllerutils/claim';
import { OrphanIndex } from '../controllerutils/orphanIndex';
import { computeHash } from './hash';
import {
  DESIRED_REPLICAS_ANNOTATION,
  LAST_APPLIED_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  MAX_REVISION_HISTORY_CHARS,
  POD_TEMPLATE_HASH_LABEL,
  REASON_FAILED_RS_CREATE,
  REASON_FOUND_NEW_RS,
  REASON_MIN_AVAILABLE,
  REASON_MIN_UNAVAILABLE,
  REASON_NEW_RS_AVAILABLE,
  REASON_NEW_RS_CREATED,
  REASON_PAUSED,
  REASON_RESUMED,
  REASON_RS_UPDATED,
  REASON_TIMED_OUT,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  byCreationTimestamp,
  byRevision,
  bySizeNewer,
  bySizeOlder,
  deploymentComplete,
  deploymentProgressing,
  deploymentReplicas,
  deploymentTimedOut,
  desiredReplicasAnnotation,
  equalIgnoreHash,
  filterActive,
  findNewReplicaSet,
  findOldReplicaSets,
  getCondition,
  getProportion,
  hasProgressDeadline,
  hasRevisionHistoryLimit,
  isRollingUpdate,
  isSaturated,
  maxRevision,
  maxSurge,
  maxUnavailable,
  newCondition,
  newRSNewReplicas,
  progressDeadlineSeconds,
  removeCondition,
  revisionHistoryLimit,

  rsReplicas,
  setCondition,
  sumSpecReplicas,
  sumStatus,
  type StoredDeployment,
  type StoredReplicaSet,
} from './util';

export const DEPLOYMENT_CONTROLLER_NAME = 'deployment-controller';

/** Annotations a Deployment never copies to its ReplicaSets (annotationsToSkip). */
const SKIPPED_ANNOTATIONS = new Set([
  LAST_APPLIED_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  'deprecated.deployment.rollback.to',
]);

interface RolloutSets {
  d: StoredDeployment;
  newRS: StoredReplicaSet | undefined;
  oldRSs: StoredReplicaSet[];
}

/** client-go's default controller rate limiter's bucket: 10 qps (a requeue at most every 100 ms). */
const RATE_LIMITED_REQUEUE_MS = 100;

export class DeploymentSyncer {
  readonly orphanReplicaSets: OrphanIndex;

  constructor(private readonly ctx: ControllerContext) {
    this.orphanReplicaSets = new OrphanIndex(ctx.api, 'ReplicaSet');
  }

  sync(key: string): SyncResult | void {
    const { namespace, name } = splitKey(key);
    const found = this.ctx.api.get<Deployment>('Deployment', namespace, name);
    if (!found) return;
    let d = found;
    const selector = fromLabelSelector(d.spec?.selector);
    if (!selector || selector.length === 0) {
      // An empty selector would select every pod in the namespace: Kubernetes refuses to act on it.
      this.record(d, 'Warning', 'SelectingAll', 'This deployment is selecting all pods. A non-empty selector is required.');
      if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 1)) {
        this.ctx.api.updateStatus<Deployment>({ ...d, status: { ...d.status, observedGeneration: d.metadata.generation ?? 1 } });
      }
      return;
    }
    const rsList = claimObjects<ReplicaSet>({
      api: this.ctx.api,
      owner: d,
      selector,
      owned: ownedBy<ReplicaSet>(this.ctx.api, 'ReplicaSet', d.metadata.uid),
      orphans: this.orphanReplicaSets.list<ReplicaSet>(d.metadata.namespace ?? 'default'),
    });

    if (d.metadata.deletionTimestamp) {
      const sets = this.getAllReplicaSetsAndSyncRevision(d, rsList, false);
      this.syncDeploymentStatus([...sets.oldRSs, sets.newRS], sets.newRS, sets.d);
      return;
    }
    d = this.checkPausedConditions(d);
    if (d.spec?.paused || this.isScalingEvent(d, rsList)) return this.syncScaling(d, rsList);
    return isRollingUpdate(d) ? this.rolloutRolling(d, rsList) : this.rolloutRecreate(d, rsList);
  }

  // ---- sync.go ----

  /** sync(): a scaling event or a paused Deployment: resize the ReplicaSets, no rollout. */
  private syncScaling(d0: StoredDeployment, rsList: StoredReplicaSet[]): SyncResult | void {
    const { d, newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(d0, rsList, false);
    this.scale(d, newRS, oldRSs);
    if (d.spec?.paused) this.cleanupDeployment(oldRSs, d);
    this.syncDeploymentStatus([...oldRSs, newRS], newRS, d);
  }

  /** checkPausedConditions: Progressing=Unknown with DeploymentPaused / DeploymentResumed. */
  private checkPausedConditions(d: StoredDeployment): StoredDeployment {
    if (!hasProgressDeadline(d)) return d;
    const cond = getCondition(d.status, 'Progressing');
    if (cond?.reason === REASON_TIMED_OUT) return d;
    const pausedCondExists = cond?.reason === REASON_PAUSED;
    const now = this.ctx.clock.nowRfc3339();
    const status: DeploymentStatus = structuredClone(d.status ?? {});
    if (d.spec?.paused && !pausedCondExists) {
      setCondition(status, newCondition('Progressing', 'Unknown', REASON_PAUSED, 'Deployment is paused', now));
    } else if (!d.spec?.paused && pausedCondExists) {
      setCondition(status, newCondition('Progressing', 'Unknown', REASON_RESUMED, 'Deployment is resumed', now));
    } else {
      return d;
    }
    return this.ctx.api.updateStatus<Deployment>({ ...d, status });
  }

  /** isScalingEvent: an active ReplicaSet was sized for a different desired count than the Deployment's. */
  private isScalingEvent(d0: StoredDeployment, rsList: StoredReplicaSet[]): boolean {
    const { d, newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(d0, rsList, false);
    for (const rs of filterActive([...oldRSs, newRS])) {
      const desired = desiredReplicasAnnotation(rs);
      if (desired !== undefined && desired !== deploymentReplicas(d)) return true;
    }
    return false;
  }

  /** getAllReplicaSetsAndSyncRevision: the new ReplicaSet (created if asked) and all old ones. */
  private getAllReplicaSetsAndSyncRevision(d: StoredDeployment, rsList: StoredReplicaSet[], createIfNotExisted: boolean): RolloutSets {
    const oldRSs = findOldReplicaSets(d, rsList);
    const { rs: newRS, d: updated } = this.getNewReplicaSet(d, rsList, oldRSs, createIfNotExisted);
    return { d: updated, newRS, oldRSs };
  }

  /**
   * getNewReplicaSet: finds the ReplicaSet whose template is the Deployment's and brings its revision,
   * annotations and minReadySeconds up to date; otherwise creates it (named by the template hash, with
   * collisionCount bumped when that name is taken by a different template).
   */
  private getNewReplicaSet(d: StoredDeployment, rsList: StoredReplicaSet[], oldRSs: StoredReplicaSet[], createIfNotExisted: boolean): { rs: StoredReplicaSet | undefined; d: StoredDeployment } {
    const { api, clock } = this.ctx;
    const existing = findNewReplicaSet(d, rsList);
    const newRevision = String(maxRevision(oldRSs) + 1);
    const now = clock.nowRfc3339();

    if (existing) {
      const annotations = { ...(existing.metadata.annotations ?? {}) };
      const annotationsUpdated = setNewReplicaSetAnnotations(d, annotations, newRevision, true);
      const minReady = d.spec?.minReadySeconds ?? 0;
      if (annotationsUpdated || (existing.spec?.minReadySeconds ?? 0) !== minReady) {
        const rs = api.update<ReplicaSet>({ ...existing, metadata: { ...existing.metadata, annotations }, spec: { ...existing.spec!, minReadySeconds: minReady } });
        return { rs, d };
      }
      let next = d;
      const revision = existing.metadata.annotations?.[REVISION_ANNOTATION];
      if (revision !== undefined && d.metadata.annotations?.[REVISION_ANNOTATION] !== revision) {
        next = api.update<Deployment>({ ...next, metadata: { ...next.metadata, annotations: { ...next.metadata.annotations, [REVISION_ANNOTATION]: revision } } });
      }
      if (hasProgressDeadline(next) && !getCondition(next.status, 'Progressing')) {
        const status = structuredClone(next.status ?? {});
        setCondition(status, newCondition('Progressing', 'True', REASON_FOUND_NEW_RS, `Found new replica set "${existing.metadata.name}"`, now));
        next = api.updateStatus<Deployment>({ ...next, status });
      }
      return { rs: existing, d: next };
    }
    if (!createIfNotExisted) return { rs: undefined, d };

    const collisionCount = d.status?.collisionCount;
    const hash = computeHash(d.spec?.template, collisionCount);
    const templateLabels = { ...(d.spec?.template?.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
    const selector = d.spec?.selector ?? {};
    const rsName = `${d.metadata.name}-${hash}`;
    const draft: ReplicaSet & { metadata: NonNullable<ReplicaSet['metadata']> } = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: rsName,
        namespace: d.metadata.namespace ?? 'default',
        labels: templateLabels,
        ownerReferences: [ownerReferenceTo(d as Stored, { controller: true })],
      },
      spec: {
        replicas: 0,
        minReadySeconds: d.spec?.minReadySeconds ?? 0,
        selector: { ...selector, matchLabels: { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash } },
        template: { ...d.spec?.template, metadata: { ...d.spec?.template?.metadata, labels: templateLabels } },
      },
    };
    const replicas = newRSNewReplicas(d, [...oldRSs, draft], draft);
    draft.spec!.replicas = replicas;
    const annotations: Record<string, string> = {};
    setNewReplicaSetAnnotations(d, annotations, newRevision, false);
    draft.metadata.annotations = annotations;

    let created: StoredReplicaSet;
    let alreadyExists = false;
    try {
      created = api.create<ReplicaSet>(draft);
    } catch (err) {
      if (err instanceof ApiError && err.reason === 'AlreadyExists') {
        const rs = api.get<ReplicaSet>('ReplicaSet', d.metadata.namespace, rsName);
        if (rs && controllerOf(rs)?.uid === d.metadata.uid && equalIgnoreHash(d.spec?.template, rs.spec?.template)) {
          created = rs;
          alreadyExists = true;
        } else {
          // A different template already has this name: bump collisionCount so the next hash differs.
          api.updateStatus<Deployment>({ ...d, status: { ...d.status, collisionCount: (collisionCount ?? 0) + 1 } });
          throw err;
        }
      } else {
        const message = `Failed to create new replica set "${rsName}": ${err instanceof Error ? err.message : String(err)}`;
        if (hasProgressDeadline(d)) {
          const status = structuredClone(d.status ?? {});
          setCondition(status, newCondition('Progressing', 'False', REASON_FAILED_RS_CREATE, message, now));
          api.updateStatus<Deployment>({ ...d, status });
        }
        this.record(d, 'Warning', REASON_FAILED_RS_CREATE, message);
        throw err;
      }
    }
    if (!alreadyExists && replicas > 0) {
      this.record(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${created.metadata.name} from 0 to ${replicas}`);
    }
    let next = d;
    if (d.metadata.annotations?.[REVISION_ANNOTATION] !== newRevision) {
      next = api.update<Deployment>({ ...next, metadata: { ...next.metadata, annotations: { ...next.metadata.annotations, [REVISION_ANNOTATION]: newRevision } } });
    }
    if (!alreadyExists && hasProgressDeadline(next)) {
      const status = structuredClone(next.status ?? {});
      setCondition(status, newCondition('Progressing', 'True', REASON_NEW_RS_CREATED, `Created new replica set "${created.metadata.name}"`, now));
      next = api.updateStatus<Deployment>({ ...next, status });
    }
    return { rs: created, d: next };
  }

  /**
   * scale(): resize for a replicas change. A single active ReplicaSet takes the whole count; a saturated
   * new ReplicaSet lets the old ones go to 0; otherwise (mid-rollout) the difference is spread over the
   * active ReplicaSets in proportion to their size, the leftover going to the largest.
   */
  private scale(d: StoredDeployment, newRS: StoredReplicaSet | undefined, oldRSs: StoredReplicaSet[]): void {
    const replicas = deploymentReplicas(d);
    const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
    if (activeOrLatest) {
      if (rsReplicas(activeOrLatest) === replicas) return;
      this.scaleReplicaSetAndRecordEvent(activeOrLatest, replicas, d);
      return;
    }
    if (isSaturated(d, newRS)) {
      for (const old of filterActive(oldRSs)) this.scaleReplicaSetAndRecordEvent(old, 0, d);
      return;
    }
    if (!isRollingUpdate(d)) return;
    const allRSs = filterActive([...oldRSs, newRS]);
    const allowedSize = replicas > 0 ? replicas + maxSurge(d) : 0;
    const toAdd = allowedSize - sumSpecReplicas(allRSs);
    let operation: 'up' | 'down' = 'up';
    if (toAdd > 0) allRSs.sort(bySizeNewer);
    else if (toAdd < 0) {
      allRSs.sort(bySizeOlder);
      operation = 'down';
    }
    let added = 0;
    const sizes = new Map<string, number>();
    for (const rs of allRSs) {
      if (toAdd !== 0) {
        const proportion = getProportion(rs, d, toAdd, added);
        sizes.set(rs.metadata.name, rsReplicas(rs) + proportion);
        added += proportion;
      } else {
        sizes.set(rs.metadata.name, rsReplicas(rs));
      }
    }
    allRSs.forEach((rs, i) => {
      let size = sizes.get(rs.metadata.name) ?? rsReplicas(rs);
      // The leftover of the rounding goes to the largest ReplicaSet.
      if (i === 0 && toAdd !== 0) size = Math.max(0, size + (toAdd - added));
      this.scaleReplicaSet(rs, size, d, operation);
    });
  }

  private scaleReplicaSetAndRecordEvent(rs: StoredReplicaSet, newScale: number, d: StoredDeployment): { scaled: boolean; rs: StoredReplicaSet } {
    if (rsReplicas(rs) === newScale) return { scaled: false, rs };
    return this.scaleReplicaSet(rs, newScale, d, rsReplicas(rs) < newScale ? 'up' : 'down');
  }

  /** scaleReplicaSet: writes replicas and the desired/max-replicas annotations, with a ScalingReplicaSet event. */
  private scaleReplicaSet(rs0: StoredReplicaSet, newScale: number, d: StoredDeployment, operation: 'up' | 'down'): { scaled: boolean; rs: StoredReplicaSet } {
    const rs = this.ctx.api.get<ReplicaSet>('ReplicaSet', rs0.metadata.namespace, rs0.metadata.name) ?? rs0;
    const oldScale = rsReplicas(rs);
    const sizeNeedsUpdate = oldScale !== newScale;
    const desired = String(deploymentReplicas(d));
    const max = String(deploymentReplicas(d) + maxSurge(d));
    const annotations = rs.metadata.annotations ?? {};
    const annotationsNeedUpdate = annotations[DESIRED_REPLICAS_ANNOTATION] !== desired || annotations[MAX_REPLICAS_ANNOTATION] !== max;
    if (!sizeNeedsUpdate && !annotationsNeedUpdate) return { scaled: false, rs };
    const updated = this.ctx.api.update<ReplicaSet>({
      ...rs,
      metadata: { ...rs.metadata, annotations: { ...annotations, [DESIRED_REPLICAS_ANNOTATION]: desired, [MAX_REPLICAS_ANNOTATION]: max } },
      spec: { ...rs.spec!, replicas: newScale },
    });
    if (sizeNeedsUpdate) {
      this.record(d, 'Normal', 'ScalingReplicaSet', `Scaled ${operation} replica set ${rs.metadata.name} from ${oldScale} to ${newScale}`);
    }
    return { scaled: sizeNeedsUpdate, rs: updated };
  }

  /** cleanupDeployment: delete the oldest fully scaled-down ReplicaSets beyond revisionHistoryLimit. */
  private cleanupDeployment(oldRSs: StoredReplicaSet[], d: StoredDeployment): void {
    if (!hasRevisionHistoryLimit(d)) return;
    const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
    const diff = cleanable.length - revisionHistoryLimit(d);
    if (diff <= 0) return;
    cleanable.sort(byRevision);
    for (const rs of cleanable.slice(0, diff)) {
      // Never delete a ReplicaSet that still has pods or whose latest spec its controller has not seen.
      if ((rs.status?.replicas ?? 0) !== 0 || rsReplicas(rs) !== 0 || (rs.metadata.generation ?? 1) > (rs.status?.observedGeneration ?? 0)) continue;
      try {
        this.ctx.api.delete('ReplicaSet', rs.metadata.namespace, rs.metadata.name);
      } catch (err) {
        if (!(err instanceof ApiError && err.reason === 'NotFound')) throw err;
      }
    }
  }

  private syncDeploymentStatus(allRSs: (StoredReplicaSet | undefined)[], newRS: StoredReplicaSet | undefined, d: StoredDeployment): void {
    const status = this.calculateStatus(allRSs, newRS, d);
    if (isDeepEqual(d.status ?? {}, status)) return;
    this.ctx.api.updateStatus<Deployment>({ ...d, status });
  }

  /** calculateStatus: counts from the ReplicaSets' status, and the Available condition. */
  private calculateStatus(allRSs: (StoredReplicaSet | undefined)[], newRS: StoredReplicaSet | undefined, d: StoredDeployment): DeploymentStatus {
    const available = sumStatus(allRSs, 'availableReplicas');
    const unavailable = Math.max(0, sumSpecReplicas(allRSs) - available);
    const status: DeploymentStatus = omitZero({
      observedGeneration: d.metadata.generation ?? 1,
      replicas: sumStatus(allRSs, 'replicas'),
      updatedReplicas: sumStatus([newRS], 'replicas'),
      readyReplicas: sumStatus(allRSs, 'readyReplicas'),
      availableReplicas: available,
      unavailableReplicas: unavailable,
    });
    if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
    if (d.status?.conditions) status.conditions = d.status.conditions.map((c) => ({ ...c }));
    const now = this.ctx.clock.nowRfc3339();
    if (available >= deploymentReplicas(d) - maxUnavailable(d)) {
      setCondition(status, newCondition('Available', 'True', REASON_MIN_AVAILABLE, 'Deployment has minimum availability.', now));
    } else {
      setCondition(status, newCondition('Available', 'False', REASON_MIN_UNAVAILABLE, 'Deployment does not have minimum availability.', now));
    }
    return status;
  }

  // ---- progress.go ----

  /**
   * syncRolloutStatus: status plus the Progressing condition (complete, progressing, or timed out after
   * progressDeadlineSeconds without progress) and ReplicaFailure promoted from the ReplicaSets. When
   * nothing changed, asks to be synced again when the deadline would pass (requeueStuckDeployment).
   */
  private syncRolloutStatus(allRSs: (StoredReplicaSet | undefined)[], newRS: StoredReplicaSet | undefined, d: StoredDeployment): SyncResult | void {
    const now = this.ctx.clock.nowRfc3339();
    const nowMs = this.ctx.clock.now();
    const status = this.calculateStatus(allRSs, newRS, d);
    if (!hasProgressDeadline(d)) removeCondition(status, 'Progressing');
    const current = getCondition(d.status, 'Progressing');
    const isComplete = status.replicas === status.updatedReplicas && current?.reason === REASON_NEW_RS_AVAILABLE;
    if (hasProgressDeadline(d) && !isComplete) {
      if (deploymentComplete(d, status)) {
        const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has successfully progressed.` : 'Deployment has successfully progressed.';
        setCondition(status, newCondition('Progressing', 'True', REASON_NEW_RS_AVAILABLE, msg, now));
      } else if (deploymentProgressing(d, status)) {
        const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" is progressing.` : 'Deployment is progressing.';
        const cond = newCondition('Progressing', 'True', REASON_RS_UPDATED, msg, now);
        // Progress always refreshes lastUpdateTime (the deadline restarts); the transition time stays while True.
        if (current?.status === 'True' && current.lastTransitionTime) cond.lastTransitionTime = current.lastTransitionTime;
        removeCondition(status, 'Progressing');
        setCondition(status, cond);
      } else if (deploymentTimedOut(d, status, nowMs)) {
        const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has timed out progressing.` : `Deployment "${d.metadata.name}" has timed out progressing.`;
        setCondition(status, newCondition('Progressing', 'False', REASON_TIMED_OUT, msg, now));
      }
    }
    const failure = replicaFailure(allRSs, newRS);
    if (failure) setCondition(status, failure);
    else removeCondition(status, 'ReplicaFailure');

    if (isDeepEqual(d.status ?? {}, status)) return this.requeueStuckDeployment(d, status, nowMs);
    this.ctx.api.updateStatus<Deployment>({ ...d, status });
  }

  private requeueStuckDeployment(d: StoredDeployment, status: DeploymentStatus, nowMs: number): SyncResult | void {
    const cond = getCondition(d.status, 'Progressing');
    if (!hasProgressDeadline(d) || !cond) return;
    if (deploymentComplete(d, status) || cond.reason === REASON_TIMED_OUT) return;
    const from = Date.parse(cond.lastUpdateTime ?? '');
    if (Number.isNaN(from)) return;
    const after = from + progressDeadlineSeconds(d) * 1000 - nowMs;
    // Less than a second left: look again right after the deadline (enqueueRateLimited: the sync's
    // success resets the per-key backoff, so client-go's overall 10 qps bucket is what paces it; a
    // Deployment that completed once and then lost a pod stays here until it is whole again).
    // Otherwise a second past the deadline.
    return { requeueAfterMs: after < 1000 ? Math.max(RATE_LIMITED_REQUEUE_MS, after + 1) : after + 1000 };
  }

  // ---- rolling.go ----

  private rolloutRolling(d0: StoredDeployment, rsList: StoredReplicaSet[]): SyncResult | void {
    const { d, newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(d0, rsList, true);
    if (!newRS) return;
    const allRSs = [...oldRSs, newRS];
    if (this.reconcileNewReplicaSet(allRSs, newRS, d)) return this.syncRolloutStatus(allRSs, newRS, d);
    if (this.reconcileOldReplicaSets(allRSs, filterActive(oldRSs), newRS, d)) return this.syncRolloutStatus(allRSs, newRS, d);
    if (deploymentComplete(d, d.status ?? {})) this.cleanupDeployment(oldRSs, d);
    return this.syncRolloutStatus(allRSs, newRS, d);
  }

  private reconcileNewReplicaSet(allRSs: StoredReplicaSet[], newRS: StoredReplicaSet, d: StoredDeployment): boolean {
    const replicas = deploymentReplicas(d);
    if (rsReplicas(newRS) === replicas) return false;
    if (rsReplicas(newRS) > replicas) return this.scaleReplicaSetAndRecordEvent(newRS, replicas, d).scaled;
    return this.scaleReplicaSetAndRecordEvent(newRS, newRSNewReplicas(d, allRSs, newRS), d).scaled;
  }

  /**
   * reconcileOldReplicaSets: scale old ReplicaSets down as far as availability allows. The room is
   * all pods − minAvailable − the new ReplicaSet's unavailable pods; unhealthy old pods go first.
   */
  private reconcileOldReplicaSets(allRSs: StoredReplicaSet[], oldRSs: StoredReplicaSet[], newRS: StoredReplicaSet, d: StoredDeployment): boolean {
    if (sumSpecReplicas(oldRSs) === 0) return false;
    const allPods = sumSpecReplicas(allRSs);
    const minAvailable = deploymentReplicas(d) - maxUnavailable(d);
    const newRSUnavailable = rsReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
    const maxScaledDown = allPods - minAvailable - newRSUnavailable;
    if (maxScaledDown <= 0) return false;
    const { oldRSs: cleaned, count: cleanedUp } = this.cleanupUnhealthyReplicas(oldRSs, d, maxScaledDown);
    const scaledDown = this.scaleDownOldReplicaSetsForRollingUpdate([...cleaned, newRS], cleaned, d);
    return cleanedUp + scaledDown > 0;
  }

  /** cleanupUnhealthyReplicas: remove old pods that are not available, oldest ReplicaSet first. */
  private cleanupUnhealthyReplicas(oldRSs: StoredReplicaSet[], d: StoredDeployment, maxCleanup: number): { oldRSs: StoredReplicaSet[]; count: number } {
    const sorted = [...oldRSs].sort(byCreationTimestamp);
    let total = 0;
    for (let i = 0; i < sorted.length; i++) {
      if (total >= maxCleanup) break;
      const rs = sorted[i]!;
      const replicas = rsReplicas(rs);
      const available = rs.status?.availableReplicas ?? 0;
      if (replicas === 0 || replicas === available) continue;
      const count = Math.min(maxCleanup - total, replicas - available);
      sorted[i] = this.scaleReplicaSetAndRecordEvent(rs, replicas - count, d).rs;
      total += count;
    }
    return { oldRSs: sorted, count: total };
  }

  /** scaleDownOldReplicaSetsForRollingUpdate: shrink old ReplicaSets (oldest first) while available > minAvailable. */
  private scaleDownOldReplicaSetsForRollingUpdate(allRSs: StoredReplicaSet[], oldRSs: StoredReplicaSet[], d: StoredDeployment): number {
    const minAvailable = deploymentReplicas(d) - maxUnavailable(d);
    const available = sumStatus(allRSs, 'availableReplicas');
    if (available <= minAvailable) return 0;
    const sorted = [...oldRSs].sort(byCreationTimestamp);
    const target = available - minAvailable;
    let total = 0;
    for (const rs of sorted) {
      if (total >= target) break;
      if (rsReplicas(rs) === 0) continue;
      const count = Math.min(rsReplicas(rs), target - total);
      this.scaleReplicaSetAndRecordEvent(rs, rsReplicas(rs) - count, d);
      total += count;
    }
    return total;
  }

  // ---- recreate.go ----

  private rolloutRecreate(d0: StoredDeployment, rsList: StoredReplicaSet[]): SyncResult | void {
    let { d, newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(d0, rsList, false);
    let allRSs = [...oldRSs, newRS];
    let scaledDown = false;
    for (const rs of filterActive(oldRSs)) if (this.scaleReplicaSetAndRecordEvent(rs, 0, d).scaled) scaledDown = true;
    if (scaledDown) return this.syncRolloutStatus(allRSs, newRS, d);
    // Recreate guarantees no old pod runs beside a new one: wait until the old pods are gone.
    if (this.oldPodsRunning(newRS, oldRSs)) return this.syncRolloutStatus(allRSs, newRS, d);
    if (!newRS) {
      ({ d, newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(d, rsList, true));
      allRSs = [...oldRSs, newRS];
    }
    if (newRS) this.scaleReplicaSetAndRecordEvent(newRS, deploymentReplicas(d), d);
    if (deploymentComplete(d, d.status ?? {})) this.cleanupDeployment(oldRSs, d);
    return this.syncRolloutStatus(allRSs, newRS, d);
  }

  /** oldPodsRunning: an old ReplicaSet still reports pods, or owns a pod not yet Succeeded/Failed (terminating ones count). */
  private oldPodsRunning(newRS: StoredReplicaSet | undefined, oldRSs: StoredReplicaSet[]): boolean {
    if (sumStatus(oldRSs, 'replicas') > 0) return true;
    for (const rs of oldRSs) {
      if (newRS && rs.metadata.uid === newRS.metadata.uid) continue;
      for (const pod of ownedBy<Pod>(this.ctx.api, 'Pod', rs.metadata.uid)) {
        const phase = pod.status?.phase;
        if (phase !== 'Failed' && phase !== 'Succeeded') return true;
      }
    }
    return false;
  }

  private record(d: StoredDeployment, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.ctx.events.record(d, type, reason, message, { component: DEPLOYMENT_CONTROLLER_NAME });
  }
}

/** FindActiveOrLatest: the only active ReplicaSet, or the newest when none is active; undefined when several are. */
function findActiveOrLatest(newRS: StoredReplicaSet | undefined, oldRSs: StoredReplicaSet[]): StoredReplicaSet | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => byCreationTimestamp(b, a));
  const active = filterActive([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

/** getReplicaFailures: the new ReplicaSet's ReplicaFailure condition first, else any old one's. */
function replicaFailure(allRSs: (StoredReplicaSet | undefined)[], newRS: StoredReplicaSet | undefined) {
  const fromRS = (rs: StoredReplicaSet | undefined) => {
    const c = rs?.status?.conditions?.find((x) => x.type === 'ReplicaFailure');
    return c
      ? { type: 'ReplicaFailure', status: c.status, reason: c.reason, message: c.message, lastUpdateTime: c.lastTransitionTime, lastTransitionTime: c.lastTransitionTime }
      : undefined;
  };
  const own = fromRS(newRS);
  if (own) return own;
  for (const rs of allRSs) {
    const c = fromRS(rs);
    if (c) return c;
  }
  return undefined;
}

/**
 * SetNewReplicaSetAnnotations on an annotations map: copy the Deployment's annotations (but not the
 * skipped ones), raise the revision when it is lower than `newRevision` (keeping the old one in
 * revision-history, as a rollback does), and for a new ReplicaSet record desired and max replicas.
 */
function setNewReplicaSetAnnotations(d: StoredDeployment, annotations: Record<string, string>, newRevision: string, exists: boolean): boolean {
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (SKIPPED_ANNOTATIONS.has(k) || annotations[k] === v) continue;
    annotations[k] = v;
    changed = true;
  }
  const oldRevision = annotations[REVISION_ANNOTATION];
  const oldInt = oldRevision === undefined ? 0 : Number.parseInt(oldRevision, 10);
  const newInt = Number.parseInt(newRevision, 10);
  if (Number.isNaN(oldInt)) return false;
  if (oldInt < newInt) {
    annotations[REVISION_ANNOTATION] = newRevision;
    changed = true;
    if (oldRevision !== undefined) {
      const history = annotations[REVISION_HISTORY_ANNOTATION];
      const next = history ? `${history},${oldRevision}` : oldRevision;
      if (next.length <= MAX_REVISION_HISTORY_CHARS) annotations[REVISION_HISTORY_ANNOTATION] = next;
    }
  }
  if (!exists) {
    const desired = String(deploymentReplicas(d));
    const max = String(deploymentReplicas(d) + maxSurge(d));
    if (annotations[DESIRED_REPLICAS_ANNOTATION] !== desired || annotations[MAX_REPLICAS_ANNOTATION] !== max) {
      annotations[DESIRED_REPLICAS_ANNOTATION] = desired;
      annotations[MAX_REPLICAS_ANNOTATION] = max;
      changed = true;
    }
  }
  return changed;
}

/** Kubernetes omits zero-valued status counts (`omitempty`), so `-o yaml` shows only those that are set. */
function omitZero(status: Record<string, number>): DeploymentStatus {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(status)) if (v !== 0) out[k] = v;
  return out as DeploymentStatus;
}

