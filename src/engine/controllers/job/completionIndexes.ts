/**
 * Indexed Jobs (pkg/controller/job/indexed_job_utils.go): each pod carries its completion index in the
 * `batch.kubernetes.io/job-completion-index` annotation (and label); the Job's status.completedIndexes
 * lists the succeeded indexes as compressed ranges (`1,3-5,7`).
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { Stored } from '../../objects';

export const JOB_COMPLETION_INDEX_ANNOTATION = 'batch.kubernetes.io/job-completion-index';
export const JOB_INDEX_ENV = 'JOB_COMPLETION_INDEX';

/** The pod's completion index, or undefined when missing or malformed. */
export function completionIndexOf(pod: Stored<Pod>): number | undefined {
  const raw = pod.metadata.annotations?.[JOB_COMPLETION_INDEX_ANNOTATION];
  if (raw === undefined || !/^\d+$/.test(raw)) return undefined;
  return Number.parseInt(raw, 10);
}

export function parseIndexes(text: string | undefined, completions: number): Set<number> {
  const out = new Set<number>();
  if (!text) return out;
  for (const part of text.split(',')) {
    const [a, b] = part.split('-');
    const from = Number.parseInt(a ?? '', 10);
    const to = b === undefined ? from : Number.parseInt(b, 10);
    if (Number.isNaN(from) || Number.isNaN(to)) continue;
    for (let i = from; i <= to && i < completions; i++) out.add(i);
  }
  return out;
}

/** `0-2,4`: consecutive indexes collapse into ranges (succeededIndexes.String). */
export function formatIndexes(indexes: Iterable<number>): string {
  const sorted = [...indexes].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}
