/** Defaulting, kind by kind: the SetDefaults_* functions kube-apiserver runs on every decoded object. */
import type { KubeObject } from '../../../objects';
import type { AdmissionPlugin } from '../../apiserver';
import {
  defaultEndpointPorts,
  defaultLimitRange,
  defaultNamespace,
  defaultNode,
  defaultPersistentVolume,
  defaultPersistentVolumeClaim,
  defaultPod,
  defaultSecret,
  defaultService,
} from './core';
import { defaultCronJob, defaultDaemonSet, defaultDeployment, defaultJob, defaultReplicaSet, defaultStatefulSet } from './workloads';
import { defaultHorizontalPodAutoscaler } from './autoscaling';
import { defaultNetworkPolicy, defaultPriorityClass, defaultStorageClass } from './networking';

const DEFAULTERS: Record<string, (obj: KubeObject) => void> = {
  Pod: defaultPod,
  Service: defaultService,
  Namespace: defaultNamespace,
  Secret: defaultSecret,
  PersistentVolumeClaim: defaultPersistentVolumeClaim,
  PersistentVolume: defaultPersistentVolume,
  LimitRange: defaultLimitRange,
  Endpoints: defaultEndpointPorts,
  EndpointSlice: defaultEndpointPorts,
  Node: defaultNode,
  Deployment: defaultDeployment,
  ReplicaSet: defaultReplicaSet,
  StatefulSet: defaultStatefulSet,
  DaemonSet: defaultDaemonSet,
  Job: defaultJob,
  CronJob: defaultCronJob,
  HorizontalPodAutoscaler: defaultHorizontalPodAutoscaler,
  NetworkPolicy: defaultNetworkPolicy,
  StorageClass: defaultStorageClass,
  PriorityClass: defaultPriorityClass,
};

export function applyDefaults(obj: KubeObject): void {
  DEFAULTERS[obj.kind]?.(obj);
}

export const defaultingPlugin: AdmissionPlugin = {
  name: 'Defaulting',
  admit(obj) {
    applyDefaults(obj);
  },
};
