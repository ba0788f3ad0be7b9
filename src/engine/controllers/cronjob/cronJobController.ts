/**
 * The CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go syncCronJob). Each sync:
 * forgets active Jobs that finished (SawCompletedJob, lastSuccessfulTime) or vanished; deletes the
 * oldest finished Jobs beyond successfulJobsHistoryLimit / failedJobsHistoryLimit; then, unless
 * suspended, finds the most recent unmet schedule time (no older than startingDeadlineSeconds) and
 * starts a Job `<cronjob>-<scheduled time in minutes since the epoch>` for it, honouring
 * concurrencyPolicy (Allow, Forbid: skip while one runs, Replace: delete the running ones first). It
 * then sleeps until the next schedule time (plus 100 ms, as the real controller does).
 */
import type { CronJob, CronJobStatus, Job } from 'kubernetes-types/batch/v1';
import type { ObjectReference } from 'kubernetes-types/core/v1';
import { ApiError } from '../../apiserver/errors';
import { keyOf, ownerReferenceTo, splitKey, type Stored } from '../../objects';
import type { ControllerContext, SyncResult } from '../controllerRuntime';
import { ownedBy } from '../controllerutils/claim';
import { parseTime } from '../controllerutils/podStatus';
import { isJobFinished } from '../job/jobConditions';
import { CronParseError, formatInZone, formatRfc1123z, nextActivation, parseCronSchedule, validateTimeZone, type CronSchedule } from './cronSchedule';

export const CRONJOB_CONTROLLER_NAME = 'cronjob-controller';
export const CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

/** nextScheduleDelta: the controller wakes a little after each schedule time. */
const NEXT_SCHEDULE_DELTA_MS = 100;
/** More missed start times than this are reported (TooManyMissedTimes). */
const MAX_MISSED_TIMES = 100;

const SOURCE = { component: CRONJOB_CONTROLLER_NAME };

type StoredCronJob = Stored<CronJob>;
type StoredJob = Stored<Job>;

function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

function finishedType(job: StoredJob): 'Complete' | 'Failed' | undefined {
  const c = job.status?.conditions?.find((x) => (x.type === 'Complete' || x.type === 'Failed') && x.status === 'True');
  return c?.type as 'Complete' | 'Failed' | undefined;
}

function jobReference(job: StoredJob): ObjectReference {
  return { apiVersion: 'batch/v1', kind: 'Job', name: job.metadata.name, namespace: job.metadata.namespace, uid: job.metadata.uid, resourceVersion: job.metadata.resourceVersion };
}

/** The Job name for a schedule time: minutes since the epoch (getTimeHashInMinutes). */
export function jobNameFor(cronJobName: string, scheduledMs: number): string {
  return `${cronJobName}-${Math.floor(scheduledMs / 60_000)}`;
}

export class CronJobSyncer {
  constructor(private readonly ctx: ControllerContext) {}

