/**
 * Cluster presets. `default` is what a kind or kubeadm lab cluster looks like: one control-plane node,
 * tainted so ordinary pods stay off it, and three workers. Every node is a simulated machine whose
 * kubelet registers and heartbeats; capacity is what the machine has, allocatable subtracts the
 * kubelet's default hard eviction threshold (memory.available < 100Mi).
 */

export type PresetName = 'default';

/** The preset's control-plane machine: kubeadm's static pods run there. */
export const PRESET_CONTROL_PLANE: Record<PresetName, string> = { default: 'control-plane' };

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

export const PRESETS: Record<PresetName, string> = {
  default: [
    nodeManifest('control-plane', { controlPlane: true, cpu: '2', memoryMi: 4096, zone: 'zone-a' }),
    nodeManifest('worker-1', { cpu: '4', memoryMi: 8192, zone: 'zone-a' }),
    nodeManifest('worker-2', { cpu: '4', memoryMi: 8192, zone: 'zone-b' }),
    nodeManifest('worker-3', { cpu: '4', memoryMi: 8192, zone: 'zone-c' }),
  ].join('---\n'),
};
