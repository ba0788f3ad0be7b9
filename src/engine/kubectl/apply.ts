/**
 * `kubectl apply -f` (and `create -f`, `replace -f`): each document of the manifest is sent on its own,
 * so one bad document changes nothing of itself while the others still apply.
 *
 * Apply is kubectl's client-side apply: the manifest is remembered in the annotation
 * `kubectl.kubernetes.io/last-applied-configuration`, and an update is a three-way merge of the last
 * applied manifest, the live object and the new manifest. Fields removed from the manifest since the last
 * apply are removed; fields nobody declared (server defaults, allocated ClusterIPs, fields other clients
 * set) are kept; lists of named things (containers, env, volumes, ports ...) merge item by item by their
 * patch merge key, as strategic merge patch does; other lists are replaced whole.
 */
import { ApiError, ConnectionRefusedError, formatFieldError } from '../apiserver/errors';
import { parseManifests, type ParsedDocument } from '../apiserver/manifests';
import { resourceForKind, type ResourceType } from '../apiserver/resources';
import { isDeepEqual } from '../apiserver/deepEqual';
import type { KubeObject, Stored } from '../objects';
import type { KubectlHost } from './host';
import { dropUnknownFields, findDecodingProblems, unknownFieldsError } from '../apiserver/admission/decoding';

export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

export interface ApplyOptions {
  dryRun?: 'client' | 'server';
  /** `--namespace`: the namespace for namespaced objects that name none. */
  namespace?: string;
  /** The kubeconfig context's namespace: used for objects that name none, without enforcing it. */
  defaultNamespace?: string;
  mode?: 'apply' | 'create' | 'replace';
  /** File name for messages (`error when creating "web.yaml"`); kubectl says "STDIN" without one. */
  source?: string;
  /**
   * kubectl's `--validate`: what unknown fields do. `strict` (kubectl's default) refuses the object,
   * `warn` drops them with a warning, `ignore` drops them silently.
   */
  validate?: 'strict' | 'warn' | 'ignore';
}

export interface ApplyResult {
  index: number;
  kind?: string;
  name?: string;
  namespace?: string;
  action: 'created' | 'configured' | 'unchanged' | 'error';
  /** Exactly the line kubectl prints: `deployment.apps/web created`, or the error text. */
  message: string;
  warning?: string;
  error?: { message: string; line?: number; column?: number; field?: string };
}

export function applyManifests(host: KubectlHost, text: string, options: ApplyOptions = {}): ApplyResult[] {
  const source = options.source ?? 'STDIN';
  const results: ApplyResult[] = [];
  for (const doc of parseManifests(text)) {
    if (doc.error || !doc.object) {
      results.push(documentError(doc, source));
      continue;
    }
    const items = doc.object.kind === 'List' && Array.isArray(doc.object.items) ? (doc.object.items as KubeObject[]) : [doc.object];
    items.forEach((item, i) => {
      const prefix = items.length > 1 || item !== doc.object ? `items[${i}].` : '';
      results.push(applyObject(host, doc, item, prefix, options, source));
    });
  }
  return results;
}

function documentError(doc: ParsedDocument, source: string): ApplyResult {
  const err = doc.error ?? { message: 'empty document' };
  const message = err.message.startsWith('error validating data')
    ? `error: error validating "${source}": ${err.message}; if you choose to ignore these errors, turn validation off with --validate=false`
    : err.message.startsWith('json:')
      ? `error: unable to decode "${source}": ${err.message}`
      : `error: error parsing ${source}: ${err.message}`;
  return {
    index: doc.index,
    action: 'error',
    message,
    error: { message, ...(err.line !== undefined ? { line: err.line } : {}), ...(err.column !== undefined ? { column: err.column } : {}) },
  };
}

/** `deployment.apps/web`, `service/web`: how kubectl names an object in its output. */
export function kubectlObjectName(resource: ResourceType, name: string): string {
  return `${resource.kind.toLowerCase()}${resource.group ? `.${resource.group}` : ''}/${name}`;
}

