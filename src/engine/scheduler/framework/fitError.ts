/**
 * The FailedScheduling message (framework.FitError.Error()):
 * `0/<all> nodes are available: <count> <reason>, ... .` with the reasons counted over nodes (a node
 * failing for two resources counts under both) and the `<count> <reason>` strings sorted as strings,
 * followed by the PostFilter (preemption) message.
 */
import type { FilterFailure } from './types';

/** ErrNoNodesAvailable: the cluster has no nodes at all. */
export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

export function reasonHistogram(failures: Iterable<FilterFailure>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of failures) for (const r of f.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return counts;
}

export function fitErrorMessage(numAllNodes: number, reasons: Map<string, number>, postFilterMessage?: string): string {
  let msg = `0/${numAllNodes} nodes are available:`;
  const parts: string[] = [];
  for (const [reason, count] of reasons) parts.push(`${count} ${reason}`);
  parts.sort();
  if (parts.length > 0) msg += ` ${parts.join(', ')}.`;
  if (postFilterMessage) msg += ` ${postFilterMessage}`;
  return msg;
}
