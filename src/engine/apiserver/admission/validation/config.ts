/** Secret and ConfigMap validation (ValidateSecret, ValidateConfigMap and their updates). */
/* eslint-disable @typescript-eslint/no-explicit-any -- validation reads loosely typed JSON */
import type { FieldError } from '../../errors';
import { isDeepEqual } from '../../deepEqual';
import { duplicate, forbidden, required, tooLong } from './fieldErrors';
import { validateConfigKeys } from './meta';

type Json = Record<string, any>;

const MAX_SECRET_SIZE = 1024 * 1024;

/** Keys each built-in Secret type requires (pkg/apis/core/validation ValidateSecret). */
const REQUIRED_KEYS: Record<string, string[]> = {
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
};

function immutableErrors(obj: Json, old: Json | undefined, fields: string[]): FieldError[] {
  if (!old || old.immutable !== true) return [];
  const errors: FieldError[] = [];
  if (obj.immutable !== true) errors.push(forbidden('immutable', 'field is immutable when `immutable` is set'));
  for (const f of fields) if (!isDeepEqual(obj[f], old[f])) errors.push(forbidden(f, 'field is immutable when `immutable` is set'));
  return errors;
}

export function validateSecret(obj: Json, old: Json | undefined): FieldError[] {
  const data: Json = obj.data && typeof obj.data === 'object' ? obj.data : {};
  const errors: FieldError[] = [...validateConfigKeys(data, 'data')];
  let size = 0;
  for (const v of Object.values(data)) if (typeof v === 'string') size += Math.floor((v.length * 3) / 4);
  if (size > MAX_SECRET_SIZE) errors.push(tooLong('data', MAX_SECRET_SIZE));
  for (const key of REQUIRED_KEYS[obj.type] ?? []) if (data[key] === undefined) errors.push(required(`data[${key}]`));
  if (obj.type === 'kubernetes.io/basic-auth' && data.username === undefined && data.password === undefined) {
    errors.push(required('data[username]'));
  }
  if (obj.type === 'kubernetes.io/service-account-token' && !obj.metadata?.annotations?.['kubernetes.io/service-account.name']) {
    errors.push(required('metadata.annotations[kubernetes.io/service-account.name]'));
  }
  if (old && old.type !== obj.type) errors.push(forbidden('type', 'field is immutable'));
  errors.push(...immutableErrors(obj, old, ['data']));
  return errors;
}

export function validateConfigMap(obj: Json, old: Json | undefined): FieldError[] {
  const errors: FieldError[] = [...validateConfigKeys(obj.data, 'data'), ...validateConfigKeys(obj.binaryData, 'binaryData')];
  if (obj.data && obj.binaryData) {
    for (const key of Object.keys(obj.binaryData)) if (key in obj.data) errors.push(duplicate(`data[${key}]`, key));
  }
  errors.push(...immutableErrors(obj, old, ['data', 'binaryData']));
  return errors;
}
