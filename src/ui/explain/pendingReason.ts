/**
 * Why a pod is Pending, in words a student can act on: the scheduler is stopped, it has not tried yet,
 * no node fits (and what each rejected node lacked), or the pod has a node and waits for its image or its
 * containers. Pure: the scheduler's own diagnosis (the `explain` request) and the mirror decide; this only
 * sorts them into messages.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { SchedulingDiagnosis } from '../../engine/scheduler/diagnosis';

export interface MessageRef {
  /** i18n key under `explain.`. */
  key: string;
  params?: Record<string, string | number>;
}

/** Kinds of filter failures, by the kube-scheduler plugin that rejected the node. */
export type FilterCause = 'resources' | 'taint' | 'affinity' | 'cordoned' | 'ports' | 'podAffinity' | 'spread' | 'nodeName' | 'other';

const CAUSE_OF_PLUGIN: Record<string, FilterCause> = {
  NodeResourcesFit: 'resources',
  TaintToleration: 'taint',
  NodeAffinity: 'affinity',
  NodeUnschedulable: 'cordoned',
  NodePorts: 'ports',
  InterPodAffinity: 'podAffinity',
  PodTopologySpread: 'spread',
  NodeName: 'nodeName',
};

export interface PendingContext {
  /** kube-scheduler's process runs (false: stopped, or its machine is off). */
  schedulerRunning: boolean;
  /** The scheduler's last attempt for this pod, if it made one. */
  diagnosis: SchedulingDiagnosis | null | undefined;
}

export interface PendingReason {
  /** The headline. */
  summary: MessageRef;
  /** For "no node fits": one line per cause, with how many nodes it rejected. */
  details: MessageRef[];
}

const IMAGE_PULL = /^(ErrImagePull|ImagePullBackOff|InvalidImageName|ErrImageNeverPull)$/;

/** Undefined when the pod is not Pending (or is being deleted). */
export function pendingReason(pod: Pod, ctx: PendingContext): PendingReason | undefined {
  if (pod.metadata?.deletionTimestamp) return undefined;
  const phase = pod.status?.phase ?? 'Pending';
  if (phase !== 'Pending') return undefined;
  const node = pod.spec?.nodeName;
  if (node) return onNodeReason(pod, node);
  // A pod naming another scheduler is left alone by kube-scheduler (spec.schedulerName).
  const schedulerName = pod.spec?.schedulerName;
  if (schedulerName && schedulerName !== 'default-scheduler') return { summary: { key: 'pending.otherScheduler', params: { scheduler: schedulerName } }, details: [] };
  if (!ctx.schedulerRunning) return { summary: { key: 'pending.schedulerDown' }, details: [] };
  const d = ctx.diagnosis;
  if (!d || d.result === 'Scheduled') return { summary: { key: 'pending.notTriedYet' }, details: [] };
  if (d.result === 'Error') return { summary: { key: 'pending.bindError', params: { message: d.message ?? '' } }, details: [] };
  return { summary: { key: 'pending.noNodeFits', params: { total: d.numAllNodes, feasible: d.feasibleNodes } }, details: filterDetails(d) };
}

/** Rejections grouped by cause, most nodes first: "2 nodes: not enough cpu". */
export function filterDetails(d: SchedulingDiagnosis): MessageRef[] {
  const groups = new Map<string, { cause: FilterCause; reason: string; nodes: string[] }>();
  for (const f of d.filters) {
    const cause = CAUSE_OF_PLUGIN[f.plugin] ?? 'other';
    const reason = f.reasons.join('; ');
    const key = `${cause}|${reason}`;
    const g = groups.get(key) ?? { cause, reason, nodes: [] };
    g.nodes.push(f.node);
    groups.set(key, g);
  }
  return [...groups.values()]
    .sort((a, b) => b.nodes.length - a.nodes.length || a.cause.localeCompare(b.cause))
    .map((g) => ({ key: `pending.cause.${g.cause}`, params: { count: g.nodes.length, nodes: g.nodes.join(', '), reason: g.reason } }));
}

function onNodeReason(pod: Pod, node: string): PendingReason {
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  const pulling = statuses.find((s) => IMAGE_PULL.test(s.state?.waiting?.reason ?? ''));
  if (pulling) {
    return { summary: { key: 'pending.imagePull', params: { node, image: pulling.image ?? '', container: pulling.name, reason: pulling.state?.waiting?.reason ?? '' } }, details: [] };
  }
  const init = (pod.status?.initContainerStatuses ?? []).find((s) => !s.ready && !s.state?.terminated);
  if (init) return { summary: { key: 'pending.initContainer', params: { node, container: init.name } }, details: [] };
  return { summary: { key: 'pending.starting', params: { node } }, details: [] };
}
