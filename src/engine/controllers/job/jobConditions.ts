/**
 * Job conditions (pkg/controller/job/job_controller.go newCondition/ensureJobConditionStatus): a Job
 * finishes in two steps since Kubernetes 1.31: SuccessCriteriaMet (or FailureTarget) as soon as the
 * outcome is decided, then Complete (or Failed) once none of its pods is still running or terminating.
 */
import type { Job, JobCondition } from 'kubernetes-types/batch/v1';
import type { Stored } from '../../objects';

export type StoredJob = Stored<Job>;

export const REASON_COMPLETIONS_REACHED = 'CompletionsReached';
export const MESSAGE_COMPLETIONS_REACHED = 'Reached expected number of succeeded pods';
export const REASON_BACKOFF_LIMIT_EXCEEDED = 'BackoffLimitExceeded';
export const MESSAGE_BACKOFF_LIMIT_EXCEEDED = 'Job has reached the specified backoff limit';
export const REASON_DEADLINE_EXCEEDED = 'DeadlineExceeded';
export const MESSAGE_DEADLINE_EXCEEDED = 'Job was active longer than specified deadline';

export function findCondition(conditions: readonly JobCondition[] | undefined, type: string): JobCondition | undefined {
  return conditions?.find((c) => c.type === type);
}

export function hasTrueCondition(conditions: readonly JobCondition[] | undefined, type: string): boolean {
  return findCondition(conditions, type)?.status === 'True';
}

/** A Job is finished once it has a Complete or Failed condition that is True (IsJobFinished). */
export function isJobFinished(job: StoredJob): boolean {
  const c = job.status?.conditions;
  return hasTrueCondition(c, 'Complete') || hasTrueCondition(c, 'Failed');
}

/** When a finished Job finished: its completionTime, or the Failed condition's transition time. */
export function jobFinishTime(job: StoredJob): string | undefined {
  if (job.status?.completionTime) return job.status.completionTime;
  const cond = job.status?.conditions?.find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
  return cond?.lastTransitionTime;
}

export function newCondition(type: string, status: 'True' | 'False', reason: string, message: string, now: string): JobCondition {
  return { type, status, reason, message, lastProbeTime: now, lastTransitionTime: now };
}

/**
 * Sets a condition: a new one is appended; an existing one with another status, reason or message is
 * replaced, keeping its transition time only when the status did not change.
 */
export function setCondition(conditions: JobCondition[], next: JobCondition): JobCondition[] {
  const i = conditions.findIndex((c) => c.type === next.type);
  if (i < 0) return [...conditions, next];
  const old = conditions[i]!;
  if (old.status === next.status && old.reason === next.reason && old.message === next.message) return conditions;
  const merged = old.status === next.status ? { ...next, lastTransitionTime: old.lastTransitionTime } : next;
  return conditions.map((c, j) => (j === i ? merged : c));
}