function applyObject(host: KubectlHost, doc: ParsedDocument, input: KubeObject, pathPrefix: string, options: ApplyOptions, source: string): ApplyResult {
  const obj = structuredClone(input);
  obj.metadata = obj.metadata && typeof obj.metadata === 'object' ? obj.metadata : {};
  const name = typeof obj.metadata.name === 'string' ? obj.metadata.name : '';
  const base = { index: doc.index, kind: obj.kind, ...(name ? { name } : {}) };
  const fail = (message: string, field?: string): ApplyResult => {
    const at = field !== undefined ? doc.locate(pathPrefix + field) : undefined;
    const line = at?.line ?? doc.startLine;
    return {
      ...base,
      action: 'error',
      message,
      error: { message, line, ...(at ? { column: at.column } : {}), ...(field !== undefined ? { field } : {}) },
    };
  };

  const resource = resourceForKind(obj.kind);
  const accepted = resource && (obj.apiVersion === resource.apiVersion || resource.alsoAccepts?.includes(obj.apiVersion));
  if (!resource || !accepted) {
    const mapping = `error: resource mapping not found for name: "${name}" namespace: "${obj.metadata.namespace ?? ''}" from "${source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"`;
    if (!resource) return fail(`${mapping}\n${obj.kind} objects are not supported in the playground (not supported in the playground).`, 'kind');
    return fail(`${mapping}\nensure CRDs are installed first`, 'apiVersion');
  }

  if (resource.namespaced) {
    const own = obj.metadata.namespace;
    if (own && options.namespace && own !== options.namespace) {
      return fail(
        `error: the namespace from the provided object "${own}" does not match the namespace "${options.namespace}". You must pass '--namespace=${own}' to perform this operation.`,
        'metadata.namespace',
      );
    }
    obj.metadata.namespace = own || options.namespace || options.defaultNamespace || 'default';
  } else {
    delete obj.metadata.namespace;
  }
  const namespace = obj.metadata.namespace;
  const result = { ...base, ...(namespace ? { namespace } : {}) };
  const mode = options.mode ?? 'apply';
  if (!name && !(mode === 'create' && obj.metadata.generateName)) return fail('error: resource name may not be empty', 'metadata.name');

  const validate = options.validate ?? 'strict';
  const notes: string[] = [];
  const decoding = findDecodingProblems(obj);
  const unknownFields = decoding.unknownFields;
  if (unknownFields.length > 0 && validate !== 'strict') {
    dropUnknownFields(obj, unknownFields);
    if (validate === 'warn') notes.push(...unknownFields.map((p) => `Warning: ${p.message}`));
  }
  // Wrong types are the server's to report first; unknown fields only matter to an object that decodes.
  const refuseUnknown = validate === 'strict' && unknownFields.length > 0 && decoding.typeErrors.length === 0;

  const dryRunSuffix = options.dryRun === 'client' ? ' (dry run)' : options.dryRun === 'server' ? ' (server dry run)' : '';
  const writeOpts = { dryRun: options.dryRun === 'server' };
  const printed = (n: string) => kubectlObjectName(resource, n);
  let verb = 'creating';
  try {
    const live = host.api.get(resource.kind, namespace, name);
    if (live && mode !== 'create') verb = mode === 'replace' ? 'replacing' : 'patching';
    if (refuseUnknown) throw unknownFieldsError(obj, unknownFields);
    const withNotes = notes.length > 0 ? { warning: notes.join('\n') } : {};
    if (mode === 'create') {
      if (options.dryRun === 'client') return { ...result, ...withNotes, action: 'created', message: `${printed(name)} created${dryRunSuffix}` };
      const created = host.api.create(obj, writeOpts);
      return { ...result, ...withNotes, name: created.metadata.name, action: 'created', message: `${printed(created.metadata.name)} created${dryRunSuffix}` };
    }
    if (mode === 'replace') {
      verb = 'replacing';
      if (!live) throw new ApiError('NotFound', `${resource.plural}${resource.group ? `.${resource.group}` : ''} "${name}" not found`);
      if (live.metadata.annotations?.[LAST_APPLIED_ANNOTATION] !== undefined) setLastApplied(obj);
      if (options.dryRun !== 'client') host.api.update(obj, writeOpts);
      return { ...result, ...withNotes, action: 'configured', message: `${printed(name)} replaced${dryRunSuffix}` };
    }

    setLastApplied(obj);
    if (!live) {
      if (options.dryRun === 'client') return { ...result, ...withNotes, action: 'created', message: `${printed(name)} created${dryRunSuffix}` };
      host.api.create(obj, writeOpts);
      return { ...result, ...withNotes, action: 'created', message: `${printed(name)} created${dryRunSuffix}` };
    }
    const lastText = live.metadata.annotations?.[LAST_APPLIED_ANNOTATION];
    const warning =
      lastText === undefined
        ? `Warning: resource ${resource.plural}${resource.group ? `.${resource.group}` : ''}/${name} is missing the ${LAST_APPLIED_ANNOTATION} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`
        : undefined;
    const last = parseLastApplied(lastText);
    const merged = threeWayMerge(live, last, obj, '') as KubeObject;
    const withWarning = warning || notes.length > 0 ? { warning: [...notes, ...(warning ? [warning] : [])].join('\n') } : {};
    if (options.dryRun === 'client') {
      const action = isDeepEqual(merged, live) ? 'unchanged' : 'configured';
      return { ...result, ...withWarning, action, message: `${printed(name)} ${action}${dryRunSuffix}` };
    }
    if (isDeepEqual(merged, live)) return { ...result, ...withWarning, action: 'unchanged', message: `${printed(name)} unchanged${dryRunSuffix}` };
    const written = host.api.update(merged, writeOpts);
    const action = isDeepEqual(written, live) ? 'unchanged' : 'configured';
    return { ...result, ...withWarning, action, message: `${printed(name)} ${action}${dryRunSuffix}` };
  } catch (e) {
    return errorResult(e, resource, name, verb, source, fail);
  }
}

