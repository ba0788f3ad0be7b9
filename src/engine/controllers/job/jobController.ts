/**
 * The Job controller (pkg/controller/job/job_controller.go syncJob): runs pods until `completions` of
 * them succeed (or, without completions, until one succeeds and the rest finish), at most
 * `parallelism` at a time; counts active, ready, terminating, succeeded and failed pods; replaces
 * failed pods after the pod-failure backoff; fails the Job past backoffLimit or activeDeadlineSeconds;
 * deletes the active pods of a suspended Job and starts them again when it resumes.
 *
 * Kubernetes keeps each finished pod's count safe with the `batch.kubernetes.io/job-tracking`
 * finalizer; the playground keeps the uids it has counted in memory instead (it never loses its
 * controller's memory), so a finished pod deleted later still counts once and only once.
 */
import type { Job, JobCondition, JobStatus } from 'kubernetes-types/batch/v1';
import type { Container, Pod } from 'kubernetes-types/core/v1';
import { ApiError } from '../../apiserver/errors';
import { fromLabelSelector } from '../../apiserver/labels';
import { keyOf, ownerReferenceTo, splitKey, type Stored } from '../../objects';
import type { ControllerContext, SyncResult } from '../controllerRuntime';
import { claimObjects } from '../controllerutils/claim';
import { ControllerExpectations } from '../controllerutils/expectations';
import type { OrphanIndex } from '../controllerutils/orphanIndex';
import type { OwnerIndex } from '../controllerutils/ownerIndex';
import { createPodIndexes, type PodIndexes } from '../controllerutils/podIndexes';
import { getPodsToDelete } from '../controllerutils/podDeletionRanking';
import { isPodActive, isPodReady, parseTime, type StoredPod } from '../controllerutils/podStatus';
import { podFromTemplate } from '../controllerutils/podTemplate';
import { SLOW_START_INITIAL_BATCH_SIZE, slowStartBatch } from '../controllerutils/slowStart';
import { BurstPacer } from '../controllerutils/burstPacer';
import { completionIndexOf, formatIndexes, JOB_COMPLETION_INDEX_ANNOTATION, JOB_INDEX_ENV, parseIndexes } from './completionIndexes';
import {
  findCondition,
  hasTrueCondition,
  isJobFinished,
  MESSAGE_BACKOFF_LIMIT_EXCEEDED,
  MESSAGE_COMPLETIONS_REACHED,
  MESSAGE_DEADLINE_EXCEEDED,
  newCondition,
  REASON_BACKOFF_LIMIT_EXCEEDED,
  REASON_COMPLETIONS_REACHED,
  REASON_DEADLINE_EXCEEDED,
  setCondition,
  type StoredJob,
} from './jobConditions';
import { podFinishedTime, remainingBackoffMs, updateBackoffRecord, type BackoffRecord } from './podFailureBackoff';

export const JOB_CONTROLLER_NAME = 'job-controller';

/** MaxPodCreateDeletePerSync: the most pods one sync creates or deletes. */
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;

const SOURCE = { component: JOB_CONTROLLER_NAME };

/** What the controller remembers of a Job between syncs. */
interface JobTracking {
  /** Uids of finished pods already counted in status.succeeded / status.failed. */
  counted: Set<string>;
  /** Pods removed from the API before a sync could count them. */
  vanished: StoredPod[];
  backoff: BackoffRecord;
}

interface NewlyFinished {
  succeeded: StoredPod[];
  failed: StoredPod[];
}

export class JobSyncer {
  readonly expectations: ControllerExpectations;
  readonly podsByOwner: OwnerIndex<Pod>;
  private readonly orphanPods: OrphanIndex;
  private readonly tracking = new Map<string, JobTracking>();
  /** After a sync that hit MAX_POD_CREATE_DELETE_PER_SYNC, the next waits for the API client's rate limit. */
  private readonly pacer = new BurstPacer();

  constructor(
    private readonly ctx: ControllerContext,
    indexes: PodIndexes = createPodIndexes(ctx.api),
  ) {
    this.expectations = new ControllerExpectations(ctx.clock);
    this.podsByOwner = indexes.podsByOwner;
    this.orphanPods = indexes.orphanPods;
  }

