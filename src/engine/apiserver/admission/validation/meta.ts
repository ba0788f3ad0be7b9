/**
 * ObjectMeta and shared syntax rules (k8s.io/apimachinery/pkg/api/validation/objectmeta.go and
 * pkg/util/validation): label keys and values, annotations, config keys, port names.
 */
import type { FieldError } from '../../errors';
import { DNS1123_SUBDOMAIN_MESSAGE, isDns1123Subdomain } from '../../validation/names';
import { invalidValue, required, tooLong } from './fieldErrors';

const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
const IANA_SVC_NAME = /^[-a-z0-9]+$/;

const NAME_PART_MESSAGE =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const LABEL_VALUE_MESSAGE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const CONFIG_KEY_MESSAGE =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

/** Problems with a qualified name (`prefix/name`), as IsQualifiedName reports them; empty when valid. */
export function qualifiedNameProblems(value: string): string[] {
  const parts = value.split('/');
  let name: string;
  const problems: string[] = [];
  if (parts.length === 1) name = parts[0]!;
  else if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) problems.push('prefix part must be non-empty');
    else if (!isDns1123Subdomain(prefix)) problems.push(`prefix part ${DNS1123_SUBDOMAIN_MESSAGE}`);
  } else {
    return [
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) problems.push('name part must be non-empty');
  else if (name.length > 63) problems.push('name part must be no more than 63 characters');
  if (name.length > 0 && !QUALIFIED_NAME_PART.test(name)) problems.push(NAME_PART_MESSAGE);
  return problems;
}

export function labelValueProblems(value: string): string[] {
  const problems: string[] = [];
  if (value.length > 63) problems.push('must be no more than 63 characters');
  if (!LABEL_VALUE.test(value)) problems.push(LABEL_VALUE_MESSAGE);
  return problems;
}

/** ValidateLabels: keys are qualified names, values label values; errors sit on the map's path. */
export function validateLabels(labels: unknown, field: string): FieldError[] {
  if (!labels || typeof labels !== 'object') return [];
  const errors: FieldError[] = [];
  for (const [k, v] of Object.entries(labels as Record<string, unknown>)) {
    for (const p of qualifiedNameProblems(k)) errors.push(invalidValue(field, k, p));
    if (typeof v === 'string') for (const p of labelValueProblems(v)) errors.push(invalidValue(field, v, p));
  }
  return errors;
}

/** ValidateAnnotations: keys are qualified names (lower-cased first), total size at most 256 KiB. */
export function validateAnnotations(annotations: unknown, field: string): FieldError[] {
  if (!annotations || typeof annotations !== 'object') return [];
  const errors: FieldError[] = [];
  let size = 0;
  for (const [k, v] of Object.entries(annotations as Record<string, unknown>)) {
    for (const p of qualifiedNameProblems(k.toLowerCase())) errors.push(invalidValue(field, k, p));
    size += k.length + (typeof v === 'string' ? v.length : 0);
  }
  if (size > 256 * 1024) errors.push(tooLong(field, 256 * 1024));
  return errors;
}

export function validateObjectMeta(meta: Record<string, unknown> | undefined): FieldError[] {
  if (!meta) return [];
  return [...validateLabels(meta.labels, 'metadata.labels'), ...validateAnnotations(meta.annotations, 'metadata.annotations')];
}

/** Keys of ConfigMap and Secret data. */
export function validateConfigKeys(data: unknown, field: string): FieldError[] {
  if (!data || typeof data !== 'object') return [];
  const errors: FieldError[] = [];
  for (const key of Object.keys(data)) {
    if (key.length > 253) errors.push(invalidValue(`${field}[${key}]`, key, 'must be no more than 253 characters'));
    if (!CONFIG_KEY.test(key)) errors.push(invalidValue(`${field}[${key}]`, key, CONFIG_KEY_MESSAGE));
    if (key === '.' || key === '..' || key.startsWith('..')) errors.push(invalidValue(`${field}[${key}]`, key, `must not be '.' or '..' or start with '..'`));
  }
  return errors;
}

/** IsValidPortName (IANA_SVC_NAME): ≤ 15 characters, lower-case alphanumerics and '-', at least one letter. */
export function portNameProblems(name: string): string[] {
  const problems: string[] = [];
  if (name.length > 15) problems.push('must be no more than 15 characters');
  if (!IANA_SVC_NAME.test(name)) problems.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (name.includes('--')) problems.push("must not contain consecutive hyphens");
  if (name.length > 0 && (name.startsWith('-') || name.endsWith('-'))) problems.push("must not begin or end with a hyphen");
  if (!/[a-z]/.test(name)) problems.push('must contain at least one letter (a-z)');
  return problems;
}

export function validatePortNumber(port: unknown, field: string): FieldError[] {
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    return [invalidValue(field, port, 'must be between 1 and 65535, inclusive')];
  }
  return [];
}

export function validateNonnegative(value: unknown, field: string): FieldError[] {
  if (typeof value === 'number' && value < 0) return [invalidValue(field, value, 'must be greater than or equal to 0')];
  return [];
}

export function requireString(value: unknown, field: string): FieldError[] {
  return typeof value === 'string' && value !== '' ? [] : [required(field)];
}
