/**
 * Deployment helpers (pkg/controller/deployment/util/deployment_util.go): revisions, the new and old
 * ReplicaSets of a Deployment, the rolling-update fenceposts, proportions for scaling mid-rollout, and
 * the Deployment conditions. Pure functions of objects; also used by `kubectl rollout`.
 */
import type { Deployment, DeploymentCondition, DeploymentStatus, ReplicaSet } from 'kubernetes-types/apps/v1';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../../apiserver/apiserver';
import { isDeepEqual } from '../../apiserver/deepEqual';
import { controllerOf, type Stored } from '../../objects';

export type StoredDeployment = Stored<Deployment>;
/** What the helpers read of a Deployment or ReplicaSet (stored or not). */
type DeploymentShape = Pick<Deployment, 'metadata' | 'spec' | 'status'>;
type ReplicaSetShape = Pick<ReplicaSet, 'metadata' | 'spec' | 'status'>;
export type StoredReplicaSet = Stored<ReplicaSet>;

export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
export const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt';
/** Longest revision-history annotation the controller keeps (maxRevHistoryLengthInChars). */
export const MAX_REVISION_HISTORY_CHARS = 2000;

// Condition reasons (deployment_util.go).
export const REASON_RS_UPDATED = 'ReplicaSetUpdated';
export const REASON_FAILED_RS_CREATE = 'ReplicaSetCreateError';
export const REASON_NEW_RS_CREATED = 'NewReplicaSetCreated';
export const REASON_FOUND_NEW_RS = 'FoundNewReplicaSet';
export const REASON_NEW_RS_AVAILABLE = 'NewReplicaSetAvailable';
export const REASON_TIMED_OUT = 'ProgressDeadlineExceeded';
export const REASON_PAUSED = 'DeploymentPaused';
export const REASON_RESUMED = 'DeploymentResumed';
export const REASON_MIN_AVAILABLE = 'MinimumReplicasAvailable';
export const REASON_MIN_UNAVAILABLE = 'MinimumReplicasUnavailable';

// ---- spec with Kubernetes' defaults (SetDefaults_Deployment), for objects stored without admission ----

export function deploymentReplicas(d: DeploymentShape): number {
  return d.spec?.replicas ?? 1;
}