function errorResult(
  e: unknown,
  resource: ResourceType,
  name: string,
  verb: string,
  source: string,
  fail: (message: string, field?: string) => ApplyResult,
): ApplyResult {
  if (e instanceof ApiError) {
    const field = e.causes[0]?.field;
    if (e.reason === 'Invalid') {
      // kubectl prints Invalid errors from the Status details: `The Deployment "web" is invalid: ...`.
      const prefix = `The ${resource.kind} "${name}" is invalid: `;
      const lines = e.causes.map(formatFieldError);
      const message = lines.length === 1 ? prefix + lines[0] : `${prefix}\n${lines.map((l) => `* ${l}`).join('\n')}`;
      return fail(message, field);
    }
    return fail(`Error from server (${e.reason}): error when ${verb} "${source}": ${e.message}`, field);
  }
  if (e instanceof ConnectionRefusedError) return fail(e.message);
  return fail(`error: ${e instanceof Error ? e.message : String(e)}`);
}

// ---- last-applied-configuration ----

/** Go's encoding/json of a map: keys sorted, no spaces. */
function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${sortedJson(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** kubectl stores the manifest as it sent it (annotation itself left out) in the annotation. */
function setLastApplied(obj: KubeObject): void {
  const annotations = { ...obj.metadata.annotations };
  delete annotations[LAST_APPLIED_ANNOTATION];
  const recorded = { ...obj, metadata: { ...obj.metadata, annotations } };
  obj.metadata.annotations = { ...annotations, [LAST_APPLIED_ANNOTATION]: `${sortedJson(recorded)}\n` };
}

function parseLastApplied(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

// ---- three-way merge ----

type Json = Record<string, unknown>;

function isPlainObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** patchMergeKey of the lists strategic merge patch merges item by item (k8s.io/api struct tags). */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  ownerReferences: 'uid',
  resourceClaims: 'name',
  topologySpreadConstraints: 'topologyKey',
};

function mergeKeyFor(field: string, items: unknown[]): string | undefined {
  if (field === 'ports') return items.some((i) => isPlainObject(i) && 'containerPort' in i) ? 'containerPort' : 'port';
  return MERGE_KEYS[field];
}

function mergeKeyedList(live: unknown[], last: unknown[] | undefined, desired: unknown[], key: string, path: string): unknown[] {
  const find = (list: unknown[] | undefined, k: unknown) => list?.find((i) => isPlainObject(i) && i[key] === k);
  const out: unknown[] = [];
  const used = new Set<unknown>();
  for (const d of desired) {
    const k = isPlainObject(d) ? d[key] : undefined;
    const l = k === undefined ? undefined : find(live, k);
    if (l !== undefined) used.add(l);
    out.push(l !== undefined ? threeWayMerge(l, find(last, k), d, path) : d);
  }
  for (const l of live) {
    if (used.has(l)) continue;
    const k = isPlainObject(l) ? l[key] : undefined;
    // Removed from the manifest since the last apply: delete. Never declared: someone else's, keep.
    if (k !== undefined && find(last, k) !== undefined) continue;
    out.push(l);
  }
  return out;
}

/**
 * Merges `desired` (the new manifest) into `live`, deleting what `last` (the previous manifest) had and
 * `desired` no longer has. `path` is the field name being merged (for list merge keys).
 */
export function threeWayMerge(live: unknown, last: unknown, desired: unknown, path: string): unknown {
  if (isPlainObject(desired) && isPlainObject(live)) {
    const out: Json = { ...live };
    const lastObj = isPlainObject(last) ? last : undefined;
    if (lastObj) for (const k of Object.keys(lastObj)) if (!(k in desired)) delete out[k];
    for (const [k, v] of Object.entries(desired)) {
      if (v === null) delete out[k];
      else out[k] = threeWayMerge(live[k], lastObj?.[k], v, k);
    }
    return out;
  }
  if (Array.isArray(desired) && Array.isArray(live)) {
    const key = mergeKeyFor(path, desired);
    if (key && desired.every((d) => isPlainObject(d) && d[key] !== undefined)) {
      return mergeKeyedList(live, Array.isArray(last) ? last : undefined, desired, key, path);
    }
  }
  return desired;
}

/** Exposed for tests and for `kubectl diff`-like views. */
export function lastAppliedOf(obj: Stored): unknown {
  return parseLastApplied(obj.metadata.annotations?.[LAST_APPLIED_ANNOTATION]);
}
