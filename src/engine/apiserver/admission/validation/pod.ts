/**
 * Pod and pod template validation, a subset of pkg/apis/core/validation (ValidatePodSpec,
 * validateContainers, ValidatePodUpdate) with its messages and field paths.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- validation reads loosely typed JSON */
import type { FieldError } from '../../errors';
import { isDeepEqual } from '../../deepEqual';
import { compareQuantities, isValidQuantity } from '../../quantity';
import { DNS1123_LABEL_MESSAGE, DNS1123_SUBDOMAIN_MESSAGE, isDns1123Label, isDns1123Subdomain } from '../../validation/names';
import { duplicate, forbidden, invalidValue, notFoundField, notSupported, required } from './fieldErrors';
import { labelValueProblems, portNameProblems, qualifiedNameProblems, validateLabels, validatePortNumber } from './meta';

type Json = Record<string, any>;

export const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'] as const;
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
// Gt and Lt: numeric comparison of taint values (TaintTolerationComparisonOperators, 1.35).
const TOLERATION_OPERATORS = ['Equal', 'Exists', 'Gt', 'Lt'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function dnsLabelErrors(value: unknown, field: string): FieldError[] {
  if (typeof value !== 'string' || value === '') return [required(field)];
  if (value.length > 63) return [invalidValue(field, value, 'must be no more than 63 characters')];
  return isDns1123Label(value) ? [] : [invalidValue(field, value, DNS1123_LABEL_MESSAGE)];
}

function validateProbe(probe: unknown, field: string, isLiveness: boolean): FieldError[] {
  if (!isObject(probe)) return [];
  const errors: FieldError[] = [];
  const handlers = ['exec', 'httpGet', 'tcpSocket', 'grpc'].filter((h) => probe[h] !== undefined && probe[h] !== null);
  if (handlers.length === 0) errors.push(required(field, 'must specify a handler type'));
  else if (handlers.length > 1) errors.push(forbidden(`${field}.${handlers[1]}`, 'may not specify more than 1 handler type'));
  for (const k of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    const v = probe[k];
    if (typeof v === 'number' && v < 0) errors.push(invalidValue(`${field}.${k}`, v, 'must be greater than or equal to 0'));
  }
  if (isLiveness && typeof probe.successThreshold === 'number' && probe.successThreshold !== 1) {
    errors.push(invalidValue(`${field}.successThreshold`, probe.successThreshold, 'must be 1'));
  }
  const port = probe.httpGet?.port ?? probe.tcpSocket?.port;
  const portField = `${field}.${probe.httpGet ? 'httpGet' : 'tcpSocket'}.port`;
  if (port !== undefined && (probe.httpGet || probe.tcpSocket)) {
    if (typeof port === 'number') errors.push(...validatePortNumber(port, portField));
    else if (typeof port === 'string') for (const p of portNameProblems(port)) errors.push(invalidValue(portField, port, p));
  }
  return errors;
}

function validateResources(resources: unknown, field: string): FieldError[] {
  if (!isObject(resources)) return [];
  const errors: FieldError[] = [];
  const limits = isObject(resources.limits) ? resources.limits : {};
  const requests = isObject(resources.requests) ? resources.requests : {};
  for (const [kind, list] of [['limits', limits], ['requests', requests]] as const) {
    for (const [name, q] of Object.entries(list)) {
      const path = `${field}.${kind}[${name}]`;
      if (!isValidQuantity(q)) continue; // the decoder already refused it
      if (compareQuantities(q as string, 0) < 0) errors.push(invalidValue(path, String(q), 'must be greater than or equal to 0'));
      if (!name.includes('/') && !['cpu', 'memory', 'ephemeral-storage', 'storage'].includes(name) && !name.startsWith('hugepages-')) {
        errors.push(invalidValue(`${field}.${kind}[${name}]`, name, 'must be a standard resource type or fully qualified'));
      }
    }
  }
  for (const [name, req] of Object.entries(requests)) {
    const lim = limits[name];
    if (lim === undefined || !isValidQuantity(req) || !isValidQuantity(lim)) continue;
    if (compareQuantities(req as string, lim as string) > 0) {
      errors.push(invalidValue(`${field}.requests`, String(req), `must be less than or equal to ${name} limit of ${String(lim)}`));
    }
  }
  return errors;
}

function validateContainer(c: unknown, field: string, volumes: Set<string>): FieldError[] {
  if (!isObject(c)) return [required(field)];
  const errors: FieldError[] = [...dnsLabelErrors(c.name, `${field}.name`)];
  if (typeof c.image !== 'string' || c.image.trim() === '') errors.push(required(`${field}.image`));
  else if (c.image !== c.image.trim()) errors.push(invalidValue(`${field}.image`, c.image, 'must not have leading or trailing whitespace'));
  if (c.imagePullPolicy !== undefined && !PULL_POLICIES.includes(c.imagePullPolicy)) {
    errors.push(notSupported(`${field}.imagePullPolicy`, c.imagePullPolicy, PULL_POLICIES));
  }
  if (c.terminationMessagePolicy !== undefined && !TERMINATION_MESSAGE_POLICIES.includes(c.terminationMessagePolicy)) {
    errors.push(notSupported(`${field}.terminationMessagePolicy`, c.terminationMessagePolicy, TERMINATION_MESSAGE_POLICIES));
  }
  const portNames = new Set<string>();
  (Array.isArray(c.ports) ? c.ports : []).forEach((p: unknown, i: number) => {
    const pf = `${field}.ports[${i}]`;
    if (!isObject(p)) return;
    if (p.containerPort === undefined) errors.push(required(`${pf}.containerPort`));
    else errors.push(...validatePortNumber(p.containerPort, `${pf}.containerPort`));
    if (p.hostPort !== undefined && p.hostPort !== 0) errors.push(...validatePortNumber(p.hostPort, `${pf}.hostPort`));
    if (p.protocol !== undefined && !PROTOCOLS.includes(p.protocol)) errors.push(notSupported(`${pf}.protocol`, p.protocol, PROTOCOLS));
    if (typeof p.name === 'string' && p.name !== '') {
      for (const problem of portNameProblems(p.name)) errors.push(invalidValue(`${pf}.name`, p.name, problem));
      if (portNames.has(p.name)) errors.push(duplicate(`${pf}.name`, p.name));
      portNames.add(p.name);
    }
  });
  (Array.isArray(c.env) ? c.env : []).forEach((e: unknown, i: number) => {
    if (!isObject(e)) return;
    if (typeof e.name !== 'string' || e.name === '') errors.push(required(`${field}.env[${i}].name`));
    if (e.value !== undefined && e.value !== '' && e.valueFrom !== undefined) {
      errors.push(invalidValue(`${field}.env[${i}].valueFrom`, '', "may not be specified when `value` is not empty"));
    }
  });
  const mountPaths = new Set<string>();
  (Array.isArray(c.volumeMounts) ? c.volumeMounts : []).forEach((m: unknown, i: number) => {
    if (!isObject(m)) return;
    const mf = `${field}.volumeMounts[${i}]`;
    if (typeof m.name !== 'string' || m.name === '') errors.push(required(`${mf}.name`));
    else if (!volumes.has(m.name)) errors.push(notFoundField(`${mf}.name`, m.name));
    if (typeof m.mountPath !== 'string' || m.mountPath === '') errors.push(required(`${mf}.mountPath`));
    else {
      if (mountPaths.has(m.mountPath)) errors.push(invalidValue(`${mf}.mountPath`, m.mountPath, 'must be unique'));
      mountPaths.add(m.mountPath);
    }
  });
  errors.push(...validateResources(c.resources, `${field}.resources`));
  errors.push(...validateProbe(c.livenessProbe, `${field}.livenessProbe`, true));
  errors.push(...validateProbe(c.readinessProbe, `${field}.readinessProbe`, false));
  errors.push(...validateProbe(c.startupProbe, `${field}.startupProbe`, true));
  return errors;
}

function validateTolerations(tolerations: unknown, field: string): FieldError[] {
  if (!Array.isArray(tolerations)) return [];
  const errors: FieldError[] = [];
  tolerations.forEach((t: unknown, i: number) => {
    if (!isObject(t)) return;
    const tf = `${field}[${i}]`;
    if (t.key) for (const p of qualifiedNameProblems(t.key)) errors.push(invalidValue(`${tf}.key`, t.key, p));
    if (!t.key && t.operator !== 'Exists') errors.push(invalidValue(`${tf}.operator`, t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    if (t.operator !== undefined && !TOLERATION_OPERATORS.includes(t.operator)) errors.push(notSupported(`${tf}.operator`, t.operator, TOLERATION_OPERATORS));
    if (t.operator === 'Exists' && t.value) errors.push(invalidValue(`${tf}.operator`, t.value, 'value must be empty when `operator` is \'Exists\''));
    if ((t.operator ?? 'Equal') === 'Equal' && typeof t.value === 'string') for (const p of labelValueProblems(t.value)) errors.push(invalidValue(`${tf}.value`, t.value, p));
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      errors.push(invalidValue(`${tf}.effect`, t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (t.effect !== undefined && t.effect !== '' && !TAINT_EFFECTS.includes(t.effect)) errors.push(notSupported(`${tf}.effect`, t.effect, TAINT_EFFECTS));
  });
  return errors;
}

/** ValidatePodSpec. `field` is `spec` for a Pod, `spec.template.spec` for a template. */
export function validatePodSpec(spec: unknown, field: string, claimTemplates: readonly string[] = []): FieldError[] {
  if (!isObject(spec)) return [required(field)];
  const errors: FieldError[] = [];
  // A StatefulSet's volumeClaimTemplates are volumes of its pods too.
  const volumes = new Set<string>(claimTemplates);
  (Array.isArray(spec.volumes) ? spec.volumes : []).forEach((v: unknown, i: number) => {
    if (!isObject(v)) return;
    const vf = `${field}.volumes[${i}]`;
    const nameErrors = dnsLabelErrors(v.name, `${vf}.name`);
    errors.push(...nameErrors);
    if (typeof v.name === 'string') {
      if (volumes.has(v.name)) errors.push(duplicate(`${vf}.name`, v.name));
      volumes.add(v.name);
    }
    const sources = Object.keys(v).filter((k) => k !== 'name');
    if (sources.length > 1) errors.push(forbidden(`${vf}.${sources[1]}`, 'may not specify more than 1 volume type'));
  });
  const containers: unknown[] = Array.isArray(spec.containers) ? spec.containers : [];
  if (containers.length === 0) errors.push(required(`${field}.containers`));
  // Container names are unique across init and regular containers.
  const names = new Set<string>();
  const lists: [string, unknown][] = [
    ['initContainers', spec.initContainers],
    ['containers', containers],
  ];
  for (const [list, items] of lists) {
    if (!Array.isArray(items)) continue;
    for (let i = 0; i < items.length; i++) {
      const c: unknown = items[i];
      const path = `${field}.${list}[${i}]`;
      errors.push(...validateContainer(c, path, volumes));
      // Sidecars (1.28+): an init container may say `restartPolicy: Always`; a regular container may not set it.
      if (isObject(c) && c.restartPolicy !== undefined) {
        if (list === 'containers') errors.push(forbidden(`${path}.restartPolicy`, 'may not be set for non-init containers'));
        else if (c.restartPolicy !== 'Always') errors.push(notSupported(`${path}.restartPolicy`, c.restartPolicy, ['Always']));
      }
      if (!isObject(c) || typeof c.name !== 'string' || c.name === '') continue;
      if (names.has(c.name)) errors.push(duplicate(`${path}.name`, c.name));
      names.add(c.name);
    }
  }
  if (spec.restartPolicy !== undefined && !(RESTART_POLICIES as readonly string[]).includes(spec.restartPolicy)) {
    errors.push(notSupported(`${field}.restartPolicy`, spec.restartPolicy, RESTART_POLICIES));
  }
  if (spec.dnsPolicy !== undefined && !DNS_POLICIES.includes(spec.dnsPolicy)) errors.push(notSupported(`${field}.dnsPolicy`, spec.dnsPolicy, DNS_POLICIES));
  if (spec.dnsPolicy === 'None' && !isObject(spec.dnsConfig)) errors.push(required(`${field}.dnsConfig`, "must provide `dnsConfig` when `dnsPolicy` is None"));
  if (typeof spec.activeDeadlineSeconds === 'number' && spec.activeDeadlineSeconds <= 0) {
    errors.push(invalidValue(`${field}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, 'must be between 1 and 2147483647, inclusive'));
  }
  errors.push(...validateLabels(spec.nodeSelector, `${field}.nodeSelector`));
  errors.push(...validateTolerations(spec.tolerations, `${field}.tolerations`));
  if (typeof spec.serviceAccountName === 'string' && spec.serviceAccountName !== '' && !isDns1123Subdomain(spec.serviceAccountName)) {
    errors.push(invalidValue(`${field}.serviceAccountName`, spec.serviceAccountName, DNS1123_SUBDOMAIN_MESSAGE));
  }
  return errors;
}

/** ValidatePodTemplateSpec: the template's labels, and its pod spec. */
export function validatePodTemplate(template: unknown, field: string, claimTemplates: readonly string[] = []): FieldError[] {
  if (!isObject(template)) return [required(field)];
  return [...validateLabels(template.metadata?.labels, `${field}.metadata.labels`), ...validatePodSpec(template.spec, `${field}.spec`, claimTemplates)];
}

const POD_UPDATE_FORBIDDEN =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

function withoutImages(containers: unknown): unknown {
  return Array.isArray(containers) ? containers.map((c) => (isObject(c) ? { ...c, image: undefined } : c)) : containers;
}

/**
 * ValidatePodUpdate: a pod's spec is immutable except container images, activeDeadlineSeconds, added
 * tolerations, and (for the scheduler's binding) a nodeName that was empty.
 */
export function validatePodUpdate(spec: unknown, oldSpec: unknown): FieldError[] {
  if (!isObject(spec) || !isObject(oldSpec)) return [];
  const errors: FieldError[] = [];
  const keys = new Set([...Object.keys(spec), ...Object.keys(oldSpec)]);
  for (const key of keys) {
    const a = spec[key];
    const b = oldSpec[key];
    if (a === b) continue;
    switch (key) {
      case 'containers':
      case 'initContainers':
        if (!isDeepEqual(withoutImages(a), withoutImages(b))) errors.push(forbidden('spec', POD_UPDATE_FORBIDDEN));
        break;
      case 'activeDeadlineSeconds':
        if (typeof b === 'number' && (typeof a !== 'number' || a > b)) {
          errors.push(invalidValue('spec.activeDeadlineSeconds', a, 'must be less than or equal to previous value'));
        }
        break;
      case 'tolerations': {
        const oldList: unknown[] = Array.isArray(b) ? b : [];
        const newList: unknown[] = Array.isArray(a) ? a : [];
        if (!oldList.every((o) => newList.some((n) => isDeepEqual(n, o)))) errors.push(forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds'));
        break;
      }
      case 'nodeName':
        if (b) errors.push(forbidden('spec', POD_UPDATE_FORBIDDEN));
        break;
      case 'schedulingGates':
        break;
      default:
        if (!isDeepEqual(a, b)) errors.push(forbidden('spec', POD_UPDATE_FORBIDDEN));
    }
  }
  // One message is enough however many fields differ, as the real validation reports it once.
  return errors.filter((e, i) => errors.findIndex((o) => o.field === e.field && o.detail === e.detail) === i);
}
