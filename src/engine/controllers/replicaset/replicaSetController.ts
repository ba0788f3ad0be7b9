/**
 * The ReplicaSet controller (pkg/controller/replicaset/replica_set.go): keeps `spec.replicas` active
 * pods matching the selector. Each sync lists the pods it owns (adopting matching orphans, releasing
 * pods that stopped matching), creates the missing ones in slow-start batches or deletes the surplus
 * ranked by getPodsToDelete, at most 500 per sync (burstReplicas), and writes status. Expectations keep
 * a sync from acting again before the watch has shown the pods of the previous one.
 */
import type { ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import { ApiError } from '../../apiserver/errors';
import { fromLabelSelector, matchesSelector } from '../../apiserver/labels';
import { controllerOf, keyOf, objectKey, ownerReferenceTo, splitKey, type Stored } from '../../objects';
import type { ControllerContext, SyncResult } from '../controllerRuntime';
import { claimObjects, ownedBy } from '../controllerutils/claim';
import { ControllerExpectations } from '../controllerutils/expectations';
import { OrphanIndex } from '../controllerutils/orphanIndex';
import { OwnerIndex } from '../controllerutils/ownerIndex';
import { getPodsToDelete } from '../controllerutils/podDeletionRanking';
import { isPodActive, type StoredPod } from '../controllerutils/podStatus';
import { podFromTemplate } from '../controllerutils/podTemplate';
import { SLOW_START_INITIAL_BATCH_SIZE, slowStartBatch } from '../controllerutils/slowStart';
import { BurstPacer } from '../controllerutils/burstPacer';
import {
  calculateReplicaSetStatus,
  desiredReplicas,
  nextAvailabilityCheckMs,
  replicaSetStatusChanged,
  type ManageError,
  type StoredReplicaSet,
} from './replicaSetStatus';

export const REPLICASET_CONTROLLER_NAME = 'replicaset-controller';

/** burstReplicas: the most pods one sync creates or deletes. */
export const BURST_REPLICAS = 500;

export class ReplicaSetSyncer {
  readonly expectations: ControllerExpectations;
  readonly orphanPods: OrphanIndex;
  readonly podsByOwner: OwnerIndex<Pod>;
  /** After a sync that hit BURST_REPLICAS, the next waits for the API client's rate limit. */
  private readonly pacer = new BurstPacer();

  constructor(private readonly ctx: ControllerContext) {
    this.expectations = new ControllerExpectations(ctx.clock);
    this.orphanPods = new OrphanIndex(ctx.api, 'Pod');
    this.podsByOwner = new OwnerIndex<Pod>(ctx.api, 'Pod');
  }

  /** Active pods the ReplicaSet controls, from the index. */
  private activePodsOf(uid: string): StoredPod[] {
    const out: StoredPod[] = [];
    for (const pod of this.podsByOwner.owned(uid)) if (isPodActive(pod)) out.push(pod);
    return out;
  }

  sync(key: string): SyncResult | void {
    const { api, clock } = this.ctx;
    const { namespace, name } = splitKey(key);
    const rs = api.get<ReplicaSet>('ReplicaSet', namespace, name);
    if (!rs) {
      this.expectations.delete(key);
      this.pacer.forget(key);
      return;
    }
    const paced = this.pacer.waitMs(key, clock.now());
    const needsSync = this.expectations.satisfied(key) && paced === 0;
    const selector = fromLabelSelector(rs.spec?.selector);
    // A ReplicaSet without a valid selector manages nothing (validation normally prevents it).
    const pods = selector
      ? claimObjects<Pod>({
          api,
          owner: rs,
          selector,
          owned: this.activePodsOf(rs.metadata.uid),
          orphans: this.orphanPods.list<Pod>(rs.metadata.namespace ?? 'default'),
          filter: isPodActive,
        })
      : [];

    let manageError: ManageError | undefined;
    let thrown: unknown;
    if (needsSync && !rs.metadata.deletionTimestamp && selector) {
      const result = this.manageReplicas(key, rs, pods);
      manageError = result.manageError;
      thrown = result.thrown;
    }
    // Re-read what this sync created or deleted: the status counts the pods as they are now.
    const current = selector ? this.activePodsOf(rs.metadata.uid) : [];
    const latest = api.get<ReplicaSet>('ReplicaSet', namespace, name) ?? rs;
    const status = calculateReplicaSetStatus(latest, current, manageError, clock.now(), clock.nowRfc3339());
    if (replicaSetStatusChanged(latest.status, status)) {
      api.updateStatus<ReplicaSet>({ ...latest, status });
    }
    if (thrown !== undefined) throw thrown;
    const after = nextAvailabilityCheckMs(latest, current, clock.now());
    const resume = this.pacer.waitMs(key, clock.now());
    if (resume > 0) return { requeueAfterMs: after === undefined ? resume : Math.min(after, resume) };
    return after === undefined ? undefined : { requeueAfterMs: after };
  }

  private manageReplicas(key: string, rs: StoredReplicaSet, pods: StoredPod[]): { manageError?: ManageError; thrown?: unknown } {
    const { api, events, clock } = this.ctx;
    const diff = pods.length - desiredReplicas(rs);
    const source = { component: REPLICASET_CONTROLLER_NAME };
    if (diff < 0) {
      const toCreate = Math.min(-diff, BURST_REPLICAS);
      this.expectations.expectCreations(key, toCreate);
      const controllerRef = ownerReferenceTo(rs as Stored, { controller: true });
      const namespace = rs.metadata.namespace ?? 'default';
      const { successes, error } = slowStartBatch(toCreate, SLOW_START_INITIAL_BATCH_SIZE, () => {
        const pod = podFromTemplate(rs.spec?.template, namespace, controllerRef, { generateName: `${rs.metadata.name}-` });
        try {
          const created = api.create<Pod>(pod);
          events.record(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`, source);
        } catch (err) {
          events.record(rs, 'Warning', 'FailedCreate', `Error creating: ${errorMessage(err)}`, source);
          throw err;
        }
      });
      // Pods never created will never be observed: stop expecting them.
      for (let i = successes; i < toCreate; i++) this.expectations.creationObserved(key);
      if (toCreate === BURST_REPLICAS) this.pacer.capped(key, successes, clock.now());
      if (error !== undefined) return { manageError: { reason: 'FailedCreate', message: errorMessage(error) }, thrown: error };
      return {};
    }
    if (diff > 0) {
      const count = Math.min(diff, BURST_REPLICAS);
      const victims = getPodsToDelete(pods, this.relatedPods(rs), count, clock.now());
      if (count === BURST_REPLICAS) this.pacer.capped(key, count, clock.now());
      this.expectations.expectDeletions(key, victims.map((p) => keyOf(p)));
      let firstError: unknown;
      for (const pod of victims) {
        try {
          api.delete('Pod', pod.metadata.namespace, pod.metadata.name);
          events.record(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, source);
        } catch (err) {
          this.expectations.deletionObserved(key, keyOf(pod));
          if (err instanceof ApiError && err.reason === 'NotFound') continue;
          events.record(rs, 'Warning', 'FailedDelete', `Error deleting: ${errorMessage(err)}`, source);
          firstError ??= err;
        }
      }
      if (firstError !== undefined) return { manageError: { reason: 'FailedDelete', message: errorMessage(firstError) }, thrown: firstError };
    }
    return {};
  }

  /** Pods of every ReplicaSet with the same controller (one Deployment's revisions): getIndirectlyRelatedPods. */
  private relatedPods(rs: StoredReplicaSet): StoredPod[] {
    const owner = controllerOf(rs);
    if (!owner) return [];
    const out: StoredPod[] = [];
    for (const sibling of ownedBy<ReplicaSet>(this.ctx.api, 'ReplicaSet', owner.uid)) {
      out.push(...this.podsByOwner.owned(sibling.metadata.uid));
    }
    return out;
  }

  /** The ReplicaSet keys an orphan pod's labels match: they may adopt it (getPodReplicaSets). */
  replicaSetsMatching(pod: StoredPod): string[] {
    const keys: string[] = [];
    const namespace = pod.metadata.namespace ?? 'default';
    for (const rs of this.ctx.api.peekList<ReplicaSet>('ReplicaSet', { namespace })) {
      const selector = fromLabelSelector(rs.spec?.selector);
      // An empty selector would match every pod; validation forbids it for ReplicaSets.
      if (selector && selector.length > 0 && matchesSelector(selector, pod.metadata.labels)) keys.push(objectKey(namespace, rs.metadata.name));
    }
    return keys;
  }
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
