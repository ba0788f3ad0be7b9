/**
 * `kubectl patch (TYPE NAME | TYPE/NAME) -p PATCH [--type strategic|merge|json]` (patch.go). The
 * patch is JSON or YAML. `merge` is a JSON merge patch (RFC 7386: maps merge, null deletes, lists are
 * replaced); `json` a JSON patch (RFC 6902: add, remove, replace, move, copy, test); `strategic`, the
 * default, merges lists of objects by their merge key (containers and volumes by name, container ports
 * by containerPort, Service ports by port, env by name ...) and honours `$patch: delete|replace`.
 * Prints `kind/name patched`, or `patched (no change)` when nothing changed.
 */
import { parse as parseYaml } from 'yaml';
import { ApiError } from '../../apiserver/errors';
import { resourceForAlias, type ResourceType } from '../../apiserver/resources';
import type { KubeObject } from '../../objects';
import { isDeepEqual } from '../../apiserver/deepEqual';
import type { CommandContext } from '../context';
import { KubectlError } from '../errors';
import { getOrThrow } from '../fetch';
import { kindPrefix } from '../printers/format';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** patchMergeKey of the lists the strategic merge merges (k8s.io/api struct tags), by field name. */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  conditions: 'type',
  ownerReferences: 'uid',
  topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
};
/** Lists of scalars merged as sets (patchStrategy merge). */
const SET_LISTS = new Set(['finalizers']);

function mergeKeyFor(field: string, items: Json[]): string | undefined {
  if (field === 'ports') return items.some((i) => isObject(i) && 'containerPort' in i) ? 'containerPort' : 'port';
  return MERGE_KEYS[field];
}

/** RFC 7386. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return patch;
  const out: Record<string, Json> = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k] ?? null, v);
  }
  return out;
}

export function strategicMergePatch(target: Json, patch: Json, field = ''): Json {
  if (Array.isArray(patch)) return strategicList(Array.isArray(target) ? target : [], patch, field);
  if (!isObject(patch)) return patch;
  if (patch.$patch === 'replace') {
    const { $patch: _p, ...rest } = patch;
    return rest;
  }
  const out: Record<string, Json> = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) continue;
    if (v === null) delete out[k];
    else out[k] = strategicMergePatch(out[k] ?? null, v, k);
  }
  return out;
}

function strategicList(target: Json[], patch: Json[], field: string): Json[] {
  if (SET_LISTS.has(field)) return [...target, ...patch.filter((p) => !target.some((t) => isDeepEqual(t, p)))];
  const key = mergeKeyFor(field, [...target, ...patch]);
  if (!key || !patch.every(isObject)) return patch;
  if (patch.some((p) => isObject(p) && p.$patch === 'replace')) return patch.filter((p) => !(isObject(p) && p.$patch === 'replace'));
  const out = [...target];
  for (const item of patch as Record<string, Json>[]) {
    const at = out.findIndex((t) => isObject(t) && t[key] === item[key]);
    if (item.$patch === 'delete') {
      if (at >= 0) out.splice(at, 1);
      continue;
    }
    if (at >= 0) out[at] = strategicMergePatch(out[at]!, item, '');
    else out.push(item);
  }
  return out;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new Error(`JSON pointer must start with "/": ${path}`);
  return path.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** RFC 6902, with the messages of evanphx/json-patch the API server uses. */
