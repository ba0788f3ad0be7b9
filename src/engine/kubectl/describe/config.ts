/** `kubectl describe namespace|configmap|secret` (describe.go describeNamespace, ConfigMapDescriber, describeSecret). */
import type { ConfigMap, Namespace, Secret } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../../apiserver/apiserver';
import type { Stored } from '../../objects';
import { annotationsMultiline, describeEvents, eventsFor, labelsMultiline } from './common';
import { PrefixWriter } from './prefixWriter';

export function describeNamespace(api: ApiServer, obj: Stored): string {
  const ns = obj as Stored<Namespace>;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  labelsMultiline(w, 'Labels', ns.metadata.labels);
  annotationsMultiline(w, 'Annotations', ns.metadata.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? ''}\n`);
  const quotas = api.list('ResourceQuota', { namespace: ns.metadata.name });
  w.write(0, '\n');
  if (quotas.length === 0) w.write(0, 'No resource quota.\n');
  else for (const q of quotas) w.write(0, `Resource Quotas\n  Name:\t${q.metadata.name}\n`);
  const limits = api.list('LimitRange', { namespace: ns.metadata.name });
  w.write(0, '\n');
  if (limits.length === 0) w.write(0, 'No LimitRange resource.\n');
  else for (const l of limits) w.write(0, `Resource Limits\n  Name:\t${l.metadata.name}\n`);
  return w.toString();
}

export function describeConfigMap(api: ApiServer, obj: Stored, nowMs: number): string {
  const cm = obj as Stored<ConfigMap>;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${cm.metadata.name}\n`);
  w.write(0, `Namespace:\t${cm.metadata.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', cm.metadata.labels);
  annotationsMultiline(w, 'Annotations', cm.metadata.annotations);
  w.write(0, '\nData\n====\n');
  for (const key of Object.keys(cm.data ?? {}).sort()) {
    w.write(0, `${key}:\n----\n`);
    w.write(0, `${cm.data![key]}\n`);
    w.write(0, '\n');
  }
  w.write(0, '\nBinaryData\n====\n');
  for (const key of Object.keys(cm.binaryData ?? {}).sort()) w.write(0, `${key}: ${atob(cm.binaryData![key]!).length} bytes\n`);
  w.write(0, '\n');
  describeEvents(w, eventsFor(api, cm), nowMs);
  return w.toString();
}

export function describeSecret(api: ApiServer, obj: Stored): string {
  const s = obj as Stored<Secret>;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${s.metadata.name}\n`);
  w.write(0, `Namespace:\t${s.metadata.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', s.metadata.labels);
  annotationsMultiline(w, 'Annotations', s.metadata.annotations);
  w.write(0, `\nType:\t${s.type ?? 'Opaque'}\n\n`);
  w.write(0, 'Data\n====\n');
  for (const key of Object.keys(s.data ?? {}).sort()) {
    let size: number;
    try {
      size = atob(s.data![key]!).length;
    } catch {
      size = s.data![key]!.length;
    }
    w.write(0, `${key}:\t${size} bytes\n`);
  }
  return w.toString();
}
