/**
 * The node status a kubelet posts (pkg/kubelet/nodestatus): conditions with the kubelet's reasons and
 * messages, addresses, capacity and allocatable (from the Node manifest when it has them), nodeInfo
 * (kubelet v1.31, containerd 1.7), daemon endpoints and the images on the node.
 */
import type { ContainerImage, Node, NodeCondition, NodeStatus } from 'kubernetes-types/core/v1';
import type { Stored } from '../objects';

export const KUBELET_VERSION = 'v1.31.4';
export const CONTAINER_RUNTIME_VERSION = 'containerd://1.7.24';
export const OS_IMAGE = 'Debian GNU/Linux 12 (bookworm)';
export const KERNEL_VERSION = '6.8.0-51-generic';

export const DEFAULT_CAPACITY: Record<string, string> = {
  cpu: '4',
  'ephemeral-storage': '61255492Ki',
  'hugepages-1Gi': '0',
  'hugepages-2Mi': '0',
  memory: '8148132Ki',
  pods: '110',
};

export interface NodeIdentity {
  machineID: string;
  systemUUID: string;
  bootID: string;
  internalIP: string;
}

export interface NodePressure {
  memory: boolean;
  disk: boolean;
  pid: boolean;
}

const CONDITION_TEXT = {
  MemoryPressure: [
    ['KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
    ['KubeletHasInsufficientMemory', 'kubelet has insufficient memory available'],
  ],
  DiskPressure: [
    ['KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
    ['KubeletHasDiskPressure', 'kubelet has disk pressure'],
  ],
  PIDPressure: [
    ['KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
    ['KubeletHasInsufficientPID', 'kubelet has insufficient PID available'],
  ],
} as const;

function cond(type: string, status: 'True' | 'False', reason: string, message: string, now: string, previous: NodeCondition[] | undefined): NodeCondition {
  const prev = previous?.find((c) => c.type === type);
  const transition = prev && prev.status === status && prev.lastTransitionTime ? prev.lastTransitionTime : now;
  return { type, status, lastHeartbeatTime: now, lastTransitionTime: transition, reason, message };
}

export function buildNodeStatus(node: Stored<Node>, id: NodeIdentity, images: ContainerImage[], pressure: NodePressure, now: string): NodeStatus {
  const previous = node.status?.conditions;
  const capacity = { ...DEFAULT_CAPACITY, ...(node.status?.capacity ?? {}) } as Record<string, string>;
  const allocatable = { ...capacity, ...(node.status?.allocatable ?? {}) } as Record<string, string>;
  if (!node.status?.allocatable && capacity.memory === DEFAULT_CAPACITY.memory) allocatable.memory = '8045732Ki';
  const conditions: NodeCondition[] = [];
  const network = previous?.find((c) => c.type === 'NetworkUnavailable');
  // NetworkUnavailable belongs to the network plugin / route controller; the kubelet keeps what they set.
  if (network) conditions.push(network);
  for (const type of ['MemoryPressure', 'DiskPressure', 'PIDPressure'] as const) {
    const on = type === 'MemoryPressure' ? pressure.memory : type === 'DiskPressure' ? pressure.disk : pressure.pid;
    const [reason, message] = CONDITION_TEXT[type][on ? 1 : 0];
    conditions.push(cond(type, on ? 'True' : 'False', reason, message, now, previous));
  }
  conditions.push(cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status', now, previous));
  const hostname = node.metadata.labels?.['kubernetes.io/hostname'] ?? node.metadata.name;
  return {
    ...(node.status ?? {}),
    addresses: node.status?.addresses ?? [
      { type: 'InternalIP', address: id.internalIP },
      { type: 'Hostname', address: hostname },
    ],
    allocatable,
    capacity,
    conditions,
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    images,
    nodeInfo: {
      architecture: node.metadata.labels?.['kubernetes.io/arch'] ?? 'amd64',
      bootID: id.bootID,
      containerRuntimeVersion: CONTAINER_RUNTIME_VERSION,
      kernelVersion: KERNEL_VERSION,
      kubeProxyVersion: KUBELET_VERSION,
      kubeletVersion: KUBELET_VERSION,
      machineID: id.machineID,
      operatingSystem: node.metadata.labels?.['kubernetes.io/os'] ?? 'linux',
      osImage: OS_IMAGE,
      systemUUID: id.systemUUID,
    },
  };
}

/** Node status without the fields that change on every report (to tell whether anything changed). */
export function statusFingerprint(s: NodeStatus): string {
  return JSON.stringify({
    c: s.conditions?.map((c) => [c.type, c.status, c.reason]),
    i: s.images?.length,
    n: s.images?.[0]?.names?.[0],
    cap: s.capacity,
    all: s.allocatable,
    a: s.addresses,
  });
}
