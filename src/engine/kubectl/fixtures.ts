/** Objects in the shapes a running cluster holds, for kubectl's tests. */
import type { KubeObject } from '../objects';

export const T0 = '2026-01-01T00:00:00Z';

export function node(name: string, opts: { controlPlane?: boolean; ready?: boolean; unschedulable?: boolean } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: { 'kubernetes.io/hostname': name, ...(opts.controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {}) },
    },
    spec: { podCIDR: '10.244.1.0/24', ...(opts.unschedulable ? { unschedulable: true } : {}) },
    status: {
      capacity: { cpu: '4', memory: '8192Mi', pods: '110' },
      allocatable: { cpu: '4', memory: '8092Mi', pods: '110' },
      conditions: [{ type: 'Ready', status: opts.ready === false ? 'Unknown' : 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: T0, lastTransitionTime: T0 }],
      addresses: [
        { type: 'InternalIP', address: '172.18.0.2' },
        { type: 'Hostname', address: name },
      ],
      nodeInfo: {
        kubeletVersion: 'v1.31.4',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        kernelVersion: '6.8.0-1015-gcp',
        containerRuntimeVersion: 'containerd://1.7.18',
        operatingSystem: 'linux',
        architecture: 'amd64',
        machineID: 'm',
        systemUUID: 's',
        bootID: 'b',
        kubeProxyVersion: '',
      },
    },
  };
}

export function deployment(name: string, replicas: number, status: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default', labels: { app: name }, annotations: { 'deployment.kubernetes.io/revision': '1' } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.25' }] } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status: { observedGeneration: 1, replicas, updatedReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas, ...status },
  };
}

export function runningPod(name: string, opts: { node?: string; labels?: Record<string, string>; ip?: string; owner?: { kind: string; name: string; uid: string } } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      labels: opts.labels ?? { app: 'web' },
      ...(opts.owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: opts.owner.kind, name: opts.owner.name, uid: opts.owner.uid, controller: true, blockOwnerDeletion: true }] } : {}),
    },
    spec: { nodeName: opts.node ?? 'worker-1', containers: [{ name: 'nginx', image: 'nginx:1.25', resources: { requests: { cpu: '100m', memory: '128Mi' } } }], serviceAccountName: 'default' },
    status: {
      phase: 'Running',
      podIP: opts.ip ?? '10.244.1.2',
      podIPs: [{ ip: opts.ip ?? '10.244.1.2' }],
      hostIP: '172.18.0.2',
      startTime: T0,
      conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [{ name: 'nginx', image: 'nginx:1.25', imageID: '', containerID: 'containerd://1', ready: true, restartCount: 0, state: { running: { startedAt: T0 } } }],
    },
  };
}

export function event(name: string, involved: { kind: string; name: string; uid?: string }, type: string, reason: string, message: string, first: string, last: string, count: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'default' },
    involvedObject: { kind: involved.kind, name: involved.name, namespace: 'default', ...(involved.uid ? { uid: involved.uid } : {}) },
    type,
    reason,
    message,
    source: { component: 'default-scheduler' },
    firstTimestamp: first,
    lastTimestamp: last,
    count,
  };
}