export function isRollingUpdate(d: DeploymentShape): boolean {
  return (d.spec?.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

export function revisionHistoryLimit(d: DeploymentShape): number {
  return d.spec?.revisionHistoryLimit ?? 10;
}

export function progressDeadlineSeconds(d: DeploymentShape): number {
  return d.spec?.progressDeadlineSeconds ?? 600;
}

const MAX_INT32 = 2147483647;

export function hasProgressDeadline(d: DeploymentShape): boolean {
  return progressDeadlineSeconds(d) !== MAX_INT32;
}

export function hasRevisionHistoryLimit(d: DeploymentShape): boolean {
  return revisionHistoryLimit(d) !== MAX_INT32;
}

export function rsReplicas(rs: ReplicaSetShape | undefined): number {
  return rs?.spec?.replicas ?? (rs ? 1 : 0);
}

// ---- fenceposts ----

/**
 * intstr.GetScaledValueFromIntOrPercent: an integer as is, or a percentage of `total`, rounded up or
 * down as asked.
 */
export function valueFromIntOrPercent(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(value.trim());
  if (!m) {
    const n = Number(value);
    return Number.isInteger(n) ? n : 0;
  }
  const scaled = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/**
 * ResolveFenceposts: maxSurge rounds up, maxUnavailable rounds down; if both come out 0, maxUnavailable
 * becomes 1 (a rollout must be able to move).
 */
export function resolveFenceposts(maxSurge: number | string | undefined, maxUnavailable: number | string | undefined, desired: number): { surge: number; unavailable: number } {
  const surge = valueFromIntOrPercent(maxSurge ?? 0, desired, true);
  let unavailable = valueFromIntOrPercent(maxUnavailable ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

function rollingFenceposts(d: DeploymentShape): { surge: number; unavailable: number } {
  const ru = d.spec?.strategy?.rollingUpdate;
  // Defaults when the strategy was stored without admission: 25% and 25%.
  return resolveFenceposts(ru?.maxSurge ?? '25%', ru?.maxUnavailable ?? '25%', deploymentReplicas(d));
}

export function maxSurge(d: DeploymentShape): number {
  return isRollingUpdate(d) ? rollingFenceposts(d).surge : 0;
}

export function maxUnavailable(d: DeploymentShape): number {
  const replicas = deploymentReplicas(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  return Math.min(rollingFenceposts(d).unavailable, replicas);
}

// ---- revisions ----

/** The revision number of a ReplicaSet (or Deployment): its revision annotation, 0 when absent. */
export function revisionOf(obj: { metadata?: { annotations?: Record<string, string> } }): number {
  const v = obj.metadata?.annotations?.[REVISION_ANNOTATION];
  if (v === undefined) return 0;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : 0;
}

export function maxRevision(rss: readonly ReplicaSetShape[]): number {
  let max = 0;
  for (const rs of rss) max = Math.max(max, revisionOf(rs));
  return max;
}

// ---- finding ReplicaSets ----

function creationMs(obj: { metadata: { creationTimestamp: string } }): number {
  return Date.parse(obj.metadata.creationTimestamp);
}

/** controller.ReplicaSetsByCreationTimestamp: oldest first, then by name. */
export function byCreationTimestamp(a: StoredReplicaSet, b: StoredReplicaSet): number {
  const d = creationMs(a) - creationMs(b);
  if (d !== 0) return d;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** ReplicaSetsBySizeOlder: larger first, older first among equals (for scaling down). */
export function bySizeOlder(a: StoredReplicaSet, b: StoredReplicaSet): number {
  const d = rsReplicas(b) - rsReplicas(a);
  return d !== 0 ? d : byCreationTimestamp(a, b);
}

/** ReplicaSetsBySizeNewer: larger first, newer first among equals (for scaling up). */
export function bySizeNewer(a: StoredReplicaSet, b: StoredReplicaSet): number {
  const d = rsReplicas(b) - rsReplicas(a);
  return d !== 0 ? d : byCreationTimestamp(b, a);
}

/** ReplicaSetsByRevision: lowest revision first, then by creation. */
export function byRevision(a: StoredReplicaSet, b: StoredReplicaSet): number {
  const d = revisionOf(a) - revisionOf(b);
  return d !== 0 ? d : byCreationTimestamp(a, b);
}

/** The ReplicaSets a Deployment controls (ListReplicaSets: same namespace, controller reference to it). */
export function listReplicaSetsOf(api: ApiServer, deployment: StoredDeployment): StoredReplicaSet[] {
  return api
    .list<ReplicaSet>('ReplicaSet', { namespace: deployment.metadata.namespace ?? 'default' })
    .filter((rs) => controllerOf(rs)?.uid === deployment.metadata.uid);
}

function withoutHashLabel(template: PodTemplateSpec | undefined): PodTemplateSpec {
  const t = template ?? {};
  const labels = t.metadata?.labels;
  if (!labels || !(POD_TEMPLATE_HASH_LABEL in labels)) return t;
  const rest = { ...labels };
  delete rest[POD_TEMPLATE_HASH_LABEL];
  return { ...t, metadata: { ...t.metadata, labels: rest } };
}

/** EqualIgnoreHash: two pod templates are equal when they differ at most in the pod-template-hash label. */
export function equalIgnoreHash(a: PodTemplateSpec | undefined, b: PodTemplateSpec | undefined): boolean {
  const ta = withoutHashLabel(a);
  const tb = withoutHashLabel(b);
  // An empty labels map and no labels are the same to Kubernetes' semantic equality.
  const norm = (t: PodTemplateSpec) =>
    t.metadata?.labels && Object.keys(t.metadata.labels).length === 0 ? { ...t, metadata: { ...t.metadata, labels: undefined } } : t;
  return isDeepEqual(norm(ta), norm(tb));
}

/** FindNewReplicaSet: the oldest ReplicaSet whose template equals the Deployment's (ignoring the hash). */
export function findNewReplicaSet(deployment: DeploymentShape, rsList: readonly StoredReplicaSet[]): StoredReplicaSet | undefined {
  const sorted = [...rsList].sort(byCreationTimestamp);
  return sorted.find((rs) => equalIgnoreHash(rs.spec?.template, deployment.spec?.template));
}

/** FindOldReplicaSets: every ReplicaSet but the new one. */
export function findOldReplicaSets(deployment: DeploymentShape, rsList: readonly StoredReplicaSet[]): StoredReplicaSet[] {
  const newRS = findNewReplicaSet(deployment, rsList);
  return rsList.filter((rs) => !newRS || rs.metadata.uid !== newRS.metadata.uid);
}

/** FilterActiveReplicaSets: those with replicas > 0. */
export function filterActive(rss: readonly (StoredReplicaSet | undefined)[]): StoredReplicaSet[] {
  return rss.filter((rs): rs is StoredReplicaSet => rs !== undefined && rsReplicas(rs) > 0);
}

export function sumSpecReplicas(rss: readonly (ReplicaSetShape | undefined)[]): number {
  let n = 0;
  for (const rs of rss) if (rs) n += rsReplicas(rs);
  return n;
}

export function sumStatus(rss: readonly (ReplicaSetShape | undefined)[], field: 'replicas' | 'readyReplicas' | 'availableReplicas'): number {
  let n = 0;
  for (const rs of rss) if (rs) n += rs.status?.[field] ?? 0;
  return n;
}

// ---- rollout arithmetic ----

/**
 * NewRSNewReplicas: how big the new ReplicaSet may be now. RollingUpdate adds up to the surge room
 * (replicas + maxSurge − all pods), never past the desired count; Recreate goes straight to it.
 */
export function newRSNewReplicas(d: DeploymentShape, allRSs: readonly (ReplicaSetShape | undefined)[], newRS: ReplicaSetShape): number {
  const replicas = deploymentReplicas(d);
  if (!isRollingUpdate(d)) return replicas;
  const maxTotal = replicas + maxSurge(d);
  const current = sumSpecReplicas(allRSs);
  if (current >= maxTotal) return rsReplicas(newRS);
  const scaleUp = Math.min(maxTotal - current, replicas - rsReplicas(newRS));
  return rsReplicas(newRS) + scaleUp;
}

/** IsSaturated: the new ReplicaSet has all desired replicas, by spec, annotation and availability. */
export function isSaturated(d: DeploymentShape, rs: ReplicaSetShape | undefined): boolean {
  if (!rs) return false;
  const desired = Number.parseInt(rs.metadata?.annotations?.[DESIRED_REPLICAS_ANNOTATION] ?? '', 10);
  const replicas = deploymentReplicas(d);
  return rsReplicas(rs) === replicas && desired === replicas && (rs.status?.availableReplicas ?? 0) === replicas;
}

function annotationInt(rs: ReplicaSetShape, key: string): number | undefined {
  const v = rs.metadata?.annotations?.[key];
  if (v === undefined) return undefined;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
}

export function desiredReplicasAnnotation(rs: ReplicaSetShape): number | undefined {
  return annotationInt(rs, DESIRED_REPLICAS_ANNOTATION);
}

/** Go's math.Round (half away from zero), as integer.RoundToInt32 uses. */
function roundHalfAway(x: number): number {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

/** getReplicaSetFraction: this ReplicaSet's share of a resize, from the max-replicas annotation it was sized under. */
function replicaSetFraction(rs: ReplicaSetShape, d: DeploymentShape): number {
  const replicas = deploymentReplicas(d);
  if (replicas === 0) return -rsReplicas(rs);
  const deploymentMax = replicas + maxSurge(d);
  const annotated = annotationInt(rs, MAX_REPLICAS_ANNOTATION) ?? d.status?.replicas ?? 0;
  if (annotated === 0) return 0;
  return roundHalfAway((rsReplicas(rs) * deploymentMax) / annotated) - rsReplicas(rs);
}

/** GetProportion: how many replicas to add to (or remove from) one ReplicaSet when the Deployment is resized. */
export function getProportion(rs: ReplicaSetShape | undefined, d: DeploymentShape, toAdd: number, added: number): number {
  if (!rs || rsReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

// ---- status and conditions ----

export function getCondition(status: DeploymentStatus | undefined, type: string): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

export function newCondition(type: string, status: 'True' | 'False' | 'Unknown', reason: string, message: string, now: string): DeploymentCondition {
  return { type, status, reason, message, lastUpdateTime: now, lastTransitionTime: now };
}

/**
 * SetDeploymentCondition: no change when status and reason are the same; the transition time is kept
 * while the status is unchanged; the condition moves to the end of the list.
 */
export function setCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = getCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  const next = current && current.status === condition.status ? { ...condition, lastTransitionTime: current.lastTransitionTime } : condition;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), next];
}

export function removeCondition(status: DeploymentStatus, type: string): void {
  if (!status.conditions) return;
  status.conditions = status.conditions.filter((c) => c.type !== type);
  if (status.conditions.length === 0) delete status.conditions;
}

/** DeploymentComplete: every desired replica is updated and available, and no old pods are left. */
export function deploymentComplete(d: StoredDeployment, status: DeploymentStatus): boolean {
  const replicas = deploymentReplicas(d);
  return (
    (status.updatedReplicas ?? 0) === replicas &&
    (status.replicas ?? 0) === replicas &&
    (status.availableReplicas ?? 0) === replicas &&
    (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 1)
  );
}

/** DeploymentProgressing: more updated, ready or available pods, or fewer old pods, than last observed. */
export function deploymentProgressing(d: DeploymentShape, next: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (next.replicas ?? 0) - (next.updatedReplicas ?? 0);
  return (
    (next.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (next.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (next.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/** DeploymentTimedOut: the Progressing condition was last updated more than progressDeadlineSeconds ago. */
export function deploymentTimedOut(d: DeploymentShape, next: DeploymentStatus, nowMs: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const cond = getCondition(next, 'Progressing');
  if (!cond) return false;
  if (cond.reason === REASON_NEW_RS_AVAILABLE) return false;
  if (cond.reason === REASON_TIMED_OUT) return true;
  const from = Date.parse(cond.lastUpdateTime ?? '');
  if (Number.isNaN(from)) return false;
  return from + progressDeadlineSeconds(d) * 1000 < nowMs;
}
