/** `kubectl describe deployment` and `describe replicaset` (describe.go describeDeployment, describeReplicaSet). */
import type { Deployment, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../../apiserver/apiserver';
import { fromLabelSelector } from '../../apiserver/labels';
import { controllerOf, type Stored } from '../../objects';
import { findNewReplicaSet, listReplicaSetsOf } from '../../controllers/deployment/util';
import { byNamespaceAndName } from '../fetch';
import { formatLabelSelector, rfc1123z } from '../printers/format';
import { annotationsMultiline, describeEvents, describePodTemplate, eventsFor, labelsMultiline } from './common';
import { PrefixWriter } from './prefixWriter';

function replicaSetsByLabels(list: Stored<ReplicaSet>[]): string {
  if (list.length === 0) return '<none>';
  return list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(', ');
}

export function describeDeployment(api: ApiServer, obj: Stored, nowMs: number): string {
  const d = obj as Stored<Deployment>;
  const spec = d.spec!;
  const st = d.status ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${d.metadata.name}\n`);
  w.write(0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  labelsMultiline(w, 'Labels', d.metadata.labels);
  annotationsMultiline(w, 'Annotations', d.metadata.annotations);
  w.write(0, `Selector:\t${formatLabelSelector(spec.selector, '')}\n`);
  w.write(
    0,
    `Replicas:\t${spec.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(0, `StrategyType:\t${spec.strategy?.type ?? ''}\n`);
  w.write(0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}\n`);
  const ru = spec.strategy?.rollingUpdate;
  if (ru) w.write(0, `RollingUpdateStrategy:\t${String(ru.maxUnavailable ?? '')} max unavailable, ${String(ru.maxSurge ?? '')} max surge\n`);
  describePodTemplate(w, spec.template);
  if ((st.conditions ?? []).length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of st.conditions!) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  const all = listReplicaSetsOf(api, d).sort(byNamespaceAndName);
  const newRS = findNewReplicaSet(d, all);
  // deploymentutil.FindOldReplicaSets: the describer shows the old sets still asked for pods (spec.replicas != 0).
  const oldRSs = all.filter((rs) => rs.metadata.uid !== newRS?.metadata.uid && (rs.spec?.replicas ?? 1) !== 0);
  if (oldRSs.length > 0 || newRS) {
    w.write(0, `OldReplicaSets:\t${replicaSetsByLabels(oldRSs)}\n`);
    w.write(0, `NewReplicaSet:\t${replicaSetsByLabels(newRS ? [newRS] : [])}\n`);
  }
  describeEvents(w, eventsFor(api, d), nowMs);
  return w.toString();
}

/** getPodStatusForController: pods matching the selector and controlled by `uid`, counted by phase. */
export function podPhaseCounts(api: ApiServer, namespace: string, selector: Parameters<typeof fromLabelSelector>[0], uid: string): string {
  const sel = fromLabelSelector(selector) ?? [];
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const pod of api.list<Pod>('Pod', { namespace, selector: sel })) {
    if (controllerOf(pod)?.uid !== uid) continue;
    const phase = pod.status?.phase as keyof typeof counts | undefined;
    if (phase && phase in counts) counts[phase]++;
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}

export function describeReplicaSet(api: ApiServer, obj: Stored, nowMs: number): string {
  const rs = obj as Stored<ReplicaSet>;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${rs.metadata.name}\n`);
  w.write(0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
  labelsMultiline(w, 'Labels', rs.metadata.labels);
  annotationsMultiline(w, 'Annotations', rs.metadata.annotations);
  const owner = controllerOf(rs);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
  w.write(0, `Pods Status:\t${podPhaseCounts(api, rs.metadata.namespace ?? 'default', rs.spec?.selector, rs.metadata.uid)}\n`);
  describePodTemplate(w, rs.spec?.template);
  if ((rs.status?.conditions ?? []).length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of rs.status!.conditions!) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  describeEvents(w, eventsFor(api, rs), nowMs);
  return w.toString();
}