  /** Called from the pod watch: a pod of the Job left the API server. */
  podDeleted(jobUid: string, pod: StoredPod): void {
    const t = this.trackingOf(jobUid);
    if (!t.counted.has(pod.metadata.uid)) t.vanished.push(pod);
  }

  sync(key: string): SyncResult | void {
    const { api, clock } = this.ctx;
    const { namespace, name } = splitKey(key);
    const job = api.get<Job>('Job', namespace, name);
    if (!job) {
      this.expectations.delete(key);
      this.pacer.forget(key);
      return;
    }
    if (isJobFinished(job) || job.metadata.deletionTimestamp) return;
    const t = this.trackingOf(job.metadata.uid);
    const needsSync = this.expectations.satisfied(key);
    const selector = fromLabelSelector(job.spec?.selector);
    const pods = selector
      ? claimObjects<Pod>({
          api,
          owner: job,
          selector,
          owned: [...this.podsByOwner.owned(job.metadata.uid)],
          orphans: this.orphanPods.list<Pod>(job.metadata.namespace ?? 'default'),
        })
      : [];

    const now = clock.now();
    const nowIso = clock.nowRfc3339();
    const spec = job.spec!;
    const status: JobStatus = job.status ?? {};
    const indexed = spec.completionMode === 'Indexed';
    const completions = spec.completions ?? undefined;
    const backoffLimit = spec.backoffLimit ?? 6;

    const finished = this.newlyFinished(t, pods);
    let succeeded = (status.succeeded ?? 0) + finished.succeeded.length;
    const failed = (status.failed ?? 0) + finished.failed.length;
    let completed: Set<number> | undefined;
    if (indexed && completions !== undefined) {
      // The completion index alone avoids recounting: succeeded is the number of distinct indexes.
      completed = parseIndexes(status.completedIndexes, completions);
      for (const p of finished.succeeded) {
        const ix = completionIndexOf(p);
        if (ix !== undefined && ix < completions) completed.add(ix);
      }
      succeeded = completed.size;
    }
    const backoff = updateBackoffRecord(t.backoff, [
      ...finished.succeeded.map((p) => ({ failed: false, at: podFinishedTime(p, now) })),
      ...finished.failed.map((p) => ({ failed: true, at: podFinishedTime(p, now) })),
    ]);

    const active = pods.filter(isPodActive);
    let conditions: JobCondition[] = status.conditions ?? [];
    let startTime = status.startTime;
    let completionTime: string | undefined;
    let requeueAfterMs: number | undefined;
    const suspended = spec.suspend === true;

    // Decide the outcome once: FailureTarget or SuccessCriteriaMet, then the terminal condition later.
    if (!hasTrueCondition(conditions, 'FailureTarget') && !hasTrueCondition(conditions, 'SuccessCriteriaMet')) {
      const deadlineMs = spec.activeDeadlineSeconds != null ? spec.activeDeadlineSeconds * 1000 : undefined;
      const started = parseTime(startTime);
      if (failed > backoffLimit || pastBackoffLimitOnFailure(job, active, backoffLimit)) {
        // backoffLimit (pkg/controller/job: failed > backoffLimit, or restarts of OnFailure pods).
        conditions = setCondition(conditions, newCondition('FailureTarget', 'True', REASON_BACKOFF_LIMIT_EXCEEDED, MESSAGE_BACKOFF_LIMIT_EXCEEDED, nowIso));
      } else if (!suspended && deadlineMs !== undefined && started !== undefined && now - started >= deadlineMs) {
        conditions = setCondition(conditions, newCondition('FailureTarget', 'True', REASON_DEADLINE_EXCEEDED, MESSAGE_DEADLINE_EXCEEDED, nowIso));
      } else if (completions === undefined ? succeeded > 0 && active.length === 0 : succeeded >= completions) {
        conditions = setCondition(conditions, newCondition('SuccessCriteriaMet', 'True', REASON_COMPLETIONS_REACHED, MESSAGE_COMPLETIONS_REACHED, nowIso));
      } else if (!suspended && deadlineMs !== undefined && started !== undefined) {
        requeueAfterMs = started + deadlineMs - now;
      }
    }

    const failureTarget = findCondition(conditions, 'FailureTarget');
    const outcomeDecided = failureTarget?.status === 'True' || hasTrueCondition(conditions, 'SuccessCriteriaMet');
    if (outcomeDecided) {
      // The outcome is decided: remaining pods are stopped; the terminal condition waits for them.
      this.deletePods(key, job, active);
      const stillRunning = [...this.podsByOwner.owned(job.metadata.uid)].some((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
      if (!stillRunning) {
        if (failureTarget?.status === 'True') {
          conditions = setCondition(conditions, newCondition('Failed', 'True', failureTarget.reason ?? '', failureTarget.message ?? '', nowIso));
          this.ctx.events.record(job, 'Warning', failureTarget.reason ?? 'Failed', failureTarget.message ?? '', SOURCE);
        } else {
          conditions = setCondition(conditions, newCondition('Complete', 'True', REASON_COMPLETIONS_REACHED, MESSAGE_COMPLETIONS_REACHED, nowIso));
          completionTime = nowIso;
          this.ctx.events.record(job, 'Normal', 'Completed', 'Job completed', SOURCE);
        }
      }
    } else if (suspended) {
      // Suspending deletes the active pods (spec.suspend, KEP-2232); the Suspended condition says so.
      this.deletePods(key, job, active);
      if (!hasTrueCondition(conditions, 'Suspended')) {
        conditions = setCondition(conditions, newCondition('Suspended', 'True', 'JobSuspended', 'Job suspended', nowIso));
        this.ctx.events.record(job, 'Normal', 'Suspended', 'Job suspended', SOURCE);
      }
    } else {
      if (hasTrueCondition(conditions, 'Suspended')) {
        conditions = setCondition(conditions, newCondition('Suspended', 'False', 'JobResumed', 'Job resumed', nowIso));
        this.ctx.events.record(job, 'Normal', 'Resumed', 'Job resumed', SOURCE);
        // Resuming restarts the activeDeadlineSeconds timer.
        startTime = nowIso;
      }
      startTime ??= nowIso;
      if (needsSync) {
        const wait = this.manageJob(key, job, active, succeeded, completed, backoff, now);
        if (wait !== undefined) requeueAfterMs = requeueAfterMs === undefined ? wait : Math.min(requeueAfterMs, wait);
      }
      if (requeueAfterMs === undefined && spec.activeDeadlineSeconds != null) {
        requeueAfterMs = parseTime(startTime)! + spec.activeDeadlineSeconds * 1000 - now;
      }
    }

    // Count the pods as they are after this sync's creations and deletions.
    const current = [...this.podsByOwner.owned(job.metadata.uid)];
    const activeNow = current.filter(isPodActive);
    const next: JobStatus = {
      ...(conditions.length > 0 ? { conditions } : {}),
      ...(startTime ? { startTime } : {}),
      ...(completionTime ?? status.completionTime ? { completionTime: completionTime ?? status.completionTime } : {}),
      ...(activeNow.length > 0 ? { active: activeNow.length } : {}),
      ...(succeeded > 0 ? { succeeded } : {}),
      ...(failed > 0 ? { failed } : {}),
      ...(completed && completed.size > 0 ? { completedIndexes: formatIndexes(completed) } : {}),
      ready: activeNow.filter(isPodReady).length,
      terminating: current.filter((p) => p.metadata.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed').length,
      uncountedTerminatedPods: {},
    };
    const latest = api.get<Job>('Job', namespace, name) ?? job;
    if (JSON.stringify(latest.status ?? {}) !== JSON.stringify(next)) api.updateStatus<Job>({ ...latest, status: next });
    for (const p of [...finished.succeeded, ...finished.failed]) t.counted.add(p.metadata.uid);
    // Pods that vanished during this sync (an unbound pod deleted at once) are counted next time.
    t.vanished = t.vanished.filter((p) => !t.counted.has(p.metadata.uid));
    t.backoff = backoff;
    return requeueAfterMs === undefined ? undefined : { requeueAfterMs: Math.max(1, requeueAfterMs) };
  }

  private trackingOf(jobUid: string): JobTracking {
    let t = this.tracking.get(jobUid);
    if (!t) this.tracking.set(jobUid, (t = { counted: new Set(), vanished: [], backoff: { failuresAfterLastSuccess: 0 } }));
    return t;
  }

  /**
   * Pods finished since the last count. A pod being deleted that has not succeeded counts as failed
   * (isPodFailed: deleted pods are failures, so that orphaned pods are never lost).
   */
  private newlyFinished(t: JobTracking, pods: readonly StoredPod[]): NewlyFinished {
    const out: NewlyFinished = { succeeded: [], failed: [] };
    const seen = new Set<string>();
    for (const p of [...pods, ...t.vanished]) {
      const uid = p.metadata.uid;
      if (t.counted.has(uid) || seen.has(uid)) continue;
      const phase = p.status?.phase;
      const gone = t.vanished.includes(p);
      if (phase === 'Succeeded') out.succeeded.push(p);
      else if (phase === 'Failed' || p.metadata.deletionTimestamp || gone) out.failed.push(p);
      else continue;
      seen.add(uid);
    }
    return out;
  }

  /** Creates or deletes pods towards the wanted number of active ones; returns a delay to look again. */
  private manageJob(
    key: string,
    job: StoredJob,
    active: StoredPod[],
    succeeded: number,
    completed: Set<number> | undefined,
    backoff: BackoffRecord,
    now: number,
  ): number | undefined {
    const paced = this.pacer.waitMs(key, now);
    if (paced > 0) return paced;
    const spec = job.spec!;
    const parallelism = spec.parallelism ?? 1;
    const completions = spec.completions ?? undefined;
    let wantActive: number;
    if (completions === undefined) {
      // No completions: once one pod succeeded, no new pods start; the others run to the end.
      wantActive = succeeded > 0 ? active.length : parallelism;
    } else {
      wantActive = Math.max(0, Math.min(parallelism, completions - succeeded));
    }

    if (completed !== undefined && completions !== undefined) {
      // Indexed: pods of an index already done, out of range or duplicated go away first.
      const keep: StoredPod[] = [];
      const surplus: StoredPod[] = [];
      const seenIndex = new Set<number>();
      for (const p of active) {
        const ix = completionIndexOf(p);
        if (ix === undefined || ix >= completions || completed.has(ix) || seenIndex.has(ix)) surplus.push(p);
        else {
          seenIndex.add(ix);
          keep.push(p);
        }
      }
      if (keep.length > wantActive) surplus.push(...getPodsToDelete(keep, [], keep.length - wantActive, now));
      this.deletePods(key, job, surplus.slice(0, MAX_POD_CREATE_DELETE_PER_SYNC));
      const missing: number[] = [];
      for (let ix = 0; ix < completions && missing.length < wantActive - Math.min(keep.length, wantActive); ix++) {
        if (!completed.has(ix) && !seenIndex.has(ix)) missing.push(ix);
      }
      if (missing.length === 0) return undefined;
      const wait = remainingBackoffMs(backoff, now);
      if (wait > 0) return wait;
      this.createPods(key, job, missing.slice(0, MAX_POD_CREATE_DELETE_PER_SYNC));
      return undefined;
    }

    const diff = active.length - wantActive;
    if (diff > 0) {
      this.deletePods(key, job, getPodsToDelete(active, [], Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC), now));
      return undefined;
    }
    if (diff < 0) {
      const wait = remainingBackoffMs(backoff, now);
      if (wait > 0) return wait;
      this.createPods(key, job, new Array<undefined>(Math.min(-diff, MAX_POD_CREATE_DELETE_PER_SYNC)).fill(undefined));
    }
    return undefined;
  }

  /** One pod per entry: an index for Indexed Jobs, undefined otherwise. */
  private createPods(key: string, job: StoredJob, indexes: readonly (number | undefined)[]): void {
    const { api, events, clock } = this.ctx;
    if (indexes.length === MAX_POD_CREATE_DELETE_PER_SYNC) this.pacer.capped(key, indexes.length, clock.now());
    this.expectations.expectCreations(key, indexes.length);
    const controllerRef = ownerReferenceTo(job as Stored, { controller: true });
    const namespace = job.metadata.namespace ?? 'default';
    let next = 0;
    const { successes, error } = slowStartBatch(indexes.length, SLOW_START_INITIAL_BATCH_SIZE, () => {
      const pod = jobPod(job, namespace, controllerRef, indexes[next++]);
      try {
        const created = api.create<Pod>(pod);
        events.record(job, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`, SOURCE);
      } catch (err) {
        events.record(job, 'Warning', 'FailedCreate', `Error creating: ${errorMessage(err)}`, SOURCE);
        throw err;
      }
    });
    for (let i = successes; i < indexes.length; i++) this.expectations.creationObserved(key);
    if (error !== undefined) throw error;
  }

  private deletePods(key: string, job: StoredJob, pods: readonly StoredPod[]): void {
    if (pods.length === 0) return;
    const { api, events } = this.ctx;
    if (pods.length === MAX_POD_CREATE_DELETE_PER_SYNC) this.pacer.capped(key, pods.length, this.ctx.clock.now());
    this.expectations.expectDeletions(key, pods.map((p) => keyOf(p)));
    let firstError: unknown;
    for (const pod of pods) {
      try {
        api.delete('Pod', pod.metadata.namespace, pod.metadata.name);
        events.record(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`, SOURCE);
      } catch (err) {
        this.expectations.deletionObserved(key, keyOf(pod));
        if (err instanceof ApiError && err.reason === 'NotFound') continue;
        events.record(job, 'Warning', 'FailedDelete', `Error deleting: ${errorMessage(err)}`, SOURCE);
        firstError ??= err;
      }
    }
    if (firstError !== undefined) throw firstError;
  }
}

/**
 * pastBackoffLimitOnFailure: with restartPolicy OnFailure the kubelet restarts containers in place, so
 * the container restarts of the running pods count against backoffLimit.
 */
function pastBackoffLimitOnFailure(job: StoredJob, active: readonly StoredPod[], backoffLimit: number): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of active) {
    if (p.status?.phase !== 'Running' && p.status?.phase !== 'Pending') continue;
    for (const s of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]) restarts += s.restartCount;
  }
  return backoffLimit === 0 ? restarts > 0 : restarts >= backoffLimit;
}