  sync(key: string): SyncResult | void {
    const { api, clock } = this.ctx;
    const { namespace, name } = splitKey(key);
    const cj = api.get<CronJob>('CronJob', namespace, name);
    if (!cj || cj.metadata.deletionTimestamp) return;
    const now = clock.now();
    const jobs = ownedBy<Job>(api, 'Job', cj.metadata.uid);
    const status: CronJobStatus = { ...cj.status };
    let active = [...(cj.status?.active ?? [])];

    const byUid = new Map(jobs.map((j) => [j.metadata.uid, j]));
    for (const job of jobs) {
      const inActive = active.some((r) => r.uid === job.metadata.uid);
      const done = finishedType(job);
      if (inActive && done) {
        active = active.filter((r) => r.uid !== job.metadata.uid);
        this.ctx.events.record(cj, 'Normal', 'SawCompletedJob', `Saw completed job: ${job.metadata.name}, condition: ${done}`, SOURCE);
        const completed = parseTime(job.status?.completionTime);
        if (done === 'Complete' && completed !== undefined && (parseTime(status.lastSuccessfulTime) ?? 0) < completed) status.lastSuccessfulTime = job.status!.completionTime!;
      }
    }
    active = active.filter((r) => {
      if (byUid.has(r.uid ?? '')) return true;
      const job = api.get<Job>('Job', r.namespace ?? namespace, r.name ?? '');
      return job !== undefined && job.metadata.uid === r.uid;
    });
    this.cleanupFinishedJobs(cj, jobs);

    const write = () => {
      const next: CronJobStatus = {
        ...(active.length > 0 ? { active } : {}),
        ...(status.lastScheduleTime ? { lastScheduleTime: status.lastScheduleTime } : {}),
        ...(status.lastSuccessfulTime ? { lastSuccessfulTime: status.lastSuccessfulTime } : {}),
      };
      const latest = api.get<CronJob>('CronJob', namespace, name) ?? cj;
      if (JSON.stringify(latest.status ?? {}) !== JSON.stringify(next)) api.updateStatus<CronJob>({ ...latest, status: next });
    };

    if (cj.spec?.suspend) {
      write();
      return;
    }
    const timeZone = cj.spec?.timeZone ?? undefined;
    let schedule: CronSchedule;
    try {
      if (timeZone) validateTimeZone(timeZone);
    } catch {
      this.ctx.events.record(cj, 'Warning', 'UnknownTimeZone', `invalid timeZone: "${timeZone}": unknown time zone ${timeZone}`, SOURCE);
      write();
      return;
    }
    try {
      schedule = parseCronSchedule(cj.spec?.schedule ?? '');
    } catch (err) {
      const why = err instanceof CronParseError ? err.message : String(err);
      this.ctx.events.record(cj, 'Warning', 'InvalidSchedule', `invalid schedule: ${cj.spec?.schedule ?? ''} : ${why}`, SOURCE);
      write();
      return;
    }
    const wakeUp = (): SyncResult | void => {
      const next = nextActivation(schedule, now, timeZone);
      return next === undefined ? undefined : { requeueAfterMs: next - now + NEXT_SCHEDULE_DELTA_MS };
    };

    const scheduled = this.mostRecentScheduleTime(cj, schedule, now, timeZone);
    if (scheduled === undefined) {
      write();
      return wakeUp();
    }
    const deadline = cj.spec?.startingDeadlineSeconds;
    if (deadline != null && scheduled + deadline * 1000 < now) {
      this.ctx.events.record(cj, 'Warning', 'MissSchedule', `Missed scheduled time to start a job: ${formatRfc1123z(scheduled, timeZone)}`, SOURCE);
      write();
      return wakeUp();
    }
    const jobName = jobNameFor(cj.metadata.name, scheduled);
    if (active.some((r) => r.name === jobName) || status.lastScheduleTime === rfc3339(scheduled)) {
      write();
      return wakeUp();
    }
    const policy = cj.spec?.concurrencyPolicy ?? 'Allow';
    if (policy === 'Forbid' && active.length > 0) {
      // Kubernetes leaves this time unmet and tries it again until startingDeadlineSeconds passes.
      this.ctx.events.record(cj, 'Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid', SOURCE);
      write();
      return wakeUp();
    }
    if (policy === 'Replace') {
      for (const ref of active) {
        this.deleteJob(cj, ref.name ?? '');
      }
      active = [];
    }
    try {
      const created = api.create<Job>(this.jobFromTemplate(cj, jobName, scheduled, timeZone));
      this.ctx.events.record(cj, 'Normal', 'SuccessfulCreate', `Created job ${created.metadata.name}`, SOURCE);
      active.push(jobReference(created));
    } catch (err) {
      if (!(err instanceof ApiError && err.reason === 'AlreadyExists')) {
        this.ctx.events.record(cj, 'Warning', 'FailedCreate', `Error creating job: ${err instanceof Error ? err.message : String(err)}`, SOURCE);
        write();
        throw err;
      }
      // The Job for this time exists already (a previous sync made it): count the time as met.
    }
    status.lastScheduleTime = rfc3339(scheduled);
    write();
    return wakeUp();
  }

