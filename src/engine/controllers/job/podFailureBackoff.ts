/**
 * The Job controller's delay before replacing failed pods (pkg/controller/job/backoff_utils.go): the
 * delay doubles with each failure since the last success, from 10 s, capped at 6 minutes, and is counted
 * from the time the last failed pod finished.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../objects';
import { parseTime } from '../controllerutils/podStatus';

export const DEFAULT_JOB_POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_JOB_POD_FAILURE_BACKOFF_MS = 6 * 60_000;

export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  lastFailureTime?: number;
}

/**
 * When a pod finished (getFinishedTime): the latest container finishedAt, else the time its Ready
 * condition went False, else its deletion time, else `fallback`.
 */
export function podFinishedTime(pod: Stored<Pod>, fallback: number): number {
  let latest: number | undefined;
  for (const s of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) {
    const t = parseTime(s.state?.terminated?.finishedAt);
    if (t !== undefined && (latest === undefined || t > latest)) latest = t;
  }
  if (latest !== undefined) return latest;
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'False');
  return parseTime(ready?.lastTransitionTime) ?? parseTime(pod.metadata.deletionTimestamp) ?? fallback;
}

/** Folds newly finished pods (in finish order) into the record: a success resets the failure count. */
export function updateBackoffRecord(record: BackoffRecord, finished: readonly { failed: boolean; at: number }[]): BackoffRecord {
  let next = record;
  for (const f of [...finished].sort((a, b) => a.at - b.at)) {
    next = f.failed ? { failuresAfterLastSuccess: next.failuresAfterLastSuccess + 1, lastFailureTime: f.at } : { failuresAfterLastSuccess: 0 };
  }
  return next;
}

/** Milliseconds to wait before creating replacement pods; 0 when none. */
export function remainingBackoffMs(record: BackoffRecord, nowMs: number): number {
  if (record.failuresAfterLastSuccess === 0 || record.lastFailureTime === undefined) return 0;
  const delay = Math.min(MAX_JOB_POD_FAILURE_BACKOFF_MS, DEFAULT_JOB_POD_FAILURE_BACKOFF_MS * 2 ** (record.failuresAfterLastSuccess - 1));
  return Math.max(0, record.lastFailureTime + delay - nowMs);
}
