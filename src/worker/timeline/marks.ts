/**
 * The marks and stops of a history, read from the cluster's recorded inputs and from its objects:
 * an apply, a fault or a command the student gave is an input; a rollout is a Deployment's ReplicaSet
 * of revision 2 or more (kubectl's `deployment.kubernetes.io/revision` annotation), when it was created.
 */
import type { Cluster, ClusterInput } from '../../engine/cluster';
import { isReadOnlyKubectl } from '../../engine/kubectl/readOnly';
import type { Inputs } from './historyCursor';
import type { MarkKind, TimelineMark } from './types';

/** Kinds and names an applied text holds (`Deployment/web`), for a mark's label; the file name when it has none. */
export function appliedObjects(text: string, source?: string): string {
  const names: string[] = [];
  for (const doc of text.split(/^---.*$/m)) {
    const kind = /^kind:\s*["']?([\w.-]+)/m.exec(doc)?.[1];
    const name = /^metadata:\s*\n(?:[ \t]+.*\n)*?[ \t]+name:\s*["']?([\w.-]+)/m.exec(doc)?.[1];
    if (kind) names.push(name ? `${kind}/${name}` : kind);
  }
  if (names.length === 0) return source ?? 'manifest';
  return names.length > 3 ? `${names.slice(0, 3).join(', ')} …` : names.join(', ');
}

function markOf(input: Readonly<ClusterInput>): { kind: MarkKind; label: string } | undefined {
  switch (input.op) {
    case 'apply':
      if (input.options.dryRun) return undefined;
      return { kind: 'apply', label: appliedObjects(input.text, input.options.source) };
    case 'kubectl': {
      const line = input.line.trim().replace(/^kubectl\s+/, '');
      if (isReadOnlyKubectl(line)) return undefined;
      return { kind: /^(rollout|set\s+image)\b/.test(line) ? 'rollout' : /^apply\b/.test(line) ? 'apply' : 'change', label: line };
    }
    case 'inject':
      return { kind: 'fault', label: `${input.fault.fault} ${input.fault.target}` };
    case 'chaos':
      return { kind: 'fault', label: input.action === 'start' ? `chaos on (${input.settings.rate}/min)` : 'chaos off' };
    case 'exec':
    case 'advance':
      return undefined;
  }
}

/** The student's inputs that change the cluster, at the virtual time each was made. */
export function inputMarks(inputs: Inputs, offsets: readonly number[], start: number): TimelineMark[] {
  const marks: TimelineMark[] = [];
  inputs.forEach((input, i) => {
    const mark = markOf(input);
    if (mark) marks.push({ at: start + (offsets[i] ?? 0), ...mark });
  });
  return marks;
}

interface ReplicaSetLike {
  metadata: { name: string; namespace?: string; creationTimestamp?: string; annotations?: Record<string, string>; ownerReferences?: { kind: string; name: string }[] };
}

/** Each Deployment revision after the first, at its ReplicaSet's creation (second precision, as the API keeps it). */
export function rolloutMarks(cluster: Cluster): TimelineMark[] {
  const marks: TimelineMark[] = [];
  for (const rs of cluster.api.peekList<ReplicaSetLike>('ReplicaSet')) {
    const owner = rs.metadata.ownerReferences?.find((o) => o.kind === 'Deployment');
    const revision = Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? '1');
    const created = Date.parse(rs.metadata.creationTimestamp ?? '');
    if (!owner || !(revision > 1) || !Number.isFinite(created)) continue;
    marks.push({ at: created, kind: 'rollout', label: `deployment/${owner.name} revision ${revision}` });
  }
  return marks;
}

interface EventLike {
  firstTimestamp?: string;
  lastTimestamp?: string;
}

/**
 * The seconds in which the cluster recorded Events, each as the last millisecond of that second (the
 * API keeps whole seconds, and a stop must come after what it shows). Kubernetes keeps Events an
 * hour, so older ones are not stops any more.
 */
export function eventStops(cluster: Cluster): number[] {
  const out = new Set<number>();
  for (const ev of cluster.api.peekList<EventLike>('Event')) {
    for (const ts of [ev.firstTimestamp, ev.lastTimestamp]) {
      const ms = Date.parse(ts ?? '');
      if (Number.isFinite(ms)) out.add(ms + 999);
    }
  }
  return [...out];
}