  /**
   * The latest schedule time in (earliest, now], where earliest is the last schedule time (or the
   * CronJob's creation), moved forward to now − startingDeadlineSeconds when that is later.
   */
  private mostRecentScheduleTime(cj: StoredCronJob, schedule: CronSchedule, now: number, timeZone: string | undefined): number | undefined {
    let earliest = parseTime(cj.status?.lastScheduleTime) ?? parseTime(cj.metadata.creationTimestamp) ?? now;
    const deadline = cj.spec?.startingDeadlineSeconds;
    if (deadline != null) earliest = Math.max(earliest, now - deadline * 1000);
    let t = nextActivation(schedule, earliest, timeZone);
    if (t === undefined || t > now) return undefined;
    let missed = 0;
    for (;;) {
      const n = nextActivation(schedule, t, timeZone);
      if (n === undefined || n > now) break;
      t = n;
      if (++missed > MAX_MISSED_TIMES * 10) break;
    }
    if (missed > MAX_MISSED_TIMES) {
      this.ctx.events.record(cj, 'Warning', 'TooManyMissedTimes', `too many missed start times: ${missed}. Set or decrease .spec.startingDeadlineSeconds or check clock skew`, SOURCE);
    }
    return t;
  }

  /** getJobFromTemplate2: the Job for one schedule time, owned by the CronJob. */
  private jobFromTemplate(cj: StoredCronJob, name: string, scheduled: number, timeZone: string | undefined): Job {
    const template = cj.spec?.jobTemplate;
    return {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name,
        namespace: cj.metadata.namespace ?? 'default',
        ...(template?.metadata?.labels ? { labels: template.metadata.labels } : {}),
        annotations: { ...template?.metadata?.annotations, [CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION]: formatInZone(scheduled, timeZone) },
        ownerReferences: [ownerReferenceTo(cj as Stored, { controller: true })],
      },
      spec: template?.spec ?? { template: {} },
    };
  }

  /** History limits: the oldest finished Jobs beyond the limits go (by start time). */
  private cleanupFinishedJobs(cj: StoredCronJob, jobs: readonly StoredJob[]): void {
    const limits: Array<['Complete' | 'Failed', number | undefined]> = [
      ['Complete', cj.spec?.successfulJobsHistoryLimit ?? undefined],
      ['Failed', cj.spec?.failedJobsHistoryLimit ?? undefined],
    ];
    for (const [type, limit] of limits) {
      if (limit === undefined) continue;
      const finished = jobs.filter((j) => isJobFinished(j) && finishedType(j) === type && !j.metadata.deletionTimestamp);
      if (finished.length <= limit) continue;
      const startOf = (j: StoredJob) => parseTime(j.status?.startTime) ?? parseTime(j.metadata.creationTimestamp) ?? 0;
      finished.sort((a, b) => startOf(a) - startOf(b) || a.metadata.name.localeCompare(b.metadata.name));
      for (const job of finished.slice(0, finished.length - limit)) this.deleteJob(cj, job.metadata.name);
    }
  }

  private deleteJob(cj: StoredCronJob, jobName: string): void {
    try {
      this.ctx.api.delete('Job', cj.metadata.namespace, jobName, { propagationPolicy: 'Background' });
      this.ctx.events.record(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${jobName}`, SOURCE);
    } catch (err) {
      if (err instanceof ApiError && err.reason === 'NotFound') return;
      this.ctx.events.record(cj, 'Warning', 'FailedDelete', `Deleted job: ${err instanceof Error ? err.message : String(err)}`, SOURCE);
      throw err;
    }
  }
}

export function cronJobKeyOfJob(job: StoredJob): string | undefined {
  const ref = job.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'CronJob');
  return ref ? keyOf({ metadata: { namespace: job.metadata.namespace, name: ref.name } }) : undefined;
}
