/**
 * `kubectl describe persistentvolumeclaim` (k8s.io/kubectl/pkg/describe/describe.go:
 * describePersistentVolumeClaim, printPersistentVolumeClaim, getPodsForPVC).
 */
import type { PersistentVolumeClaim, Pod } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../../apiserver/apiserver';
import type { Stored } from '../../objects';
import { rfc1123z, since } from '../printers/format';
import { annotationsMultiline, describeEvents, eventsFor, labelsMultiline } from './common';
import { PrefixWriter } from './prefixWriter';

/** storageutil.GetAccessModesAsString: a fixed order, whatever order the claim lists them in. */
function accessModesString(modes: string[] | undefined): string {
  const order: [string, string][] = [
    ['ReadWriteOnce', 'RWO'],
    ['ReadOnlyMany', 'ROX'],
    ['ReadWriteMany', 'RWX'],
    ['ReadWriteOncePod', 'RWOP'],
  ];
  return order
    .filter(([mode]) => (modes ?? []).includes(mode))
    .map(([, short]) => short)
    .join(',');
}

/** storageutil.GetPersistentVolumeClaimClass: the beta annotation wins over spec.storageClassName. */
function claimClass(pvc: Pick<PersistentVolumeClaim, 'metadata' | 'spec'>): string {
  return pvc.metadata?.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? pvc.spec?.storageClassName ?? '';
}

/** getPodsForPVC: pods with a volume naming the claim, then pods that own it; printed sorted by name. */
function podsUsing(api: ApiServer, pvc: Stored<PersistentVolumeClaim>): string[] {
  const pods = api.list<Pod>('Pod', { namespace: pvc.metadata.namespace ?? 'default' });
  const names: string[] = [];
  for (const pod of pods) for (const v of pod.spec?.volumes ?? []) if (v.persistentVolumeClaim?.claimName === pvc.metadata.name) names.push(pod.metadata.name);
  for (const ref of pvc.metadata.ownerReferences ?? []) {
    if (ref.kind !== 'Pod') continue;
    const owner = pods.find((p) => p.metadata.uid === ref.uid);
    if (owner && !names.includes(owner.metadata.name)) names.push(owner.metadata.name);
  }
  return names.sort();
}

export function describePersistentVolumeClaim(api: ApiServer, obj: Stored, nowMs: number): string {
  const pvc = obj as Stored<PersistentVolumeClaim>;
  const spec = pvc.spec ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${pvc.metadata.name}\n`);
  w.write(0, `Namespace:\t${pvc.metadata.namespace ?? ''}\n`);
  w.write(0, `StorageClass:\t${claimClass(pvc)}\n`);
  if (pvc.metadata.deletionTimestamp) w.write(0, `Status:\tTerminating (lasts ${since(pvc.metadata.deletionTimestamp, nowMs)})\n`);
  else w.write(0, `Status:\t${pvc.status?.phase ?? ''}\n`);
  w.write(0, `Volume:\t${spec.volumeName ?? ''}\n`);
  labelsMultiline(w, 'Labels', pvc.metadata.labels);
  annotationsMultiline(w, 'Annotations', pvc.metadata.annotations);
  // Go's %v of a []string: `[a b]`.
  w.write(0, `Finalizers:\t[${(pvc.metadata.finalizers ?? []).join(' ')}]\n`);
  // Capacity and access modes come from the status, and only once the claim is bound to a volume.
  const bound = !!spec.volumeName;
  w.write(0, `Capacity:\t${bound ? String(pvc.status?.capacity?.storage ?? '0') : ''}\n`);
  w.write(0, `Access Modes:\t${bound ? accessModesString(pvc.status?.accessModes) : ''}\n`);
  if (spec.volumeMode) w.write(0, `VolumeMode:\t${spec.volumeMode}\n`);
  if (spec.dataSource) {
    w.write(0, 'DataSource:\n');
    if (spec.dataSource.apiGroup !== undefined) w.write(1, `APIGroup:\t${spec.dataSource.apiGroup}\n`);
    w.write(1, `Kind:\t${spec.dataSource.kind}\n`);
    w.write(1, `Name:\t${spec.dataSource.name}\n`);
  }
  const users = podsUsing(api, pvc);
  w.write(0, 'Used By:\t');
  if (users.length === 0) w.write(0, '<none>\n');
  users.forEach((name, i) => w.write(0, i === 0 ? `${name}\n` : `\t${name}\n`));
  const conditions = pvc.status?.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      // metav1.Time's zero value formats as Go's year-one date.
      const at = (t: string | undefined) => (t ? rfc1123z(t) : 'Mon, 01 Jan 0001 00:00:00 +0000');
      w.write(1, `${c.type} \t${c.status} \t${at(c.lastProbeTime)} \t${at(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
  }
  describeEvents(w, eventsFor(api, pvc), nowMs);
  return w.toString();
}
