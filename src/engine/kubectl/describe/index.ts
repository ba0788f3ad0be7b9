/** Which describer `kubectl describe` uses for a kind. */
import type { ApiServer } from '../../apiserver/apiserver';
import type { Stored } from '../../objects';
import { describeHorizontalPodAutoscaler } from './autoscaling';
import { describeCronJob, describeDaemonSet, describeJob, describeStatefulSet } from './batch';
import { describeConfigMap, describeNamespace, describeSecret } from './config';
import { describeGeneric } from './generic';
import { describeIngress, describeNetworkPolicy } from './networking';
import { describeNode } from './node';
import { describePod } from './pod';
import { describeLimitRange, describePodDisruptionBudget, describeResourceQuota } from './policy';
import { describeService } from './service';
import { describePersistentVolumeClaim } from './storage';
import { describeDeployment, describeReplicaSet } from './workloads';

type Describer = (api: ApiServer, obj: Stored, nowMs: number) => string;

const DESCRIBERS: Record<string, Describer> = {
  Pod: describePod,
  Node: describeNode,
  Deployment: describeDeployment,
  ReplicaSet: describeReplicaSet,
  Service: describeService,
  Namespace: describeNamespace,
  ConfigMap: describeConfigMap,
  Secret: describeSecret,
  HorizontalPodAutoscaler: describeHorizontalPodAutoscaler,
  Job: describeJob,
  CronJob: describeCronJob,
  DaemonSet: describeDaemonSet,
  StatefulSet: describeStatefulSet,
  PodDisruptionBudget: describePodDisruptionBudget,
  ResourceQuota: describeResourceQuota,
  LimitRange: describeLimitRange,
  Ingress: describeIngress,
  PersistentVolumeClaim: describePersistentVolumeClaim,
  NetworkPolicy: describeNetworkPolicy,
};

export function describeObject(api: ApiServer, obj: Stored, nowMs: number): string {
  return (DESCRIBERS[obj.kind] ?? describeGeneric)(api, obj, nowMs);
}
