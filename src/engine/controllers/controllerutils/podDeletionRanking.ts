/**
 * Which pods a controller removes first when it scales down: controller.ActivePodsWithRanks, used by
 * the ReplicaSet controller's getPodsToDelete. Earlier in the order means deleted sooner:
 *   1. unassigned before assigned;
 *   2. Pending before Unknown before Running;
 *   3. not ready before ready;
 *   4. lower controller.kubernetes.io/pod-deletion-cost before higher;
 *   5. more related pods on the same node (doubled up) before fewer;
 *   6. ready for less time before ready longer (compared on a log2 scale: LogarithmicScaleDown, on by default);
 *   7. more container restarts before fewer;
 *   8. newer before older (also on a log2 scale), with the pod UID as the last tie-break.
 */
import type { StoredPod } from './podStatus';
import { isPodActive, isPodReady, parseTime, podReadyCondition } from './podStatus';

export const POD_DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

interface RankedPod {
  pod: StoredPod;
  /** Number of active related pods on the same node. */
  rank: number;
}

function deletionCost(pod: StoredPod): number {
  const raw = pod.metadata.annotations?.[POD_DELETION_COST_ANNOTATION];
  const n = raw === undefined ? 0 : Number.parseInt(raw, 10);
  return Number.isFinite(n) ? n : 0;
}

function readySince(pod: StoredPod): number | undefined {
  return isPodReady(pod) ? parseTime(podReadyCondition(pod)?.lastTransitionTime) : undefined;
}

function maxContainerRestarts(pod: StoredPod): number {
  let max = 0;
  for (const s of pod.status?.containerStatuses ?? []) if (s.restartCount > max) max = s.restartCount;
  return max;
}

/** Kubernetes measures these durations in nanoseconds; the ranks are floor(log2(ns)), -1 for none. */
function logRank(since: number, nowMs: number): number {
  const ns = (nowMs - since) * 1e6;
  return ns > 0 ? Math.floor(Math.log2(ns)) : -1;
}

/**
 * Orders two timestamps "newer first": a missing timestamp sorts first, then a later one (afterOrZero),
 * compared on log2 buckets of their age; -1/1, or 0 when the buckets are equal.
 */
function compareNewerFirst(t1: number | undefined, t2: number | undefined, nowMs: number): number {
  if (t1 === t2) return 0;
  if (t1 === undefined) return -1;
  if (t2 === undefined) return 1;
  return Math.sign(logRank(t1, nowMs) - logRank(t2, nowMs));
}

/** Negative when `a` should be deleted before `b`. */
function compareForDeletion(a: RankedPod, b: RankedPod, nowMs: number): number {
  const pa = a.pod;
  const pb = b.pod;
  const na = pa.spec?.nodeName ?? '';
  const nb = pb.spec?.nodeName ?? '';
  if (na !== nb && (na === '' || nb === '')) return na === '' ? -1 : 1;
  const oa = PHASE_ORDINAL[pa.status?.phase ?? 'Pending'] ?? 0;
  const ob = PHASE_ORDINAL[pb.status?.phase ?? 'Pending'] ?? 0;
  if (oa !== ob) return oa - ob;
  const ra = isPodReady(pa);
  const rb = isPodReady(pb);
  if (ra !== rb) return ra ? 1 : -1;
  const ca = deletionCost(pa);
  const cb = deletionCost(pb);
  if (ca !== cb) return ca - cb;
  if (a.rank !== b.rank) return b.rank - a.rank;
  const uidOrder = () => (pa.metadata.uid < pb.metadata.uid ? -1 : pa.metadata.uid > pb.metadata.uid ? 1 : 0);
  if (ra && rb) {
    const ta = readySince(pa);
    const tb = readySince(pb);
    if (ta !== tb) {
      const byReady = compareNewerFirst(ta, tb, nowMs);
      return byReady !== 0 ? byReady : uidOrder();
    }
  }
  const xa = maxContainerRestarts(pa);
  const xb = maxContainerRestarts(pb);
  if (xa !== xb) return xb - xa;
  const ta = parseTime(pa.metadata.creationTimestamp);
  const tb = parseTime(pb.metadata.creationTimestamp);
  if (ta !== tb) {
    const byAge = compareNewerFirst(ta, tb, nowMs);
    return byAge !== 0 ? byAge : uidOrder();
  }
  return 0;
}

/**
 * The `count` pods to delete out of `pods`, ranking by the real controller's order. `relatedPods` are all
 * pods of the owner's sibling controllers (the ReplicaSets of one Deployment), used to prefer deleting
 * pods that share a node with others of the same application.
 */
export function getPodsToDelete(pods: readonly StoredPod[], relatedPods: readonly StoredPod[], count: number, nowMs: number): StoredPod[] {
  if (count >= pods.length) return pods.slice(0, count);
  const podsOnNode = new Map<string, number>();
  for (const p of relatedPods) {
    if (!isPodActive(p)) continue;
    const node = p.spec?.nodeName ?? '';
    podsOnNode.set(node, (podsOnNode.get(node) ?? 0) + 1);
  }
  const ranked: RankedPod[] = pods.map((pod) => ({ pod, rank: podsOnNode.get(pod.spec?.nodeName ?? '') ?? 0 }));
  ranked.sort((a, b) => compareForDeletion(a, b, nowMs));
  return ranked.slice(0, count).map((r) => r.pod);
}
