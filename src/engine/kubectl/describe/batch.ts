/** `kubectl describe` for Jobs, CronJobs, DaemonSets and StatefulSets (describe.go describeJob ...). */
import type { DaemonSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { CronJob, Job } from 'kubernetes-types/batch/v1';
import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../../apiserver/apiserver';
import { fromLabelSelector } from '../../apiserver/labels';
import { humanDuration } from '../../clock/duration';
import { controllerOf, type Stored } from '../../objects';
import { formatLabelSelector, rfc1123z } from '../printers/format';
import { annotationsMultiline, describeEvents, describePodTemplate, eventsFor, labelsMultiline } from './common';
import { PrefixWriter } from './prefixWriter';

function header(w: PrefixWriter, obj: Stored, selector: string | undefined): void {
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  if (selector !== undefined) w.write(0, `Selector:\t${selector}\n`);
  labelsMultiline(w, 'Labels', obj.metadata.labels);
  annotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  const owner = controllerOf(obj);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
}

export function describeJob(api: ApiServer, obj: Stored, nowMs: number): string {
  const job = obj as Stored<Job>;
  const spec = job.spec;
  const st = job.status ?? {};
  const w = new PrefixWriter();
  header(w, job, formatLabelSelector(spec?.selector, ''));
  if (spec?.parallelism !== undefined) w.write(0, `Parallelism:\t${spec.parallelism}\n`);
  w.write(0, `Completions:\t${spec?.completions ?? '<unset>'}\n`);
  if (spec?.completionMode) w.write(0, `Completion Mode:\t${spec.completionMode}\n`);
  if (spec?.suspend !== undefined) w.write(0, `Suspend:\t${String(spec.suspend)}\n`);
  if (spec?.backoffLimit !== undefined) w.write(0, `Backoff Limit:\t${spec.backoffLimit}\n`);
  if (spec?.ttlSecondsAfterFinished !== undefined) w.write(0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
  if (st.startTime) w.write(0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
  if (st.completionTime) w.write(0, `Completed At:\t${rfc1123z(st.completionTime)}\n`);
  if (st.startTime && st.completionTime) w.write(0, `Duration:\t${humanDuration(Date.parse(st.completionTime) - Date.parse(st.startTime))}\n`);
  if (spec?.activeDeadlineSeconds !== undefined) w.write(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  const counts = `${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed`;
  w.write(0, st.ready === undefined ? `Pods Statuses:\t${st.active ?? 0} Active / ${counts}\n` : `Pods Statuses:\t${st.active ?? 0} Active (${st.ready} Ready) / ${counts}\n`);
  if (spec?.completionMode === 'Indexed') w.write(0, `Completed Indexes:\t${st.completedIndexes || '<none>'}\n`);
  describePodTemplate(w, spec?.template);
  describeEvents(w, eventsFor(api, job), nowMs);
  return w.toString();
}

export function describeCronJob(api: ApiServer, obj: Stored, nowMs: number): string {
  const cj = obj as Stored<CronJob>;
  const spec = cj.spec;
  const w = new PrefixWriter();
  header(w, cj, undefined);
  w.write(0, `Schedule:\t${spec?.schedule ?? ''}\n`);
  w.write(0, `Concurrency Policy:\t${spec?.concurrencyPolicy ?? 'Allow'}\n`);
  w.write(0, `Suspend:\t${spec?.suspend ? 'True' : 'False'}\n`);
  w.write(0, `Successful Job History Limit:\t${spec?.successfulJobsHistoryLimit ?? 3}\n`);
  w.write(0, `Failed Job History Limit:\t${spec?.failedJobsHistoryLimit ?? 1}\n`);
  w.write(0, `Starting Deadline Seconds:\t${spec?.startingDeadlineSeconds !== undefined ? `${spec.startingDeadlineSeconds}s` : '<unset>'}\n`);
  const jt = spec?.jobTemplate;
  w.write(0, `Selector:\t${formatLabelSelector(jt?.spec?.selector, '<unset>')}\n`);
  w.write(0, `Parallelism:\t${jt?.spec?.parallelism ?? '<unset>'}\n`);
  w.write(0, `Completions:\t${jt?.spec?.completions ?? '<unset>'}\n`);
  if (jt?.spec?.activeDeadlineSeconds !== undefined) w.write(0, `Active Deadline Seconds:\t${jt.spec.activeDeadlineSeconds}s\n`);
  describePodTemplate(w, jt?.spec?.template);
  w.write(0, `Last Schedule Time:\t${cj.status?.lastScheduleTime ? rfc1123z(cj.status.lastScheduleTime) : '<unset>'}\n`);
  const active = (cj.status?.active ?? []).map((r) => r.name).filter(Boolean);
  w.write(0, `Active Jobs:\t${active.length > 0 ? active.join(', ') : '<none>'}\n`);
  describeEvents(w, eventsFor(api, cj), nowMs);
  return w.toString();
}

function podStatuses(api: ApiServer, owner: Stored, selector: Parameters<typeof fromLabelSelector>[0]): { running: number; waiting: number; succeeded: number; failed: number } {
  const counts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const pod of api.list<Pod>('Pod', { namespace: owner.metadata.namespace ?? 'default', selector: fromLabelSelector(selector) ?? [] })) {
    if (controllerOf(pod)?.uid !== owner.metadata.uid) continue;
    const phase = pod.status?.phase;
    if (phase === 'Running') counts.running++;
    else if (phase === 'Pending') counts.waiting++;
    else if (phase === 'Succeeded') counts.succeeded++;
    else if (phase === 'Failed') counts.failed++;
  }
  return counts;
}

export function describeDaemonSet(api: ApiServer, obj: Stored, nowMs: number): string {
  const ds = obj as Stored<DaemonSet>;
  const st = ds.status;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ds.metadata.name}\n`);
  w.write(0, `Namespace:\t${ds.metadata.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(ds.spec?.selector)}\n`);
  w.write(0, `Node-Selector:\t${Object.entries(ds.spec?.template?.spec?.nodeSelector ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '<none>'}\n`);
  labelsMultiline(w, 'Labels', ds.metadata.labels);
  annotationsMultiline(w, 'Annotations', ds.metadata.annotations);
  w.write(0, `Desired Number of Nodes Scheduled: ${st?.desiredNumberScheduled ?? 0}\n`);
  w.write(0, `Current Number of Nodes Scheduled: ${st?.currentNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${st?.updatedNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${st?.numberAvailable ?? 0}\n`);
  w.write(0, `Number of Nodes Misscheduled: ${st?.numberMisscheduled ?? 0}\n`);
  const c = podStatuses(api, ds, ds.spec?.selector);
  w.write(0, `Pods Status:\t${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed\n`);
  describePodTemplate(w, ds.spec?.template);
  describeEvents(w, eventsFor(api, ds), nowMs);
  return w.toString();
}

export function describeStatefulSet(api: ApiServer, obj: Stored, nowMs: number): string {
  const ss = obj as Stored<StatefulSet>;
  const spec = ss.spec;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ss.metadata.name}\n`);
  w.write(0, `Namespace:\t${ss.metadata.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(ss.metadata.creationTimestamp)}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(spec?.selector)}\n`);
  labelsMultiline(w, 'Labels', ss.metadata.labels);
  annotationsMultiline(w, 'Annotations', ss.metadata.annotations);
  w.write(0, `Replicas:\t${spec?.replicas ?? 1} desired | ${ss.status?.replicas ?? 0} total\n`);
  w.write(0, `Update Strategy:\t${spec?.updateStrategy?.type ?? 'RollingUpdate'}\n`);
  if ((spec?.updateStrategy?.type ?? 'RollingUpdate') === 'RollingUpdate') w.write(1, `Partition:\t${spec?.updateStrategy?.rollingUpdate?.partition ?? 0}\n`);
  const c = podStatuses(api, ss, spec?.selector);
  w.write(0, `Pods Status:\t${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed\n`);
  describePodTemplate(w, spec?.template);
  const claims = spec?.volumeClaimTemplates ?? [];
  w.write(0, 'Volume Claims:');
  if (claims.length === 0) w.write(0, '\t<none>\n');
  else {
    w.write(0, '\n');
    for (const pvc of claims) {
      w.write(1, `Name:\t${pvc.metadata?.name ?? ''}\n`);
      w.write(1, `StorageClass:\t${pvc.spec?.storageClassName ?? ''}\n`);
      labelsMultiline(w, '  Labels', pvc.metadata?.labels);
      annotationsMultiline(w, '  Annotations', pvc.metadata?.annotations);
      w.write(1, `Capacity:\t${String(pvc.spec?.resources?.requests?.storage ?? '<default>')}\n`);
      w.write(1, `Access Modes:\t${(pvc.spec?.accessModes ?? []).join(', ') || '<default>'}\n`);
    }
  }
  describeEvents(w, eventsFor(api, ss), nowMs);
  return w.toString();
}
