/** Which table `kubectl get` prints for a kind. */
import { configMapTable, defaultTable, eventTable, leaseTable, namespaceTable, networkPolicyTable, persistentVolumeClaimTable, persistentVolumeTable, podDisruptionBudgetTable, priorityClassTable, resourceQuotaTable, roleBindingTable, secretTable, serviceAccountTable, storageClassTable } from './cluster';
import { endpointSliceTable, endpointsTable, ingressTable, serviceTable } from './networking';
import { nodeTable } from './nodes';
import { podTable } from './pods';
import type { TableDef } from './tableDef';
import { cronJobTable, daemonSetTable, deploymentTable, hpaTable, jobTable, replicaSetTable, statefulSetTable } from './workloads';

const TABLES: Record<string, TableDef> = {
  Pod: podTable,
  Node: nodeTable,
  Namespace: namespaceTable,
  Service: serviceTable,
  Endpoints: endpointsTable,
  EndpointSlice: endpointSliceTable,
  Ingress: ingressTable,
  Event: eventTable,
  ConfigMap: configMapTable,
  Secret: secretTable,
  ServiceAccount: serviceAccountTable,
  PersistentVolume: persistentVolumeTable,
  PersistentVolumeClaim: persistentVolumeClaimTable,
  ResourceQuota: resourceQuotaTable,
  Deployment: deploymentTable,
  ReplicaSet: replicaSetTable,
  StatefulSet: statefulSetTable,
  DaemonSet: daemonSetTable,
  Job: jobTable,
  CronJob: cronJobTable,
  HorizontalPodAutoscaler: hpaTable,
  Lease: leaseTable,
  NetworkPolicy: networkPolicyTable,
  StorageClass: storageClassTable,
  PodDisruptionBudget: podDisruptionBudgetTable,
  PriorityClass: priorityClassTable,
  RoleBinding: roleBindingTable,
  ClusterRoleBinding: roleBindingTable,
};

export function tableFor(kind: string): TableDef {
  return TABLES[kind] ?? defaultTable;
}
