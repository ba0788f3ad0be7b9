/**
 * `kubectl get nodes` (printers.go printNode): STATUS is Ready/NotReady/Unknown from the Ready
 * condition, plus `SchedulingDisabled` when cordoned; ROLES come from `node-role.kubernetes.io/<role>`
 * labels (and the older `kubernetes.io/role`), sorted, or `<none>`.
 */
import type { Node } from 'kubernetes-types/core/v1';
import type { Stored } from '../../objects';
import { since } from './format';
import { cols, type TableDef } from './tableDef';

const ROLE_PREFIX = 'node-role.kubernetes.io/';

export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX) && k.length > ROLE_PREFIX.length) roles.add(k.slice(ROLE_PREFIX.length));
    else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
  }
  return [...roles].sort();
}

export function nodeStatus(node: Node): string {
  const status: string[] = [];
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready');
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  if (status.length === 0) status.push('Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

export const nodeTable: TableDef = {
  columns: cols('Name|Status|Roles|Age|Version', 'Internal-IP|External-IP|OS-Image|Kernel-Version|Container-Runtime'),
  row(obj, { nowMs }) {
    const node = obj as Stored<Node>;
    const info = node.status?.nodeInfo;
    const address = (type: string) => node.status?.addresses?.find((a) => a.type === type)?.address ?? '<none>';
    const roles = nodeRoles(node as Node);
    return [
      node.metadata.name,
      nodeStatus(node as Node),
      roles.length > 0 ? roles.join(',') : '<none>',
      since(node.metadata.creationTimestamp, nowMs),
      info?.kubeletVersion ?? '',
      address('InternalIP'),
      address('ExternalIP'),
      info?.osImage || '<unknown>',
      info?.kernelVersion || '<unknown>',
      info?.containerRuntimeVersion || '<unknown>',
    ];
  },
};
