/**
 * What the last scheduling attempt of a pod found, for the UI's "why this node" and "why Pending".
 * Attempts are kept in their compact form (the arrays the algorithm built anyway) for a bounded number
 * of recently attempted pods, and expanded only when asked for.
 */
import type { FailureCode } from './framework/types';
import { newAttempt, type ScheduleAttempt } from './scheduleOne';
import { toRfc3339 } from '../clock/virtualClock';

export interface NodeFilterResult {
  node: string;
  /** The filter plugin that rejected the node (filters stop at the first failure). */
  plugin: string;
  code: FailureCode;
  reasons: string[];
}

export interface PluginScore {
  /** Normalized score, 0..100. */
  score: number;
  weight: number;
  /** score × weight. */
  weighted: number;
}

export interface NodeScoreResult {
  node: string;
  /** Sum of the weighted plugin scores. */
  total: number;
  plugins: Record<string, PluginScore>;
}

export interface SchedulingDiagnosis {
  namespace: string;
  pod: string;
  uid: string;
  /** When the attempt ran (RFC 3339). */
  attemptedAt: string;
  /** How many times the scheduler has tried this pod, this attempt included. */
  attempts: number;
  result: 'Scheduled' | 'Unschedulable' | 'Error';
  /** The chosen node (result Scheduled). */
  node?: string;
  /** The FailedScheduling message, or the binding error. */
  message?: string;
  numAllNodes: number;
  /** Nodes the filters visited (percentageOfNodesToScore stops early in large clusters). */
  evaluatedNodes: number;
  feasibleNodes: number;
  /** Nodes rejected by a filter, in the order visited. */
  filters: NodeFilterResult[];
  /** Weights of the score plugins that ran (skipped plugins are absent). */
  weights: Record<string, number>;
  /**
   * Feasible nodes with their scores, best total first (ties by name): all of them in small clusters,
   * the best 50 in large ones. Empty when there was nothing to compare (a single feasible node).
   */
  scores: NodeScoreResult[];
}

export interface AttemptRecord {
  namespace: string;
  pod: string;
  uid: string;
  atMs: number;
  attempts: number;
  result: SchedulingDiagnosis['result'];
  node?: string;
  message?: string;
  attempt: ScheduleAttempt;
}

export function expandAttempt(r: AttemptRecord): SchedulingDiagnosis {
  const a = r.attempt.numAllNodes > 0 ? r.attempt : undefined;
  const filters: NodeFilterResult[] = [];
  const scores: NodeScoreResult[] = [];
  const weights: Record<string, number> = {};
  if (a) {
    for (let i = 0; i < a.failures.length; i++) {
      const f = a.failures[i]!;
      filters.push({ node: a.failedNodes[i]!.name, plugin: f.plugin, code: f.code, reasons: [...f.reasons] });
    }
    for (const w of a.scored) weights[w.plugin.name] = w.weight;
    const stride = a.scored.length + 1;
    if (a.scored.length > 0) {
      a.top.forEach((node, k) => {
        const plugins: Record<string, PluginScore> = {};
        a.scored.forEach((w, p) => {
          const score = a.topScores[k * stride + p + 1]!;
          plugins[w.plugin.name] = { score, weight: w.weight, weighted: score * w.weight };
        });
        scores.push({ node: node.name, total: a.topScores[k * stride]!, plugins });
      });
      // Best first; among equal totals the node the random tie-break chose comes first, then by name.
      const rank = (n: string) => (n === r.node ? 0 : 1);
      scores.sort((x, y) => y.total - x.total || rank(x.node) - rank(y.node) || (x.node < y.node ? -1 : x.node > y.node ? 1 : 0));
    }
  }
  return {
    namespace: r.namespace,
    pod: r.pod,
    uid: r.uid,
    attemptedAt: toRfc3339(r.atMs),
    attempts: r.attempts,
    result: r.result,
    ...(r.node !== undefined ? { node: r.node } : {}),
    ...(r.message !== undefined ? { message: r.message } : {}),
    numAllNodes: a?.numAllNodes ?? 0,
    evaluatedNodes: a?.evaluatedNodes ?? 0,
    feasibleNodes: a?.feasibleNodes ?? 0,
    filters,
    weights,
    scores,
  };
}

/** Least-recently-attempted pods are forgotten first. */
export class DiagnosisLog {
  private readonly records = new Map<string, AttemptRecord>();

  constructor(readonly capacity = 1000) {}

  get size(): number {
    return this.records.size;
  }

  /**
   * The record for `key`'s new attempt, moved to the most recent place. When full, the least recent
   * pod's record is reused (its contents are the caller's to overwrite).
   */
  acquire(key: string): AttemptRecord | undefined {
    if (this.capacity <= 0) return undefined;
    let record = this.records.get(key);
    if (record) {
      this.records.delete(key);
    } else if (this.records.size >= this.capacity) {
      const oldest = this.records.keys().next().value as string;
      record = this.records.get(oldest);
      this.records.delete(oldest);
    }
    record ??= { namespace: '', pod: '', uid: '', atMs: 0, attempts: 0, result: 'Unschedulable', attempt: newAttempt() };
    this.records.set(key, record);
    return record;
  }

  get(key: string): AttemptRecord | undefined {
    return this.records.get(key);
  }

  delete(key: string): void {
    this.records.delete(key);
  }

  clear(): void {
    this.records.clear();
  }
}
