/**
 * Whether a condition's status is good news. Most conditions are positive (Ready=True is healthy), but a
 * node's pressure conditions are negative: MemoryPressure=False means the node has memory to spare
 * (kubernetes.io/docs/reference/node/node-status/#condition). Drawing every False red told students a
 * healthy node was failing.
 */
export type ConditionHealth = 'good' | 'bad' | 'neutral';

/** Node conditions where True is the problem. */
const NEGATIVE_NODE_CONDITIONS = new Set(['MemoryPressure', 'DiskPressure', 'PIDPressure', 'NetworkUnavailable']);

/** Deployment/ReplicaSet conditions where True is the problem. */
const NEGATIVE_CONDITIONS = new Set(['ReplicaFailure']);

export function conditionHealth(kind: string, type: string, status: string): ConditionHealth {
  if (status !== 'True' && status !== 'False') return 'neutral';
  const negative = (kind === 'Node' && NEGATIVE_NODE_CONDITIONS.has(type)) || NEGATIVE_CONDITIONS.has(type);
  const good = negative ? status === 'False' : status === 'True';
  return good ? 'good' : 'bad';
}
