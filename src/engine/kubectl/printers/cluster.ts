/** Tables of namespaces, configuration, storage, events and other cluster objects (printers.go). */
import type { ConfigMap, Event, Namespace, PersistentVolume, PersistentVolumeClaim, ResourceQuota, Secret, ServiceAccount } from 'kubernetes-types/core/v1';
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import type { PodDisruptionBudget } from 'kubernetes-types/policy/v1';
import type { PriorityClass } from 'kubernetes-types/scheduling/v1';
import type { NetworkPolicy } from 'kubernetes-types/networking/v1';
import type { RoleBinding } from 'kubernetes-types/rbac/v1';
import type { Stored } from '../../objects';
import { formatLabelSelector, since } from './format';
import { cols, type TableDef } from './tableDef';

export const namespaceTable: TableDef = {
  columns: cols('Name|Status|Age'),
  row(obj, { nowMs }) {
    const ns = obj as Stored<Namespace>;
    return [ns.metadata.name, ns.status?.phase ?? '', since(ns.metadata.creationTimestamp, nowMs)];
  },
};

export const configMapTable: TableDef = {
  columns: cols('Name|Data|Age'),
  row(obj, { nowMs }) {
    const cm = obj as Stored<ConfigMap>;
    const count = Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length;
    return [cm.metadata.name, String(count), since(cm.metadata.creationTimestamp, nowMs)];
  },
};

export const secretTable: TableDef = {
  columns: cols('Name|Type|Data|Age'),
  row(obj, { nowMs }) {
    const s = obj as Stored<Secret>;
    return [s.metadata.name, s.type ?? 'Opaque', String(Object.keys(s.data ?? {}).length), since(s.metadata.creationTimestamp, nowMs)];
  },
};

export const serviceAccountTable: TableDef = {
  columns: cols('Name|Secrets|Age'),
  row(obj, { nowMs }) {
    const sa = obj as Stored<ServiceAccount>;
    return [sa.metadata.name, String(sa.secrets?.length ?? 0), since(sa.metadata.creationTimestamp, nowMs)];
  },
};

export const leaseTable: TableDef = {
  columns: cols('Name|Holder|Age'),
  row(obj, { nowMs }) {
    const l = obj as Stored<Lease>;
    return [l.metadata.name, l.spec?.holderIdentity ?? '', since(l.metadata.creationTimestamp, nowMs)];
  },
};

/** formatEventSource: `component, host`, falling back to reportingController/Instance. */
export function eventSource(e: Event): string {
  const component = e.source?.component || e.reportingComponent || '';
  const host = e.source?.host || e.reportingInstance || '';
  return host ? `${component}, ${host}` : component;
}

/** `kubectl get events`: the wide columns sit between the default ones, as kubectl defines them. */
export const eventTable: TableDef = {
  columns: [
    { header: 'Last Seen' },
    { header: 'Type' },
    { header: 'Reason' },
    { header: 'Object' },
    { header: 'Subobject', wide: true },
    { header: 'Source', wide: true },
    { header: 'Message' },
    { header: 'First Seen', wide: true },
    { header: 'Count', wide: true },
    { header: 'Name', wide: true },
  ],
  row(obj, { nowMs }) {
    const e = obj as Stored<Event>;
    const first = e.firstTimestamp ? since(e.firstTimestamp, nowMs) : since(e.eventTime, nowMs);
    let last = e.lastTimestamp ? since(e.lastTimestamp, nowMs) : first;
    let count = e.count ?? 0;
    if (e.series) {
      last = since(e.series.lastObservedTime, nowMs);
      count = e.series.count ?? count;
    } else if (count === 0) count = 1;
    const inv = e.involvedObject;
    const target = inv.name ? `${(inv.kind ?? '').toLowerCase()}/${inv.name}` : (inv.kind ?? '').toLowerCase();
    return [last, e.type ?? '', e.reason ?? '', target, inv.fieldPath ?? '', eventSource(e as Event), (e.message ?? '').trim(), first, String(count), e.metadata.name];
  },
};

const ACCESS_MODES: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };

function accessModes(modes: string[] | undefined): string {
  return (modes ?? []).map((m) => ACCESS_MODES[m] ?? m).join(',');
}

export const persistentVolumeTable: TableDef = {
  columns: cols('Name|Capacity|Access Modes|Reclaim Policy|Status|Claim|StorageClass|VolumeAttributesClass|Reason|Age', 'VolumeMode'),
  row(obj, { nowMs }) {
    const pv = obj as Stored<PersistentVolume>;
    const claim = pv.spec?.claimRef ? `${pv.spec.claimRef.namespace ?? ''}/${pv.spec.claimRef.name ?? ''}` : '';
    return [
      pv.metadata.name,
      String(pv.spec?.capacity?.storage ?? ''),
      accessModes(pv.spec?.accessModes),
      pv.spec?.persistentVolumeReclaimPolicy ?? '',
      pv.metadata.deletionTimestamp ? 'Terminating' : (pv.status?.phase ?? ''),
      claim,
      pv.spec?.storageClassName ?? '',
      pv.spec?.volumeAttributesClassName ?? '<unset>',
      pv.status?.reason ?? '',
      since(pv.metadata.creationTimestamp, nowMs),
      pv.spec?.volumeMode ?? '<unset>',
    ];
  },
};

