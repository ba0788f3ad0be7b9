/** Validation, kind by kind: what the REST strategies' Validate / ValidateUpdate check. */
/* eslint-disable @typescript-eslint/no-explicit-any -- validation reads loosely typed JSON */
import type { AdmissionPlugin } from '../../apiserver';
import type { FieldError } from '../../errors';
import { validateObjectMeta } from './meta';
import { validatePodSpec, validatePodUpdate } from './pod';
import { validateCronJob, validateDaemonSet, validateDeployment, validateJob, validateReplicaSet, validateStatefulSet } from './workloads';
import { validateService } from './service';
import { validateConfigMap, validateSecret } from './config';
import { validatePersistentVolume, validatePersistentVolumeClaim, validateStorageClass } from './storage';
import { validateHorizontalPodAutoscaler } from './autoscaling';
import { validateIngress, validatePodDisruptionBudget, validatePriorityClass, validateRole, validateRoleBinding } from './cluster';

type Json = Record<string, any>;
type Validator = (obj: Json, old: Json | undefined) => FieldError[];

function validatePod(obj: Json, old: Json | undefined): FieldError[] {
  const errors = validatePodSpec(obj.spec, 'spec');
  if (old) errors.push(...validatePodUpdate(obj.spec, old.spec));
  return errors;
}

const VALIDATORS: Record<string, Validator> = {
  Pod: validatePod,
  Deployment: validateDeployment,
  ReplicaSet: validateReplicaSet,
  StatefulSet: validateStatefulSet,
  DaemonSet: validateDaemonSet,
  Job: validateJob,
  CronJob: validateCronJob,
  Service: validateService,
  Secret: validateSecret,
  ConfigMap: validateConfigMap,
  PersistentVolumeClaim: validatePersistentVolumeClaim,
  PersistentVolume: validatePersistentVolume,
  StorageClass: validateStorageClass,
  HorizontalPodAutoscaler: validateHorizontalPodAutoscaler,
  PriorityClass: validatePriorityClass,
  Ingress: validateIngress,
  Role: validateRole,
  ClusterRole: validateRole,
  RoleBinding: validateRoleBinding,
  ClusterRoleBinding: validateRoleBinding,
  PodDisruptionBudget: validatePodDisruptionBudget,
};

export function validateObject(obj: Json, old: Json | undefined): FieldError[] {
  const errors = validateObjectMeta(obj.metadata);
  const validator = VALIDATORS[obj.kind];
  if (validator) errors.push(...validator(obj, old));
  return errors;
}

export const validationPlugin: AdmissionPlugin = {
  name: 'Validation',
  validate(obj, ctx) {
    return validateObject(obj as Json, ctx.old as Json | undefined);
  },
};
