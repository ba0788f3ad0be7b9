/**
 * Defaulting of workload controllers' objects: apps/v1 (pkg/apis/apps/v1/defaults.go) and batch/v1
 * (pkg/apis/batch/v1/defaults.go). Pod templates get the Pod spec defaults.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- defaulting walks loosely typed JSON */
import type { KubeObject } from '../../../objects';
import { defaultPodTemplate } from './core';

type Json = Record<string, any>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function setIfMissing(obj: Json, key: string, value: unknown): void {
  if (obj[key] === undefined || obj[key] === null) obj[key] = value;
}

function specOf(obj: KubeObject): Json | undefined {
  return isObject(obj.spec) ? obj.spec : undefined;
}

/** SetDefaults_Deployment (FIDELITY: replicas 1, RollingUpdate 25%/25%, history 10, deadline 600 s). */
export function defaultDeployment(obj: KubeObject): void {
  const spec = specOf(obj);
  if (!spec) return;
  setIfMissing(spec, 'replicas', 1);
  setIfMissing(spec, 'strategy', {});
  if (isObject(spec.strategy)) {
    setIfMissing(spec.strategy, 'type', 'RollingUpdate');
    if (spec.strategy.type === 'RollingUpdate') {
      setIfMissing(spec.strategy, 'rollingUpdate', {});
      setIfMissing(spec.strategy.rollingUpdate, 'maxUnavailable', '25%');
      setIfMissing(spec.strategy.rollingUpdate, 'maxSurge', '25%');
    }
  }
  setIfMissing(spec, 'revisionHistoryLimit', 10);
  setIfMissing(spec, 'progressDeadlineSeconds', 600);
  defaultPodTemplate(spec.template);
}

export function defaultReplicaSet(obj: KubeObject): void {
  const spec = specOf(obj);
  if (!spec) return;
  setIfMissing(spec, 'replicas', 1);
  defaultPodTemplate(spec.template);
}

/** SetDefaults_StatefulSet: OrderedReady, RollingUpdate with partition 0, Retain PVCs, history 10. */
export function defaultStatefulSet(obj: KubeObject): void {
  const spec = specOf(obj);
  if (!spec) return;
  setIfMissing(spec, 'replicas', 1);
  setIfMissing(spec, 'podManagementPolicy', 'OrderedReady');
  setIfMissing(spec, 'updateStrategy', {});
  if (isObject(spec.updateStrategy)) {
    setIfMissing(spec.updateStrategy, 'type', 'RollingUpdate');
    if (spec.updateStrategy.type === 'RollingUpdate') {
      setIfMissing(spec.updateStrategy, 'rollingUpdate', {});
      setIfMissing(spec.updateStrategy.rollingUpdate, 'partition', 0);
    }
  }
  setIfMissing(spec, 'revisionHistoryLimit', 10);
  setIfMissing(spec, 'persistentVolumeClaimRetentionPolicy', {});
  if (isObject(spec.persistentVolumeClaimRetentionPolicy)) {
    setIfMissing(spec.persistentVolumeClaimRetentionPolicy, 'whenDeleted', 'Retain');
    setIfMissing(spec.persistentVolumeClaimRetentionPolicy, 'whenScaled', 'Retain');
  }
  if (Array.isArray(spec.volumeClaimTemplates)) {
    for (const t of spec.volumeClaimTemplates) {
      if (isObject(t?.spec)) setIfMissing(t.spec, 'volumeMode', 'Filesystem');
      if (isObject(t)) setIfMissing(t, 'apiVersion', 'v1');
      if (isObject(t)) setIfMissing(t, 'kind', 'PersistentVolumeClaim');
    }
  }
  defaultPodTemplate(spec.template);
}

/** SetDefaults_DaemonSet: RollingUpdate with maxUnavailable 1 and maxSurge 0, history 10. */
export function defaultDaemonSet(obj: KubeObject): void {
  const spec = specOf(obj);
  if (!spec) return;
  setIfMissing(spec, 'updateStrategy', {});
  if (isObject(spec.updateStrategy)) {
    setIfMissing(spec.updateStrategy, 'type', 'RollingUpdate');
    if (spec.updateStrategy.type === 'RollingUpdate') {
      setIfMissing(spec.updateStrategy, 'rollingUpdate', {});
      setIfMissing(spec.updateStrategy.rollingUpdate, 'maxUnavailable', 1);
      setIfMissing(spec.updateStrategy.rollingUpdate, 'maxSurge', 0);
    }
  }
  setIfMissing(spec, 'revisionHistoryLimit', 10);
  defaultPodTemplate(spec.template);
}

/** The JobSpec defaults SetDefaults_Job fills (completions/parallelism 1, backoffLimit 6, NonIndexed). */
export function defaultJobSpec(spec: Json): void {
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  setIfMissing(spec, 'parallelism', 1);
  setIfMissing(spec, 'backoffLimit', spec.backoffLimitPerIndex !== undefined ? 2147483647 : 6);
  setIfMissing(spec, 'completionMode', 'NonIndexed');
  setIfMissing(spec, 'suspend', false);
  setIfMissing(spec, 'podReplacementPolicy', spec.podFailurePolicy !== undefined ? 'Failed' : 'TerminatingOrFailed');
}

export function defaultJob(obj: KubeObject): void {
  const spec = specOf(obj);
  if (!spec) return;
  defaultJobSpec(spec);
  defaultPodTemplate(spec.template);
}

/** SetDefaults_CronJob: Allow, not suspended, keep 3 successful and 1 failed Jobs. */
export function defaultCronJob(obj: KubeObject): void {
  const spec = specOf(obj);
  if (!spec) return;
  setIfMissing(spec, 'concurrencyPolicy', 'Allow');
  setIfMissing(spec, 'suspend', false);
  setIfMissing(spec, 'successfulJobsHistoryLimit', 3);
  setIfMissing(spec, 'failedJobsHistoryLimit', 1);
  defaultPodTemplate(spec.jobTemplate?.spec?.template);
}
