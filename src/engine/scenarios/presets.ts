/**
 * Cluster presets. `default` is what a kind or kubeadm lab cluster looks like: one control-plane node,
 * tainted so ordinary pods stay off it, and three workers. `big-cluster` is a production-sized one:
 * 1,000 nodes over four zones running 10,000 pods of ten Deployments. Every node is a simulated machine
 * whose kubelet registers and heartbeats; capacity is what the machine has, allocatable subtracts the
 * kubelet's default hard eviction threshold (memory.available < 100Mi).
 */

export const PRESET_NAMES = ['default', 'big-cluster'] as const;

export type PresetName = (typeof PRESET_NAMES)[number];

export function isPresetName(value: unknown): value is PresetName {
  return typeof value === 'string' && (PRESET_NAMES as readonly string[]).includes(value);
}

/** The preset's control-plane machine: kubeadm's static pods run there. */
export const PRESET_CONTROL_PLANE: Record<PresetName, string> = { default: 'control-plane', 'big-cluster': 'control-plane' };

/** A Node manifest for a simulated machine (also what tests build their clusters from). */
export function nodeManifest(name: string, opts: { controlPlane?: boolean; cpu: string; memoryMi: number; zone: string; arch?: 'amd64' | 'arm64' }): string {
  const role = opts.controlPlane ? '\n    node-role.kubernetes.io/control-plane: ""' : '';
  const taints = opts.controlPlane
    ? `
spec:
  taints:
  - key: node-role.kubernetes.io/control-plane
    effect: NoSchedule`
    : '';
  return `apiVersion: v1
kind: Node
metadata:
  name: ${name}
  labels:
    kubernetes.io/hostname: ${name}
    kubernetes.io/os: linux
    kubernetes.io/arch: ${opts.arch ?? 'amd64'}
    topology.kubernetes.io/zone: ${opts.zone}${role}${taints}
status:
  capacity:
    cpu: "${opts.cpu}"
    memory: ${opts.memoryMi}Mi
    pods: "110"
    ephemeral-storage: 61255492Ki
  allocatable:
    cpu: "${opts.cpu}"
    memory: ${opts.memoryMi - 100}Mi
    pods: "110"
    ephemeral-storage: 61255492Ki
`;
}

const DEFAULT_PRESET = (): string =>
  [
    nodeManifest('control-plane', { controlPlane: true, cpu: '2', memoryMi: 4096, zone: 'zone-a' }),
    nodeManifest('worker-1', { cpu: '4', memoryMi: 8192, zone: 'zone-a' }),
    nodeManifest('worker-2', { cpu: '4', memoryMi: 8192, zone: 'zone-b' }),
    nodeManifest('worker-3', { cpu: '4', memoryMi: 8192, zone: 'zone-c' }),
  ].join('---\n');

/** The big cluster's size: nodes (the control plane's included), zones, and its workloads. */
export const BIG_CLUSTER = {
  nodes: 1000,
  zones: ['zone-a', 'zone-b', 'zone-c', 'zone-d'],
  deployments: ['frontend', 'catalog', 'search', 'cart', 'checkout', 'payments', 'accounts', 'reviews', 'shipping', 'notifications'],
  replicasEach: 1000,
} as const;

/** `node-0001` ... `node-0999`: zero-padded so kubectl's name order is the machines' order. */
export function bigClusterNodeName(i: number): string {
  return `node-${String(i).padStart(4, '0')}`;
}

function bigClusterDeployment(name: string, replicas: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  labels:
    app: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: ${name}
        image: nginx:1.25
        resources:
          requests:
            cpu: 100m
            memory: 64Mi
`;
}

const BIG_CLUSTER_PRESET = (): string => {
  const docs = [nodeManifest('control-plane', { controlPlane: true, cpu: '4', memoryMi: 16384, zone: BIG_CLUSTER.zones[0] })];
  // Workers deal round the zones, as a cloud's node groups spread machines over availability zones.
  for (let i = 1; i < BIG_CLUSTER.nodes; i++) {
    docs.push(nodeManifest(bigClusterNodeName(i), { cpu: '8', memoryMi: 32768, zone: BIG_CLUSTER.zones[i % BIG_CLUSTER.zones.length]! }));
  }
  for (const d of BIG_CLUSTER.deployments) docs.push(bigClusterDeployment(d, BIG_CLUSTER.replicasEach));
  return docs.join('---\n');
};

/** Each preset's manifests, built when a cluster asks for them (the big one is 1,000 Node manifests). */
const PRESET_BUILDERS: Record<PresetName, () => string> = { default: DEFAULT_PRESET, 'big-cluster': BIG_CLUSTER_PRESET };

export function presetManifests(name: PresetName): string {
  return PRESET_BUILDERS[name]();
}
