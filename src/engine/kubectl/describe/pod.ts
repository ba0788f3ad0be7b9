/** `kubectl describe pod` (describe.go describePod). */
import { podQOSClass } from '../../apiserver/admission/qos';
import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../../apiserver/apiserver';
import { controllerOf, type Stored } from '../../objects';
import { rfc1123z, since } from '../printers/format';
import { annotationsMultiline, describeContainers, describeEvents, describeVolumes, eventsFor, labelsMultiline, tolerationsMultiline } from './common';
import { PrefixWriter } from './prefixWriter';

/** QoS class (pkg/apis/core/v1/helper/qos): the pod's QoS class as stored, or as the API server would compute it for a pod stored without one. */
export function podQosClass(pod: Pod): string {
  return pod.status?.qosClass ?? podQOSClass(pod.spec);
}

export function describePod(api: ApiServer, obj: Stored, nowMs: number): string {
  const pod = obj as Stored<Pod>;
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:\t${pod.metadata.name}\n`);
  w.write(0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`);
  if (spec.priority !== undefined) w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  labelsMultiline(w, 'Labels', pod.metadata.labels);
  annotationsMultiline(w, 'Annotations', pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(0, `Status:\tTerminating (lasts ${since(pod.metadata.deletionTimestamp, nowMs)})\n`);
    w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else w.write(0, `Status:\t${status.phase ?? ''}\n`);
  if (status.reason) w.write(0, `Reason:\t${status.reason}\n`);
  if (status.message) w.write(0, `Message:\t${status.message}\n`);
  w.write(0, `IP:\t${status.podIP ?? ''}\n`);
  const ips = status.podIPs ?? [];
  if (ips.length === 0) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of ips) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const owner = controllerOf(pod);
  if (owner) w.write(0, `Controlled By:\t${owner.kind}/${owner.name}\n`);
  if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if (spec.initContainers && spec.initContainers.length > 0) describeContainers(w, 'Init Containers', spec.initContainers, status.initContainerStatuses ?? [], '');
  describeContainers(w, 'Containers', spec.containers, status.containerStatuses ?? [], '');
  if (spec.readinessGates && spec.readinessGates.length > 0) {
    w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of spec.readinessGates) {
      const c = status.conditions?.find((x) => x.type === g.conditionType);
      w.write(1, `${g.conditionType} \t${c?.status ?? '<none>'} \n`);
    }
  }
  if ((status.conditions ?? []).length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of status.conditions!) w.write(1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec.volumes, '');
  w.write(0, `QoS Class:\t${podQosClass(pod as Pod)}\n`);
  labelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
  tolerationsMultiline(w, 'Tolerations', spec.tolerations);
  describeEvents(w, eventsFor(api, pod), nowMs);
  return w.toString();
}
