/**
 * Which kubectl lines only read the cluster. The worker does not record those among the cluster's
 * inputs (the inspector polls `get -o yaml` every few seconds; a snapshot replays writes, not reads).
 */

/** Verbs that never write: kubectl's read verbs plus `wait` (which only watches). */
const READ_ONLY_VERBS = new Set(['get', 'describe', 'logs', 'top', 'explain', 'api-resources', 'version', 'cluster-info', 'wait', 'events']);

/** The line without a leading `kubectl` and surrounding space. */
export function stripKubectl(line: string): string {
  return line.trim().replace(/^kubectl\s+/, '');
}

/** `get` (`-w` too), `describe`, `wait`, `rollout status` ... change nothing; anything else is recorded. */
export function isReadOnlyKubectl(line: string): boolean {
  const words = stripKubectl(line).split(/\s+/);
  const verb = words[0] ?? '';
  if (verb === 'rollout') return words[1] === 'status';
  return READ_ONLY_VERBS.has(verb);
}
