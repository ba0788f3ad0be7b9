/**
 * apps/v1 and batch/v1 validation (pkg/apis/apps/validation, pkg/apis/batch/validation): selectors that
 * select the template, replica counts, strategies, restart policies, and what may not change on UPDATE.
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- validation reads loosely typed JSON */
import type { FieldError } from '../../errors';
import { isDeepEqual } from '../../deepEqual';
import { matchesLabelSelector } from '../../labels';
import { JOB_CONTROLLER_UID_LABEL } from '../strategy';
import { forbidden, goLabelSelector, goStringMap, invalidValue, notSupported, required } from './fieldErrors';
import { validateLabels, validateNonnegative } from './meta';
import { validatePodTemplate } from './pod';

type Json = Record<string, any>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** ValidateLabelSelector plus "the selector selects the template" (ValidatePodTemplateSpecForReplicaSet). */
function validateSelectorAndTemplate(spec: Json, owner: string, claimTemplates: readonly string[] = []): FieldError[] {
  const errors: FieldError[] = [];
  const selector = spec.selector;
  if (!isObject(selector)) {
    errors.push(required('spec.selector'));
  } else {
    const empty = Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
    if (empty) errors.push(invalidValue('spec.selector', selector, `empty selector is invalid for ${owner}`, goLabelSelector(selector)));
    errors.push(...validateLabels(selector.matchLabels, 'spec.selector.matchLabels'));
    (Array.isArray(selector.matchExpressions) ? selector.matchExpressions : []).forEach((e: Json, i: number) => {
      const f = `spec.selector.matchExpressions[${i}]`;
      if (!SELECTOR_OPERATORS.includes(e?.operator)) errors.push(notSupported(`${f}.operator`, e?.operator, SELECTOR_OPERATORS));
      const values = Array.isArray(e?.values) ? e.values : [];
      if ((e?.operator === 'In' || e?.operator === 'NotIn') && values.length === 0) errors.push(required(`${f}.values`, 'must be specified when `operator` is \'In\' or \'NotIn\''));
      if ((e?.operator === 'Exists' || e?.operator === 'DoesNotExist') && values.length > 0) errors.push(forbidden(`${f}.values`, 'may not be specified when `operator` is \'Exists\' or \'DoesNotExist\''));
    });
    const labels = spec.template?.metadata?.labels;
    if (!empty && errors.length === 0 && !matchesLabelSelector(selector, labels)) {
      errors.push(invalidValue('spec.template.metadata.labels', labels, '`selector` does not match template `labels`', goStringMap(labels)));
    }
  }
  errors.push(...validatePodTemplate(spec.template, 'spec.template', claimTemplates));
  return errors;
}

function requireRestartAlways(spec: Json): FieldError[] {
  const rp = spec.template?.spec?.restartPolicy;
  return rp !== undefined && rp !== 'Always' ? [notSupported('spec.template.spec.restartPolicy', rp, ['Always'])] : [];
}

const PERCENT = /^[0-9]+%$/;
const PERCENT_MESSAGE = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

function intOrPercentErrors(value: unknown, field: string, max100: boolean): FieldError[] {
  if (value === undefined) return [];
  if (typeof value === 'number') return validateNonnegative(value, field);
  if (typeof value === 'string') {
    if (!PERCENT.test(value)) return [invalidValue(field, value, PERCENT_MESSAGE)];
    if (max100 && parseInt(value, 10) > 100) return [invalidValue(field, value, 'must not be greater than 100%')];
  }
  return [];
}

function isZero(value: unknown): boolean {
  return value === 0 || (typeof value === 'string' && PERCENT.test(value) && parseInt(value, 10) === 0);
}

function selectorImmutable(spec: Json, oldSpec: Json | undefined): FieldError[] {
  if (!oldSpec || isDeepEqual(spec.selector, oldSpec.selector)) return [];
  return [invalidValue('spec.selector', spec.selector, 'field is immutable', goLabelSelector(spec.selector))];
}

