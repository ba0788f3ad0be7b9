/**
 * The kubelet's back-off bookkeeping (client-go's flowcontrol.Backoff, as the kubelet uses it for
 * container restarts and image pulls): 10 s initial, doubling, capped at 300 s. An entry not touched
 * for twice the cap (10 minutes) has expired: the next failure starts again from nothing. So a
 * container's first crash restarts it at once, the next ones wait 10 s, 20 s, 40 s ... 300 s, and a
 * container that ran for 10 minutes before crashing is restarted at once again.
 */
export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;

export interface BackoffEntry {
  durationMs: number;
  lastUpdateMs: number;
}

function hasExpired(eventMs: number, lastUpdateMs: number): boolean {
  return eventMs - lastUpdateMs > 2 * BACKOFF_MAX_MS;
}

/** Remaining wait (ms) if the thing that happened at `eventMs` is still inside its back-off window. */
export function backoffRemaining(entry: BackoffEntry | undefined, eventMs: number, nowMs: number): number {
  if (!entry || hasExpired(eventMs, entry.lastUpdateMs)) return 0;
  return Math.max(0, eventMs + entry.durationMs - nowMs);
}

/** Records another attempt at `nowMs` (Backoff.Next). */
export function nextBackoff(entry: BackoffEntry | undefined, nowMs: number): BackoffEntry {
  if (!entry || hasExpired(nowMs, entry.lastUpdateMs)) return { durationMs: BACKOFF_INITIAL_MS, lastUpdateMs: nowMs };
  return { durationMs: Math.min(entry.durationMs * 2, BACKOFF_MAX_MS), lastUpdateMs: nowMs };
}
