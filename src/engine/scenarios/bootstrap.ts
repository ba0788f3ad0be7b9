/**
 * What a freshly installed cluster (kubeadm, kind) already has before anyone applies anything: the four
 * system namespaces and the `kubernetes` Service, whose ClusterIP is the first address of the service
 * CIDR (10.96.0.1), and a default StorageClass `local-path` (as k3s ships it). The serviceaccount controller adds each
 * namespace's `default` ServiceAccount.
 */
import type { ApiServer } from '../apiserver/apiserver';

export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'] as const;

export function bootstrapCluster(api: ApiServer): void {
  for (const name of SYSTEM_NAMESPACES) {
    api.create({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  }
  // kube-apiserver creates the two system PriorityClasses at start-up (scheduling.SystemPriorityClasses).
  for (const [name, value, description] of [
    ['system-node-critical', 2000001000, 'Used for system critical pods that must not be moved from their current node.'],
    ['system-cluster-critical', 2000000000, 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.'],
  ] as const) {
    api.create({
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: { name },
      value,
      globalDefault: false,
      description,
    });
  }
  // A default StorageClass, so the docs' StatefulSets get volumes: local-path-provisioner with binding
  // delayed until a pod uses the claim. Named `local-path` as k3s names it rather than kind's `standard`,
  // so the docs' own `standard` class (storageclass-topology.yaml) still applies on a fresh cluster.
  api.create({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'local-path', annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' } },
    provisioner: 'rancher.io/local-path',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  });
  api.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      type: 'ClusterIP',
      clusterIP: '10.96.0.1',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      sessionAffinity: 'None',
    },
  });
}