export function validateDeployment(obj: Json, old: Json | undefined): FieldError[] {
  const spec = obj.spec;
  if (!isObject(spec)) return [required('spec')];
  const errors: FieldError[] = [];
  errors.push(...validateNonnegative(spec.replicas, 'spec.replicas'));
  errors.push(...validateSelectorAndTemplate(spec, 'deployment'), ...requireRestartAlways(spec));
  errors.push(...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'));
  errors.push(...validateNonnegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (typeof spec.progressDeadlineSeconds === 'number' && spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
    errors.push(invalidValue('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
  }
  const strategy = spec.strategy;
  if (isObject(strategy)) {
    if (!['Recreate', 'RollingUpdate'].includes(strategy.type)) errors.push(notSupported('spec.strategy.type', strategy.type, ['Recreate', 'RollingUpdate']));
    if (strategy.type === 'Recreate' && strategy.rollingUpdate !== undefined && strategy.rollingUpdate !== null) {
      errors.push(forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'"));
    }
    const ru = strategy.rollingUpdate;
    if (strategy.type === 'RollingUpdate' && isObject(ru)) {
      errors.push(...intOrPercentErrors(ru.maxUnavailable, 'spec.strategy.rollingUpdate.maxUnavailable', true));
      errors.push(...intOrPercentErrors(ru.maxSurge, 'spec.strategy.rollingUpdate.maxSurge', false));
      if (isZero(ru.maxSurge) && isZero(ru.maxUnavailable)) {
        errors.push(invalidValue('spec.strategy.rollingUpdate.maxUnavailable', ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
      }
    }
  }
  errors.push(...selectorImmutable(spec, old?.spec));
  return errors;
}

export function validateReplicaSet(obj: Json, old: Json | undefined): FieldError[] {
  const spec = obj.spec;
  if (!isObject(spec)) return [required('spec')];
  return [
    ...validateNonnegative(spec.replicas, 'spec.replicas'),
    ...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'),
    ...validateSelectorAndTemplate(spec, 'deployment'),
    ...requireRestartAlways(spec),
    ...selectorImmutable(spec, old?.spec),
  ];
}

const STATEFULSET_MUTABLE = new Set(['replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds']);

export function validateStatefulSet(obj: Json, old: Json | undefined): FieldError[] {
  const spec = obj.spec;
  if (!isObject(spec)) return [required('spec')];
  const errors: FieldError[] = [
    ...validateNonnegative(spec.replicas, 'spec.replicas'),
    ...validateSelectorAndTemplate(
      spec,
      'statefulset',
      (Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : []).map((t: Json) => t?.metadata?.name).filter((n: unknown) => typeof n === 'string'),
    ),
    ...requireRestartAlways(spec),
  ];
  if (spec.podManagementPolicy !== undefined && !['OrderedReady', 'Parallel'].includes(spec.podManagementPolicy)) {
    errors.push(notSupported('spec.podManagementPolicy', spec.podManagementPolicy, ['OrderedReady', 'Parallel']));
  }
  const type = spec.updateStrategy?.type;
  if (type !== undefined && !['OnDelete', 'RollingUpdate'].includes(type)) errors.push(notSupported('spec.updateStrategy.type', type, ['OnDelete', 'RollingUpdate']));
  const oldSpec = old?.spec;
  if (isObject(oldSpec)) {
    const keys = new Set([...Object.keys(spec), ...Object.keys(oldSpec)]);
    for (const k of keys) {
      if (STATEFULSET_MUTABLE.has(k) || isDeepEqual(spec[k], oldSpec[k])) continue;
      errors.push(
        forbidden(
          'spec',
          "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
        ),
      );
      break;
    }
  }
  return errors;
}

export function validateDaemonSet(obj: Json, old: Json | undefined): FieldError[] {
  const spec = obj.spec;
  if (!isObject(spec)) return [required('spec')];
  const errors = [...validateSelectorAndTemplate(spec, 'daemonset'), ...requireRestartAlways(spec), ...selectorImmutable(spec, old?.spec)];
  const strategy = spec.updateStrategy;
  if (isObject(strategy)) {
    if (!['OnDelete', 'RollingUpdate'].includes(strategy.type)) errors.push(notSupported('spec.updateStrategy.type', strategy.type, ['OnDelete', 'RollingUpdate']));
    const ru = strategy.rollingUpdate;
    if (isObject(ru)) {
      errors.push(...intOrPercentErrors(ru.maxUnavailable, 'spec.updateStrategy.rollingUpdate.maxUnavailable', true));
      errors.push(...intOrPercentErrors(ru.maxSurge, 'spec.updateStrategy.rollingUpdate.maxSurge', true));
      if (isZero(ru.maxSurge) && isZero(ru.maxUnavailable)) {
        errors.push(invalidValue('spec.updateStrategy.rollingUpdate.maxUnavailable', ru.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
      }
    }
  }
  return errors;
}

function jobRestartPolicy(template: Json | undefined, field: string): FieldError[] {
  const rp = template?.spec?.restartPolicy;
  if (rp === 'OnFailure' || rp === 'Never') return [];
  return [notSupported(`${field}.spec.restartPolicy`, rp, ['OnFailure', 'Never'])];
}

function validateJobSpecCounts(spec: Json, field: string): FieldError[] {
  const errors: FieldError[] = [];
  for (const k of ['parallelism', 'completions', 'backoffLimit', 'ttlSecondsAfterFinished']) errors.push(...validateNonnegative(spec[k], `${field}.${k}`));
  if (typeof spec.activeDeadlineSeconds === 'number' && spec.activeDeadlineSeconds <= 0) {
    errors.push(invalidValue(`${field}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, 'must be greater than 0'));
  }
  if (spec.completionMode !== undefined && !['NonIndexed', 'Indexed'].includes(spec.completionMode)) {
    errors.push(notSupported(`${field}.completionMode`, spec.completionMode, ['NonIndexed', 'Indexed']));
  }
  if (spec.completionMode === 'Indexed' && spec.completions === undefined) errors.push(required(`${field}.completions`, 'when completion mode is Indexed'));
  return errors;
}

export function validateJob(obj: Json, old: Json | undefined): FieldError[] {
  const spec = obj.spec;
  if (!isObject(spec)) return [required('spec')];
  const errors: FieldError[] = [...validateJobSpecCounts(spec, 'spec')];
  const uid = obj.metadata?.uid;
  if (spec.manualSelector !== true && isObject(spec.selector) && uid && spec.selector.matchLabels?.[JOB_CONTROLLER_UID_LABEL] !== uid && !old) {
    errors.push(invalidValue('spec.selector', spec.selector, '`selector` not auto-generated', goLabelSelector(spec.selector)));
  }
  errors.push(...validateSelectorAndTemplate(spec, 'job'), ...jobRestartPolicy(spec.template, 'spec.template'));
  const oldSpec = old?.spec;
  if (isObject(oldSpec)) {
    errors.push(...selectorImmutable(spec, oldSpec));
    if (!isDeepEqual(spec.template, oldSpec.template) && spec.suspend !== true) {
      errors.push(invalidValue('spec.template', undefined, 'field is immutable', 'core.PodTemplateSpec{...}'));
    }
    if (spec.completions !== oldSpec.completions && spec.completionMode !== 'Indexed') {
      errors.push(invalidValue('spec.completions', spec.completions, 'field is immutable'));
    }
  }
  return errors;
}

const CRON_MACROS = new Set(['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly']);

function cronScheduleProblem(schedule: string): string | undefined {
  const trimmed = schedule.trim();
  if (/^(CRON_)?TZ=/.test(trimmed)) return 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead';
  if (trimmed.startsWith('@')) {
    if (CRON_MACROS.has(trimmed) || /^@every\s+\S+$/.test(trimmed)) return undefined;
    return `unrecognized descriptor: ${trimmed}`;
  }
  const fields = trimmed.split(/\s+/).filter((f) => f !== '');
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: ${trimmed}`;
  for (const f of fields) if (!/^[0-9A-Za-z*?/,-]+$/.test(f)) return `failed to parse int from ${f}`;
  return undefined;
}

export function validateCronJob(obj: Json): FieldError[] {
  const spec = obj.spec;
  if (!isObject(spec)) return [required('spec')];
  const errors: FieldError[] = [];
  const name = obj.metadata?.name;
  // The CronJob controller appends an 11-character suffix to Job names, so CronJob names stop at 52.
  if (typeof name === 'string' && name.length > 52) errors.push(invalidValue('metadata.name', name, 'must be no more than 52 characters'));
  if (typeof spec.schedule !== 'string' || spec.schedule === '') errors.push(required('spec.schedule'));
  else {
    const problem = cronScheduleProblem(spec.schedule);
    if (problem) errors.push(invalidValue('spec.schedule', spec.schedule, problem));
  }
  if (spec.concurrencyPolicy !== undefined && !['Allow', 'Forbid', 'Replace'].includes(spec.concurrencyPolicy)) {
    errors.push(notSupported('spec.concurrencyPolicy', spec.concurrencyPolicy, ['Allow', 'Forbid', 'Replace']));
  }
  for (const k of ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) errors.push(...validateNonnegative(spec[k], `spec.${k}`));
  const jobSpec = spec.jobTemplate?.spec;
  if (!isObject(jobSpec)) errors.push(required('spec.jobTemplate.spec'));
  else {
    errors.push(...validateJobSpecCounts(jobSpec, 'spec.jobTemplate.spec'));
    errors.push(...validatePodTemplate(jobSpec.template, 'spec.jobTemplate.spec.template'));
    errors.push(...jobRestartPolicy(jobSpec.template, 'spec.jobTemplate.spec.template'));
  }
  return errors;
}