export function jsonPatch(doc: Json, ops: Json): Json {
  if (!Array.isArray(ops)) throw new KubectlError('error: unable to parse patch: a JSON patch is a list of operations');
  let root = structuredClone(doc);
  const parentOf = (parts: string[], op: string): { parent: Record<string, Json> | Json[]; last: string } => {
    let cur: Json = root;
    for (const p of parts.slice(0, -1)) {
      const next: Json | undefined = Array.isArray(cur) ? cur[Number(p)] : isObject(cur) ? cur[p] : undefined;
      if (next === undefined) throw new ApiError('InternalError', `${op} operation does not apply: doc is missing path: /${parts.join('/')}`);
      cur = next;
    }
    if (!Array.isArray(cur) && !isObject(cur)) throw new ApiError('InternalError', `${op} operation does not apply: doc is missing path: /${parts.join('/')}`);
    return { parent: cur, last: parts[parts.length - 1]! };
  };
  const get = (path: string, op: string): Json => {
    const parts = pointer(path);
    if (parts.length === 0) return root;
    const { parent, last } = parentOf(parts, op);
    const v = Array.isArray(parent) ? parent[Number(last)] : parent[last];
    if (v === undefined) throw new ApiError('InternalError', `${op} operation does not apply: doc is missing key: ${path}`);
    return v;
  };
  const remove = (path: string, op: string): Json => {
    const v = get(path, op);
    const { parent, last } = parentOf(pointer(path), op);
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
    return v;
  };
  const add = (path: string, value: Json, op: string, replace: boolean) => {
    const parts = pointer(path);
    if (parts.length === 0) {
      root = value;
      return;
    }
    const { parent, last } = parentOf(parts, op);
    if (Array.isArray(parent)) {
      const i = last === '-' ? parent.length : Number(last);
      if (!Number.isInteger(i) || i < 0 || i > parent.length) throw new ApiError('InternalError', `${op} operation does not apply: index out of bounds: ${path}`);
      if (replace) parent[i] = value;
      else parent.splice(i, 0, value);
    } else parent[last] = value;
  };
  for (const raw of ops) {
    if (!isObject(raw) || typeof raw.op !== 'string' || typeof raw.path !== 'string') throw new KubectlError('error: unable to parse patch: each JSON patch operation needs "op" and "path"');
    const { op, path } = raw as { op: string; path: string };
    switch (op) {
      case 'add':
        add(path, raw.value ?? null, op, false);
        break;
      case 'remove':
        remove(path, op);
        break;
      case 'replace':
        get(path, op);
        add(path, raw.value ?? null, op, true);
        break;
      case 'move':
        add(path, remove(String(raw.from), op), op, false);
        break;
      case 'copy':
        add(path, structuredClone(get(String(raw.from), op)), op, false);
        break;
      case 'test':
        if (!isDeepEqual(get(path, op), raw.value ?? null)) throw new ApiError('InternalError', `testing value ${path} failed: test failed`);
        break;
      default:
        throw new ApiError('InternalError', `Unexpected kind: ${op}`);
    }
  }
  return root;
}

function target(ctx: CommandContext): { type: ResourceType; name: string } {
  const [first, second] = ctx.operands;
  if (!first) throw new KubectlError(`error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`);
  const slash = first.indexOf('/');
  const alias = slash >= 0 ? first.slice(0, slash) : first;
  const name = slash >= 0 ? first.slice(slash + 1) : second;
  const type = resourceForAlias(alias);
  if (!type) throw new KubectlError(`error: the server doesn't have a resource type "${alias}"`);
  if (!name) throw new KubectlError('error: resource(s) were provided, but no name was specified');
  return { type, name };
}

export function runPatch(ctx: CommandContext): number {
  const text = ctx.flags.string('patch');
  const kind = ctx.flags.string('type') ?? 'strategic';
  if (!['json', 'merge', 'strategic'].includes(kind)) throw new KubectlError(`error: --type must be one of [json merge strategic], not "${kind}"`);
  if (text === undefined || text === '') throw new KubectlError('error: must specify --patch or --patch-file containing the contents of the patch');
  const { type, name } = target(ctx);
  let patch: Json;
  try {
    patch = parseYaml(text) as Json;
  } catch (e) {
    // patch.go: `unable to parse %q: %v` with go-yaml's error (the line is the parser's).
    const line = (e as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line ?? 1;
    throw new KubectlError(`error: unable to parse ${JSON.stringify(text)}: yaml: line ${line}: did not find expected node content`);
  }
  if (kind !== 'json' && !isObject(patch)) throw new KubectlError(`error: unable to parse ${JSON.stringify(text)}: a ${kind} merge patch must be a JSON object`);
  const live = getOrThrow(ctx, type, name);
  const { resourceVersion: _rv, ...meta } = live.metadata;
  const current = { ...live, metadata: meta } as unknown as Json;
  const patched = (kind === 'merge' ? mergePatch(current, patch) : kind === 'json' ? jsonPatch(current, patch) : strategicMergePatch(current, patch)) as unknown as KubeObject;
  if (!isObject(patched as unknown)) throw new ApiError('BadRequest', 'the patch did not produce an object');
  const label = `${kindPrefix(type)}/${name}`;
  // The main resource ignores status (the status subresource owns it); kubectl compares what the
  // server returns with what it had to say "(no change)".
  let changed = !isDeepEqual(patched, current);
  if (changed && ctx.dryRun !== 'client') {
    const stored = ctx.api.update(patched, { dryRun: ctx.dryRun === 'server' });
    changed = stored !== live && !isDeepEqual(stored, live);
  }
  if (!changed) {
    ctx.out(`${label} patched (no change)`);
    return 0;
  }
  ctx.out(`${label} patched${ctx.dryRunSuffix}`);
  return 0;
}