export const persistentVolumeClaimTable: TableDef = {
  columns: cols('Name|Status|Volume|Capacity|Access Modes|StorageClass|VolumeAttributesClass|Age', 'VolumeMode'),
  row(obj, { nowMs }) {
    const pvc = obj as Stored<PersistentVolumeClaim>;
    const bound = !!pvc.spec?.volumeName;
    return [
      pvc.metadata.name,
      pvc.metadata.deletionTimestamp ? 'Terminating' : (pvc.status?.phase ?? ''),
      pvc.spec?.volumeName ?? '',
      bound ? String(pvc.status?.capacity?.storage ?? '') : '',
      bound ? accessModes(pvc.status?.accessModes) : '',
      pvc.spec?.storageClassName ?? '',
      pvc.spec?.volumeAttributesClassName ?? '<unset>',
      since(pvc.metadata.creationTimestamp, nowMs),
      pvc.spec?.volumeMode ?? '<unset>',
    ];
  },
};

export const storageClassTable: TableDef = {
  columns: cols('Name|Provisioner|ReclaimPolicy|VolumeBindingMode|AllowVolumeExpansion|Age'),
  row(obj, { nowMs }) {
    const sc = obj as Stored<StorageClass>;
    const isDefault = sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true';
    return [
      sc.metadata.name + (isDefault ? ' (default)' : ''),
      sc.provisioner,
      sc.reclaimPolicy ?? 'Delete',
      sc.volumeBindingMode ?? 'Immediate',
      sc.allowVolumeExpansion ? 'true' : 'false',
      since(sc.metadata.creationTimestamp, nowMs),
    ];
  },
};

export const podDisruptionBudgetTable: TableDef = {
  columns: cols('Name|Min Available|Max Unavailable|Allowed Disruptions|Age'),
  row(obj, { nowMs }) {
    const pdb = obj as Stored<PodDisruptionBudget>;
    return [
      pdb.metadata.name,
      pdb.spec?.minAvailable !== undefined ? String(pdb.spec.minAvailable) : 'N/A',
      pdb.spec?.maxUnavailable !== undefined ? String(pdb.spec.maxUnavailable) : 'N/A',
      String(pdb.status?.disruptionsAllowed ?? 0),
      since(pdb.metadata.creationTimestamp, nowMs),
    ];
  },
};

export const priorityClassTable: TableDef = {
  columns: cols('Name|Value|Global-Default|Age|PreemptionPolicy'),
  row(obj, { nowMs }) {
    const pc = obj as Stored<PriorityClass>;
    return [pc.metadata.name, String(pc.value), pc.globalDefault ? 'true' : 'false', since(pc.metadata.creationTimestamp, nowMs), pc.preemptionPolicy ?? 'PreemptLowerPriority'];
  },
};

export const networkPolicyTable: TableDef = {
  columns: cols('Name|Pod-Selector|Age'),
  row(obj, { nowMs }) {
    const np = obj as Stored<NetworkPolicy>;
    return [np.metadata.name, formatLabelSelector(np.spec?.podSelector), since(np.metadata.creationTimestamp, nowMs)];
  },
};

export const roleBindingTable: TableDef = {
  columns: cols('Name|Role|Age', 'Users|Groups|ServiceAccounts'),
  row(obj, { nowMs }) {
    const rb = obj as Stored<RoleBinding>;
    const subjects = rb.subjects ?? [];
    const of = (kind: string) => subjects.filter((s) => s.kind === kind);
    return [
      rb.metadata.name,
      `${rb.roleRef.kind}/${rb.roleRef.name}`,
      since(rb.metadata.creationTimestamp, nowMs),
      of('User').map((s) => s.name).join(', '),
      of('Group').map((s) => s.name).join(', '),
      of('ServiceAccount').map((s) => `${s.namespace ?? ''}:${s.name}`).join(', '),
    ];
  },
};

export const resourceQuotaTable: TableDef = {
  columns: cols('Name|Age|Request|Limit'),
  row(obj, { nowMs }) {
    const q = obj as Stored<ResourceQuota>;
    const hard = q.status?.hard ?? {};
    const used = q.status?.used ?? {};
    const requests: string[] = [];
    const limits: string[] = [];
    for (const name of Object.keys(hard).sort()) {
      const text = `${name}: ${String(used[name] ?? '0')}/${String(hard[name])}`;
      if (name.startsWith('limits.')) limits.push(text);
      else requests.push(text);
    }
    return [q.metadata.name, since(q.metadata.creationTimestamp, nowMs), requests.join(', '), limits.join(', ')];
  },
};

/** The API server's default table for kinds without a printer: NAME and CREATED AT (RFC 3339). */
export const defaultTable: TableDef = {
  columns: cols('Name|Created At'),
  row(obj) {
    return [obj.metadata.name, obj.metadata.creationTimestamp];
  },
};