/**
 * The pod for one completion: `<job>-<5 chars>`, or for an Indexed Job `<job>-<index>-<5 chars>` with
 * the index annotation and label, hostname `<job>-<index>` and the JOB_COMPLETION_INDEX variable.
 */
function jobPod(job: StoredJob, namespace: string, controllerRef: ReturnType<typeof ownerReferenceTo>, index: number | undefined): Pod {
  const jobName = job.metadata.name;
  if (index === undefined) return podFromTemplate(job.spec?.template, namespace, controllerRef, { generateName: `${jobName}-` });
  const pod = podFromTemplate(job.spec?.template, namespace, controllerRef, { generateName: `${jobName}-${index}-` });
  const ix = String(index);
  const withIndexEnv = (c: Container): Container => ({
    ...c,
    env: [...(c.env ?? []), { name: JOB_INDEX_ENV, valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: `metadata.annotations['${JOB_COMPLETION_INDEX_ANNOTATION}']` } } }],
  });
  const spec = pod.spec!;
  return {
    ...pod,
    metadata: {
      ...pod.metadata,
      annotations: { ...pod.metadata?.annotations, [JOB_COMPLETION_INDEX_ANNOTATION]: ix },
      labels: { ...pod.metadata?.labels, [JOB_COMPLETION_INDEX_ANNOTATION]: ix },
    },
    spec: {
      ...spec,
      hostname: spec.hostname || `${jobName}-${ix}`,
      containers: spec.containers.map(withIndexEnv),
      ...(spec.initContainers ? { initContainers: spec.initContainers.map(withIndexEnv) } : {}),
    },
  };
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
