/**
 * What the API server's JSON decoding refuses before any admission runs: a value of the wrong JSON type
 * (`replicas: "three"`, a label value `1` instead of `"1"`), a malformed quantity, data that is not
 * base64, and, under kubectl's default strict field validation, unknown fields (a misspelt
 * `imagePullpolicy`, `containers` one level too high). The error reads as kube-apiserver's:
 * `Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go
 * struct field DeploymentSpec.spec.replicas of type int32`.
 */
import { ApiError, type FieldError } from '../errors';
import type { KubeObject } from '../../objects';
import { isValidQuantity, QUANTITY_PATTERN_MESSAGE } from '../quantity';
import { goTypeName, STRUCTS, TOP_LEVEL } from './schema';
import { base64Problem } from './base64';
import { splitFieldPath } from '../fieldPath';

export interface Problem {
  /** Path with indices, for locating the field (`spec.containers[0].image`). */
  field: string;
  message: string;
}

interface Walk {
  typeErrors: Problem[];
  unknown: Problem[];
}

function jsonType(value: unknown): string {
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'bool';
  return 'string';
}

/**
 * A field path as a linked list, turned into text only when there is something to report: decoding runs
 * on every write (10,000 pods at once in the benchmark), and almost every object is fine.
 */
interface Path {
  parent: Path | undefined;
  key: string | number;
  /** Map keys and list indices show in the field path but not in Go's json error path. */
  inGoPath: boolean;
}

function fieldOf(path: Path | undefined): string {
  if (!path) return '';
  const parent = fieldOf(path.parent);
  if (typeof path.key === 'number' || !path.inGoPath) return `${parent}[${path.key}]`;
  return parent ? `${parent}.${path.key}` : path.key;
}

function goPathOf(path: Path | undefined): string {
  if (!path) return '';
  const parent = goPathOf(path.parent);
  if (!path.inGoPath) return parent;
  return parent ? `${parent}.${String(path.key)}` : String(path.key);
}

/** Type expressions from the schema, parsed once. */
type TypeNode =
  | { t: 'list'; inner: TypeNode; source: string }
  | { t: 'map'; inner: TypeNode; source: string }
  | { t: 'struct'; name: string; source: string }
  | { t: 'scalar'; name: string; source: string };

const compiled = new Map<string, TypeNode>();

function compile(type: string): TypeNode {
  let node = compiled.get(type);
  if (node) return node;
  if (type.startsWith('[]')) node = { t: 'list', inner: compile(type.slice(2)), source: type };
  else if (type.startsWith('map[')) node = { t: 'map', inner: compile(type.slice(4, -1)), source: type };
  else if (STRUCTS[type]) node = { t: 'struct', name: type, source: type };
  else node = { t: 'scalar', name: type, source: type };
  compiled.set(type, node);
  return node;
}

/**
 * Checks `value` against `type`. `owner` is the Go struct holding the field, for Go's json message
 * (`Go struct field DeploymentSpec.spec.replicas`).
 */
function mismatch(walk: Walk, value: unknown, type: TypeNode, path: Path, owner: string, detail = jsonType(value)): void {
  walk.typeErrors.push({
    field: fieldOf(path),
    message: `json: cannot unmarshal ${detail} into Go struct field ${owner}.${goPathOf(path)} of type ${goTypeName(type.source)}`,
  });
}

/**
 * True when `check` would find nothing wrong with a scalar without walking it: most fields are, and
 * this spares the path node for each of them.
 */
function fineScalar(value: unknown, type: TypeNode): boolean {
  if (value === null || value === undefined) return true;
  if (type.t !== 'scalar') return false;
  switch (type.name) {
    case 'string':
      return typeof value === 'string';
    case 'bool':
      return typeof value === 'boolean';
    case 'int32':
      return typeof value === 'number' && Number.isInteger(value) && value <= 2147483647 && value >= -2147483648;
    case 'int64':
      return typeof value === 'number' && Number.isInteger(value);
    case 'intstr':
      return typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value));
    case 'quantity':
      return isValidQuantity(value);
    case 'bytes':
      return false;
    default:
      return true;
  }
}

