/** Secret and ConfigMap validation (ValidateSecret, ValidateConfigMap and their updates). */
/* eslint-disable @typescript-eslint/no-explicit-any -- validation reads loosely typed JSON */
import type { FieldError } from '../../errors';
import { isDeepEqual } from '../../deepEqual';
import { duplicate, forbidden, required, tooLong } from './fieldErrors';
import { validateConfigKeys } from './meta';

type Json = Record<string, any>;

/** core.MaxSecretSize: the most bytes a Secret's or a ConfigMap's data may hold together (1 MiB). */
const MAX_SECRET_SIZE = 1024 * 1024;

/** Bytes of `text` in UTF-8 (Go's len() of the string). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4; // a surrogate pair is one 4-byte code point
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Decoded length of base64 text (binaryData and Secret data are bytes, sent as base64). */
function base64Bytes(text: string): number {
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((text.length * 3) / 4) - padding);
}

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
  // ValidateConfigMap: data and binaryData together at most MaxSecretSize, reported on the whole
  // object (field path "", which kubectl shows as `[]`).
  let size = 0;
  if (obj.data && typeof obj.data === 'object') for (const v of Object.values(obj.data as Json)) if (typeof v === 'string') size += utf8Length(v);
  if (obj.binaryData && typeof obj.binaryData === 'object') for (const v of Object.values(obj.binaryData as Json)) if (typeof v === 'string') size += base64Bytes(v);
  if (size > MAX_SECRET_SIZE) errors.push(tooLong('[]', MAX_SECRET_SIZE));
  errors.push(...immutableErrors(obj, old, ['data', 'binaryData']));
  return errors;
}
