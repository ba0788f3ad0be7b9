/** `kubectl describe node` (describe.go describeNode and describeNodeResource). */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { ApiServer } from '../../apiserver/apiserver';
import type { Stored } from '../../objects';
import { byNamespaceAndName } from '../fetch';
import { nodeRoles } from '../printers/nodes';
import { rfc1123z, since } from '../printers/format';
import { cpuMillis, formatBytes, formatCpuMillis, isBinaryQuantity, memoryBytes } from '../quantity';
import { annotationsMultiline, describeEvents, eventsFor, labelsMultiline, taintsMultiline } from './common';
import { PrefixWriter } from './prefixWriter';

interface PodTotals {
  cpuReq: number;
  cpuLim: number;
  memReq: number;
  memLim: number;
  memBinary: boolean;
}

/** resourcehelper.PodRequests/PodLimits: the containers' sum, or the largest init container if larger. */
function podTotals(pod: Pod): PodTotals {
  const t: PodTotals = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0, memBinary: true };
  const note = (q: unknown) => {
    if (q !== undefined && !isBinaryQuantity(q) && memoryBytes(q as string) !== 0) t.memBinary = false;
  };
  for (const c of pod.spec?.containers ?? []) {
    const r = c.resources ?? {};
    t.cpuReq += cpuMillis(r.requests?.cpu as string);
    t.cpuLim += cpuMillis(r.limits?.cpu as string);
    t.memReq += memoryBytes(r.requests?.memory as string);
    t.memLim += memoryBytes(r.limits?.memory as string);
    note(r.requests?.memory);
    note(r.limits?.memory);
  }
  for (const c of pod.spec?.initContainers ?? []) {
    const r = c.resources ?? {};
    t.cpuReq = Math.max(t.cpuReq, cpuMillis(r.requests?.cpu as string));
    t.cpuLim = Math.max(t.cpuLim, cpuMillis(r.limits?.cpu as string));
    t.memReq = Math.max(t.memReq, memoryBytes(r.requests?.memory as string));
    t.memLim = Math.max(t.memLim, memoryBytes(r.limits?.memory as string));
  }
  return t;
}

const pct = (part: number, whole: number) => (whole === 0 ? 0 : Math.trunc((part / whole) * 100));

export function describeNode(api: ApiServer, obj: Stored, nowMs: number): string {
  const node = obj as Stored<Node>;
  const status = node.status ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${node.metadata.name}\n`);
  const roles = nodeRoles(node as Node);
  w.write(0, `Roles:\t${roles.length > 0 ? roles.join(',') : '<none>'}\n`);
  labelsMultiline(w, 'Labels', node.metadata.labels);
  annotationsMultiline(w, 'Annotations', node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  taintsMultiline(w, 'Taints', node.spec?.taints);
  w.write(0, `Unschedulable:\t${node.spec?.unschedulable === true}\n`);
  const lease = api.get<Lease>('Lease', 'kube-node-lease', node.metadata.name);
  if (lease) {
    w.write(0, 'Lease:\n');
    w.write(1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}\n`);
    w.write(1, `AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}\n`);
    w.write(1, `RenewTime:\t${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>'}\n`);
  } else {
    w.write(0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${node.metadata.name}" not found\n`);
  }
  if ((status.conditions ?? []).length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of status.conditions!) {
      w.write(1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
    }
  }
  w.write(0, 'Addresses:\n');
  for (const a of status.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  const printResources = (list: Record<string, unknown>) => {
    for (const name of Object.keys(list).sort()) w.write(0, `  ${name}:\t${String(list[name])}\n`);
  };
  if (Object.keys(status.capacity ?? {}).length > 0) {
    w.write(0, 'Capacity:\n');
    printResources(status.capacity!);
  }
  if (Object.keys(status.allocatable ?? {}).length > 0) {
    w.write(0, 'Allocatable:\n');
    printResources(status.allocatable!);
  }
  const info = status.nodeInfo;
  w.write(0, 'System Info:\n');
  w.write(0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
  w.write(0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
  w.write(0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
  w.write(0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
  w.write(0, `  OS Image:\t${info?.osImage ?? ''}\n`);
  w.write(0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
  w.write(0, `  Architecture:\t${info?.architecture ?? ''}\n`);
  w.write(0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
  w.write(0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
  if (node.spec?.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if (node.spec?.podCIDRs && node.spec.podCIDRs.length > 0) w.write(0, `PodCIDRs:\t${node.spec.podCIDRs.join(',')}\n`);
  if (node.spec?.providerID) w.write(0, `ProviderID:\t${node.spec.providerID}\n`);

  const pods = api
    .list<Pod>('Pod', { nodeName: node.metadata.name })
    .filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
    .sort(byNamespaceAndName);
  const alloc = Object.keys(status.allocatable ?? {}).length > 0 ? status.allocatable! : (status.capacity ?? {});
  const allocCpu = cpuMillis(alloc.cpu as string);
  const allocMem = memoryBytes(alloc.memory as string);
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const total: PodTotals = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0, memBinary: true };
  for (const pod of pods) {
    const t = podTotals(pod as Pod);
    total.cpuReq += t.cpuReq;
    total.cpuLim += t.cpuLim;
    total.memReq += t.memReq;
    total.memLim += t.memLim;
    if (!t.memBinary) total.memBinary = false;
    w.write(
      1,
      `${pod.metadata.namespace ?? ''}\t${pod.metadata.name}\t\t${formatCpuMillis(t.cpuReq)} (${pct(t.cpuReq, allocCpu)}%)\t${formatCpuMillis(t.cpuLim)} (${pct(t.cpuLim, allocCpu)}%)\t${formatBytes(t.memReq, t.memBinary)} (${pct(t.memReq, allocMem)}%)\t${formatBytes(t.memLim, t.memBinary)} (${pct(t.memLim, allocMem)}%)\t${since(pod.metadata.creationTimestamp, nowMs)}\n`,
    );
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  w.write(1, `cpu\t${formatCpuMillis(total.cpuReq)} (${pct(total.cpuReq, allocCpu)}%)\t${formatCpuMillis(total.cpuLim)} (${pct(total.cpuLim, allocCpu)}%)\n`);
  w.write(1, `memory\t${formatBytes(total.memReq, total.memBinary)} (${pct(total.memReq, allocMem)}%)\t${formatBytes(total.memLim, total.memBinary)} (${pct(total.memLim, allocMem)}%)\n`);
  w.write(1, 'ephemeral-storage\t0 (0%)\t0 (0%)\n');
  describeEvents(w, eventsFor(api, node), nowMs);
  return w.toString();
}
