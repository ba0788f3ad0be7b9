/**
 * The shapes of the cluster's chart history (clusterHistory.ts), apart from the sampler so the page can
 * import them without pulling in any of the engine.
 */

/** What each kind's samples hold, in this order (units in the names: m = millicores, Mi = mebibytes, /s = per second). */
export const HISTORY_FIELDS = {
  /** spec.replicas, and status.readyReplicas / availableReplicas / updatedReplicas. */
  Deployment: ['desired', 'ready', 'available', 'updated'],
  /** CPU utilisation (% of requests) as the HPA last measured it, its target, and status current/desired replicas. */
  HorizontalPodAutoscaler: ['cpuPercent', 'cpuTargetPercent', 'replicas', 'desiredReplicas'],
  /** The requests of the pods on the node as the scheduler counts them (non-terminated, bound or assumed), and its allocatable. */
  Node: ['cpuRequestedMilli', 'cpuAllocatableMilli', 'memoryRequestedMi', 'memoryAllocatableMi'],
  /** Requests and failed requests per second over the last RATE_WINDOW_MS. */
  Service: ['requestsPerSecond', 'errorsPerSecond'],
} as const;

export type HistoryKind = keyof typeof HISTORY_FIELDS;
export type HistoryField<K extends HistoryKind> = (typeof HISTORY_FIELDS)[K][number];

export function isHistoryKind(kind: string): kind is HistoryKind {
  return Object.hasOwn(HISTORY_FIELDS, kind);
}

/** One object's samples, oldest first: plain data, it crosses postMessage. */
export interface HistorySeries<K extends HistoryKind = HistoryKind> {
  kind: K;
  namespace?: string;
  name: string;
  intervalMs: number;
  /** The fields, in the order of `values`. */
  fields: readonly HistoryField<K>[];
  /** Virtual time (epoch ms) of each sample. */
  times: number[];
  /** Per field, one value per sample; null where it was not known. */
  values: (number | null)[][];
}

