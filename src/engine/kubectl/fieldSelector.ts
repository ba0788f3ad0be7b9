/**
 * `--field-selector`: the API server filters a list by a few fields per resource (every resource:
 * metadata.name and metadata.namespace; the rest are each type's registered field label conversions,
 * e.g. pods' spec.nodeName and status.phase, events' involvedObject.* and reason). Requirements are
 * `field=value`, `field==value` or `field!=value`, joined by commas; all must hold.
 */
import { ApiError } from '../apiserver/errors';
import type { ResourceType } from '../apiserver/resources';
import type { Stored } from '../objects';

export interface FieldRequirement {
  field: string;
  value: string;
  equal: boolean;
}

const FIELDS: Record<string, string[]> = {
  Pod: ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.nominatedNodeName'],
  Event: ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'],
  Node: ['spec.unschedulable'],
  Secret: ['type'],
  Namespace: ['status.phase'],
  ReplicaSet: ['status.replicas'],
  ReplicationController: ['status.replicas'],
  Job: ['status.successful'],
  CertificateSigningRequest: ['spec.signerName'],
};

export function parseFieldSelector(text: string): FieldRequirement[] {
  const out: FieldRequirement[] = [];
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([^=!]+?)\s*(==|=|!=)\s*(.*)$/.exec(part);
    if (!m) throw new Error(`invalid selector: '${text}'; can't understand '${part}'`);
    out.push({ field: m[1]!, value: m[3]!, equal: m[2] !== '!=' });
  }
  return out;
}

function fieldValue(obj: Stored, field: string): string {
  if (field === 'source') return String((obj as { source?: { component?: string } }).source?.component ?? '');
  let cur: unknown = obj;
  for (const key of field.split('.')) cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[key] : undefined;
  if (cur === undefined || cur === null) return field === 'spec.unschedulable' || field === 'spec.hostNetwork' ? 'false' : '';
  return String(cur);
}

/** Filters a list as the API server does; an unsupported field is the server's BadRequest. */
export function filterByFields<T extends Stored>(objects: T[], type: ResourceType, text: string): T[] {
  const reqs = parseFieldSelector(text);
  const allowed = new Set(['metadata.name', 'metadata.namespace', ...(FIELDS[type.kind] ?? [])]);
  for (const r of reqs) {
    if (!allowed.has(r.field)) {
      const version = type.apiVersion.replace(/^.*\//, '');
      const gvr = `${type.group}/${version}, Resource=${type.plural}`;
      throw new ApiError('BadRequest', `Unable to find "${gvr}" that match label selector "", field selector "${text}": field label not supported: ${r.field}`);
    }
  }
  return objects.filter((o) => reqs.every((r) => (fieldValue(o, r.field) === r.value) === r.equal));
}