function check(value: unknown, type: TypeNode, path: Path, owner: string, walk: Walk): void {
  if (value === null || value === undefined) return;
  switch (type.t) {
    case 'list':
      if (!Array.isArray(value)) return mismatch(walk, value, type, path, owner);
      for (let i = 0; i < value.length; i++) {
        if (!fineScalar(value[i], type.inner)) check(value[i], type.inner, { parent: path, key: i, inGoPath: false }, owner, walk);
      }
      return;
    case 'map':
      if (typeof value !== 'object' || Array.isArray(value)) return mismatch(walk, value, type, path, owner);
      for (const k in value as Record<string, unknown>) {
        const v = (value as Record<string, unknown>)[k];
        if (!fineScalar(v, type.inner)) check(v, type.inner, { parent: path, key: k, inGoPath: false }, owner, walk);
      }
      return;
    case 'struct': {
      if (typeof value !== 'object' || Array.isArray(value)) return mismatch(walk, value, type, path, owner);
      const schema = STRUCTS[type.name]!;
      const obj = value as Record<string, unknown>;
      for (const k in obj) {
        const fieldType = schema.fields[k];
        if (fieldType === undefined) {
          if (schema.strict) {
            const field = fieldOf({ parent: path, key: k, inGoPath: true });
            walk.unknown.push({ field, message: `unknown field "${field}"` });
          }
          continue;
        }
        if (fieldType === 'any') continue;
        const fieldNode = compile(fieldType);
        if (!fineScalar(obj[k], fieldNode)) check(obj[k], fieldNode, { parent: path, key: k, inGoPath: true }, type.name, walk);
      }
      return;
    }
  }
  switch (type.name) {
    case 'string':
      if (typeof value !== 'string') mismatch(walk, value, type, path, owner);
      return;
    case 'bool':
      if (typeof value !== 'boolean') mismatch(walk, value, type, path, owner);
      return;
    case 'int32':
    case 'int64':
      if (typeof value !== 'number') return mismatch(walk, value, type, path, owner);
      if (!Number.isInteger(value)) mismatch(walk, value, type, path, owner, `number ${value}`);
      else if (type.name === 'int32' && (value > 2147483647 || value < -2147483648)) mismatch(walk, value, type, path, owner, `number ${value}`);
      return;
    case 'intstr':
      if (typeof value === 'string') return;
      if (typeof value !== 'number') walk.typeErrors.push({ field: fieldOf(path), message: `json: cannot unmarshal ${jsonType(value)} into Go value of type int32` });
      else if (!Number.isInteger(value)) walk.typeErrors.push({ field: fieldOf(path), message: `json: cannot unmarshal number ${value} into Go value of type int32` });
      return;
    case 'quantity':
      if (!isValidQuantity(value)) walk.typeErrors.push({ field: fieldOf(path), message: QUANTITY_PATTERN_MESSAGE });
      return;
    case 'bytes': {
      if (typeof value !== 'string') return mismatch(walk, value, type, path, owner);
      const problem = base64Problem(value);
      if (problem) walk.typeErrors.push({ field: fieldOf(path), message: problem });
      return;
    }
  }
}

const ENVELOPE = new Set(['apiVersion', 'kind', 'metadata']);

export interface DecodingProblems {
  typeErrors: Problem[];
  unknownFields: Problem[];
}

/** Walks the object against the schema: wrong JSON types, and fields the Go types do not have. */
export function findDecodingProblems(obj: KubeObject): DecodingProblems {
  const walk: Walk = { typeErrors: [], unknown: [] };
  const kind = obj.kind;
  check(obj.metadata, compile('ObjectMeta'), { parent: undefined, key: 'metadata', inGoPath: true }, kind, walk);
  const top = TOP_LEVEL[kind];
  if (top) {
    for (const k in obj) {
      if (ENVELOPE.has(k)) continue;
      const type = top[k];
      if (type === undefined) walk.unknown.push({ field: k, message: `unknown field "${k}"` });
      else if (type !== 'any') check(obj[k], compile(type), { parent: undefined, key: k, inGoPath: true }, kind, walk);
    }
  }
  return { typeErrors: walk.typeErrors, unknownFields: walk.unknown };
}

function cannotBeHandled(obj: KubeObject): string {
  const version = obj.apiVersion.includes('/') ? obj.apiVersion.slice(obj.apiVersion.indexOf('/') + 1) : obj.apiVersion;
  return `${obj.kind} in version "${version}" cannot be handled as a ${obj.kind}: `;
}

function toCause(p: Problem): FieldError {
  return { field: p.field, type: 'FieldValueTypeInvalid', detail: p.message };
}

/** The BadRequest kube-apiserver answers under fieldValidation=Strict (kubectl's default `--validate=strict`). */
export function unknownFieldsError(obj: KubeObject, unknown: Problem[]): ApiError {
  const list = unknown.map((p) => p.message).join(', ');
  return new ApiError('BadRequest', `${cannotBeHandled(obj)}strict decoding error: ${list}`, unknown.map(toCause));
}

/** Removes unknown fields, as the decoder drops them under fieldValidation=Warn or Ignore. */
export function dropUnknownFields(obj: KubeObject, unknown: Problem[]): void {
  for (const p of unknown) {
    const segments = splitFieldPath(p.field);
    let node: unknown = obj;
    for (const s of segments.slice(0, -1)) node = (node as Record<string | number, unknown> | undefined)?.[s];
    const last = segments[segments.length - 1];
    if (node && typeof node === 'object' && last !== undefined) delete (node as Record<string | number, unknown>)[last];
  }
}

/**
 * The decoding step of every write: a value of the wrong type fails the request with BadRequest.
 * Unknown fields are the client's call (kubectl's `--validate`), handled in kubectl/apply.
 */
export function decodeObject(obj: KubeObject): void {
  const { typeErrors } = findDecodingProblems(obj);
  const first = typeErrors[0];
  if (first) throw new ApiError('BadRequest', cannotBeHandled(obj) + first.message, typeErrors.map(toCause));
}
