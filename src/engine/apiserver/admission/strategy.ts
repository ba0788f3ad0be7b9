/**
 * What each kind's REST strategy does before storing (pkg/registry/<group>/<kind>/strategy.go):
 * PrepareForCreate clears the status a client sent (controllers own it) and Job generates its selector;
 * the Secret storage folds `stringData` into `data`.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- strategies edit loosely typed JSON */
import type { KubeObject } from '../../objects';
import type { AdmissionPlugin } from '../apiserver';
import { encodeBase64 } from './base64';

type Json = Record<string, any>;

/** The status a freshly created object of each kind starts with; kinds not listed keep what was sent. */
const INITIAL_STATUS: Record<string, () => Json> = {
  Pod: () => ({ phase: 'Pending' }),
  Deployment: () => ({}),
  ReplicaSet: () => ({ replicas: 0 }),
  StatefulSet: () => ({ replicas: 0, availableReplicas: 0 }),
  DaemonSet: () => ({ currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 }),
  Job: () => ({}),
  CronJob: () => ({}),
  HorizontalPodAutoscaler: () => ({ desiredReplicas: 0 }),
  Service: () => ({ loadBalancer: {} }),
  Ingress: () => ({ loadBalancer: {} }),
  PersistentVolumeClaim: () => ({ phase: 'Pending' }),
  // A new PV starts Pending and the PV controller makes it Available at once; with no PV controller
  // in the playground it is stored Available.
  PersistentVolume: () => ({ phase: 'Available' }),
  PodDisruptionBudget: () => ({ disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 }),
  ResourceQuota: () => ({}),
};

/** Labels the Job controller's generated selector uses (batch/v1 Job strategy, generateSelector). */
export const JOB_CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';

function generateJobSelector(obj: KubeObject): void {
  const spec = obj.spec as Json | undefined;
  const uid = obj.metadata.uid;
  const name = obj.metadata.name;
  if (!spec || typeof spec !== 'object' || !uid || !name) return;
  if (spec.manualSelector === true || spec.selector) return;
  spec.selector = { matchLabels: { [JOB_CONTROLLER_UID_LABEL]: uid } };
  const template = (spec.template ??= {}) as Json;
  const meta = (template.metadata ??= {}) as Json;
  meta.labels = {
    ...meta.labels,
    [JOB_CONTROLLER_UID_LABEL]: uid,
    [JOB_NAME_LABEL]: name,
    'controller-uid': uid,
    'job-name': name,
  };
}

/** Secret storage: each stringData entry overwrites the data key of the same name, encoded. */
function foldStringData(obj: KubeObject): void {
  const stringData = obj.stringData as Record<string, unknown> | undefined;
  if (!stringData || typeof stringData !== 'object') return;
  const data: Record<string, unknown> = { ...(obj.data as Record<string, unknown> | undefined) };
  for (const [k, v] of Object.entries(stringData)) if (typeof v === 'string') data[k] = encodeBase64(v);
  obj.data = data;
  delete obj.stringData;
}

export const strategyPlugin: AdmissionPlugin = {
  name: 'RESTStrategy',
  admit(obj, ctx) {
    if (obj.kind === 'Secret') foldStringData(obj);
    if (ctx.operation !== 'CREATE') return;
    const initial = INITIAL_STATUS[obj.kind];
    if (initial) obj.status = initial();
    if (obj.kind === 'Job') generateJobSelector(obj);
  },
};
