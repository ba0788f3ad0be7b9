/**
 * The taints the node lifecycle controller manages (pkg/controller/nodelifecycle):
 * - NoExecute `node.kubernetes.io/unreachable` (Ready Unknown) or `node.kubernetes.io/not-ready`
 *   (Ready False), added through the per-zone rate-limited queue; the taint eviction controller then
 *   evicts pods that do not tolerate them.
 * - NoSchedule taints mirroring node conditions (TaintNodesByCondition: doNoScheduleTaintingPass),
 *   applied at once, so the scheduler keeps new pods off: not-ready, unreachable, memory-pressure,
 *   disk-pressure, pid-pressure, network-unavailable, and unschedulable for a cordoned node.
 */
import type { Node as NodeObject, Taint } from 'kubernetes-types/core/v1';
import type { ObjectMeta } from 'kubernetes-types/meta/v1';

/** A Node as written or as stored (`Stored<Node>` types apiVersion more loosely). */
export type Node = Pick<NodeObject, 'spec' | 'status'> & { metadata?: ObjectMeta };

export const UNREACHABLE_TAINT_KEY = 'node.kubernetes.io/unreachable';
export const NOT_READY_TAINT_KEY = 'node.kubernetes.io/not-ready';
export const UNSCHEDULABLE_TAINT_KEY = 'node.kubernetes.io/unschedulable';

export const UNREACHABLE_NO_EXECUTE: Taint = { key: UNREACHABLE_TAINT_KEY, effect: 'NoExecute' };
export const NOT_READY_NO_EXECUTE: Taint = { key: NOT_READY_TAINT_KEY, effect: 'NoExecute' };

/** nodeConditionToTaintKeyStatusMap: condition type → status → NoSchedule taint key. */
const CONDITION_TAINTS: Record<string, Record<string, string>> = {
  Ready: { False: NOT_READY_TAINT_KEY, Unknown: UNREACHABLE_TAINT_KEY },
  MemoryPressure: { True: 'node.kubernetes.io/memory-pressure' },
  DiskPressure: { True: 'node.kubernetes.io/disk-pressure' },
  NetworkUnavailable: { True: 'node.kubernetes.io/network-unavailable' },
  PIDPressure: { True: 'node.kubernetes.io/pid-pressure' },
};

const CONDITION_TAINT_KEYS = new Set([...Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m)), UNSCHEDULABLE_TAINT_KEY]);

export function sameTaint(a: Taint, b: Taint): boolean {
  return a.key === b.key && a.effect === b.effect;
}

export function hasTaint(node: Node, taint: Taint): boolean {
  return (node.spec?.taints ?? []).some((t) => sameTaint(t, taint));
}

/** The NoSchedule taints the node's conditions and spec.unschedulable call for. */
export function desiredConditionTaints(node: Node): Taint[] {
  const out: Taint[] = [];
  for (const c of node.status?.conditions ?? []) {
    const key = CONDITION_TAINTS[c.type]?.[c.status];
    if (key) out.push({ key, effect: 'NoSchedule' });
  }
  if (node.spec?.unschedulable) out.push({ key: UNSCHEDULABLE_TAINT_KEY, effect: 'NoSchedule' });
  return out;
}

/**
 * New spec.taints after adding `add` (stamped with timeAdded, as SwapNodeControllerTaint does) and
 * removing `remove`; undefined when nothing would change.
 */
export function swapTaints(node: Node, add: readonly Taint[], remove: readonly Taint[], nowRfc3339: string): Taint[] | undefined {
  const current = node.spec?.taints ?? [];
  const kept = current.filter((t) => !remove.some((r) => sameTaint(r, t)));
  const toAdd = add.filter((a) => !kept.some((t) => sameTaint(t, a)));
  if (kept.length === current.length && toAdd.length === 0) return undefined;
  return [...kept, ...toAdd.map((t) => ({ ...t, timeAdded: nowRfc3339 }))];
}

/** doNoScheduleTaintingPass: the taint changes that bring the condition taints in line. */
export function noScheduleTaintChanges(node: Node): { add: Taint[]; remove: Taint[] } {
  const desired = desiredConditionTaints(node);
  const current = (node.spec?.taints ?? []).filter((t) => t.effect === 'NoSchedule' && CONDITION_TAINT_KEYS.has(t.key));
  return {
    add: desired.filter((d) => !current.some((t) => sameTaint(t, d))),
    remove: current.filter((t) => !desired.some((d) => sameTaint(t, d))),
  };
}
