/**
 * Validation of the remaining kinds the playground stores: PriorityClass (scheduling/v1), Ingress
 * (networking/v1), RBAC roles and bindings, PodDisruptionBudget (policy/v1).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- validation reads loosely typed JSON */
import type { FieldError } from '../../errors';
import { isDeepEqual } from '../../deepEqual';
import { forbidden, invalidValue, notSupported, required } from './fieldErrors';

type Json = Record<string, any>;

/** The built-in classes kube-apiserver creates (scheduling.SystemPriorityClasses). */
export const SYSTEM_PRIORITY_CLASSES: Record<string, number> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};
/** scheduling.HighestUserDefinablePriority */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1000000000;

export function validatePriorityClass(obj: Json, old: Json | undefined): FieldError[] {
  const errors: FieldError[] = [];
  const name: string = obj.metadata?.name ?? '';
  const system = SYSTEM_PRIORITY_CLASSES[name];
  if (typeof obj.value !== 'number') errors.push(required('value'));
  if (system !== undefined) {
    if (obj.value !== system) errors.push(invalidValue('value', obj.value, `value of ${name} PriorityClass must be ${system}`));
  } else {
    if (name.startsWith('system-')) errors.push(invalidValue('metadata.name', name, "priority class names with 'system-' prefix are reserved"));
    if (typeof obj.value === 'number' && obj.value > HIGHEST_USER_DEFINABLE_PRIORITY) {
      errors.push(invalidValue('value', obj.value, `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`));
    }
  }
  const policies = ['Never', 'PreemptLowerPriority'];
  if (obj.preemptionPolicy !== undefined && !policies.includes(obj.preemptionPolicy)) errors.push(notSupported('preemptionPolicy', obj.preemptionPolicy, policies));
  if (old && old.value !== obj.value) errors.push(forbidden('value', 'may not be changed in an update.'));
  return errors;
}

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];

export function validateIngress(obj: Json): FieldError[] {
  const errors: FieldError[] = [];
  const rules: Json[] = Array.isArray(obj.spec?.rules) ? obj.spec.rules : [];
  rules.forEach((rule, i) => {
    const paths: Json[] = Array.isArray(rule?.http?.paths) ? rule.http.paths : [];
    paths.forEach((p, j) => {
      const f = `spec.rules[${i}].http.paths[${j}]`;
      if (p?.pathType === undefined) errors.push(required(`${f}.pathType`, 'pathType must be specified'));
      else if (!PATH_TYPES.includes(p.pathType)) errors.push(notSupported(`${f}.pathType`, p.pathType, PATH_TYPES));
      if ((p?.pathType === 'Exact' || p?.pathType === 'Prefix') && typeof p?.path === 'string' && !p.path.startsWith('/')) {
        errors.push(invalidValue(`${f}.path`, p.path, "must be an absolute path"));
      }
      const svc = p?.backend?.service;
      if (svc && svc.port && svc.port.name === undefined && svc.port.number === undefined) {
        errors.push(required(`${f}.backend.service.port`, 'port name or number is required'));
      }
    });
  });
  return errors;
}

const SUBJECT_KINDS = ['Group', 'ServiceAccount', 'User'];

export function validateRole(obj: Json): FieldError[] {
  const errors: FieldError[] = [];
  (Array.isArray(obj.rules) ? obj.rules : []).forEach((rule: Json, i: number) => {
    if (!Array.isArray(rule?.verbs) || rule.verbs.length === 0) errors.push(required(`rules[${i}].verbs`, 'verbs must contain at least one value'));
    if (!rule?.nonResourceURLs && !Array.isArray(rule?.apiGroups)) {
      errors.push(required(`rules[${i}].apiGroups`, 'resource rules must supply at least one api group'));
    }
  });
  return errors;
}

export function validateRoleBinding(obj: Json, old: Json | undefined): FieldError[] {
  const errors: FieldError[] = [];
  const ref = obj.roleRef;
  if (!ref?.kind) errors.push(required('roleRef.kind'));
  else if (obj.kind === 'ClusterRoleBinding' && ref.kind !== 'ClusterRole') errors.push(notSupported('roleRef.kind', ref.kind, ['ClusterRole']));
  else if (obj.kind === 'RoleBinding' && !['ClusterRole', 'Role'].includes(ref.kind)) errors.push(notSupported('roleRef.kind', ref.kind, ['ClusterRole', 'Role']));
  if (!ref?.name) errors.push(required('roleRef.name'));
  (Array.isArray(obj.subjects) ? obj.subjects : []).forEach((s: Json, i: number) => {
    if (!SUBJECT_KINDS.includes(s?.kind)) errors.push(notSupported(`subjects[${i}].kind`, s?.kind, SUBJECT_KINDS));
    if (!s?.name) errors.push(required(`subjects[${i}].name`));
  });
  if (old && !isDeepEqual(old.roleRef, obj.roleRef)) errors.push(invalidValue('roleRef', undefined, 'cannot change roleRef', 'rbac.RoleRef{...}'));
  return errors;
}

export function validatePodDisruptionBudget(obj: Json): FieldError[] {
  const spec = obj.spec ?? {};
  if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
    return [invalidValue('spec', undefined, 'minAvailable and maxUnavailable cannot be both set', 'policy.PodDisruptionBudgetSpec{...}')];
  }
  return [];
}
