// bench/allocpods.tmp.ts
import { Session } from "node:inspector";
import { writeFileSync } from "node:fs";

// src/engine/clock/random.ts
var SeededRandom = class {
  state;
  constructor(seed) {
    this.state = seed >>> 0;
  }
  /** A float in [0, 1). */
  next() {
    let t = this.state = this.state + 1831565813 >>> 0;
    t = Math.imul(t ^ t >>> 15, t | 1);
    t ^= t + Math.imul(t ^ t >>> 7, t | 61);
    return ((t ^ t >>> 14) >>> 0) / 4294967296;
  }
  /** An integer in [0, n). */
  int(n) {
    return Math.floor(this.next() * n);
  }
  pick(items) {
    if (items.length === 0) throw new RangeError("pick from an empty list");
    return items[this.int(items.length)];
  }
  /** `length` characters drawn from `alphabet`. */
  string(alphabet, length) {
    let s2 = "";
    for (let i = 0; i < length; i++) s2 += alphabet[this.int(alphabet.length)];
    return s2;
  }
  getState() {
    return this.state;
  }
  setState(state) {
    this.state = state >>> 0;
  }
};
var NAME_SUFFIX_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

// src/engine/objects.ts
function objectKey(namespace, name) {
  return namespace ? `${namespace}/${name}` : name;
}
function keyOf(obj) {
  return objectKey(obj.metadata.namespace, obj.metadata.name ?? "");
}
function splitKey(key) {
  const slash = key.indexOf("/");
  return slash < 0 ? { namespace: void 0, name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}
function controllerOf(obj) {
  return obj.metadata.ownerReferences?.find((r2) => r2.controller === true);
}
function ownerReferenceTo(owner, opts = {}) {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: opts.controller ?? true,
    blockOwnerDeletion: true
  };
}

// src/engine/apiserver/errors.ts
var CODES = {
  NotFound: 404,
  AlreadyExists: 409,
  Conflict: 409,
  Invalid: 422,
  BadRequest: 400,
  Forbidden: 403,
  MethodNotAllowed: 405,
  ServiceUnavailable: 503,
  InternalError: 500
};
var ApiError = class extends Error {
  reason;
  code;
  causes;
  constructor(reason, message, causes = []) {
    super(message);
    this.name = "ApiError";
    this.reason = reason;
    this.code = CODES[reason];
    this.causes = causes;
  }
  /** The line kubectl prints for this error. */
  toKubectlMessage() {
    return `Error from server (${this.reason}): ${this.message}`;
  }
};
function formatFieldError(e) {
  switch (e.type) {
    case "Required":
      return `${e.field}: Required value${e.detail ? `: ${e.detail}` : ""}`;
    case "NotSupported":
      return `${e.field}: Unsupported value: ${e.valueText ?? formatValue(e.value)}${e.detail ? `: ${e.detail}` : ""}`;
    case "Duplicate":
      return `${e.field}: Duplicate value: ${e.valueText ?? formatValue(e.value)}`;
    case "NotFound":
      return `${e.field}: Not found: ${e.valueText ?? formatValue(e.value)}`;
    case "Forbidden":
      return `${e.field}: Forbidden: ${e.detail}`;
    case "TooLong":
      return `${e.field}: Too long: ${e.detail}`;
    case "FieldValueTypeInvalid":
      return `${e.field}: Invalid value: ${e.valueText ?? formatValue(e.value)}: ${e.detail}`;
    default:
      return `${e.field}: Invalid value: ${e.valueText ?? formatValue(e.value)}: ${e.detail}`;
  }
}
function formatValue(v) {
  if (typeof v === "string") return JSON.stringify(v);
  if (v === void 0) return '""';
  if (typeof v === "object" && v !== null) return JSON.stringify(v);
  return String(v);
}
function notFound(resource, name) {
  return new ApiError("NotFound", `${resource} "${name}" not found`);
}
function alreadyExists(resource, name) {
  return new ApiError("AlreadyExists", `${resource} "${name}" already exists`);
}
function invalid(kindWithGroup, name, causes) {
  const details = causes.map(formatFieldError);
  const body = details.length === 1 ? details[0] : `[${details.join(", ")}]`;
  return new ApiError("Invalid", `${kindWithGroup} "${name}" is invalid: ${body}`, causes);
}
var ConnectionRefusedError = class extends Error {
  constructor(message = "The connection to the server 10.0.0.10:6443 was refused - did you specify the right host or port?") {
    super(message);
    this.name = "ConnectionRefusedError";
  }
};

// src/engine/apiserver/resources.ts
function r(kind, apiVersion, plural, shortNames, opts = {}) {
  const slash = apiVersion.indexOf("/");
  return {
    kind,
    apiVersion,
    group: slash < 0 ? "" : apiVersion.slice(0, slash),
    plural,
    singular: kind.toLowerCase(),
    shortNames,
    namespaced: opts.namespaced ?? true,
    nameRule: opts.nameRule ?? "dns1123-subdomain",
    hasStatus: opts.hasStatus ?? false,
    simulated: opts.simulated ?? false,
    ...opts.alsoAccepts ? { alsoAccepts: opts.alsoAccepts } : {}
  };
}
var RESOURCE_TYPES = [
  r("Pod", "v1", "pods", ["po"], { hasStatus: true, simulated: true }),
  r("Node", "v1", "nodes", ["no"], { namespaced: false, hasStatus: true, simulated: true }),
  r("Namespace", "v1", "namespaces", ["ns"], { namespaced: false, nameRule: "dns1123-label", hasStatus: true, simulated: true }),
  r("Service", "v1", "services", ["svc"], { nameRule: "dns1123-label", hasStatus: true, simulated: true }),
  r("Endpoints", "v1", "endpoints", ["ep"], { simulated: true }),
  r("Event", "v1", "events", ["ev"], { simulated: true }),
  r("ConfigMap", "v1", "configmaps", ["cm"], { simulated: true }),
  r("Secret", "v1", "secrets", [], { simulated: true }),
  r("ServiceAccount", "v1", "serviceaccounts", ["sa"], { simulated: true }),
  r("PersistentVolume", "v1", "persistentvolumes", ["pv"], { namespaced: false, hasStatus: true }),
  r("PersistentVolumeClaim", "v1", "persistentvolumeclaims", ["pvc"], { hasStatus: true }),
  r("ResourceQuota", "v1", "resourcequotas", ["quota"], { hasStatus: true }),
  r("LimitRange", "v1", "limitranges", ["limits"]),
  r("Deployment", "apps/v1", "deployments", ["deploy"], { hasStatus: true, simulated: true }),
  r("ReplicaSet", "apps/v1", "replicasets", ["rs"], { hasStatus: true, simulated: true }),
  r("StatefulSet", "apps/v1", "statefulsets", ["sts"], { hasStatus: true }),
  r("DaemonSet", "apps/v1", "daemonsets", ["ds"], { hasStatus: true }),
  r("Job", "batch/v1", "jobs", [], { hasStatus: true }),
  r("CronJob", "batch/v1", "cronjobs", ["cj"], { hasStatus: true }),
  r("HorizontalPodAutoscaler", "autoscaling/v2", "horizontalpodautoscalers", ["hpa"], { hasStatus: true, alsoAccepts: ["autoscaling/v1"] }),
  r("EndpointSlice", "discovery.k8s.io/v1", "endpointslices", [], { simulated: true }),
  r("Lease", "coordination.k8s.io/v1", "leases", [], { simulated: true }),
  r("Ingress", "networking.k8s.io/v1", "ingresses", ["ing"], { hasStatus: true }),
  r("NetworkPolicy", "networking.k8s.io/v1", "networkpolicies", ["netpol"]),
  r("StorageClass", "storage.k8s.io/v1", "storageclasses", ["sc"], { namespaced: false }),
  r("PodDisruptionBudget", "policy/v1", "poddisruptionbudgets", ["pdb"], { hasStatus: true }),
  r("PriorityClass", "scheduling.k8s.io/v1", "priorityclasses", ["pc"], { namespaced: false }),
  r("Role", "rbac.authorization.k8s.io/v1", "roles", [], { nameRule: "path-segment" }),
  r("RoleBinding", "rbac.authorization.k8s.io/v1", "rolebindings", [], { nameRule: "path-segment" }),
  r("ClusterRole", "rbac.authorization.k8s.io/v1", "clusterroles", [], { namespaced: false, nameRule: "path-segment" }),
  r("ClusterRoleBinding", "rbac.authorization.k8s.io/v1", "clusterrolebindings", [], { namespaced: false, nameRule: "path-segment" })
];
var BY_KIND = new Map(RESOURCE_TYPES.map((t) => [t.kind, t]));
var BY_ALIAS = /* @__PURE__ */ new Map();
for (const t of RESOURCE_TYPES) {
  const aliases = [t.plural, t.singular, t.kind.toLowerCase(), ...t.shortNames];
  if (t.group) aliases.push(`${t.plural}.${t.group}`, `${t.singular}.${t.group}`);
  for (const a of aliases) if (!BY_ALIAS.has(a)) BY_ALIAS.set(a, t);
}
function resourceForKind(kind) {
  return BY_KIND.get(kind);
}
function resourceForAlias(alias) {
  return BY_ALIAS.get(alias.toLowerCase());
}
function qualifiedPlural(t) {
  return t.group ? `${t.plural}.${t.group}` : t.plural;
}
function qualifiedKind(t) {
  return t.group ? `${t.kind}.${t.group}` : t.kind;
}

// src/engine/apiserver/labels.ts
function matchesSelector(selector, labels) {
  for (const req of selector) {
    const has = labels !== void 0 && Object.prototype.hasOwnProperty.call(labels, req.key);
    const value = has ? labels[req.key] : void 0;
    switch (req.operator) {
      case "In":
        if (value === void 0 || !req.values.includes(value)) return false;
        break;
      case "NotIn":
        if (value !== void 0 && req.values.includes(value)) return false;
        break;
      case "Exists":
        if (!has) return false;
        break;
      case "DoesNotExist":
        if (has) return false;
        break;
    }
  }
  return true;
}
function matchesLabelMap(selector, labels) {
  if (!selector) return true;
  for (const k in selector) if (labels?.[k] !== selector[k]) return false;
  return true;
}
function fromLabelSelector(ls) {
  if (!ls) return null;
  const out = [];
  for (const [key, value] of Object.entries(ls.matchLabels ?? {})) out.push({ key, operator: "In", values: [value] });
  for (const e of ls.matchExpressions ?? []) out.push(fromExpression(e));
  return out;
}
function fromExpression(e) {
  const op = e.operator;
  return { key: e.key, operator: op, values: e.values ?? [] };
}
function matchesLabelSelector(ls, labels) {
  const sel = fromLabelSelector(ls);
  return sel !== null && matchesSelector(sel, labels);
}
function parseSelector(text) {
  const out = [];
  const parts = splitTopLevel(text.trim());
  for (const raw of parts) {
    const part = raw.trim();
    if (part === "") continue;
    let m;
    if (m = part.match(/^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/)) {
      const values = m[3].split(",").map((v) => v.trim()).filter((v) => v !== "");
      out.push({ key: m[1], operator: m[2] === "in" ? "In" : "NotIn", values });
    } else if (m = part.match(/^([\w./-]+)\s*!=\s*([\w.-]*)$/)) {
      out.push({ key: m[1], operator: "NotIn", values: [m[2]] });
    } else if (m = part.match(/^([\w./-]+)\s*==?\s*([\w.-]*)$/)) {
      out.push({ key: m[1], operator: "In", values: [m[2]] });
    } else if (m = part.match(/^!([\w./-]+)$/)) {
      out.push({ key: m[1], operator: "DoesNotExist", values: [] });
    } else if (m = part.match(/^([\w./-]+)$/)) {
      out.push({ key: m[1], operator: "Exists", values: [] });
    } else {
      throw new Error(`unable to parse requirement: ${JSON.stringify(part)}`);
    }
  }
  return out;
}
function splitTopLevel(text) {
  const out = [];
  let depth = 0;
  let cur = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

// src/engine/apiserver/validation/names.ts
var DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
var DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
var DNS1123_LABEL_MESSAGE = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
var DNS1123_SUBDOMAIN_MESSAGE = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
function isDns1123Label(value) {
  return value.length <= 63 && DNS1123_LABEL.test(value);
}
function isDns1123Subdomain(value) {
  return value.length <= 253 && DNS1123_SUBDOMAIN.test(value);
}
function validateObjectName(name, rule, field = "metadata.name") {
  if (name === "") return [{ field, type: "Required", detail: "name or generateName is required" }];
  switch (rule) {
    case "dns1123-label":
      if (name.length > 63) return [{ field, type: "Invalid", value: name, detail: "must be no more than 63 characters" }];
      return DNS1123_LABEL.test(name) ? [] : [{ field, type: "Invalid", value: name, detail: DNS1123_LABEL_MESSAGE }];
    case "dns1123-subdomain":
      if (name.length > 253) return [{ field, type: "Invalid", value: name, detail: "must be no more than 253 characters" }];
      return DNS1123_SUBDOMAIN.test(name) ? [] : [{ field, type: "Invalid", value: name, detail: DNS1123_SUBDOMAIN_MESSAGE }];
    case "path-segment":
      if (name === "." || name === "..") return [{ field, type: "Invalid", value: name, detail: `may not be '${name}'` }];
      if (name.includes("/") || name.includes("%")) return [{ field, type: "Invalid", value: name, detail: "may not contain '/' or '%'" }];
      return [];
  }
}

// src/engine/apiserver/deepEqual.ts
function isDeepEqual(a, b) {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!isDeepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ao = a;
  const bo = b;
  let count = 0;
  for (const k in ao) {
    if (ao[k] === void 0) continue;
    count++;
    if (!isDeepEqual(ao[k], bo[k])) return false;
  }
  for (const k in bo) if (bo[k] !== void 0) count--;
  return count === 0;
}

// src/engine/apiserver/cloneData.ts
var MAX_DEPTH = 64;
var NotPlainData = class extends Error {
};
var seen = /* @__PURE__ */ new Set();
function copy(value, depth) {
  if (typeof value !== "object" || value === null) {
    if (typeof value === "function" || typeof value === "symbol") throw new NotPlainData();
    return value;
  }
  if (depth > MAX_DEPTH || seen.has(value)) throw new NotPlainData();
  seen.add(value);
  if (Array.isArray(value)) {
    const out2 = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      if (!(i in value)) throw new NotPlainData();
      out2[i] = copy(value[i], depth + 1);
    }
    if (Object.keys(value).length !== value.length) throw new NotPlainData();
    return out2;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw new NotPlainData();
  const out = {};
  for (const key of Object.keys(value)) out[key] = copy(value[key], depth + 1);
  return out;
}
function cloneData(value) {
  try {
    return copy(value, 0);
  } catch (err) {
    if (err instanceof NotPlainData) return structuredClone(value);
    throw err;
  } finally {
    seen.clear();
  }
}

// src/engine/apiserver/apiserver.ts
var ApiServer = class {
  constructor(clock, random) {
    this.clock = clock;
    this.random = random;
    this.uidRandom = new SeededRandom((random.getState() ^ 2654435769) >>> 0);
  }
  clock;
  random;
  buckets = /* @__PURE__ */ new Map();
  watchers = /* @__PURE__ */ new Map();
  allWatchers = /* @__PURE__ */ new Set();
  /** owner uid → keys (`Kind|namespace/name`) of the objects that reference it. */
  dependents = /* @__PURE__ */ new Map();
  admission = [];
  rv = 1;
  uidCounter = 0;
  /**
   * uids draw from their own stream, so adding an object somewhere does not shift every generated
   * name that follows it (names stay stable across unrelated changes for the same seed).
   */
  uidRandom;
  available = true;
  // ---- availability (kube-apiserver stopped, or etcd without quorum) ----
  setAvailable(available, reason) {
    this.available = available;
    this.unavailableReason = reason;
  }
  unavailableReason;
  isAvailable() {
    return this.available;
  }
  ensureAvailable() {
    if (!this.available) throw new ConnectionRefusedError(this.unavailableReason);
  }
  // ---- admission chain ----
  registerAdmission(plugin) {
    this.admission.push(plugin);
  }
  // ---- reads ----
  get(kind, namespace, name) {
    this.ensureAvailable();
    return this.peek(kind, namespace, name);
  }
  /** Like get, but reading the store directly even while the API server is down (for the UI and tests). */
  peek(kind, namespace, name) {
    return this.buckets.get(kind)?.get(objectKey(namespace, name));
  }
  list(kind, opts = {}) {
    this.ensureAvailable();
    return this.peekList(kind, opts);
  }
  peekList(kind, opts = {}) {
    const bucket = this.buckets.get(kind);
    if (!bucket) return [];
    const out = [];
    for (const obj of bucket.values()) {
      if (opts.namespace !== void 0 && obj.metadata.namespace !== opts.namespace) continue;
      if (opts.nodeName !== void 0 && obj.spec?.nodeName !== opts.nodeName) continue;
      if (opts.selector && !matchesSelector(opts.selector, obj.metadata.labels)) continue;
      out.push(obj);
    }
    return out;
  }
  count(kind) {
    return this.buckets.get(kind)?.size ?? 0;
  }
  /** Objects whose ownerReferences name `ownerUid` (the garbage collector's dependency graph). */
  dependentsOf(ownerUid) {
    const keys = this.dependents.get(ownerUid);
    if (!keys) return [];
    const out = [];
    for (const k of keys) {
      const bar = k.indexOf("|");
      const obj = this.buckets.get(k.slice(0, bar))?.get(k.slice(bar + 1));
      if (obj) out.push(obj);
    }
    return out;
  }
  kinds() {
    return [...this.buckets.keys()];
  }
  get resourceVersion() {
    return String(this.rv);
  }
  // ---- watch ----
  watch(kind, handler) {
    let set = this.watchers.get(kind);
    if (!set) this.watchers.set(kind, set = /* @__PURE__ */ new Set());
    set.add(handler);
    return () => set.delete(handler);
  }
  /** Every write of every kind, in order (the worker's patch stream). */
  watchAll(handler) {
    this.allWatchers.add(handler);
    return () => this.allWatchers.delete(handler);
  }
  emit(event) {
    const set = this.watchers.get(event.object.kind);
    if (set) for (const h of set) h(event);
    for (const h of this.allWatchers) h(event);
  }
  // ---- writes ----
  create(input, opts = {}) {
    this.ensureAvailable();
    const obj = opts.transferOwnership ? input : cloneData(input);
    const resource = this.resolve(obj);
    obj.metadata = obj.metadata ?? {};
    const meta = obj.metadata;
    this.normaliseNamespace(obj, resource);
    if (!meta.name && meta.generateName) {
      meta.name = meta.generateName + this.random.string(NAME_SUFFIX_ALPHABET, 5);
    }
    if (!meta.name) {
      throw invalid(qualifiedKind(resource), "", [{ field: "metadata.name", type: "Required", detail: "name or generateName is required" }]);
    }
    this.ensureNamespaceUsable(resource, meta.namespace, meta.name);
    meta.uid = this.newUid();
    const ctx = this.context("CREATE", resource);
    this.runAdmission(obj, ctx, resource);
    const bucket = this.bucket(resource.kind);
    const key = objectKey(meta.namespace, meta.name);
    if (bucket.has(key)) throw alreadyExists(qualifiedPlural(resource), meta.name);
    const stored = obj;
    stored.metadata.creationTimestamp = this.clock.nowRfc3339();
    stored.metadata.generation = 1;
    delete stored.metadata.deletionTimestamp;
    delete stored.metadata.deletionGracePeriodSeconds;
    if (opts.dryRun) {
      stored.metadata.resourceVersion = "";
      return stored;
    }
    stored.metadata.resourceVersion = String(++this.rv);
    bucket.set(key, stored);
    this.indexOwners(stored, void 0);
    this.emit({ type: "ADDED", object: stored });
    return stored;
  }
  /**
   * Replaces an object (PUT). The stored status is kept for kinds with a status subresource; a stale
   * resourceVersion is a Conflict; a spec change bumps metadata.generation; a no-op write stores nothing.
   */
  update(input, opts = {}) {
    this.ensureAvailable();
    const obj = input;
    const resource = this.resolve(obj);
    this.normaliseNamespace(obj, resource);
    const name = obj.metadata?.name ?? "";
    const old = this.peek(resource.kind, obj.metadata.namespace, name);
    if (!old) throw notFound(qualifiedPlural(resource), name);
    this.checkResourceVersion(resource, obj, old);
    const next = { ...obj, metadata: { ...obj.metadata } };
    if (resource.hasStatus && "status" in old) next.status = old.status;
    else if (resource.hasStatus) delete next.status;
    this.keepSystemMetadata(next, old);
    if (!isDeepEqual(next.spec, old.spec)) {
      next.metadata.generation = (old.metadata.generation ?? 1) + 1;
    }
    this.runAdmission(next, this.context("UPDATE", resource, old), resource);
    return this.commitUpdate(resource, next, old, opts);
  }
  /** Writes only `.status` (the status subresource), as controllers and kubelets do. */
  updateStatus(input, opts = {}) {
    this.ensureAvailable();
    const obj = input;
    const resource = this.resolve(obj);
    this.normaliseNamespace(obj, resource);
    const name = obj.metadata?.name ?? "";
    const old = this.peek(resource.kind, obj.metadata.namespace, name);
    if (!old) throw notFound(qualifiedPlural(resource), name);
    this.checkResourceVersion(resource, obj, old);
    const next = { ...old, status: obj.status, metadata: { ...old.metadata } };
    return this.commitUpdate(resource, next, old, opts);
  }
  /**
   * The pods/binding subresource (pkg/registry/core/pod/storage BindingREST): sets spec.nodeName and the
   * PodScheduled=True condition in one write. It runs no pod-update validation (spec.nodeName is
   * otherwise immutable) and refuses a pod that is being deleted or already bound.
   */
  bind(namespace, name, nodeName2) {
    this.ensureAvailable();
    const resource = resourceForKind("Pod");
    const old = this.peek("Pod", namespace, name);
    if (!resource || !old) throw notFound("pods", name);
    const spec = old.spec ?? {};
    const conflict = (why) => new ApiError("Conflict", `Operation cannot be fulfilled on pods/binding "${name}": ${why}`);
    if (old.metadata.deletionTimestamp) throw conflict(`pod ${name} is being deleted, cannot be assigned to a host`);
    if (spec.nodeName) throw conflict(`pod ${name} is already assigned to node "${spec.nodeName}"`);
    const status = old.status ?? {};
    const conditions2 = (status.conditions ?? []).filter((c2) => c2.type !== "PodScheduled");
    const prev = status.conditions?.find((c2) => c2.type === "PodScheduled");
    const lastTransitionTime = prev?.status === "True" ? prev.lastTransitionTime : this.clock.nowRfc3339();
    conditions2.push({ type: "PodScheduled", status: "True", lastProbeTime: null, lastTransitionTime });
    const next = { ...old, spec: { ...spec, nodeName: nodeName2 }, status: { ...status, conditions: conditions2 }, metadata: { ...old.metadata } };
    return this.commitUpdate(resource, next, old, {});
  }
  /** Read-modify-write helper: `mutate` edits a deep copy of the current object. */
  patch(kind, namespace, name, mutate, opts = {}) {
    this.ensureAvailable();
    const resource = resourceForKind(kind);
    const current = this.peek(kind, namespace, name);
    if (!resource || !current) throw notFound(resource ? qualifiedPlural(resource) : kind, name);
    const draft = cloneData(current);
    mutate(draft);
    const statusChanged = resource.hasStatus && !isDeepEqual(draft.status, current.status);
    let result = this.update(draft, opts);
    if (statusChanged) result = this.updateStatus({ ...result, status: draft.status }, opts);
    return result;
  }
  delete(kind, namespace, name, opts = {}) {
    this.ensureAvailable();
    const resource = resourceForKind(kind);
    if (!resource) throw new ApiError("NotFound", `the server doesn't have a resource type "${kind}"`);
    const ns = resource.namespaced ? namespace ?? "default" : void 0;
    const old = this.peek(kind, ns, name);
    if (!old) throw notFound(qualifiedPlural(resource), name);
    if (opts.dryRun) return old;
    if (opts.propagationPolicy === "Orphan") this.orphanDependents(old);
    if (opts.propagationPolicy === "Foreground" && kind !== "Pod" && kind !== "Namespace") {
      if (old.metadata.deletionTimestamp) return old;
      const finalizers = [...(old.metadata.finalizers ?? []).filter((f) => f !== "foregroundDeletion"), "foregroundDeletion"];
      const next = { ...old, metadata: { ...old.metadata, finalizers, deletionTimestamp: this.clock.nowRfc3339(), deletionGracePeriodSeconds: 0 } };
      return this.commitUpdate(resource, next, old, {}, true);
    }
    if (kind === "Pod") {
      const spec = old.spec;
      const grace = opts.gracePeriodSeconds ?? spec?.terminationGracePeriodSeconds ?? 30;
      const phase = old.status?.phase;
      const finished = phase === "Succeeded" || phase === "Failed";
      if (spec?.nodeName && grace > 0 && !finished) {
        if (old.metadata.deletionTimestamp && (old.metadata.deletionGracePeriodSeconds ?? 0) <= grace) return old;
        const next = { ...old, metadata: { ...old.metadata, deletionTimestamp: this.clock.nowRfc3339(), deletionGracePeriodSeconds: grace } };
        return this.commitUpdate(resource, next, old, {}, true);
      }
    }
    if ((old.metadata.finalizers?.length ?? 0) > 0 || kind === "Namespace") {
      if (old.metadata.deletionTimestamp) return old;
      const next = { ...old, metadata: { ...old.metadata, deletionTimestamp: this.clock.nowRfc3339(), deletionGracePeriodSeconds: 0 } };
      if (kind === "Namespace") next.status = { phase: "Terminating" };
      return this.commitUpdate(resource, next, old, {}, true);
    }
    this.remove(resource, old);
    return old;
  }
  /** Removes an object whose finalizers are done (namespace controller, foreground GC). */
  finalize(kind, namespace, name) {
    const resource = resourceForKind(kind);
    const old = this.peek(kind, namespace, name);
    if (resource && old) this.remove(resource, old);
  }
  remove(resource, old) {
    this.bucket(resource.kind).delete(objectKey(old.metadata.namespace, old.metadata.name));
    this.unindexOwners(old);
    ++this.rv;
    const gone = { ...old, metadata: { ...old.metadata, resourceVersion: String(this.rv) } };
    this.emit({ type: "DELETED", object: gone, old });
  }
  // ---- internals ----
  commitUpdate(resource, next, old, opts, force = false) {
    next.metadata.resourceVersion = old.metadata.resourceVersion;
    if (!force && isDeepEqual(next, old)) return old;
    if (opts.dryRun) return next;
    if (next.metadata.deletionTimestamp && resource.kind !== "Pod" && resource.kind !== "Namespace" && (next.metadata.finalizers?.length ?? 0) === 0) {
      this.remove(resource, old);
      return next;
    }
    next.metadata.resourceVersion = String(++this.rv);
    this.bucket(resource.kind).set(objectKey(next.metadata.namespace, next.metadata.name), next);
    this.indexOwners(next, old);
    this.emit({ type: "MODIFIED", object: next, old });
    return next;
  }
  checkResourceVersion(resource, obj, old) {
    const rv = obj.metadata?.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) {
      throw new ApiError(
        "Conflict",
        `Operation cannot be fulfilled on ${qualifiedPlural(resource)} "${old.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`
      );
    }
  }
  /** Fields a client cannot change by PUT: identity and server-managed metadata. */
  keepSystemMetadata(next, old) {
    const m = next.metadata;
    m.uid = old.metadata.uid;
    m.creationTimestamp = old.metadata.creationTimestamp;
    m.generation = old.metadata.generation;
    if (old.metadata.deletionTimestamp) {
      m.deletionTimestamp = old.metadata.deletionTimestamp;
      m.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    } else {
      delete m.deletionTimestamp;
      delete m.deletionGracePeriodSeconds;
    }
  }
  resolve(obj) {
    const kind = obj?.kind;
    const resource = kind ? resourceForKind(kind) : void 0;
    if (!resource) {
      throw new ApiError("BadRequest", `no matches for kind "${kind ?? ""}" in version "${obj?.apiVersion ?? ""}"`);
    }
    if (obj.apiVersion !== resource.apiVersion && !resource.alsoAccepts?.includes(obj.apiVersion)) {
      throw new ApiError("BadRequest", `no matches for kind "${kind}" in version "${obj.apiVersion ?? ""}"`);
    }
    return resource;
  }
  normaliseNamespace(obj, resource) {
    obj.metadata = obj.metadata ?? {};
    if (resource.namespaced) obj.metadata.namespace = obj.metadata.namespace || "default";
    else delete obj.metadata.namespace;
  }
  /** NamespaceLifecycle admission: the namespace must exist and must not be terminating. */
  ensureNamespaceUsable(resource, namespace, name) {
    if (!resource.namespaced || namespace === void 0) return;
    const ns = this.peek("Namespace", void 0, namespace);
    if (!ns) throw notFound("namespaces", namespace);
    if (ns.metadata.deletionTimestamp && resource.kind !== "Event") {
      throw new ApiError(
        "Forbidden",
        `${qualifiedPlural(resource)} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`
      );
    }
  }
  runAdmission(obj, ctx, resource) {
    for (const p of this.admission) if (p.admit && (!p.kinds || p.kinds.includes(resource.kind))) p.admit(obj, ctx);
    const errors = [];
    if (ctx.operation === "CREATE") errors.push(...validateObjectName(obj.metadata.name ?? "", resource.nameRule));
    for (const p of this.admission) {
      if (p.validate && (!p.kinds || p.kinds.includes(resource.kind))) errors.push(...p.validate(obj, ctx) ?? []);
    }
    if (errors.length > 0) throw invalid(qualifiedKind(resource), obj.metadata.name ?? "", errors);
  }
  context(operation, resource, old) {
    return { api: this, operation, resource, now: this.clock.nowRfc3339(), random: this.random, ...old ? { old } : {} };
  }
  bucket(kind) {
    let b = this.buckets.get(kind);
    if (!b) this.buckets.set(kind, b = /* @__PURE__ */ new Map());
    return b;
  }
  newUid() {
    const count = (++this.uidCounter).toString(16).padStart(12, "0");
    const a = this.randomHex(8);
    const b = this.randomHex(4);
    const c2 = this.randomHex(3);
    const variant = (8 + this.uidRandom.int(4)).toString(16);
    return [a, b, "4" + c2, variant + this.randomHex(3), count].join("-");
  }
  randomHex(digits) {
    return Math.floor(this.uidRandom.next() * 16 ** digits).toString(16).padStart(digits, "0");
  }
  depKey(obj) {
    return `${obj.kind}|${objectKey(obj.metadata.namespace, obj.metadata.name)}`;
  }
  indexOwners(obj, old) {
    if (old && old.metadata.ownerReferences === obj.metadata.ownerReferences) return;
    if (old) this.unindexOwners(old);
    for (const ref of obj.metadata.ownerReferences ?? []) {
      let set = this.dependents.get(ref.uid);
      if (!set) this.dependents.set(ref.uid, set = /* @__PURE__ */ new Set());
      set.add(this.depKey(obj));
    }
  }
  unindexOwners(obj) {
    for (const ref of obj.metadata.ownerReferences ?? []) {
      const set = this.dependents.get(ref.uid);
      set?.delete(this.depKey(obj));
      if (set?.size === 0) this.dependents.delete(ref.uid);
    }
  }
  orphanDependents(owner) {
    for (const dep of this.dependentsOf(owner.metadata.uid)) {
      const refs = (dep.metadata.ownerReferences ?? []).filter((r2) => r2.uid !== owner.metadata.uid);
      const resource = resourceForKind(dep.kind);
      if (!resource) continue;
      const next = { ...dep, metadata: { ...dep.metadata, ownerReferences: refs } };
      if (refs.length === 0) delete next.metadata.ownerReferences;
      this.commitUpdate(resource, next, dep, {});
    }
  }
};

// src/engine/apiserver/events.ts
var AGGREGATION_WINDOW_MS = 10 * 6e4;
var EVENT_TTL_MS = 60 * 6e4;
var SWEEP_PERIOD_MS = 6e4;
var EventRecorder = class {
  constructor(api, clock) {
    this.api = api;
    this.clock = clock;
  }
  api;
  clock;
  recent = /* @__PURE__ */ new Map();
  /** Events in the order they were last touched, for the TTL sweep (one timer, not one per event): parallel arrays, no object per touch. */
  expiryKeys = [];
  expiryTimes = [];
  expiryHead = 0;
  sweepScheduled = false;
  counter = 0;
  /** Turn off to save work in benchmarks that do not read events. */
  enabled = true;
  record(obj, type, reason, message, source, fieldPath) {
    if (!this.enabled || !this.api.isAvailable()) return;
    const meta = obj.metadata;
    const namespace = meta.namespace ?? "default";
    const now = this.clock.now();
    const key = [meta.uid ?? meta.name, type, reason, source.component, source.host ?? "", fieldPath ?? "", message].join("|");
    const seen2 = this.recent.get(key);
    if (seen2 && now - seen2.lastMs < AGGREGATION_WINDOW_MS) {
      const existing = this.api.peek("Event", seen2.namespace, seen2.name);
      if (existing) {
        seen2.lastMs = now;
        this.api.update({ ...existing, count: (existing.count ?? 1) + 1, lastTimestamp: this.clock.nowRfc3339() });
        this.touch(key, now);
        return;
      }
    }
    const ts = this.clock.nowRfc3339();
    const suffix = (now * 1e3 + this.counter++ % 1e3).toString(16);
    const involvedObject = { apiVersion: obj.apiVersion, kind: obj.kind, name: meta.name };
    if (meta.namespace) involvedObject.namespace = meta.namespace;
    if (meta.uid) involvedObject.uid = meta.uid;
    if (meta.resourceVersion) involvedObject.resourceVersion = meta.resourceVersion;
    if (fieldPath) involvedObject.fieldPath = fieldPath;
    const eventSource2 = { component: source.component };
    if (source.host) eventSource2.host = source.host;
    const event = {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name: [meta.name, suffix].join("."), namespace },
      involvedObject,
      reason,
      message,
      type,
      source: eventSource2,
      firstTimestamp: ts,
      lastTimestamp: ts,
      count: 1,
      reportingComponent: source.component,
      reportingInstance: source.host ?? ""
    };
    try {
      const created = this.api.create(event, { transferOwnership: true });
      this.recent.set(key, { name: created.metadata.name, namespace, lastMs: now });
      this.touch(key, now);
    } catch {
    }
  }
  touch(key, now) {
    this.expiryKeys.push(key);
    this.expiryTimes.push(now);
    if (!this.sweepScheduled) {
      this.sweepScheduled = true;
      this.clock.setTimeout(() => this.sweep(), SWEEP_PERIOD_MS);
    }
  }
  /** Deletes events not updated for the TTL. An entry superseded by a later touch of the same key is skipped. */
  sweep() {
    this.sweepScheduled = false;
    const now = this.clock.now();
    while (this.expiryHead < this.expiryKeys.length) {
      const touchedMs = this.expiryTimes[this.expiryHead];
      if (now - touchedMs < EVENT_TTL_MS) break;
      const key = this.expiryKeys[this.expiryHead];
      this.expiryHead++;
      const seen2 = this.recent.get(key);
      if (!seen2 || seen2.lastMs !== touchedMs || now - seen2.lastMs < EVENT_TTL_MS) continue;
      this.recent.delete(key);
      if (this.api.isAvailable() && this.api.peek("Event", seen2.namespace, seen2.name)) this.api.delete("Event", seen2.namespace, seen2.name);
    }
    if (this.expiryHead > 1024 && this.expiryHead * 2 > this.expiryKeys.length) {
      this.expiryKeys.splice(0, this.expiryHead);
      this.expiryTimes.splice(0, this.expiryHead);
      this.expiryHead = 0;
    }
    if (this.expiryHead < this.expiryKeys.length) {
      this.sweepScheduled = true;
      this.clock.setTimeout(() => this.sweep(), SWEEP_PERIOD_MS);
    }
  }
};

// src/engine/apiserver/quantity.ts
var QUANTITY_PATTERN = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
var QUANTITY_PATTERN_MESSAGE = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
var BINARY_SUFFIXES = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60
};
var DECIMAL_SUFFIXES = {
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  "": 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18
};
var QuantityError = class extends Error {
  constructor(text) {
    super(`${QUANTITY_PATTERN_MESSAGE} (got ${JSON.stringify(text)})`);
    this.name = "QuantityError";
  }
};
function parseQuantity(text) {
  if (typeof text === "number") {
    if (!Number.isFinite(text)) throw new QuantityError(String(text));
    return text;
  }
  const s2 = text.trim();
  const m = QUANTITY_PATTERN.exec(s2);
  if (!m) throw new QuantityError(text);
  const digits = m[1];
  const suffix = m[2];
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(digits)) throw new QuantityError(text);
  const base = Number(digits);
  let factor = BINARY_SUFFIXES[suffix] ?? DECIMAL_SUFFIXES[suffix];
  if (factor === void 0) {
    const exp = /^[eE]([-+]?\d+)$/.exec(suffix);
    if (!exp) throw new QuantityError(text);
    factor = 10 ** Number(exp[1]);
  }
  return base * factor;
}
function isValidQuantity(text) {
  if (typeof text === "number") return Number.isFinite(text);
  if (typeof text !== "string") return false;
  try {
    parseQuantity(text);
    return true;
  } catch {
    return false;
  }
}
function cpuMillis(q) {
  if (q === void 0 || q === "") return 0;
  return Math.ceil(parseQuantity(q) * 1e3 - 1e-9);
}
function memoryBytes(q) {
  if (q === void 0 || q === "") return 0;
  return Math.ceil(parseQuantity(q) - 1e-9);
}
function formatCpuMillis(millis) {
  return millis % 1e3 === 0 ? String(millis / 1e3) : `${millis}m`;
}
function compareQuantities(a, b) {
  return parseQuantity(a) - parseQuantity(b);
}

// src/engine/apiserver/admission/schema.ts
var LABEL_SELECTOR = {
  strict: true,
  fields: { matchLabels: "map[string]", matchExpressions: "[]LabelSelectorRequirement" }
};
var STRUCTS = {
  ObjectMeta: {
    strict: true,
    fields: {
      name: "string",
      generateName: "string",
      namespace: "string",
      selfLink: "string",
      uid: "string",
      resourceVersion: "string",
      generation: "int64",
      creationTimestamp: "any",
      deletionTimestamp: "any",
      deletionGracePeriodSeconds: "int64",
      labels: "map[string]",
      annotations: "map[string]",
      ownerReferences: "any",
      finalizers: "[]string",
      managedFields: "any"
    }
  },
  LabelSelector: LABEL_SELECTOR,
  LabelSelectorRequirement: { strict: true, fields: { key: "string", operator: "string", values: "[]string" } },
  PodTemplateSpec: { strict: true, fields: { metadata: "ObjectMeta", spec: "PodSpec" } },
  PodSpec: {
    strict: true,
    fields: {
      volumes: "[]Volume",
      initContainers: "[]Container",
      containers: "[]Container",
      ephemeralContainers: "any",
      restartPolicy: "string",
      terminationGracePeriodSeconds: "int64",
      activeDeadlineSeconds: "int64",
      dnsPolicy: "string",
      nodeSelector: "map[string]",
      serviceAccountName: "string",
      serviceAccount: "string",
      automountServiceAccountToken: "bool",
      nodeName: "string",
      hostNetwork: "bool",
      hostPID: "bool",
      hostIPC: "bool",
      shareProcessNamespace: "bool",
      securityContext: "any",
      imagePullSecrets: "any",
      hostname: "string",
      hostnameOverride: "string",
      subdomain: "string",
      affinity: "any",
      schedulerName: "string",
      tolerations: "[]Toleration",
      hostAliases: "any",
      priorityClassName: "string",
      priority: "int32",
      dnsConfig: "any",
      readinessGates: "any",
      runtimeClassName: "string",
      enableServiceLinks: "bool",
      preemptionPolicy: "string",
      overhead: "map[quantity]",
      topologySpreadConstraints: "any",
      setHostnameAsFQDN: "bool",
      os: "any",
      hostUsers: "bool",
      schedulingGates: "any",
      resourceClaims: "any",
      resources: "ResourceRequirements",
      workloadRef: "any"
    }
  },
  Container: {
    strict: true,
    fields: {
      name: "string",
      image: "string",
      command: "[]string",
      args: "[]string",
      workingDir: "string",
      ports: "[]ContainerPort",
      envFrom: "any",
      env: "[]EnvVar",
      resources: "ResourceRequirements",
      resizePolicy: "any",
      restartPolicy: "string",
      restartPolicyRules: "any",
      volumeMounts: "[]VolumeMount",
      volumeDevices: "any",
      livenessProbe: "Probe",
      readinessProbe: "Probe",
      startupProbe: "Probe",
      lifecycle: "any",
      terminationMessagePath: "string",
      terminationMessagePolicy: "string",
      imagePullPolicy: "string",
      securityContext: "any",
      stdin: "bool",
      stdinOnce: "bool",
      tty: "bool"
    }
  },
  ContainerPort: { strict: true, fields: { name: "string", hostPort: "int32", containerPort: "int32", protocol: "string", hostIP: "string" } },
  EnvVar: { strict: true, fields: { name: "string", value: "string", valueFrom: "any" } },
  ResourceRequirements: { strict: true, fields: { limits: "map[quantity]", requests: "map[quantity]", claims: "any" } },
  VolumeMount: {
    strict: true,
    fields: {
      name: "string",
      readOnly: "bool",
      recursiveReadOnly: "string",
      mountPath: "string",
      subPath: "string",
      mountPropagation: "string",
      subPathExpr: "string"
    }
  },
  Volume: { fields: { name: "string" } },
  Probe: {
    strict: true,
    fields: {
      exec: "any",
      httpGet: "HTTPGetAction",
      tcpSocket: "TCPSocketAction",
      grpc: "any",
      initialDelaySeconds: "int32",
      timeoutSeconds: "int32",
      periodSeconds: "int32",
      successThreshold: "int32",
      failureThreshold: "int32",
      terminationGracePeriodSeconds: "int64"
    }
  },
  HTTPGetAction: { strict: true, fields: { path: "string", port: "intstr", host: "string", scheme: "string", httpHeaders: "any" } },
  TCPSocketAction: { strict: true, fields: { port: "intstr", host: "string" } },
  Toleration: { strict: true, fields: { key: "string", operator: "string", value: "string", effect: "string", tolerationSeconds: "int64" } },
  DeploymentSpec: {
    strict: true,
    pkg: "v1",
    fields: {
      replicas: "int32",
      selector: "LabelSelector",
      template: "PodTemplateSpec",
      strategy: "DeploymentStrategy",
      minReadySeconds: "int32",
      revisionHistoryLimit: "int32",
      paused: "bool",
      progressDeadlineSeconds: "int32"
    }
  },
  DeploymentStrategy: { strict: true, fields: { type: "string", rollingUpdate: "RollingUpdateDeployment" } },
  RollingUpdateDeployment: { strict: true, fields: { maxUnavailable: "intstr", maxSurge: "intstr" } },
  ReplicaSetSpec: { strict: true, fields: { replicas: "int32", minReadySeconds: "int32", selector: "LabelSelector", template: "PodTemplateSpec" } },
  StatefulSetSpec: {
    fields: {
      replicas: "int32",
      selector: "LabelSelector",
      template: "PodTemplateSpec",
      serviceName: "string",
      podManagementPolicy: "string",
      revisionHistoryLimit: "int32",
      minReadySeconds: "int32"
    }
  },
  DaemonSetSpec: { fields: { selector: "LabelSelector", template: "PodTemplateSpec", minReadySeconds: "int32", revisionHistoryLimit: "int32" } },
  JobSpec: {
    fields: {
      parallelism: "int32",
      completions: "int32",
      activeDeadlineSeconds: "int64",
      backoffLimit: "int32",
      backoffLimitPerIndex: "int32",
      maxFailedIndexes: "int32",
      selector: "LabelSelector",
      manualSelector: "bool",
      template: "PodTemplateSpec",
      ttlSecondsAfterFinished: "int32",
      completionMode: "string",
      suspend: "bool"
    }
  },
  JobTemplateSpec: { strict: true, fields: { metadata: "ObjectMeta", spec: "JobSpec" } },
  CronJobSpec: {
    fields: {
      schedule: "string",
      timeZone: "string",
      startingDeadlineSeconds: "int64",
      concurrencyPolicy: "string",
      suspend: "bool",
      jobTemplate: "JobTemplateSpec",
      successfulJobsHistoryLimit: "int32",
      failedJobsHistoryLimit: "int32"
    }
  },
  ServiceSpec: {
    strict: true,
    fields: {
      ports: "[]ServicePort",
      selector: "map[string]",
      clusterIP: "string",
      clusterIPs: "[]string",
      type: "string",
      externalIPs: "[]string",
      sessionAffinity: "string",
      loadBalancerIP: "string",
      loadBalancerSourceRanges: "[]string",
      externalName: "string",
      externalTrafficPolicy: "string",
      healthCheckNodePort: "int32",
      publishNotReadyAddresses: "bool",
      sessionAffinityConfig: "any",
      ipFamilies: "[]string",
      ipFamilyPolicy: "string",
      allocateLoadBalancerNodePorts: "bool",
      loadBalancerClass: "string",
      internalTrafficPolicy: "string",
      trafficDistribution: "string"
    }
  },
  ServicePort: { strict: true, fields: { name: "string", protocol: "string", appProtocol: "string", port: "int32", targetPort: "intstr", nodePort: "int32" } },
  HorizontalPodAutoscalerSpec: {
    fields: { scaleTargetRef: "CrossVersionObjectReference", minReplicas: "int32", maxReplicas: "int32", targetCPUUtilizationPercentage: "int32", metrics: "any", behavior: "any" }
  },
  CrossVersionObjectReference: { strict: true, fields: { kind: "string", name: "string", apiVersion: "string" } },
  PersistentVolumeClaimSpec: {
    fields: { accessModes: "[]string", resources: "ResourceRequirements", storageClassName: "string", volumeMode: "string", volumeName: "string", selector: "LabelSelector" }
  },
  PersistentVolumeSpec: { fields: { capacity: "map[quantity]", accessModes: "[]string", persistentVolumeReclaimPolicy: "string", storageClassName: "string", volumeMode: "string" } },
  NodeSpec: { fields: { unschedulable: "bool", podCIDR: "string", providerID: "string", taints: "any" } },
  NodeStatus: { fields: { capacity: "map[quantity]", allocatable: "map[quantity]" } },
  ResourceQuotaSpec: { fields: { hard: "map[quantity]" } },
  LimitRangeSpec: { fields: { limits: "[]LimitRangeItem" } },
  LimitRangeItem: {
    strict: true,
    fields: {
      type: "string",
      max: "map[quantity]",
      min: "map[quantity]",
      default: "map[quantity]",
      defaultRequest: "map[quantity]",
      maxLimitRequestRatio: "map[quantity]"
    }
  }
};
var TOP_LEVEL = {
  Pod: { spec: "PodSpec", status: "any" },
  Deployment: { spec: "DeploymentSpec", status: "any" },
  ReplicaSet: { spec: "ReplicaSetSpec", status: "any" },
  StatefulSet: { spec: "StatefulSetSpec", status: "any" },
  DaemonSet: { spec: "DaemonSetSpec", status: "any" },
  Job: { spec: "JobSpec", status: "any" },
  CronJob: { spec: "CronJobSpec", status: "any" },
  Service: { spec: "ServiceSpec", status: "any" },
  HorizontalPodAutoscaler: { spec: "HorizontalPodAutoscalerSpec", status: "any" },
  PersistentVolumeClaim: { spec: "PersistentVolumeClaimSpec", status: "any" },
  PersistentVolume: { spec: "PersistentVolumeSpec", status: "any" },
  Node: { spec: "NodeSpec", status: "NodeStatus" },
  ResourceQuota: { spec: "ResourceQuotaSpec", status: "any" },
  LimitRange: { spec: "LimitRangeSpec" },
  Secret: { data: "map[bytes]", stringData: "map[string]", type: "string", immutable: "bool" },
  ConfigMap: { data: "map[string]", binaryData: "map[bytes]", immutable: "bool" },
  Namespace: { spec: "any", status: "any" },
  PriorityClass: { value: "int32", globalDefault: "bool", description: "string", preemptionPolicy: "string" },
  ServiceAccount: { secrets: "any", imagePullSecrets: "any", automountServiceAccountToken: "bool" }
};
function goTypeName(type) {
  if (type.startsWith("[]")) return `[]${goTypeName(type.slice(2))}`;
  if (type.startsWith("map[")) {
    const inner = type.slice(4, -1);
    return `map[string]${inner === "quantity" ? "resource.Quantity" : inner === "bytes" ? "[]uint8" : inner}`;
  }
  switch (type) {
    case "intstr":
      return "intstr.IntOrString";
    case "quantity":
      return "resource.Quantity";
    case "bytes":
      return "[]uint8";
    case "string":
    case "bool":
    case "int32":
    case "int64":
      return type;
    default:
      return `v1.${type}`;
  }
}

// src/engine/apiserver/admission/base64.ts
var ALPHABET = /[A-Za-z0-9+/]/;
function base64Problem(text) {
  const chars = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== "\r" && ch !== "\n") chars.push({ ch, at: i });
  }
  const fail = (at) => `illegal base64 data at input byte ${at}`;
  for (let q = 0; q < chars.length; q += 4) {
    const quantum = chars.slice(q, q + 4);
    for (let j = 0; j < quantum.length; j++) {
      const { ch, at } = quantum[j];
      if (ch === "=") {
        if (j < 2) return fail(at);
        if (j === 2 && quantum[3]?.ch !== "=") return fail(quantum[3]?.at ?? text.length);
        if (q + 4 < chars.length) return fail(chars[q + 4].at);
        return void 0;
      }
      if (!ALPHABET.test(ch)) return fail(at);
    }
    if (quantum.length < 4) {
      return fail(quantum.length === 1 ? quantum[0].at : quantum[0].at);
    }
  }
  return void 0;
}
function encodeBase64(text) {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

// src/engine/apiserver/manifests.ts
import { isMap, isScalar, isSeq, LineCounter, parse, parseAllDocuments, Scalar, visit } from "yaml";
function goYamlTags(tags) {
  return tags.filter((t) => {
    const tag = t;
    return tag.tag !== "tag:yaml.org,2002:timestamp" && tag.format !== "TIME";
  });
}
var PARSE_OPTIONS = { version: "1.1", customTags: goYamlTags };
function parseManifests(text) {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { ...PARSE_OPTIONS, lineCounter });
  const position = (offset) => {
    const p = lineCounter.linePos(offset);
    return { line: Math.max(1, p.line), column: Math.max(1, p.col) };
  };
  const out = [];
  const list = Array.isArray(docs) ? docs : [docs];
  for (const doc of list) {
    const errors = acceptSingleQuoteEscapes(doc, text);
    if (doc.contents === null && errors.length === 0) continue;
    const start = doc.contents?.range?.[0] ?? doc.range[0];
    const startLine = position(start).line;
    const base = { index: out.length, startLine, locate: (path) => locateField(doc, path, position) };
    if (errors.length > 0) {
      const first = errors[0];
      const at2 = position(first.pos[0]);
      const summary = first.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
      out.push({ ...base, error: { message: `error converting YAML to JSON: yaml: line ${at2.line}: ${summary}`, line: at2.line, column: at2.column } });
      continue;
    }
    const value = doc.toJS({ maxAliasCount: 100 });
    if (value === null || value === void 0) continue;
    const at = position(start);
    if (typeof value !== "object" || Array.isArray(value)) {
      const got = Array.isArray(value) ? "array" : typeof value === "number" ? "number" : typeof value === "boolean" ? "bool" : "string";
      out.push({ ...base, error: { message: `json: cannot unmarshal ${got} into Go value of type map[string]interface {}`, line: at.line, column: at.column } });
      continue;
    }
    const obj = value;
    const missing = [];
    if (typeof obj.apiVersion !== "string" || obj.apiVersion === "") missing.push("apiVersion not set");
    if (typeof obj.kind !== "string" || obj.kind === "") missing.push("kind not set");
    if (missing.length > 0) {
      const list2 = missing.length === 1 ? missing[0] : `[${missing.join(", ")}]`;
      out.push({ ...base, error: { message: `error validating data: ${list2}`, line: at.line, column: at.column } });
      continue;
    }
    if (obj.metadata === void 0 || obj.metadata === null) obj.metadata = {};
    out.push({ ...base, object: obj });
  }
  return out;
}
function acceptSingleQuoteEscapes(doc, text) {
  const quoteEscapes = [];
  const rest = doc.errors.filter((e) => {
    const isQuote = e.code === "BAD_DQ_ESCAPE" && text[e.pos[0]] === "\\" && text[e.pos[0] + 1] === "'";
    if (isQuote) quoteEscapes.push(e.pos[0]);
    return !isQuote;
  });
  if (quoteEscapes.length === 0) return rest;
  visit(doc, {
    Scalar(_key, node) {
      const range = node.range;
      if (!range || node.type !== Scalar.QUOTE_DOUBLE) return;
      const inside = quoteEscapes.filter((p) => p >= range[0] && p < range[1]);
      if (inside.length === 0) return;
      let source = "";
      let from = range[0];
      for (const p of inside) {
        source += text.slice(from, p) + "\\x27";
        from = p + 2;
      }
      source += text.slice(from, range[1]);
      node.value = parse(source, PARSE_OPTIONS);
    }
  });
  doc.errors = doc.errors.filter((e) => !quoteEscapes.includes(e.pos[0]));
  return rest;
}
function splitFieldPath(path) {
  const out = [];
  let i = 0;
  while (i < path.length) {
    const ch = path[i];
    if (ch === ".") {
      i++;
    } else if (ch === "[") {
      const close = path.indexOf("]", i);
      const inner = path.slice(i + 1, close < 0 ? path.length : close);
      out.push(/^\d+$/.test(inner) ? Number(inner) : inner);
      i = close < 0 ? path.length : close + 1;
    } else {
      let j = i;
      while (j < path.length && path[j] !== "." && path[j] !== "[") j++;
      out.push(path.slice(i, j));
      i = j;
    }
  }
  return out;
}
function locateField(doc, fieldPath, position) {
  let node = doc.contents;
  if (!node?.range) return void 0;
  let best = node.range[0];
  for (const segment of splitFieldPath(fieldPath)) {
    if (typeof segment === "number") {
      if (!isSeq(node)) break;
      const item = node.items[segment];
      if (!item?.range) break;
      node = item;
      best = item.range[0];
    } else {
      if (!isMap(node)) break;
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === segment);
      if (!pair) break;
      const key = pair.key;
      const value = pair.value;
      if (isScalar(value) && value.range) best = value.range[0];
      else if (key.range) best = key.range[0];
      if (!value) break;
      node = value;
    }
  }
  return position(best);
}

// src/engine/apiserver/admission/decoding.ts
function jsonType(value) {
  if (Array.isArray(value)) return "array";
  if (typeof value === "object") return "object";
  if (typeof value === "number") return "number";
  if (typeof value === "boolean") return "bool";
  return "string";
}
function fieldOf(path) {
  if (!path) return "";
  const parent = fieldOf(path.parent);
  if (typeof path.key === "number" || !path.inGoPath) return `${parent}[${path.key}]`;
  return parent ? `${parent}.${path.key}` : path.key;
}
function goPathOf(path) {
  if (!path) return "";
  const parent = goPathOf(path.parent);
  if (!path.inGoPath) return parent;
  return parent ? `${parent}.${String(path.key)}` : String(path.key);
}
var compiled = /* @__PURE__ */ new Map();
function compile(type) {
  let node = compiled.get(type);
  if (node) return node;
  if (type.startsWith("[]")) node = { t: "list", inner: compile(type.slice(2)), source: type };
  else if (type.startsWith("map[")) node = { t: "map", inner: compile(type.slice(4, -1)), source: type };
  else if (STRUCTS[type]) node = { t: "struct", name: type, source: type };
  else node = { t: "scalar", name: type, source: type };
  compiled.set(type, node);
  return node;
}
function mismatch(walk, value, type, path, owner, detail = jsonType(value)) {
  walk.typeErrors.push({
    field: fieldOf(path),
    message: `json: cannot unmarshal ${detail} into Go struct field ${owner}.${goPathOf(path)} of type ${goTypeName(type.source)}`
  });
}
function check(value, type, path, owner, walk) {
  if (value === null || value === void 0) return;
  switch (type.t) {
    case "list":
      if (!Array.isArray(value)) return mismatch(walk, value, type, path, owner);
      for (let i = 0; i < value.length; i++) check(value[i], type.inner, { parent: path, key: i, inGoPath: false }, owner, walk);
      return;
    case "map":
      if (typeof value !== "object" || Array.isArray(value)) return mismatch(walk, value, type, path, owner);
      for (const k in value) check(value[k], type.inner, { parent: path, key: k, inGoPath: false }, owner, walk);
      return;
    case "struct": {
      if (typeof value !== "object" || Array.isArray(value)) return mismatch(walk, value, type, path, owner);
      const schema = STRUCTS[type.name];
      const obj = value;
      for (const k in obj) {
        const fieldType = schema.fields[k];
        if (fieldType === void 0) {
          if (schema.strict) {
            const field = fieldOf({ parent: path, key: k, inGoPath: true });
            walk.unknown.push({ field, message: `unknown field "${field}"` });
          }
          continue;
        }
        if (fieldType !== "any") check(obj[k], compile(fieldType), { parent: path, key: k, inGoPath: true }, type.name, walk);
      }
      return;
    }
  }
  switch (type.name) {
    case "string":
      if (typeof value !== "string") mismatch(walk, value, type, path, owner);
      return;
    case "bool":
      if (typeof value !== "boolean") mismatch(walk, value, type, path, owner);
      return;
    case "int32":
    case "int64":
      if (typeof value !== "number") return mismatch(walk, value, type, path, owner);
      if (!Number.isInteger(value)) mismatch(walk, value, type, path, owner, `number ${value}`);
      else if (type.name === "int32" && (value > 2147483647 || value < -2147483648)) mismatch(walk, value, type, path, owner, `number ${value}`);
      return;
    case "intstr":
      if (typeof value === "string") return;
      if (typeof value !== "number") walk.typeErrors.push({ field: fieldOf(path), message: `json: cannot unmarshal ${jsonType(value)} into Go value of type int32` });
      else if (!Number.isInteger(value)) walk.typeErrors.push({ field: fieldOf(path), message: `json: cannot unmarshal number ${value} into Go value of type int32` });
      return;
    case "quantity":
      if (!isValidQuantity(value)) walk.typeErrors.push({ field: fieldOf(path), message: QUANTITY_PATTERN_MESSAGE });
      return;
    case "bytes": {
      if (typeof value !== "string") return mismatch(walk, value, type, path, owner);
      const problem = base64Problem(value);
      if (problem) walk.typeErrors.push({ field: fieldOf(path), message: problem });
      return;
    }
  }
}
var ENVELOPE = /* @__PURE__ */ new Set(["apiVersion", "kind", "metadata"]);
function findDecodingProblems(obj) {
  const walk = { typeErrors: [], unknown: [] };
  const kind = obj.kind;
  check(obj.metadata, compile("ObjectMeta"), { parent: void 0, key: "metadata", inGoPath: true }, kind, walk);
  const top = TOP_LEVEL[kind];
  if (top) {
    for (const k in obj) {
      if (ENVELOPE.has(k)) continue;
      const type = top[k];
      if (type === void 0) walk.unknown.push({ field: k, message: `unknown field "${k}"` });
      else if (type !== "any") check(obj[k], compile(type), { parent: void 0, key: k, inGoPath: true }, kind, walk);
    }
  }
  return { typeErrors: walk.typeErrors, unknownFields: walk.unknown };
}
function cannotBeHandled(obj) {
  const version = obj.apiVersion.includes("/") ? obj.apiVersion.slice(obj.apiVersion.indexOf("/") + 1) : obj.apiVersion;
  return `${obj.kind} in version "${version}" cannot be handled as a ${obj.kind}: `;
}
function toCause(p) {
  return { field: p.field, type: "FieldValueTypeInvalid", detail: p.message };
}
function unknownFieldsError(obj, unknown) {
  const list = unknown.map((p) => p.message).join(", ");
  return new ApiError("BadRequest", `${cannotBeHandled(obj)}strict decoding error: ${list}`, unknown.map(toCause));
}
function dropUnknownFields(obj, unknown) {
  for (const p of unknown) {
    const segments = splitFieldPath(p.field);
    let node = obj;
    for (const s2 of segments.slice(0, -1)) node = node?.[s2];
    const last = segments[segments.length - 1];
    if (node && typeof node === "object" && last !== void 0) delete node[last];
  }
}
function decodeObject(obj) {
  const { typeErrors } = findDecodingProblems(obj);
  const first = typeErrors[0];
  if (first) throw new ApiError("BadRequest", cannotBeHandled(obj) + first.message, typeErrors.map(toCause));
}

// src/engine/apiserver/admission/defaults/core.ts
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function setIfMissing(obj, key, value) {
  if (obj[key] === void 0 || obj[key] === null) obj[key] = value;
}
function imageTag(image2) {
  if (image2.includes("@")) return "";
  const lastSlash = image2.lastIndexOf("/");
  const colon = image2.indexOf(":", lastSlash + 1);
  return colon < 0 ? "latest" : image2.slice(colon + 1);
}
function defaultContainer(c2) {
  if (!isObject(c2)) return;
  if (c2.imagePullPolicy === void 0 && typeof c2.image === "string") {
    c2.imagePullPolicy = imageTag(c2.image) === "latest" ? "Always" : "IfNotPresent";
  }
  setIfMissing(c2, "terminationMessagePath", "/dev/termination-log");
  setIfMissing(c2, "terminationMessagePolicy", "File");
  if (Array.isArray(c2.ports)) {
    for (const p of c2.ports) if (isObject(p)) setIfMissing(p, "protocol", "TCP");
  }
  for (const probe of ["livenessProbe", "readinessProbe", "startupProbe"]) if (isObject(c2[probe])) defaultProbe(c2[probe]);
  if (Array.isArray(c2.env)) {
    for (const e of c2.env) if (isObject(e)) defaultEnvSource(e.valueFrom);
  }
  for (const hook of ["postStart", "preStop"]) {
    const handler = c2.lifecycle?.[hook];
    if (isObject(handler) && isObject(handler.httpGet)) defaultHttpGet(handler.httpGet);
  }
}
function defaultEnvSource(valueFrom) {
  if (!isObject(valueFrom)) return;
  if (isObject(valueFrom.fieldRef)) setIfMissing(valueFrom.fieldRef, "apiVersion", "v1");
  if (isObject(valueFrom.resourceFieldRef)) setIfMissing(valueFrom.resourceFieldRef, "divisor", "0");
}
function defaultHttpGet(h) {
  setIfMissing(h, "path", "/");
  setIfMissing(h, "scheme", "HTTP");
}
function defaultProbe(p) {
  setIfMissing(p, "timeoutSeconds", 1);
  setIfMissing(p, "periodSeconds", 10);
  setIfMissing(p, "successThreshold", 1);
  setIfMissing(p, "failureThreshold", 3);
  if (isObject(p.httpGet)) defaultHttpGet(p.httpGet);
}
var MODE_0644 = 420;
function defaultVolume(v) {
  if (!isObject(v)) return;
  const sources = Object.keys(v).filter((k) => k !== "name");
  if (sources.length === 0) v.emptyDir = {};
  if (isObject(v.secret)) setIfMissing(v.secret, "defaultMode", MODE_0644);
  if (isObject(v.configMap)) setIfMissing(v.configMap, "defaultMode", MODE_0644);
  if (isObject(v.downwardAPI)) {
    setIfMissing(v.downwardAPI, "defaultMode", MODE_0644);
    for (const item of v.downwardAPI.items ?? []) if (isObject(item?.fieldRef)) setIfMissing(item.fieldRef, "apiVersion", "v1");
  }
  if (isObject(v.projected)) {
    setIfMissing(v.projected, "defaultMode", MODE_0644);
    for (const s2 of v.projected.sources ?? []) {
      if (isObject(s2?.serviceAccountToken)) setIfMissing(s2.serviceAccountToken, "expirationSeconds", 3600);
      for (const item of s2?.downwardAPI?.items ?? []) if (isObject(item?.fieldRef)) setIfMissing(item.fieldRef, "apiVersion", "v1");
    }
  }
  if (isObject(v.hostPath)) setIfMissing(v.hostPath, "type", "");
  if (isObject(v.iscsi)) setIfMissing(v.iscsi, "iscsiInterface", "default");
}
function defaultPodSpec(spec) {
  if (!isObject(spec)) return;
  setIfMissing(spec, "dnsPolicy", "ClusterFirst");
  setIfMissing(spec, "restartPolicy", "Always");
  setIfMissing(spec, "securityContext", {});
  setIfMissing(spec, "terminationGracePeriodSeconds", 30);
  setIfMissing(spec, "schedulerName", "default-scheduler");
  setIfMissing(spec, "enableServiceLinks", true);
  for (const list of ["initContainers", "containers"]) {
    if (!Array.isArray(spec[list])) continue;
    for (const c2 of spec[list]) {
      defaultContainer(c2);
      if (spec.hostNetwork === true && isObject(c2) && Array.isArray(c2.ports)) {
        for (const p of c2.ports) if (isObject(p) && p.hostPort === void 0) p.hostPort = p.containerPort;
      }
    }
  }
  if (Array.isArray(spec.volumes)) for (const v of spec.volumes) defaultVolume(v);
}
function defaultPodRequestsFromLimits(spec) {
  for (const list of ["initContainers", "containers"]) {
    if (!Array.isArray(spec?.[list])) continue;
    for (const c2 of spec[list]) {
      const limits = c2?.resources?.limits;
      if (!isObject(limits)) continue;
      const requests = isObject(c2.resources.requests) ? c2.resources.requests : {};
      let changed = false;
      for (const [k, v] of Object.entries(limits)) {
        if (requests[k] === void 0) {
          requests[k] = v;
          changed = true;
        }
      }
      if (changed || c2.resources.requests === void 0) c2.resources.requests = requests;
    }
  }
}
function defaultPodTemplate(template) {
  if (isObject(template) && isObject(template.spec)) defaultPodSpec(template.spec);
}
function defaultPod(obj) {
  const spec = obj.spec;
  if (!isObject(spec)) return;
  defaultPodSpec(spec);
  defaultPodRequestsFromLimits(spec);
  if (typeof spec.serviceAccountName === "string") setIfMissing(spec, "serviceAccount", spec.serviceAccountName);
}
function defaultService(obj) {
  const spec = obj.spec;
  if (!isObject(spec)) return;
  setIfMissing(spec, "type", "ClusterIP");
  setIfMissing(spec, "sessionAffinity", "None");
  if (spec.sessionAffinity === "ClientIP") {
    spec.sessionAffinityConfig ??= {};
    spec.sessionAffinityConfig.clientIP ??= {};
    setIfMissing(spec.sessionAffinityConfig.clientIP, "timeoutSeconds", 10800);
  }
  if (Array.isArray(spec.ports)) {
    for (const p of spec.ports) {
      if (!isObject(p)) continue;
      setIfMissing(p, "protocol", "TCP");
      if (p.targetPort === void 0 || p.targetPort === 0 || p.targetPort === "") p.targetPort = p.port;
    }
  }
  const type = spec.type;
  if (type !== "ExternalName") setIfMissing(spec, "internalTrafficPolicy", "Cluster");
  if (type === "NodePort" || type === "LoadBalancer" || Array.isArray(spec.externalIPs) && spec.externalIPs.length > 0) {
    setIfMissing(spec, "externalTrafficPolicy", "Cluster");
  }
  if (type === "LoadBalancer") setIfMissing(spec, "allocateLoadBalancerNodePorts", true);
}
function defaultNamespace(obj) {
  const name = obj.metadata.name;
  if (name) obj.metadata.labels = { ...obj.metadata.labels, "kubernetes.io/metadata.name": name };
  const spec = obj.spec ??= {};
  setIfMissing(spec, "finalizers", ["kubernetes"]);
  const status = obj.status ??= {};
  setIfMissing(status, "phase", "Active");
}
function defaultSecret(obj) {
  if (obj.type === void 0 || obj.type === "") obj.type = "Opaque";
}
function defaultPersistentVolumeClaim(obj) {
  const spec = obj.spec;
  if (isObject(spec)) setIfMissing(spec, "volumeMode", "Filesystem");
}
function defaultPersistentVolume(obj) {
  const spec = obj.spec;
  if (isObject(spec)) {
    setIfMissing(spec, "persistentVolumeReclaimPolicy", "Retain");
    setIfMissing(spec, "volumeMode", "Filesystem");
    if (isObject(spec.hostPath)) setIfMissing(spec.hostPath, "type", "");
  }
}
function defaultLimitRange(obj) {
  const limits = obj.spec?.limits;
  if (!Array.isArray(limits)) return;
  for (const item of limits) {
    if (!isObject(item) || item.type !== "Container") continue;
    const def = { ...item.default ?? {} };
    const defReq = { ...item.defaultRequest ?? {} };
    for (const [k, v] of Object.entries(item.max ?? {})) if (def[k] === void 0) def[k] = v;
    for (const [k, v] of Object.entries(def)) if (defReq[k] === void 0) defReq[k] = v;
    for (const [k, v] of Object.entries(item.min ?? {})) if (defReq[k] === void 0) defReq[k] = v;
    if (Object.keys(def).length > 0) item.default = def;
    if (Object.keys(defReq).length > 0) item.defaultRequest = defReq;
  }
}
function defaultEndpointPorts(obj) {
  const lists = obj.kind === "Endpoints" ? (obj.subsets ?? []).map((s2) => s2?.ports) : [obj.ports];
  for (const ports of lists) if (Array.isArray(ports)) {
    for (const p of ports) if (isObject(p)) setIfMissing(p, "protocol", "TCP");
  }
}
function defaultNode(obj) {
  const status = obj.status;
  if (isObject(status) && isObject(status.capacity) && status.allocatable === void 0) status.allocatable = { ...status.capacity };
}

// src/engine/apiserver/admission/defaults/workloads.ts
function isObject2(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function setIfMissing2(obj, key, value) {
  if (obj[key] === void 0 || obj[key] === null) obj[key] = value;
}
function specOf(obj) {
  return isObject2(obj.spec) ? obj.spec : void 0;
}
function defaultDeployment(obj) {
  const spec = specOf(obj);
  if (!spec) return;
  setIfMissing2(spec, "replicas", 1);
  setIfMissing2(spec, "strategy", {});
  if (isObject2(spec.strategy)) {
    setIfMissing2(spec.strategy, "type", "RollingUpdate");
    if (spec.strategy.type === "RollingUpdate") {
      setIfMissing2(spec.strategy, "rollingUpdate", {});
      setIfMissing2(spec.strategy.rollingUpdate, "maxUnavailable", "25%");
      setIfMissing2(spec.strategy.rollingUpdate, "maxSurge", "25%");
    }
  }
  setIfMissing2(spec, "revisionHistoryLimit", 10);
  setIfMissing2(spec, "progressDeadlineSeconds", 600);
  defaultPodTemplate(spec.template);
}
function defaultReplicaSet(obj) {
  const spec = specOf(obj);
  if (!spec) return;
  setIfMissing2(spec, "replicas", 1);
  defaultPodTemplate(spec.template);
}
function defaultStatefulSet(obj) {
  const spec = specOf(obj);
  if (!spec) return;
  setIfMissing2(spec, "replicas", 1);
  setIfMissing2(spec, "podManagementPolicy", "OrderedReady");
  setIfMissing2(spec, "updateStrategy", {});
  if (isObject2(spec.updateStrategy)) {
    setIfMissing2(spec.updateStrategy, "type", "RollingUpdate");
    if (spec.updateStrategy.type === "RollingUpdate") {
      setIfMissing2(spec.updateStrategy, "rollingUpdate", {});
      setIfMissing2(spec.updateStrategy.rollingUpdate, "partition", 0);
    }
  }
  setIfMissing2(spec, "revisionHistoryLimit", 10);
  setIfMissing2(spec, "persistentVolumeClaimRetentionPolicy", {});
  if (isObject2(spec.persistentVolumeClaimRetentionPolicy)) {
    setIfMissing2(spec.persistentVolumeClaimRetentionPolicy, "whenDeleted", "Retain");
    setIfMissing2(spec.persistentVolumeClaimRetentionPolicy, "whenScaled", "Retain");
  }
  if (Array.isArray(spec.volumeClaimTemplates)) {
    for (const t of spec.volumeClaimTemplates) {
      if (isObject2(t?.spec)) setIfMissing2(t.spec, "volumeMode", "Filesystem");
      if (isObject2(t)) setIfMissing2(t, "apiVersion", "v1");
      if (isObject2(t)) setIfMissing2(t, "kind", "PersistentVolumeClaim");
    }
  }
  defaultPodTemplate(spec.template);
}
function defaultDaemonSet(obj) {
  const spec = specOf(obj);
  if (!spec) return;
  setIfMissing2(spec, "updateStrategy", {});
  if (isObject2(spec.updateStrategy)) {
    setIfMissing2(spec.updateStrategy, "type", "RollingUpdate");
    if (spec.updateStrategy.type === "RollingUpdate") {
      setIfMissing2(spec.updateStrategy, "rollingUpdate", {});
      setIfMissing2(spec.updateStrategy.rollingUpdate, "maxUnavailable", 1);
      setIfMissing2(spec.updateStrategy.rollingUpdate, "maxSurge", 0);
    }
  }
  setIfMissing2(spec, "revisionHistoryLimit", 10);
  defaultPodTemplate(spec.template);
}
function defaultJobSpec(spec) {
  if (spec.completions === void 0 && spec.parallelism === void 0) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  setIfMissing2(spec, "parallelism", 1);
  setIfMissing2(spec, "backoffLimit", spec.backoffLimitPerIndex !== void 0 ? 2147483647 : 6);
  setIfMissing2(spec, "completionMode", "NonIndexed");
  setIfMissing2(spec, "suspend", false);
  setIfMissing2(spec, "podReplacementPolicy", spec.podFailurePolicy !== void 0 ? "Failed" : "TerminatingOrFailed");
}
function defaultJob(obj) {
  const spec = specOf(obj);
  if (!spec) return;
  defaultJobSpec(spec);
  defaultPodTemplate(spec.template);
}
function defaultCronJob(obj) {
  const spec = specOf(obj);
  if (!spec) return;
  setIfMissing2(spec, "concurrencyPolicy", "Allow");
  setIfMissing2(spec, "suspend", false);
  setIfMissing2(spec, "successfulJobsHistoryLimit", 3);
  setIfMissing2(spec, "failedJobsHistoryLimit", 1);
  defaultPodTemplate(spec.jobTemplate?.spec?.template);
}

// src/engine/apiserver/admission/defaults/autoscaling.ts
var DEFAULT_CPU_UTILIZATION = 80;
function cpuUtilizationMetric(percent) {
  return { type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: percent } } };
}
function convertHpaV1ToV2(obj) {
  if (obj.apiVersion !== "autoscaling/v1") return;
  obj.apiVersion = "autoscaling/v2";
  const spec = obj.spec;
  if (spec && typeof spec === "object") {
    const target = spec.targetCPUUtilizationPercentage;
    delete spec.targetCPUUtilizationPercentage;
    if (typeof target === "number") spec.metrics = [cpuUtilizationMetric(target)];
  }
}
function defaultHorizontalPodAutoscaler(obj) {
  convertHpaV1ToV2(obj);
  const spec = obj.spec;
  if (!spec || typeof spec !== "object") return;
  if (spec.minReplicas === void 0 || spec.minReplicas === null) spec.minReplicas = 1;
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) spec.metrics = [cpuUtilizationMetric(DEFAULT_CPU_UTILIZATION)];
}

// src/engine/apiserver/admission/defaults/networking.ts
function setIfMissing3(obj, key, value) {
  if (obj[key] === void 0 || obj[key] === null) obj[key] = value;
}
function defaultNetworkPolicy(obj) {
  const spec = obj.spec;
  if (!spec || typeof spec !== "object") return;
  for (const rules of [spec.ingress, spec.egress]) {
    if (!Array.isArray(rules)) continue;
    for (const rule of rules) for (const p of rule?.ports ?? []) if (p && typeof p === "object") setIfMissing3(p, "protocol", "TCP");
  }
  if (!Array.isArray(spec.policyTypes) || spec.policyTypes.length === 0) {
    spec.policyTypes = Array.isArray(spec.egress) && spec.egress.length > 0 ? ["Ingress", "Egress"] : ["Ingress"];
  }
}
function defaultStorageClass(obj) {
  setIfMissing3(obj, "reclaimPolicy", "Delete");
  setIfMissing3(obj, "volumeBindingMode", "Immediate");
}
function defaultPriorityClass(obj) {
  setIfMissing3(obj, "preemptionPolicy", "PreemptLowerPriority");
}

// src/engine/apiserver/admission/defaults/index.ts
var DEFAULTERS = {
  Pod: defaultPod,
  Service: defaultService,
  Namespace: defaultNamespace,
  Secret: defaultSecret,
  PersistentVolumeClaim: defaultPersistentVolumeClaim,
  PersistentVolume: defaultPersistentVolume,
  LimitRange: defaultLimitRange,
  Endpoints: defaultEndpointPorts,
  EndpointSlice: defaultEndpointPorts,
  Node: defaultNode,
  Deployment: defaultDeployment,
  ReplicaSet: defaultReplicaSet,
  StatefulSet: defaultStatefulSet,
  DaemonSet: defaultDaemonSet,
  Job: defaultJob,
  CronJob: defaultCronJob,
  HorizontalPodAutoscaler: defaultHorizontalPodAutoscaler,
  NetworkPolicy: defaultNetworkPolicy,
  StorageClass: defaultStorageClass,
  PriorityClass: defaultPriorityClass
};
function applyDefaults(obj) {
  DEFAULTERS[obj.kind]?.(obj);
}
var defaultingPlugin = {
  name: "Defaulting",
  admit(obj) {
    applyDefaults(obj);
  }
};

// src/engine/apiserver/admission/strategy.ts
var INITIAL_STATUS = {
  Pod: () => ({ phase: "Pending" }),
  Deployment: () => ({}),
  ReplicaSet: () => ({ replicas: 0 }),
  StatefulSet: () => ({ replicas: 0, availableReplicas: 0 }),
  DaemonSet: () => ({ currentNumberScheduled: 0, numberMisscheduled: 0, desiredNumberScheduled: 0, numberReady: 0 }),
  Job: () => ({}),
  CronJob: () => ({}),
  HorizontalPodAutoscaler: () => ({ desiredReplicas: 0 }),
  Service: () => ({ loadBalancer: {} }),
  Ingress: () => ({ loadBalancer: {} }),
  PersistentVolumeClaim: () => ({ phase: "Pending" }),
  // A new PV starts Pending and the PV controller makes it Available at once; with no PV controller
  // in the playground it is stored Available.
  PersistentVolume: () => ({ phase: "Available" }),
  PodDisruptionBudget: () => ({ disruptionsAllowed: 0, currentHealthy: 0, desiredHealthy: 0, expectedPods: 0 }),
  ResourceQuota: () => ({})
};
var JOB_CONTROLLER_UID_LABEL = "batch.kubernetes.io/controller-uid";
var JOB_NAME_LABEL = "batch.kubernetes.io/job-name";
function generateJobSelector(obj) {
  const spec = obj.spec;
  const uid = obj.metadata.uid;
  const name = obj.metadata.name;
  if (!spec || typeof spec !== "object" || !uid || !name) return;
  if (spec.manualSelector === true || spec.selector) return;
  spec.selector = { matchLabels: { [JOB_CONTROLLER_UID_LABEL]: uid } };
  const template = spec.template ??= {};
  const meta = template.metadata ??= {};
  meta.labels = {
    ...meta.labels,
    [JOB_CONTROLLER_UID_LABEL]: uid,
    [JOB_NAME_LABEL]: name,
    "controller-uid": uid,
    "job-name": name
  };
}
function foldStringData(obj) {
  const stringData = obj.stringData;
  if (!stringData || typeof stringData !== "object") return;
  const data = { ...obj.data };
  for (const [k, v] of Object.entries(stringData)) if (typeof v === "string") data[k] = encodeBase64(v);
  obj.data = data;
  delete obj.stringData;
}
var strategyPlugin = {
  name: "RESTStrategy",
  admit(obj, ctx) {
    if (obj.kind === "Secret") foldStringData(obj);
    if (ctx.operation !== "CREATE") return;
    const initial = INITIAL_STATUS[obj.kind];
    if (initial) obj.status = initial();
    if (obj.kind === "Job") generateJobSelector(obj);
  }
};

// src/engine/apiserver/admission/serviceAccount.ts
var DEFAULT_SERVICE_ACCOUNT = "default";
var SERVICE_ACCOUNT_MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";
function tokenVolume(name) {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
        { configMap: { name: "kube-root-ca.crt", items: [{ key: "ca.crt", path: "ca.crt" }] } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" }, path: "namespace" }] } }
      ]
    }
  };
}
var serviceAccountPlugin = {
  name: "ServiceAccount",
  kinds: ["Pod"],
  admit(obj, ctx) {
    if (ctx.operation !== "CREATE") return;
    const spec = obj.spec;
    if (!spec || typeof spec !== "object") return;
    if (!spec.serviceAccountName) spec.serviceAccountName = spec.serviceAccount || DEFAULT_SERVICE_ACCOUNT;
    spec.serviceAccount = spec.serviceAccountName;
    const name = spec.serviceAccountName;
    const namespace = obj.metadata.namespace;
    let account;
    if (name !== DEFAULT_SERVICE_ACCOUNT) {
      account = ctx.api.peek("ServiceAccount", namespace, name);
      if (!account) {
        throw new ApiError(
          "Forbidden",
          `pods "${obj.metadata.name ?? ""}" is forbidden: error looking up service account ${namespace ?? "default"}/${name}: serviceaccount "${name}" not found`
        );
      }
    } else {
      account = ctx.api.peek("ServiceAccount", namespace, name);
    }
    const automount = spec.automountServiceAccountToken ?? account?.automountServiceAccountToken ?? true;
    if (!automount) return;
    const containers = [...spec.initContainers ?? [], ...spec.containers ?? []];
    const alreadyMounted = containers.some((c2) => (c2?.volumeMounts ?? []).some((m) => m?.mountPath === SERVICE_ACCOUNT_MOUNT_PATH));
    if (alreadyMounted || containers.length === 0) return;
    const volumeName = `kube-api-access-${ctx.random.string(NAME_SUFFIX_ALPHABET, 5)}`;
    spec.volumes = [...Array.isArray(spec.volumes) ? spec.volumes : [], tokenVolume(volumeName)];
    for (const c2 of containers) {
      if (!c2 || typeof c2 !== "object") continue;
      c2.volumeMounts = [...Array.isArray(c2.volumeMounts) ? c2.volumeMounts : [], { name: volumeName, readOnly: true, mountPath: SERVICE_ACCOUNT_MOUNT_PATH }];
    }
  }
};

// src/engine/apiserver/admission/priority.ts
var DEFAULT_PRIORITY = 0;
var priorityPlugin = {
  name: "Priority",
  kinds: ["Pod"],
  admit(obj, ctx) {
    if (ctx.operation !== "CREATE") return;
    const spec = obj.spec;
    if (!spec || typeof spec !== "object") return;
    let priority = DEFAULT_PRIORITY;
    let preemptionPolicy = "PreemptLowerPriority";
    if (spec.priorityClassName) {
      const pc = ctx.api.peek("PriorityClass", void 0, spec.priorityClassName);
      if (!pc) {
        throw new ApiError("Forbidden", `pods "${obj.metadata.name ?? ""}" is forbidden: no PriorityClass with name ${spec.priorityClassName} was found`);
      }
      priority = pc.value;
      preemptionPolicy = pc.preemptionPolicy ?? preemptionPolicy;
    } else {
      const global = ctx.api.peekList("PriorityClass").find((pc) => pc.globalDefault === true);
      if (global) {
        spec.priorityClassName = global.metadata.name;
        priority = global.value;
        preemptionPolicy = global.preemptionPolicy ?? preemptionPolicy;
      }
    }
    if (spec.priority !== void 0 && spec.priority !== null && spec.priority !== priority) {
      throw new ApiError(
        "Forbidden",
        `pods "${obj.metadata.name ?? ""}" is forbidden: the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`
      );
    }
    spec.priority = priority;
    spec.preemptionPolicy ??= preemptionPolicy;
  }
};

// src/engine/apiserver/admission/defaultTolerationSeconds.ts
var NOT_READY_TAINT = "node.kubernetes.io/not-ready";
var UNREACHABLE_TAINT = "node.kubernetes.io/unreachable";
var DEFAULT_TOLERATION_SECONDS = 300;
function toleratesNoExecute(t, key) {
  if (t.effect && t.effect !== "NoExecute") return false;
  if (t.key && t.key !== key) return false;
  if (!t.key && t.operator !== "Exists") return false;
  return true;
}
var defaultTolerationSecondsPlugin = {
  name: "DefaultTolerationSeconds",
  kinds: ["Pod"],
  admit(obj, ctx) {
    if (ctx.operation !== "CREATE") return;
    const spec = obj.spec;
    if (!spec || typeof spec !== "object") return;
    const tolerations = Array.isArray(spec.tolerations) ? spec.tolerations : [];
    const added = [];
    for (const key of [NOT_READY_TAINT, UNREACHABLE_TAINT]) {
      if (tolerations.some((t) => t && toleratesNoExecute(t, key))) continue;
      added.push({ key, operator: "Exists", effect: "NoExecute", tolerationSeconds: DEFAULT_TOLERATION_SECONDS });
    }
    if (added.length > 0) spec.tolerations = [...tolerations, ...added];
  }
};

// src/engine/apiserver/admission/validation/fieldErrors.ts
function required(field, detail = "") {
  return { field, type: "Required", detail };
}
function invalidValue(field, value, detail, valueText) {
  return { field, type: "Invalid", value, detail, ...valueText !== void 0 ? { valueText } : {} };
}
function notSupported(field, value, supported) {
  const detail = supported.length > 0 ? `supported values: ${supported.map((s2) => JSON.stringify(s2)).join(", ")}` : "";
  return { field, type: "NotSupported", value, detail };
}
function duplicate(field, value) {
  return { field, type: "Duplicate", value, detail: "" };
}
function forbidden(field, detail) {
  return { field, type: "Forbidden", detail };
}
function notFoundField(field, value) {
  return { field, type: "NotFound", value, detail: "" };
}
function tooLong(field, max) {
  return { field, type: "TooLong", detail: `may not be more than ${max} bytes` };
}
function goStringMap(labels) {
  if (!labels) return "map[string]string(nil)";
  const body = Object.keys(labels).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(labels[k])}`).join(", ");
  return `map[string]string{${body}}`;
}
function goStringSlice(values) {
  return `[]string{${values.map((v) => JSON.stringify(v)).join(", ")}}`;
}
function goLabelSelector(sel) {
  if (!sel) return "(*v1.LabelSelector)(nil)";
  const exprs = sel.matchExpressions ? `[]v1.LabelSelectorRequirement{${sel.matchExpressions.map((e) => `v1.LabelSelectorRequirement{Key:${JSON.stringify(e.key)}, Operator:${JSON.stringify(e.operator)}, Values:${e.values ? goStringSlice(e.values) : "[]string(nil)"}}`).join(", ")}}` : "[]v1.LabelSelectorRequirement(nil)";
  return `v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${exprs}}`;
}

// src/engine/apiserver/admission/serviceAllocation.ts
var SERVICE_CIDR = "10.96.0.0/12";
var NODE_PORT_MIN = 3e4;
var NODE_PORT_MAX = 32767;
var CIDR_BASE = ipToNumber("10.96.0.0");
var CIDR_SIZE = 2 ** 20;
var IP_STATIC_BAND = 256;
var PORT_STATIC_BAND = Math.min(Math.max(16, Math.floor((NODE_PORT_MAX - NODE_PORT_MIN + 1) / 16)), 128);
function ipToNumber(ip) {
  const parts = ip.split(".").map(Number);
  return (parts[0] << 24 >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3] >>> 0;
}
function numberToIp(n) {
  return [n >>> 24, n >>> 16 & 255, n >>> 8 & 255, n & 255].join(".");
}
function isIPv4(text) {
  return /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/.test(text);
}
function needsNodePorts(type) {
  return type === "NodePort" || type === "LoadBalancer";
}
var ServiceAllocator = class {
  constructor(api) {
    this.api = api;
    for (const svc of api.peekList("Service")) this.track(svc, 1);
    api.watch("Service", (e) => {
      if (e.old) this.track(e.old, -1);
      if (e.type !== "DELETED") this.track(e.object, 1);
    });
  }
  api;
  ips = /* @__PURE__ */ new Map();
  ports = /* @__PURE__ */ new Map();
  track(svc, delta) {
    const owner = `${svc.metadata.namespace}/${svc.metadata.name}`;
    const spec = svc.spec ?? {};
    const ip = spec.clusterIP;
    if (typeof ip === "string" && isIPv4(ip)) {
      if (delta > 0) this.ips.set(ipToNumber(ip), owner);
      else if (this.ips.get(ipToNumber(ip)) === owner) this.ips.delete(ipToNumber(ip));
    }
    for (const p of Array.isArray(spec.ports) ? spec.ports : []) {
      if (typeof p?.nodePort !== "number") continue;
      if (delta > 0) this.ports.set(p.nodePort, owner);
      else if (this.ports.get(p.nodePort) === owner) this.ports.delete(p.nodePort);
    }
  }
  ipOwner(ip) {
    return this.ips.get(ipToNumber(ip));
  }
  /** Picks a free address: a random start in the upper band, then the next free one. */
  allocateIP(next) {
    const dynamic = CIDR_SIZE - IP_STATIC_BAND - 1;
    const start = IP_STATIC_BAND + Math.floor(next() * dynamic);
    for (let i = 0; i < CIDR_SIZE - 2; i++) {
      const offset = (start - 1 + i) % (CIDR_SIZE - 2) + 1;
      const n = CIDR_BASE + offset;
      if (!this.ips.has(n)) return numberToIp(n);
    }
    return void 0;
  }
  portOwner(port) {
    return this.ports.get(port);
  }
  allocatePort(next, taken) {
    const size = NODE_PORT_MAX - NODE_PORT_MIN + 1;
    const start = PORT_STATIC_BAND + Math.floor(next() * (size - PORT_STATIC_BAND));
    for (let i = 0; i < size; i++) {
      const port = NODE_PORT_MIN + (start + i) % size;
      if (!this.ports.has(port) && !taken.has(port)) return port;
    }
    return void 0;
  }
};
function inServiceCidr(ip) {
  const n = ipToNumber(ip);
  return n > CIDR_BASE && n < CIDR_BASE + CIDR_SIZE - 1;
}
function dropTypeDependentFields(spec, oldSpec) {
  if (spec.type === oldSpec.type) return;
  if (spec.type === "ExternalName" && spec.clusterIP === oldSpec.clusterIP) {
    delete spec.clusterIP;
    delete spec.clusterIPs;
    delete spec.ipFamilies;
    delete spec.ipFamilyPolicy;
  }
  if (!needsNodePorts(spec.type) && needsNodePorts(oldSpec.type) && Array.isArray(spec.ports)) {
    const oldPorts = new Set((Array.isArray(oldSpec.ports) ? oldSpec.ports : []).map((p) => p?.nodePort));
    spec.ports = spec.ports.map((p) => {
      if (!p || typeof p !== "object" || !oldPorts.has(p.nodePort)) return p;
      const { nodePort: _dropped, ...rest } = p;
      return rest;
    });
  }
  if (!needsNodePorts(spec.type) && spec.externalTrafficPolicy === oldSpec.externalTrafficPolicy && !(spec.externalIPs?.length > 0)) {
    delete spec.externalTrafficPolicy;
  }
  if (spec.type !== "LoadBalancer" && spec.allocateLoadBalancerNodePorts === oldSpec.allocateLoadBalancerNodePorts) {
    delete spec.allocateLoadBalancerNodePorts;
  }
}
function serviceAllocationPlugin(api) {
  const allocator = new ServiceAllocator(api);
  return {
    name: "ServiceAllocation",
    kinds: ["Service"],
    admit(obj, ctx) {
      const spec = obj.spec;
      if (!spec || typeof spec !== "object") return;
      const owner = `${obj.metadata.namespace}/${obj.metadata.name}`;
      const oldSpec = ctx.old?.spec;
      const errors = [];
      const random = () => ctx.random.next();
      if (ctx.operation === "UPDATE" && oldSpec) dropTypeDependentFields(spec, oldSpec);
      if (spec.type === "ExternalName") {
        if (spec.clusterIP === void 0 || spec.clusterIP === "") delete spec.clusterIP;
      } else {
        if ((spec.clusterIP === void 0 || spec.clusterIP === "") && oldSpec?.clusterIP && ctx.operation === "UPDATE") {
          spec.clusterIP = oldSpec.clusterIP;
          if (spec.clusterIPs === void 0) spec.clusterIPs = oldSpec.clusterIPs;
        }
        if (spec.clusterIP === void 0 || spec.clusterIP === "") {
          if (Array.isArray(spec.clusterIPs) && typeof spec.clusterIPs[0] === "string") spec.clusterIP = spec.clusterIPs[0];
        }
        const requested = spec.clusterIP;
        if (requested === "None") {
          spec.clusterIPs = ["None"];
        } else if (typeof requested === "string" && requested !== "") {
          const unchanged = ctx.operation === "UPDATE" && oldSpec?.clusterIP === requested;
          if (!unchanged) {
            const path = "spec.clusterIPs";
            if (!isIPv4(requested)) {
              errors.push(invalidValue(path, [requested], `failed to allocate IP ${requested}: must be a valid IP address`, goStringSlice([requested])));
            } else if (!inServiceCidr(requested)) {
              errors.push(
                invalidValue(
                  path,
                  [requested],
                  `failed to allocate IP ${requested}: the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`,
                  goStringSlice([requested])
                )
              );
            } else if (allocator.ipOwner(requested) && allocator.ipOwner(requested) !== owner) {
              errors.push(invalidValue(path, [requested], `failed to allocate IP ${requested}: provided IP is already allocated`, goStringSlice([requested])));
            }
          }
          spec.clusterIPs = [requested];
        } else {
          const ip = allocator.allocateIP(random);
          if (ip) {
            spec.clusterIP = ip;
            spec.clusterIPs = [ip];
          } else {
            errors.push(invalidValue("spec.clusterIPs", [], "failed to allocate IP: range is full"));
          }
        }
        if (spec.ipFamilyPolicy === void 0) {
          const headlessNoSelector = spec.clusterIP === "None" && (!spec.selector || Object.keys(spec.selector).length === 0);
          spec.ipFamilyPolicy = headlessNoSelector ? "RequireDualStack" : "SingleStack";
        }
        if (!Array.isArray(spec.ipFamilies) || spec.ipFamilies.length === 0) spec.ipFamilies = ["IPv4"];
      }
      const ports = Array.isArray(spec.ports) ? spec.ports : [];
      if (needsNodePorts(spec.type) && spec.allocateLoadBalancerNodePorts !== false) {
        const oldPorts = Array.isArray(oldSpec?.ports) ? oldSpec.ports : [];
        const used = /* @__PURE__ */ new Set();
        ports.forEach((p, i) => {
          if (!p || typeof p !== "object") return;
          if (p.nodePort === void 0 || p.nodePort === 0) {
            const match = oldPorts.find((o) => o?.port === p.port && (o?.protocol ?? "TCP") === (p.protocol ?? "TCP") && typeof o?.nodePort === "number");
            if (match && needsNodePorts(oldSpec?.type)) p.nodePort = match.nodePort;
          }
          const path = `spec.ports[${i}].nodePort`;
          if (typeof p.nodePort === "number" && p.nodePort !== 0) {
            const kept = oldPorts.some((o) => o?.nodePort === p.nodePort) && ctx.operation === "UPDATE";
            if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
              errors.push(
                invalidValue(path, p.nodePort, `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`)
              );
            } else if (!kept && (allocator.portOwner(p.nodePort) && allocator.portOwner(p.nodePort) !== owner || used.has(p.nodePort))) {
              errors.push(invalidValue(path, p.nodePort, "provided port is already allocated"));
            }
            used.add(p.nodePort);
          }
        });
        for (const p of ports) {
          if (!p || typeof p !== "object" || typeof p.nodePort === "number" && p.nodePort !== 0) continue;
          const port = allocator.allocatePort(random, used);
          if (port === void 0) errors.push(invalidValue("spec.ports", void 0, "failed to allocate a nodePort: range is full"));
          else {
            p.nodePort = port;
            used.add(port);
          }
        }
      } else if (!needsNodePorts(spec.type)) {
        ports.forEach((p, i) => {
          if (p && typeof p === "object" && typeof p.nodePort === "number" && p.nodePort !== 0) {
            errors.push(forbidden(`spec.ports[${i}].nodePort`, `may not be used when \`type\` is '${String(spec.type)}'`));
          }
        });
      }
      if (errors.length > 0) throw invalid("Service", obj.metadata.name ?? "", errors);
    }
  };
}

// src/engine/apiserver/admission/defaultStorageClass.ts
var IS_DEFAULT_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";
var BETA_IS_DEFAULT_CLASS_ANNOTATION = "storageclass.beta.kubernetes.io/is-default-class";
var defaultStorageClassPlugin = {
  name: "DefaultStorageClass",
  kinds: ["PersistentVolumeClaim"],
  admit(obj, ctx) {
    if (ctx.operation !== "CREATE") return;
    const spec = obj.spec;
    if (!spec || typeof spec !== "object" || spec.storageClassName !== void 0 && spec.storageClassName !== null) return;
    let chosen;
    for (const sc of ctx.api.peekList("StorageClass")) {
      const a = sc.metadata.annotations;
      if (a?.[IS_DEFAULT_CLASS_ANNOTATION] !== "true" && a?.[BETA_IS_DEFAULT_CLASS_ANNOTATION] !== "true") continue;
      const created = sc.metadata.creationTimestamp;
      if (!chosen || created > chosen.created || created === chosen.created && sc.metadata.name < chosen.name) chosen = { name: sc.metadata.name, created };
    }
    if (chosen) spec.storageClassName = chosen.name;
  }
};

// src/engine/apiserver/admission/qos.ts
var QOS_RESOURCES = ["cpu", "memory"];
function quantityOrZero(q) {
  if (typeof q !== "string" && typeof q !== "number") return 0;
  try {
    return parseQuantity(q);
  } catch {
    return 0;
  }
}
function podQOSClass(spec) {
  const requests = /* @__PURE__ */ new Map();
  const limits = /* @__PURE__ */ new Map();
  let guaranteed = true;
  const containers = [...spec?.initContainers ?? [], ...spec?.containers ?? []];
  for (const c2 of containers) {
    for (const r2 of QOS_RESOURCES) {
      const req = quantityOrZero(c2.resources?.requests?.[r2]);
      if (req > 0) requests.set(r2, (requests.get(r2) ?? 0) + req);
    }
    let limited = 0;
    for (const r2 of QOS_RESOURCES) {
      const lim = quantityOrZero(c2.resources?.limits?.[r2]);
      if (lim > 0) {
        limits.set(r2, (limits.get(r2) ?? 0) + lim);
        limited++;
      }
    }
    if (limited < QOS_RESOURCES.length) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return "BestEffort";
  if (guaranteed && requests.size === limits.size) {
    for (const [r2, lim] of limits) if (Math.abs((requests.get(r2) ?? 0) - lim) > 1e-9) return "Burstable";
    return "Guaranteed";
  }
  return "Burstable";
}

// src/engine/apiserver/admission/validation/meta.ts
var QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
var LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
var CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;
var IANA_SVC_NAME = /^[-a-z0-9]+$/;
var NAME_PART_MESSAGE = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
var LABEL_VALUE_MESSAGE = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
var CONFIG_KEY_MESSAGE = "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
function qualifiedNameProblems(value) {
  const parts = value.split("/");
  let name;
  const problems = [];
  if (parts.length === 1) name = parts[0];
  else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) problems.push("prefix part must be non-empty");
    else if (!isDns1123Subdomain(prefix)) problems.push(`prefix part ${DNS1123_SUBDOMAIN_MESSAGE}`);
  } else {
    return [
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"
    ];
  }
  if (name.length === 0) problems.push("name part must be non-empty");
  else if (name.length > 63) problems.push("name part must be no more than 63 characters");
  if (name.length > 0 && !QUALIFIED_NAME_PART.test(name)) problems.push(NAME_PART_MESSAGE);
  return problems;
}
function labelValueProblems(value) {
  const problems = [];
  if (value.length > 63) problems.push("must be no more than 63 characters");
  if (!LABEL_VALUE.test(value)) problems.push(LABEL_VALUE_MESSAGE);
  return problems;
}
function validateLabels(labels, field) {
  if (!labels || typeof labels !== "object") return [];
  const errors = [];
  for (const [k, v] of Object.entries(labels)) {
    for (const p of qualifiedNameProblems(k)) errors.push(invalidValue(field, k, p));
    if (typeof v === "string") for (const p of labelValueProblems(v)) errors.push(invalidValue(field, v, p));
  }
  return errors;
}
function validateAnnotations(annotations, field) {
  if (!annotations || typeof annotations !== "object") return [];
  const errors = [];
  let size = 0;
  for (const [k, v] of Object.entries(annotations)) {
    for (const p of qualifiedNameProblems(k.toLowerCase())) errors.push(invalidValue(field, k, p));
    size += k.length + (typeof v === "string" ? v.length : 0);
  }
  if (size > 256 * 1024) errors.push(tooLong(field, 256 * 1024));
  return errors;
}
function validateObjectMeta(meta) {
  if (!meta) return [];
  return [...validateLabels(meta.labels, "metadata.labels"), ...validateAnnotations(meta.annotations, "metadata.annotations")];
}
function validateConfigKeys(data, field) {
  if (!data || typeof data !== "object") return [];
  const errors = [];
  for (const key of Object.keys(data)) {
    if (key.length > 253) errors.push(invalidValue(`${field}[${key}]`, key, "must be no more than 253 characters"));
    if (!CONFIG_KEY.test(key)) errors.push(invalidValue(`${field}[${key}]`, key, CONFIG_KEY_MESSAGE));
    if (key === "." || key === ".." || key.startsWith("..")) errors.push(invalidValue(`${field}[${key}]`, key, `must not be '.' or '..' or start with '..'`));
  }
  return errors;
}
function portNameProblems(name) {
  const problems = [];
  if (name.length > 15) problems.push("must be no more than 15 characters");
  if (!IANA_SVC_NAME.test(name)) problems.push("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
  if (name.includes("--")) problems.push("must not contain consecutive hyphens");
  if (name.length > 0 && (name.startsWith("-") || name.endsWith("-"))) problems.push("must not begin or end with a hyphen");
  if (!/[a-z]/.test(name)) problems.push("must contain at least one letter (a-z)");
  return problems;
}
function validatePortNumber(port, field) {
  if (typeof port !== "number" || !Number.isInteger(port) || port < 1 || port > 65535) {
    return [invalidValue(field, port, "must be between 1 and 65535, inclusive")];
  }
  return [];
}
function validateNonnegative(value, field) {
  if (typeof value === "number" && value < 0) return [invalidValue(field, value, "must be greater than or equal to 0")];
  return [];
}

// src/engine/apiserver/admission/validation/pod.ts
var RESTART_POLICIES = ["Always", "OnFailure", "Never"];
var DNS_POLICIES = ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"];
var PULL_POLICIES = ["Always", "IfNotPresent", "Never"];
var PROTOCOLS = ["SCTP", "TCP", "UDP"];
var TOLERATION_OPERATORS = ["Equal", "Exists", "Gt", "Lt"];
var TAINT_EFFECTS = ["NoSchedule", "PreferNoSchedule", "NoExecute"];
var TERMINATION_MESSAGE_POLICIES = ["File", "FallbackToLogsOnError"];
function isObject3(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function dnsLabelErrors(value, field) {
  if (typeof value !== "string" || value === "") return [required(field)];
  if (value.length > 63) return [invalidValue(field, value, "must be no more than 63 characters")];
  return isDns1123Label(value) ? [] : [invalidValue(field, value, DNS1123_LABEL_MESSAGE)];
}
function validateProbe(probe, field, isLiveness) {
  if (!isObject3(probe)) return [];
  const errors = [];
  const handlers = ["exec", "httpGet", "tcpSocket", "grpc"].filter((h) => probe[h] !== void 0 && probe[h] !== null);
  if (handlers.length === 0) errors.push(required(field, "must specify a handler type"));
  else if (handlers.length > 1) errors.push(forbidden(`${field}.${handlers[1]}`, "may not specify more than 1 handler type"));
  for (const k of ["initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold"]) {
    const v = probe[k];
    if (typeof v === "number" && v < 0) errors.push(invalidValue(`${field}.${k}`, v, "must be greater than or equal to 0"));
  }
  if (isLiveness && typeof probe.successThreshold === "number" && probe.successThreshold !== 1) {
    errors.push(invalidValue(`${field}.successThreshold`, probe.successThreshold, "must be 1"));
  }
  const port = probe.httpGet?.port ?? probe.tcpSocket?.port;
  const portField = `${field}.${probe.httpGet ? "httpGet" : "tcpSocket"}.port`;
  if (port !== void 0 && (probe.httpGet || probe.tcpSocket)) {
    if (typeof port === "number") errors.push(...validatePortNumber(port, portField));
    else if (typeof port === "string") for (const p of portNameProblems(port)) errors.push(invalidValue(portField, port, p));
  }
  return errors;
}
function validateResources(resources, field) {
  if (!isObject3(resources)) return [];
  const errors = [];
  const limits = isObject3(resources.limits) ? resources.limits : {};
  const requests = isObject3(resources.requests) ? resources.requests : {};
  for (const [kind, list] of [["limits", limits], ["requests", requests]]) {
    for (const [name, q] of Object.entries(list)) {
      const path = `${field}.${kind}[${name}]`;
      if (!isValidQuantity(q)) continue;
      if (compareQuantities(q, 0) < 0) errors.push(invalidValue(path, String(q), "must be greater than or equal to 0"));
      if (!name.includes("/") && !["cpu", "memory", "ephemeral-storage", "storage"].includes(name) && !name.startsWith("hugepages-")) {
        errors.push(invalidValue(`${field}.${kind}[${name}]`, name, "must be a standard resource type or fully qualified"));
      }
    }
  }
  for (const [name, req] of Object.entries(requests)) {
    const lim = limits[name];
    if (lim === void 0 || !isValidQuantity(req) || !isValidQuantity(lim)) continue;
    if (compareQuantities(req, lim) > 0) {
      errors.push(invalidValue(`${field}.requests`, String(req), `must be less than or equal to ${name} limit of ${String(lim)}`));
    }
  }
  return errors;
}
function validateContainer(c2, field, volumes) {
  if (!isObject3(c2)) return [required(field)];
  const errors = [...dnsLabelErrors(c2.name, `${field}.name`)];
  if (typeof c2.image !== "string" || c2.image.trim() === "") errors.push(required(`${field}.image`));
  else if (c2.image !== c2.image.trim()) errors.push(invalidValue(`${field}.image`, c2.image, "must not have leading or trailing whitespace"));
  if (c2.imagePullPolicy !== void 0 && !PULL_POLICIES.includes(c2.imagePullPolicy)) {
    errors.push(notSupported(`${field}.imagePullPolicy`, c2.imagePullPolicy, PULL_POLICIES));
  }
  if (c2.terminationMessagePolicy !== void 0 && !TERMINATION_MESSAGE_POLICIES.includes(c2.terminationMessagePolicy)) {
    errors.push(notSupported(`${field}.terminationMessagePolicy`, c2.terminationMessagePolicy, TERMINATION_MESSAGE_POLICIES));
  }
  const portNames = /* @__PURE__ */ new Set();
  (Array.isArray(c2.ports) ? c2.ports : []).forEach((p, i) => {
    const pf = `${field}.ports[${i}]`;
    if (!isObject3(p)) return;
    if (p.containerPort === void 0) errors.push(required(`${pf}.containerPort`));
    else errors.push(...validatePortNumber(p.containerPort, `${pf}.containerPort`));
    if (p.hostPort !== void 0 && p.hostPort !== 0) errors.push(...validatePortNumber(p.hostPort, `${pf}.hostPort`));
    if (p.protocol !== void 0 && !PROTOCOLS.includes(p.protocol)) errors.push(notSupported(`${pf}.protocol`, p.protocol, PROTOCOLS));
    if (typeof p.name === "string" && p.name !== "") {
      for (const problem of portNameProblems(p.name)) errors.push(invalidValue(`${pf}.name`, p.name, problem));
      if (portNames.has(p.name)) errors.push(duplicate(`${pf}.name`, p.name));
      portNames.add(p.name);
    }
  });
  (Array.isArray(c2.env) ? c2.env : []).forEach((e, i) => {
    if (!isObject3(e)) return;
    if (typeof e.name !== "string" || e.name === "") errors.push(required(`${field}.env[${i}].name`));
    if (e.value !== void 0 && e.value !== "" && e.valueFrom !== void 0) {
      errors.push(invalidValue(`${field}.env[${i}].valueFrom`, "", "may not be specified when `value` is not empty"));
    }
  });
  const mountPaths = /* @__PURE__ */ new Set();
  (Array.isArray(c2.volumeMounts) ? c2.volumeMounts : []).forEach((m, i) => {
    if (!isObject3(m)) return;
    const mf = `${field}.volumeMounts[${i}]`;
    if (typeof m.name !== "string" || m.name === "") errors.push(required(`${mf}.name`));
    else if (!volumes.has(m.name)) errors.push(notFoundField(`${mf}.name`, m.name));
    if (typeof m.mountPath !== "string" || m.mountPath === "") errors.push(required(`${mf}.mountPath`));
    else {
      if (mountPaths.has(m.mountPath)) errors.push(invalidValue(`${mf}.mountPath`, m.mountPath, "must be unique"));
      mountPaths.add(m.mountPath);
    }
  });
  errors.push(...validateResources(c2.resources, `${field}.resources`));
  errors.push(...validateProbe(c2.livenessProbe, `${field}.livenessProbe`, true));
  errors.push(...validateProbe(c2.readinessProbe, `${field}.readinessProbe`, false));
  errors.push(...validateProbe(c2.startupProbe, `${field}.startupProbe`, true));
  return errors;
}
function validateTolerations(tolerations, field) {
  if (!Array.isArray(tolerations)) return [];
  const errors = [];
  tolerations.forEach((t, i) => {
    if (!isObject3(t)) return;
    const tf = `${field}[${i}]`;
    if (t.key) for (const p of qualifiedNameProblems(t.key)) errors.push(invalidValue(`${tf}.key`, t.key, p));
    if (!t.key && t.operator !== "Exists") errors.push(invalidValue(`${tf}.operator`, t.operator ?? "", 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    if (t.operator !== void 0 && !TOLERATION_OPERATORS.includes(t.operator)) errors.push(notSupported(`${tf}.operator`, t.operator, TOLERATION_OPERATORS));
    if (t.operator === "Exists" && t.value) errors.push(invalidValue(`${tf}.operator`, t.value, "value must be empty when `operator` is 'Exists'"));
    if ((t.operator ?? "Equal") === "Equal" && typeof t.value === "string") for (const p of labelValueProblems(t.value)) errors.push(invalidValue(`${tf}.value`, t.value, p));
    if (t.tolerationSeconds !== void 0 && t.effect !== "NoExecute") {
      errors.push(invalidValue(`${tf}.effect`, t.effect ?? "", "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (t.effect !== void 0 && t.effect !== "" && !TAINT_EFFECTS.includes(t.effect)) errors.push(notSupported(`${tf}.effect`, t.effect, TAINT_EFFECTS));
  });
  return errors;
}
function validatePodSpec(spec, field, claimTemplates = []) {
  if (!isObject3(spec)) return [required(field)];
  const errors = [];
  const volumes = new Set(claimTemplates);
  (Array.isArray(spec.volumes) ? spec.volumes : []).forEach((v, i) => {
    if (!isObject3(v)) return;
    const vf = `${field}.volumes[${i}]`;
    const nameErrors = dnsLabelErrors(v.name, `${vf}.name`);
    errors.push(...nameErrors);
    if (typeof v.name === "string") {
      if (volumes.has(v.name)) errors.push(duplicate(`${vf}.name`, v.name));
      volumes.add(v.name);
    }
    const sources = Object.keys(v).filter((k) => k !== "name");
    if (sources.length > 1) errors.push(forbidden(`${vf}.${sources[1]}`, "may not specify more than 1 volume type"));
  });
  const containers = Array.isArray(spec.containers) ? spec.containers : [];
  if (containers.length === 0) errors.push(required(`${field}.containers`));
  const names = /* @__PURE__ */ new Set();
  const lists = [
    ["initContainers", spec.initContainers],
    ["containers", containers]
  ];
  for (const [list, items] of lists) {
    if (!Array.isArray(items)) continue;
    for (let i = 0; i < items.length; i++) {
      const c2 = items[i];
      const path = `${field}.${list}[${i}]`;
      errors.push(...validateContainer(c2, path, volumes));
      if (!isObject3(c2) || typeof c2.name !== "string" || c2.name === "") continue;
      if (names.has(c2.name)) errors.push(duplicate(`${path}.name`, c2.name));
      names.add(c2.name);
    }
  }
  if (spec.restartPolicy !== void 0 && !RESTART_POLICIES.includes(spec.restartPolicy)) {
    errors.push(notSupported(`${field}.restartPolicy`, spec.restartPolicy, RESTART_POLICIES));
  }
  if (spec.dnsPolicy !== void 0 && !DNS_POLICIES.includes(spec.dnsPolicy)) errors.push(notSupported(`${field}.dnsPolicy`, spec.dnsPolicy, DNS_POLICIES));
  if (spec.dnsPolicy === "None" && !isObject3(spec.dnsConfig)) errors.push(required(`${field}.dnsConfig`, "must provide `dnsConfig` when `dnsPolicy` is None"));
  if (typeof spec.activeDeadlineSeconds === "number" && spec.activeDeadlineSeconds <= 0) {
    errors.push(invalidValue(`${field}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, "must be between 1 and 2147483647, inclusive"));
  }
  errors.push(...validateLabels(spec.nodeSelector, `${field}.nodeSelector`));
  errors.push(...validateTolerations(spec.tolerations, `${field}.tolerations`));
  if (typeof spec.serviceAccountName === "string" && spec.serviceAccountName !== "" && !isDns1123Subdomain(spec.serviceAccountName)) {
    errors.push(invalidValue(`${field}.serviceAccountName`, spec.serviceAccountName, DNS1123_SUBDOMAIN_MESSAGE));
  }
  return errors;
}
function validatePodTemplate(template, field, claimTemplates = []) {
  if (!isObject3(template)) return [required(field)];
  return [...validateLabels(template.metadata?.labels, `${field}.metadata.labels`), ...validatePodSpec(template.spec, `${field}.spec`, claimTemplates)];
}
var POD_UPDATE_FORBIDDEN = "pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)";
function withoutImages(containers) {
  return Array.isArray(containers) ? containers.map((c2) => isObject3(c2) ? { ...c2, image: void 0 } : c2) : containers;
}
function validatePodUpdate(spec, oldSpec) {
  if (!isObject3(spec) || !isObject3(oldSpec)) return [];
  const errors = [];
  const keys = /* @__PURE__ */ new Set([...Object.keys(spec), ...Object.keys(oldSpec)]);
  for (const key of keys) {
    const a = spec[key];
    const b = oldSpec[key];
    if (a === b) continue;
    switch (key) {
      case "containers":
      case "initContainers":
        if (!isDeepEqual(withoutImages(a), withoutImages(b))) errors.push(forbidden("spec", POD_UPDATE_FORBIDDEN));
        break;
      case "activeDeadlineSeconds":
        if (typeof b === "number" && (typeof a !== "number" || a > b)) {
          errors.push(invalidValue("spec.activeDeadlineSeconds", a, "must be less than or equal to previous value"));
        }
        break;
      case "tolerations": {
        const oldList = Array.isArray(b) ? b : [];
        const newList = Array.isArray(a) ? a : [];
        if (!oldList.every((o) => newList.some((n) => isDeepEqual(n, o)))) errors.push(forbidden("spec.tolerations", "existing toleration can not be modified except its tolerationSeconds"));
        break;
      }
      case "nodeName":
        if (b) errors.push(forbidden("spec", POD_UPDATE_FORBIDDEN));
        break;
      case "schedulingGates":
        break;
      default:
        if (!isDeepEqual(a, b)) errors.push(forbidden("spec", POD_UPDATE_FORBIDDEN));
    }
  }
  return errors.filter((e, i) => errors.findIndex((o) => o.field === e.field && o.detail === e.detail) === i);
}

// src/engine/apiserver/admission/validation/workloads.ts
function isObject4(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
var SELECTOR_OPERATORS = ["In", "NotIn", "Exists", "DoesNotExist"];
function validateSelectorAndTemplate(spec, owner, claimTemplates = []) {
  const errors = [];
  const selector = spec.selector;
  if (!isObject4(selector)) {
    errors.push(required("spec.selector"));
  } else {
    const empty = Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
    if (empty) errors.push(invalidValue("spec.selector", selector, `empty selector is invalid for ${owner}`, goLabelSelector(selector)));
    errors.push(...validateLabels(selector.matchLabels, "spec.selector.matchLabels"));
    (Array.isArray(selector.matchExpressions) ? selector.matchExpressions : []).forEach((e, i) => {
      const f = `spec.selector.matchExpressions[${i}]`;
      if (!SELECTOR_OPERATORS.includes(e?.operator)) errors.push(notSupported(`${f}.operator`, e?.operator, SELECTOR_OPERATORS));
      const values = Array.isArray(e?.values) ? e.values : [];
      if ((e?.operator === "In" || e?.operator === "NotIn") && values.length === 0) errors.push(required(`${f}.values`, "must be specified when `operator` is 'In' or 'NotIn'"));
      if ((e?.operator === "Exists" || e?.operator === "DoesNotExist") && values.length > 0) errors.push(forbidden(`${f}.values`, "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    });
    const labels = spec.template?.metadata?.labels;
    if (!empty && errors.length === 0 && !matchesLabelSelector(selector, labels)) {
      errors.push(invalidValue("spec.template.metadata.labels", labels, "`selector` does not match template `labels`", goStringMap(labels)));
    }
  }
  errors.push(...validatePodTemplate(spec.template, "spec.template", claimTemplates));
  return errors;
}
function requireRestartAlways(spec) {
  const rp = spec.template?.spec?.restartPolicy;
  return rp !== void 0 && rp !== "Always" ? [notSupported("spec.template.spec.restartPolicy", rp, ["Always"])] : [];
}
var PERCENT = /^[0-9]+%$/;
var PERCENT_MESSAGE = "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";
function intOrPercentErrors(value, field, max100) {
  if (value === void 0) return [];
  if (typeof value === "number") return validateNonnegative(value, field);
  if (typeof value === "string") {
    if (!PERCENT.test(value)) return [invalidValue(field, value, PERCENT_MESSAGE)];
    if (max100 && parseInt(value, 10) > 100) return [invalidValue(field, value, "must not be greater than 100%")];
  }
  return [];
}
function isZero(value) {
  return value === 0 || typeof value === "string" && PERCENT.test(value) && parseInt(value, 10) === 0;
}
function selectorImmutable(spec, oldSpec) {
  if (!oldSpec || isDeepEqual(spec.selector, oldSpec.selector)) return [];
  return [invalidValue("spec.selector", spec.selector, "field is immutable", goLabelSelector(spec.selector))];
}
function validateDeployment(obj, old) {
  const spec = obj.spec;
  if (!isObject4(spec)) return [required("spec")];
  const errors = [];
  errors.push(...validateNonnegative(spec.replicas, "spec.replicas"));
  errors.push(...validateSelectorAndTemplate(spec, "deployment"), ...requireRestartAlways(spec));
  errors.push(...validateNonnegative(spec.minReadySeconds, "spec.minReadySeconds"));
  errors.push(...validateNonnegative(spec.revisionHistoryLimit, "spec.revisionHistoryLimit"));
  if (typeof spec.progressDeadlineSeconds === "number" && spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
    errors.push(invalidValue("spec.progressDeadlineSeconds", spec.progressDeadlineSeconds, "must be greater than minReadySeconds"));
  }
  const strategy = spec.strategy;
  if (isObject4(strategy)) {
    if (!["Recreate", "RollingUpdate"].includes(strategy.type)) errors.push(notSupported("spec.strategy.type", strategy.type, ["Recreate", "RollingUpdate"]));
    if (strategy.type === "Recreate" && strategy.rollingUpdate !== void 0 && strategy.rollingUpdate !== null) {
      errors.push(forbidden("spec.strategy.rollingUpdate", "may not be specified when strategy `type` is 'Recreate'"));
    }
    const ru = strategy.rollingUpdate;
    if (strategy.type === "RollingUpdate" && isObject4(ru)) {
      errors.push(...intOrPercentErrors(ru.maxUnavailable, "spec.strategy.rollingUpdate.maxUnavailable", true));
      errors.push(...intOrPercentErrors(ru.maxSurge, "spec.strategy.rollingUpdate.maxSurge", false));
      if (isZero(ru.maxSurge) && isZero(ru.maxUnavailable)) {
        errors.push(invalidValue("spec.strategy.rollingUpdate.maxUnavailable", ru.maxUnavailable, "may not be 0 when `maxSurge` is 0"));
      }
    }
  }
  errors.push(...selectorImmutable(spec, old?.spec));
  return errors;
}
function validateReplicaSet(obj, old) {
  const spec = obj.spec;
  if (!isObject4(spec)) return [required("spec")];
  return [
    ...validateNonnegative(spec.replicas, "spec.replicas"),
    ...validateNonnegative(spec.minReadySeconds, "spec.minReadySeconds"),
    ...validateSelectorAndTemplate(spec, "deployment"),
    ...requireRestartAlways(spec),
    ...selectorImmutable(spec, old?.spec)
  ];
}
var STATEFULSET_MUTABLE = /* @__PURE__ */ new Set(["replicas", "ordinals", "template", "updateStrategy", "persistentVolumeClaimRetentionPolicy", "minReadySeconds"]);
function validateStatefulSet(obj, old) {
  const spec = obj.spec;
  if (!isObject4(spec)) return [required("spec")];
  const errors = [
    ...validateNonnegative(spec.replicas, "spec.replicas"),
    ...validateSelectorAndTemplate(
      spec,
      "statefulset",
      (Array.isArray(spec.volumeClaimTemplates) ? spec.volumeClaimTemplates : []).map((t) => t?.metadata?.name).filter((n) => typeof n === "string")
    ),
    ...requireRestartAlways(spec)
  ];
  if (spec.podManagementPolicy !== void 0 && !["OrderedReady", "Parallel"].includes(spec.podManagementPolicy)) {
    errors.push(notSupported("spec.podManagementPolicy", spec.podManagementPolicy, ["OrderedReady", "Parallel"]));
  }
  const type = spec.updateStrategy?.type;
  if (type !== void 0 && !["OnDelete", "RollingUpdate"].includes(type)) errors.push(notSupported("spec.updateStrategy.type", type, ["OnDelete", "RollingUpdate"]));
  const oldSpec = old?.spec;
  if (isObject4(oldSpec)) {
    const keys = /* @__PURE__ */ new Set([...Object.keys(spec), ...Object.keys(oldSpec)]);
    for (const k of keys) {
      if (STATEFULSET_MUTABLE.has(k) || isDeepEqual(spec[k], oldSpec[k])) continue;
      errors.push(
        forbidden(
          "spec",
          "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"
        )
      );
      break;
    }
  }
  return errors;
}
function validateDaemonSet(obj, old) {
  const spec = obj.spec;
  if (!isObject4(spec)) return [required("spec")];
  const errors = [...validateSelectorAndTemplate(spec, "daemonset"), ...requireRestartAlways(spec), ...selectorImmutable(spec, old?.spec)];
  const strategy = spec.updateStrategy;
  if (isObject4(strategy)) {
    if (!["OnDelete", "RollingUpdate"].includes(strategy.type)) errors.push(notSupported("spec.updateStrategy.type", strategy.type, ["OnDelete", "RollingUpdate"]));
    const ru = strategy.rollingUpdate;
    if (isObject4(ru)) {
      errors.push(...intOrPercentErrors(ru.maxUnavailable, "spec.updateStrategy.rollingUpdate.maxUnavailable", true));
      errors.push(...intOrPercentErrors(ru.maxSurge, "spec.updateStrategy.rollingUpdate.maxSurge", true));
      if (isZero(ru.maxSurge) && isZero(ru.maxUnavailable)) {
        errors.push(invalidValue("spec.updateStrategy.rollingUpdate.maxUnavailable", ru.maxUnavailable, "may not be 0 when `maxSurge` is 0"));
      }
    }
  }
  return errors;
}
function jobRestartPolicy(template, field) {
  const rp = template?.spec?.restartPolicy;
  if (rp === "OnFailure" || rp === "Never") return [];
  return [notSupported(`${field}.spec.restartPolicy`, rp, ["OnFailure", "Never"])];
}
function validateJobSpecCounts(spec, field) {
  const errors = [];
  for (const k of ["parallelism", "completions", "backoffLimit", "ttlSecondsAfterFinished"]) errors.push(...validateNonnegative(spec[k], `${field}.${k}`));
  if (typeof spec.activeDeadlineSeconds === "number" && spec.activeDeadlineSeconds <= 0) {
    errors.push(invalidValue(`${field}.activeDeadlineSeconds`, spec.activeDeadlineSeconds, "must be greater than 0"));
  }
  if (spec.completionMode !== void 0 && !["NonIndexed", "Indexed"].includes(spec.completionMode)) {
    errors.push(notSupported(`${field}.completionMode`, spec.completionMode, ["NonIndexed", "Indexed"]));
  }
  if (spec.completionMode === "Indexed" && spec.completions === void 0) errors.push(required(`${field}.completions`, "when completion mode is Indexed"));
  return errors;
}
function validateJob(obj, old) {
  const spec = obj.spec;
  if (!isObject4(spec)) return [required("spec")];
  const errors = [...validateJobSpecCounts(spec, "spec")];
  const uid = obj.metadata?.uid;
  if (spec.manualSelector !== true && isObject4(spec.selector) && uid && spec.selector.matchLabels?.[JOB_CONTROLLER_UID_LABEL] !== uid && !old) {
    errors.push(invalidValue("spec.selector", spec.selector, "`selector` not auto-generated", goLabelSelector(spec.selector)));
  }
  errors.push(...validateSelectorAndTemplate(spec, "job"), ...jobRestartPolicy(spec.template, "spec.template"));
  const oldSpec = old?.spec;
  if (isObject4(oldSpec)) {
    errors.push(...selectorImmutable(spec, oldSpec));
    if (!isDeepEqual(spec.template, oldSpec.template) && spec.suspend !== true) {
      errors.push(invalidValue("spec.template", void 0, "field is immutable", "core.PodTemplateSpec{...}"));
    }
    if (spec.completions !== oldSpec.completions && spec.completionMode !== "Indexed") {
      errors.push(invalidValue("spec.completions", spec.completions, "field is immutable"));
    }
  }
  return errors;
}
var CRON_MACROS = /* @__PURE__ */ new Set(["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly"]);
function cronScheduleProblem(schedule) {
  const trimmed = schedule.trim();
  if (/^(CRON_)?TZ=/.test(trimmed)) return "cannot use TZ or CRON_TZ in schedule, use timeZone field instead";
  if (trimmed.startsWith("@")) {
    if (CRON_MACROS.has(trimmed) || /^@every\s+\S+$/.test(trimmed)) return void 0;
    return `unrecognized descriptor: ${trimmed}`;
  }
  const fields = trimmed.split(/\s+/).filter((f) => f !== "");
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: ${trimmed}`;
  for (const f of fields) if (!/^[0-9A-Za-z*?/,-]+$/.test(f)) return `failed to parse int from ${f}`;
  return void 0;
}
function validateCronJob(obj) {
  const spec = obj.spec;
  if (!isObject4(spec)) return [required("spec")];
  const errors = [];
  const name = obj.metadata?.name;
  if (typeof name === "string" && name.length > 52) errors.push(invalidValue("metadata.name", name, "must be no more than 52 characters"));
  if (typeof spec.schedule !== "string" || spec.schedule === "") errors.push(required("spec.schedule"));
  else {
    const problem = cronScheduleProblem(spec.schedule);
    if (problem) errors.push(invalidValue("spec.schedule", spec.schedule, problem));
  }
  if (spec.concurrencyPolicy !== void 0 && !["Allow", "Forbid", "Replace"].includes(spec.concurrencyPolicy)) {
    errors.push(notSupported("spec.concurrencyPolicy", spec.concurrencyPolicy, ["Allow", "Forbid", "Replace"]));
  }
  for (const k of ["startingDeadlineSeconds", "successfulJobsHistoryLimit", "failedJobsHistoryLimit"]) errors.push(...validateNonnegative(spec[k], `spec.${k}`));
  const jobSpec = spec.jobTemplate?.spec;
  if (!isObject4(jobSpec)) errors.push(required("spec.jobTemplate.spec"));
  else {
    errors.push(...validateJobSpecCounts(jobSpec, "spec.jobTemplate.spec"));
    errors.push(...validatePodTemplate(jobSpec.template, "spec.jobTemplate.spec.template"));
    errors.push(...jobRestartPolicy(jobSpec.template, "spec.jobTemplate.spec.template"));
  }
  return errors;
}

// src/engine/apiserver/admission/validation/service.ts
var SERVICE_TYPES = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
var PROTOCOLS2 = ["SCTP", "TCP", "UDP"];
var TRAFFIC_POLICIES = ["Cluster", "Local"];
function validateService(obj, old) {
  const spec = obj.spec;
  if (typeof spec !== "object" || spec === null) return [required("spec")];
  const errors = [];
  const type = spec.type;
  if (!SERVICE_TYPES.includes(type)) errors.push(notSupported("spec.type", type, SERVICE_TYPES));
  const headless = spec.clusterIP === "None";
  const ports = Array.isArray(spec.ports) ? spec.ports : [];
  if (ports.length === 0 && !headless && type !== "ExternalName") errors.push(required("spec.ports"));
  const names = /* @__PURE__ */ new Set();
  ports.forEach((p, i) => {
    if (typeof p !== "object" || p === null) return;
    const port = p;
    const f = `spec.ports[${i}]`;
    if (ports.length > 1 && (typeof port.name !== "string" || port.name === "")) errors.push(required(`${f}.name`));
    if (typeof port.name === "string" && port.name !== "") {
      if (!isDns1123Label(port.name)) errors.push(invalidValue(`${f}.name`, port.name, DNS1123_LABEL_MESSAGE));
      if (names.has(port.name)) errors.push(duplicate(`${f}.name`, port.name));
      names.add(port.name);
    }
    if (port.port === void 0) errors.push(required(`${f}.port`));
    else errors.push(...validatePortNumber(port.port, `${f}.port`));
    if (!PROTOCOLS2.includes(port.protocol)) errors.push(notSupported(`${f}.protocol`, port.protocol, PROTOCOLS2));
    if (typeof port.targetPort === "number") errors.push(...validatePortNumber(port.targetPort, `${f}.targetPort`));
    else if (typeof port.targetPort === "string") for (const problem of portNameProblems(port.targetPort)) errors.push(invalidValue(`${f}.targetPort`, port.targetPort, problem));
  });
  errors.push(...validateLabels(spec.selector, "spec.selector"));
  if (spec.sessionAffinity !== void 0 && !["ClientIP", "None"].includes(spec.sessionAffinity)) {
    errors.push(notSupported("spec.sessionAffinity", spec.sessionAffinity, ["ClientIP", "None"]));
  }
  if (type === "ExternalName") {
    if (typeof spec.externalName !== "string" || spec.externalName === "") errors.push(required("spec.externalName"));
    else if (!isDns1123Subdomain(spec.externalName.replace(/\.$/, ""))) errors.push(invalidValue("spec.externalName", spec.externalName, DNS1123_SUBDOMAIN_MESSAGE));
    if (spec.clusterIP) errors.push(invalidValue("spec.clusterIPs", [spec.clusterIP], "may not be set for ExternalName services", goStringSlice([spec.clusterIP])));
  }
  if (headless && (type === "NodePort" || type === "LoadBalancer")) {
    errors.push(invalidValue("spec.clusterIPs[0]", "None", `may not be set to 'None' for ${type} services`));
  }
  if (spec.externalTrafficPolicy !== void 0 && !TRAFFIC_POLICIES.includes(spec.externalTrafficPolicy)) {
    errors.push(notSupported("spec.externalTrafficPolicy", spec.externalTrafficPolicy, TRAFFIC_POLICIES));
  }
  if (spec.internalTrafficPolicy !== void 0 && !TRAFFIC_POLICIES.includes(spec.internalTrafficPolicy)) {
    errors.push(notSupported("spec.internalTrafficPolicy", spec.internalTrafficPolicy, TRAFFIC_POLICIES));
  }
  const oldIP = old?.spec?.clusterIP;
  if (oldIP && spec.clusterIP && oldIP !== spec.clusterIP && type !== "ExternalName" && old?.spec?.type !== "ExternalName") {
    errors.push(invalidValue("spec.clusterIPs[0]", [spec.clusterIP], "may not change once set", goStringSlice([spec.clusterIP])));
  }
  return errors;
}

// src/engine/apiserver/admission/validation/config.ts
var MAX_SECRET_SIZE = 1024 * 1024;
var REQUIRED_KEYS = {
  "kubernetes.io/tls": ["tls.crt", "tls.key"],
  "kubernetes.io/dockerconfigjson": [".dockerconfigjson"],
  "kubernetes.io/dockercfg": [".dockercfg"],
  "kubernetes.io/ssh-auth": ["ssh-privatekey"]
};
function immutableErrors(obj, old, fields) {
  if (!old || old.immutable !== true) return [];
  const errors = [];
  if (obj.immutable !== true) errors.push(forbidden("immutable", "field is immutable when `immutable` is set"));
  for (const f of fields) if (!isDeepEqual(obj[f], old[f])) errors.push(forbidden(f, "field is immutable when `immutable` is set"));
  return errors;
}
function validateSecret(obj, old) {
  const data = obj.data && typeof obj.data === "object" ? obj.data : {};
  const errors = [...validateConfigKeys(data, "data")];
  let size = 0;
  for (const v of Object.values(data)) if (typeof v === "string") size += Math.floor(v.length * 3 / 4);
  if (size > MAX_SECRET_SIZE) errors.push(tooLong("data", MAX_SECRET_SIZE));
  for (const key of REQUIRED_KEYS[obj.type] ?? []) if (data[key] === void 0) errors.push(required(`data[${key}]`));
  if (obj.type === "kubernetes.io/basic-auth" && data.username === void 0 && data.password === void 0) {
    errors.push(required("data[username]"));
  }
  if (obj.type === "kubernetes.io/service-account-token" && !obj.metadata?.annotations?.["kubernetes.io/service-account.name"]) {
    errors.push(required("metadata.annotations[kubernetes.io/service-account.name]"));
  }
  if (old && old.type !== obj.type) errors.push(forbidden("type", "field is immutable"));
  errors.push(...immutableErrors(obj, old, ["data"]));
  return errors;
}
function validateConfigMap(obj, old) {
  const errors = [...validateConfigKeys(obj.data, "data"), ...validateConfigKeys(obj.binaryData, "binaryData")];
  if (obj.data && obj.binaryData) {
    for (const key of Object.keys(obj.binaryData)) if (key in obj.data) errors.push(duplicate(`data[${key}]`, key));
  }
  errors.push(...immutableErrors(obj, old, ["data", "binaryData"]));
  return errors;
}

// src/engine/apiserver/admission/validation/storage.ts
var ACCESS_MODES = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"];
var VOLUME_MODES = ["Block", "Filesystem"];
function accessModeErrors(modes, field) {
  if (!Array.isArray(modes) || modes.length === 0) return [required(field, "at least 1 access mode is required")];
  return modes.filter((m) => !ACCESS_MODES.includes(m)).map((m) => notSupported(field, m, ACCESS_MODES));
}
function validatePersistentVolumeClaim(obj, old) {
  const spec = obj.spec;
  if (typeof spec !== "object" || spec === null) return [required("spec")];
  const errors = accessModeErrors(spec.accessModes, "spec.accessModes");
  if (spec.resources?.requests?.storage === void 0) errors.push(required("spec.resources[storage]"));
  if (spec.volumeMode !== void 0 && !VOLUME_MODES.includes(spec.volumeMode)) errors.push(notSupported("spec.volumeMode", spec.volumeMode, VOLUME_MODES));
  const oldSpec = old?.spec;
  if (oldSpec) {
    const strip = (s2) => ({ ...s2, resources: void 0, volumeName: void 0, volumeAttributesClassName: void 0 });
    if (!isDeepEqual(strip(spec), strip(oldSpec))) {
      errors.push(forbidden("spec", "spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims"));
    }
  }
  return errors;
}
var PV_NON_SOURCE_FIELDS = /* @__PURE__ */ new Set([
  "capacity",
  "accessModes",
  "claimRef",
  "persistentVolumeReclaimPolicy",
  "storageClassName",
  "mountOptions",
  "volumeMode",
  "nodeAffinity",
  "volumeAttributesClassName"
]);
function validatePersistentVolume(obj) {
  const spec = obj.spec;
  if (typeof spec !== "object" || spec === null) return [required("spec")];
  const errors = accessModeErrors(spec.accessModes, "spec.accessModes");
  if (spec.capacity?.storage === void 0) errors.push(required("spec.capacity"));
  const sources = Object.keys(spec).filter((k) => !PV_NON_SOURCE_FIELDS.has(k));
  if (sources.length === 0) errors.push(required("spec", "must specify a volume type"));
  else if (sources.length > 1) errors.push(forbidden(`spec.${sources[1]}`, "may not specify more than 1 volume type"));
  if (spec.local && !spec.nodeAffinity) errors.push(required("spec.nodeAffinity", "Local volume requires node affinity"));
  const policies = ["Delete", "Recycle", "Retain"];
  if (spec.persistentVolumeReclaimPolicy !== void 0 && !policies.includes(spec.persistentVolumeReclaimPolicy)) {
    errors.push(notSupported("spec.persistentVolumeReclaimPolicy", spec.persistentVolumeReclaimPolicy, policies));
  }
  return errors;
}
function validateStorageClass(obj, old) {
  if (!old) return [];
  const errors = [];
  if (!isDeepEqual(obj.parameters ?? {}, old.parameters ?? {})) errors.push(forbidden("parameters", "updates to parameters are forbidden."));
  if (obj.provisioner !== old.provisioner) errors.push(forbidden("provisioner", "updates to provisioner are forbidden."));
  if (obj.reclaimPolicy !== old.reclaimPolicy) errors.push(forbidden("reclaimPolicy", "updates to reclaimPolicy are forbidden."));
  if (obj.volumeBindingMode !== old.volumeBindingMode) errors.push(invalidValue("volumeBindingMode", obj.volumeBindingMode, "field is immutable"));
  return errors;
}

// src/engine/apiserver/admission/validation/autoscaling.ts
var METRIC_TYPES = ["ContainerResource", "External", "Object", "Pods", "Resource"];
var TARGET_TYPES = ["AverageValue", "Utilization", "Value"];
function validateHorizontalPodAutoscaler(obj) {
  const spec = obj.spec;
  if (typeof spec !== "object" || spec === null) return [required("spec")];
  const errors = [];
  const ref = spec.scaleTargetRef;
  if (!ref?.kind) errors.push(required("spec.scaleTargetRef.kind"));
  if (!ref?.name) errors.push(required("spec.scaleTargetRef.name"));
  if (typeof spec.minReplicas === "number" && spec.minReplicas < 1) {
    errors.push(invalidValue("spec.minReplicas", spec.minReplicas, "must be greater than or equal to 1"));
  }
  if (typeof spec.maxReplicas !== "number") errors.push(required("spec.maxReplicas"));
  else if (spec.maxReplicas < 1) errors.push(invalidValue("spec.maxReplicas", spec.maxReplicas, "must be greater than 0"));
  else if (typeof spec.minReplicas === "number" && spec.maxReplicas < spec.minReplicas) {
    errors.push(invalidValue("spec.maxReplicas", spec.maxReplicas, "must be greater than or equal to `minReplicas`"));
  }
  (Array.isArray(spec.metrics) ? spec.metrics : []).forEach((m, i) => {
    const f = `spec.metrics[${i}]`;
    if (!METRIC_TYPES.includes(m?.type)) return errors.push(notSupported(`${f}.type`, m?.type, METRIC_TYPES));
    if (m.type === "Resource") {
      if (!m.resource?.name) errors.push(required(`${f}.resource.name`));
      const t = m.resource?.target?.type;
      if (!TARGET_TYPES.includes(t)) errors.push(notSupported(`${f}.resource.target.type`, t, TARGET_TYPES));
      const u = m.resource?.target?.averageUtilization;
      if (t === "Utilization" && (typeof u !== "number" || u < 1)) errors.push(required(`${f}.resource.target.averageUtilization`, "must set either a target raw value or a target utilization"));
    }
    return void 0;
  });
  return errors;
}

// src/engine/apiserver/admission/validation/cluster.ts
var SYSTEM_PRIORITY_CLASSES = {
  "system-node-critical": 2000001e3,
  "system-cluster-critical": 2e9
};
var HIGHEST_USER_DEFINABLE_PRIORITY = 1e9;
function validatePriorityClass(obj, old) {
  const errors = [];
  const name = obj.metadata?.name ?? "";
  const system = SYSTEM_PRIORITY_CLASSES[name];
  if (typeof obj.value !== "number") errors.push(required("value"));
  if (system !== void 0) {
    if (obj.value !== system) errors.push(invalidValue("value", obj.value, `value of ${name} PriorityClass must be ${system}`));
  } else {
    if (name.startsWith("system-")) errors.push(invalidValue("metadata.name", name, "priority class names with 'system-' prefix are reserved"));
    if (typeof obj.value === "number" && obj.value > HIGHEST_USER_DEFINABLE_PRIORITY) {
      errors.push(invalidValue("value", obj.value, `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`));
    }
  }
  const policies = ["Never", "PreemptLowerPriority"];
  if (obj.preemptionPolicy !== void 0 && !policies.includes(obj.preemptionPolicy)) errors.push(notSupported("preemptionPolicy", obj.preemptionPolicy, policies));
  if (old && old.value !== obj.value) errors.push(forbidden("value", "may not be changed in an update."));
  return errors;
}
var PATH_TYPES = ["Exact", "ImplementationSpecific", "Prefix"];
function validateIngress(obj) {
  const errors = [];
  const rules = Array.isArray(obj.spec?.rules) ? obj.spec.rules : [];
  rules.forEach((rule, i) => {
    const paths = Array.isArray(rule?.http?.paths) ? rule.http.paths : [];
    paths.forEach((p, j) => {
      const f = `spec.rules[${i}].http.paths[${j}]`;
      if (p?.pathType === void 0) errors.push(required(`${f}.pathType`, "pathType must be specified"));
      else if (!PATH_TYPES.includes(p.pathType)) errors.push(notSupported(`${f}.pathType`, p.pathType, PATH_TYPES));
      if ((p?.pathType === "Exact" || p?.pathType === "Prefix") && typeof p?.path === "string" && !p.path.startsWith("/")) {
        errors.push(invalidValue(`${f}.path`, p.path, "must be an absolute path"));
      }
      const svc = p?.backend?.service;
      if (svc && svc.port && svc.port.name === void 0 && svc.port.number === void 0) {
        errors.push(required(`${f}.backend.service.port`, "port name or number is required"));
      }
    });
  });
  return errors;
}
var SUBJECT_KINDS = ["Group", "ServiceAccount", "User"];
function validateRole(obj) {
  const errors = [];
  (Array.isArray(obj.rules) ? obj.rules : []).forEach((rule, i) => {
    if (!Array.isArray(rule?.verbs) || rule.verbs.length === 0) errors.push(required(`rules[${i}].verbs`, "verbs must contain at least one value"));
    if (!rule?.nonResourceURLs && !Array.isArray(rule?.apiGroups)) {
      errors.push(required(`rules[${i}].apiGroups`, "resource rules must supply at least one api group"));
    }
  });
  return errors;
}
function validateRoleBinding(obj, old) {
  const errors = [];
  const ref = obj.roleRef;
  if (!ref?.kind) errors.push(required("roleRef.kind"));
  else if (obj.kind === "ClusterRoleBinding" && ref.kind !== "ClusterRole") errors.push(notSupported("roleRef.kind", ref.kind, ["ClusterRole"]));
  else if (obj.kind === "RoleBinding" && !["ClusterRole", "Role"].includes(ref.kind)) errors.push(notSupported("roleRef.kind", ref.kind, ["ClusterRole", "Role"]));
  if (!ref?.name) errors.push(required("roleRef.name"));
  (Array.isArray(obj.subjects) ? obj.subjects : []).forEach((s2, i) => {
    if (!SUBJECT_KINDS.includes(s2?.kind)) errors.push(notSupported(`subjects[${i}].kind`, s2?.kind, SUBJECT_KINDS));
    if (!s2?.name) errors.push(required(`subjects[${i}].name`));
  });
  if (old && !isDeepEqual(old.roleRef, obj.roleRef)) errors.push(invalidValue("roleRef", void 0, "cannot change roleRef", "rbac.RoleRef{...}"));
  return errors;
}
function validatePodDisruptionBudget(obj) {
  const spec = obj.spec ?? {};
  if (spec.minAvailable !== void 0 && spec.maxUnavailable !== void 0) {
    return [invalidValue("spec", void 0, "minAvailable and maxUnavailable cannot be both set", "policy.PodDisruptionBudgetSpec{...}")];
  }
  return [];
}

// src/engine/apiserver/admission/validation/index.ts
function validatePod(obj, old) {
  const errors = validatePodSpec(obj.spec, "spec");
  if (old) errors.push(...validatePodUpdate(obj.spec, old.spec));
  return errors;
}
var VALIDATORS = {
  Pod: validatePod,
  Deployment: validateDeployment,
  ReplicaSet: validateReplicaSet,
  StatefulSet: validateStatefulSet,
  DaemonSet: validateDaemonSet,
  Job: validateJob,
  CronJob: validateCronJob,
  Service: validateService,
  Secret: validateSecret,
  ConfigMap: validateConfigMap,
  PersistentVolumeClaim: validatePersistentVolumeClaim,
  PersistentVolume: validatePersistentVolume,
  StorageClass: validateStorageClass,
  HorizontalPodAutoscaler: validateHorizontalPodAutoscaler,
  PriorityClass: validatePriorityClass,
  Ingress: validateIngress,
  Role: validateRole,
  ClusterRole: validateRole,
  RoleBinding: validateRoleBinding,
  ClusterRoleBinding: validateRoleBinding,
  PodDisruptionBudget: validatePodDisruptionBudget
};
function validateObject(obj, old) {
  const errors = validateObjectMeta(obj.metadata);
  const validator = VALIDATORS[obj.kind];
  if (validator) errors.push(...validator(obj, old));
  return errors;
}
var validationPlugin = {
  name: "Validation",
  validate(obj, ctx) {
    return validateObject(obj, ctx.old);
  }
};

// src/engine/apiserver/admission/index.ts
function registerAdmission(api) {
  api.registerAdmission({ name: "Decoding", admit: (obj) => decodeObject(obj) });
  api.registerAdmission(defaultingPlugin);
  api.registerAdmission(strategyPlugin);
  api.registerAdmission(serviceAccountPlugin);
  api.registerAdmission(priorityPlugin);
  api.registerAdmission(defaultTolerationSecondsPlugin);
  api.registerAdmission(serviceAllocationPlugin(api));
  api.registerAdmission(defaultStorageClassPlugin);
  api.registerAdmission({
    name: "PodQOS",
    kinds: ["Pod"],
    admit(obj, ctx) {
      if (ctx.operation !== "CREATE") return;
      const status = obj.status ?? {};
      obj.status = { ...status, qosClass: podQOSClass(obj.spec) };
    }
  });
  api.registerAdmission(validationPlugin);
}

// src/engine/clock/virtualClock.ts
var DEFAULT_EPOCH_MS = Date.UTC(2026, 0, 1, 0, 0, 0);
var VirtualClock = class {
  current;
  heap = [];
  cancelled = /* @__PURE__ */ new Set();
  nextId = 1;
  nextSeq = 0;
  constructor(epochMs = DEFAULT_EPOCH_MS) {
    this.current = epochMs;
  }
  /** Current virtual time in epoch milliseconds. */
  now() {
    return this.current;
  }
  /** RFC 3339 timestamp with second precision, as the API server writes them. */
  nowRfc3339() {
    return toRfc3339(this.current);
  }
  setTimeout(fn, ms) {
    const id = this.nextId++;
    this.push({ id, due: this.current + Math.max(0, ms), seq: this.nextSeq++, fn });
    return id;
  }
  clearTimeout(id) {
    if (id !== void 0) this.cancelled.add(id);
  }
  /** Number of timers still waiting (cancelled ones excluded lazily, so this is an upper bound). */
  get pendingTimers() {
    return this.heap.length;
  }
  /** Due time of the next live timer, or undefined when nothing is scheduled. */
  nextDue() {
    this.dropCancelledHead();
    return this.heap[0]?.due;
  }
  /** Moves time forward by `ms`, firing every timer that falls due, in order. */
  advance(ms) {
    if (ms < 0) throw new RangeError(`cannot advance the clock by a negative duration (${ms} ms)`);
    this.runUntil(this.current + ms);
  }
  /** Fires everything due at the current instant (zero-delay work such as controller queues). */
  flush() {
    this.runUntil(this.current);
  }
  runUntil(target) {
    for (; ; ) {
      this.dropCancelledHead();
      const head = this.heap[0];
      if (!head || head.due > target) break;
      this.pop();
      this.current = head.due;
      head.fn();
    }
    this.current = target;
  }
  dropCancelledHead() {
    while (this.heap.length > 0) {
      const head = this.heap[0];
      if (!this.cancelled.has(head.id)) return;
      this.cancelled.delete(head.id);
      this.pop();
    }
  }
  less(a, b) {
    return a.due < b.due || a.due === b.due && a.seq < b.seq;
  }
  push(t) {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = i - 1 >> 1;
      const child = h[i];
      const parent = h[p];
      if (!this.less(child, parent)) break;
      h[i] = parent;
      h[p] = child;
      i = p;
    }
  }
  pop() {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (; ; ) {
        const l = 2 * i + 1;
        const r2 = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r2 < h.length && this.less(h[r2], h[m])) m = r2;
        if (m === i) break;
        const t = h[i];
        h[i] = h[m];
        h[m] = t;
        i = m;
      }
    }
    return top;
  }
};
var lastSecond = Number.NaN;
var lastText = "";
function toRfc3339(ms) {
  const second = Math.floor(ms / 1e3);
  if (second !== lastSecond) {
    lastSecond = second;
    lastText = new Date(second * 1e3).toISOString().replace(".000Z", "Z");
  }
  return lastText;
}

// src/engine/cues.ts
var CueBus = class {
  listeners = /* @__PURE__ */ new Set();
  emit(cue) {
    for (const l of this.listeners) l(cue);
  }
  subscribe(listener) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  get hasListeners() {
    return this.listeners.size > 0;
  }
};

// src/engine/controllers/controllerRuntime.ts
import { assign, createActor, setup } from "xstate";

// src/engine/controllers/workqueue.ts
var BASE_RETRY_MS = 5;
var MAX_RETRY_MS = 1e6;
var WorkQueue = class {
  constructor(clock, process2) {
    this.clock = clock;
    this.process = process2;
  }
  clock;
  process;
  queued = /* @__PURE__ */ new Set();
  failures = /* @__PURE__ */ new Map();
  delayed = /* @__PURE__ */ new Map();
  flushScheduled = false;
  generation = 0;
  add(key) {
    this.queued.add(key);
    this.scheduleFlush();
  }
  addAfter(key, ms) {
    if (ms <= 0) return this.add(key);
    const due = this.clock.now() + ms;
    const existing = this.delayed.get(key);
    if (existing !== void 0 && existing <= due) return;
    this.delayed.set(key, due);
    const gen = this.generation;
    this.clock.setTimeout(() => {
      if (gen !== this.generation || this.delayed.get(key) !== due) return;
      this.delayed.delete(key);
      this.add(key);
    }, ms);
  }
  addRateLimited(key) {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    this.addAfter(key, Math.min(MAX_RETRY_MS, BASE_RETRY_MS * 2 ** n));
  }
  forget(key) {
    this.failures.delete(key);
  }
  /** Drops everything queued or delayed (the controller was stopped). */
  clear() {
    this.queued.clear();
    this.delayed.clear();
    this.failures.clear();
    this.generation++;
  }
  get length() {
    return this.queued.size;
  }
  scheduleFlush() {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    const gen = this.generation;
    this.clock.setTimeout(() => {
      this.flushScheduled = false;
      if (gen === this.generation) this.drain();
      else if (this.queued.size > 0) this.scheduleFlush();
    }, 0);
  }
  drain() {
    while (this.queued.size > 0) {
      const key = this.queued.values().next().value;
      this.queued.delete(key);
      this.process(key);
    }
  }
};

// src/engine/controllers/controllerRuntime.ts
var controllerMachine = setup({
  types: {
    context: {},
    events: {},
    input: {}
  },
  actions: {
    listAndQueueAll: () => {
    },
    dropQueue: () => {
    },
    countSync: assign({ syncs: ({ context }) => context.syncs + 1 })
  },
  delays: {
    resyncPeriod: ({ context }) => context.resyncPeriodMs
  },
  guards: {
    hasResync: ({ context }) => context.resyncPeriodMs > 0
  }
}).createMachine({
  id: "controller",
  context: ({ input }) => ({ resyncPeriodMs: input.resyncPeriodMs, syncs: 0 }),
  initial: "running",
  states: {
    running: {
      entry: "listAndQueueAll",
      on: { STOP: "stopped", SYNCED: { actions: "countSync" } },
      after: { resyncPeriod: { guard: "hasResync", target: "running", reenter: true } }
    },
    stopped: {
      entry: "dropQueue",
      on: { START: "running" }
    }
  }
});
var Controller = class {
  constructor(def, ctx) {
    this.def = def;
    this.ctx = ctx;
    this.name = def.name;
    this.queue = new WorkQueue(ctx.clock, (key) => this.processKey(key));
    const machine = controllerMachine.provide({
      actions: {
        listAndQueueAll: () => {
          for (const key of def.listKeys()) this.queue.add(key);
        },
        dropQueue: () => this.queue.clear()
      }
    });
    this.actor = createActor(machine, { input: { resyncPeriodMs: def.resyncPeriodMs ?? 0 }, clock: ctx.clock });
    for (const w of def.watches) {
      this.unwatch.push(
        ctx.api.watch(w.kind, (event) => {
          if (!this.running) return;
          for (const key of w.keys(event)) this.queue.add(key);
        })
      );
    }
  }
  def;
  ctx;
  name;
  queue;
  actor;
  unwatch = [];
  /** Starts the actor: it lists every key and reconciles. */
  boot() {
    this.actor.start();
  }
  get running() {
    return this.actor.getSnapshot().value === "running";
  }
  get state() {
    return this.actor.getSnapshot().value;
  }
  /** Number of syncs done, for the UI's activity display and tests. */
  get syncCount() {
    return this.actor.getSnapshot().context.syncs;
  }
  start() {
    this.actor.send({ type: "START" });
  }
  stop() {
    this.actor.send({ type: "STOP" });
  }
  enqueue(key, afterMs = 0) {
    if (!this.running) return;
    if (afterMs > 0) this.queue.addAfter(key, afterMs);
    else this.queue.add(key);
  }
  dispose() {
    for (const u of this.unwatch) u();
    this.actor.stop();
  }
  processKey(key) {
    if (!this.running) return;
    try {
      const result = this.def.sync(key);
      this.queue.forget(key);
      this.actor.send({ type: "SYNCED" });
      if (this.ctx.cues.hasListeners) this.ctx.cues.emit({ type: "controller-sync", controller: this.name, key });
      if (result?.requeueAfterMs !== void 0) this.queue.addAfter(key, result.requeueAfterMs);
    } catch (err) {
      this.queue.addRateLimited(key);
      if (!(err instanceof Error)) throw err;
    }
  }
};

// src/engine/controllers/controllerutils/podStatus.ts
function isPodActive(pod) {
  const phase = pod.status?.phase;
  return phase !== "Succeeded" && phase !== "Failed" && !pod.metadata.deletionTimestamp;
}
function podReadyCondition(pod) {
  const conditions2 = pod.status?.conditions;
  if (!conditions2) return void 0;
  for (const c2 of conditions2) if (c2.type === "Ready") return c2;
  return void 0;
}
function isPodReady(pod) {
  return podReadyCondition(pod)?.status === "True";
}
function parseTime(rfc33393) {
  if (!rfc33393) return void 0;
  const ms = Date.parse(rfc33393);
  return Number.isNaN(ms) ? void 0 : ms;
}
function podAvailableSince(pod, minReadySeconds) {
  const ready = podReadyCondition(pod);
  if (ready?.status !== "True") return void 0;
  if (minReadySeconds <= 0) return Number.NEGATIVE_INFINITY;
  const since2 = parseTime(ready.lastTransitionTime);
  if (since2 === void 0) return Number.POSITIVE_INFINITY;
  return since2 + minReadySeconds * 1e3;
}
function isPodAvailable(pod, minReadySeconds, nowMs) {
  const at = podAvailableSince(pod, minReadySeconds);
  return at !== void 0 && (at === Number.NEGATIVE_INFINITY || at < nowMs);
}

// src/engine/controllers/replicaset/podEvents.ts
function classifyPodChange(old, cur) {
  if (old.metadata.labels !== cur.metadata.labels && JSON.stringify(old.metadata.labels) !== JSON.stringify(cur.metadata.labels)) return "membership";
  if (controllerOf(old)?.uid !== controllerOf(cur)?.uid) return "membership";
  if (isPodActive(old) !== isPodActive(cur)) return "membership";
  const ro = podReadyCondition(old);
  const rc = podReadyCondition(cur);
  return ro?.status !== rc?.status || ro?.lastTransitionTime !== rc?.lastTransitionTime ? "readiness" : "none";
}

// src/engine/controllers/controllerutils/claim.ts
function claimObjects({ api, owner, selector, owned, orphans, filter }) {
  const claimed = [];
  for (const obj of owned) {
    if (filter && !filter(obj)) continue;
    if (matchesSelector(selector, obj.metadata.labels)) {
      claimed.push(obj);
      continue;
    }
    if (obj.metadata.deletionTimestamp) continue;
    release(api, owner, obj);
  }
  if (owner.metadata.deletionTimestamp) return claimed;
  for (const obj of orphans) {
    if (filter && !filter(obj)) continue;
    if (obj.metadata.deletionTimestamp || !matchesSelector(selector, obj.metadata.labels)) continue;
    const adopted = adopt(api, owner, obj);
    if (adopted) claimed.push(adopted);
  }
  return claimed;
}
function adopt(api, owner, obj) {
  const refs = [...obj.metadata.ownerReferences ?? [], ownerReferenceTo(owner, { controller: true })];
  try {
    return api.update({ ...obj, metadata: { ...obj.metadata, ownerReferences: refs } });
  } catch (err) {
    if (err instanceof ApiError && (err.reason === "NotFound" || err.reason === "Conflict")) return void 0;
    throw err;
  }
}
function release(api, owner, obj) {
  if (controllerOf(obj)?.uid !== owner.metadata.uid) return;
  const refs = (obj.metadata.ownerReferences ?? []).filter((r2) => r2.uid !== owner.metadata.uid);
  const meta = { ...obj.metadata, ownerReferences: refs };
  if (refs.length === 0) delete meta.ownerReferences;
  try {
    api.update({ ...obj, metadata: meta });
  } catch (err) {
    if (!(err instanceof ApiError && (err.reason === "NotFound" || err.reason === "Conflict"))) throw err;
  }
}
function ownedBy(api, kind, ownerUid) {
  const out = [];
  for (const dep of api.dependentsOf(ownerUid)) {
    if (dep.kind === kind && controllerOf(dep)?.uid === ownerUid) out.push(dep);
  }
  return out;
}

// src/engine/controllers/controllerutils/expectations.ts
var EXPECTATIONS_TIMEOUT_MS = 5 * 6e4;
var ControllerExpectations = class {
  constructor(clock) {
    this.clock = clock;
  }
  clock;
  byOwner = /* @__PURE__ */ new Map();
  /** True when the owner may be synced: nothing expected, everything observed, or the wait expired. */
  satisfied(ownerKey) {
    const e = this.byOwner.get(ownerKey);
    if (!e) return true;
    if (e.adds <= 0 && e.deletes.size === 0) return true;
    return this.clock.now() - e.setAt > EXPECTATIONS_TIMEOUT_MS;
  }
  expectCreations(ownerKey, count) {
    this.byOwner.set(ownerKey, { adds: count, deletes: /* @__PURE__ */ new Set(), setAt: this.clock.now() });
  }
  expectDeletions(ownerKey, podKeys) {
    this.byOwner.set(ownerKey, { adds: 0, deletes: new Set(podKeys), setAt: this.clock.now() });
  }
  creationObserved(ownerKey) {
    const e = this.byOwner.get(ownerKey);
    if (e) e.adds--;
  }
  deletionObserved(ownerKey, podKey) {
    this.byOwner.get(ownerKey)?.deletes.delete(podKey);
  }
  delete(ownerKey) {
    this.byOwner.delete(ownerKey);
  }
};

// src/engine/controllers/controllerutils/orphanIndex.ts
var OrphanIndex = class {
  constructor(api, kind) {
    this.api = api;
    this.kind = kind;
    for (const obj of api.peekList(kind)) this.track(obj);
    this.unwatch = api.watch(kind, (event) => {
      if (event.old) this.untrack(event.old);
      if (event.type !== "DELETED") this.track(event.object);
    });
  }
  api;
  kind;
  byNamespace = /* @__PURE__ */ new Map();
  unwatch;
  /** Orphans in `namespace`, read from the store. */
  list(namespace) {
    const keys = this.byNamespace.get(namespace);
    if (!keys || keys.size === 0) return [];
    const out = [];
    for (const key of keys) {
      const name = key.slice(namespace.length + 1);
      const obj = this.api.peek(this.kind, namespace, name);
      if (obj && !controllerOf(obj)) out.push(obj);
    }
    return out;
  }
  dispose() {
    this.unwatch();
  }
  track(obj) {
    if (controllerOf(obj)) return;
    const ns = obj.metadata.namespace ?? "";
    let set = this.byNamespace.get(ns);
    if (!set) this.byNamespace.set(ns, set = /* @__PURE__ */ new Set());
    set.add(keyOf(obj));
  }
  untrack(obj) {
    this.byNamespace.get(obj.metadata.namespace ?? "")?.delete(keyOf(obj));
  }
};

// src/engine/controllers/controllerutils/ownerIndex.ts
var OwnerIndex = class {
  byOwner = /* @__PURE__ */ new Map();
  unwatch;
  constructor(api, kind) {
    for (const obj of api.peekList(kind)) this.add(obj);
    this.unwatch = api.watch(kind, (event) => {
      if (event.type === "MODIFIED" && event.old && event.old.metadata.ownerReferences === event.object.metadata.ownerReferences) {
        const uid = controllerOf(event.object)?.uid;
        if (uid) this.byOwner.get(uid)?.set(keyOf(event.object), event.object);
        return;
      }
      if (event.old) this.remove(event.old);
      if (event.type !== "DELETED") this.add(event.object);
    });
  }
  /** The objects whose controller is `ownerUid` (a live view: copy it before writing in a loop). */
  owned(ownerUid) {
    return this.byOwner.get(ownerUid)?.values() ?? [];
  }
  count(ownerUid) {
    return this.byOwner.get(ownerUid)?.size ?? 0;
  }
  dispose() {
    this.unwatch();
  }
  add(obj) {
    const uid = controllerOf(obj)?.uid;
    if (!uid) return;
    let m = this.byOwner.get(uid);
    if (!m) this.byOwner.set(uid, m = /* @__PURE__ */ new Map());
    m.set(keyOf(obj), obj);
  }
  remove(obj) {
    const uid = controllerOf(obj)?.uid;
    if (!uid) return;
    const m = this.byOwner.get(uid);
    if (!m) return;
    m.delete(keyOf(obj));
    if (m.size === 0) this.byOwner.delete(uid);
  }
};

// src/engine/controllers/controllerutils/podDeletionRanking.ts
var POD_DELETION_COST_ANNOTATION = "controller.kubernetes.io/pod-deletion-cost";
var PHASE_ORDINAL = { Pending: 0, Unknown: 1, Running: 2 };
function deletionCost(pod) {
  const raw = pod.metadata.annotations?.[POD_DELETION_COST_ANNOTATION];
  const n = raw === void 0 ? 0 : Number.parseInt(raw, 10);
  return Number.isFinite(n) ? n : 0;
}
function readySince(pod) {
  return isPodReady(pod) ? parseTime(podReadyCondition(pod)?.lastTransitionTime) : void 0;
}
function maxContainerRestarts(pod) {
  let max = 0;
  for (const s2 of pod.status?.containerStatuses ?? []) if (s2.restartCount > max) max = s2.restartCount;
  return max;
}
function logRank(since2, nowMs) {
  const ns = (nowMs - since2) * 1e6;
  return ns > 0 ? Math.floor(Math.log2(ns)) : -1;
}
function compareNewerFirst(t1, t2, nowMs) {
  if (t1 === t2) return 0;
  if (t1 === void 0) return -1;
  if (t2 === void 0) return 1;
  return Math.sign(logRank(t1, nowMs) - logRank(t2, nowMs));
}
function compareForDeletion(a, b, nowMs) {
  const pa = a.pod;
  const pb = b.pod;
  const na = pa.spec?.nodeName ?? "";
  const nb = pb.spec?.nodeName ?? "";
  if (na !== nb && (na === "" || nb === "")) return na === "" ? -1 : 1;
  const oa = PHASE_ORDINAL[pa.status?.phase ?? "Pending"] ?? 0;
  const ob = PHASE_ORDINAL[pb.status?.phase ?? "Pending"] ?? 0;
  if (oa !== ob) return oa - ob;
  const ra = isPodReady(pa);
  const rb = isPodReady(pb);
  if (ra !== rb) return ra ? 1 : -1;
  const ca = deletionCost(pa);
  const cb = deletionCost(pb);
  if (ca !== cb) return ca - cb;
  if (a.rank !== b.rank) return b.rank - a.rank;
  const uidOrder = () => pa.metadata.uid < pb.metadata.uid ? -1 : pa.metadata.uid > pb.metadata.uid ? 1 : 0;
  if (ra && rb) {
    const ta2 = readySince(pa);
    const tb2 = readySince(pb);
    if (ta2 !== tb2) {
      const byReady = compareNewerFirst(ta2, tb2, nowMs);
      return byReady !== 0 ? byReady : uidOrder();
    }
  }
  const xa = maxContainerRestarts(pa);
  const xb = maxContainerRestarts(pb);
  if (xa !== xb) return xb - xa;
  const ta = parseTime(pa.metadata.creationTimestamp);
  const tb = parseTime(pb.metadata.creationTimestamp);
  if (ta !== tb) {
    const byAge = compareNewerFirst(ta, tb, nowMs);
    return byAge !== 0 ? byAge : uidOrder();
  }
  return 0;
}
function getPodsToDelete(pods, relatedPods, count, nowMs) {
  if (count >= pods.length) return pods.slice(0, count);
  const podsOnNode = /* @__PURE__ */ new Map();
  for (const p of relatedPods) {
    if (!isPodActive(p)) continue;
    const node = p.spec?.nodeName ?? "";
    podsOnNode.set(node, (podsOnNode.get(node) ?? 0) + 1);
  }
  const ranked = pods.map((pod) => ({ pod, rank: podsOnNode.get(pod.spec?.nodeName ?? "") ?? 0 }));
  ranked.sort((a, b) => compareForDeletion(a, b, nowMs));
  return ranked.slice(0, count).map((r2) => r2.pod);
}

// src/engine/controllers/controllerutils/podTemplate.ts
function podFromTemplate(template, namespace, controllerRef, name) {
  const meta = template?.metadata ?? {};
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      ...name,
      namespace,
      ...meta.labels ? { labels: meta.labels } : {},
      ...meta.annotations ? { annotations: meta.annotations } : {},
      ...meta.finalizers ? { finalizers: meta.finalizers } : {},
      ownerReferences: [controllerRef]
    },
    // Shared with the template on purpose: ApiServer.create copies its input before storing it.
    spec: template?.spec ?? { containers: [] }
  };
}

// src/engine/controllers/controllerutils/slowStart.ts
var SLOW_START_INITIAL_BATCH_SIZE = 1;
function slowStartBatch(count, initialBatchSize, create) {
  let remaining = count;
  let successes = 0;
  for (let batch = Math.min(remaining, initialBatchSize); batch > 0; batch = Math.min(2 * batch, remaining)) {
    let error;
    for (let i = 0; i < batch; i++) {
      try {
        create();
        successes++;
      } catch (err) {
        error ??= err;
      }
    }
    if (error !== void 0) return { successes, error };
    remaining -= batch;
  }
  return { successes };
}

// src/engine/controllers/replicaset/replicaSetStatus.ts
function desiredReplicas(rs) {
  return rs.spec?.replicas ?? 1;
}
function calculateReplicaSetStatus(rs, activePods, manageError, nowMs, nowRfc3339) {
  const minReadySeconds = rs.spec?.minReadySeconds ?? 0;
  const templateLabels = rs.spec?.template?.metadata?.labels;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of activePods) {
    if (matchesLabelMap(templateLabels, pod.metadata.labels)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReadySeconds, nowMs)) available++;
    }
  }
  const old = rs.status ?? { replicas: 0 };
  let conditions2 = (old.conditions ?? []).filter((c2) => c2.type !== "ReplicaFailure");
  const failure = old.conditions?.find((c2) => c2.type === "ReplicaFailure");
  if (manageError) {
    const cond2 = failure ?? {
      type: "ReplicaFailure",
      status: "True",
      reason: manageError.reason,
      message: manageError.message,
      lastTransitionTime: nowRfc3339
    };
    conditions2 = [...conditions2, cond2];
  }
  const status = {
    replicas: activePods.length,
    fullyLabeledReplicas: fullyLabeled,
    readyReplicas: ready,
    availableReplicas: available,
    observedGeneration: rs.metadata.generation ?? 1
  };
  if (conditions2.length > 0) status.conditions = conditions2;
  return status;
}
function nextAvailabilityCheckMs(rs, activePods, nowMs) {
  const minReadySeconds = rs.spec?.minReadySeconds ?? 0;
  if (minReadySeconds <= 0) return void 0;
  let soonest;
  for (const pod of activePods) {
    const at = podAvailableSince(pod, minReadySeconds);
    if (at === void 0 || !Number.isFinite(at) || at < nowMs) continue;
    if (soonest === void 0 || at < soonest) soonest = at;
  }
  return soonest === void 0 ? void 0 : soonest - nowMs + 1;
}
function sameNumber(a, b) {
  return (a ?? 0) === (b ?? 0);
}
function replicaSetStatusChanged(old, next) {
  if (!old) return true;
  return !sameNumber(old.replicas, next.replicas) || !sameNumber(old.fullyLabeledReplicas, next.fullyLabeledReplicas) || !sameNumber(old.readyReplicas, next.readyReplicas) || !sameNumber(old.availableReplicas, next.availableReplicas) || !sameNumber(old.observedGeneration, next.observedGeneration) || JSON.stringify(old.conditions ?? []) !== JSON.stringify(next.conditions ?? []);
}

// src/engine/controllers/replicaset/replicaSetController.ts
var REPLICASET_CONTROLLER_NAME = "replicaset-controller";
var BURST_REPLICAS = 500;
var ReplicaSetSyncer = class {
  constructor(ctx) {
    this.ctx = ctx;
    this.expectations = new ControllerExpectations(ctx.clock);
    this.orphanPods = new OrphanIndex(ctx.api, "Pod");
    this.podsByOwner = new OwnerIndex(ctx.api, "Pod");
  }
  ctx;
  expectations;
  orphanPods;
  podsByOwner;
  /** Active pods the ReplicaSet controls, from the index. */
  activePodsOf(uid) {
    const out = [];
    for (const pod of this.podsByOwner.owned(uid)) if (isPodActive(pod)) out.push(pod);
    return out;
  }
  sync(key) {
    const { api, clock } = this.ctx;
    const { namespace, name } = splitKey(key);
    const rs = api.get("ReplicaSet", namespace, name);
    if (!rs) {
      this.expectations.delete(key);
      return;
    }
    const needsSync = this.expectations.satisfied(key);
    const selector = fromLabelSelector(rs.spec?.selector);
    const pods = selector ? claimObjects({
      api,
      owner: rs,
      selector,
      owned: this.activePodsOf(rs.metadata.uid),
      orphans: this.orphanPods.list(rs.metadata.namespace ?? "default"),
      filter: isPodActive
    }) : [];
    let manageError;
    let thrown;
    if (needsSync && !rs.metadata.deletionTimestamp && selector) {
      const result = this.manageReplicas(key, rs, pods);
      manageError = result.manageError;
      thrown = result.thrown;
    }
    const current = selector ? this.activePodsOf(rs.metadata.uid) : [];
    const latest = api.get("ReplicaSet", namespace, name) ?? rs;
    const status = calculateReplicaSetStatus(latest, current, manageError, clock.now(), clock.nowRfc3339());
    if (replicaSetStatusChanged(latest.status, status)) {
      api.updateStatus({ ...latest, status });
    }
    if (thrown !== void 0) throw thrown;
    const after = nextAvailabilityCheckMs(latest, current, clock.now());
    return after === void 0 ? void 0 : { requeueAfterMs: after };
  }
  manageReplicas(key, rs, pods) {
    const { api, events, clock } = this.ctx;
    const diff = pods.length - desiredReplicas(rs);
    const source = { component: REPLICASET_CONTROLLER_NAME };
    if (diff < 0) {
      const toCreate = Math.min(-diff, BURST_REPLICAS);
      this.expectations.expectCreations(key, toCreate);
      const controllerRef = ownerReferenceTo(rs, { controller: true });
      const namespace = rs.metadata.namespace ?? "default";
      const { successes, error } = slowStartBatch(toCreate, SLOW_START_INITIAL_BATCH_SIZE, () => {
        const pod = podFromTemplate(rs.spec?.template, namespace, controllerRef, { generateName: `${rs.metadata.name}-` });
        try {
          const created = api.create(pod);
          events.record(rs, "Normal", "SuccessfulCreate", `Created pod: ${created.metadata.name}`, source);
        } catch (err) {
          events.record(rs, "Warning", "FailedCreate", `Error creating: ${errorMessage(err)}`, source);
          throw err;
        }
      });
      for (let i = successes; i < toCreate; i++) this.expectations.creationObserved(key);
      if (error !== void 0) return { manageError: { reason: "FailedCreate", message: errorMessage(error) }, thrown: error };
      return {};
    }
    if (diff > 0) {
      const count = Math.min(diff, BURST_REPLICAS);
      const victims = getPodsToDelete(pods, this.relatedPods(rs), count, clock.now());
      this.expectations.expectDeletions(key, victims.map((p) => keyOf(p)));
      let firstError;
      for (const pod of victims) {
        try {
          api.delete("Pod", pod.metadata.namespace, pod.metadata.name);
          events.record(rs, "Normal", "SuccessfulDelete", `Deleted pod: ${pod.metadata.name}`, source);
        } catch (err) {
          this.expectations.deletionObserved(key, keyOf(pod));
          if (err instanceof ApiError && err.reason === "NotFound") continue;
          events.record(rs, "Warning", "FailedDelete", `Error deleting: ${errorMessage(err)}`, source);
          firstError ??= err;
        }
      }
      if (firstError !== void 0) return { manageError: { reason: "FailedDelete", message: errorMessage(firstError) }, thrown: firstError };
    }
    return {};
  }
  /** Pods of every ReplicaSet with the same controller (one Deployment's revisions): getIndirectlyRelatedPods. */
  relatedPods(rs) {
    const owner = controllerOf(rs);
    if (!owner) return [];
    const out = [];
    for (const sibling of ownedBy(this.ctx.api, "ReplicaSet", owner.uid)) {
      out.push(...this.podsByOwner.owned(sibling.metadata.uid));
    }
    return out;
  }
  /** The ReplicaSet keys an orphan pod's labels match: they may adopt it (getPodReplicaSets). */
  replicaSetsMatching(pod) {
    const keys = [];
    const namespace = pod.metadata.namespace ?? "default";
    for (const rs of this.ctx.api.peekList("ReplicaSet", { namespace })) {
      const selector = fromLabelSelector(rs.spec?.selector);
      if (selector && selector.length > 0 && matchesSelector(selector, pod.metadata.labels)) keys.push(objectKey(namespace, rs.metadata.name));
    }
    return keys;
  }
};
function errorMessage(err) {
  return err instanceof Error ? err.message : String(err);
}

// src/engine/controllers/replicaset/index.ts
function isOwnStatusWrite(old, cur) {
  return old.spec === cur.spec && old.metadata.ownerReferences === cur.metadata.ownerReferences && old.metadata.deletionTimestamp === cur.metadata.deletionTimestamp;
}
var STATUS_BATCH_MS = 250;
function createReplicaSetController(ctx) {
  const syncer = new ReplicaSetSyncer(ctx);
  const expectations = syncer.expectations;
  const ownerKey = (pod) => {
    const ref = controllerOf(pod);
    return ref?.kind === "ReplicaSet" ? objectKey(pod.metadata.namespace, ref.name) : void 0;
  };
  const podKeys = (event) => {
    const pod = event.object;
    const podKey = keyOf(pod);
    const rsKey = ownerKey(pod);
    if (event.type === "ADDED") {
      if (!rsKey) return syncer.replicaSetsMatching(pod);
      if (pod.metadata.deletionTimestamp) expectations.deletionObserved(rsKey, podKey);
      else expectations.creationObserved(rsKey);
      return [rsKey];
    }
    if (event.type === "DELETED") {
      if (!rsKey) return [];
      expectations.deletionObserved(rsKey, podKey);
      return [rsKey];
    }
    const old = event.old;
    if (!old) return rsKey ? [rsKey] : [];
    const keys = [];
    const oldKey = ownerKey(old);
    if (oldKey && oldKey !== rsKey) keys.push(oldKey);
    if (rsKey && pod.metadata.deletionTimestamp && !old.metadata.deletionTimestamp) expectations.deletionObserved(rsKey, podKey);
    const change = classifyPodChange(old, pod);
    if (change === "none") return keys;
    if (change === "readiness" && rsKey) {
      controller.enqueue(rsKey, STATUS_BATCH_MS);
      return keys;
    }
    if (rsKey) keys.push(rsKey);
    else keys.push(...syncer.replicaSetsMatching(pod));
    return keys;
  };
  const controller = new Controller(
    {
      name: REPLICASET_CONTROLLER_NAME,
      watches: [
        { kind: "ReplicaSet", keys: (e) => e.old && isOwnStatusWrite(e.old, e.object) ? [] : [keyOf(e.object)] },
        { kind: "Pod", keys: podKeys }
      ],
      listKeys: () => ctx.api.peekList("ReplicaSet").map((rs) => keyOf(rs)),
      sync: (key) => syncer.sync(key)
    },
    ctx
  );
  return controller;
}

// src/engine/controllers/deployment/hash.ts
var FNV32_OFFSET = 2166136261;
var FNV32_PRIME = 16777619;
function fnv32a(bytes, seed = FNV32_OFFSET) {
  let hash = seed;
  for (const b of bytes) {
    hash ^= b;
    hash = Math.imul(hash, FNV32_PRIME) >>> 0;
  }
  return hash >>> 0;
}
function canonicalJson(value) {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === void 0 ? null : v)).join(",")}]`;
  const obj = value;
  const keys = Object.keys(obj).filter((k) => obj[k] !== void 0).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(",")}}`;
}
function safeEncodeString(s2) {
  let out = "";
  for (let i = 0; i < s2.length; i++) out += NAME_SUFFIX_ALPHABET[s2.charCodeAt(i) % NAME_SUFFIX_ALPHABET.length];
  return out;
}
var encoder = new TextEncoder();
function computeHash(template, collisionCount) {
  let hash = fnv32a(encoder.encode(canonicalJson(template ?? {})));
  if (collisionCount !== void 0 && collisionCount !== null) {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
    hash = fnv32a(bytes, hash);
  }
  return safeEncodeString(String(hash));
}

// src/engine/controllers/deployment/util.ts
var POD_TEMPLATE_HASH_LABEL = "pod-template-hash";
var REVISION_ANNOTATION = "deployment.kubernetes.io/revision";
var REVISION_HISTORY_ANNOTATION = "deployment.kubernetes.io/revision-history";
var DESIRED_REPLICAS_ANNOTATION = "deployment.kubernetes.io/desired-replicas";
var MAX_REPLICAS_ANNOTATION = "deployment.kubernetes.io/max-replicas";
var LAST_APPLIED_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";
var MAX_REVISION_HISTORY_CHARS = 2e3;
var REASON_RS_UPDATED = "ReplicaSetUpdated";
var REASON_FAILED_RS_CREATE = "ReplicaSetCreateError";
var REASON_NEW_RS_CREATED = "NewReplicaSetCreated";
var REASON_FOUND_NEW_RS = "FoundNewReplicaSet";
var REASON_NEW_RS_AVAILABLE = "NewReplicaSetAvailable";
var REASON_TIMED_OUT = "ProgressDeadlineExceeded";
var REASON_PAUSED = "DeploymentPaused";
var REASON_RESUMED = "DeploymentResumed";
var REASON_MIN_AVAILABLE = "MinimumReplicasAvailable";
var REASON_MIN_UNAVAILABLE = "MinimumReplicasUnavailable";
function deploymentReplicas(d) {
  return d.spec?.replicas ?? 1;
}
function isRollingUpdate(d) {
  return (d.spec?.strategy?.type ?? "RollingUpdate") === "RollingUpdate";
}
function revisionHistoryLimit(d) {
  return d.spec?.revisionHistoryLimit ?? 10;
}
function progressDeadlineSeconds(d) {
  return d.spec?.progressDeadlineSeconds ?? 600;
}
var MAX_INT32 = 2147483647;
function hasProgressDeadline(d) {
  return progressDeadlineSeconds(d) !== MAX_INT32;
}
function hasRevisionHistoryLimit(d) {
  return revisionHistoryLimit(d) !== MAX_INT32;
}
function rsReplicas(rs) {
  return rs?.spec?.replicas ?? (rs ? 1 : 0);
}
function valueFromIntOrPercent(value, total, roundUp) {
  if (value === void 0) return 0;
  if (typeof value === "number") return value;
  const m = /^(\d+)%$/.exec(value.trim());
  if (!m) {
    const n = Number(value);
    return Number.isInteger(n) ? n : 0;
  }
  const scaled = Number(m[1]) * total / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}
function resolveFenceposts(maxSurge2, maxUnavailable2, desired) {
  const surge = valueFromIntOrPercent(maxSurge2 ?? 0, desired, true);
  let unavailable = valueFromIntOrPercent(maxUnavailable2 ?? 0, desired, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}
function rollingFenceposts(d) {
  const ru = d.spec?.strategy?.rollingUpdate;
  return resolveFenceposts(ru?.maxSurge ?? "25%", ru?.maxUnavailable ?? "25%", deploymentReplicas(d));
}
function maxSurge(d) {
  return isRollingUpdate(d) ? rollingFenceposts(d).surge : 0;
}
function maxUnavailable(d) {
  const replicas = deploymentReplicas(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  return Math.min(rollingFenceposts(d).unavailable, replicas);
}
function revisionOf(obj) {
  const v = obj.metadata?.annotations?.[REVISION_ANNOTATION];
  if (v === void 0) return 0;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : 0;
}
function maxRevision(rss) {
  let max = 0;
  for (const rs of rss) max = Math.max(max, revisionOf(rs));
  return max;
}
function creationMs(obj) {
  return Date.parse(obj.metadata.creationTimestamp);
}
function byCreationTimestamp(a, b) {
  const d = creationMs(a) - creationMs(b);
  if (d !== 0) return d;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}
function bySizeOlder(a, b) {
  const d = rsReplicas(b) - rsReplicas(a);
  return d !== 0 ? d : byCreationTimestamp(a, b);
}
function bySizeNewer(a, b) {
  const d = rsReplicas(b) - rsReplicas(a);
  return d !== 0 ? d : byCreationTimestamp(b, a);
}
function byRevision(a, b) {
  const d = revisionOf(a) - revisionOf(b);
  return d !== 0 ? d : byCreationTimestamp(a, b);
}
function listReplicaSetsOf(api, deployment) {
  return api.list("ReplicaSet", { namespace: deployment.metadata.namespace ?? "default" }).filter((rs) => controllerOf(rs)?.uid === deployment.metadata.uid);
}
function withoutHashLabel(template) {
  const t = template ?? {};
  const labels = t.metadata?.labels;
  if (!labels || !(POD_TEMPLATE_HASH_LABEL in labels)) return t;
  const rest = { ...labels };
  delete rest[POD_TEMPLATE_HASH_LABEL];
  return { ...t, metadata: { ...t.metadata, labels: rest } };
}
function equalIgnoreHash(a, b) {
  const ta = withoutHashLabel(a);
  const tb = withoutHashLabel(b);
  const norm = (t) => t.metadata?.labels && Object.keys(t.metadata.labels).length === 0 ? { ...t, metadata: { ...t.metadata, labels: void 0 } } : t;
  return isDeepEqual(norm(ta), norm(tb));
}
function findNewReplicaSet(deployment, rsList) {
  const sorted = [...rsList].sort(byCreationTimestamp);
  return sorted.find((rs) => equalIgnoreHash(rs.spec?.template, deployment.spec?.template));
}
function findOldReplicaSets(deployment, rsList) {
  const newRS = findNewReplicaSet(deployment, rsList);
  return rsList.filter((rs) => !newRS || rs.metadata.uid !== newRS.metadata.uid);
}
function filterActive(rss) {
  return rss.filter((rs) => rs !== void 0 && rsReplicas(rs) > 0);
}
function sumSpecReplicas(rss) {
  let n = 0;
  for (const rs of rss) if (rs) n += rsReplicas(rs);
  return n;
}
function sumStatus(rss, field) {
  let n = 0;
  for (const rs of rss) if (rs) n += rs.status?.[field] ?? 0;
  return n;
}
function newRSNewReplicas(d, allRSs, newRS) {
  const replicas = deploymentReplicas(d);
  if (!isRollingUpdate(d)) return replicas;
  const maxTotal = replicas + maxSurge(d);
  const current = sumSpecReplicas(allRSs);
  if (current >= maxTotal) return rsReplicas(newRS);
  const scaleUp = Math.min(maxTotal - current, replicas - rsReplicas(newRS));
  return rsReplicas(newRS) + scaleUp;
}
function isSaturated(d, rs) {
  if (!rs) return false;
  const desired = Number.parseInt(rs.metadata?.annotations?.[DESIRED_REPLICAS_ANNOTATION] ?? "", 10);
  const replicas = deploymentReplicas(d);
  return rsReplicas(rs) === replicas && desired === replicas && (rs.status?.availableReplicas ?? 0) === replicas;
}
function annotationInt(rs, key) {
  const v = rs.metadata?.annotations?.[key];
  if (v === void 0) return void 0;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : void 0;
}
function desiredReplicasAnnotation(rs) {
  return annotationInt(rs, DESIRED_REPLICAS_ANNOTATION);
}
function roundHalfAway(x) {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}
function replicaSetFraction(rs, d) {
  const replicas = deploymentReplicas(d);
  if (replicas === 0) return -rsReplicas(rs);
  const deploymentMax = replicas + maxSurge(d);
  const annotated = annotationInt(rs, MAX_REPLICAS_ANNOTATION) ?? d.status?.replicas ?? 0;
  if (annotated === 0) return 0;
  return roundHalfAway(rsReplicas(rs) * deploymentMax / annotated) - rsReplicas(rs);
}
function getProportion(rs, d, toAdd, added) {
  if (!rs || rsReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = replicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}
function getCondition(status, type) {
  return status?.conditions?.find((c2) => c2.type === type);
}
function newCondition(type, status, reason, message, now) {
  return { type, status, reason, message, lastUpdateTime: now, lastTransitionTime: now };
}
function setCondition(status, condition2) {
  const current = getCondition(status, condition2.type);
  if (current && current.status === condition2.status && current.reason === condition2.reason) return;
  const next = current && current.status === condition2.status ? { ...condition2, lastTransitionTime: current.lastTransitionTime } : condition2;
  status.conditions = [...(status.conditions ?? []).filter((c2) => c2.type !== condition2.type), next];
}
function removeCondition(status, type) {
  if (!status.conditions) return;
  status.conditions = status.conditions.filter((c2) => c2.type !== type);
  if (status.conditions.length === 0) delete status.conditions;
}
function deploymentComplete(d, status) {
  const replicas = deploymentReplicas(d);
  return (status.updatedReplicas ?? 0) === replicas && (status.replicas ?? 0) === replicas && (status.availableReplicas ?? 0) === replicas && (status.observedGeneration ?? 0) >= (d.metadata.generation ?? 1);
}
function deploymentProgressing(d, next) {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (next.replicas ?? 0) - (next.updatedReplicas ?? 0);
  return (next.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || newOld < oldOld || (next.readyReplicas ?? 0) > (old.readyReplicas ?? 0) || (next.availableReplicas ?? 0) > (old.availableReplicas ?? 0);
}
function deploymentTimedOut(d, next, nowMs) {
  if (!hasProgressDeadline(d)) return false;
  const cond2 = getCondition(next, "Progressing");
  if (!cond2) return false;
  if (cond2.reason === REASON_NEW_RS_AVAILABLE) return false;
  if (cond2.reason === REASON_TIMED_OUT) return true;
  const from = Date.parse(cond2.lastUpdateTime ?? "");
  if (Number.isNaN(from)) return false;
  return from + progressDeadlineSeconds(d) * 1e3 < nowMs;
}

// src/engine/controllers/deployment/deploymentController.ts
var DEPLOYMENT_CONTROLLER_NAME = "deployment-controller";
var SKIPPED_ANNOTATIONS = /* @__PURE__ */ new Set([
  LAST_APPLIED_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  "deprecated.deployment.rollback.to"
]);
var DeploymentSyncer = class {
  constructor(ctx) {
    this.ctx = ctx;
    this.orphanReplicaSets = new OrphanIndex(ctx.api, "ReplicaSet");
  }
  ctx;
  orphanReplicaSets;
  sync(key) {
    const { namespace, name } = splitKey(key);
    const found = this.ctx.api.get("Deployment", namespace, name);
    if (!found) return;
    let d = found;
    const selector = fromLabelSelector(d.spec?.selector);
    if (!selector || selector.length === 0) {
      this.record(d, "Warning", "SelectingAll", "This deployment is selecting all pods. A non-empty selector is required.");
      if ((d.status?.observedGeneration ?? 0) < (d.metadata.generation ?? 1)) {
        this.ctx.api.updateStatus({ ...d, status: { ...d.status, observedGeneration: d.metadata.generation ?? 1 } });
      }
      return;
    }
    const rsList = claimObjects({
      api: this.ctx.api,
      owner: d,
      selector,
      owned: ownedBy(this.ctx.api, "ReplicaSet", d.metadata.uid),
      orphans: this.orphanReplicaSets.list(d.metadata.namespace ?? "default")
    });
    if (d.metadata.deletionTimestamp) {
      const sets = this.getAllReplicaSetsAndSyncRevision(d, rsList, false);
      this.syncDeploymentStatus([...sets.oldRSs, sets.newRS], sets.newRS, sets.d);
      return;
    }
    d = this.checkPausedConditions(d);
    if (d.spec?.paused || this.isScalingEvent(d, rsList)) return this.syncScaling(d, rsList);
    return isRollingUpdate(d) ? this.rolloutRolling(d, rsList) : this.rolloutRecreate(d, rsList);
  }
  // ---- sync.go ----
  /** sync(): a scaling event or a paused Deployment: resize the ReplicaSets, no rollout. */
  syncScaling(d0, rsList) {
    const { d, newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(d0, rsList, false);
    this.scale(d, newRS, oldRSs);
    if (d.spec?.paused) this.cleanupDeployment(oldRSs, d);
    this.syncDeploymentStatus([...oldRSs, newRS], newRS, d);
  }
  /** checkPausedConditions: Progressing=Unknown with DeploymentPaused / DeploymentResumed. */
  checkPausedConditions(d) {
    if (!hasProgressDeadline(d)) return d;
    const cond2 = getCondition(d.status, "Progressing");
    if (cond2?.reason === REASON_TIMED_OUT) return d;
    const pausedCondExists = cond2?.reason === REASON_PAUSED;
    const now = this.ctx.clock.nowRfc3339();
    const status = structuredClone(d.status ?? {});
    if (d.spec?.paused && !pausedCondExists) {
      setCondition(status, newCondition("Progressing", "Unknown", REASON_PAUSED, "Deployment is paused", now));
    } else if (!d.spec?.paused && pausedCondExists) {
      setCondition(status, newCondition("Progressing", "Unknown", REASON_RESUMED, "Deployment is resumed", now));
    } else {
      return d;
    }
    return this.ctx.api.updateStatus({ ...d, status });
  }
  /** isScalingEvent: an active ReplicaSet was sized for a different desired count than the Deployment's. */
  isScalingEvent(d0, rsList) {
    const { d, newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(d0, rsList, false);
    for (const rs of filterActive([...oldRSs, newRS])) {
      const desired = desiredReplicasAnnotation(rs);
      if (desired !== void 0 && desired !== deploymentReplicas(d)) return true;
    }
    return false;
  }
  /** getAllReplicaSetsAndSyncRevision: the new ReplicaSet (created if asked) and all old ones. */
  getAllReplicaSetsAndSyncRevision(d, rsList, createIfNotExisted) {
    const oldRSs = findOldReplicaSets(d, rsList);
    const { rs: newRS, d: updated } = this.getNewReplicaSet(d, rsList, oldRSs, createIfNotExisted);
    return { d: updated, newRS, oldRSs };
  }
  /**
   * getNewReplicaSet: finds the ReplicaSet whose template is the Deployment's and brings its revision,
   * annotations and minReadySeconds up to date; otherwise creates it (named by the template hash, with
   * collisionCount bumped when that name is taken by a different template).
   */
  getNewReplicaSet(d, rsList, oldRSs, createIfNotExisted) {
    const { api, clock } = this.ctx;
    const existing = findNewReplicaSet(d, rsList);
    const newRevision = String(maxRevision(oldRSs) + 1);
    const now = clock.nowRfc3339();
    if (existing) {
      const annotations2 = { ...existing.metadata.annotations ?? {} };
      const annotationsUpdated = setNewReplicaSetAnnotations(d, annotations2, newRevision, true);
      const minReady = d.spec?.minReadySeconds ?? 0;
      if (annotationsUpdated || (existing.spec?.minReadySeconds ?? 0) !== minReady) {
        const rs = api.update({ ...existing, metadata: { ...existing.metadata, annotations: annotations2 }, spec: { ...existing.spec, minReadySeconds: minReady } });
        return { rs, d };
      }
      let next2 = d;
      const revision = existing.metadata.annotations?.[REVISION_ANNOTATION];
      if (revision !== void 0 && d.metadata.annotations?.[REVISION_ANNOTATION] !== revision) {
        next2 = api.update({ ...next2, metadata: { ...next2.metadata, annotations: { ...next2.metadata.annotations, [REVISION_ANNOTATION]: revision } } });
      }
      if (hasProgressDeadline(next2) && !getCondition(next2.status, "Progressing")) {
        const status = structuredClone(next2.status ?? {});
        setCondition(status, newCondition("Progressing", "True", REASON_FOUND_NEW_RS, `Found new replica set "${existing.metadata.name}"`, now));
        next2 = api.updateStatus({ ...next2, status });
      }
      return { rs: existing, d: next2 };
    }
    if (!createIfNotExisted) return { rs: void 0, d };
    const collisionCount = d.status?.collisionCount;
    const hash = computeHash(d.spec?.template, collisionCount);
    const templateLabels = { ...d.spec?.template?.metadata?.labels ?? {}, [POD_TEMPLATE_HASH_LABEL]: hash };
    const selector = d.spec?.selector ?? {};
    const rsName = `${d.metadata.name}-${hash}`;
    const draft = {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: {
        name: rsName,
        namespace: d.metadata.namespace ?? "default",
        labels: templateLabels,
        ownerReferences: [ownerReferenceTo(d, { controller: true })]
      },
      spec: {
        replicas: 0,
        minReadySeconds: d.spec?.minReadySeconds ?? 0,
        selector: { ...selector, matchLabels: { ...selector.matchLabels ?? {}, [POD_TEMPLATE_HASH_LABEL]: hash } },
        template: { ...d.spec?.template, metadata: { ...d.spec?.template?.metadata, labels: templateLabels } }
      }
    };
    const replicas = newRSNewReplicas(d, [...oldRSs, draft], draft);
    draft.spec.replicas = replicas;
    const annotations = {};
    setNewReplicaSetAnnotations(d, annotations, newRevision, false);
    draft.metadata.annotations = annotations;
    let created;
    let alreadyExists2 = false;
    try {
      created = api.create(draft);
    } catch (err) {
      if (err instanceof ApiError && err.reason === "AlreadyExists") {
        const rs = api.get("ReplicaSet", d.metadata.namespace, rsName);
        if (rs && controllerOf(rs)?.uid === d.metadata.uid && equalIgnoreHash(d.spec?.template, rs.spec?.template)) {
          created = rs;
          alreadyExists2 = true;
        } else {
          api.updateStatus({ ...d, status: { ...d.status, collisionCount: (collisionCount ?? 0) + 1 } });
          throw err;
        }
      } else {
        const message = `Failed to create new replica set "${rsName}": ${err instanceof Error ? err.message : String(err)}`;
        if (hasProgressDeadline(d)) {
          const status = structuredClone(d.status ?? {});
          setCondition(status, newCondition("Progressing", "False", REASON_FAILED_RS_CREATE, message, now));
          api.updateStatus({ ...d, status });
        }
        this.record(d, "Warning", REASON_FAILED_RS_CREATE, message);
        throw err;
      }
    }
    if (!alreadyExists2 && replicas > 0) {
      this.record(d, "Normal", "ScalingReplicaSet", `Scaled up replica set ${created.metadata.name} from 0 to ${replicas}`);
    }
    let next = d;
    if (d.metadata.annotations?.[REVISION_ANNOTATION] !== newRevision) {
      next = api.update({ ...next, metadata: { ...next.metadata, annotations: { ...next.metadata.annotations, [REVISION_ANNOTATION]: newRevision } } });
    }
    if (!alreadyExists2 && hasProgressDeadline(next)) {
      const status = structuredClone(next.status ?? {});
      setCondition(status, newCondition("Progressing", "True", REASON_NEW_RS_CREATED, `Created new replica set "${created.metadata.name}"`, now));
      next = api.updateStatus({ ...next, status });
    }
    return { rs: created, d: next };
  }
  /**
   * scale(): resize for a replicas change. A single active ReplicaSet takes the whole count; a saturated
   * new ReplicaSet lets the old ones go to 0; otherwise (mid-rollout) the difference is spread over the
   * active ReplicaSets in proportion to their size, the leftover going to the largest.
   */
  scale(d, newRS, oldRSs) {
    const replicas = deploymentReplicas(d);
    const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
    if (activeOrLatest) {
      if (rsReplicas(activeOrLatest) === replicas) return;
      this.scaleReplicaSetAndRecordEvent(activeOrLatest, replicas, d);
      return;
    }
    if (isSaturated(d, newRS)) {
      for (const old of filterActive(oldRSs)) this.scaleReplicaSetAndRecordEvent(old, 0, d);
      return;
    }
    if (!isRollingUpdate(d)) return;
    const allRSs = filterActive([...oldRSs, newRS]);
    const allowedSize = replicas > 0 ? replicas + maxSurge(d) : 0;
    const toAdd = allowedSize - sumSpecReplicas(allRSs);
    let operation = "up";
    if (toAdd > 0) allRSs.sort(bySizeNewer);
    else if (toAdd < 0) {
      allRSs.sort(bySizeOlder);
      operation = "down";
    }
    let added = 0;
    const sizes = /* @__PURE__ */ new Map();
    for (const rs of allRSs) {
      if (toAdd !== 0) {
        const proportion = getProportion(rs, d, toAdd, added);
        sizes.set(rs.metadata.name, rsReplicas(rs) + proportion);
        added += proportion;
      } else {
        sizes.set(rs.metadata.name, rsReplicas(rs));
      }
    }
    allRSs.forEach((rs, i) => {
      let size = sizes.get(rs.metadata.name) ?? rsReplicas(rs);
      if (i === 0 && toAdd !== 0) size = Math.max(0, size + (toAdd - added));
      this.scaleReplicaSet(rs, size, d, operation);
    });
  }
  scaleReplicaSetAndRecordEvent(rs, newScale, d) {
    if (rsReplicas(rs) === newScale) return { scaled: false, rs };
    return this.scaleReplicaSet(rs, newScale, d, rsReplicas(rs) < newScale ? "up" : "down");
  }
  /** scaleReplicaSet: writes replicas and the desired/max-replicas annotations, with a ScalingReplicaSet event. */
  scaleReplicaSet(rs0, newScale, d, operation) {
    const rs = this.ctx.api.get("ReplicaSet", rs0.metadata.namespace, rs0.metadata.name) ?? rs0;
    const oldScale = rsReplicas(rs);
    const sizeNeedsUpdate = oldScale !== newScale;
    const desired = String(deploymentReplicas(d));
    const max = String(deploymentReplicas(d) + maxSurge(d));
    const annotations = rs.metadata.annotations ?? {};
    const annotationsNeedUpdate = annotations[DESIRED_REPLICAS_ANNOTATION] !== desired || annotations[MAX_REPLICAS_ANNOTATION] !== max;
    if (!sizeNeedsUpdate && !annotationsNeedUpdate) return { scaled: false, rs };
    const updated = this.ctx.api.update({
      ...rs,
      metadata: { ...rs.metadata, annotations: { ...annotations, [DESIRED_REPLICAS_ANNOTATION]: desired, [MAX_REPLICAS_ANNOTATION]: max } },
      spec: { ...rs.spec, replicas: newScale }
    });
    if (sizeNeedsUpdate) {
      this.record(d, "Normal", "ScalingReplicaSet", `Scaled ${operation} replica set ${rs.metadata.name} from ${oldScale} to ${newScale}`);
    }
    return { scaled: sizeNeedsUpdate, rs: updated };
  }
  /** cleanupDeployment: delete the oldest fully scaled-down ReplicaSets beyond revisionHistoryLimit. */
  cleanupDeployment(oldRSs, d) {
    if (!hasRevisionHistoryLimit(d)) return;
    const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
    const diff = cleanable.length - revisionHistoryLimit(d);
    if (diff <= 0) return;
    cleanable.sort(byRevision);
    for (const rs of cleanable.slice(0, diff)) {
      if ((rs.status?.replicas ?? 0) !== 0 || rsReplicas(rs) !== 0 || (rs.metadata.generation ?? 1) > (rs.status?.observedGeneration ?? 0)) continue;
      try {
        this.ctx.api.delete("ReplicaSet", rs.metadata.namespace, rs.metadata.name);
      } catch (err) {
        if (!(err instanceof ApiError && err.reason === "NotFound")) throw err;
      }
    }
  }
  syncDeploymentStatus(allRSs, newRS, d) {
    const status = this.calculateStatus(allRSs, newRS, d);
    if (isDeepEqual(d.status ?? {}, status)) return;
    this.ctx.api.updateStatus({ ...d, status });
  }
  /** calculateStatus: counts from the ReplicaSets' status, and the Available condition. */
  calculateStatus(allRSs, newRS, d) {
    const available = sumStatus(allRSs, "availableReplicas");
    const unavailable = Math.max(0, sumSpecReplicas(allRSs) - available);
    const status = omitZero({
      observedGeneration: d.metadata.generation ?? 1,
      replicas: sumStatus(allRSs, "replicas"),
      updatedReplicas: sumStatus([newRS], "replicas"),
      readyReplicas: sumStatus(allRSs, "readyReplicas"),
      availableReplicas: available,
      unavailableReplicas: unavailable
    });
    if (d.status?.collisionCount !== void 0) status.collisionCount = d.status.collisionCount;
    if (d.status?.conditions) status.conditions = d.status.conditions.map((c2) => ({ ...c2 }));
    const now = this.ctx.clock.nowRfc3339();
    if (available >= deploymentReplicas(d) - maxUnavailable(d)) {
      setCondition(status, newCondition("Available", "True", REASON_MIN_AVAILABLE, "Deployment has minimum availability.", now));
    } else {
      setCondition(status, newCondition("Available", "False", REASON_MIN_UNAVAILABLE, "Deployment does not have minimum availability.", now));
    }
    return status;
  }
  // ---- progress.go ----
  /**
   * syncRolloutStatus: status plus the Progressing condition (complete, progressing, or timed out after
   * progressDeadlineSeconds without progress) and ReplicaFailure promoted from the ReplicaSets. When
   * nothing changed, asks to be synced again when the deadline would pass (requeueStuckDeployment).
   */
  syncRolloutStatus(allRSs, newRS, d) {
    const now = this.ctx.clock.nowRfc3339();
    const nowMs = this.ctx.clock.now();
    const status = this.calculateStatus(allRSs, newRS, d);
    if (!hasProgressDeadline(d)) removeCondition(status, "Progressing");
    const current = getCondition(d.status, "Progressing");
    const isComplete = status.replicas === status.updatedReplicas && current?.reason === REASON_NEW_RS_AVAILABLE;
    if (hasProgressDeadline(d) && !isComplete) {
      if (deploymentComplete(d, status)) {
        const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has successfully progressed.` : "Deployment has successfully progressed.";
        setCondition(status, newCondition("Progressing", "True", REASON_NEW_RS_AVAILABLE, msg, now));
      } else if (deploymentProgressing(d, status)) {
        const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" is progressing.` : "Deployment is progressing.";
        const cond2 = newCondition("Progressing", "True", REASON_RS_UPDATED, msg, now);
        if (current?.status === "True" && current.lastTransitionTime) cond2.lastTransitionTime = current.lastTransitionTime;
        removeCondition(status, "Progressing");
        setCondition(status, cond2);
      } else if (deploymentTimedOut(d, status, nowMs)) {
        const msg = newRS ? `ReplicaSet "${newRS.metadata.name}" has timed out progressing.` : `Deployment "${d.metadata.name}" has timed out progressing.`;
        setCondition(status, newCondition("Progressing", "False", REASON_TIMED_OUT, msg, now));
      }
    }
    const failure = replicaFailure(allRSs, newRS);
    if (failure) setCondition(status, failure);
    else removeCondition(status, "ReplicaFailure");
    if (isDeepEqual(d.status ?? {}, status)) return this.requeueStuckDeployment(d, status, nowMs);
    this.ctx.api.updateStatus({ ...d, status });
  }
  requeueStuckDeployment(d, status, nowMs) {
    const cond2 = getCondition(d.status, "Progressing");
    if (!hasProgressDeadline(d) || !cond2) return;
    if (deploymentComplete(d, status) || cond2.reason === REASON_TIMED_OUT) return;
    const from = Date.parse(cond2.lastUpdateTime ?? "");
    if (Number.isNaN(from)) return;
    const after = from + progressDeadlineSeconds(d) * 1e3 - nowMs;
    return { requeueAfterMs: after < 1e3 ? Math.max(1, after + 1) : after + 1e3 };
  }
  // ---- rolling.go ----
  rolloutRolling(d0, rsList) {
    const { d, newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(d0, rsList, true);
    if (!newRS) return;
    const allRSs = [...oldRSs, newRS];
    if (this.reconcileNewReplicaSet(allRSs, newRS, d)) return this.syncRolloutStatus(allRSs, newRS, d);
    if (this.reconcileOldReplicaSets(allRSs, filterActive(oldRSs), newRS, d)) return this.syncRolloutStatus(allRSs, newRS, d);
    if (deploymentComplete(d, d.status ?? {})) this.cleanupDeployment(oldRSs, d);
    return this.syncRolloutStatus(allRSs, newRS, d);
  }
  reconcileNewReplicaSet(allRSs, newRS, d) {
    const replicas = deploymentReplicas(d);
    if (rsReplicas(newRS) === replicas) return false;
    if (rsReplicas(newRS) > replicas) return this.scaleReplicaSetAndRecordEvent(newRS, replicas, d).scaled;
    return this.scaleReplicaSetAndRecordEvent(newRS, newRSNewReplicas(d, allRSs, newRS), d).scaled;
  }
  /**
   * reconcileOldReplicaSets: scale old ReplicaSets down as far as availability allows. The room is
   * all pods − minAvailable − the new ReplicaSet's unavailable pods; unhealthy old pods go first.
   */
  reconcileOldReplicaSets(allRSs, oldRSs, newRS, d) {
    if (sumSpecReplicas(oldRSs) === 0) return false;
    const allPods = sumSpecReplicas(allRSs);
    const minAvailable = deploymentReplicas(d) - maxUnavailable(d);
    const newRSUnavailable = rsReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
    const maxScaledDown = allPods - minAvailable - newRSUnavailable;
    if (maxScaledDown <= 0) return false;
    const { oldRSs: cleaned, count: cleanedUp } = this.cleanupUnhealthyReplicas(oldRSs, d, maxScaledDown);
    const scaledDown = this.scaleDownOldReplicaSetsForRollingUpdate([...cleaned, newRS], cleaned, d);
    return cleanedUp + scaledDown > 0;
  }
  /** cleanupUnhealthyReplicas: remove old pods that are not available, oldest ReplicaSet first. */
  cleanupUnhealthyReplicas(oldRSs, d, maxCleanup) {
    const sorted = [...oldRSs].sort(byCreationTimestamp);
    let total = 0;
    for (let i = 0; i < sorted.length; i++) {
      if (total >= maxCleanup) break;
      const rs = sorted[i];
      const replicas = rsReplicas(rs);
      const available = rs.status?.availableReplicas ?? 0;
      if (replicas === 0 || replicas === available) continue;
      const count = Math.min(maxCleanup - total, replicas - available);
      sorted[i] = this.scaleReplicaSetAndRecordEvent(rs, replicas - count, d).rs;
      total += count;
    }
    return { oldRSs: sorted, count: total };
  }
  /** scaleDownOldReplicaSetsForRollingUpdate: shrink old ReplicaSets (oldest first) while available > minAvailable. */
  scaleDownOldReplicaSetsForRollingUpdate(allRSs, oldRSs, d) {
    const minAvailable = deploymentReplicas(d) - maxUnavailable(d);
    const available = sumStatus(allRSs, "availableReplicas");
    if (available <= minAvailable) return 0;
    const sorted = [...oldRSs].sort(byCreationTimestamp);
    const target = available - minAvailable;
    let total = 0;
    for (const rs of sorted) {
      if (total >= target) break;
      if (rsReplicas(rs) === 0) continue;
      const count = Math.min(rsReplicas(rs), target - total);
      this.scaleReplicaSetAndRecordEvent(rs, rsReplicas(rs) - count, d);
      total += count;
    }
    return total;
  }
  // ---- recreate.go ----
  rolloutRecreate(d0, rsList) {
    let { d, newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(d0, rsList, false);
    let allRSs = [...oldRSs, newRS];
    let scaledDown = false;
    for (const rs of filterActive(oldRSs)) if (this.scaleReplicaSetAndRecordEvent(rs, 0, d).scaled) scaledDown = true;
    if (scaledDown) return this.syncRolloutStatus(allRSs, newRS, d);
    if (this.oldPodsRunning(newRS, oldRSs)) return this.syncRolloutStatus(allRSs, newRS, d);
    if (!newRS) {
      ({ d, newRS, oldRSs } = this.getAllReplicaSetsAndSyncRevision(d, rsList, true));
      allRSs = [...oldRSs, newRS];
    }
    if (newRS) this.scaleReplicaSetAndRecordEvent(newRS, deploymentReplicas(d), d);
    if (deploymentComplete(d, d.status ?? {})) this.cleanupDeployment(oldRSs, d);
    return this.syncRolloutStatus(allRSs, newRS, d);
  }
  /** oldPodsRunning: an old ReplicaSet still reports pods, or owns a pod not yet Succeeded/Failed (terminating ones count). */
  oldPodsRunning(newRS, oldRSs) {
    if (sumStatus(oldRSs, "replicas") > 0) return true;
    for (const rs of oldRSs) {
      if (newRS && rs.metadata.uid === newRS.metadata.uid) continue;
      for (const pod of ownedBy(this.ctx.api, "Pod", rs.metadata.uid)) {
        const phase = pod.status?.phase;
        if (phase !== "Failed" && phase !== "Succeeded") return true;
      }
    }
    return false;
  }
  record(d, type, reason, message) {
    this.ctx.events.record(d, type, reason, message, { component: DEPLOYMENT_CONTROLLER_NAME });
  }
};
function findActiveOrLatest(newRS, oldRSs) {
  if (!newRS && oldRSs.length === 0) return void 0;
  const newestFirst = [...oldRSs].sort((a, b) => byCreationTimestamp(b, a));
  const active = filterActive([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : void 0;
}
function replicaFailure(allRSs, newRS) {
  const fromRS = (rs) => {
    const c2 = rs?.status?.conditions?.find((x) => x.type === "ReplicaFailure");
    return c2 ? { type: "ReplicaFailure", status: c2.status, reason: c2.reason, message: c2.message, lastUpdateTime: c2.lastTransitionTime, lastTransitionTime: c2.lastTransitionTime } : void 0;
  };
  const own = fromRS(newRS);
  if (own) return own;
  for (const rs of allRSs) {
    const c2 = fromRS(rs);
    if (c2) return c2;
  }
  return void 0;
}
function setNewReplicaSetAnnotations(d, annotations, newRevision, exists) {
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (SKIPPED_ANNOTATIONS.has(k) || annotations[k] === v) continue;
    annotations[k] = v;
    changed = true;
  }
  const oldRevision = annotations[REVISION_ANNOTATION];
  const oldInt = oldRevision === void 0 ? 0 : Number.parseInt(oldRevision, 10);
  const newInt = Number.parseInt(newRevision, 10);
  if (Number.isNaN(oldInt)) return false;
  if (oldInt < newInt) {
    annotations[REVISION_ANNOTATION] = newRevision;
    changed = true;
    if (oldRevision !== void 0) {
      const history2 = annotations[REVISION_HISTORY_ANNOTATION];
      const next = history2 ? `${history2},${oldRevision}` : oldRevision;
      if (next.length <= MAX_REVISION_HISTORY_CHARS) annotations[REVISION_HISTORY_ANNOTATION] = next;
    }
  }
  if (!exists) {
    const desired = String(deploymentReplicas(d));
    const max = String(deploymentReplicas(d) + maxSurge(d));
    if (annotations[DESIRED_REPLICAS_ANNOTATION] !== desired || annotations[MAX_REPLICAS_ANNOTATION] !== max) {
      annotations[DESIRED_REPLICAS_ANNOTATION] = desired;
      annotations[MAX_REPLICAS_ANNOTATION] = max;
      changed = true;
    }
  }
  return changed;
}
function omitZero(status) {
  const out = {};
  for (const [k, v] of Object.entries(status)) if (v !== 0) out[k] = v;
  return out;
}

// src/engine/controllers/deployment/index.ts
function createDeploymentController(ctx) {
  const syncer = new DeploymentSyncer(ctx);
  const deploymentKeyOf = (obj) => {
    const ref = controllerOf(obj);
    return ref?.kind === "Deployment" ? objectKey(obj.metadata.namespace, ref.name) : void 0;
  };
  const deploymentsMatching = (rs) => {
    const namespace = rs.metadata.namespace ?? "default";
    const keys = [];
    for (const d of ctx.api.peekList("Deployment", { namespace })) {
      const selector = fromLabelSelector(d.spec?.selector);
      if (selector && selector.length > 0 && matchesSelector(selector, rs.metadata.labels)) keys.push(keyOf(d));
    }
    return keys;
  };
  const replicaSetKeys = (event) => {
    const rs = event.object;
    const keys = [];
    const oldKey = event.old ? deploymentKeyOf(event.old) : void 0;
    const key = deploymentKeyOf(rs);
    if (oldKey && oldKey !== key) keys.push(oldKey);
    if (key) keys.push(key);
    else if (event.type !== "DELETED") keys.push(...deploymentsMatching(rs));
    return keys;
  };
  const podKeys = (event) => {
    if (event.type !== "DELETED") return [];
    const ref = controllerOf(event.object);
    if (ref?.kind !== "ReplicaSet") return [];
    const rs = ctx.api.peek("ReplicaSet", event.object.metadata.namespace, ref.name);
    if (!rs) return [];
    const key = deploymentKeyOf(rs);
    if (!key) return [];
    const { namespace, name } = { namespace: rs.metadata.namespace, name: controllerOf(rs).name };
    const d = ctx.api.peek("Deployment", namespace, name);
    return d?.spec?.strategy?.type === "Recreate" ? [key] : [];
  };
  return new Controller(
    {
      name: DEPLOYMENT_CONTROLLER_NAME,
      watches: [
        { kind: "Deployment", keys: (e) => [keyOf(e.object)] },
        { kind: "ReplicaSet", keys: replicaSetKeys },
        { kind: "Pod", keys: podKeys }
      ],
      listKeys: () => ctx.api.peekList("Deployment").map((d) => keyOf(d)),
      sync: (key) => syncer.sync(key)
    },
    ctx
  );
}

// src/engine/controllers/endpointslice/podEndpoints.ts
function isPodReady2(pod) {
  const conditions2 = pod.status?.conditions;
  if (!conditions2) return false;
  for (const c2 of conditions2) if (c2.type === "Ready") return c2.status === "True";
  return false;
}
function podIP(pod) {
  return pod.status?.podIP || pod.status?.podIPs?.[0]?.ip || void 0;
}
function shouldPodBeInEndpoints(pod, includeTerminating) {
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") return false;
  if (!podIP(pod)) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}
function resolveTargetPort(pod, svcPort) {
  const target = svcPort.targetPort ?? svcPort.port;
  if (typeof target === "number") return target;
  const protocol = svcPort.protocol ?? "TCP";
  for (const c2 of pod.spec?.containers ?? []) {
    for (const p of c2.ports ?? []) {
      if (p.name === target && (p.protocol ?? "TCP") === protocol) return p.containerPort;
    }
  }
  return void 0;
}
function hostnameFor(pod, svc) {
  const hostname = pod.spec?.hostname;
  if (hostname && pod.spec?.subdomain === svc.metadata.name && pod.metadata.namespace === svc.metadata.namespace) return hostname;
  return void 0;
}
function podEndpointChanged(old, pod) {
  return podIP(old) !== podIP(pod) || isPodReady2(old) !== isPodReady2(pod) || old.metadata.deletionTimestamp !== pod.metadata.deletionTimestamp || old.spec?.nodeName !== pod.spec?.nodeName || old.status?.phase !== pod.status?.phase || old.spec?.hostname !== pod.spec?.hostname || old.spec?.subdomain !== pod.spec?.subdomain || !sameLabels(old.metadata.labels, pod.metadata.labels);
}
function sameLabels(a, b) {
  if (a === b) return true;
  const ak = Object.keys(a ?? {});
  if (ak.length !== Object.keys(b ?? {}).length) return false;
  for (const k of ak) if (a[k] !== b?.[k]) return false;
  return true;
}

// src/engine/controllers/endpointslice/serviceSelectorIndex.ts
var ServiceSelectorIndex = class {
  constructor(api) {
    this.api = api;
  }
  api;
  /** namespace → service name → selector (only Services that have one). */
  byNamespace = /* @__PURE__ */ new Map();
  /** Rebuilds from a list and returns every Service key (the controller's initial list). */
  relist() {
    this.byNamespace.clear();
    const keys = [];
    for (const svc of this.api.peekList("Service")) {
      this.set(svc);
      keys.push(objectKey(svc.metadata.namespace, svc.metadata.name));
    }
    return keys;
  }
  /** Service watch handler: keeps the index and returns the Service's key. */
  onServiceEvent(ev) {
    if (ev.type === "DELETED") this.remove(ev.object);
    else this.set(ev.object);
    return [objectKey(ev.object.metadata.namespace, ev.object.metadata.name)];
  }
  /** Pod watch handler: the keys of the Services whose endpoints this pod event may change. */
  servicesForPodEvent(ev) {
    const pod = ev.object;
    const old = ev.old;
    if (ev.type === "MODIFIED" && old && !podEndpointChanged(old, pod)) return [];
    const ns = pod.metadata.namespace ?? "default";
    const services = this.byNamespace.get(ns);
    if (!services) return [];
    const out = [];
    for (const [name, selector] of services) {
      if (matchesLabelMap(selector, pod.metadata.labels) || old && matchesLabelMap(selector, old.metadata.labels)) {
        out.push(objectKey(ns, name));
      }
    }
    return out;
  }
  set(svc) {
    const ns = svc.metadata.namespace ?? "default";
    const selector = svc.spec?.selector;
    if (!selector) {
      this.byNamespace.get(ns)?.delete(svc.metadata.name);
      return;
    }
    let services = this.byNamespace.get(ns);
    if (!services) this.byNamespace.set(ns, services = /* @__PURE__ */ new Map());
    services.set(svc.metadata.name, selector);
  }
  remove(svc) {
    this.byNamespace.get(svc.metadata.namespace ?? "default")?.delete(svc.metadata.name);
  }
};

// src/engine/controllers/endpointslice/desiredEndpoints.ts
var ZONE_LABEL = "topology.kubernetes.io/zone";
function portKeyOf(ports) {
  if (!ports || ports.length === 0) return "";
  return [...ports].map((p) => `${p.name ?? ""}/${p.protocol ?? "TCP"}/${p.port ?? ""}`).sort().join(",");
}
function endpointIdentity(ep) {
  return ep.targetRef?.uid ?? ep.addresses[0] ?? "";
}
function podToEndpoint(pod, svc, zoneOf) {
  const publishNotReady = svc.spec?.publishNotReadyAddresses === true;
  const serving = publishNotReady || isPodReady2(pod);
  const terminating = pod.metadata.deletionTimestamp !== void 0;
  const ready = publishNotReady || serving && !terminating;
  const ep = {
    addresses: [podIP(pod)],
    conditions: { ready, serving, terminating }
  };
  const hostname = hostnameFor(pod, svc);
  if (hostname) ep.hostname = hostname;
  const nodeName2 = pod.spec?.nodeName;
  if (nodeName2) {
    ep.nodeName = nodeName2;
    const zone = zoneOf(nodeName2);
    if (zone) ep.zone = zone;
  }
  ep.targetRef = { kind: "Pod", namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
  return ep;
}
function endpointPortsFor(pod, svc) {
  const out = [];
  for (const sp of svc.spec?.ports ?? []) {
    const port = resolveTargetPort(pod, sp);
    if (port === void 0) continue;
    const ep = { name: sp.name ?? "", port, protocol: sp.protocol ?? "TCP" };
    if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
    out.push(ep);
  }
  return out;
}
function desiredPortGroups(svc, pods, zoneOf) {
  const groups = /* @__PURE__ */ new Map();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, true)) continue;
    const ports = endpointPortsFor(pod, svc);
    const portKey2 = portKeyOf(ports);
    let group = groups.get(portKey2);
    if (!group) groups.set(portKey2, group = { portKey: portKey2, ports, endpoints: /* @__PURE__ */ new Map() });
    const ep = podToEndpoint(pod, svc, zoneOf);
    group.endpoints.set(endpointIdentity(ep), ep);
  }
  return groups;
}

// src/engine/controllers/endpointslice/reconcileSlices.ts
var DEFAULT_MAX_ENDPOINTS_PER_SLICE = 100;
function isPlaceholder(slice) {
  return (slice.endpoints?.length ?? 0) === 0 && (slice.ports?.length ?? 0) === 0;
}
function reconcileSlices(desired, existing, desiredLabels, maxPerSlice = DEFAULT_MAX_ENDPOINTS_PER_SLICE) {
  const plan = { create: [], update: [], delete: [] };
  if (desired.size === 0) {
    const keep = existing.find(isPlaceholder) ?? existing[0];
    for (const s2 of existing) if (s2 !== keep) plan.delete.push(s2);
    if (!keep) plan.create.push({ ports: void 0, endpoints: [] });
    else if (!isPlaceholder(keep) || !sameLabels(keep.metadata.labels, { ...keep.metadata.labels, ...desiredLabels })) {
      plan.update.push({ slice: keep, endpoints: [], ports: void 0 });
    }
    return plan;
  }
  const existingByPorts = /* @__PURE__ */ new Map();
  for (const s2 of existing) {
    const key = portKeyOf(s2.ports);
    const list = existingByPorts.get(key);
    if (list) list.push(s2);
    else existingByPorts.set(key, [s2]);
  }
  for (const [portKey2, group] of desired) {
    const remaining = new Map(group.endpoints);
    const kept = [];
    for (const slice of existingByPorts.get(portKey2) ?? []) {
      const endpoints = [];
      for (const ep of slice.endpoints ?? []) {
        const id = endpointIdentity(ep);
        const want = remaining.get(id);
        if (want) {
          endpoints.push(want);
          remaining.delete(id);
        }
      }
      kept.push({ slice, endpoints });
    }
    const fresh = remaining.values();
    let next = fresh.next();
    for (const k of kept) {
      while (!next.done && k.endpoints.length < maxPerSlice) {
        k.endpoints.push(next.value);
        next = fresh.next();
      }
    }
    while (!next.done) {
      const endpoints = [];
      while (!next.done && endpoints.length < maxPerSlice) {
        endpoints.push(next.value);
        next = fresh.next();
      }
      plan.create.push({ ports: group.ports, endpoints });
    }
    for (const k of kept) {
      if (k.endpoints.length === 0) plan.delete.push(k.slice);
      else if (!isDeepEqual(k.endpoints, k.slice.endpoints ?? []) || !isDeepEqual(group.ports, k.slice.ports ?? []) || !sameLabels(k.slice.metadata.labels, { ...k.slice.metadata.labels, ...desiredLabels })) {
        plan.update.push({ slice: k.slice, endpoints: k.endpoints, ports: group.ports });
      }
    }
    existingByPorts.delete(portKey2);
  }
  for (const slices of existingByPorts.values()) plan.delete.push(...slices);
  return plan;
}

// src/engine/controllers/endpointslice/endpointSliceController.ts
var ENDPOINTSLICE_CONTROLLER_NAME = "endpointslice-controller";
var SERVICE_NAME_LABEL = "kubernetes.io/service-name";
var MANAGED_BY_LABEL = "endpointslice.kubernetes.io/managed-by";
var MANAGED_BY_VALUE = "endpointslice-controller.k8s.io";
var HEADLESS_LABEL = "service.kubernetes.io/headless";
function createEndpointSliceController(ctx, opts = {}) {
  const { api } = ctx;
  const maxPerSlice = opts.maxEndpointsPerSlice ?? DEFAULT_MAX_ENDPOINTS_PER_SLICE;
  const services = new ServiceSelectorIndex(api);
  let writing = false;
  function sliceLabels(svc) {
    const labels = { ...svc.metadata.labels, [SERVICE_NAME_LABEL]: svc.metadata.name, [MANAGED_BY_LABEL]: MANAGED_BY_VALUE };
    if (svc.spec?.clusterIP === "None") labels[HEADLESS_LABEL] = "";
    return labels;
  }
  function syncService(key) {
    const { namespace, name } = splitKey(key);
    const svc = api.get("Service", namespace, name);
    if (!svc || !svc.spec?.selector || svc.metadata.deletionTimestamp) return;
    const selector = fromLabelSelector({ matchLabels: svc.spec.selector }) ?? [];
    const pods = api.list("Pod", { namespace, selector });
    const zoneOf = (node) => api.peek("Node", void 0, node)?.metadata.labels?.[ZONE_LABEL];
    const desired = desiredPortGroups(svc, pods, zoneOf);
    const existing = api.list("EndpointSlice", {
      namespace,
      selector: [
        { key: SERVICE_NAME_LABEL, operator: "In", values: [name] },
        { key: MANAGED_BY_LABEL, operator: "In", values: [MANAGED_BY_VALUE] }
      ]
    });
    const labels = sliceLabels(svc);
    const plan = reconcileSlices(desired, existing, labels, maxPerSlice);
    writing = true;
    try {
      applyPlan(plan, svc, labels);
    } finally {
      writing = false;
    }
  }
  function applyPlan(plan, svc, labels) {
    const namespace = svc.metadata.namespace;
    const name = svc.metadata.name;
    for (const s2 of plan.update) {
      const next = { ...s2.slice, metadata: { ...s2.slice.metadata, labels: { ...s2.slice.metadata.labels, ...labels } }, endpoints: s2.endpoints };
      if (s2.ports) next.ports = s2.ports;
      else delete next.ports;
      api.update(next);
    }
    for (const c2 of plan.create) {
      const slice = {
        apiVersion: "discovery.k8s.io/v1",
        kind: "EndpointSlice",
        metadata: { generateName: `${name}-`, namespace, labels, ownerReferences: [ownerReferenceTo(svc)] },
        addressType: "IPv4",
        endpoints: c2.endpoints,
        ...c2.ports ? { ports: c2.ports } : {}
      };
      api.create(slice);
    }
    for (const s2 of plan.delete) {
      api.delete("EndpointSlice", namespace, s2.metadata.name);
    }
  }
  return new Controller(
    {
      name: ENDPOINTSLICE_CONTROLLER_NAME,
      watches: [
        { kind: "Service", keys: (ev) => services.onServiceEvent(ev) },
        { kind: "Pod", keys: (ev) => services.servicesForPodEvent(ev) },
        {
          kind: "EndpointSlice",
          keys: (ev) => {
            if (writing) return [];
            const slice = ev.object;
            const labels = slice.metadata.labels;
            if (labels?.[MANAGED_BY_LABEL] !== MANAGED_BY_VALUE || !labels[SERVICE_NAME_LABEL]) return [];
            return [objectKey(slice.metadata.namespace, labels[SERVICE_NAME_LABEL])];
          }
        }
      ],
      listKeys: () => services.relist(),
      sync: (key) => syncService(key)
    },
    ctx
  );
}

// src/engine/controllers/endpoints/subsets.ts
function portKey(p) {
  return `${p.name ?? ""}/${p.port}/${p.protocol ?? "TCP"}`;
}
function endpointSubsetsFor(svc, pods) {
  const tolerateUnready = svc.spec?.publishNotReadyAddresses === true;
  const entries = [];
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, tolerateUnready)) continue;
    const address = { ip: podIP(pod) };
    const hostname = hostnameFor(pod, svc);
    if (hostname) address.hostname = hostname;
    if (pod.spec?.nodeName) address.nodeName = pod.spec.nodeName;
    address.targetRef = { kind: "Pod", namespace: pod.metadata.namespace, name: pod.metadata.name, uid: pod.metadata.uid };
    const ports = [];
    for (const sp of svc.spec?.ports ?? []) {
      const port = resolveTargetPort(pod, sp);
      if (port === void 0) continue;
      const ep = { port, protocol: sp.protocol ?? "TCP" };
      if (sp.name) ep.name = sp.name;
      if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
      ports.push(ep);
    }
    if (ports.length === 0 && (svc.spec?.ports?.length ?? 0) > 0) continue;
    entries.push({ address, ready: tolerateUnready || isPodReady2(pod), ports });
  }
  return repack(entries);
}
function repack(entries) {
  const groups = /* @__PURE__ */ new Map();
  for (const e of entries) {
    const ports = [...e.ports].sort((a, b) => portKey(a).localeCompare(portKey(b)));
    const key = ports.map(portKey).join(",");
    let g = groups.get(key);
    if (!g) groups.set(key, g = { ports, ready: [], notReady: [] });
    (e.ready ? g.ready : g.notReady).push(e.address);
  }
  const byIp = (a, b) => compareIp(a.ip, b.ip) || (a.targetRef?.uid ?? "").localeCompare(b.targetRef?.uid ?? "");
  const subsets = [];
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key);
    const subset = {};
    if (g.ready.length > 0) subset.addresses = g.ready.sort(byIp);
    if (g.notReady.length > 0) subset.notReadyAddresses = g.notReady.sort(byIp);
    if (g.ports.length > 0) subset.ports = g.ports;
    subsets.push(subset);
  }
  return subsets;
}
function compareIp(a, b) {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.localeCompare(b);
}

// src/engine/controllers/endpoints/endpointsController.ts
var ENDPOINTS_CONTROLLER_NAME = "endpoints-controller";
var HEADLESS_LABEL2 = "service.kubernetes.io/headless";
var TRIGGER_TIME_ANNOTATION = "endpoints.kubernetes.io/last-change-trigger-time";
function createEndpointsController(ctx) {
  const { api } = ctx;
  const services = new ServiceSelectorIndex(api);
  let writing = false;
  function syncService(key) {
    const { namespace, name } = splitKey(key);
    const svc = api.get("Service", namespace, name);
    const current = api.get("Endpoints", namespace, name);
    if (!svc) {
      if (current?.metadata.annotations?.[TRIGGER_TIME_ANNOTATION] !== void 0) write(() => api.delete("Endpoints", namespace, name));
      return;
    }
    if (!svc.spec?.selector || svc.metadata.deletionTimestamp) return;
    const selector = fromLabelSelector({ matchLabels: svc.spec.selector }) ?? [];
    const pods = api.list("Pod", { namespace, selector });
    const subsets = endpointSubsetsFor(svc, pods);
    const labels = { ...svc.metadata.labels };
    if (svc.spec.clusterIP === "None") labels[HEADLESS_LABEL2] = "";
    if (current && isDeepEqual(current.subsets ?? [], subsets) && sameLabels(current.metadata.labels, labels)) return;
    const next = {
      apiVersion: "v1",
      kind: "Endpoints",
      metadata: {
        ...current ? current.metadata : { name, namespace },
        labels,
        // Marks the object as this controller's (checkLeftoverEndpoints relies on it) and says when it changed.
        annotations: { ...current?.metadata.annotations, [TRIGGER_TIME_ANNOTATION]: ctx.clock.nowRfc3339() }
      },
      ...subsets.length > 0 ? { subsets } : {}
    };
    if (Object.keys(labels).length === 0) delete next.metadata.labels;
    write(() => current ? api.update(next) : api.create(next));
  }
  function write(fn) {
    writing = true;
    try {
      fn();
    } finally {
      writing = false;
    }
  }
  return new Controller(
    {
      name: ENDPOINTS_CONTROLLER_NAME,
      watches: [
        { kind: "Service", keys: (ev) => services.onServiceEvent(ev) },
        { kind: "Pod", keys: (ev) => services.servicesForPodEvent(ev) },
        {
          // An Endpoints object someone deleted is made again (the controller's onEndpointsDelete).
          kind: "Endpoints",
          keys: (ev) => writing || ev.type !== "DELETED" ? [] : [objectKey(ev.object.metadata.namespace, ev.object.metadata.name)]
        }
      ],
      listKeys: () => services.relist(),
      sync: (key) => syncService(key)
    },
    ctx
  );
}

// src/engine/controllers/endpoints/apiserverEndpointReconciler.ts
var APISERVER_ENDPOINT_RECONCILER_NAME = "apiserver-endpoint-reconciler";
var KEY = "default/kubernetes";
var SECURE_PORT = 6443;
var RECONCILE_INTERVAL_MS = 1e4;
var CONTROL_PLANE_LABEL = "node-role.kubernetes.io/control-plane";
function apiserverAddresses(nodes) {
  const ips = [];
  for (const n of nodes) {
    if (n.metadata?.labels?.[CONTROL_PLANE_LABEL] === void 0) continue;
    const ip = n.status?.addresses?.find((a) => a.type === "InternalIP")?.address;
    if (ip) ips.push(ip);
  }
  return ips.sort();
}
function createApiServerEndpointReconciler(ctx) {
  const { api } = ctx;
  function reconcile() {
    if (!api.get("Service", "default", "kubernetes")) return;
    const ips = apiserverAddresses(api.list("Node"));
    if (ips.length === 0) return;
    const port = { name: "https", port: SECURE_PORT, protocol: "TCP" };
    const endpoints = {
      apiVersion: "v1",
      kind: "Endpoints",
      metadata: { name: "kubernetes", namespace: "default", labels: { "endpointslice.kubernetes.io/skip-mirror": "true" } },
      subsets: [{ addresses: ips.map((ip) => ({ ip })), ports: [port] }]
    };
    const currentEp = api.get("Endpoints", "default", "kubernetes");
    if (!currentEp) api.create(endpoints);
    else if (!isDeepEqual(currentEp.subsets, endpoints.subsets) || !isDeepEqual(currentEp.metadata.labels, endpoints.metadata.labels)) {
      api.update({ ...currentEp, metadata: { ...currentEp.metadata, labels: endpoints.metadata.labels }, subsets: endpoints.subsets });
    }
    const slice = {
      apiVersion: "discovery.k8s.io/v1",
      kind: "EndpointSlice",
      metadata: { name: "kubernetes", namespace: "default", labels: { "kubernetes.io/service-name": "kubernetes" } },
      addressType: "IPv4",
      endpoints: ips.map((ip) => ({ addresses: [ip], conditions: { ready: true } })),
      ports: [port]
    };
    const currentSlice = api.get("EndpointSlice", "default", "kubernetes");
    if (!currentSlice) api.create(slice);
    else if (!isDeepEqual(currentSlice.endpoints, slice.endpoints) || !isDeepEqual(currentSlice.ports, slice.ports)) {
      api.update({ ...currentSlice, endpoints: slice.endpoints, ports: slice.ports });
    }
  }
  const isOurs = (ev) => ev.object.metadata.namespace === "default" && ev.object.metadata.name === "kubernetes" ? [KEY] : [];
  return new Controller(
    {
      name: APISERVER_ENDPOINT_RECONCILER_NAME,
      watches: [
        { kind: "Node", keys: (ev) => controlPlaneAddressesChanged(ev.old, ev.object) ? [KEY] : [] },
        { kind: "Endpoints", keys: isOurs },
        { kind: "EndpointSlice", keys: isOurs },
        { kind: "Service", keys: isOurs }
      ],
      listKeys: () => [KEY],
      sync: () => reconcile(),
      resyncPeriodMs: RECONCILE_INTERVAL_MS
    },
    ctx
  );
}
function controlPlaneAddressesChanged(old, node) {
  if (node.metadata?.labels?.[CONTROL_PLANE_LABEL] === void 0) return false;
  if (!old) return true;
  return old.status?.addresses !== node.status?.addresses && !isDeepEqual(old.status?.addresses, node.status?.addresses);
}

// src/engine/controllers/nodelifecycle/nodeHealth.ts
var NODE_MONITOR_PERIOD_MS = 5e3;
var NODE_MONITOR_GRACE_PERIOD_MS = 5e4;
var NODE_STARTUP_GRACE_PERIOD_MS = 6e4;
var KUBELET_CONDITION_TYPES = ["Ready", "MemoryPressure", "DiskPressure", "PIDPressure"];
function findCondition(node, type) {
  for (const c2 of node.status?.conditions ?? []) if (c2.type === type) return c2;
  return void 0;
}
function parseTime2(t) {
  if (!t) return void 0;
  const ms = Date.parse(t);
  return Number.isNaN(ms) ? void 0 : ms;
}
function aliveAt(heartbeat, now) {
  return heartbeat === void 0 ? now : Math.min(heartbeat, now);
}
function checkNodeHealth(node, saved, lease, nowMs, nowRfc3339) {
  const currentReady = findCondition(node, "Ready");
  let gracePeriod = NODE_MONITOR_GRACE_PERIOD_MS;
  let observedReady;
  let health;
  if (!currentReady) {
    observedReady = { type: "Ready", status: "Unknown", lastHeartbeatTime: node.metadata?.creationTimestamp, lastTransitionTime: node.metadata?.creationTimestamp };
    gracePeriod = NODE_STARTUP_GRACE_PERIOD_MS;
    const created = parseTime2(node.metadata?.creationTimestamp) ?? nowMs;
    health = saved ? { ...saved, savedReady: void 0 } : { savedReady: void 0, savedLeaseRenew: void 0, probeTimestamp: created, readyTransitionTimestamp: created };
  } else {
    observedReady = currentReady;
    if (!saved || !saved.savedReady) {
      health = { savedReady: currentReady, savedLeaseRenew: saved?.savedLeaseRenew, probeTimestamp: nowMs, readyTransitionTimestamp: nowMs };
    } else if (saved.savedReady.lastHeartbeatTime !== currentReady.lastHeartbeatTime) {
      const transitioned = saved.savedReady.lastTransitionTime !== currentReady.lastTransitionTime;
      health = {
        savedReady: currentReady,
        savedLeaseRenew: saved.savedLeaseRenew,
        probeTimestamp: aliveAt(parseTime2(currentReady.lastHeartbeatTime), nowMs),
        readyTransitionTimestamp: transitioned ? nowMs : saved.readyTransitionTimestamp
      };
    } else {
      health = saved;
    }
  }
  const renewText = lease?.spec?.renewTime;
  const renew = renewText === void 0 || renewText === health.savedLeaseRenewText ? void 0 : parseTime2(renewText);
  if (renew !== void 0 && (health.savedLeaseRenew === void 0 || renew > health.savedLeaseRenew)) {
    const firstSight = health.savedLeaseRenew === void 0;
    health.savedLeaseRenew = renew;
    health.savedLeaseRenewText = renewText;
    health.probeTimestamp = Math.max(health.probeTimestamp, firstSight ? nowMs : aliveAt(renew, nowMs));
  }
  if (!(nowMs > health.probeTimestamp + gracePeriod)) {
    return { health, observedReady, currentReady, conditionsToWrite: void 0 };
  }
  const conditions2 = (node.status?.conditions ?? []).map((c2) => ({ ...c2 }));
  for (const type of KUBELET_CONDITION_TYPES) {
    const c2 = conditions2.find((x) => x.type === type);
    if (!c2) {
      conditions2.push({
        type,
        status: "Unknown",
        reason: "NodeStatusNeverUpdated",
        message: "Kubelet never posted node status.",
        lastHeartbeatTime: node.metadata?.creationTimestamp,
        lastTransitionTime: nowRfc3339
      });
    } else if (c2.status !== "Unknown") {
      c2.status = "Unknown";
      c2.reason = "NodeStatusUnknown";
      c2.message = "Kubelet stopped posting node status.";
      c2.lastTransitionTime = nowRfc3339;
    }
  }
  const newReady = conditions2.find((c2) => c2.type === "Ready");
  const changed = !currentReady || currentReady.status !== newReady.status || currentReady.reason !== newReady.reason;
  if (!changed) return { health, observedReady, currentReady, conditionsToWrite: void 0 };
  health.savedReady = newReady;
  health.readyTransitionTimestamp = nowMs;
  return { health, observedReady, currentReady: newReady, conditionsToWrite: conditions2 };
}

// src/engine/controllers/nodelifecycle/taints.ts
var UNREACHABLE_TAINT_KEY = "node.kubernetes.io/unreachable";
var NOT_READY_TAINT_KEY = "node.kubernetes.io/not-ready";
var UNSCHEDULABLE_TAINT_KEY = "node.kubernetes.io/unschedulable";
var UNREACHABLE_NO_EXECUTE = { key: UNREACHABLE_TAINT_KEY, effect: "NoExecute" };
var NOT_READY_NO_EXECUTE = { key: NOT_READY_TAINT_KEY, effect: "NoExecute" };
var CONDITION_TAINTS = {
  Ready: { False: NOT_READY_TAINT_KEY, Unknown: UNREACHABLE_TAINT_KEY },
  MemoryPressure: { True: "node.kubernetes.io/memory-pressure" },
  DiskPressure: { True: "node.kubernetes.io/disk-pressure" },
  NetworkUnavailable: { True: "node.kubernetes.io/network-unavailable" },
  PIDPressure: { True: "node.kubernetes.io/pid-pressure" }
};
var CONDITION_TAINT_KEYS = /* @__PURE__ */ new Set([...Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m)), UNSCHEDULABLE_TAINT_KEY]);
function sameTaint(a, b) {
  return a.key === b.key && a.effect === b.effect;
}
function hasTaint(node, taint) {
  return (node.spec?.taints ?? []).some((t) => sameTaint(t, taint));
}
function desiredConditionTaints(node) {
  const out = [];
  for (const c2 of node.status?.conditions ?? []) {
    const key = CONDITION_TAINTS[c2.type]?.[c2.status];
    if (key) out.push({ key, effect: "NoSchedule" });
  }
  if (node.spec?.unschedulable) out.push({ key: UNSCHEDULABLE_TAINT_KEY, effect: "NoSchedule" });
  return out;
}
function swapTaints(node, add, remove, nowRfc3339) {
  const current = node.spec?.taints ?? [];
  const kept = current.filter((t) => !remove.some((r2) => sameTaint(r2, t)));
  const toAdd = add.filter((a) => !kept.some((t) => sameTaint(t, a)));
  if (kept.length === current.length && toAdd.length === 0) return void 0;
  return [...kept, ...toAdd.map((t) => ({ ...t, timeAdded: nowRfc3339 }))];
}
function noScheduleTaintChanges(node) {
  const desired = desiredConditionTaints(node);
  const current = (node.spec?.taints ?? []).filter((t) => t.effect === "NoSchedule" && CONDITION_TAINT_KEYS.has(t.key));
  return {
    add: desired.filter((d) => !current.some((t) => sameTaint(t, d))),
    remove: current.filter((t) => !desired.some((d) => sameTaint(t, d)))
  };
}

// src/engine/controllers/nodelifecycle/zoneEviction.ts
var NODE_EVICTION_RATE = 0.1;
var SECONDARY_NODE_EVICTION_RATE = 0.01;
var UNHEALTHY_ZONE_THRESHOLD = 0.55;
var LARGE_CLUSTER_SIZE_THRESHOLD = 50;
function computeZoneState(readyStatuses) {
  let ready = 0;
  let notReady = 0;
  for (const s2 of readyStatuses) {
    if (s2 === "True") ready++;
    else notReady++;
  }
  if (ready === 0 && notReady > 0) return { notReady, state: "FullDisruption" };
  if (notReady > 2 && notReady / (notReady + ready) >= UNHEALTHY_ZONE_THRESHOLD) return { notReady, state: "PartialDisruption" };
  return { notReady, state: "Normal" };
}
function evictionRateFor(state, zoneSize) {
  switch (state) {
    case "PartialDisruption":
      return zoneSize > LARGE_CLUSTER_SIZE_THRESHOLD ? SECONDARY_NODE_EVICTION_RATE : 0;
    default:
      return NODE_EVICTION_RATE;
  }
}
var TokenBucket = class {
  constructor(qps, nowMs, burst = 1) {
    this.qps = qps;
    this.burst = burst;
    this.tokens = burst;
    this.last = nowMs;
  }
  qps;
  burst;
  tokens;
  last;
  tryAccept(nowMs) {
    if (this.qps <= 0) return false;
    this.tokens = Math.min(this.burst, this.tokens + (nowMs - this.last) / 1e3 * this.qps);
    this.last = nowMs;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
};
var ZoneTaintQueue = class {
  queue = /* @__PURE__ */ new Set();
  limiter;
  constructor(qps, nowMs) {
    this.limiter = new TokenBucket(qps, nowMs);
  }
  /** SwapLimiter: a new rate (a fresh bucket), unless it is the same rate. */
  setRate(qps, nowMs) {
    if (this.limiter.qps !== qps) this.limiter = new TokenBucket(qps, nowMs);
  }
  add(node) {
    if (this.queue.has(node)) return false;
    this.queue.add(node);
    return true;
  }
  remove(node) {
    this.queue.delete(node);
  }
  has(node) {
    return this.queue.has(node);
  }
  get size() {
    return this.queue.size;
  }
  /** Hands out nodes while the rate allows; `process` returns false to keep a node queued for a retry. */
  drain(nowMs, process2) {
    for (const node of [...this.queue]) {
      if (!this.limiter.tryAccept(nowMs)) return;
      this.queue.delete(node);
      if (!process2(node)) this.queue.add(node);
    }
  }
};

// src/engine/controllers/nodelifecycle/nodeLifecycleController.ts
var NODE_LIFECYCLE_CONTROLLER_NAME = "node-lifecycle-controller";
var EVENT_SOURCE = { component: "node-controller" };
var MONITOR_KEY = "monitor:all-nodes";
var NO_SCHEDULE_PREFIX = "noschedule:";
var NODE_LEASE_NAMESPACE = "kube-node-lease";
function zoneKeyOf(node) {
  const labels = node.metadata?.labels ?? {};
  const region = labels["topology.kubernetes.io/region"] ?? labels["failure-domain.beta.kubernetes.io/region"] ?? "";
  const zone = labels["topology.kubernetes.io/zone"] ?? labels["failure-domain.beta.kubernetes.io/zone"] ?? "";
  return region === "" && zone === "" ? "" : `${region}:\0:${zone}`;
}
function conditionTaintInputsChanged(old, node) {
  if (old.spec?.unschedulable !== node.spec?.unschedulable || old.spec?.taints !== node.spec?.taints) return true;
  const a = old.status?.conditions ?? [];
  const b = node.status?.conditions ?? [];
  if (a === b) return false;
  if (a.length !== b.length) return true;
  for (let i = 0; i < a.length; i++) if (a[i].type !== b[i].type || a[i].status !== b[i].status) return true;
  return false;
}
function createNodeLifecycleController(ctx, podsByNode) {
  const { api, clock, events } = ctx;
  let health = /* @__PURE__ */ new Map();
  let known = /* @__PURE__ */ new Map();
  let zoneStates = /* @__PURE__ */ new Map();
  let zoneQueues = /* @__PURE__ */ new Map();
  let lastPassAt;
  function recordNodeEvent(name, uid, type, reason, message) {
    events.record({ apiVersion: "v1", kind: "Node", metadata: { name, uid } }, type, reason, message, EVENT_SOURCE);
  }
  function zoneQueue(node) {
    const zone = zoneKeyOf(node);
    let q = zoneQueues.get(zone);
    if (!q) {
      zoneQueues.set(zone, q = new ZoneTaintQueue(NODE_EVICTION_RATE, clock.now()));
      zoneStates.set(zone, "Initial");
    }
    return q;
  }
  function writeTaints(node, add, remove) {
    const taints = swapTaints(node, add, remove, clock.nowRfc3339());
    if (!taints) return node;
    const spec = { ...node.spec };
    if (taints.length > 0) spec.taints = taints;
    else delete spec.taints;
    return api.update({ ...node, spec });
  }
  function markNodeAsReachable(node) {
    zoneQueue(node).remove(node.metadata.name);
    if (!node.spec?.taints?.some((t) => t.effect === "NoExecute")) return node;
    return writeTaints(node, [], [UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE]);
  }
  function processTaintBaseEviction(node, observedReady) {
    switch (observedReady) {
      case "False":
        if (hasTaint(node, UNREACHABLE_NO_EXECUTE)) writeTaints(node, [NOT_READY_NO_EXECUTE], [UNREACHABLE_NO_EXECUTE]);
        else if (!hasTaint(node, NOT_READY_NO_EXECUTE)) zoneQueue(node).add(node.metadata.name);
        break;
      case "Unknown":
        if (hasTaint(node, NOT_READY_NO_EXECUTE)) writeTaints(node, [UNREACHABLE_NO_EXECUTE], [NOT_READY_NO_EXECUTE]);
        else if (!hasTaint(node, UNREACHABLE_NO_EXECUTE)) zoneQueue(node).add(node.metadata.name);
        break;
      case "True":
        markNodeAsReachable(node);
        break;
    }
  }
  function markPodsNotReady(nodeName2) {
    const now = clock.nowRfc3339();
    for (const pod of podsByNode.podsOn(nodeName2)) {
      const conditions2 = pod.status?.conditions;
      const ready = conditions2?.find((c2) => c2.type === "Ready");
      if (!conditions2 || !ready || ready.status === "False") continue;
      const next = conditions2.map((c2) => c2 === ready ? { ...c2, status: "False", lastTransitionTime: now } : c2);
      api.updateStatus({ ...pod, status: { ...pod.status, conditions: next } });
      events.record(pod, "Warning", "NodeNotReady", "Node is not ready", EVENT_SOURCE);
    }
  }
  function noExecuteTaintingPass() {
    const now = clock.now();
    for (const queue of zoneQueues.values()) {
      queue.drain(now, (name) => {
        const node = api.get("Node", void 0, name);
        if (!node) return true;
        const ready = findCondition(node, "Ready");
        if (ready?.status === "False") writeTaints(node, [NOT_READY_NO_EXECUTE], [UNREACHABLE_NO_EXECUTE]);
        else if (ready?.status === "Unknown") writeTaints(node, [UNREACHABLE_NO_EXECUTE], [NOT_READY_NO_EXECUTE]);
        return true;
      });
    }
  }
  function handleDisruption(zoneReady, nodes) {
    const newStates = /* @__PURE__ */ new Map();
    let allAreFullyDisrupted = true;
    for (const [zone, statuses] of zoneReady) {
      const { state } = computeZoneState(statuses);
      if (state !== "FullDisruption") allAreFullyDisrupted = false;
      newStates.set(zone, state);
      if (!zoneStates.has(zone)) zoneStates.set(zone, "Initial");
    }
    let allWasFullyDisrupted = true;
    for (const [zone, state] of [...zoneStates]) {
      if (!zoneReady.has(zone)) {
        zoneStates.delete(zone);
        continue;
      }
      if (state !== "FullDisruption") {
        allWasFullyDisrupted = false;
        break;
      }
    }
    if (!allAreFullyDisrupted || !allWasFullyDisrupted) {
      if (allAreFullyDisrupted) {
        for (const node of nodes) {
          const current = api.peek("Node", void 0, node.metadata.name);
          if (current) markNodeAsReachable(current);
        }
        for (const q of zoneQueues.values()) q.setRate(0, clock.now());
        for (const zone of zoneStates.keys()) zoneStates.set(zone, "FullDisruption");
        return;
      }
      if (allWasFullyDisrupted) {
        const now = clock.now();
        for (const h of health.values()) {
          h.probeTimestamp = now;
          h.readyTransitionTimestamp = now;
        }
        for (const zone of zoneStates.keys()) {
          const state = newStates.get(zone) ?? "Normal";
          zoneQueues.get(zone)?.setRate(evictionRateFor(state, zoneReady.get(zone)?.length ?? 0), now);
          zoneStates.set(zone, state);
        }
        return;
      }
    }
    for (const [zone, state] of zoneStates) {
      const next = newStates.get(zone);
      if (!next || next === state) continue;
      zoneQueues.get(zone)?.setRate(evictionRateFor(next, zoneReady.get(zone)?.length ?? 0), clock.now());
      zoneStates.set(zone, next);
    }
  }
  function monitorNodeHealth() {
    const now = clock.now();
    if (lastPassAt !== void 0 && now - lastPassAt > 2 * NODE_MONITOR_PERIOD_MS) {
      health = /* @__PURE__ */ new Map();
      known = /* @__PURE__ */ new Map();
      zoneStates = /* @__PURE__ */ new Map();
      zoneQueues = /* @__PURE__ */ new Map();
    }
    lastPassAt = now;
    const nodes = api.list("Node");
    const present = /* @__PURE__ */ new Set();
    const rewritten = /* @__PURE__ */ new Set();
    for (const node of nodes) {
      present.add(node.metadata.name);
      if (known.has(node.metadata.name)) continue;
      rewritten.add(node.metadata.name);
      recordNodeEvent(node.metadata.name, node.metadata.uid, "Normal", "RegisteredNode", `Node ${node.metadata.name} event: Registered Node ${node.metadata.name} in Controller`);
      known.set(node.metadata.name, node.metadata.uid);
      markNodeAsReachable(node);
    }
    for (const [name, uid] of [...known]) {
      if (present.has(name)) continue;
      recordNodeEvent(name, uid, "Normal", "RemovingNode", `Node ${name} event: Removing Node ${name} from Controller`);
      known.delete(name);
      health.delete(name);
      for (const q of zoneQueues.values()) q.remove(name);
    }
    const nowRfc = clock.nowRfc3339();
    const zoneReady = /* @__PURE__ */ new Map();
    for (const listed of nodes) {
      const name = listed.metadata.name;
      let node = rewritten.has(name) ? api.peek("Node", void 0, name) ?? listed : listed;
      const lease = api.peek("Lease", NODE_LEASE_NAMESPACE, name);
      const check2 = checkNodeHealth(node, health.get(name), lease, now, nowRfc);
      health.set(name, check2.health);
      if (check2.conditionsToWrite) {
        node = api.updateStatus({ ...node, status: { ...node.status, conditions: check2.conditionsToWrite } });
        if (ctx.cues.hasListeners) ctx.cues.emit({ type: "node-condition", node: name, ready: "Unknown" });
      }
      if (node.metadata.labels?.["node.kubernetes.io/exclude-disruption"] === void 0) {
        const zone = zoneKeyOf(node);
        const list = zoneReady.get(zone);
        if (list) list.push(check2.currentReady?.status);
        else zoneReady.set(zone, [check2.currentReady?.status]);
      }
      if (!check2.currentReady) continue;
      processTaintBaseEviction(node, check2.observedReady.status);
      if (check2.currentReady.status !== "True" && check2.observedReady.status === "True") {
        recordNodeEvent(name, node.metadata.uid, "Normal", "NodeNotReady", `Node ${name} status is now: NodeNotReady`);
        markPodsNotReady(name);
      }
    }
    handleDisruption(zoneReady, nodes);
    noExecuteTaintingPass();
  }
  function syncNoScheduleTaints(name) {
    const node = api.get("Node", void 0, name);
    if (!node) return;
    const { add, remove } = noScheduleTaintChanges(node);
    if (add.length > 0 || remove.length > 0) writeTaints(node, add, remove);
  }
  const controller = new Controller(
    {
      name: NODE_LIFECYCLE_CONTROLLER_NAME,
      watches: [
        {
          kind: "Node",
          keys: (ev) => {
            if (ev.type === "DELETED") return [];
            const node = ev.object;
            const old = ev.old;
            if (ev.type === "MODIFIED" && old && !conditionTaintInputsChanged(old, node)) return [];
            return [NO_SCHEDULE_PREFIX + ev.object.metadata.name];
          }
        }
      ],
      listKeys: function* () {
        yield MONITOR_KEY;
        if (lastPassAt === void 0 || clock.now() - lastPassAt > 2 * NODE_MONITOR_PERIOD_MS) {
          for (const node of api.peekList("Node")) yield NO_SCHEDULE_PREFIX + node.metadata.name;
        }
      },
      sync: (key) => {
        if (key === MONITOR_KEY) monitorNodeHealth();
        else if (key.startsWith(NO_SCHEDULE_PREFIX)) syncNoScheduleTaints(key.slice(NO_SCHEDULE_PREFIX.length));
      },
      resyncPeriodMs: NODE_MONITOR_PERIOD_MS
    },
    ctx
  );
  return Object.defineProperty(controller, "zoneStates", { get: () => zoneStates });
}

// src/engine/controllers/nodelifecycle/podsByNodeIndex.ts
var PodsByNodeIndex = class {
  constructor(api) {
    this.api = api;
    for (const pod of api.peekList("Pod")) this.add(pod);
    this.unwatch = api.watch("Pod", (ev) => {
      const before2 = ev.old?.spec?.nodeName;
      const after = ev.type === "DELETED" ? void 0 : ev.object.spec?.nodeName;
      if (ev.type === "MODIFIED" && before2 === after) return;
      if (ev.old) this.removeFrom(before2, ev.old);
      if (ev.type !== "DELETED") this.add(ev.object);
      else this.removeFrom(ev.object.spec?.nodeName, ev.object);
    });
  }
  api;
  byNode = /* @__PURE__ */ new Map();
  unwatch;
  /** The node names that have at least one pod bound to them. */
  nodeNames() {
    return this.byNode.keys();
  }
  /** The pods bound to `nodeName`, read from the store. */
  podsOn(nodeName2) {
    const keys = this.byNode.get(nodeName2);
    if (!keys) return [];
    const out = [];
    for (const key of keys) {
      const { namespace, name } = splitKey(key);
      const pod = this.api.peek("Pod", namespace, name);
      if (pod) out.push(pod);
    }
    return out;
  }
  dispose() {
    this.unwatch();
  }
  add(pod) {
    const node = pod.spec?.nodeName;
    if (!node) return;
    let set = this.byNode.get(node);
    if (!set) this.byNode.set(node, set = /* @__PURE__ */ new Set());
    set.add(objectKey(pod.metadata.namespace, pod.metadata.name));
  }
  removeFrom(node, pod) {
    if (!node) return;
    const set = this.byNode.get(node);
    if (!set) return;
    set.delete(objectKey(pod.metadata.namespace, pod.metadata.name));
    if (set.size === 0) this.byNode.delete(node);
  }
};

// src/engine/controllers/nodelifecycle/tainteviction/tolerations.ts
function toleratesTaint(t, taint) {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (!t.key && t.operator !== "Exists") return false;
  switch (t.operator ?? "Equal") {
    case "Exists":
      return true;
    case "Equal":
      return (t.value ?? "") === (taint.value ?? "");
    default:
      return false;
  }
}
function matchingTolerations(taints, tolerations) {
  const used = [];
  for (const taint of taints) {
    const t = tolerations.find((tol) => toleratesTaint(tol, taint));
    if (!t) return { allTolerated: false, used: [] };
    used.push(t);
  }
  return { allTolerated: true, used };
}
function minTolerationMs(used) {
  if (used.length === 0) return 0;
  let min = Number.POSITIVE_INFINITY;
  for (const t of used) {
    if (t.tolerationSeconds === void 0 || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Number.POSITIVE_INFINITY ? -1 : min * 1e3;
}

// src/engine/controllers/nodelifecycle/tainteviction/taintEvictionController.ts
var TAINT_EVICTION_CONTROLLER_NAME = "taint-eviction-controller";
var EVENT_SOURCE2 = { component: TAINT_EVICTION_CONTROLLER_NAME };
var POD_PREFIX = "pod:";
var NODE_PREFIX = "node:";
function noExecuteTaints(node) {
  return (node?.spec?.taints ?? []).filter((t) => t.effect === "NoExecute");
}
function createTaintEvictionController(ctx, podsByNode) {
  const { api, clock, events } = ctx;
  let scheduled = /* @__PURE__ */ new Map();
  function podRef(podKey) {
    const { namespace, name } = splitKey(podKey);
    return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace } };
  }
  function cancelWithEvent(podKey) {
    if (!scheduled.delete(podKey)) return;
    events.record(podRef(podKey), "Normal", "TaintManagerEviction", `Cancelling deletion of Pod ${podKey}`, EVENT_SOURCE2);
  }
  function processPodOnNode(podKey, pod, taints, now) {
    if (taints.length === 0) return cancelWithEvent(podKey);
    const { allTolerated, used } = matchingTolerations(taints, pod.spec?.tolerations ?? []);
    if (!allTolerated) {
      cancelWithEvent(podKey);
      scheduled.set(podKey, { createdAt: now, fireAt: now });
      return;
    }
    const min = minTolerationMs(used);
    if (min < 0) return cancelWithEvent(podKey);
    const existing = scheduled.get(podKey);
    let startTime = now;
    if (existing) {
      startTime = existing.createdAt;
      if (startTime + min < now + min) return;
      cancelWithEvent(podKey);
    }
    scheduled.set(podKey, { createdAt: startTime, fireAt: now + min });
  }
  function evictIfDue(podKey, pod) {
    const entry = scheduled.get(podKey);
    if (!entry) return;
    const wait = entry.fireAt - clock.now();
    if (wait > 0) {
      controller.enqueue(POD_PREFIX + podKey, wait);
      return;
    }
    scheduled.delete(podKey);
    events.record(pod, "Normal", "TaintManagerEviction", `Marking for deletion Pod ${podKey}`, EVENT_SOURCE2);
    const conditions2 = (pod.status?.conditions ?? []).filter((c2) => c2.type !== "DisruptionTarget");
    conditions2.push({
      type: "DisruptionTarget",
      status: "True",
      reason: "DeletionByTaintManager",
      message: "Taint manager: deleting due to NoExecute taint",
      lastTransitionTime: clock.nowRfc3339()
    });
    api.updateStatus({ ...pod, status: { ...pod.status, conditions: conditions2 } });
    api.delete("Pod", pod.metadata.namespace, pod.metadata.name);
    if (ctx.cues.hasListeners && pod.spec?.nodeName) {
      ctx.cues.emit({ type: "eviction", node: pod.spec.nodeName, namespace: pod.metadata.namespace ?? "default", pod: pod.metadata.name });
    }
  }
  function syncPod(podKey) {
    const { namespace, name } = splitKey(podKey);
    const pod = api.get("Pod", namespace, name);
    if (!pod || pod.metadata.deletionTimestamp || !pod.spec?.nodeName) {
      scheduled.delete(podKey);
      return;
    }
    const node = api.get("Node", void 0, pod.spec.nodeName);
    processPodOnNode(podKey, pod, noExecuteTaints(node), clock.now());
    evictIfDue(podKey, pod);
  }
  function syncNode(nodeName2) {
    const taints = noExecuteTaints(api.get("Node", void 0, nodeName2));
    const now = clock.now();
    for (const pod of podsByNode.podsOn(nodeName2)) {
      const podKey = objectKey(pod.metadata.namespace, pod.metadata.name);
      if (pod.metadata.deletionTimestamp) {
        scheduled.delete(podKey);
        continue;
      }
      processPodOnNode(podKey, pod, taints, now);
      evictIfDue(podKey, pod);
    }
  }
  const controller = new Controller(
    {
      name: TAINT_EVICTION_CONTROLLER_NAME,
      watches: [
        {
          kind: "Pod",
          keys: (ev) => {
            const pod = ev.object;
            const podKey = objectKey(pod.metadata.namespace, pod.metadata.name);
            if (ev.type === "DELETED") return scheduled.has(podKey) ? [POD_PREFIX + podKey] : [];
            const old = ev.old;
            if (ev.type === "MODIFIED" && old?.spec?.nodeName === pod.spec?.nodeName && isDeepEqual(old?.spec?.tolerations, pod.spec?.tolerations)) return [];
            const nodeName2 = pod.spec?.nodeName;
            if (!nodeName2) return scheduled.has(podKey) ? [POD_PREFIX + podKey] : [];
            const tainted = noExecuteTaints(api.peek("Node", void 0, nodeName2)).length > 0;
            return tainted || scheduled.has(podKey) ? [POD_PREFIX + podKey] : [];
          }
        },
        {
          kind: "Node",
          keys: (ev) => {
            if (ev.type === "MODIFIED" && ev.old?.spec === ev.object.spec) return [];
            const before2 = noExecuteTaints(ev.old);
            const after = ev.type === "DELETED" ? [] : noExecuteTaints(ev.object);
            if (ev.type !== "DELETED" && isDeepEqual(before2, after)) return [];
            return [NODE_PREFIX + ev.object.metadata.name];
          }
        }
      ],
      listKeys: function* () {
        scheduled = /* @__PURE__ */ new Map();
        for (const node of api.peekList("Node")) if (noExecuteTaints(node).length > 0) yield NODE_PREFIX + node.metadata.name;
      },
      sync: (key) => {
        if (key.startsWith(POD_PREFIX)) syncPod(key.slice(POD_PREFIX.length));
        else if (key.startsWith(NODE_PREFIX)) syncNode(key.slice(NODE_PREFIX.length));
      }
    },
    ctx
  );
  return Object.assign(controller, {
    scheduledEvictions: () => new Map([...scheduled].map(([k, v]) => [k, v.fireAt]))
  });
}

// src/engine/controllers/garbagecollector/garbageCollector.ts
var GARBAGE_COLLECTOR_CONTROLLER_NAME = "garbage-collector-controller";
var FOREGROUND_FINALIZER = "foregroundDeletion";
var ORPHAN_FINALIZER = "orphan";
var UNWATCHED_KINDS = /* @__PURE__ */ new Set(["Event"]);
function itemKey(kind, namespace, name) {
  return `${kind}|${objectKey(namespace, name)}`;
}
function keyOfObject(obj) {
  return itemKey(obj.kind, obj.metadata.namespace, obj.metadata.name);
}
function parseItemKey(key) {
  const bar = key.indexOf("|");
  const rest = key.slice(bar + 1);
  const slash = rest.indexOf("/");
  return slash < 0 ? { kind: key.slice(0, bar), namespace: void 0, name: rest } : { kind: key.slice(0, bar), namespace: rest.slice(0, slash), name: rest.slice(slash + 1) };
}
function isDeletingDependents(obj) {
  return obj.metadata.deletionTimestamp !== void 0 && (obj.metadata.finalizers?.includes(FOREGROUND_FINALIZER) ?? false);
}
function sameOwners(a, b) {
  if (a === b) return true;
  if ((a?.length ?? 0) !== (b?.length ?? 0)) return false;
  return (a ?? []).every((r2, i) => r2.uid === b?.[i]?.uid && r2.blockOwnerDeletion === b?.[i]?.blockOwnerDeletion);
}
function createGarbageCollector(ctx) {
  const { api } = ctx;
  function ownerState(ref, dependent) {
    const resource = resourceForKind(ref.kind);
    if (!resource) return "unknown";
    const owner = api.get(ref.kind, resource.namespaced ? dependent.metadata.namespace : void 0, ref.name);
    if (!owner || owner.metadata.uid !== ref.uid) return "dangling";
    return isDeletingDependents(owner) ? "waiting" : "solid";
  }
  function processDeletingDependents(owner) {
    let blocking = 0;
    for (const dep of api.dependentsOf(owner.metadata.uid)) {
      const ref = dep.metadata.ownerReferences?.find((r2) => r2.uid === owner.metadata.uid);
      if (!ref) continue;
      if (ref.blockOwnerDeletion === true) blocking++;
      if (!dep.metadata.deletionTimestamp) api.delete(dep.kind, dep.metadata.namespace, dep.metadata.name, { propagationPolicy: "Foreground" });
    }
    if (blocking > 0) return;
    const finalizers = (owner.metadata.finalizers ?? []).filter((f) => f !== FOREGROUND_FINALIZER);
    const next = { ...owner, metadata: { ...owner.metadata, finalizers } };
    if (finalizers.length === 0) delete next.metadata.finalizers;
    api.update(next);
  }
  function attemptToDelete(obj) {
    const refs = obj.metadata.ownerReferences ?? [];
    if (refs.length === 0) return;
    const states = refs.map((r2) => ownerState(r2, obj));
    if (states.includes("unknown")) return;
    const solid = states.filter((s2) => s2 === "solid").length;
    const waiting = states.includes("waiting");
    if (solid > 0) {
      if (solid === refs.length) return;
      const kept = refs.filter((_, i) => states[i] === "solid");
      api.update({ ...obj, metadata: { ...obj.metadata, ownerReferences: kept } });
      return;
    }
    if (obj.metadata.deletionTimestamp) return;
    let policy = "Background";
    if (waiting || obj.metadata.finalizers?.includes(FOREGROUND_FINALIZER)) policy = "Foreground";
    else if (obj.metadata.finalizers?.includes(ORPHAN_FINALIZER)) policy = "Orphan";
    api.delete(obj.kind, obj.metadata.namespace, obj.metadata.name, { propagationPolicy: policy });
  }
  function sync(key) {
    const { kind, namespace, name } = parseItemKey(key);
    const obj = api.get(kind, namespace, name);
    if (!obj) return;
    if (isDeletingDependents(obj)) processDeletingDependents(obj);
    else attemptToDelete(obj);
  }
  function keysFor(ev) {
    const obj = ev.object;
    if (ev.type === "DELETED") {
      const keys = api.dependentsOf(obj.metadata.uid).map(keyOfObject);
      for (const ref of obj.metadata.ownerReferences ?? []) {
        const resource = resourceForKind(ref.kind);
        if (resource) keys.push(itemKey(ref.kind, resource.namespaced ? obj.metadata.namespace : void 0, ref.name));
      }
      return keys;
    }
    if (isDeletingDependents(obj) && (!ev.old || !isDeletingDependents(ev.old))) return [keyOfObject(obj)];
    const refs = obj.metadata.ownerReferences;
    if (!refs || refs.length === 0) return [];
    if (ev.type === "ADDED" || !sameOwners(ev.old?.metadata.ownerReferences, refs)) return [keyOfObject(obj)];
    return [];
  }
  return new Controller(
    {
      name: GARBAGE_COLLECTOR_CONTROLLER_NAME,
      watches: RESOURCE_TYPES.filter((r2) => !UNWATCHED_KINDS.has(r2.kind)).map((r2) => ({ kind: r2.kind, keys: keysFor })),
      listKeys: function* () {
        for (const kind of api.kinds()) {
          if (UNWATCHED_KINDS.has(kind)) continue;
          for (const obj of api.peekList(kind)) {
            if ((obj.metadata.ownerReferences?.length ?? 0) > 0 || isDeletingDependents(obj)) yield keyOfObject(obj);
          }
        }
      },
      sync
    },
    ctx
  );
}

// src/engine/controllers/namespace/namespaceController.ts
var NAMESPACE_CONTROLLER_NAME = "namespace-controller";
var CONTENT_RECHECK_MS = 1e3;
var NAMESPACED_KINDS = RESOURCE_TYPES.filter((r2) => r2.namespaced && r2.kind !== "Event");
function conditions(remaining, finalizers, now) {
  const cond2 = (type, status, reason, message) => ({ type, status, reason, message, lastTransitionTime: now });
  const out = [
    cond2("NamespaceDeletionDiscoveryFailure", "False", "ResourcesDiscovered", "All resources successfully discovered"),
    cond2("NamespaceDeletionGroupVersionParsingFailure", "False", "ParsedGroupVersions", "All legacy kube types successfully parsed"),
    cond2("NamespaceDeletionContentFailure", "False", "ContentDeleted", "All content successfully deleted, may be waiting on finalization")
  ];
  if (remaining.size > 0) {
    const parts = [...remaining].map(([resource, n]) => `${resource} has ${n} resource instances`);
    out.push(cond2("NamespaceContentRemaining", "True", "SomeResourcesRemain", `Some resources are remaining: ${parts.join(", ")}`));
  } else out.push(cond2("NamespaceContentRemaining", "False", "ContentRemoved", "All content successfully removed"));
  if (finalizers.size > 0) {
    const parts = [...finalizers].map(([f, n]) => `${f} in ${n} resource instances`);
    out.push(cond2("NamespaceFinalizersRemaining", "True", "SomeFinalizersRemain", `Some content in the namespace has finalizers remaining: ${parts.join(", ")}`));
  } else out.push(cond2("NamespaceFinalizersRemaining", "False", "ContentHasNoFinalizers", "All content-preserving finalizers finished"));
  return out;
}
function createNamespaceController(ctx) {
  const { api, clock } = ctx;
  function syncNamespace(name) {
    const ns = api.get("Namespace", void 0, name);
    if (!ns || !ns.metadata.deletionTimestamp) return;
    const remaining = /* @__PURE__ */ new Map();
    const finalizers = /* @__PURE__ */ new Map();
    for (const resource of NAMESPACED_KINDS) {
      let left = 0;
      for (const obj of api.list(resource.kind, { namespace: name })) {
        if (!obj.metadata.deletionTimestamp) api.delete(resource.kind, name, obj.metadata.name);
        const still = api.peek(resource.kind, name, obj.metadata.name);
        if (!still) continue;
        left++;
        for (const f of still.metadata.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
      }
      if (left > 0) remaining.set(`${resource.plural}.${resource.group}`, left);
    }
    const nextConditions = conditions(remaining, finalizers, clock.nowRfc3339());
    const current = ns.status?.conditions ?? [];
    const same = current.length === nextConditions.length && current.every((c2, i) => c2.type === nextConditions[i].type && c2.status === nextConditions[i].status && c2.message === nextConditions[i].message);
    if (!same) {
      const merged = nextConditions.map((c2) => {
        const old = current.find((o) => o.type === c2.type);
        return old && old.status === c2.status ? { ...c2, lastTransitionTime: old.lastTransitionTime } : c2;
      });
      if (!isDeepEqual(merged, current)) api.updateStatus({ ...ns, status: { ...ns.status, conditions: merged } });
    }
    if (remaining.size > 0) return { requeueAfterMs: CONTENT_RECHECK_MS };
    for (const ev of api.list("Event", { namespace: name })) api.delete("Event", name, ev.metadata.name);
    api.finalize("Namespace", void 0, name);
  }
  return new Controller(
    {
      name: NAMESPACE_CONTROLLER_NAME,
      watches: [{ kind: "Namespace", keys: (ev) => ev.type !== "DELETED" && ev.object.metadata.deletionTimestamp ? [ev.object.metadata.name] : [] }],
      listKeys: function* () {
        for (const ns of api.peekList("Namespace")) if (ns.metadata.deletionTimestamp) yield ns.metadata.name;
      },
      sync: syncNamespace
    },
    ctx
  );
}

// src/engine/controllers/serviceaccount/serviceAccountController.ts
var SERVICEACCOUNT_CONTROLLER_NAME = "serviceaccount-controller";
var DEFAULT_SERVICE_ACCOUNT2 = "default";
function createServiceAccountController(ctx) {
  const { api } = ctx;
  function syncNamespace(name) {
    const ns = api.get("Namespace", void 0, name);
    if (!ns || ns.metadata.deletionTimestamp || ns.status?.phase === "Terminating") return;
    if (api.get("ServiceAccount", name, DEFAULT_SERVICE_ACCOUNT2)) return;
    api.create({ apiVersion: "v1", kind: "ServiceAccount", metadata: { name: DEFAULT_SERVICE_ACCOUNT2, namespace: name } });
  }
  return new Controller(
    {
      name: SERVICEACCOUNT_CONTROLLER_NAME,
      watches: [
        { kind: "Namespace", keys: (ev) => ev.type === "DELETED" ? [] : [ev.object.metadata.name] },
        {
          kind: "ServiceAccount",
          keys: (ev) => ev.type === "DELETED" && ev.object.metadata.name === DEFAULT_SERVICE_ACCOUNT2 ? [ev.object.metadata.namespace ?? "default"] : []
        }
      ],
      listKeys: () => api.peekList("Namespace").map((ns) => ns.metadata.name),
      sync: syncNamespace
    },
    ctx
  );
}

// src/engine/controllers/nodeipam/cidrSet.ts
var CidrSet = class {
  used = /* @__PURE__ */ new Set();
  nextCandidate = 0;
  maxCidrs;
  base;
  subnetMaskBits;
  constructor(clusterCidr, subnetMaskBits) {
    const [ip, bits] = clusterCidr.split("/");
    const clusterBits = Number(bits);
    this.base = ipToInt(ip ?? "0.0.0.0");
    this.subnetMaskBits = subnetMaskBits;
    this.maxCidrs = 2 ** (subnetMaskBits - clusterBits);
  }
  allocateNext() {
    for (let i = 0; i < this.maxCidrs; i++) {
      const candidate = (this.nextCandidate + i) % this.maxCidrs;
      if (this.used.has(candidate)) continue;
      this.used.add(candidate);
      this.nextCandidate = (candidate + 1) % this.maxCidrs;
      return this.cidrAt(candidate);
    }
    return void 0;
  }
  /** Marks a CIDR (one a node already has) as used; false if it is not one of this set's. */
  occupy(cidr) {
    const index = this.indexOf(cidr);
    if (index === void 0) return false;
    this.used.add(index);
    return true;
  }
  release(cidr) {
    const index = this.indexOf(cidr);
    if (index !== void 0) this.used.delete(index);
  }
  clear() {
    this.used.clear();
    this.nextCandidate = 0;
  }
  cidrAt(index) {
    const size = 2 ** (32 - this.subnetMaskBits);
    return `${intToIp(this.base + index * size)}/${this.subnetMaskBits}`;
  }
  indexOf(cidr) {
    const [ip, bits] = cidr.split("/");
    if (Number(bits) !== this.subnetMaskBits || !ip) return void 0;
    const size = 2 ** (32 - this.subnetMaskBits);
    const offset = ipToInt(ip) - this.base;
    if (offset < 0 || offset % size !== 0) return void 0;
    const index = offset / size;
    return index < this.maxCidrs ? index : void 0;
  }
};
function ipToInt(ip) {
  return ip.split(".").reduce((acc, part) => acc * 256 + Number(part), 0);
}
function intToIp(n) {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}

// src/engine/controllers/nodeipam/nodeIpamController.ts
var NODE_IPAM_CONTROLLER_NAME = "node-ipam-controller";
var CLUSTER_CIDR = "10.244.0.0/16";
var NODE_CIDR_MASK_SIZE = 24;
function createNodeIpamController(ctx) {
  const { api, events } = ctx;
  const cidrs = new CidrSet(CLUSTER_CIDR, NODE_CIDR_MASK_SIZE);
  const allocated = /* @__PURE__ */ new Map();
  function syncNode(name) {
    const node = api.get("Node", void 0, name);
    if (!node) {
      const cidr2 = allocated.get(name);
      if (cidr2) cidrs.release(cidr2);
      allocated.delete(name);
      return;
    }
    const existing = node.spec?.podCIDR ?? node.spec?.podCIDRs?.[0];
    if (existing) {
      if (cidrs.occupy(existing)) allocated.set(name, existing);
      return;
    }
    const cidr = cidrs.allocateNext();
    if (!cidr) {
      events.record({ apiVersion: "v1", kind: "Node", metadata: { name, uid: node.metadata.uid } }, "Normal", "CIDRNotAvailable", `Node ${name} status is now: CIDRNotAvailable`, {
        component: "cidrAllocator"
      });
      return;
    }
    allocated.set(name, cidr);
    api.update({ ...node, spec: { ...node.spec, podCIDR: cidr, podCIDRs: [cidr] } });
  }
  return new Controller(
    {
      name: NODE_IPAM_CONTROLLER_NAME,
      watches: [{ kind: "Node", keys: (ev) => ev.type === "MODIFIED" && ev.object.spec === ev.old?.spec ? [] : [ev.object.metadata.name] }],
      listKeys: () => {
        cidrs.clear();
        allocated.clear();
        const nodes = api.peekList("Node");
        for (const node of nodes) {
          const cidr = node.spec?.podCIDR ?? node.spec?.podCIDRs?.[0];
          if (cidr && cidrs.occupy(cidr)) allocated.set(node.metadata.name, cidr);
        }
        return nodes.map((n) => n.metadata.name);
      },
      sync: syncNode
    },
    ctx
  );
}

// src/engine/controllers/podgc/podGcController.ts
var POD_GC_CONTROLLER_NAME = "pod-garbage-collector";
var GC_CHECK_PERIOD_MS = 2e4;
var QUARANTINE_MS = 4e4;
var TERMINATED_POD_GC_THRESHOLD = 12500;
var OUT_OF_SERVICE_TAINT = "node.kubernetes.io/out-of-service";
var GC_KEY = "gc";
function createPodGcController(ctx, podsByNode, opts = {}) {
  const { api, clock } = ctx;
  const threshold = opts.terminatedPodThreshold ?? TERMINATED_POD_GC_THRESHOLD;
  const missingSince = /* @__PURE__ */ new Map();
  function markFailedAndForceDelete(pod, reason, message) {
    const phase = pod.status?.phase;
    if (phase !== "Succeeded" && phase !== "Failed") {
      const conditions2 = (pod.status?.conditions ?? []).filter((c2) => c2.type !== "DisruptionTarget");
      conditions2.push({ type: "DisruptionTarget", status: "True", reason, message, lastTransitionTime: clock.nowRfc3339() });
      api.updateStatus({ ...pod, status: { ...pod.status, phase: "Failed", conditions: conditions2 } });
    }
    api.delete("Pod", pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 });
  }
  function gcOrphaned() {
    const now = clock.now();
    for (const nodeName2 of [...podsByNode.nodeNames()]) {
      if (api.get("Node", void 0, nodeName2)) {
        missingSince.delete(nodeName2);
        continue;
      }
      const since2 = missingSince.get(nodeName2);
      if (since2 === void 0) {
        missingSince.set(nodeName2, now);
        continue;
      }
      if (now - since2 < QUARANTINE_MS) continue;
      for (const pod of podsByNode.podsOn(nodeName2)) markFailedAndForceDelete(pod, "DeletionByPodGC", "PodGC: node no longer exists");
      missingSince.delete(nodeName2);
    }
    for (const name of [...missingSince.keys()]) if (!podsByNode.podsOn(name).length) missingSince.delete(name);
  }
  function gcOutOfService() {
    for (const node of api.list("Node")) {
      if (!(node.spec?.taints ?? []).some((t) => t.key === OUT_OF_SERVICE_TAINT && t.effect === "NoExecute")) continue;
      const ready = node.status?.conditions?.find((c2) => c2.type === "Ready");
      if (ready?.status === "True") continue;
      for (const pod of podsByNode.podsOn(node.metadata.name)) {
        if (pod.metadata.deletionTimestamp) markFailedAndForceDelete(pod, "DeletionByPodGC", "PodGC: node no longer exists");
      }
    }
  }
  function gcTerminatedAndUnscheduled() {
    const terminated = [];
    for (const pod of api.list("Pod")) {
      const phase = pod.status?.phase;
      if (phase === "Succeeded" || phase === "Failed") terminated.push(pod);
      else if (pod.metadata.deletionTimestamp && !pod.spec?.nodeName) api.delete("Pod", pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 });
    }
    const excess = terminated.length - threshold;
    if (excess <= 0) return;
    terminated.sort((a, b) => a.metadata.creationTimestamp.localeCompare(b.metadata.creationTimestamp));
    for (const pod of terminated.slice(0, excess)) api.delete("Pod", pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 });
  }
  return new Controller(
    {
      name: POD_GC_CONTROLLER_NAME,
      watches: [],
      listKeys: () => [GC_KEY],
      sync: () => {
        gcTerminatedAndUnscheduled();
        gcOrphaned();
        gcOutOfService();
      },
      resyncPeriodMs: GC_CHECK_PERIOD_MS
    },
    ctx
  );
}

// src/engine/controllers/controllerutils/statusOnlyWrite.ts
function isStatusOnlyWrite(old, cur) {
  return old.spec === cur.spec && old.metadata.ownerReferences === cur.metadata.ownerReferences && old.metadata.labels === cur.metadata.labels && old.metadata.deletionTimestamp === cur.metadata.deletionTimestamp;
}

// src/engine/controllers/controllerutils/podIndexes.ts
function createPodIndexes(api) {
  return { podsByOwner: new OwnerIndex(api, "Pod"), orphanPods: new OrphanIndex(api, "Pod") };
}

// src/engine/controllers/job/completionIndexes.ts
var JOB_COMPLETION_INDEX_ANNOTATION = "batch.kubernetes.io/job-completion-index";
var JOB_INDEX_ENV = "JOB_COMPLETION_INDEX";
function completionIndexOf(pod) {
  const raw = pod.metadata.annotations?.[JOB_COMPLETION_INDEX_ANNOTATION];
  if (raw === void 0 || !/^\d+$/.test(raw)) return void 0;
  return Number.parseInt(raw, 10);
}
function parseIndexes(text, completions) {
  const out = /* @__PURE__ */ new Set();
  if (!text) return out;
  for (const part of text.split(",")) {
    const [a, b] = part.split("-");
    const from = Number.parseInt(a ?? "", 10);
    const to = b === void 0 ? from : Number.parseInt(b, 10);
    if (Number.isNaN(from) || Number.isNaN(to)) continue;
    for (let i = from; i <= to && i < completions; i++) out.add(i);
  }
  return out;
}
function formatIndexes(indexes) {
  const sorted = [...indexes].sort((a, b) => a - b);
  const parts = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(",");
}

// src/engine/controllers/job/jobConditions.ts
var REASON_COMPLETIONS_REACHED = "CompletionsReached";
var MESSAGE_COMPLETIONS_REACHED = "Reached expected number of succeeded pods";
var REASON_BACKOFF_LIMIT_EXCEEDED = "BackoffLimitExceeded";
var MESSAGE_BACKOFF_LIMIT_EXCEEDED = "Job has reached the specified backoff limit";
var REASON_DEADLINE_EXCEEDED = "DeadlineExceeded";
var MESSAGE_DEADLINE_EXCEEDED = "Job was active longer than specified deadline";
function findCondition2(conditions2, type) {
  return conditions2?.find((c2) => c2.type === type);
}
function hasTrueCondition(conditions2, type) {
  return findCondition2(conditions2, type)?.status === "True";
}
function isJobFinished(job) {
  const c2 = job.status?.conditions;
  return hasTrueCondition(c2, "Complete") || hasTrueCondition(c2, "Failed");
}
function jobFinishTime(job) {
  if (job.status?.completionTime) return job.status.completionTime;
  const cond2 = job.status?.conditions?.find((c2) => (c2.type === "Complete" || c2.type === "Failed") && c2.status === "True");
  return cond2?.lastTransitionTime;
}
function newCondition2(type, status, reason, message, now) {
  return { type, status, reason, message, lastProbeTime: now, lastTransitionTime: now };
}
function setCondition2(conditions2, next) {
  const i = conditions2.findIndex((c2) => c2.type === next.type);
  if (i < 0) return [...conditions2, next];
  const old = conditions2[i];
  if (old.status === next.status && old.reason === next.reason && old.message === next.message) return conditions2;
  const merged = old.status === next.status ? { ...next, lastTransitionTime: old.lastTransitionTime } : next;
  return conditions2.map((c2, j) => j === i ? merged : c2);
}

// src/engine/controllers/job/podFailureBackoff.ts
var DEFAULT_JOB_POD_FAILURE_BACKOFF_MS = 1e4;
var MAX_JOB_POD_FAILURE_BACKOFF_MS = 6 * 6e4;
function podFinishedTime(pod, fallback) {
  let latest;
  for (const s2 of [...pod.status?.initContainerStatuses ?? [], ...pod.status?.containerStatuses ?? []]) {
    const t = parseTime(s2.state?.terminated?.finishedAt);
    if (t !== void 0 && (latest === void 0 || t > latest)) latest = t;
  }
  if (latest !== void 0) return latest;
  const ready = pod.status?.conditions?.find((c2) => c2.type === "Ready" && c2.status === "False");
  return parseTime(ready?.lastTransitionTime) ?? parseTime(pod.metadata.deletionTimestamp) ?? fallback;
}
function updateBackoffRecord(record, finished) {
  let next = record;
  for (const f of [...finished].sort((a, b) => a.at - b.at)) {
    next = f.failed ? { failuresAfterLastSuccess: next.failuresAfterLastSuccess + 1, lastFailureTime: f.at } : { failuresAfterLastSuccess: 0 };
  }
  return next;
}
function remainingBackoffMs(record, nowMs) {
  if (record.failuresAfterLastSuccess === 0 || record.lastFailureTime === void 0) return 0;
  const delay = Math.min(MAX_JOB_POD_FAILURE_BACKOFF_MS, DEFAULT_JOB_POD_FAILURE_BACKOFF_MS * 2 ** (record.failuresAfterLastSuccess - 1));
  return Math.max(0, record.lastFailureTime + delay - nowMs);
}

// src/engine/controllers/job/jobController.ts
var JOB_CONTROLLER_NAME = "job-controller";
var MAX_POD_CREATE_DELETE_PER_SYNC = 500;
var SOURCE = { component: JOB_CONTROLLER_NAME };
var JobSyncer = class {
  constructor(ctx, indexes = createPodIndexes(ctx.api)) {
    this.ctx = ctx;
    this.expectations = new ControllerExpectations(ctx.clock);
    this.podsByOwner = indexes.podsByOwner;
    this.orphanPods = indexes.orphanPods;
  }
  ctx;
  expectations;
  podsByOwner;
  orphanPods;
  tracking = /* @__PURE__ */ new Map();
  /** Called from the pod watch: a pod of the Job left the API server. */
  podDeleted(jobUid, pod) {
    const t = this.trackingOf(jobUid);
    if (!t.counted.has(pod.metadata.uid)) t.vanished.push(pod);
  }
  sync(key) {
    const { api, clock } = this.ctx;
    const { namespace, name } = splitKey(key);
    const job = api.get("Job", namespace, name);
    if (!job) {
      this.expectations.delete(key);
      return;
    }
    if (isJobFinished(job) || job.metadata.deletionTimestamp) return;
    const t = this.trackingOf(job.metadata.uid);
    const needsSync = this.expectations.satisfied(key);
    const selector = fromLabelSelector(job.spec?.selector);
    const pods = selector ? claimObjects({
      api,
      owner: job,
      selector,
      owned: [...this.podsByOwner.owned(job.metadata.uid)],
      orphans: this.orphanPods.list(job.metadata.namespace ?? "default")
    }) : [];
    const now = clock.now();
    const nowIso = clock.nowRfc3339();
    const spec = job.spec;
    const status = job.status ?? {};
    const indexed = spec.completionMode === "Indexed";
    const completions = spec.completions ?? void 0;
    const backoffLimit = spec.backoffLimit ?? 6;
    const finished = this.newlyFinished(t, pods);
    let succeeded = (status.succeeded ?? 0) + finished.succeeded.length;
    const failed = (status.failed ?? 0) + finished.failed.length;
    let completed;
    if (indexed && completions !== void 0) {
      completed = parseIndexes(status.completedIndexes, completions);
      for (const p of finished.succeeded) {
        const ix = completionIndexOf(p);
        if (ix !== void 0 && ix < completions) completed.add(ix);
      }
      succeeded = completed.size;
    }
    const backoff = updateBackoffRecord(t.backoff, [
      ...finished.succeeded.map((p) => ({ failed: false, at: podFinishedTime(p, now) })),
      ...finished.failed.map((p) => ({ failed: true, at: podFinishedTime(p, now) }))
    ]);
    const active = pods.filter(isPodActive);
    let conditions2 = status.conditions ?? [];
    let startTime = status.startTime;
    let completionTime;
    let requeueAfterMs;
    const suspended = spec.suspend === true;
    if (!hasTrueCondition(conditions2, "FailureTarget") && !hasTrueCondition(conditions2, "SuccessCriteriaMet")) {
      const deadlineMs = spec.activeDeadlineSeconds != null ? spec.activeDeadlineSeconds * 1e3 : void 0;
      const started = parseTime(startTime);
      if (failed > backoffLimit || pastBackoffLimitOnFailure(job, active, backoffLimit)) {
        conditions2 = setCondition2(conditions2, newCondition2("FailureTarget", "True", REASON_BACKOFF_LIMIT_EXCEEDED, MESSAGE_BACKOFF_LIMIT_EXCEEDED, nowIso));
      } else if (!suspended && deadlineMs !== void 0 && started !== void 0 && now - started >= deadlineMs) {
        conditions2 = setCondition2(conditions2, newCondition2("FailureTarget", "True", REASON_DEADLINE_EXCEEDED, MESSAGE_DEADLINE_EXCEEDED, nowIso));
      } else if (completions === void 0 ? succeeded > 0 && active.length === 0 : succeeded >= completions) {
        conditions2 = setCondition2(conditions2, newCondition2("SuccessCriteriaMet", "True", REASON_COMPLETIONS_REACHED, MESSAGE_COMPLETIONS_REACHED, nowIso));
      } else if (!suspended && deadlineMs !== void 0 && started !== void 0) {
        requeueAfterMs = started + deadlineMs - now;
      }
    }
    const failureTarget = findCondition2(conditions2, "FailureTarget");
    const outcomeDecided = failureTarget?.status === "True" || hasTrueCondition(conditions2, "SuccessCriteriaMet");
    if (outcomeDecided) {
      this.deletePods(key, job, active);
      const stillRunning = [...this.podsByOwner.owned(job.metadata.uid)].some((p) => p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed");
      if (!stillRunning) {
        if (failureTarget?.status === "True") {
          conditions2 = setCondition2(conditions2, newCondition2("Failed", "True", failureTarget.reason ?? "", failureTarget.message ?? "", nowIso));
          this.ctx.events.record(job, "Warning", failureTarget.reason ?? "Failed", failureTarget.message ?? "", SOURCE);
        } else {
          conditions2 = setCondition2(conditions2, newCondition2("Complete", "True", REASON_COMPLETIONS_REACHED, MESSAGE_COMPLETIONS_REACHED, nowIso));
          completionTime = nowIso;
          this.ctx.events.record(job, "Normal", "Completed", "Job completed", SOURCE);
        }
      }
    } else if (suspended) {
      this.deletePods(key, job, active);
      if (!hasTrueCondition(conditions2, "Suspended")) {
        conditions2 = setCondition2(conditions2, newCondition2("Suspended", "True", "JobSuspended", "Job suspended", nowIso));
        this.ctx.events.record(job, "Normal", "Suspended", "Job suspended", SOURCE);
      }
    } else {
      if (hasTrueCondition(conditions2, "Suspended")) {
        conditions2 = setCondition2(conditions2, newCondition2("Suspended", "False", "JobResumed", "Job resumed", nowIso));
        this.ctx.events.record(job, "Normal", "Resumed", "Job resumed", SOURCE);
        startTime = nowIso;
      }
      startTime ??= nowIso;
      if (needsSync) {
        const wait = this.manageJob(key, job, active, succeeded, completed, backoff, now);
        if (wait !== void 0) requeueAfterMs = requeueAfterMs === void 0 ? wait : Math.min(requeueAfterMs, wait);
      }
      if (requeueAfterMs === void 0 && spec.activeDeadlineSeconds != null) {
        requeueAfterMs = parseTime(startTime) + spec.activeDeadlineSeconds * 1e3 - now;
      }
    }
    const current = [...this.podsByOwner.owned(job.metadata.uid)];
    const activeNow = current.filter(isPodActive);
    const next = {
      ...conditions2.length > 0 ? { conditions: conditions2 } : {},
      ...startTime ? { startTime } : {},
      ...completionTime ?? status.completionTime ? { completionTime: completionTime ?? status.completionTime } : {},
      ...activeNow.length > 0 ? { active: activeNow.length } : {},
      ...succeeded > 0 ? { succeeded } : {},
      ...failed > 0 ? { failed } : {},
      ...completed && completed.size > 0 ? { completedIndexes: formatIndexes(completed) } : {},
      ready: activeNow.filter(isPodReady).length,
      terminating: current.filter((p) => p.metadata.deletionTimestamp && p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed").length,
      uncountedTerminatedPods: {}
    };
    const latest = api.get("Job", namespace, name) ?? job;
    if (JSON.stringify(latest.status ?? {}) !== JSON.stringify(next)) api.updateStatus({ ...latest, status: next });
    for (const p of [...finished.succeeded, ...finished.failed]) t.counted.add(p.metadata.uid);
    t.vanished = t.vanished.filter((p) => !t.counted.has(p.metadata.uid));
    t.backoff = backoff;
    return requeueAfterMs === void 0 ? void 0 : { requeueAfterMs: Math.max(1, requeueAfterMs) };
  }
  trackingOf(jobUid) {
    let t = this.tracking.get(jobUid);
    if (!t) this.tracking.set(jobUid, t = { counted: /* @__PURE__ */ new Set(), vanished: [], backoff: { failuresAfterLastSuccess: 0 } });
    return t;
  }
  /**
   * Pods finished since the last count. A pod being deleted that has not succeeded counts as failed
   * (isPodFailed: deleted pods are failures, so that orphaned pods are never lost).
   */
  newlyFinished(t, pods) {
    const out = { succeeded: [], failed: [] };
    const seen2 = /* @__PURE__ */ new Set();
    for (const p of [...pods, ...t.vanished]) {
      const uid = p.metadata.uid;
      if (t.counted.has(uid) || seen2.has(uid)) continue;
      const phase = p.status?.phase;
      const gone = t.vanished.includes(p);
      if (phase === "Succeeded") out.succeeded.push(p);
      else if (phase === "Failed" || p.metadata.deletionTimestamp || gone) out.failed.push(p);
      else continue;
      seen2.add(uid);
    }
    return out;
  }
  /** Creates or deletes pods towards the wanted number of active ones; returns a delay to look again. */
  manageJob(key, job, active, succeeded, completed, backoff, now) {
    const spec = job.spec;
    const parallelism = spec.parallelism ?? 1;
    const completions = spec.completions ?? void 0;
    let wantActive;
    if (completions === void 0) {
      wantActive = succeeded > 0 ? active.length : parallelism;
    } else {
      wantActive = Math.max(0, Math.min(parallelism, completions - succeeded));
    }
    if (completed !== void 0 && completions !== void 0) {
      const keep = [];
      const surplus = [];
      const seenIndex = /* @__PURE__ */ new Set();
      for (const p of active) {
        const ix = completionIndexOf(p);
        if (ix === void 0 || ix >= completions || completed.has(ix) || seenIndex.has(ix)) surplus.push(p);
        else {
          seenIndex.add(ix);
          keep.push(p);
        }
      }
      if (keep.length > wantActive) surplus.push(...getPodsToDelete(keep, [], keep.length - wantActive, now));
      this.deletePods(key, job, surplus.slice(0, MAX_POD_CREATE_DELETE_PER_SYNC));
      const missing = [];
      for (let ix = 0; ix < completions && missing.length < wantActive - Math.min(keep.length, wantActive); ix++) {
        if (!completed.has(ix) && !seenIndex.has(ix)) missing.push(ix);
      }
      if (missing.length === 0) return void 0;
      const wait = remainingBackoffMs(backoff, now);
      if (wait > 0) return wait;
      this.createPods(key, job, missing.slice(0, MAX_POD_CREATE_DELETE_PER_SYNC));
      return void 0;
    }
    const diff = active.length - wantActive;
    if (diff > 0) {
      this.deletePods(key, job, getPodsToDelete(active, [], Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC), now));
      return void 0;
    }
    if (diff < 0) {
      const wait = remainingBackoffMs(backoff, now);
      if (wait > 0) return wait;
      this.createPods(key, job, new Array(Math.min(-diff, MAX_POD_CREATE_DELETE_PER_SYNC)).fill(void 0));
    }
    return void 0;
  }
  /** One pod per entry: an index for Indexed Jobs, undefined otherwise. */
  createPods(key, job, indexes) {
    const { api, events } = this.ctx;
    this.expectations.expectCreations(key, indexes.length);
    const controllerRef = ownerReferenceTo(job, { controller: true });
    const namespace = job.metadata.namespace ?? "default";
    let next = 0;
    const { successes, error } = slowStartBatch(indexes.length, SLOW_START_INITIAL_BATCH_SIZE, () => {
      const pod = jobPod(job, namespace, controllerRef, indexes[next++]);
      try {
        const created = api.create(pod);
        events.record(job, "Normal", "SuccessfulCreate", `Created pod: ${created.metadata.name}`, SOURCE);
      } catch (err) {
        events.record(job, "Warning", "FailedCreate", `Error creating: ${errorMessage2(err)}`, SOURCE);
        throw err;
      }
    });
    for (let i = successes; i < indexes.length; i++) this.expectations.creationObserved(key);
    if (error !== void 0) throw error;
  }
  deletePods(key, job, pods) {
    if (pods.length === 0) return;
    const { api, events } = this.ctx;
    this.expectations.expectDeletions(key, pods.map((p) => keyOf(p)));
    let firstError;
    for (const pod of pods) {
      try {
        api.delete("Pod", pod.metadata.namespace, pod.metadata.name);
        events.record(job, "Normal", "SuccessfulDelete", `Deleted pod: ${pod.metadata.name}`, SOURCE);
      } catch (err) {
        this.expectations.deletionObserved(key, keyOf(pod));
        if (err instanceof ApiError && err.reason === "NotFound") continue;
        events.record(job, "Warning", "FailedDelete", `Error deleting: ${errorMessage2(err)}`, SOURCE);
        firstError ??= err;
      }
    }
    if (firstError !== void 0) throw firstError;
  }
};
function pastBackoffLimitOnFailure(job, active, backoffLimit) {
  if (job.spec?.template?.spec?.restartPolicy !== "OnFailure") return false;
  let restarts = 0;
  for (const p of active) {
    if (p.status?.phase !== "Running" && p.status?.phase !== "Pending") continue;
    for (const s2 of [...p.status?.initContainerStatuses ?? [], ...p.status?.containerStatuses ?? []]) restarts += s2.restartCount;
  }
  return backoffLimit === 0 ? restarts > 0 : restarts >= backoffLimit;
}
function jobPod(job, namespace, controllerRef, index) {
  const jobName = job.metadata.name;
  if (index === void 0) return podFromTemplate(job.spec?.template, namespace, controllerRef, { generateName: `${jobName}-` });
  const pod = podFromTemplate(job.spec?.template, namespace, controllerRef, { generateName: `${jobName}-${index}-` });
  const ix = String(index);
  const withIndexEnv = (c2) => ({
    ...c2,
    env: [...c2.env ?? [], { name: JOB_INDEX_ENV, valueFrom: { fieldRef: { apiVersion: "v1", fieldPath: `metadata.annotations['${JOB_COMPLETION_INDEX_ANNOTATION}']` } } }]
  });
  const spec = pod.spec;
  return {
    ...pod,
    metadata: {
      ...pod.metadata,
      annotations: { ...pod.metadata?.annotations, [JOB_COMPLETION_INDEX_ANNOTATION]: ix },
      labels: { ...pod.metadata?.labels, [JOB_COMPLETION_INDEX_ANNOTATION]: ix }
    },
    spec: {
      ...spec,
      hostname: spec.hostname || `${jobName}-${ix}`,
      containers: spec.containers.map(withIndexEnv),
      ...spec.initContainers ? { initContainers: spec.initContainers.map(withIndexEnv) } : {}
    }
  };
}
function errorMessage2(err) {
  return err instanceof Error ? err.message : String(err);
}

// src/engine/controllers/job/index.ts
function createJobController(ctx, indexes) {
  const syncer = new JobSyncer(ctx, indexes);
  const expectations = syncer.expectations;
  const jobKeyOf = (pod) => {
    const ref = controllerOf(pod);
    return ref?.kind === "Job" ? objectKey(pod.metadata.namespace, ref.name) : void 0;
  };
  const podKeys = (event) => {
    const pod = event.object;
    const jobKey = jobKeyOf(pod);
    const keys = [];
    const old = event.old;
    const oldKey = old ? jobKeyOf(old) : void 0;
    if (oldKey && oldKey !== jobKey) keys.push(oldKey);
    if (!jobKey) return keys;
    const podKey = keyOf(pod);
    if (event.type === "ADDED") {
      if (pod.metadata.deletionTimestamp) expectations.deletionObserved(jobKey, podKey);
      else expectations.creationObserved(jobKey);
    } else if (event.type === "DELETED") {
      expectations.deletionObserved(jobKey, podKey);
      syncer.podDeleted(controllerOf(pod).uid, pod);
    } else if (pod.metadata.deletionTimestamp && !old?.metadata.deletionTimestamp) {
      expectations.deletionObserved(jobKey, podKey);
    }
    keys.push(jobKey);
    return keys;
  };
  return new Controller(
    {
      name: JOB_CONTROLLER_NAME,
      watches: [
        { kind: "Job", keys: (e) => e.old && e.type === "MODIFIED" && isStatusOnlyWrite(e.old, e.object) ? [] : [keyOf(e.object)] },
        { kind: "Pod", keys: podKeys }
      ],
      listKeys: () => ctx.api.peekList("Job").map((j) => keyOf(j)),
      sync: (key) => syncer.sync(key)
    },
    ctx
  );
}

// src/engine/controllers/ttlafterfinished/ttlAfterFinishedController.ts
var TTL_AFTER_FINISHED_CONTROLLER_NAME = "ttl-after-finished-controller";
function createTtlAfterFinishedController(ctx) {
  const { api, clock } = ctx;
  const sync = (key) => {
    const { namespace, name } = splitKey(key);
    const job = api.get("Job", namespace, name);
    const ttl = job?.spec?.ttlSecondsAfterFinished;
    if (!job || ttl == null || job.metadata.deletionTimestamp || !isJobFinished(job)) return;
    const finishedAt = parseTime(jobFinishTime(job));
    if (finishedAt === void 0) return;
    const remaining = finishedAt + ttl * 1e3 - clock.now();
    if (remaining > 0) return { requeueAfterMs: remaining };
    try {
      api.delete("Job", namespace, name, { propagationPolicy: "Foreground" });
    } catch (err) {
      if (!(err instanceof ApiError && err.reason === "NotFound")) throw err;
    }
    return;
  };
  return new Controller(
    {
      name: TTL_AFTER_FINISHED_CONTROLLER_NAME,
      watches: [{ kind: "Job", keys: (e) => e.type !== "DELETED" && e.object.spec && e.object.spec.ttlSecondsAfterFinished != null ? [keyOf(e.object)] : [] }],
      listKeys: () => api.peekList("Job").map((j) => keyOf(j)),
      sync
    },
    ctx
  );
}

// src/engine/scheduler/plugins/helper/nodeSelector.ts
function matchesRequirement(req, value) {
  const values = req.values ?? [];
  switch (req.operator) {
    case "In":
      return value !== void 0 && values.includes(value);
    case "NotIn":
      return value === void 0 || !values.includes(value);
    case "Exists":
      return value !== void 0;
    case "DoesNotExist":
      return value === void 0;
    case "Gt":
    case "Lt": {
      if (value === void 0 || values.length !== 1) return false;
      const have = Number.parseInt(value, 10);
      const want = Number.parseInt(values[0], 10);
      if (Number.isNaN(have) || Number.isNaN(want)) return false;
      return req.operator === "Gt" ? have > want : have < want;
    }
    default:
      return false;
  }
}
function matchesNodeSelectorTerm(term, labels, nodeName2) {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  for (const e of exprs) {
    const has = labels !== void 0 && Object.prototype.hasOwnProperty.call(labels, e.key);
    if (!matchesRequirement(e, has ? labels[e.key] : void 0)) return false;
  }
  for (const f of fields) {
    if (f.key !== "metadata.name" || !matchesRequirement(f, nodeName2)) return false;
  }
  return true;
}
function matchesNodeSelectorTerms(terms, labels, nodeName2) {
  for (const t of terms) if (matchesNodeSelectorTerm(t, labels, nodeName2)) return true;
  return false;
}

// src/engine/scheduler/plugins/helper/tolerations.ts
function toleratesTaint2(t, taint) {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator) {
    case "Exists":
      return true;
    case void 0:
    case "":
    case "Equal":
      return (t.value ?? "") === (taint.value ?? "");
    default:
      return false;
  }
}
function tolerationsTolerateTaint(tolerations, taint) {
  for (const t of tolerations) if (toleratesTaint2(t, taint)) return true;
  return false;
}
function findUntoleratedTaint(taints, tolerations) {
  for (const taint of taints) if (!tolerationsTolerateTaint(tolerations, taint)) return taint;
  return void 0;
}

// src/engine/controllers/daemonset/daemonPod.ts
var CONTROLLER_REVISION_HASH_LABEL = "controller-revision-hash";
var POD_TEMPLATE_GENERATION_LABEL = "pod-template-generation";
function daemonPodTolerations(hostNetwork) {
  const tolerations = [
    { key: "node.kubernetes.io/not-ready", operator: "Exists", effect: "NoExecute" },
    { key: "node.kubernetes.io/unreachable", operator: "Exists", effect: "NoExecute" },
    { key: "node.kubernetes.io/disk-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/memory-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/pid-pressure", operator: "Exists", effect: "NoSchedule" },
    { key: "node.kubernetes.io/unschedulable", operator: "Exists", effect: "NoSchedule" }
  ];
  if (hostNetwork) tolerations.push({ key: "node.kubernetes.io/network-unavailable", operator: "Exists", effect: "NoSchedule" });
  return tolerations;
}
function withDaemonTolerations(own, hostNetwork) {
  const out = [...own ?? []];
  for (const t of daemonPodTolerations(hostNetwork)) {
    if (!out.some((o) => o.key === t.key && o.effect === t.effect && o.operator === t.operator)) out.push(t);
  }
  return out;
}
function nodeShouldRunDaemonPod(node, ds) {
  const spec = ds.spec?.template?.spec;
  const name = node.metadata.name;
  const labels = node.metadata.labels;
  const no = { shouldRun: false, shouldContinueRunning: false };
  if (spec?.nodeName && spec.nodeName !== name) return no;
  for (const [k, v] of Object.entries(spec?.nodeSelector ?? {})) if (labels?.[k] !== v) return no;
  const terms = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms && !matchesNodeSelectorTerms(terms, labels, name)) return no;
  const tolerations = withDaemonTolerations(spec?.tolerations, spec?.hostNetwork === true);
  const untolerated = (effect) => (node.spec?.taints ?? []).some((t) => t.effect === effect && !tolerationsTolerateTaint(tolerations, t));
  const noExecute = untolerated("NoExecute");
  return { shouldRun: !noExecute && !untolerated("NoSchedule"), shouldContinueRunning: !noExecute };
}
function targetNodeName(pod) {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  for (const term of pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    for (const f of term.matchFields ?? []) {
      if (f.key === "metadata.name" && f.operator === "In" && f.values?.length === 1) return f.values[0];
    }
  }
  return void 0;
}
function newDaemonPod(ds, nodeName2, hash, controllerRef) {
  const template = ds.spec?.template;
  const pod = podFromTemplate(template, ds.metadata.namespace ?? "default", controllerRef, { generateName: `${ds.metadata.name}-` });
  const spec = pod.spec;
  const affinity = spec.affinity ?? {};
  return {
    ...pod,
    metadata: {
      ...pod.metadata,
      labels: {
        ...pod.metadata?.labels,
        [CONTROLLER_REVISION_HASH_LABEL]: hash,
        [POD_TEMPLATE_GENERATION_LABEL]: String(ds.metadata.generation ?? 1)
      }
    },
    spec: {
      ...spec,
      tolerations: withDaemonTolerations(spec.tolerations, spec.hostNetwork === true),
      affinity: {
        ...affinity,
        nodeAffinity: {
          ...affinity.nodeAffinity,
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchFields: [{ key: "metadata.name", operator: "In", values: [nodeName2] }] }]
          }
        }
      }
    }
  };
}

// src/engine/controllers/daemonset/rollingUpdate.ts
function scaledValue(value, total, fallback) {
  if (value === void 0 || value === null) return fallback;
  if (typeof value === "number") return value;
  const m = /^(\d+)%$/.exec(value);
  if (!m) return Number.parseInt(value, 10) || 0;
  return Math.ceil(Number.parseInt(m[1], 10) * total / 100);
}
function resolveMaxUnavailable(ds, desired) {
  const ru = ds.spec?.updateStrategy?.rollingUpdate;
  const unavailable = scaledValue(ru?.maxUnavailable, desired, 1);
  const surge = scaledValue(ru?.maxSurge, desired, 0);
  return unavailable === 0 && surge === 0 ? 1 : unavailable;
}
function oldPodsToReplace(ds, nodes, nodeToPods, hash, nowMs) {
  const minReady = ds.spec?.minReadySeconds ?? 0;
  let desired = 0;
  for (const node of nodes) if (nodeShouldRunDaemonPod(node, ds).shouldRun) desired++;
  const maxUnavailable2 = resolveMaxUnavailable(ds, desired);
  let unavailable = 0;
  const allowed = [];
  const candidates = [];
  for (const pods of nodeToPods.values()) {
    let newPod;
    let oldPod;
    let ambiguous = false;
    for (const p of pods) {
      if (p.metadata.deletionTimestamp) continue;
      const isNew = p.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === hash;
      if (isNew ? newPod : oldPod) ambiguous = true;
      if (isNew) newPod = p;
      else oldPod = p;
    }
    if (ambiguous || newPod === void 0 === (oldPod === void 0)) {
      unavailable++;
      continue;
    }
    if (oldPod) {
      if (isPodAvailable(oldPod, minReady, nowMs)) candidates.push(oldPod);
      else allowed.push(oldPod);
    } else if (newPod && !isPodAvailable(newPod, minReady, nowMs)) {
      unavailable++;
    }
  }
  const remaining = Math.max(0, Math.min(candidates.length, maxUnavailable2 - unavailable));
  return [...allowed, ...candidates.slice(0, remaining)];
}

// src/engine/controllers/daemonset/daemonSetController.ts
var DAEMONSET_CONTROLLER_NAME = "daemonset-controller";
var DAEMONSET_BURST_REPLICAS = 250;
var FAILED_POD_BACKOFF_INITIAL_MS = 1e3;
var FAILED_POD_BACKOFF_MAX_MS = 15 * 6e4;
var SOURCE2 = { component: DAEMONSET_CONTROLLER_NAME };
function creationOrder(a, b) {
  const d = (parseTime(a.metadata.creationTimestamp) ?? 0) - (parseTime(b.metadata.creationTimestamp) ?? 0);
  return d !== 0 ? d : a.metadata.uid < b.metadata.uid ? -1 : 1;
}
function isTerminal(pod) {
  return pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
}
var DaemonSetSyncer = class {
  constructor(ctx, indexes = createPodIndexes(ctx.api)) {
    this.ctx = ctx;
    this.expectations = new ControllerExpectations(ctx.clock);
    this.podsByOwner = indexes.podsByOwner;
    this.orphanPods = indexes.orphanPods;
  }
  ctx;
  expectations;
  podsByOwner;
  orphanPods;
  failedPodBackoff = /* @__PURE__ */ new Map();
  sync(key) {
    const { api, clock } = this.ctx;
    const { namespace, name } = splitKey(key);
    const ds = api.get("DaemonSet", namespace, name);
    if (!ds) {
      this.expectations.delete(key);
      return;
    }
    const selector = fromLabelSelector(ds.spec?.selector);
    if (!selector || ds.metadata.deletionTimestamp) return;
    const hash = computeHash(ds.spec?.template, ds.status?.collisionCount ?? void 0);
    const nodes = api.list("Node");
    let requeueAfterMs;
    if (this.expectations.satisfied(key)) {
      requeueAfterMs = this.manage(key, ds, nodes, hash, selector);
      if (this.expectations.satisfied(key) && ds.spec?.updateStrategy?.type !== "OnDelete") {
        const victims = oldPodsToReplace(ds, nodes, this.nodeToDaemonPods(ds), hash, clock.now());
        this.syncNodes(key, ds, [], victims, hash);
      }
    }
    const latest = api.get("DaemonSet", namespace, name) ?? ds;
    const status = this.calculateStatus(latest, nodes, hash);
    if (JSON.stringify(latest.status ?? {}) !== JSON.stringify(status)) api.updateStatus({ ...latest, status });
    const minReady = ds.spec?.minReadySeconds ?? 0;
    if (minReady > 0 && (status.numberAvailable ?? 0) < status.numberReady) requeueAfterMs = Math.min(requeueAfterMs ?? Infinity, minReady * 1e3);
    return requeueAfterMs === void 0 ? void 0 : { requeueAfterMs };
  }
  /**
   * The DaemonSet's pods by the node they are for (getNodesToDaemonPods), oldest first. Pods that are
   * both finished and being deleted no longer count.
   */
  nodeToDaemonPods(ds) {
    const byNode = /* @__PURE__ */ new Map();
    for (const pod of this.podsByOwner.owned(ds.metadata.uid)) {
      if (isTerminal(pod) && pod.metadata.deletionTimestamp) continue;
      const node = targetNodeName(pod);
      if (node === void 0) continue;
      let list = byNode.get(node);
      if (!list) byNode.set(node, list = []);
      list.push(pod);
    }
    for (const list of byNode.values()) list.sort(creationOrder);
    return byNode;
  }
  /** manage + podsShouldBeOnNode: the nodes that need a pod and the pods that must go. */
  manage(key, ds, nodes, hash, selector) {
    const { api, clock } = this.ctx;
    claimObjects({
      api,
      owner: ds,
      selector,
      owned: [...this.podsByOwner.owned(ds.metadata.uid)],
      orphans: this.orphanPods.list(ds.metadata.namespace ?? "default")
    });
    const byNode = this.nodeToDaemonPods(ds);
    const needing = [];
    const toDelete = [];
    let requeueAfterMs;
    const existing = /* @__PURE__ */ new Set();
    for (const node of nodes) {
      const nodeName2 = node.metadata.name;
      existing.add(nodeName2);
      const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
      const pods = byNode.get(nodeName2) ?? [];
      if (pods.length === 0) {
        if (shouldRun) needing.push(nodeName2);
        continue;
      }
      if (!shouldContinueRunning) {
        for (const p of pods) if (!p.metadata.deletionTimestamp) toDelete.push(p);
        continue;
      }
      const running = [];
      for (const p of pods) {
        if (p.metadata.deletionTimestamp) continue;
        if (p.status?.phase === "Failed") {
          const backoffKey = `${ds.metadata.uid}/${nodeName2}`;
          const wait = this.inBackoffMs(backoffKey, clock.now());
          if (wait > 0) {
            requeueAfterMs = Math.min(requeueAfterMs ?? Infinity, wait);
            continue;
          }
          this.nextBackoff(backoffKey, clock.now());
          this.ctx.events.record(ds, "Warning", "FailedDaemonPod", `Found failed daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${nodeName2}, will try to kill it`, SOURCE2);
          toDelete.push(p);
        } else if (p.status?.phase !== "Succeeded") {
          running.push(p);
        }
      }
      toDelete.push(...running.slice(1));
    }
    for (const [nodeName2, pods] of byNode) {
      if (existing.has(nodeName2)) continue;
      for (const p of pods) if (!p.spec?.nodeName && !p.metadata.deletionTimestamp) toDelete.push(p);
    }
    this.syncNodes(key, ds, needing, toDelete, hash);
    return requeueAfterMs;
  }
  syncNodes(key, ds, nodesNeedingPods, podsToDelete, hash) {
    if (nodesNeedingPods.length === 0 && podsToDelete.length === 0) return;
    const { api, events } = this.ctx;
    const creating = nodesNeedingPods.slice(0, DAEMONSET_BURST_REPLICAS);
    this.expectations.expectCreations(key, creating.length);
    let firstError;
    if (creating.length > 0) {
      const controllerRef = ownerReferenceTo(ds, { controller: true });
      let next = 0;
      const { successes, error } = slowStartBatch(creating.length, SLOW_START_INITIAL_BATCH_SIZE, () => {
        const pod = newDaemonPod(ds, creating[next++], hash, controllerRef);
        try {
          const created = api.create(pod);
          events.record(ds, "Normal", "SuccessfulCreate", `Created pod: ${created.metadata.name}`, SOURCE2);
        } catch (err) {
          events.record(ds, "Warning", "FailedCreate", `Error creating: ${err instanceof Error ? err.message : String(err)}`, SOURCE2);
          throw err;
        }
      });
      for (let i = successes; i < creating.length; i++) this.expectations.creationObserved(key);
      firstError = error;
    }
    if (podsToDelete.length > 0) {
      this.expectations.expectDeletions(key, podsToDelete.map((p) => keyOf(p)));
      for (const pod of podsToDelete) {
        try {
          api.delete("Pod", pod.metadata.namespace, pod.metadata.name);
          events.record(ds, "Normal", "SuccessfulDelete", `Deleted pod: ${pod.metadata.name}`, SOURCE2);
        } catch (err) {
          this.expectations.deletionObserved(key, keyOf(pod));
          if (err instanceof ApiError && err.reason === "NotFound") continue;
          events.record(ds, "Warning", "FailedDelete", `Error deleting: ${err instanceof Error ? err.message : String(err)}`, SOURCE2);
          firstError ??= err;
        }
      }
    }
    if (firstError !== void 0) throw firstError;
  }
  inBackoffMs(backoffKey, now) {
    const b = this.failedPodBackoff.get(backoffKey);
    if (!b) return 0;
    return Math.max(0, b.lastUpdate + b.delayMs - now);
  }
  nextBackoff(backoffKey, now) {
    const b = this.failedPodBackoff.get(backoffKey);
    const delayMs = b && now - b.lastUpdate < 2 * FAILED_POD_BACKOFF_MAX_MS ? Math.min(FAILED_POD_BACKOFF_MAX_MS, b.delayMs * 2) : FAILED_POD_BACKOFF_INITIAL_MS;
    this.failedPodBackoff.set(backoffKey, { delayMs, lastUpdate: now });
  }
  /** updateDaemonSetStatus: counts over the nodes, looking at the oldest pod on each. */
  calculateStatus(ds, nodes, hash) {
    const byNode = this.nodeToDaemonPods(ds);
    const now = this.ctx.clock.now();
    const minReady = ds.spec?.minReadySeconds ?? 0;
    let desired = 0;
    let current = 0;
    let misscheduled = 0;
    let ready = 0;
    let available = 0;
    let updated = 0;
    for (const node of nodes) {
      const pods = byNode.get(node.metadata.name);
      const scheduled = pods !== void 0 && pods.length > 0;
      if (!nodeShouldRunDaemonPod(node, ds).shouldRun) {
        if (scheduled) misscheduled++;
        continue;
      }
      desired++;
      if (!scheduled) continue;
      current++;
      const pod = pods[0];
      if (isPodReady(pod)) {
        ready++;
        if (isPodAvailable(pod, minReady, now)) available++;
      }
      if (pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] === hash) updated++;
    }
    const status = {
      currentNumberScheduled: current,
      desiredNumberScheduled: desired,
      numberMisscheduled: misscheduled,
      numberReady: ready,
      observedGeneration: ds.metadata.generation ?? 1,
      updatedNumberScheduled: updated
    };
    if (available > 0) status.numberAvailable = available;
    if (desired - available > 0) status.numberUnavailable = desired - available;
    if (ds.status?.collisionCount != null) status.collisionCount = ds.status.collisionCount;
    return status;
  }
};

// src/engine/controllers/daemonset/index.ts
function nodePlacementChanged(old, cur) {
  return old.metadata.labels !== cur.metadata.labels || old.spec !== cur.spec;
}
function createDaemonSetController(ctx, indexes) {
  const syncer = new DaemonSetSyncer(ctx, indexes);
  const expectations = syncer.expectations;
  const allKeys = () => ctx.api.peekList("DaemonSet").map((d) => keyOf(d));
  const dsKeyOf = (pod) => {
    const ref = controllerOf(pod);
    return ref?.kind === "DaemonSet" ? objectKey(pod.metadata.namespace, ref.name) : void 0;
  };
  const podKeys = (event) => {
    const pod = event.object;
    const dsKey = dsKeyOf(pod);
    const old = event.old;
    const keys = [];
    const oldKey = old ? dsKeyOf(old) : void 0;
    if (oldKey && oldKey !== dsKey) keys.push(oldKey);
    if (!dsKey) return keys;
    const podKey = keyOf(pod);
    if (event.type === "ADDED") expectations.creationObserved(dsKey);
    else if (event.type === "DELETED" || pod.metadata.deletionTimestamp && !old?.metadata.deletionTimestamp) expectations.deletionObserved(dsKey, podKey);
    keys.push(dsKey);
    return keys;
  };
  const nodeKeys = (event) => {
    if (event.type === "MODIFIED" && event.old && !nodePlacementChanged(event.old, event.object)) return [];
    return allKeys();
  };
  return new Controller(
    {
      name: DAEMONSET_CONTROLLER_NAME,
      watches: [
        { kind: "DaemonSet", keys: (e) => e.old && e.type === "MODIFIED" && isStatusOnlyWrite(e.old, e.object) ? [] : [keyOf(e.object)] },
        { kind: "Pod", keys: podKeys },
        { kind: "Node", keys: nodeKeys }
      ],
      listKeys: allKeys,
      sync: (key) => syncer.sync(key)
    },
    ctx
  );
}

// src/engine/controllers/statefulset/statefulPod.ts
var STATEFULSET_POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
var POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";
var CONTROLLER_REVISION_HASH_LABEL2 = "controller-revision-hash";
function ordinalOf(setName, podName3) {
  if (!podName3.startsWith(`${setName}-`)) return void 0;
  const rest = podName3.slice(setName.length + 1);
  return /^(0|[1-9]\d*)$/.test(rest) ? Number.parseInt(rest, 10) : void 0;
}
function podName(set, ordinal) {
  return `${set.metadata.name}-${ordinal}`;
}
function claimName(templateName, set, ordinal) {
  return `${templateName}-${set.metadata.name}-${ordinal}`;
}
function revisionOf2(pod) {
  return pod.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL2];
}
function newStatefulSetPod(set, template, revision, ordinal, controllerRef) {
  const name = podName(set, ordinal);
  const pod = podFromTemplate(template, set.metadata.namespace ?? "default", controllerRef, { name });
  const spec = pod.spec;
  const claimVolumes = (set.spec?.volumeClaimTemplates ?? []).map((t) => ({
    name: t.metadata?.name ?? "",
    persistentVolumeClaim: { claimName: claimName(t.metadata?.name ?? "", set, ordinal) }
  }));
  const claimed = new Set(claimVolumes.map((v) => v.name));
  const volumes = [...(spec.volumes ?? []).filter((v) => !claimed.has(v.name)), ...claimVolumes];
  return {
    ...pod,
    metadata: {
      ...pod.metadata,
      labels: { ...pod.metadata?.labels, [STATEFULSET_POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal), [CONTROLLER_REVISION_HASH_LABEL2]: revision }
    },
    spec: {
      ...spec,
      hostname: name,
      ...set.spec?.serviceName ? { subdomain: set.spec.serviceName } : {},
      ...volumes.length > 0 ? { volumes } : {}
    }
  };
}
function claimsFor(set, ordinal, setRef) {
  const selectorLabels = set.spec?.selector?.matchLabels ?? {};
  return (set.spec?.volumeClaimTemplates ?? []).map((t) => ({
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: {
      name: claimName(t.metadata?.name ?? "", set, ordinal),
      namespace: set.metadata.namespace ?? "default",
      labels: { ...t.metadata?.labels, ...selectorLabels },
      ...t.metadata?.annotations ? { annotations: t.metadata.annotations } : {},
      ...setRef ? { ownerReferences: [setRef] } : {}
    },
    spec: t.spec ?? {}
  }));
}

// src/engine/controllers/statefulset/statefulSetController.ts
var STATEFULSET_CONTROLLER_NAME = "statefulset-controller";
var SOURCE3 = { component: STATEFULSET_CONTROLLER_NAME };
var isTerminating = (p) => p.metadata.deletionTimestamp !== void 0;
var isFinished = (p) => p.status?.phase === "Failed" || p.status?.phase === "Succeeded";
var isRunningAndReady = (p) => p.status?.phase === "Running" && isPodReady(p);
var StatefulSetSyncer = class {
  constructor(ctx, indexes = createPodIndexes(ctx.api)) {
    this.ctx = ctx;
    this.podsByOwner = indexes.podsByOwner;
    this.orphanPods = indexes.orphanPods;
  }
  ctx;
  podsByOwner;
  orphanPods;
  /** Templates by revision name, per set uid (what ControllerRevisions hold in Kubernetes). */
  revisions = /* @__PURE__ */ new Map();
  sync(key) {
    const { api } = this.ctx;
    const { namespace, name } = splitKey(key);
    const set = api.get("StatefulSet", namespace, name);
    if (!set) return;
    const selector = fromLabelSelector(set.spec?.selector);
    if (!selector) return;
    const pods = claimObjects({
      api,
      owner: set,
      selector,
      owned: [...this.podsByOwner.owned(set.metadata.uid)],
      orphans: this.orphanPods.list(set.metadata.namespace ?? "default")
    });
    const updateRevision = `${set.metadata.name}-${computeHash(set.spec?.template, set.status?.collisionCount ?? 0)}`;
    const known = this.revisionsOf(set.metadata.uid);
    known.set(updateRevision, set.spec?.template);
    const currentRevision = set.status?.currentRevision && known.has(set.status.currentRevision) ? set.status.currentRevision : updateRevision;
    if (!set.metadata.deletionTimestamp) this.updateStatefulSet(set, pods, currentRevision, updateRevision);
    const latest = api.get("StatefulSet", namespace, name) ?? set;
    const status = this.calculateStatus(latest, currentRevision, updateRevision);
    if (JSON.stringify(latest.status ?? {}) !== JSON.stringify(status)) api.updateStatus({ ...latest, status });
    const minReady = set.spec?.minReadySeconds ?? 0;
    if (minReady > 0 && (status.availableReplicas ?? 0) < (status.readyReplicas ?? 0)) return { requeueAfterMs: minReady * 1e3 };
    return void 0;
  }
  revisionsOf(uid) {
    let m = this.revisions.get(uid);
    if (!m) this.revisions.set(uid, m = /* @__PURE__ */ new Map());
    return m;
  }
  updateStatefulSet(set, pods, currentRevision, updateRevision) {
    const replicaCount = set.spec?.replicas ?? 1;
    const monotonic = set.spec?.podManagementPolicy !== "Parallel";
    const partition = set.spec?.updateStrategy?.type === "RollingUpdate" ? set.spec.updateStrategy.rollingUpdate?.partition ?? 0 : 0;
    const replicas = new Array(replicaCount).fill(void 0);
    const condemned = [];
    for (const pod of pods) {
      const ord = ordinalOf(set.metadata.name, pod.metadata.name);
      if (ord === void 0) continue;
      if (ord < replicaCount) replicas[ord] = pod;
      else condemned.push(pod);
    }
    condemned.sort((a, b) => ordinalOf(set.metadata.name, b.metadata.name) - ordinalOf(set.metadata.name, a.metadata.name));
    const revisionFor = (ord) => set.spec?.updateStrategy?.type === "RollingUpdate" && ord < partition ? currentRevision : updateRevision;
    const unhealthy = (p) => !isRunningAndReady(p) || isTerminating(p);
    const firstUnhealthy = [...replicas, ...[...condemned].reverse()].find((p) => p !== void 0 && unhealthy(p));
    for (let ord = 0; ord < replicaCount; ord++) {
      let pod = replicas[ord];
      if (pod && isFinished(pod) && !isTerminating(pod)) {
        this.deletePod(set, pod);
        pod = replicas[ord] = this.ctx.api.peek("Pod", set.metadata.namespace, pod.metadata.name);
        if (pod) {
          if (monotonic) return;
          continue;
        }
      }
      if (!pod) {
        this.createPod(set, ord, revisionFor(ord));
        if (monotonic) return;
        continue;
      }
      if (monotonic && (isTerminating(pod) || !isRunningAndReady(pod))) return;
      if (monotonic && !isPodAvailable(pod, set.spec?.minReadySeconds ?? 0, this.ctx.clock.now())) return;
    }
    for (const pod of condemned) {
      if (isTerminating(pod)) {
        if (monotonic) return;
        continue;
      }
      if (monotonic && unhealthy(pod) && pod !== firstUnhealthy) return;
      this.deletePod(set, pod);
      if (monotonic) return;
    }
    if (set.spec?.updateStrategy?.type === "OnDelete") return;
    for (let target = replicaCount - 1; target >= partition; target--) {
      const pod = replicas[target];
      if (!pod) return;
      if (revisionOf2(pod) !== updateRevision && !isTerminating(pod)) {
        this.deletePod(set, pod);
        return;
      }
      if (unhealthy(pod)) return;
    }
  }
  createPod(set, ordinal, revision) {
    const { api, events } = this.ctx;
    const name = podName(set, ordinal);
    const whenDeleted = set.spec?.persistentVolumeClaimRetentionPolicy?.whenDeleted;
    const setRef = whenDeleted === "Delete" ? ownerReferenceTo(set, { controller: false }) : void 0;
    for (const claim of claimsFor(set, ordinal, setRef)) {
      const claimName2 = claim.metadata.name;
      if (api.get("PersistentVolumeClaim", claim.metadata.namespace, claimName2)) continue;
      try {
        api.create(claim);
        events.record(set, "Normal", "SuccessfulCreate", `create Claim ${claimName2} Pod ${name} in StatefulSet ${set.metadata.name} success`, SOURCE3);
      } catch (err) {
        events.record(set, "Warning", "FailedCreate", `create Claim ${claimName2} for Pod ${name} in StatefulSet ${set.metadata.name} failed error: ${errorMessage3(err)}`, SOURCE3);
        throw err;
      }
    }
    const template = this.revisionsOf(set.metadata.uid).get(revision) ?? set.spec?.template;
    try {
      api.create(newStatefulSetPod(set, template, revision, ordinal, ownerReferenceTo(set, { controller: true })));
      events.record(set, "Normal", "SuccessfulCreate", `create Pod ${name} in StatefulSet ${set.metadata.name} successful`, SOURCE3);
    } catch (err) {
      events.record(set, "Warning", "FailedCreate", `create Pod ${name} in StatefulSet ${set.metadata.name} failed error: ${errorMessage3(err)}`, SOURCE3);
      throw err;
    }
  }
  deletePod(set, pod) {
    const { api, events } = this.ctx;
    try {
      api.delete("Pod", pod.metadata.namespace, pod.metadata.name);
      events.record(set, "Normal", "SuccessfulDelete", `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`, SOURCE3);
    } catch (err) {
      if (err instanceof ApiError && err.reason === "NotFound") return;
      events.record(set, "Warning", "FailedDelete", `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${errorMessage3(err)}`, SOURCE3);
      throw err;
    }
  }
  /** The status over the pods as they are now; a finished rolling update makes the update revision current. */
  calculateStatus(set, currentRevision, updateRevision) {
    const now = this.ctx.clock.now();
    const minReady = set.spec?.minReadySeconds ?? 0;
    let replicas = 0;
    let ready = 0;
    let available = 0;
    let current = 0;
    let updated = 0;
    for (const pod of this.podsByOwner.owned(set.metadata.uid)) {
      if (ordinalOf(set.metadata.name, pod.metadata.name) === void 0) continue;
      replicas++;
      if (isRunningAndReady(pod)) {
        ready++;
        if (isPodAvailable(pod, minReady, now)) available++;
      }
      if (isTerminating(pod)) continue;
      if (revisionOf2(pod) === currentRevision) current++;
      if (revisionOf2(pod) === updateRevision) updated++;
    }
    let currentRev = currentRevision;
    if (set.spec?.updateStrategy?.type !== "OnDelete" && updated === replicas && ready === replicas) {
      currentRev = updateRevision;
      current = updated;
    }
    const status = {
      observedGeneration: set.metadata.generation ?? 1,
      replicas,
      ...ready > 0 ? { readyReplicas: ready } : {},
      ...current > 0 ? { currentReplicas: current } : {},
      ...updated > 0 ? { updatedReplicas: updated } : {},
      currentRevision: currentRev,
      updateRevision,
      collisionCount: set.status?.collisionCount ?? 0,
      availableReplicas: available
    };
    return status;
  }
};
function errorMessage3(err) {
  return err instanceof Error ? err.message : String(err);
}

// src/engine/controllers/statefulset/index.ts
function createStatefulSetController(ctx, indexes) {
  const syncer = new StatefulSetSyncer(ctx, indexes);
  const setKeyOf = (pod) => {
    const ref = controllerOf(pod);
    return ref?.kind === "StatefulSet" ? objectKey(pod.metadata.namespace, ref.name) : void 0;
  };
  const podKeys = (event) => {
    const keys = [];
    const oldKey = event.old ? setKeyOf(event.old) : void 0;
    const key = setKeyOf(event.object);
    if (oldKey && oldKey !== key) keys.push(oldKey);
    if (key) keys.push(key);
    return keys;
  };
  return new Controller(
    {
      name: STATEFULSET_CONTROLLER_NAME,
      watches: [
        { kind: "StatefulSet", keys: (e) => e.old && e.type === "MODIFIED" && isStatusOnlyWrite(e.old, e.object) ? [] : [keyOf(e.object)] },
        { kind: "Pod", keys: podKeys }
      ],
      listKeys: () => ctx.api.peekList("StatefulSet").map((s2) => keyOf(s2)),
      sync: (key) => syncer.sync(key)
    },
    ctx
  );
}

// src/engine/controllers/volume/claimMatching.ts
function quantity(q) {
  if (q === void 0) return 0;
  try {
    return parseQuantity(q);
  } catch {
    return 0;
  }
}
function requestedStorage(claim) {
  return quantity(claim.spec?.resources?.requests?.storage);
}
function isPreBoundTo(pv, claim) {
  const ref = pv.spec?.claimRef;
  return ref !== void 0 && ref.name === claim.metadata.name && (ref.namespace ?? "default") === claim.metadata.namespace && (!ref.uid || ref.uid === claim.metadata.uid);
}
function fits(pv, claim, node) {
  if (pv.metadata.deletionTimestamp) return false;
  if ((pv.spec?.storageClassName ?? "") !== (claim.spec?.storageClassName ?? "")) return false;
  if ((pv.spec?.volumeMode ?? "Filesystem") !== (claim.spec?.volumeMode ?? "Filesystem")) return false;
  const modes = pv.spec?.accessModes ?? [];
  if (!(claim.spec?.accessModes ?? []).every((m) => modes.includes(m))) return false;
  if (quantity(pv.spec?.capacity?.storage) < requestedStorage(claim)) return false;
  const selector = claim.spec?.selector ? fromLabelSelector(claim.spec.selector) : void 0;
  if (selector === null || selector && !matchesSelector(selector, pv.metadata.labels)) return false;
  const terms = pv.spec?.nodeAffinity?.required?.nodeSelectorTerms;
  if (node && terms && !matchesNodeSelectorTerms(terms, node.metadata.labels, node.metadata.name)) return false;
  return true;
}
function findMatchingVolume(claim, volumes, node) {
  let best;
  for (const pv of volumes) {
    if (isPreBoundTo(pv, claim) && fits(pv, claim, node)) return pv;
    if (pv.spec?.claimRef || pv.status?.phase !== "Available" || !fits(pv, claim, node)) continue;
    if (!best || quantity(pv.spec?.capacity?.storage) < quantity(best.spec?.capacity?.storage)) best = pv;
  }
  return best;
}

// src/engine/controllers/volume/localPathProvisioner.ts
var NO_PROVISIONER = "kubernetes.io/no-provisioner";
var LOCAL_PATH_ROOT = "/var/local-path-provisioner";
function provisionedVolumeName(claim) {
  return `pvc-${claim.metadata.uid}`;
}
function provisionVolume(claim, sc, nodeName2) {
  const name = provisionedVolumeName(claim);
  const namespace = claim.metadata.namespace ?? "default";
  return {
    apiVersion: "v1",
    kind: "PersistentVolume",
    metadata: {
      name,
      annotations: {
        "pv.kubernetes.io/provisioned-by": sc.provisioner,
        ...nodeName2 ? { "local.path.provisioner/selected-node": nodeName2 } : {}
      }
    },
    spec: {
      accessModes: claim.spec?.accessModes ?? ["ReadWriteOnce"],
      capacity: { storage: claim.spec?.resources?.requests?.storage ?? "0" },
      claimRef: { apiVersion: "v1", kind: "PersistentVolumeClaim", name: claim.metadata.name, namespace, uid: claim.metadata.uid, resourceVersion: claim.metadata.resourceVersion },
      hostPath: { path: `${LOCAL_PATH_ROOT}/${name}_${namespace}_${claim.metadata.name}`, type: "DirectoryOrCreate" },
      ...nodeName2 ? { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: [nodeName2] }] }] } } } : {},
      persistentVolumeReclaimPolicy: sc.reclaimPolicy ?? "Delete",
      storageClassName: sc.metadata.name,
      volumeMode: claim.spec?.volumeMode ?? "Filesystem"
    }
  };
}

// src/engine/controllers/volume/persistentVolumeController.ts
var PERSISTENT_VOLUME_CONTROLLER_NAME = "persistentvolume-binder-controller";
var PERSISTENT_VOLUME_EVENT_SOURCE = "persistentvolume-controller";
var PROVISIONER_EVENT_SOURCE = "rancher.io/local-path_local-path-provisioner";
var SELECTED_NODE_ANNOTATION = "volume.kubernetes.io/selected-node";
var STORAGE_PROVISIONER_ANNOTATION = "volume.kubernetes.io/storage-provisioner";
var BETA_STORAGE_PROVISIONER_ANNOTATION = "volume.beta.kubernetes.io/storage-provisioner";
var BIND_COMPLETED_ANNOTATION = "pv.kubernetes.io/bind-completed";
var BOUND_BY_CONTROLLER_ANNOTATION = "pv.kubernetes.io/bound-by-controller";
var PV_SYNC_PERIOD_MS = 15e3;
var CLAIM_PREFIX = "claim:";
var VOLUME_PREFIX = "volume:";
function claimNamesOf(pod) {
  const out = [];
  for (const v of pod.spec?.volumes ?? []) if (v.persistentVolumeClaim?.claimName) out.push(v.persistentVolumeClaim.claimName);
  return out;
}
function createPersistentVolumeController(ctx) {
  const { api, events } = ctx;
  const source = { component: PERSISTENT_VOLUME_EVENT_SOURCE };
  const consumerNodes = /* @__PURE__ */ new Map();
  const annotate = (obj, annotations) => ({ ...obj, metadata: { ...obj.metadata, annotations: { ...obj.metadata.annotations, ...annotations } } });
  function bind(claim, pv) {
    let volume = pv;
    if (volume.spec?.claimRef?.uid !== claim.metadata.uid) {
      const claimRef = { apiVersion: "v1", kind: "PersistentVolumeClaim", name: claim.metadata.name, namespace: claim.metadata.namespace, uid: claim.metadata.uid, resourceVersion: claim.metadata.resourceVersion };
      volume = api.update(annotate({ ...volume, spec: { ...volume.spec, claimRef } }, { [BOUND_BY_CONTROLLER_ANNOTATION]: "yes" }));
    }
    if (volume.status?.phase !== "Bound") api.updateStatus({ ...volume, status: { phase: "Bound" } });
    const bound = api.update(
      annotate({ ...claim, spec: { ...claim.spec, volumeName: volume.metadata.name } }, { [BIND_COMPLETED_ANNOTATION]: "yes", [BOUND_BY_CONTROLLER_ANNOTATION]: "yes" })
    );
    markClaimBound(bound, volume);
  }
  function markClaimBound(claim, pv) {
    const status = { phase: "Bound", accessModes: pv.spec?.accessModes ?? [], capacity: pv.spec?.capacity ?? {} };
    if (JSON.stringify(claim.status ?? {}) !== JSON.stringify(status)) api.updateStatus({ ...claim, status });
  }
  function syncBoundClaim(claim) {
    const pv = api.get("PersistentVolume", void 0, claim.spec.volumeName);
    const ref = pv?.spec?.claimRef;
    if (!pv || ref?.uid && ref.uid !== claim.metadata.uid) {
      if (claim.status?.phase === "Lost") return;
      api.updateStatus({ ...claim, status: { ...claim.status, phase: "Lost" } });
      events.record(claim, "Warning", pv ? "ClaimMisbound" : "ClaimLost", pv ? "Two claims are bound to the same volume, this one is bound incorrectly" : "Bound claim has lost its PersistentVolume. Data on the volume is lost!", source);
      return;
    }
    if (!ref?.uid || pv.status?.phase !== "Bound") {
      bind(claim, pv);
      return;
    }
    markClaimBound(claim, pv);
  }
  function syncClaim(namespace, name) {
    let claim = api.get("PersistentVolumeClaim", namespace, name);
    if (!claim || claim.metadata.deletionTimestamp) return;
    if (claim.spec?.volumeName) return syncBoundClaim(claim);
    const className = claim.spec?.storageClassName ?? "";
    const sc = className ? api.get("StorageClass", void 0, className) : void 0;
    let nodeName2 = claim.metadata.annotations?.[SELECTED_NODE_ANNOTATION];
    if (sc?.volumeBindingMode === "WaitForFirstConsumer" && !nodeName2) {
      const consumer = consumerNodes.get(keyOf(claim));
      if (!consumer) {
        events.record(claim, "Normal", "WaitForFirstConsumer", "waiting for first consumer to be created before binding", source);
        return;
      }
      claim = api.update(annotate(claim, { [SELECTED_NODE_ANNOTATION]: consumer }));
      nodeName2 = consumer;
    }
    const node = nodeName2 ? api.get("Node", void 0, nodeName2) : void 0;
    const match = findMatchingVolume(claim, api.list("PersistentVolume"), node);
    if (match) return bind(claim, match);
    if (!className) {
      events.record(claim, "Normal", "FailedBinding", "no persistent volumes available for this claim and no storage class is set", source);
      return;
    }
    if (!sc) {
      events.record(claim, "Warning", "ProvisioningFailed", `storageclass.storage.k8s.io "${className}" not found`, source);
      return;
    }
    if (sc.provisioner === NO_PROVISIONER) {
      events.record(claim, "Normal", "FailedBinding", "no persistent volumes available for this claim and no storage class is set", source);
      return;
    }
    provision(claim, sc, nodeName2);
  }
  function provision(claim, sc, nodeName2) {
    const provisioner = sc.provisioner;
    if (claim.metadata.annotations?.[STORAGE_PROVISIONER_ANNOTATION] !== provisioner) {
      claim = api.update(annotate(claim, { [BETA_STORAGE_PROVISIONER_ANNOTATION]: provisioner, [STORAGE_PROVISIONER_ANNOTATION]: provisioner }));
    }
    const claimKey = objectKey(claim.metadata.namespace, claim.metadata.name);
    events.record(
      claim,
      "Normal",
      "ExternalProvisioning",
      `Waiting for a volume to be created either by the external provisioner '${provisioner}' or manually by the system administrator. If volume creation is delayed, please verify that the provisioner is running and correctly registered.`,
      source
    );
    events.record(claim, "Normal", "Provisioning", `External provisioner is provisioning volume for claim "${claimKey}"`, { component: PROVISIONER_EVENT_SOURCE });
    let pv = api.get("PersistentVolume", void 0, provisionedVolumeName(claim));
    if (!pv) {
      try {
        pv = api.create(provisionVolume(claim, sc, nodeName2));
      } catch (err) {
        events.record(claim, "Warning", "ProvisioningFailed", `failed to provision volume with StorageClass "${sc.metadata.name}": ${err instanceof Error ? err.message : String(err)}`, { component: PROVISIONER_EVENT_SOURCE });
        throw err;
      }
      events.record(claim, "Normal", "ProvisioningSucceeded", `Successfully provisioned volume ${pv.metadata.name}`, { component: PROVISIONER_EVENT_SOURCE });
    }
    bind(claim, pv);
  }
  function syncVolume(name) {
    const pv = api.get("PersistentVolume", void 0, name);
    if (!pv || pv.metadata.deletionTimestamp) return;
    const ref = pv.spec?.claimRef;
    if (!ref) {
      if (pv.status?.phase !== "Available") api.updateStatus({ ...pv, status: { phase: "Available" } });
      return;
    }
    const claim = api.get("PersistentVolumeClaim", ref.namespace ?? "default", ref.name ?? "");
    if (claim && (!ref.uid || claim.metadata.uid === ref.uid)) {
      if (claim.spec?.volumeName === pv.metadata.name && pv.status?.phase !== "Bound") api.updateStatus({ ...pv, status: { phase: "Bound" } });
      return;
    }
    if (!ref.uid) return;
    if (pv.spec?.persistentVolumeReclaimPolicy === "Delete") {
      try {
        api.delete("PersistentVolume", void 0, name);
      } catch (err) {
        if (!(err instanceof ApiError && err.reason === "NotFound")) throw err;
      }
      return;
    }
    if (pv.status?.phase !== "Released") api.updateStatus({ ...pv, status: { phase: "Released" } });
  }
  const podKeys = (event) => {
    if (event.type === "DELETED") return [];
    const pod = event.object;
    const node = pod.spec?.nodeName;
    if (!node || event.old?.spec?.nodeName) return [];
    const claims = claimNamesOf(pod);
    const keys = [];
    for (const c2 of claims) {
      const key = objectKey(pod.metadata.namespace, c2);
      if (!consumerNodes.has(key)) consumerNodes.set(key, node);
      keys.push(CLAIM_PREFIX + key);
    }
    return keys;
  };
  const claimKeys = (event) => {
    const key = keyOf(event.object);
    if (event.type === "DELETED") {
      consumerNodes.delete(key);
      const volume = event.object.spec?.volumeName;
      return volume ? [VOLUME_PREFIX + volume] : [];
    }
    return [CLAIM_PREFIX + key];
  };
  const pendingClaimKeys = () => api.peekList("PersistentVolumeClaim").filter((c2) => !c2.spec?.volumeName).map((c2) => CLAIM_PREFIX + keyOf(c2));
  return new Controller(
    {
      name: PERSISTENT_VOLUME_CONTROLLER_NAME,
      watches: [
        { kind: "PersistentVolumeClaim", keys: claimKeys },
        { kind: "PersistentVolume", keys: (e) => [VOLUME_PREFIX + e.object.metadata.name, ...e.type === "ADDED" ? pendingClaimKeys() : []] },
        { kind: "StorageClass", keys: (e) => e.type === "DELETED" ? [] : pendingClaimKeys() },
        { kind: "Pod", keys: podKeys }
      ],
      listKeys: () => [
        ...api.peekList("PersistentVolumeClaim").map((c2) => CLAIM_PREFIX + keyOf(c2)),
        ...api.peekList("PersistentVolume").map((v) => VOLUME_PREFIX + v.metadata.name)
      ],
      sync: (key) => {
        if (key.startsWith(CLAIM_PREFIX)) {
          const { namespace, name } = splitKey(key.slice(CLAIM_PREFIX.length));
          syncClaim(namespace, name);
        } else if (key.startsWith(VOLUME_PREFIX)) {
          syncVolume(key.slice(VOLUME_PREFIX.length));
        }
      },
      resyncPeriodMs: PV_SYNC_PERIOD_MS
    },
    ctx
  );
}

// src/engine/controllers/cronjob/cronSchedule.ts
var DESCRIPTORS = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *"
};
var MONTH_NAMES = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
var DAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
var BOUNDS = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTH_NAMES, nameOffset: 1 },
  { min: 0, max: 6, names: DAY_NAMES, nameOffset: 0 }
];
var CronParseError = class extends Error {
};
function parseValue(text, b) {
  const lower = text.toLowerCase();
  const named = b.names?.indexOf(lower) ?? -1;
  if (named >= 0) return named + (b.nameOffset ?? 0);
  if (!/^\d+$/.test(text)) throw new CronParseError(`failed to parse int from ${text}: strconv.Atoi: parsing "${text}": invalid syntax`);
  return Number.parseInt(text, 10);
}
function parseField(expr, b) {
  const values = /* @__PURE__ */ new Set();
  let star = false;
  for (const part of expr.split(",")) {
    const [rangeText = "", stepText] = part.split("/");
    let start;
    let end;
    let partStar = false;
    if (rangeText === "*" || rangeText === "?") {
      start = b.min;
      end = b.max;
      partStar = true;
    } else {
      const [lo = "", hi] = rangeText.split("-");
      start = parseValue(lo, b);
      end = hi !== void 0 ? parseValue(hi, b) : stepText !== void 0 ? b.max : start;
    }
    let step = 1;
    if (stepText !== void 0) {
      if (!/^\d+$/.test(stepText) || Number.parseInt(stepText, 10) === 0) throw new CronParseError(`step of range should be a positive number: ${part}`);
      step = Number.parseInt(stepText, 10);
      if (step > 1) partStar = false;
    }
    if (start < b.min) throw new CronParseError(`beginning of range (${start}) below minimum (${b.min}): ${part}`);
    if (end > b.max) throw new CronParseError(`end of range (${end}) above maximum (${b.max}): ${part}`);
    if (start > end) throw new CronParseError(`beginning of range (${start}) beyond end of range (${end}): ${part}`);
    for (let v = start; v <= end; v += step) values.add(v);
    star ||= partStar;
  }
  return { values, star };
}
function parseCronSchedule(spec) {
  const text = spec.trim();
  const expanded = text.startsWith("@") ? DESCRIPTORS[text.toLowerCase()] : text;
  if (expanded === void 0) throw new CronParseError(`unrecognized descriptor: ${text}`);
  const fields = expanded.split(/\s+/).filter((f) => f !== "");
  if (fields.length !== 5) throw new CronParseError(`expected exactly 5 fields, found ${fields.length}: ${text}`);
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields.map((f, i) => parseField(f, BOUNDS[i]));
  return { minute, hour, dayOfMonth, month, dayOfWeek };
}
var formatters = /* @__PURE__ */ new Map();
function formatter(timeZone) {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
    formatters.set(timeZone, f);
  }
  return f;
}
function validateTimeZone(timeZone) {
  formatter(timeZone);
}
function zoneOffsetMs(instantMs, timeZone) {
  if (!timeZone || timeZone === "UTC" || timeZone === "Etc/UTC") return 0;
  const parts = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instantMs))) if (p.type !== "literal") parts[p.type] = Number.parseInt(p.value, 10);
  const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return wall - Math.floor(instantMs / 1e3) * 1e3;
}
function wallToInstant(wallMs, timeZone) {
  const guess = wallMs - zoneOffsetMs(wallMs, timeZone);
  return wallMs - zoneOffsetMs(guess, timeZone);
}
function dayMatches(s2, d) {
  const dom = s2.dayOfMonth.values.has(d.getUTCDate());
  const dow = s2.dayOfWeek.values.has(d.getUTCDay());
  return s2.dayOfMonth.star || s2.dayOfWeek.star ? dom && dow : dom || dow;
}
function nextActivation(s2, afterMs, timeZone) {
  const wallAfter = afterMs + zoneOffsetMs(afterMs, timeZone);
  let t = Math.floor(wallAfter / 6e4) * 6e4 + 6e4;
  const limit = wallAfter + 5 * 366 * 864e5;
  while (t <= limit) {
    const d = new Date(t);
    const y = d.getUTCFullYear();
    const mo = d.getUTCMonth();
    const day = d.getUTCDate();
    const h = d.getUTCHours();
    if (!s2.month.values.has(mo + 1)) {
      t = Date.UTC(y, mo + 1, 1);
      continue;
    }
    if (!dayMatches(s2, d)) {
      t = Date.UTC(y, mo, day + 1);
      continue;
    }
    if (!s2.hour.values.has(h)) {
      t = Date.UTC(y, mo, day, h + 1);
      continue;
    }
    if (!s2.minute.values.has(d.getUTCMinutes())) {
      t += 6e4;
      continue;
    }
    return wallToInstant(t, timeZone);
  }
  return void 0;
}
function formatInZone(instantMs, timeZone) {
  const offset = zoneOffsetMs(instantMs, timeZone);
  const wall = new Date(instantMs + offset).toISOString().replace(/\.\d{3}Z$/, "");
  if (offset === 0) return `${wall}Z`;
  const abs = Math.abs(offset) / 6e4;
  return `${wall}${offset < 0 ? "-" : "+"}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}
function formatRfc1123z(instantMs, timeZone) {
  const offset = zoneOffsetMs(instantMs, timeZone);
  const d = new Date(instantMs + offset);
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const p = (n) => String(n).padStart(2, "0");
  const abs = Math.abs(offset) / 6e4;
  const zone = `${offset < 0 ? "-" : "+"}${p(Math.floor(abs / 60))}${p(abs % 60)}`;
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${zone}`;
}

// src/engine/controllers/cronjob/cronJobController.ts
var CRONJOB_CONTROLLER_NAME = "cronjob-controller";
var CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION = "batch.kubernetes.io/cronjob-scheduled-timestamp";
var NEXT_SCHEDULE_DELTA_MS = 100;
var MAX_MISSED_TIMES = 100;
var SOURCE4 = { component: CRONJOB_CONTROLLER_NAME };
function rfc3339(ms) {
  return new Date(Math.floor(ms / 1e3) * 1e3).toISOString().replace(".000Z", "Z");
}
function finishedType(job) {
  const c2 = job.status?.conditions?.find((x) => (x.type === "Complete" || x.type === "Failed") && x.status === "True");
  return c2?.type;
}
function jobReference(job) {
  return { apiVersion: "batch/v1", kind: "Job", name: job.metadata.name, namespace: job.metadata.namespace, uid: job.metadata.uid, resourceVersion: job.metadata.resourceVersion };
}
function jobNameFor(cronJobName, scheduledMs) {
  return `${cronJobName}-${Math.floor(scheduledMs / 6e4)}`;
}
var CronJobSyncer = class {
  constructor(ctx) {
    this.ctx = ctx;
  }
  ctx;
  sync(key) {
    const { api, clock } = this.ctx;
    const { namespace, name } = splitKey(key);
    const cj = api.get("CronJob", namespace, name);
    if (!cj || cj.metadata.deletionTimestamp) return;
    const now = clock.now();
    const jobs = ownedBy(api, "Job", cj.metadata.uid);
    const status = { ...cj.status };
    let active = [...cj.status?.active ?? []];
    const byUid = new Map(jobs.map((j) => [j.metadata.uid, j]));
    for (const job of jobs) {
      const inActive = active.some((r2) => r2.uid === job.metadata.uid);
      const done = finishedType(job);
      if (inActive && done) {
        active = active.filter((r2) => r2.uid !== job.metadata.uid);
        this.ctx.events.record(cj, "Normal", "SawCompletedJob", `Saw completed job: ${job.metadata.name}, condition: ${done}`, SOURCE4);
        const completed = parseTime(job.status?.completionTime);
        if (done === "Complete" && completed !== void 0 && (parseTime(status.lastSuccessfulTime) ?? 0) < completed) status.lastSuccessfulTime = job.status.completionTime;
      }
    }
    active = active.filter((r2) => {
      if (byUid.has(r2.uid ?? "")) return true;
      const job = api.get("Job", r2.namespace ?? namespace, r2.name ?? "");
      return job !== void 0 && job.metadata.uid === r2.uid;
    });
    this.cleanupFinishedJobs(cj, jobs);
    const write = () => {
      const next = {
        ...active.length > 0 ? { active } : {},
        ...status.lastScheduleTime ? { lastScheduleTime: status.lastScheduleTime } : {},
        ...status.lastSuccessfulTime ? { lastSuccessfulTime: status.lastSuccessfulTime } : {}
      };
      const latest = api.get("CronJob", namespace, name) ?? cj;
      if (JSON.stringify(latest.status ?? {}) !== JSON.stringify(next)) api.updateStatus({ ...latest, status: next });
    };
    if (cj.spec?.suspend) {
      write();
      return;
    }
    const timeZone = cj.spec?.timeZone ?? void 0;
    let schedule;
    try {
      if (timeZone) validateTimeZone(timeZone);
    } catch {
      this.ctx.events.record(cj, "Warning", "UnknownTimeZone", `invalid timeZone: "${timeZone}": unknown time zone ${timeZone}`, SOURCE4);
      write();
      return;
    }
    try {
      schedule = parseCronSchedule(cj.spec?.schedule ?? "");
    } catch (err) {
      const why = err instanceof CronParseError ? err.message : String(err);
      this.ctx.events.record(cj, "Warning", "InvalidSchedule", `invalid schedule: ${cj.spec?.schedule ?? ""} : ${why}`, SOURCE4);
      write();
      return;
    }
    const wakeUp = () => {
      const next = nextActivation(schedule, now, timeZone);
      return next === void 0 ? void 0 : { requeueAfterMs: next - now + NEXT_SCHEDULE_DELTA_MS };
    };
    const scheduled = this.mostRecentScheduleTime(cj, schedule, now, timeZone);
    if (scheduled === void 0) {
      write();
      return wakeUp();
    }
    const deadline = cj.spec?.startingDeadlineSeconds;
    if (deadline != null && scheduled + deadline * 1e3 < now) {
      this.ctx.events.record(cj, "Warning", "MissSchedule", `Missed scheduled time to start a job: ${formatRfc1123z(scheduled, timeZone)}`, SOURCE4);
      write();
      return wakeUp();
    }
    const jobName = jobNameFor(cj.metadata.name, scheduled);
    if (active.some((r2) => r2.name === jobName) || status.lastScheduleTime === rfc3339(scheduled)) {
      write();
      return wakeUp();
    }
    const policy = cj.spec?.concurrencyPolicy ?? "Allow";
    if (policy === "Forbid" && active.length > 0) {
      this.ctx.events.record(cj, "Normal", "JobAlreadyActive", "Not starting job because prior execution is running and concurrency policy is Forbid", SOURCE4);
      write();
      return wakeUp();
    }
    if (policy === "Replace") {
      for (const ref of active) {
        this.deleteJob(cj, ref.name ?? "");
      }
      active = [];
    }
    try {
      const created = api.create(this.jobFromTemplate(cj, jobName, scheduled, timeZone));
      this.ctx.events.record(cj, "Normal", "SuccessfulCreate", `Created job ${created.metadata.name}`, SOURCE4);
      active.push(jobReference(created));
    } catch (err) {
      if (!(err instanceof ApiError && err.reason === "AlreadyExists")) {
        this.ctx.events.record(cj, "Warning", "FailedCreate", `Error creating job: ${err instanceof Error ? err.message : String(err)}`, SOURCE4);
        write();
        throw err;
      }
    }
    status.lastScheduleTime = rfc3339(scheduled);
    write();
    return wakeUp();
  }
  /**
   * The latest schedule time in (earliest, now], where earliest is the last schedule time (or the
   * CronJob's creation), moved forward to now − startingDeadlineSeconds when that is later.
   */
  mostRecentScheduleTime(cj, schedule, now, timeZone) {
    let earliest = parseTime(cj.status?.lastScheduleTime) ?? parseTime(cj.metadata.creationTimestamp) ?? now;
    const deadline = cj.spec?.startingDeadlineSeconds;
    if (deadline != null) earliest = Math.max(earliest, now - deadline * 1e3);
    let t = nextActivation(schedule, earliest, timeZone);
    if (t === void 0 || t > now) return void 0;
    let missed = 0;
    for (; ; ) {
      const n = nextActivation(schedule, t, timeZone);
      if (n === void 0 || n > now) break;
      t = n;
      if (++missed > MAX_MISSED_TIMES * 10) break;
    }
    if (missed > MAX_MISSED_TIMES) {
      this.ctx.events.record(cj, "Warning", "TooManyMissedTimes", `too many missed start times: ${missed}. Set or decrease .spec.startingDeadlineSeconds or check clock skew`, SOURCE4);
    }
    return t;
  }
  /** getJobFromTemplate2: the Job for one schedule time, owned by the CronJob. */
  jobFromTemplate(cj, name, scheduled, timeZone) {
    const template = cj.spec?.jobTemplate;
    return {
      apiVersion: "batch/v1",
      kind: "Job",
      metadata: {
        name,
        namespace: cj.metadata.namespace ?? "default",
        ...template?.metadata?.labels ? { labels: template.metadata.labels } : {},
        annotations: { ...template?.metadata?.annotations, [CRONJOB_SCHEDULED_TIMESTAMP_ANNOTATION]: formatInZone(scheduled, timeZone) },
        ownerReferences: [ownerReferenceTo(cj, { controller: true })]
      },
      spec: template?.spec ?? { template: {} }
    };
  }
  /** History limits: the oldest finished Jobs beyond the limits go (by start time). */
  cleanupFinishedJobs(cj, jobs) {
    const limits = [
      ["Complete", cj.spec?.successfulJobsHistoryLimit ?? void 0],
      ["Failed", cj.spec?.failedJobsHistoryLimit ?? void 0]
    ];
    for (const [type, limit] of limits) {
      if (limit === void 0) continue;
      const finished = jobs.filter((j) => isJobFinished(j) && finishedType(j) === type && !j.metadata.deletionTimestamp);
      if (finished.length <= limit) continue;
      const startOf = (j) => parseTime(j.status?.startTime) ?? parseTime(j.metadata.creationTimestamp) ?? 0;
      finished.sort((a, b) => startOf(a) - startOf(b) || a.metadata.name.localeCompare(b.metadata.name));
      for (const job of finished.slice(0, finished.length - limit)) this.deleteJob(cj, job.metadata.name);
    }
  }
  deleteJob(cj, jobName) {
    try {
      this.ctx.api.delete("Job", cj.metadata.namespace, jobName, { propagationPolicy: "Background" });
      this.ctx.events.record(cj, "Normal", "SuccessfulDelete", `Deleted job ${jobName}`, SOURCE4);
    } catch (err) {
      if (err instanceof ApiError && err.reason === "NotFound") return;
      this.ctx.events.record(cj, "Warning", "FailedDelete", `Deleted job: ${err instanceof Error ? err.message : String(err)}`, SOURCE4);
      throw err;
    }
  }
};
function cronJobKeyOfJob(job) {
  const ref = job.metadata.ownerReferences?.find((r2) => r2.controller && r2.kind === "CronJob");
  return ref ? keyOf({ metadata: { namespace: job.metadata.namespace, name: ref.name } }) : void 0;
}

// src/engine/controllers/cronjob/index.ts
function createCronJobController(ctx) {
  const syncer = new CronJobSyncer(ctx);
  const jobKeys = (event) => {
    const job = event.object;
    const key = cronJobKeyOfJob(job);
    if (!key) return [];
    if (event.type === "MODIFIED" && event.old && isJobFinished(event.old) === isJobFinished(job)) return [];
    return [key];
  };
  return new Controller(
    {
      name: CRONJOB_CONTROLLER_NAME,
      watches: [
        { kind: "CronJob", keys: (e) => e.old && e.type === "MODIFIED" && isStatusOnlyWrite(e.old, e.object) ? [] : [keyOf(e.object)] },
        { kind: "Job", keys: jobKeys }
      ],
      listKeys: () => ctx.api.peekList("CronJob").map((c2) => keyOf(c2)),
      sync: (key) => syncer.sync(key)
    },
    ctx
  );
}

// src/engine/controllers/index.ts
var CONTROLLER_MANAGER_COMPONENT = "kube-controller-manager";
function createControllerManager(ctx) {
  const podsByNode = new PodsByNodeIndex(ctx.api);
  const podIndexes = createPodIndexes(ctx.api);
  const controllers = [
    createReplicaSetController(ctx),
    createDeploymentController(ctx),
    createEndpointSliceController(ctx),
    createEndpointsController(ctx),
    createNodeLifecycleController(ctx, podsByNode),
    createTaintEvictionController(ctx, podsByNode),
    createGarbageCollector(ctx),
    createNamespaceController(ctx),
    createServiceAccountController(ctx),
    createNodeIpamController(ctx),
    createPodGcController(ctx, podsByNode),
    createJobController(ctx, podIndexes),
    createTtlAfterFinishedController(ctx),
    createDaemonSetController(ctx, podIndexes),
    createStatefulSetController(ctx, podIndexes),
    createPersistentVolumeController(ctx),
    createCronJobController(ctx)
  ];
  const apiserverEndpoints = createApiServerEndpointReconciler(ctx);
  const byName = new Map(controllers.map((c2) => [c2.name, c2]));
  let running = false;
  const announce = (state) => {
    if (ctx.cues.hasListeners) ctx.cues.emit({ type: "component", component: CONTROLLER_MANAGER_COMPONENT, state });
  };
  return {
    controllers,
    boot() {
      apiserverEndpoints.boot();
      for (const c2 of controllers) c2.boot();
      running = true;
    },
    start() {
      if (running) return;
      for (const c2 of controllers) c2.start();
      running = true;
      announce("running");
    },
    stop() {
      if (!running) return;
      for (const c2 of controllers) c2.stop();
      running = false;
      announce("stopped");
    },
    get running() {
      return running;
    },
    get(name) {
      return byName.get(name) ?? (name === apiserverEndpoints.name ? apiserverEndpoints : void 0);
    }
  };
}

// src/engine/scheduler/index.ts
import { createActor as createActor2, setup as setup2 } from "xstate";

// src/engine/scheduler/framework/quantities.ts
var MAX_MEMO = 4096;
var cpuMemo = /* @__PURE__ */ new Map();
var bytesMemo = /* @__PURE__ */ new Map();
function memoized(memo, parse2, q) {
  if (q === void 0) return 0;
  let v = memo.get(q);
  if (v === void 0) {
    try {
      v = parse2(q);
    } catch {
      v = 0;
    }
    if (memo.size >= MAX_MEMO) memo.clear();
    memo.set(q, v);
  }
  return v;
}
function cpuMillis2(q) {
  return memoized(cpuMemo, cpuMillis, q);
}
function quantityValue(q) {
  return memoized(bytesMemo, memoryBytes, q);
}

// src/engine/scheduler/framework/imageName.ts
function canonicalImageName(image2) {
  let name = image2;
  if (!name.includes("@") && name.lastIndexOf(":") <= name.lastIndexOf("/")) name += ":latest";
  const slash = name.indexOf("/");
  const first = slash < 0 ? "" : name.slice(0, slash);
  const hasRegistry = first.includes(".") || first.includes(":") || first === "localhost";
  if (slash < 0) return `docker.io/library/${name}`;
  if (!hasRegistry) return `docker.io/${name}`;
  return name;
}

// src/engine/scheduler/framework/podInfo.ts
var DEFAULT_MILLI_CPU_REQUEST = 100;
var DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;
var CORE_RESOURCES = /* @__PURE__ */ new Set(["cpu", "memory", "ephemeral-storage", "pods", "storage"]);
function isScalarResourceName(name) {
  if (CORE_RESOURCES.has(name)) return false;
  return name.startsWith("hugepages-") || name.startsWith("attachable-volumes-") || name.includes("/") && !name.startsWith("kubernetes.io/");
}
function emptyAmounts() {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, scalar: void 0 };
}
function containerRequests(c2) {
  const req = c2.resources?.requests ?? {};
  const lim = c2.resources?.limits;
  if (!lim) return req;
  let merged;
  for (const k in lim) {
    if (req[k] === void 0) (merged ??= { ...req })[k] = lim[k];
  }
  return merged ?? req;
}
function addList(into, list, sign = 1) {
  for (const name in list) {
    const q = list[name];
    if (q === void 0) continue;
    if (name === "cpu") into.milliCPU += sign * cpuMillis2(q);
    else if (name === "memory") into.memory += sign * quantityValue(q);
    else if (name === "ephemeral-storage") into.ephemeralStorage += sign * quantityValue(q);
    else if (isScalarResourceName(name)) {
      into.scalar ??= /* @__PURE__ */ new Map();
      into.scalar.set(name, (into.scalar.get(name) ?? 0) + sign * quantityValue(q));
    }
  }
}
function addAmounts(into, a) {
  into.milliCPU += a.milliCPU;
  into.memory += a.memory;
  into.ephemeralStorage += a.ephemeralStorage;
  if (a.scalar) for (const [k, v] of a.scalar) (into.scalar ??= /* @__PURE__ */ new Map()).set(k, (into.scalar.get(k) ?? 0) + v);
}
function maxInto(into, a) {
  into.milliCPU = Math.max(into.milliCPU, a.milliCPU);
  into.memory = Math.max(into.memory, a.memory);
  into.ephemeralStorage = Math.max(into.ephemeralStorage, a.ephemeralStorage);
  if (a.scalar) for (const [k, v] of a.scalar) (into.scalar ??= /* @__PURE__ */ new Map()).set(k, Math.max(into.scalar.get(k) ?? 0, v));
}
function cloneAmounts(a) {
  return { ...a, scalar: a.scalar ? new Map(a.scalar) : void 0 };
}
function podRequests(pod, nonZero = false) {
  const spec = pod.spec;
  const sum = emptyAmounts();
  const one = (c2) => {
    const a = emptyAmounts();
    const list = containerRequests(c2);
    addList(a, list);
    if (nonZero) {
      if (list.cpu === void 0) a.milliCPU = DEFAULT_MILLI_CPU_REQUEST;
      if (list.memory === void 0) a.memory = DEFAULT_MEMORY_REQUEST;
    }
    return a;
  };
  for (const c2 of spec?.containers ?? []) addAmounts(sum, one(c2));
  const sidecars = emptyAmounts();
  const initMax = emptyAmounts();
  for (const c2 of spec?.initContainers ?? []) {
    const r2 = one(c2);
    if (c2.restartPolicy === "Always") {
      addAmounts(sidecars, r2);
      maxInto(initMax, sidecars);
    } else {
      const during = cloneAmounts(sidecars);
      addAmounts(during, r2);
      maxInto(initMax, during);
    }
  }
  addAmounts(sum, sidecars);
  maxInto(sum, initMax);
  if (spec?.overhead) addList(sum, spec.overhead);
  return sum;
}
function buildPodInfo(pod) {
  const spec = pod.spec;
  const requests = podRequests(pod);
  const nonZero = podRequests(pod, true);
  const images = [];
  for (const c2 of spec?.initContainers ?? []) if (c2.image) images.push(canonicalImageName(c2.image));
  for (const c2 of spec?.containers ?? []) if (c2.image) images.push(canonicalImageName(c2.image));
  const affinity = spec?.affinity?.nodeAffinity;
  const nodeSelector = spec?.nodeSelector && Object.keys(spec.nodeSelector).length > 0 ? spec.nodeSelector : void 0;
  const preferred = affinity?.preferredDuringSchedulingIgnoredDuringExecution;
  return {
    pod,
    key: objectKey(pod.metadata.namespace, pod.metadata.name),
    namespace: pod.metadata.namespace ?? "default",
    name: pod.metadata.name,
    uid: pod.metadata.uid,
    priority: spec?.priority ?? 0,
    requests,
    nonZeroMilliCPU: nonZero.milliCPU,
    nonZeroMemory: nonZero.memory,
    tolerations: spec?.tolerations ?? [],
    nodeName: spec?.nodeName || void 0,
    nodeSelector,
    requiredNodeAffinity: affinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms,
    preferredNodeAffinity: preferred && preferred.length > 0 ? preferred : void 0,
    images,
    preemptionPolicy: spec?.preemptionPolicy
  };
}

// src/engine/scheduler/framework/nodeInfo.ts
var DEFAULT_MAX_PODS = 110;
var NodeInfo = class {
  name;
  /** undefined while pods name a node the scheduler has not seen (the cache's "imaginary" node). */
  node;
  allocatable = emptyAmounts();
  allowedPodNumber = 0;
  requested = emptyAmounts();
  nonZeroMilliCPU = 0;
  nonZeroMemory = 0;
  podCount = 0;
  unschedulable = false;
  labels;
  /** Taints with effect NoSchedule or NoExecute, in the node's order (TaintToleration's filter). */
  hardTaints = [];
  /** Taints with effect PreferNoSchedule (TaintToleration's score). */
  softTaints = [];
  /** Canonical image name → size in bytes, from node.status.images. */
  images = /* @__PURE__ */ new Map();
  constructor(name) {
    this.name = name;
  }
  /** Takes the node-derived fields from a Node object. */
  setNode(node) {
    const prev = this.node;
    this.node = node;
    const status = node.status;
    if (!prev || prev.status?.allocatable !== status?.allocatable || prev.status?.capacity !== status?.capacity) {
      const list = status?.allocatable ?? status?.capacity ?? {};
      const a = emptyAmounts();
      for (const name in list) {
        const q = list[name];
        if (q === void 0) continue;
        if (name === "cpu") a.milliCPU = cpuMillis2(q);
        else if (name === "memory") a.memory = quantityValue(q);
        else if (name === "ephemeral-storage") a.ephemeralStorage = quantityValue(q);
        else if (isScalarResourceName(name)) (a.scalar ??= /* @__PURE__ */ new Map()).set(name, quantityValue(q));
      }
      this.allocatable = a;
      this.allowedPodNumber = list.pods !== void 0 ? quantityValue(list.pods) : DEFAULT_MAX_PODS;
    }
    this.unschedulable = node.spec?.unschedulable === true;
    this.labels = node.metadata.labels;
    if (!prev || prev.spec?.taints !== node.spec?.taints) {
      const taints = node.spec?.taints ?? [];
      this.hardTaints = taints.filter((t) => t.effect === "NoSchedule" || t.effect === "NoExecute");
      this.softTaints = taints.filter((t) => t.effect === "PreferNoSchedule");
    }
  }
  /** Rebuilds the image map; returns the images added and removed (for the cache's per-image counts). */
  setImages(node) {
    const next = /* @__PURE__ */ new Map();
    for (const img of node.status?.images ?? []) {
      for (const n of img.names ?? []) next.set(canonicalImageName(n), img.sizeBytes ?? 0);
    }
    const added = [];
    const removed = [];
    for (const k of next.keys()) if (!this.images.has(k)) added.push(k);
    for (const k of this.images.keys()) if (!next.has(k)) removed.push(k);
    this.images = next;
    return { added, removed };
  }
  addPod(requests, nonZeroMilliCPU, nonZeroMemory, sign = 1) {
    const r2 = this.requested;
    r2.milliCPU += sign * requests.milliCPU;
    r2.memory += sign * requests.memory;
    r2.ephemeralStorage += sign * requests.ephemeralStorage;
    if (requests.scalar) {
      for (const [k, v] of requests.scalar) (r2.scalar ??= /* @__PURE__ */ new Map()).set(k, (r2.scalar.get(k) ?? 0) + sign * v);
    }
    this.nonZeroMilliCPU += sign * nonZeroMilliCPU;
    this.nonZeroMemory += sign * nonZeroMemory;
    this.podCount += sign;
  }
  removePod(requests, nonZeroMilliCPU, nonZeroMemory) {
    this.addPod(requests, nonZeroMilliCPU, nonZeroMemory, -1);
  }
};

// src/engine/scheduler/cache.ts
function isTerminal2(pod) {
  const phase = pod.status?.phase;
  return phase === "Succeeded" || phase === "Failed";
}
var SchedulerCache = class {
  infos = /* @__PURE__ */ new Map();
  /** Existing nodes, the order filters visit them in; `position` gives O(1) removal. */
  list = [];
  position = /* @__PURE__ */ new Map();
  pods = /* @__PURE__ */ new Map();
  imageNodes = /* @__PURE__ */ new Map();
  get nodeCount() {
    return this.list.length;
  }
  nodesWithImage(image2) {
    return this.imageNodes.get(image2) ?? 0;
  }
  /** The nodes, in a stable order (the snapshot's node list). Do not modify. */
  nodes() {
    return this.list;
  }
  nodeInfo(name) {
    return this.infos.get(name);
  }
  /** Number of pods the cache counts on nodes (bound or assumed). */
  get podCount() {
    return this.pods.size;
  }
  isAssumed(key) {
    return this.pods.get(key)?.assumed === true;
  }
  // ---- nodes ----
  onNodeEvent(event) {
    const node = event.object;
    const name = node.metadata.name;
    if (event.type === "DELETED") {
      this.removeNode(name);
      return void 0;
    }
    let info = this.infos.get(name);
    if (!info) this.infos.set(name, info = new NodeInfo(name));
    const old = info.node;
    info.setNode(node);
    if (!old || old.status?.images !== node.status?.images) this.updateImages(info, node);
    if (!this.position.has(info)) {
      this.position.set(info, this.list.length);
      this.list.push(info);
      return { added: true, allocatable: true, labels: true, taints: true, conditions: true };
    }
    if (!old) return void 0;
    const change = {
      added: false,
      allocatable: !isDeepEqual(old.status?.allocatable, node.status?.allocatable),
      labels: !isDeepEqual(old.metadata.labels, node.metadata.labels),
      taints: !isDeepEqual(old.spec?.taints, node.spec?.taints) || old.spec?.unschedulable === true !== (node.spec?.unschedulable === true),
      conditions: !sameConditions(old, node)
    };
    return change.allocatable || change.labels || change.taints || change.conditions ? change : void 0;
  }
  removeNode(name) {
    const info = this.infos.get(name);
    if (!info) return;
    const at = this.position.get(info);
    if (at !== void 0) {
      const last = this.list.pop();
      if (last !== info) {
        this.list[at] = last;
        this.position.set(last, at);
      }
      this.position.delete(info);
    }
    for (const image2 of info.images.keys()) this.countImage(image2, -1);
    info.images = /* @__PURE__ */ new Map();
    info.node = void 0;
    if (info.podCount === 0) this.infos.delete(name);
  }
  updateImages(info, node) {
    const { added, removed } = info.setImages(node);
    for (const image2 of added) this.countImage(image2, 1);
    for (const image2 of removed) this.countImage(image2, -1);
  }
  countImage(image2, delta) {
    const n = (this.imageNodes.get(image2) ?? 0) + delta;
    if (n <= 0) this.imageNodes.delete(image2);
    else this.imageNodes.set(image2, n);
  }
  // ---- pods ----
  /**
   * Applies a pod watch event. Returns true when it freed resources on a node (an assigned pod was
   * deleted or finished): the AssignedPodDelete event that may make waiting pods schedulable.
   */
  onPodEvent(event) {
    const pod = event.object;
    const key = objectKey(pod.metadata.namespace, pod.metadata.name);
    const existing = this.pods.get(key);
    const nodeName2 = pod.spec?.nodeName;
    const counts = event.type !== "DELETED" && !!nodeName2 && !isTerminal2(pod);
    if (existing && existing.uid !== pod.metadata.uid) {
      this.removePod(key, existing);
      return this.onPodEvent(event) || !existing.assumed;
    }
    if (!counts) {
      if (!existing) return false;
      if (existing.assumed && event.type !== "DELETED") return false;
      this.removePod(key, existing);
      return !existing.assumed;
    }
    if (!existing) {
      this.addPod(key, pod, nodeName2);
      return false;
    }
    if (existing.assumed) {
      existing.assumed = false;
      existing.spec = pod.spec;
    }
    if (existing.nodeName !== nodeName2) {
      this.removePod(key, existing);
      this.addPod(key, pod, nodeName2);
      return true;
    }
    if (existing.spec !== pod.spec) {
      const info = this.infos.get(nodeName2);
      info.removePod(existing.requests, existing.nonZeroMilliCPU, existing.nonZeroMemory);
      const requests = podRequests(pod);
      const nonZero = podRequests(pod, true);
      const shrank = requests.milliCPU < existing.requests.milliCPU || requests.memory < existing.requests.memory;
      Object.assign(existing, { spec: pod.spec, requests, nonZeroMilliCPU: nonZero.milliCPU, nonZeroMemory: nonZero.memory });
      info.addPod(requests, nonZero.milliCPU, nonZero.memory);
      return shrank;
    }
    return false;
  }
  /** AssumePod: counts the pod on the node now, before its binding reaches the API server. */
  assume(pod, nodeName2) {
    const state = {
      uid: pod.uid,
      nodeName: nodeName2,
      spec: pod.pod.spec,
      requests: pod.requests,
      nonZeroMilliCPU: pod.nonZeroMilliCPU,
      nonZeroMemory: pod.nonZeroMemory,
      assumed: true
    };
    const prev = this.pods.get(pod.key);
    if (prev) this.removePod(pod.key, prev);
    this.pods.set(pod.key, state);
    this.nodeFor(nodeName2).addPod(state.requests, state.nonZeroMilliCPU, state.nonZeroMemory);
  }
  /** ForgetPod: the binding failed; the assumed pod no longer counts. */
  forget(key) {
    const state = this.pods.get(key);
    if (state?.assumed) this.removePod(key, state);
  }
  addPod(key, pod, nodeName2) {
    const requests = podRequests(pod);
    const nonZero = podRequests(pod, true);
    const state = {
      uid: pod.metadata.uid,
      nodeName: nodeName2,
      spec: pod.spec,
      requests,
      nonZeroMilliCPU: nonZero.milliCPU,
      nonZeroMemory: nonZero.memory,
      assumed: false
    };
    this.pods.set(key, state);
    this.nodeFor(nodeName2).addPod(requests, state.nonZeroMilliCPU, state.nonZeroMemory);
  }
  removePod(key, state) {
    this.pods.delete(key);
    const info = this.infos.get(state.nodeName);
    if (!info) return;
    info.removePod(state.requests, state.nonZeroMilliCPU, state.nonZeroMemory);
    if (info.podCount === 0 && !info.node) this.infos.delete(state.nodeName);
  }
  nodeFor(name) {
    let info = this.infos.get(name);
    if (!info) this.infos.set(name, info = new NodeInfo(name));
    return info;
  }
};
function sameConditions(a, b) {
  const ca = a.status?.conditions ?? [];
  const cb = b.status?.conditions ?? [];
  if (ca === cb) return true;
  if (ca.length !== cb.length) return false;
  for (let i = 0; i < ca.length; i++) {
    if (ca[i].type !== cb[i].type || ca[i].status !== cb[i].status) return false;
  }
  return true;
}

// src/engine/scheduler/queue.ts
var POD_INITIAL_BACKOFF_MS = 1e3;
var POD_MAX_BACKOFF_MS = 1e4;
var POD_MAX_IN_UNSCHEDULABLE_MS = 5 * 6e4;
var UNSCHEDULABLE_FLUSH_INTERVAL_MS = 3e4;
var PLUGIN_EVENTS = {
  NodeUnschedulable: ["NodeAdd", "NodeTaint"],
  NodeName: ["NodeAdd"],
  TaintToleration: ["NodeAdd", "NodeTaint"],
  NodeAffinity: ["NodeAdd", "NodeLabel"],
  NodeResourcesFit: ["NodeAdd", "NodeAllocatable", "AssignedPodDelete"]
};
function before(a, b) {
  const pa = a.pod.info.priority;
  const pb = b.pod.info.priority;
  if (pa !== pb) return pa > pb;
  if (a.pod.timestamp !== b.pod.timestamp) return a.pod.timestamp < b.pod.timestamp;
  return a.pod.seq < b.pod.seq;
}
function isGated(pod) {
  return (pod.spec?.schedulingGates?.length ?? 0) > 0;
}
function backoffDuration(attempts) {
  let d = POD_INITIAL_BACKOFF_MS;
  for (let i = 1; i < attempts; i++) {
    if (d > POD_MAX_BACKOFF_MS - d) return POD_MAX_BACKOFF_MS;
    d += d;
  }
  return d;
}
var SchedulingQueue = class {
  constructor(clock, onActive) {
    this.clock = clock;
    this.onActive = onActive;
  }
  clock;
  onActive;
  pods = /* @__PURE__ */ new Map();
  heap = [];
  unschedulable = /* @__PURE__ */ new Set();
  seq = 0;
  activeCount = 0;
  get size() {
    return this.pods.size;
  }
  get activeLength() {
    return this.activeCount;
  }
  get unschedulableLength() {
    return this.unschedulable.size;
  }
  has(key) {
    return this.pods.has(key);
  }
  get(key) {
    return this.pods.get(key);
  }
  /** A new unbound pod. */
  add(pod) {
    const key = `${pod.metadata.namespace ?? "default"}/${pod.metadata.name}`;
    if (this.pods.has(key)) return this.update(pod, void 0);
    const qp = {
      key,
      info: buildPodInfo(pod),
      state: "gated",
      attempts: 0,
      timestamp: this.clock.now(),
      seq: this.seq++,
      epoch: 0,
      unschedulableSince: 0,
      rejectedBy: /* @__PURE__ */ new Set()
    };
    this.pods.set(key, qp);
    if (!isGated(pod)) this.activate(qp);
  }
  /**
   * The pod changed. Only a change to what scheduling reads (spec, labels) is news: a waiting pod is
   * then retried (isPodUpdated ignores status and resourceVersion).
   */
  update(pod, old) {
    const key = `${pod.metadata.namespace ?? "default"}/${pod.metadata.name}`;
    const qp = this.pods.get(key);
    if (!qp) return this.add(pod);
    if (qp.info.uid !== pod.metadata.uid) {
      this.delete(key);
      return this.add(pod);
    }
    const prev = old ?? qp.info.pod;
    const changed = prev.spec !== pod.spec && !isDeepEqual(prev.spec, pod.spec);
    const relabelled = prev.metadata.labels !== pod.metadata.labels && !isDeepEqual(prev.metadata.labels, pod.metadata.labels);
    if (!changed && !relabelled) return;
    qp.info = buildPodInfo(pod);
    if (qp.state === "gated" && !isGated(pod)) this.activate(qp);
    else if (qp.state === "unschedulable") this.moveToActiveOrBackoff(qp);
  }
  delete(key) {
    const qp = this.pods.get(key);
    if (!qp) return;
    this.leave(qp);
    this.pods.delete(key);
  }
  /** Pops the next pod to try; it stays known to the queue (in flight) until done/failed. */
  pop() {
    while (this.heap.length > 0) {
      const top = this.heapPop();
      const qp = top.pod;
      if (qp.state !== "active" || qp.epoch !== top.epoch) continue;
      this.leave(qp);
      qp.state = "inFlight";
      qp.attempts++;
      return qp;
    }
    return void 0;
  }
  /** The pod was bound: forget it. */
  done(key) {
    this.delete(key);
  }
  /** AddUnschedulableIfNotPresent after the filters rejected it. */
  addUnschedulable(qp, rejectedBy) {
    if (this.pods.get(qp.key) !== qp) return;
    this.leave(qp);
    qp.rejectedBy = rejectedBy;
    qp.timestamp = this.clock.now();
    qp.unschedulableSince = qp.timestamp;
    qp.state = "unschedulable";
    this.unschedulable.add(qp);
  }
  /** An error (the binding failed, the API server is down): retry after the backoff. */
  addBackoff(qp) {
    if (this.pods.get(qp.key) !== qp) return;
    this.leave(qp);
    qp.timestamp = this.clock.now();
    this.backoff(qp);
  }
  /** MoveAllToActiveOrBackoffQueue: every waiting pod a rejecting plugin of which cares about `event`. */
  moveAllToActiveOrBackoff(event) {
    if (this.unschedulable.size === 0) return;
    for (const qp of [...this.unschedulable]) {
      if (interested(qp.rejectedBy, event)) this.moveToActiveOrBackoff(qp);
    }
  }
  /** flushUnschedulablePodsLeftover: pods that waited 5 minutes are retried whatever happened. */
  flushUnschedulableLeftover() {
    const now = this.clock.now();
    for (const qp of [...this.unschedulable]) {
      if (now - qp.unschedulableSince >= POD_MAX_IN_UNSCHEDULABLE_MS) this.moveToActiveOrBackoff(qp);
    }
  }
  /** Drops everything (the scheduler stopped). */
  clear() {
    for (const qp of this.pods.values()) qp.epoch++;
    this.pods.clear();
    this.heap.length = 0;
    this.unschedulable.clear();
    this.activeCount = 0;
  }
  moveToActiveOrBackoff(qp) {
    this.leave(qp);
    if (qp.timestamp + backoffDuration(qp.attempts) > this.clock.now()) this.backoff(qp);
    else this.activate(qp);
  }
  backoff(qp) {
    qp.state = "backoff";
    const epoch = ++qp.epoch;
    const wait = Math.max(0, qp.timestamp + backoffDuration(qp.attempts) - this.clock.now());
    this.clock.setTimeout(() => {
      if (qp.state === "backoff" && qp.epoch === epoch && this.pods.get(qp.key) === qp) this.activate(qp);
    }, wait);
  }
  activate(qp) {
    this.leave(qp);
    qp.state = "active";
    this.activeCount++;
    this.heapPush({ pod: qp, epoch: ++qp.epoch });
    this.onActive();
  }
  /** Takes the pod out of whatever sub-queue it is in (heap entries go stale via the epoch). */
  leave(qp) {
    if (qp.state === "active") this.activeCount--;
    else if (qp.state === "unschedulable") this.unschedulable.delete(qp);
    qp.state = "inFlight";
    qp.epoch++;
  }
  heapPush(e) {
    const h = this.heap;
    h.push(e);
    let i = h.length - 1;
    while (i > 0) {
      const p = i - 1 >> 1;
      if (!before(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }
  heapPop() {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (; ; ) {
        const l = 2 * i + 1;
        const r2 = l + 1;
        let m = i;
        if (l < h.length && before(h[l], h[m])) m = l;
        if (r2 < h.length && before(h[r2], h[m])) m = r2;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
};
function interested(rejectedBy, event) {
  if (rejectedBy.size === 0 || event === "UnschedulableTimeout") return true;
  for (const plugin of rejectedBy) {
    const events = PLUGIN_EVENTS[plugin];
    if (!events || events.includes(event)) return true;
  }
  return false;
}

// src/engine/scheduler/scheduleOne.ts
var MIN_FEASIBLE_NODES_TO_FIND = 100;
var MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;
var SCORED_NODES_KEPT = 50;
function numFeasibleNodesToFind(numAllNodes, percentageOfNodesToScore = 0) {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let percentage = percentageOfNodesToScore;
  if (percentage <= 0) {
    percentage = 50 - Math.trunc(numAllNodes / 125);
    if (percentage < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) percentage = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
  }
  const n = Math.trunc(numAllNodes * percentage / 100);
  return n < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : n;
}
var NO_SCORES = new Int16Array(0);
function newAttempt() {
  return { numAllNodes: 0, evaluatedNodes: 0, feasibleNodes: 0, failedNodes: [], failures: [], scored: [], top: [], topScores: NO_SCORES, chosen: void 0 };
}
function resetAttempt(a, numAllNodes) {
  a.numAllNodes = numAllNodes;
  a.evaluatedNodes = 0;
  a.feasibleNodes = 0;
  a.failedNodes.length = 0;
  a.failures.length = 0;
  a.scored = [];
  a.top.length = 0;
  a.chosen = void 0;
  return a;
}
var ScheduleAlgorithm = class {
  constructor(profile2, random) {
    this.profile = profile2;
    this.random = random;
  }
  profile;
  random;
  /** Where the next cycle starts visiting nodes, so every node gets its turn. */
  nextStartNodeIndex = 0;
  percentageOfNodesToScore = 0;
  feasible = [];
  scratch = new Int32Array(0);
  schedulePod(pod, nodes, cluster, into = newAttempt()) {
    const attempt = resetAttempt(into, nodes.length);
    const count = this.findNodesThatPassFilters(pod, nodes, attempt);
    attempt.feasibleNodes = count;
    if (count === 0) return attempt;
    if (count === 1) {
      attempt.chosen = this.feasible[0];
      attempt.top.push(this.feasible[0]);
      return attempt;
    }
    const totals = this.prioritizeNodes(pod, cluster, count, attempt);
    const chosenIndex = this.selectHost(totals, count);
    attempt.chosen = this.feasible[chosenIndex];
    this.keepBest(attempt, count, chosenIndex);
    return attempt;
  }
  findNodesThatPassFilters(pod, nodes, attempt) {
    const n = nodes.length;
    if (n === 0) return 0;
    const want = numFeasibleNodesToFind(n, this.percentageOfNodesToScore);
    const filters = this.profile.filters.filter((f) => !f.preFilter || f.preFilter(pod));
    const feasible = this.feasible;
    const start = this.nextStartNodeIndex % n;
    let count = 0;
    let processed = 0;
    for (let i = 0; i < n && count < want; i++) {
      const node = nodes[(start + i) % n];
      processed++;
      let failure;
      for (let f = 0; f < filters.length; f++) {
        failure = filters[f].filter(pod, node);
        if (failure) break;
      }
      if (failure) {
        attempt.failedNodes.push(node);
        attempt.failures.push(failure);
      } else {
        feasible[count++] = node;
      }
    }
    this.nextStartNodeIndex = (start + processed) % n;
    attempt.evaluatedNodes = processed;
    return count;
  }
  /** Fills the scratch buffer: totals in [0, count), then each running plugin's scores. */
  prioritizeNodes(pod, cluster, count, attempt) {
    const running = this.profile.scores.filter((w) => !w.plugin.preScore || w.plugin.preScore(pod, cluster));
    attempt.scored = running;
    const size = count * (running.length + 1);
    if (this.scratch.length < size) this.scratch = new Int32Array(Math.max(size, this.scratch.length * 2));
    const totals = this.scratch.subarray(0, count);
    totals.fill(0);
    for (let p = 0; p < running.length; p++) {
      const weighted = running[p];
      const plugin = weighted.plugin;
      const scores = this.scratch.subarray(count * (p + 1), count * (p + 2));
      plugin.scoreNodes(pod, this.feasible, count, scores, cluster);
      plugin.normalize?.(scores, count);
      const w = weighted.weight;
      for (let i = 0; i < count; i++) totals[i] = totals[i] + scores[i] * w;
    }
    return totals;
  }
  /** selectHost: the highest total; equal best totals are broken at random. */
  selectHost(totals, count) {
    let best = -1;
    let ties = 0;
    for (let i = 0; i < count; i++) {
      if (totals[i] > best) {
        best = totals[i];
        ties = 1;
      } else if (totals[i] === best) {
        ties++;
      }
    }
    let pick = ties > 1 ? this.random.int(ties) : 0;
    for (let i = 0; i < count; i++) {
      if (totals[i] === best && pick-- === 0) return i;
    }
    return 0;
  }
  /** Copies the best SCORED_NODES_KEPT nodes (the chosen one always among them) out of the scratch. */
  keepBest(attempt, count, chosenIndex) {
    const totals = this.scratch;
    const keep = Math.min(count, SCORED_NODES_KEPT);
    const kept = [];
    for (let i = 0; i < count; i++) {
      const t = totals[i];
      if (kept.length === keep && t <= totals[kept[keep - 1]]) continue;
      if (kept.length < keep) kept.push(i);
      let at = kept.length - 1;
      while (at > 0 && totals[kept[at - 1]] < t) {
        kept[at] = kept[at - 1];
        at--;
      }
      kept[at] = i;
    }
    if (!kept.includes(chosenIndex)) {
      kept[keep - 1] = chosenIndex;
      kept.sort((a, b) => totals[b] - totals[a]);
    }
    const stride = attempt.scored.length + 1;
    if (attempt.topScores.length < keep * stride) attempt.topScores = new Int16Array(SCORED_NODES_KEPT * stride);
    const out = attempt.topScores;
    const top = attempt.top;
    for (let k = 0; k < keep; k++) {
      const i = kept[k];
      top.push(this.feasible[i]);
      for (let p = 0; p < stride; p++) out[k * stride + p] = this.scratch[p * count + i];
    }
  }
};

// src/engine/scheduler/plugins/nodeunschedulable/index.ts
var NAME = "NodeUnschedulable";
var ERR_REASON_UNSCHEDULABLE = "node(s) were unschedulable";
var UNSCHEDULABLE_TAINT = { key: "node.kubernetes.io/unschedulable", effect: "NoSchedule" };
var FAILURE = { plugin: NAME, code: "UnschedulableAndUnresolvable", reasons: [ERR_REASON_UNSCHEDULABLE] };
var nodeUnschedulable = {
  name: NAME,
  filter(pod, node) {
    if (!node.unschedulable) return void 0;
    return tolerationsTolerateTaint(pod.tolerations, UNSCHEDULABLE_TAINT) ? void 0 : FAILURE;
  }
};

// src/engine/scheduler/plugins/nodename/index.ts
var NAME2 = "NodeName";
var ERR_REASON = "node(s) didn't match the requested node name";
var FAILURE2 = { plugin: NAME2, code: "UnschedulableAndUnresolvable", reasons: [ERR_REASON] };
var nodeName = {
  name: NAME2,
  preFilter(pod) {
    return pod.nodeName !== void 0;
  },
  filter(pod, node) {
    return pod.nodeName === void 0 || pod.nodeName === node.name ? void 0 : FAILURE2;
  }
};

// src/engine/scheduler/framework/types.ts
var MAX_NODE_SCORE = 100;

// src/engine/scheduler/plugins/helper/normalizeScore.ts
function defaultNormalizeScore(scores, count, reverse) {
  let max = 0;
  for (let i = 0; i < count; i++) if (scores[i] > max) max = scores[i];
  if (max === 0) {
    if (reverse) for (let i = 0; i < count; i++) scores[i] = MAX_NODE_SCORE;
    return;
  }
  for (let i = 0; i < count; i++) {
    let s2 = Math.trunc(MAX_NODE_SCORE * scores[i] / max);
    if (reverse) s2 = MAX_NODE_SCORE - s2;
    scores[i] = s2;
  }
}

// src/engine/scheduler/plugins/tainttoleration/index.ts
var NAME3 = "TaintToleration";
function untoleratedTaintReason(key, value) {
  return `node(s) had untolerated taint {${key}: ${value ?? ""}}`;
}
var preferNoScheduleTolerations = /* @__PURE__ */ new WeakMap();
function softTolerations(pod) {
  let list = preferNoScheduleTolerations.get(pod);
  if (!list) {
    list = pod.tolerations.filter((t) => !t.effect || t.effect === "PreferNoSchedule");
    preferNoScheduleTolerations.set(pod, list);
  }
  return list;
}
function intolerablePreferNoScheduleTaints(pod, node) {
  if (node.softTaints.length === 0) return 0;
  const tolerations = softTolerations(pod);
  let count = 0;
  for (const taint of node.softTaints) if (!tolerationsTolerateTaint(tolerations, taint)) count++;
  return count;
}
var taintToleration = {
  name: NAME3,
  filter(pod, node) {
    if (node.hardTaints.length === 0) return void 0;
    const taint = findUntoleratedTaint(node.hardTaints, pod.tolerations);
    if (!taint) return void 0;
    return { plugin: NAME3, code: "UnschedulableAndUnresolvable", reasons: [untoleratedTaintReason(taint.key, taint.value)] };
  },
  score: intolerablePreferNoScheduleTaints,
  scoreNodes(pod, nodes, count, out) {
    for (let i = 0; i < count; i++) out[i] = intolerablePreferNoScheduleTaints(pod, nodes[i]);
  },
  normalize(scores, count) {
    defaultNormalizeScore(scores, count, true);
  }
};

// src/engine/scheduler/plugins/nodeaffinity/index.ts
var NAME4 = "NodeAffinity";
var ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";
var FAILURE3 = { plugin: NAME4, code: "UnschedulableAndUnresolvable", reasons: [ERR_REASON_POD] };
function preferredWeight(pod, node) {
  let sum = 0;
  for (const p of pod.preferredNodeAffinity ?? []) {
    if (p.weight !== 0 && matchesNodeSelectorTerm(p.preference, node.labels, node.name)) sum += p.weight;
  }
  return sum;
}
var nodeAffinity = {
  name: NAME4,
  preFilter(pod) {
    return pod.nodeSelector !== void 0 || pod.requiredNodeAffinity !== void 0;
  },
  filter(pod, node) {
    const sel = pod.nodeSelector;
    if (sel) {
      const labels = node.labels;
      for (const k in sel) if (labels?.[k] !== sel[k]) return FAILURE3;
    }
    const terms = pod.requiredNodeAffinity;
    if (terms && !matchesNodeSelectorTerms(terms, node.labels, node.name)) return FAILURE3;
    return void 0;
  },
  preScore(pod) {
    return pod.preferredNodeAffinity !== void 0;
  },
  score: preferredWeight,
  scoreNodes(pod, nodes, count, out) {
    for (let i = 0; i < count; i++) out[i] = preferredWeight(pod, nodes[i]);
  },
  normalize(scores, count) {
    defaultNormalizeScore(scores, count, false);
  }
};

// src/engine/scheduler/plugins/noderesources/fit.ts
var NAME5 = "NodeResourcesFit";
var REASON_TOO_MANY_PODS = "Too many pods";
function insufficientReason(resource) {
  return `Insufficient ${resource}`;
}
function fitsRequest(pod, node) {
  let reasons;
  let code = "Unschedulable";
  if (node.podCount + 1 > node.allowedPodNumber) (reasons ??= []).push(REASON_TOO_MANY_PODS);
  const req = pod.requests;
  if (req.milliCPU === 0 && req.memory === 0 && req.ephemeralStorage === 0 && !req.scalar) {
    return reasons ? { plugin: NAME5, code, reasons } : void 0;
  }
  const alloc = node.allocatable;
  const used = node.requested;
  if (req.milliCPU > 0 && req.milliCPU > alloc.milliCPU - used.milliCPU) {
    (reasons ??= []).push("Insufficient cpu");
    if (req.milliCPU > alloc.milliCPU) code = "UnschedulableAndUnresolvable";
  }
  if (req.memory > 0 && req.memory > alloc.memory - used.memory) {
    (reasons ??= []).push("Insufficient memory");
    if (req.memory > alloc.memory) code = "UnschedulableAndUnresolvable";
  }
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > alloc.ephemeralStorage - used.ephemeralStorage) {
    (reasons ??= []).push("Insufficient ephemeral-storage");
    if (req.ephemeralStorage > alloc.ephemeralStorage) code = "UnschedulableAndUnresolvable";
  }
  if (req.scalar) {
    for (const [name, q] of req.scalar) {
      if (q === 0) continue;
      const a = alloc.scalar?.get(name) ?? 0;
      if (q > a - (used.scalar?.get(name) ?? 0)) {
        (reasons ??= []).push(insufficientReason(name));
        if (q > a) code = "UnschedulableAndUnresolvable";
      }
    }
  }
  return reasons ? { plugin: NAME5, code, reasons } : void 0;
}
function leastRequestedScore(requested, capacity) {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.floor((capacity - requested) * MAX_NODE_SCORE / capacity);
}
function mostRequestedScore(requested, capacity) {
  if (capacity === 0) return 0;
  return Math.floor(Math.min(requested, capacity) * MAX_NODE_SCORE / capacity);
}
function leastAllocated(pod, node) {
  const cpu = leastRequestedScore(node.nonZeroMilliCPU + pod.nonZeroMilliCPU, node.allocatable.milliCPU);
  const mem = leastRequestedScore(node.nonZeroMemory + pod.nonZeroMemory, node.allocatable.memory);
  return Math.floor((cpu + mem) / 2);
}
function mostAllocated(pod, node) {
  const cpu = mostRequestedScore(node.nonZeroMilliCPU + pod.nonZeroMilliCPU, node.allocatable.milliCPU);
  const mem = mostRequestedScore(node.nonZeroMemory + pod.nonZeroMemory, node.allocatable.memory);
  return Math.floor((cpu + mem) / 2);
}
function createNodeResourcesFit(strategy = "LeastAllocated") {
  const score = strategy === "MostAllocated" ? mostAllocated : leastAllocated;
  return {
    name: NAME5,
    strategy,
    filter: fitsRequest,
    score,
    scoreNodes(pod, nodes, count, out) {
      for (let i = 0; i < count; i++) out[i] = score(pod, nodes[i]);
    }
  };
}

// src/engine/scheduler/plugins/noderesources/balancedAllocation.ts
var NAME6 = "NodeResourcesBalancedAllocation";
function balancedNodeScore(pod, node) {
  const allocCPU = node.allocatable.milliCPU;
  const allocMem = node.allocatable.memory;
  if (allocCPU === 0 && allocMem === 0) return MAX_NODE_SCORE;
  const fCPU = allocCPU === 0 ? -1 : Math.min(1, (node.requested.milliCPU + pod.requests.milliCPU) / allocCPU);
  const fMem = allocMem === 0 ? -1 : Math.min(1, (node.requested.memory + pod.requests.memory) / allocMem);
  if (fCPU < 0 || fMem < 0) return MAX_NODE_SCORE;
  return Math.trunc((1 - Math.abs((fCPU - fMem) / 2)) * MAX_NODE_SCORE);
}
var balancedAllocation = {
  name: NAME6,
  preScore(pod) {
    return pod.requests.milliCPU !== 0 || pod.requests.memory !== 0;
  },
  score: balancedNodeScore,
  scoreNodes(pod, nodes, count, out) {
    for (let i = 0; i < count; i++) out[i] = balancedNodeScore(pod, nodes[i]);
  }
};

// src/engine/scheduler/plugins/imagelocality/index.ts
var NAME7 = "ImageLocality";
var MB = 1024 * 1024;
var MIN_THRESHOLD = 23 * MB;
var MAX_CONTAINER_THRESHOLD = 1e3 * MB;
function imageLocalityScore(sumScores, numContainers) {
  const maxThreshold = MAX_CONTAINER_THRESHOLD * numContainers;
  const clamped = Math.min(Math.max(sumScores, MIN_THRESHOLD), maxThreshold);
  return Math.trunc(MAX_NODE_SCORE * (clamped - MIN_THRESHOLD) / (maxThreshold - MIN_THRESHOLD));
}
function scoreNode(pod, node, cluster) {
  if (node.images.size === 0 || pod.images.length === 0) return 0;
  let sum = 0;
  for (const image2 of pod.images) {
    const size = node.images.get(image2);
    if (size !== void 0) sum += Math.trunc(size * cluster.nodesWithImage(image2) / cluster.nodeCount);
  }
  return imageLocalityScore(sum, pod.images.length);
}
var imageLocality = {
  name: NAME7,
  score: scoreNode,
  scoreNodes(pod, nodes, count, out, cluster) {
    for (let i = 0; i < count; i++) out[i] = scoreNode(pod, nodes[i], cluster);
  }
};

// src/engine/scheduler/defaultPlugins.ts
var DEFAULT_SCHEDULER_NAME = "default-scheduler";
function defaultProfile(opts = {}) {
  const fit = createNodeResourcesFit(opts.scoringStrategy ?? "LeastAllocated");
  return {
    schedulerName: DEFAULT_SCHEDULER_NAME,
    filters: [nodeUnschedulable, nodeName, taintToleration, nodeAffinity, fit],
    scores: [
      { plugin: taintToleration, weight: 3 },
      { plugin: nodeAffinity, weight: 2 },
      { plugin: fit, weight: 1 },
      { plugin: balancedAllocation, weight: 1 },
      { plugin: imageLocality, weight: 1 }
    ]
  };
}

// src/engine/scheduler/framework/fitError.ts
var NO_NODES_AVAILABLE = "no nodes available to schedule pods";
function reasonHistogram(failures) {
  const counts = /* @__PURE__ */ new Map();
  for (const f of failures) for (const r2 of f.reasons) counts.set(r2, (counts.get(r2) ?? 0) + 1);
  return counts;
}
function fitErrorMessage(numAllNodes, reasons, postFilterMessage) {
  let msg = `0/${numAllNodes} nodes are available:`;
  const parts = [];
  for (const [reason, count] of reasons) parts.push(`${count} ${reason}`);
  parts.sort();
  if (parts.length > 0) msg += ` ${parts.join(", ")}.`;
  if (postFilterMessage) msg += ` ${postFilterMessage}`;
  return msg;
}

// src/engine/scheduler/plugins/defaultpreemption/index.ts
var NOT_HELPFUL = "Preemption is not helpful for scheduling";
var NO_VICTIMS = "No preemption victims found for incoming pod";
function preemptionMessage(pod, numAllNodes, failures) {
  if (pod.preemptionPolicy === "Never") return "preemption: not eligible due to preemptionPolicy=Never.";
  let notHelpful = 0;
  let noVictims = 0;
  for (const f of failures) {
    if (f.code === "UnschedulableAndUnresolvable") notHelpful++;
    else noVictims++;
  }
  const reasons = /* @__PURE__ */ new Map();
  if (notHelpful > 0) reasons.set(NOT_HELPFUL, notHelpful);
  if (noVictims > 0) reasons.set(NO_VICTIMS, noVictims);
  return `preemption: ${fitErrorMessage(numAllNodes, reasons)}`;
}

// src/engine/scheduler/diagnosis.ts
function expandAttempt(r2) {
  const a = r2.attempt.numAllNodes > 0 ? r2.attempt : void 0;
  const filters = [];
  const scores = [];
  const weights = {};
  if (a) {
    for (let i = 0; i < a.failures.length; i++) {
      const f = a.failures[i];
      filters.push({ node: a.failedNodes[i].name, plugin: f.plugin, code: f.code, reasons: [...f.reasons] });
    }
    for (const w of a.scored) weights[w.plugin.name] = w.weight;
    const stride = a.scored.length + 1;
    if (a.scored.length > 0) {
      a.top.forEach((node, k) => {
        const plugins = {};
        a.scored.forEach((w, p) => {
          const score = a.topScores[k * stride + p + 1];
          plugins[w.plugin.name] = { score, weight: w.weight, weighted: score * w.weight };
        });
        scores.push({ node: node.name, total: a.topScores[k * stride], plugins });
      });
      const rank = (n) => n === r2.node ? 0 : 1;
      scores.sort((x, y) => y.total - x.total || rank(x.node) - rank(y.node) || (x.node < y.node ? -1 : x.node > y.node ? 1 : 0));
    }
  }
  return {
    namespace: r2.namespace,
    pod: r2.pod,
    uid: r2.uid,
    attemptedAt: toRfc3339(r2.atMs),
    attempts: r2.attempts,
    result: r2.result,
    ...r2.node !== void 0 ? { node: r2.node } : {},
    ...r2.message !== void 0 ? { message: r2.message } : {},
    numAllNodes: a?.numAllNodes ?? 0,
    evaluatedNodes: a?.evaluatedNodes ?? 0,
    feasibleNodes: a?.feasibleNodes ?? 0,
    filters,
    weights,
    scores
  };
}
var DiagnosisLog = class {
  constructor(capacity = 1e3) {
    this.capacity = capacity;
  }
  capacity;
  records = /* @__PURE__ */ new Map();
  get size() {
    return this.records.size;
  }
  /**
   * The record for `key`'s new attempt, moved to the most recent place. When full, the least recent
   * pod's record is reused (its contents are the caller's to overwrite).
   */
  acquire(key) {
    if (this.capacity <= 0) return void 0;
    let record = this.records.get(key);
    if (record) {
      this.records.delete(key);
    } else if (this.records.size >= this.capacity) {
      const oldest = this.records.keys().next().value;
      record = this.records.get(oldest);
      this.records.delete(oldest);
    }
    record ??= { namespace: "", pod: "", uid: "", atMs: 0, attempts: 0, result: "Unschedulable", attempt: newAttempt() };
    this.records.set(key, record);
    return record;
  }
  get(key) {
    return this.records.get(key);
  }
  delete(key) {
    this.records.delete(key);
  }
  clear() {
    this.records.clear();
  }
};

// src/engine/scheduler/index.ts
var SCHEDULER_COMPONENT = DEFAULT_SCHEDULER_NAME;
var schedulerMachine = setup2({
  types: {
    events: {}
  },
  actions: {
    pickUpUnboundPods: () => {
    },
    dropQueue: () => {
    },
    flushUnschedulableLeftover: () => {
    }
  },
  delays: {
    unschedulableFlushInterval: UNSCHEDULABLE_FLUSH_INTERVAL_MS
  }
}).createMachine({
  id: "kube-scheduler",
  initial: "running",
  states: {
    running: {
      entry: "pickUpUnboundPods",
      on: { STOP: "stopped" },
      initial: "waiting",
      states: {
        waiting: {
          after: { unschedulableFlushInterval: { target: "waiting", reenter: true, actions: "flushUnschedulableLeftover" } }
        }
      }
    },
    stopped: {
      entry: "dropQueue",
      on: { START: "running" }
    }
  }
});
var Scheduler = class {
  constructor(ctx, opts = {}) {
    this.ctx = ctx;
    this.profile = defaultProfile(opts);
    this.algorithm = new ScheduleAlgorithm(this.profile, ctx.random);
    this.diagnoses = new DiagnosisLog(opts.diagnosisCapacity ?? 1e3);
    this.queue = new SchedulingQueue(ctx.clock, () => this.armBatch());
    const machine = schedulerMachine.provide({
      actions: {
        pickUpUnboundPods: () => this.pickUpUnboundPods(),
        dropQueue: () => this.queue.clear(),
        flushUnschedulableLeftover: () => this.queue.flushUnschedulableLeftover()
      }
    });
    this.actor = createActor2(machine, { clock: ctx.clock });
    for (const node of ctx.api.peekList("Node")) this.cache.onNodeEvent({ type: "ADDED", object: node });
    for (const pod of ctx.api.peekList("Pod")) this.cache.onPodEvent({ type: "ADDED", object: pod });
    this.unwatch.push(ctx.api.watch("Node", (e) => this.onNodeEvent(e)));
    this.unwatch.push(ctx.api.watch("Pod", (e) => this.onPodEvent(e)));
  }
  ctx;
  name = DEFAULT_SCHEDULER_NAME;
  cache = new SchedulerCache();
  queue;
  algorithm;
  profile;
  diagnoses;
  actor;
  unwatch = [];
  batchTimer;
  booted = false;
  isRunning = false;
  /** Starts the actor: it picks up every unbound pod. */
  boot() {
    if (this.booted) return;
    this.booted = true;
    this.actor.start();
    this.refreshRunning();
  }
  start() {
    if (!this.booted) return this.boot();
    if (this.running) return;
    this.actor.send({ type: "START" });
    this.refreshRunning();
    this.emitComponentCue();
  }
  stop() {
    if (!this.running) return;
    this.actor.send({ type: "STOP" });
    this.refreshRunning();
    this.emitComponentCue();
  }
  get running() {
    return this.isRunning;
  }
  // Cached: `running` is read on every pod event, and snapshot.matches() allocates; only START and STOP change it.
  refreshRunning() {
    this.isRunning = this.booted && this.actor.getSnapshot().matches("running");
  }
  /** NodeResourcesFit's scoring strategy (LeastAllocated spreads pods, MostAllocated packs them). */
  get scoringStrategy() {
    const fit = this.profile.filters.find((f) => f.name === "NodeResourcesFit");
    return fit?.strategy ?? "LeastAllocated";
  }
  /** The last scheduling attempt of a pod: per-node filter verdicts and per-plugin scores. */
  explain(namespace, podName3) {
    const record = this.diagnoses.get(`${namespace}/${podName3}`);
    return record ? expandAttempt(record) : void 0;
  }
  /** Pods waiting in the scheduling queue (active, backing off, unschedulable or gated). */
  get pendingPods() {
    return this.queue.size;
  }
  dispose() {
    for (const u of this.unwatch) u();
    if (this.batchTimer !== void 0) this.ctx.clock.clearTimeout(this.batchTimer);
    this.actor.stop();
  }
  // ---- watches ----
  onNodeEvent(event) {
    const change = this.cache.onNodeEvent(event);
    if (!change || !this.running) return;
    for (const e of clusterEventsOf(change)) this.queue.moveAllToActiveOrBackoff(e);
  }
  onPodEvent(event) {
    const freed = this.cache.onPodEvent(event);
    if (!this.running) return;
    const pod = event.object;
    const key = `${pod.metadata.namespace ?? "default"}/${pod.metadata.name}`;
    if (event.type === "DELETED" || !this.isResponsibleFor(pod)) this.queue.delete(key);
    else if (event.type === "ADDED") this.queue.add(pod);
    else this.queue.update(pod, event.old);
    if (freed) this.queue.moveAllToActiveOrBackoff("AssignedPodDelete");
  }
  /** Unbound, not being deleted, not finished, and addressed to this scheduler. */
  isResponsibleFor(pod) {
    if (pod.spec?.nodeName || pod.metadata.deletionTimestamp) return false;
    const phase = pod.status?.phase;
    if (phase === "Succeeded" || phase === "Failed") return false;
    return (pod.spec?.schedulerName || DEFAULT_SCHEDULER_NAME) === this.profile.schedulerName;
  }
  pickUpUnboundPods() {
    for (const pod of this.ctx.api.peekList("Pod")) if (this.isResponsibleFor(pod)) this.queue.add(pod);
  }
  // ---- scheduling ----
  armBatch() {
    if (this.batchTimer !== void 0) return;
    this.batchTimer = this.ctx.clock.setTimeout(() => {
      this.batchTimer = void 0;
      this.runBatch();
    }, 0);
  }
  runBatch() {
    for (; ; ) {
      if (!this.running) return;
      const qp = this.queue.pop();
      if (!qp) return;
      this.scheduleOne(qp);
    }
  }
  scheduleOne(qp) {
    const pod = qp.info;
    const record = this.diagnoses.acquire(qp.key) ?? newRecord();
    record.namespace = pod.namespace;
    record.pod = pod.name;
    record.uid = pod.uid;
    record.atMs = this.ctx.clock.now();
    record.attempts = qp.attempts;
    record.result = "Unschedulable";
    record.node = void 0;
    record.message = void 0;
    resetAttempt(record.attempt, 0);
    if (this.cache.nodeCount === 0) {
      record.message = NO_NODES_AVAILABLE;
      this.queue.addUnschedulable(qp, /* @__PURE__ */ new Set());
      this.reportUnschedulable(qp, NO_NODES_AVAILABLE);
      return;
    }
    const attempt = this.algorithm.schedulePod(pod, this.cache.nodes(), this.cache, record.attempt);
    const chosen = attempt.chosen;
    if (!chosen) {
      const n = attempt.numAllNodes;
      const message = fitErrorMessage(n, reasonHistogram(attempt.failures), preemptionMessage(pod, n, attempt.failures));
      record.message = message;
      this.queue.addUnschedulable(qp, new Set(attempt.failures.map((f) => f.plugin)));
      this.reportUnschedulable(qp, message);
      return;
    }
    this.cache.assume(pod, chosen.name);
    let bound;
    try {
      bound = this.ctx.api.bind(pod.namespace, pod.name, chosen.name);
    } catch (err) {
      this.cache.forget(qp.key);
      record.result = "Error";
      record.message = `Binding rejected: ${err instanceof Error ? err.message : String(err)}`;
      this.queue.addBackoff(qp);
      this.ctx.events.record(pod.pod, "Warning", "FailedScheduling", record.message, { component: SCHEDULER_COMPONENT });
      return;
    }
    this.queue.done(qp.key);
    record.result = "Scheduled";
    record.node = chosen.name;
    this.ctx.events.record(bound, "Normal", "Scheduled", `Successfully assigned ${pod.namespace}/${pod.name} to ${chosen.name}`, {
      component: SCHEDULER_COMPONENT
    });
    if (this.ctx.cues.hasListeners) this.ctx.cues.emit({ type: "scheduled", pod: pod.name, namespace: pod.namespace, node: chosen.name });
  }
  /**
   * handleSchedulingFailure: a Warning FailedScheduling event on every attempt (the event recorder
   * folds repeats into a count), and condition PodScheduled=False reason Unschedulable, written only
   * when it changes.
   */
  reportUnschedulable(qp, message) {
    const current = this.ctx.api.peek("Pod", qp.info.namespace, qp.info.name);
    if (!current || current.metadata.uid !== qp.info.uid) return;
    this.ctx.events.record(current, "Warning", "FailedScheduling", message, { component: SCHEDULER_COMPONENT });
    if (this.ctx.cues.hasListeners) this.ctx.cues.emit({ type: "unschedulable", pod: qp.info.name, namespace: qp.info.namespace, message });
    const conditions2 = current.status?.conditions ?? [];
    const prev = conditions2.find((c2) => c2.type === "PodScheduled");
    if (prev && prev.status === "False" && prev.reason === "Unschedulable" && prev.message === message) return;
    const condition2 = {
      type: "PodScheduled",
      status: "False",
      lastProbeTime: null,
      lastTransitionTime: prev?.status === "False" && prev.lastTransitionTime ? prev.lastTransitionTime : this.ctx.clock.nowRfc3339(),
      reason: "Unschedulable",
      message
    };
    const next = [...conditions2.filter((c2) => c2.type !== "PodScheduled"), condition2];
    try {
      this.ctx.api.updateStatus({ ...current, status: { phase: "Pending", ...current.status, conditions: next } });
    } catch {
    }
  }
  emitComponentCue() {
    if (this.ctx.cues.hasListeners) this.ctx.cues.emit({ type: "component", component: "kube-scheduler", state: this.running ? "running" : "stopped" });
  }
};
function newRecord() {
  return { namespace: "", pod: "", uid: "", atMs: 0, attempts: 0, result: "Unschedulable", attempt: newAttempt() };
}
function clusterEventsOf(change) {
  if (change.added) return ["NodeAdd"];
  const events = [];
  if (change.allocatable) events.push("NodeAllocatable");
  if (change.labels) events.push("NodeLabel");
  if (change.taints) events.push("NodeTaint");
  return events;
}

// src/engine/kubelet/kubelet.ts
import { createActor as createActor3 } from "xstate";

// src/engine/runtime/digest.ts
function fnv1a(text, seed) {
  let h = (2166136261 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h;
}
function mix(x) {
  x ^= x >>> 16;
  x = Math.imul(x, 2146121005);
  x ^= x >>> 15;
  x = Math.imul(x, 2221713035);
  x ^= x >>> 16;
  return x >>> 0;
}
function hex64(name) {
  let out = "";
  for (let i = 0; i < 8; i++) out += mix(fnv1a(name, i * 2654435769)).toString(16).padStart(8, "0");
  return out;
}
function sha256Of(name) {
  return `sha256:${hex64(name)}`;
}
function unitHash(name) {
  return mix(fnv1a(name, 1540483477)) / 4294967296;
}

// src/engine/runtime/registry.ts
var MB2 = 1e6;
function baseLayers(name, sizes, ratio = 0.38) {
  return sizes.map((size, i) => ({ digest: sha256Of(`base:${name}#${i}`), size: Math.round(size), compressed: Math.round(size * ratio) }));
}
var BASES = {
  "debian-stretch-slim": baseLayers("debian-stretch-slim", [55.3 * MB2], 0.41),
  "debian-buster-slim": baseLayers("debian-buster-slim", [69.2 * MB2], 0.39),
  "debian-bookworm-slim": baseLayers("debian-bookworm-slim", [74.8 * MB2], 0.38),
  "debian-bookworm": baseLayers("debian-bookworm", [116.5 * MB2], 0.42),
  "debian-bullseye": baseLayers("debian-bullseye", [124 * MB2], 0.44),
  "debian-jessie": baseLayers("debian-jessie", [123 * MB2], 0.42),
  "buildpack-bookworm": [...baseLayers("debian-bookworm", [116.5 * MB2], 0.42), ...baseLayers("buildpack-bookworm", [58 * MB2, 178 * MB2, 587 * MB2], 0.35)],
  "buildpack-bullseye": [...baseLayers("debian-bullseye", [124 * MB2], 0.44), ...baseLayers("buildpack-bullseye", [55 * MB2, 172 * MB2, 522 * MB2], 0.35)],
  "ubuntu-24.04": baseLayers("ubuntu-24.04", [78.1 * MB2], 0.38),
  "ubuntu-22.04": baseLayers("ubuntu-22.04", [77.9 * MB2], 0.38),
  "alpine-3.18": baseLayers("alpine-3.18", [7.33 * MB2], 0.46),
  "alpine-3.19": baseLayers("alpine-3.19", [7.38 * MB2], 0.46),
  "alpine-3.20": baseLayers("alpine-3.20", [7.8 * MB2], 0.46),
  "alpine-3.21": baseLayers("alpine-3.21", [7.83 * MB2], 0.46),
  "oraclelinux9-slim": baseLayers("oraclelinux9-slim", [118 * MB2], 0.4),
  "oraclelinux7-slim": baseLayers("oraclelinux7-slim", [132 * MB2], 0.4),
  "fedora-41": baseLayers("fedora-41", [233 * MB2], 0.4),
  "distroless-static": baseLayers("distroless-static", [2.45 * MB2], 0.42),
  none: []
};
var catalogue = /* @__PURE__ */ new Map();
var byDigest = /* @__PURE__ */ new Map();
function image(name, tags, spec) {
  const base = BASES[spec.base];
  const baseSize = base.reduce((s2, l) => s2 + l.size, 0);
  const own = spec.own ?? 4;
  const remaining = Math.max(own * 1e3, spec.size - baseSize);
  const weights = Array.from({ length: own }, (_, i) => i === 0 ? 60 : i === 1 ? 6 : 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const ownLayers = [];
  let assigned = 0;
  weights.forEach((w, i) => {
    const size = i === own - 1 ? remaining - assigned : Math.floor(remaining * w / total);
    assigned += size;
    ownLayers.push({ digest: sha256Of(`${name}:${tags[0] ?? ""}#${i}`), size, compressed: Math.round(size * (spec.ratio ?? 0.37)) });
  });
  const layers = [...base, ...ownLayers];
  const manifest = {
    name,
    tags,
    digest: spec.digests?.[0] ?? sha256Of(`manifest:${name}:${tags[0] ?? ""}`),
    layers,
    size: layers.reduce((s2, l) => s2 + l.size, 0),
    config: spec.config,
    ...spec.windowsOnly ? { windowsOnly: true } : {}
  };
  let list = catalogue.get(name);
  if (!list) catalogue.set(name, list = []);
  list.push(manifest);
  byDigest.set(`${name}@${manifest.digest}`, manifest);
  for (const d of spec.digests ?? []) byDigest.set(`${name}@${d}`, manifest);
}
var sh = (flavor) => ({ entrypoint: [], cmd: [flavor === "busybox" ? "sh" : flavor === "alpine" ? "/bin/sh" : "bash"], program: "shell", flavor });
var server = (program, flavor, entrypoint, cmd2, version, ports) => ({
  entrypoint,
  cmd: cmd2,
  program,
  flavor,
  version,
  ports
});
var NGINX_ENTRY = ["/docker-entrypoint.sh"];
var NGINX_CMD = ["nginx", "-g", "daemon off;"];
image("docker.io/library/nginx", ["1.27.3", "1.27", "1", "latest", "mainline"], { base: "debian-bookworm-slim", size: 191998714, own: 7, config: server("nginx", "debian", NGINX_ENTRY, NGINX_CMD, "1.27.3", [80]) });
image("docker.io/library/nginx", ["1.26.2", "1.26", "stable"], { base: "debian-bookworm-slim", size: 191701030, own: 7, config: server("nginx", "debian", NGINX_ENTRY, NGINX_CMD, "1.26.2", [80]) });
image("docker.io/library/nginx", ["1.25.5", "1.25"], { base: "debian-bookworm-slim", size: 187694648, own: 7, config: server("nginx", "debian", NGINX_ENTRY, NGINX_CMD, "1.25.5", [80]) });
image("docker.io/library/nginx", ["1.24.0", "1.24"], { base: "debian-bookworm-slim", size: 186790428, own: 7, config: server("nginx", "debian", NGINX_ENTRY, NGINX_CMD, "1.24.0", [80]) });
image("docker.io/library/nginx", ["1.23.4", "1.23"], { base: "debian-bookworm-slim", size: 142145851, own: 7, config: server("nginx", "debian", NGINX_ENTRY, NGINX_CMD, "1.23.4", [80]) });
image("docker.io/library/nginx", ["1.21.6", "1.21"], { base: "debian-buster-slim", size: 141538214, own: 6, config: server("nginx", "debian", NGINX_ENTRY, NGINX_CMD, "1.21.6", [80]) });
image("docker.io/library/nginx", ["1.19.10", "1.19"], { base: "debian-buster-slim", size: 133254132, own: 6, config: server("nginx", "debian", NGINX_ENTRY, NGINX_CMD, "1.19.10", [80]) });
image("docker.io/library/nginx", ["1.17.10", "1.17"], { base: "debian-buster-slim", size: 127249181, own: 3, config: server("nginx", "debian", [], NGINX_CMD, "1.17.10", [80]) });
image("docker.io/library/nginx", ["1.16.1", "1.16"], { base: "debian-buster-slim", size: 126756254, own: 3, config: server("nginx", "debian", [], NGINX_CMD, "1.16.1", [80]) });
image("docker.io/library/nginx", ["1.15.12", "1.15"], { base: "debian-stretch-slim", size: 109294489, own: 3, config: server("nginx", "debian", [], NGINX_CMD, "1.15.12", [80]) });
image("docker.io/library/nginx", ["1.14.2", "1.14"], { base: "debian-stretch-slim", size: 109129446, own: 3, config: server("nginx", "debian", [], NGINX_CMD, "1.14.2", [80]) });
image("docker.io/library/nginx", ["1.27.3-alpine", "1.27-alpine", "alpine", "mainline-alpine", "stable-alpine"], { base: "alpine-3.20", size: 47970125, own: 8, config: server("nginx", "alpine", NGINX_ENTRY, NGINX_CMD, "1.27.3", [80]) });
image("docker.io/library/nginx", ["1.25.5-alpine", "1.25-alpine"], { base: "alpine-3.19", size: 43254806, own: 8, config: server("nginx", "alpine", NGINX_ENTRY, NGINX_CMD, "1.25.5", [80]) });
image("docker.io/library/nginx", ["1.14.2-alpine", "1.14-alpine"], { base: "alpine-3.18", size: 16044201, own: 3, config: server("nginx", "alpine", [], NGINX_CMD, "1.14.2", [80]) });
image("docker.io/library/busybox", ["1.37.0", "1.37", "1", "latest", "stable"], { base: "none", size: 4270016, own: 1, ratio: 0.5, config: sh("busybox") });
image("docker.io/library/busybox", ["1.36.1", "1.36"], { base: "none", size: 4261550, own: 1, ratio: 0.5, config: sh("busybox") });
image("docker.io/library/busybox", ["1.35.0", "1.35"], { base: "none", size: 4856322, own: 1, ratio: 0.5, config: sh("busybox") });
image("docker.io/library/busybox", ["1.34.1", "1.34"], { base: "none", size: 1239820, own: 1, ratio: 0.6, config: sh("busybox") });
image("docker.io/library/busybox", ["1.28.4", "1.28"], { base: "none", size: 1146369, own: 1, ratio: 0.64, config: sh("busybox") });
image("docker.io/library/busybox", ["1.27.2", "1.27"], { base: "none", size: 1129289, own: 1, ratio: 0.64, config: sh("busybox") });
image("docker.io/library/alpine", ["3.21.2", "3.21", "3", "latest"], { base: "alpine-3.21", size: 783e4, own: 0, config: sh("alpine") });
image("docker.io/library/alpine", ["3.20.5", "3.20"], { base: "alpine-3.20", size: 78e5, own: 0, config: sh("alpine") });
image("docker.io/library/alpine", ["3.19.6", "3.19"], { base: "alpine-3.19", size: 738e4, own: 0, config: sh("alpine") });
image("docker.io/library/alpine", ["3.18.11", "3.18"], { base: "alpine-3.18", size: 733e4, own: 0, config: sh("alpine") });
image("docker.io/library/ubuntu", ["24.04", "noble", "latest"], { base: "ubuntu-24.04", size: 781e5, own: 0, config: sh("ubuntu") });
image("docker.io/library/ubuntu", ["22.04", "jammy"], { base: "ubuntu-22.04", size: 779e5, own: 0, config: sh("ubuntu") });
image("docker.io/library/debian", ["12", "bookworm", "stable", "latest"], { base: "debian-bookworm", size: 1165e5, own: 0, config: sh("debian") });
image("docker.io/library/debian", ["12-slim", "bookworm-slim", "stable-slim"], { base: "debian-bookworm-slim", size: 748e5, own: 0, config: sh("debian") });
image("docker.io/library/debian", ["11", "bullseye"], { base: "debian-bullseye", size: 124e6, own: 0, config: sh("debian") });
image("docker.io/library/fedora", ["41", "latest"], { base: "fedora-41", size: 233e6, own: 0, config: sh("fedora") });
image("docker.io/library/bash", ["5.2.37", "5.2", "5", "latest"], { base: "alpine-3.21", size: 141e5, own: 3, config: { entrypoint: ["docker-entrypoint.sh"], cmd: ["bash"], program: "shell", flavor: "alpine" } });
image("docker.io/library/httpd", ["2.4.62", "2.4", "2", "latest"], { base: "debian-bookworm-slim", size: 148087552, own: 5, config: server("httpd", "debian", [], ["httpd-foreground"], "2.4.62", [80]) });
image("docker.io/library/httpd", ["2.4.62-alpine", "2.4-alpine", "alpine"], { base: "alpine-3.21", size: 621e5, own: 5, config: server("httpd", "alpine", [], ["httpd-foreground"], "2.4.62", [80]) });
var REDIS_ENTRY = ["docker-entrypoint.sh"];
image("docker.io/library/redis", ["7.4.2", "7.4", "7", "latest"], { base: "debian-bookworm-slim", size: 11741e4, own: 7, config: server("redis", "debian", REDIS_ENTRY, ["redis-server"], "7.4.2", [6379]) });
image("docker.io/library/redis", ["8.0.2", "8.0", "8"], { base: "debian-bookworm-slim", size: 1379e5, own: 7, config: server("redis", "debian", REDIS_ENTRY, ["redis-server"], "8.0.2", [6379]) });
image("docker.io/library/redis", ["6.2.17", "6.2", "6"], { base: "debian-bookworm-slim", size: 1052e5, own: 7, config: server("redis", "debian", REDIS_ENTRY, ["redis-server"], "6.2.17", [6379]) });
image("docker.io/library/redis", ["6.0.5"], { base: "debian-buster-slim", size: 1041e5, own: 5, config: server("redis", "debian", REDIS_ENTRY, ["redis-server"], "6.0.5", [6379]) });
image("docker.io/library/redis", ["7.4.2-alpine", "7.4-alpine", "7-alpine", "alpine"], { base: "alpine-3.21", size: 419e5, own: 7, config: server("redis", "alpine", REDIS_ENTRY, ["redis-server"], "7.4.2", [6379]) });
image("docker.io/library/redis", ["3.0-nanoserver"], { base: "none", size: 107e7, own: 3, windowsOnly: true, config: server("redis", "distroless", [], ["redis-server"], "3.0.504", [6379]) });
image("docker.io/library/mysql", ["9.1.0", "9.1", "9", "latest"], { base: "oraclelinux9-slim", size: 593e6, own: 9, config: server("mysql", "fedora", ["docker-entrypoint.sh"], ["mysqld"], "9.1.0", [3306, 33060]) });
image("docker.io/library/mysql", ["8.0.40", "8.0", "8"], { base: "oraclelinux9-slim", size: 573e6, own: 9, config: server("mysql", "fedora", ["docker-entrypoint.sh"], ["mysqld"], "8.0.40", [3306, 33060]) });
image("docker.io/library/mysql", ["5.7.44", "5.7", "5"], { base: "oraclelinux7-slim", size: 501e6, own: 9, config: server("mysql", "fedora", ["docker-entrypoint.sh"], ["mysqld"], "5.7.44", [3306, 33060]) });
image("docker.io/library/postgres", ["17.2", "17", "latest"], { base: "debian-bookworm-slim", size: 435e6, own: 12, config: server("postgres", "debian", ["docker-entrypoint.sh"], ["postgres"], "17.2", [5432]) });
image("docker.io/library/postgres", ["16.6", "16"], { base: "debian-bookworm-slim", size: 432e6, own: 12, config: server("postgres", "debian", ["docker-entrypoint.sh"], ["postgres"], "16.6", [5432]) });
image("docker.io/library/postgres", ["17.2-alpine", "17-alpine", "alpine"], { base: "alpine-3.21", size: 278e6, own: 10, config: server("postgres", "alpine", ["docker-entrypoint.sh"], ["postgres"], "17.2", [5432]) });
image("docker.io/library/mongo", ["8.0.4", "8.0", "8", "latest"], { base: "ubuntu-24.04", size: 854e6, own: 8, config: server("mongo", "ubuntu", ["docker-entrypoint.sh"], ["mongod"], "8.0.4", [27017]) });
image("docker.io/library/mongo", ["4.2.24", "4.2"], { base: "ubuntu-22.04", size: 388e6, own: 8, config: server("mongo", "ubuntu", ["docker-entrypoint.sh"], ["mongod"], "4.2.24", [27017]) });
image("docker.io/library/rabbitmq", ["4.0.5", "4.0", "4", "latest"], { base: "ubuntu-24.04", size: 225e6, own: 8, config: server("rabbitmq", "ubuntu", ["docker-entrypoint.sh"], ["rabbitmq-server"], "4.0.5", [5672]) });
image("docker.io/library/rabbitmq", ["3.13.7", "3.13", "3"], { base: "ubuntu-22.04", size: 22e7, own: 8, config: server("rabbitmq", "ubuntu", ["docker-entrypoint.sh"], ["rabbitmq-server"], "3.13.7", [5672]) });
image("docker.io/library/wordpress", ["6.2.1-apache", "6.2-apache"], { base: "debian-bookworm-slim", size: 616e6, own: 15, config: server("wordpress", "debian", ["docker-entrypoint.sh"], ["apache2-foreground"], "6.2.1", [80]) });
image("docker.io/library/wordpress", ["6.7.1-apache", "6.7-apache", "latest", "apache"], { base: "debian-bookworm-slim", size: 7e8, own: 15, config: server("wordpress", "debian", ["docker-entrypoint.sh"], ["apache2-foreground"], "6.7.1", [80]) });
image("docker.io/library/perl", ["5.40.0", "5.40", "5", "latest"], { base: "buildpack-bookworm", size: 889e6, own: 3, config: { entrypoint: [], cmd: ["perl", "-de0"], program: "perl", flavor: "debian", version: "5.40.0" } });
image("docker.io/library/perl", ["5.34.0", "5.34"], { base: "buildpack-bullseye", size: 858e6, own: 3, config: { entrypoint: [], cmd: ["perl", "-de0"], program: "perl", flavor: "debian", version: "5.34.0" } });
image("docker.io/library/python", ["3.13.1", "3.13", "3", "latest"], { base: "buildpack-bookworm", size: 102e7, own: 4, config: { entrypoint: [], cmd: ["python3"], program: "python", flavor: "debian", version: "3.13.1" } });
image("docker.io/library/python", ["3.12.8", "3.12"], { base: "buildpack-bookworm", size: 101e7, own: 4, config: { entrypoint: [], cmd: ["python3"], program: "python", flavor: "debian", version: "3.12.8" } });
image("docker.io/library/python", ["3.13.1-slim", "3.13-slim", "3-slim", "slim"], { base: "debian-bookworm-slim", size: 125e6, own: 4, config: { entrypoint: [], cmd: ["python3"], program: "python", flavor: "debian", version: "3.13.1" } });
image("docker.io/library/python", ["3.13.1-alpine", "3.13-alpine", "3-alpine", "alpine"], { base: "alpine-3.21", size: 46e6, own: 4, config: { entrypoint: [], cmd: ["python3"], program: "python", flavor: "alpine", version: "3.13.1" } });
image("docker.io/library/node", ["22.12.0", "22", "lts", "latest"], { base: "buildpack-bookworm", size: 112e7, own: 5, config: { entrypoint: ["docker-entrypoint.sh"], cmd: ["node"], program: "node", flavor: "debian", version: "22.12.0" } });
image("docker.io/library/node", ["20.18.1", "20"], { base: "buildpack-bookworm", size: 11e8, own: 5, config: { entrypoint: ["docker-entrypoint.sh"], cmd: ["node"], program: "node", flavor: "debian", version: "20.18.1" } });
image("docker.io/library/node", ["22.12.0-alpine", "22-alpine", "lts-alpine", "alpine"], { base: "alpine-3.21", size: 155e6, own: 5, config: { entrypoint: ["docker-entrypoint.sh"], cmd: ["node"], program: "node", flavor: "alpine", version: "22.12.0" } });
image("docker.io/hashicorp/http-echo", ["1.0.0", "1.0", "latest"], { base: "distroless-static", size: 77e5, own: 2, config: server("http-echo", "distroless", ["/http-echo"], [], "1.0.0", [5678]) });
image("docker.io/hashicorp/http-echo", ["0.2.3"], { base: "none", size: 397e4, own: 1, config: server("http-echo", "distroless", ["/http-echo"], [], "0.2.3", [5678]) });
image("docker.io/vish/stress", ["latest"], { base: "none", size: 5e6, own: 2, config: { entrypoint: ["/stress"], cmd: ["-logtostderr"], program: "stress", flavor: "distroless" } });
image("docker.io/polinux/stress", ["1.0.4", "latest"], { base: "alpine-3.18", size: 974e4, own: 2, config: { entrypoint: [], cmd: ["stress", "--help"], program: "stress", flavor: "alpine" } });
image("docker.io/radial/busyboxplus", ["curl", "latest"], { base: "none", size: 423e4, own: 2, config: sh("busybox") });
image("docker.io/curlimages/curl", ["8.11.1", "latest"], { base: "alpine-3.21", size: 225e5, own: 3, config: { entrypoint: ["/entrypoint.sh"], cmd: ["curl"], program: "shell", flavor: "alpine" } });
image("docker.io/nicolaka/netshoot", ["v0.13", "latest"], { base: "alpine-3.20", size: 465e6, own: 10, config: { entrypoint: [], cmd: ["zsh"], program: "shell", flavor: "alpine" } });
image("docker.io/bprashanth/nginxhttps", ["1.0"], { base: "debian-stretch-slim", size: 107e6, own: 4, config: server("nginx", "debian", [], ["/home/auto-reload-nginx.sh"], "1.11.1", [80, 443]) });
image("docker.io/microsoft/iis", ["latest", "windowsservercore-1709"], { base: "none", size: 51e8, own: 3, windowsOnly: true, config: server("server", "distroless", [], ["C:\\ServiceMonitor.exe", "w3svc"], "10", [80]) });
image("docker.io/microsoft/windowsservercore", ["1709", "latest"], { base: "none", size: 56e8, own: 2, windowsOnly: true, config: { entrypoint: [], cmd: ["c:\\windows\\system32\\cmd.exe"], program: "shell", flavor: "distroless" } });
image("mcr.microsoft.com/windows/servercore", ["ltsc2019", "ltsc2022"], { base: "none", size: 49e8, own: 2, windowsOnly: true, config: { entrypoint: [], cmd: ["c:\\windows\\system32\\cmd.exe"], program: "shell", flavor: "distroless" } });
for (const [tag, size] of [["3.10", 736e3], ["3.9", 744e3], ["3.8", 711e3], ["3.7", 711e3], ["3.6", 683e3], ["3.5", 683e3], ["3.2", 683e3], ["3.1", 742e3]]) {
  image("registry.k8s.io/pause", tag === "3.10" ? [tag, "latest"] : [tag], { base: "none", size, own: 1, ratio: 0.43, config: { entrypoint: ["/pause"], cmd: [], program: "pause", flavor: "distroless" } });
}
image("registry.k8s.io/busybox", ["1.27.2"], { base: "none", size: 1129289, own: 1, ratio: 0.64, config: sh("busybox") });
image("registry.k8s.io/busybox", ["latest", "1.24"], { base: "none", size: 2433303, own: 3, ratio: 0.5, config: sh("busybox") });
image("registry.k8s.io/hpa-example", ["latest"], { base: "debian-jessie", size: 481e6, own: 12, config: server("php-apache", "debian", ["docker-php-entrypoint"], ["apache2-foreground"], "5.6.x", [80]) });
for (const tag of ["2.53", "2.52", "2.47", "2.45", "2.43", "2.40", "2.39", "2.33"]) {
  image("registry.k8s.io/e2e-test-images/agnhost", [tag], { base: "alpine-3.18", size: 128e6 + Number(tag.slice(2)) * 1e5, own: 4, config: server("agnhost", "alpine", ["/agnhost"], ["pause"], tag, [8080]) });
}
image("registry.k8s.io/e2e-test-images/jessie-dnsutils", ["1.3", "1.7"], { base: "debian-jessie", size: 254e6, own: 3, config: sh("debian") });
image("registry.k8s.io/echoserver", ["1.10", "1.4"], { base: "debian-stretch-slim", size: 954e5, own: 6, config: server("echoserver", "debian", [], ["/usr/local/bin/run.sh"], "1.10", [8080]) });
image("registry.k8s.io/serve_hostname", ["latest", "v1.4"], { base: "none", size: 463e4, own: 1, config: server("serve-hostname", "distroless", ["/serve_hostname"], [], "1.4", [9376]) });
image("registry.k8s.io/nginx-slim", ["0.24", "0.27"], { base: "debian-buster-slim", size: 12e7, own: 4, config: server("nginx", "debian", [], NGINX_CMD, "1.23.1", [80]) });
image("registry.k8s.io/nginx-slim", ["0.21", "0.8"], { base: "debian-stretch-slim", size: 95e6, own: 4, config: server("nginx", "debian", [], NGINX_CMD, "1.15.0", [80]) });
image("registry.k8s.io/nginx", ["latest", "1.7.9"], { base: "debian-jessie", size: 133e6, own: 4, config: server("nginx", "debian", [], NGINX_CMD, "1.7.9", [80]) });
image("registry.k8s.io/redis", ["e2e", "latest"], {
  base: "debian-stretch-slim",
  size: 797e5,
  own: 4,
  digests: ["sha256:cb111d1bd870a6a471385a4a69ad17469d326e9dd91e0e455350cacf36e1b3ee"],
  config: server("redis", "debian", [], ["redis-server"], "3.2.9", [6379])
});
image("registry.k8s.io/kubernetes-zookeeper", ["1.0-3.4.10"], { base: "ubuntu-22.04", size: 301e6, own: 6, config: server("server", "ubuntu", [], ["start-zookeeper"], "3.4.10", [2181, 2888, 3888]) });
image("registry.k8s.io/goproxy", ["0.1"], { base: "none", size: 501e4, own: 1, config: server("server", "distroless", ["/goproxy"], [], "0.1", [8080]) });
image("registry.k8s.io/etcd", ["3.5.16-0", "3.5.15-0", "3.5.1-0"], { base: "distroless-static", size: 577e5, own: 3, config: server("server", "distroless", [], ["/usr/local/bin/etcd"], "3.5.16", [2379, 2380]) });
image("registry.k8s.io/fluentd-gcp", ["2.0.2", "1.30"], { base: "debian-stretch-slim", size: 137e6, own: 5, config: server("server", "debian", [], ["/run.sh"], "2.0.2", []) });
image("registry.k8s.io/event-exporter", ["v0.2.3"], { base: "distroless-static", size: 46e6, own: 2, config: server("server", "distroless", ["/event-exporter"], [], "0.2.3", [80]) });
image("registry.k8s.io/node-problem-detector", ["v0.1"], { base: "debian-jessie", size: 18e7, own: 3, config: server("server", "debian", ["/node-problem-detector"], [], "0.1", [20256]) });
image("registry.k8s.io/cpa/cluster-proportional-autoscaler", ["1.8.4", "v1.9.0"], { base: "distroless-static", size: 394e5, own: 2, config: server("server", "distroless", ["/cluster-proportional-autoscaler"], [], "1.8.4", []) });
image("registry.k8s.io/kas-network-proxy/proxy-server", ["v0.0.37"], { base: "distroless-static", size: 22e6, own: 2, config: server("server", "distroless", ["/proxy-server"], [], "0.0.37", [8090, 8091]) });
image("registry.k8s.io/kas-network-proxy/proxy-agent", ["v0.0.37"], { base: "distroless-static", size: 2e7, own: 2, config: server("server", "distroless", ["/proxy-agent"], [], "0.0.37", [8093]) });
image("registry.k8s.io/cloud-controller-manager", ["v1.8.0"], { base: "distroless-static", size: 12e7, own: 2, config: server("server", "distroless", ["/usr/local/bin/cloud-controller-manager"], [], "1.8.0", []) });
image("registry.k8s.io/dra-example-driver/dra-example-driver", ["v0.2.0"], { base: "distroless-static", size: 64e6, own: 2, config: server("server", "distroless", ["/usr/bin/dra-example-kubeletplugin"], [], "0.2.0", []) });
image("quay.io/fluentd_elasticsearch/fluentd", ["v5.0.1", "v4.7.2", "v2.5.2"], { base: "debian-bookworm-slim", size: 32e7, own: 6, config: server("server", "debian", ["/entrypoint.sh"], [], "1.16.2", [24231]) });
for (const repo of ["gcr.io/google-samples", "us-docker.pkg.dev/google-samples/containers/gke"]) {
  image(`${repo}/hello-app`, ["1.0"], { base: "alpine-3.18", size: 103e5, own: 2, config: server("hello-app", "alpine", ["/hello-app"], [], "1.0.0", [8080]) });
  image(`${repo}/hello-app`, ["2.0"], { base: "alpine-3.18", size: 10300100, own: 2, config: server("hello-app", "alpine", ["/hello-app"], [], "2.0.0", [8080]) });
  image(`${repo}/gb-frontend`, ["v5"], { base: "debian-bookworm-slim", size: 375e6, own: 8, config: server("php-apache", "debian", [], ["apache2-foreground"], "5.6", [80]) });
  image(`${repo}/gb-redis-follower`, ["v2"], { base: "debian-buster-slim", size: 104e6, own: 4, config: server("redis", "debian", [], ["/run.sh"], "6.0.5", [6379]) });
}
image("gcr.io/google-samples/kubernetes-bootcamp", ["v1"], { base: "debian-jessie", size: 211e6, own: 6, config: server("bootcamp", "debian", [], ["/bin/sh", "-c", "node server.js"], "v1", [8080]) });
image("gcr.io/google-samples/kubernetes-bootcamp", ["v2"], { base: "debian-jessie", size: 211000100, own: 6, config: server("bootcamp", "debian", [], ["/bin/sh", "-c", "node server.js"], "v2", [8080]) });
image("gcr.io/google-samples/hello-go-gke", ["1.0"], { base: "alpine-3.18", size: 11e6, own: 2, config: server("hello-app", "alpine", ["/hello"], [], "1.0", [80]) });
image("gcr.io/google-samples/hello-frontend", ["1.0"], { base: "debian-stretch-slim", size: 108e6, own: 3, config: server("nginx", "debian", [], NGINX_CMD, "1.15.0", [80]) });
image("gcr.io/google-samples/cassandra", ["v13", "v14"], { base: "debian-stretch-slim", size: 29e7, own: 6, config: server("server", "debian", [], ["/run.sh"], "3.11.2", [7e3, 7001, 7199, 9042]) });
image("gcr.io/google-samples/xtrabackup", ["1.0"], { base: "debian-jessie", size: 265e6, own: 3, config: { entrypoint: [], cmd: ["bash"], program: "shell", flavor: "debian" } });
var KNOWN_HOSTS = /* @__PURE__ */ new Set([
  "docker.io",
  "registry.k8s.io",
  "k8s.gcr.io",
  "gcr.io",
  "us.gcr.io",
  "eu.gcr.io",
  "asia.gcr.io",
  "us-docker.pkg.dev",
  "europe-docker.pkg.dev",
  "quay.io",
  "ghcr.io",
  "mcr.microsoft.com",
  "public.ecr.aws",
  "registry.gitlab.com",
  "docker.elastic.co"
]);
function aliasName(name) {
  if (name.startsWith("k8s.gcr.io/")) return `registry.k8s.io/${name.slice("k8s.gcr.io/".length)}`;
  if (name.startsWith("us.gcr.io/k8s-artifacts-prod/")) return `registry.k8s.io/${name.slice("us.gcr.io/k8s-artifacts-prod/".length)}`;
  return name;
}
function resolveImage(ref) {
  const name = aliasName(ref.name);
  const shown = ref.canonical;
  if (!KNOWN_HOSTS.has(ref.registry)) {
    const path = `https://${ref.registry}/v2/${ref.repository}/manifests/${ref.digest ?? ref.tag ?? "latest"}`;
    return {
      ok: false,
      code: "Unknown",
      reason: `failed to resolve reference "${shown}": failed to do request: Head "${path}": dial tcp: lookup ${ref.registry.replace(/:\d+$/, "")} on 127.0.0.11:53: no such host`
    };
  }
  const list = catalogue.get(name);
  if (!list) {
    if (ref.registry === "docker.io") {
      return {
        ok: false,
        code: "Unknown",
        reason: `failed to resolve reference "${shown}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`
      };
    }
    return { ok: false, code: "NotFound", reason: `failed to resolve reference "${shown}": ${shown}: not found` };
  }
  const manifest = ref.digest ? byDigest.get(`${name}@${ref.digest}`) : list.find((m) => m.tags.includes(ref.tag ?? "latest"));
  if (!manifest) return { ok: false, code: "NotFound", reason: `failed to resolve reference "${shown}": ${shown}: not found` };
  if (manifest.windowsOnly) return { ok: false, code: "NotFound", reason: "no match for platform in manifest: not found" };
  return { ok: true, manifest };
}

// src/engine/runtime/containerRuntime.ts
var DOWNLOAD_BYTES_PER_MS = 4e4;
var MANIFEST_ROUND_TRIP_MS = 250;
var PER_LAYER_MS = 40;
var CACHED_LAYER_MS = 2;
var FAILED_RESOLVE_MS = 400;
var NODE_STATUS_MAX_IMAGES = 50;
var ContainerRuntime = class {
  constructor(clock) {
    this.clock = clock;
  }
  clock;
  layers = /* @__PURE__ */ new Set();
  /** Layers the node has or will have once the queued pulls finish (pulls are serial). */
  layersAfterQueue = /* @__PURE__ */ new Set();
  /** name@digest → image. */
  images = /* @__PURE__ */ new Map();
  /** canonical reference (`docker.io/library/nginx:1.25`) → name@digest. */
  byRef = /* @__PURE__ */ new Map();
  pullerFreeAt = 0;
  timers = /* @__PURE__ */ new Set();
  /** Bumps whenever the image list changes (the kubelet then reports node status). */
  imagesVersion = 0;
  /** The image a reference names, if it is on this node. */
  findImage(ref) {
    const key = this.byRef.get(ref.canonical);
    const stored = key ? this.images.get(key) : void 0;
    if (!stored) return void 0;
    return { manifest: stored.manifest, imageRef: ref.canonical, imageID: `${stored.manifest.name}@${stored.manifest.digest}` };
  }
  /**
   * Pulls an image; `done` runs on the virtual clock when the pull finishes (after any pull queued
   * before it). Returns a function that stops `done` from being called (the pod went away).
   */
  pull(ref, done) {
    const now = this.clock.now();
    const startAt = Math.max(now, this.pullerFreeAt);
    const resolved = resolveImage(ref);
    let pullMs;
    let result;
    if (resolved.ok) {
      const manifest = resolved.manifest;
      pullMs = MANIFEST_ROUND_TRIP_MS;
      for (const layer of manifest.layers) {
        if (this.layersAfterQueue.has(layer.digest)) {
          pullMs += CACHED_LAYER_MS;
        } else {
          pullMs += PER_LAYER_MS + Math.ceil(layer.compressed / DOWNLOAD_BYTES_PER_MS);
          this.layersAfterQueue.add(layer.digest);
        }
      }
      const imageID = `${manifest.name}@${manifest.digest}`;
      result = (totalMs) => {
        this.store(manifest, ref.canonical);
        return { ok: true, manifest, imageRef: ref.canonical, imageID, pullMs, totalMs };
      };
    } else {
      pullMs = FAILED_RESOLVE_MS;
      const code = resolved.code;
      result = (totalMs) => ({
        ok: false,
        message: `rpc error: code = ${code} desc = failed to pull and unpack image "${ref.canonical}": ${resolved.reason}`,
        pullMs,
        totalMs
      });
    }
    this.pullerFreeAt = startAt + pullMs;
    let cancelled = false;
    const id = this.clock.setTimeout(() => {
      this.timers.delete(id);
      const outcome = result(this.clock.now() - now);
      if (!cancelled) done(outcome);
    }, this.pullerFreeAt - now);
    this.timers.add(id);
    return () => {
      cancelled = true;
    };
  }
  /** The node's `status.images`, as the kubelet reports them: largest first, at most 50. */
  imageList() {
    const list = [...this.images.values()].sort((a, b) => b.manifest.size - a.manifest.size || (a.manifest.name < b.manifest.name ? -1 : 1));
    return list.slice(0, NODE_STATUS_MAX_IMAGES).map((img) => ({
      names: [`${img.manifest.name}@${img.manifest.digest}`, ...[...img.refs].sort()],
      sizeBytes: img.manifest.size
    }));
  }
  /** Every image on the node (e.g. the scheduler's ImageLocality score). */
  imageNames() {
    return [...this.byRef.keys()];
  }
  /** The machine is gone (Node deleted): forget pending pulls. The disk's images are dropped too. */
  dispose() {
    for (const id of this.timers) this.clock.clearTimeout(id);
    this.timers.clear();
  }
  store(manifest, canonical) {
    for (const layer of manifest.layers) this.layers.add(layer.digest);
    const key = `${manifest.name}@${manifest.digest}`;
    let stored = this.images.get(key);
    if (!stored) this.images.set(key, stored = { manifest, refs: /* @__PURE__ */ new Set() });
    const previous = this.byRef.get(canonical);
    if (previous && previous !== key) this.images.get(previous)?.refs.delete(canonical);
    if (previous !== key) this.imagesVersion++;
    if (!canonical.includes("@")) stored.refs.add(canonical);
    this.byRef.set(canonical, key);
  }
};

// src/engine/kubelet/kubeletMachine.ts
import { fromCallback, setup as setup3 } from "xstate";
var HEARTBEAT_PERIOD_MS = 1e4;
var heartbeatLoop = fromCallback(({ input }) => {
  const { host } = input;
  let timer = host.clock.setTimeout(function tick() {
    timer = host.clock.setTimeout(tick, HEARTBEAT_PERIOD_MS);
    host.heartbeat();
  }, 0);
  return () => host.clock.clearTimeout(timer);
});
var kubeletMachine = setup3({
  types: {
    context: {},
    input: {},
    events: {}
  },
  actors: { heartbeatLoop },
  actions: {
    stopAllContainers: ({ context }) => context.host.stopAllContainers(),
    bootAgain: ({ context }) => context.host.bootAgain(),
    reconnect: ({ context }) => context.host.reconnect()
  }
}).createMachine({
  id: "kubelet",
  context: ({ input }) => ({ host: input.host }),
  initial: "running",
  states: {
    running: {
      invoke: { src: "heartbeatLoop", input: ({ context }) => ({ host: context.host }) },
      on: { POWER_OFF: "poweredOff", PARTITION: "partitioned" }
    },
    partitioned: {
      on: { HEAL: { target: "running", actions: "reconnect" }, POWER_OFF: "poweredOff" }
    },
    poweredOff: {
      entry: "stopAllContainers",
      on: { POWER_ON: { target: "running", actions: "bootAgain" } }
    }
  }
});

// src/engine/kubelet/nodeStatus.ts
var KUBELET_VERSION = "v1.31.4";
var CONTAINER_RUNTIME_VERSION = "containerd://1.7.24";
var OS_IMAGE = "Debian GNU/Linux 12 (bookworm)";
var KERNEL_VERSION = "6.8.0-51-generic";
var DEFAULT_CAPACITY = {
  cpu: "4",
  "ephemeral-storage": "61255492Ki",
  "hugepages-1Gi": "0",
  "hugepages-2Mi": "0",
  memory: "8148132Ki",
  pods: "110"
};
var CONDITION_TEXT = {
  MemoryPressure: [
    ["KubeletHasSufficientMemory", "kubelet has sufficient memory available"],
    ["KubeletHasInsufficientMemory", "kubelet has insufficient memory available"]
  ],
  DiskPressure: [
    ["KubeletHasNoDiskPressure", "kubelet has no disk pressure"],
    ["KubeletHasDiskPressure", "kubelet has disk pressure"]
  ],
  PIDPressure: [
    ["KubeletHasSufficientPID", "kubelet has sufficient PID available"],
    ["KubeletHasInsufficientPID", "kubelet has insufficient PID available"]
  ]
};
function cond(type, status, reason, message, now, previous) {
  const prev = previous?.find((c2) => c2.type === type);
  const transition = prev && prev.status === status && prev.lastTransitionTime ? prev.lastTransitionTime : now;
  return { type, status, lastHeartbeatTime: now, lastTransitionTime: transition, reason, message };
}
function buildNodeStatus(node, id, images, pressure, now) {
  const previous = node.status?.conditions;
  const capacity = { ...DEFAULT_CAPACITY, ...node.status?.capacity ?? {} };
  const allocatable = { ...capacity, ...node.status?.allocatable ?? {} };
  if (!node.status?.allocatable && capacity.memory === DEFAULT_CAPACITY.memory) allocatable.memory = "8045732Ki";
  const conditions2 = [];
  const network = previous?.find((c2) => c2.type === "NetworkUnavailable");
  if (network) conditions2.push(network);
  for (const type of ["MemoryPressure", "DiskPressure", "PIDPressure"]) {
    const on = type === "MemoryPressure" ? pressure.memory : type === "DiskPressure" ? pressure.disk : pressure.pid;
    const [reason, message] = CONDITION_TEXT[type][on ? 1 : 0];
    conditions2.push(cond(type, on ? "True" : "False", reason, message, now, previous));
  }
  conditions2.push(cond("Ready", "True", "KubeletReady", "kubelet is posting ready status", now, previous));
  const hostname = node.metadata.labels?.["kubernetes.io/hostname"] ?? node.metadata.name;
  return {
    ...node.status ?? {},
    addresses: node.status?.addresses ?? [
      { type: "InternalIP", address: id.internalIP },
      { type: "Hostname", address: hostname }
    ],
    allocatable,
    capacity,
    conditions: conditions2,
    daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
    images,
    nodeInfo: {
      architecture: node.metadata.labels?.["kubernetes.io/arch"] ?? "amd64",
      bootID: id.bootID,
      containerRuntimeVersion: CONTAINER_RUNTIME_VERSION,
      kernelVersion: KERNEL_VERSION,
      kubeProxyVersion: KUBELET_VERSION,
      kubeletVersion: KUBELET_VERSION,
      machineID: id.machineID,
      operatingSystem: node.metadata.labels?.["kubernetes.io/os"] ?? "linux",
      osImage: OS_IMAGE,
      systemUUID: id.systemUUID
    }
  };
}
function statusFingerprint(s2) {
  return JSON.stringify({
    c: s2.conditions?.map((c2) => [c2.type, c2.status, c2.reason]),
    i: s2.images?.length,
    n: s2.images?.[0]?.names?.[0],
    cap: s2.capacity,
    all: s2.allocatable,
    a: s2.addresses
  });
}

// src/engine/kubelet/containerMachine.ts
import { setup as setup4 } from "xstate";
var POD_RESYNC_AFTER_ERROR_MS = 1e3;
var CONFIG_RETRY_MS = 1e4;
var containerMachine = setup4({
  types: {
    context: {},
    input: {},
    events: {}
  },
  actions: {
    restartAfterBackOff: ({ context }) => context.host.restartAfterBackOff(),
    reportPullBackOff: ({ context }) => context.host.pullBackOffStarted(),
    pullAgain: ({ context }) => context.host.pullAgain(),
    retryCreate: ({ context }) => context.host.retryCreate(),
    sigkill: ({ context }) => context.host.killAfterGracePeriod()
  },
  delays: {
    restartBackOff: ({ context }) => context.host.restartDelayMs(),
    pullBackOff: ({ context }) => context.host.pullDelayMs(),
    podResync: POD_RESYNC_AFTER_ERROR_MS,
    configRetry: CONFIG_RETRY_MS,
    gracePeriod: ({ context }) => context.host.gracePeriodMs()
  }
}).createMachine({
  id: "container",
  context: ({ input }) => ({ host: input.host }),
  initial: "waiting",
  states: {
    waiting: {
      initial: "containerCreating",
      on: {
        PULL: ".pulling",
        PULL_FAILED: ".errImagePull",
        INVALID_IMAGE: ".invalidImageName",
        NEVER_PULL: ".errImageNeverPull",
        CONFIG_ERROR: ".createContainerConfigError",
        STARTED: "running",
        START_FAILED: "terminated",
        STOP: "terminated"
      },
      states: {
        containerCreating: {},
        pulling: {},
        errImagePull: { after: { podResync: "imagePullBackOff" } },
        imagePullBackOff: {
          entry: "reportPullBackOff",
          after: { pullBackOff: { target: "pulling", actions: "pullAgain" } }
        },
        invalidImageName: {},
        errImageNeverPull: {},
        createContainerConfigError: { after: { configRetry: { target: "containerCreating", actions: "retryCreate" } } },
        crashLoopBackOff: { after: { restartBackOff: { target: "containerCreating", actions: "restartAfterBackOff" } } }
      }
    },
    running: {
      on: { EXITED: "terminated", STOP: "stopping" }
    },
    stopping: {
      on: { EXITED: "terminated" },
      after: { gracePeriod: { target: "terminated", actions: "sigkill" } }
    },
    terminated: {
      on: { BACK_OFF: "waiting.crashLoopBackOff", RESTART: "waiting.containerCreating", EXITED: {} }
    }
  }
});
var WAITING_REASON = {
  containerCreating: "ContainerCreating",
  pulling: "ContainerCreating",
  errImagePull: "ErrImagePull",
  imagePullBackOff: "ImagePullBackOff",
  invalidImageName: "InvalidImageName",
  errImageNeverPull: "ErrImageNeverPull",
  createContainerConfigError: "CreateContainerConfigError",
  crashLoopBackOff: "CrashLoopBackOff"
};

// src/engine/kubelet/timestamps.ts
var lastSecond2 = Number.NaN;
var lastText2 = "";
function rfc33392(ms) {
  const second = Math.floor(ms / 1e3);
  if (second !== lastSecond2) {
    lastSecond2 = second;
    lastText2 = new Date(second * 1e3).toISOString().replace(".000Z", "Z");
  }
  return lastText2;
}
var lastMicroMs = Number.NaN;
var lastMicro = "";
function microTime(ms) {
  if (ms !== lastMicroMs) {
    lastMicroMs = ms;
    lastMicro = new Date(ms).toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
  }
  return lastMicro;
}

// src/engine/kubelet/podStatus.ts
function containerState(w, slot) {
  const s2 = slot.stateName;
  if (s2 === "running" || s2 === "stopping") return { running: { startedAt: rfc33392(slot.current?.startedMs ?? 0) } };
  if (s2 === "terminated" && slot.terminated) return { terminated: slot.terminated };
  const sub = s2.startsWith("waiting.") ? s2.slice(8) : "containerCreating";
  let reason = WAITING_REASON[sub] ?? "ContainerCreating";
  if (reason === "ContainerCreating" && !slot.busy && !slot.lastTermination) {
    let hasInit = false;
    for (const x of w.slots) if (x.kind !== "regular") hasInit = true;
    if (hasInit && (slot.kind !== "regular" || !w.initialized)) reason = "PodInitializing";
  }
  const message = reason === "ContainerCreating" || reason === "PodInitializing" ? void 0 : slot.waitingMessage;
  return { waiting: { reason, ...message ? { message } : {} } };
}
function containerStatus(w, slot) {
  const state = containerState(w, slot);
  const status = {
    name: slot.name,
    state,
    lastState: slot.lastTermination ? { terminated: slot.lastTermination } : {},
    ready: slot.ready && !!state.running,
    restartCount: slot.restartCount,
    image: slot.image?.imageRef ?? slot.spec.image ?? "",
    imageID: slot.image && slot.current ? slot.image.imageID : "",
    started: !!state.running && slot.startupDone
  };
  if (slot.current) status.containerID = slot.current.id;
  return status;
}
function podPhase(w, statuses) {
  const policy = w.restartPolicy;
  let pendingInit = 0;
  let failedInit = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  let regular = 0;
  for (let i = 0; i < w.slots.length; i++) {
    const slot = w.slots[i];
    const st = statuses[i];
    const state = st.state;
    if (slot.kind === "sidecar") {
      if (!state.running || !st.started) pendingInit++;
    } else if (slot.kind === "init") {
      if (slot.succeeded) continue;
      if (state.terminated && state.terminated.exitCode !== 0) failedInit++;
      else if (state.waiting && st.lastState?.terminated && st.lastState.terminated.exitCode !== 0) failedInit++;
      else pendingInit++;
    } else {
      regular++;
      if (state.running) running++;
      else if (state.terminated) {
        stopped++;
        if (state.terminated.exitCode === 0) succeeded++;
      } else if (st.lastState?.terminated) stopped++;
      else waiting++;
    }
  }
  if (failedInit > 0 && policy === "Never") return "Failed";
  if (pendingInit > 0 || failedInit > 0 || waiting > 0) return "Pending";
  if (running > 0) return "Running";
  if (stopped > 0) {
    if (policy === "Always") return "Running";
    if (stopped === succeeded) return "Succeeded";
    if (policy === "Never") return "Failed";
    return w.finished ? "Failed" : "Running";
  }
  return regular === 0 ? "Pending" : "Pending";
}
function condition(w, type, ok, now, reason, message) {
  const status = ok ? "True" : "False";
  const prev = w.conditionTimes.get(type);
  let time = now;
  if (prev && prev.status === status) time = prev.time;
  else w.conditionTimes.set(type, { status, time: now });
  const c2 = { type, status, lastProbeTime: null, lastTransitionTime: time };
  if (reason) c2.reason = reason;
  if (message) c2.message = message;
  return c2;
}
function buildPodStatus(w, current, hostIP, now) {
  const statuses = [];
  for (const slot of w.slots) statuses.push(containerStatus(w, slot));
  const phase = podPhase(w, statuses);
  const terminal = phase === "Succeeded" || phase === "Failed";
  const init = [];
  const regular = [];
  let incomplete = "";
  let unready = "";
  let hasInit = false;
  for (let i = 0; i < w.slots.length; i++) {
    const slot = w.slots[i];
    const st = statuses[i];
    if (slot.kind === "regular") regular.push(st);
    else {
      init.push(st);
      hasInit = true;
    }
    if (slot.kind === "init" && !slot.succeeded) incomplete += incomplete ? ` ${slot.name}` : slot.name;
    if (slot.kind !== "init" && !st.ready) unready += unready ? ` ${slot.name}` : slot.name;
  }
  const initialized = terminal || w.initialized;
  const completedReason = phase === "Succeeded" ? "PodCompleted" : phase === "Failed" ? "PodFailed" : void 0;
  const ready = !terminal && unready === "";
  const readyReason = terminal ? completedReason : unready ? "ContainersNotReady" : void 0;
  const readyMessage = !terminal && unready ? `containers with unready status: [${unready}]` : void 0;
  const conditions2 = [
    condition(w, "PodReadyToStartContainers", w.sandboxReady && !terminal, now, void 0, void 0),
    condition(
      w,
      "Initialized",
      initialized,
      now,
      initialized ? terminal && hasInit && incomplete === "" ? completedReason : void 0 : "ContainersNotInitialized",
      initialized ? void 0 : `containers with incomplete status: [${incomplete}]`
    ),
    condition(w, "Ready", ready, now, readyReason, readyMessage),
    condition(w, "ContainersReady", ready, now, readyReason, readyMessage)
  ];
  for (const c2 of current.status?.conditions ?? []) if (c2.type === "PodScheduled") conditions2.push(c2);
  const status = { phase, conditions: conditions2, hostIP, hostIPs: [{ ip: hostIP }], startTime: w.startTime };
  if (w.podIP && !terminal) {
    status.podIP = w.podIP;
    status.podIPs = [{ ip: w.podIP }];
  } else if (terminal && current.status?.podIP) {
    status.podIP = current.status.podIP;
    status.podIPs = current.status.podIPs ?? [{ ip: current.status.podIP }];
  }
  if (hasInit) status.initContainerStatuses = init;
  status.containerStatuses = regular;
  status.qosClass = current.status?.qosClass ?? qosClassOf(current);
  return status;
}
function qosClassOf(pod) {
  const containers = [...pod.spec?.initContainers ?? [], ...pod.spec?.containers ?? []];
  let any = false;
  let guaranteed = true;
  for (const c2 of containers) {
    const req = c2.resources?.requests ?? {};
    const lim = c2.resources?.limits ?? {};
    if (Object.keys(req).length > 0 || Object.keys(lim).length > 0) any = true;
    for (const r2 of ["cpu", "memory"]) {
      if (lim[r2] === void 0) guaranteed = false;
      else if (req[r2] !== void 0 && String(req[r2]) !== String(lim[r2])) guaranteed = false;
    }
  }
  if (!any) return "BestEffort";
  return guaranteed ? "Guaranteed" : "Burstable";
}

// src/engine/kubelet/podIPAM.ts
function parseCidr(cidr) {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(cidr);
  if (!m) return void 0;
  const base = (Number(m[1]) << 24 | Number(m[2]) << 16 | Number(m[3]) << 8 | Number(m[4])) >>> 0;
  const prefix = Number(m[5]);
  return { base, size: 2 ** (32 - prefix) };
}
function formatIp(n) {
  return `${n >>> 24 & 255}.${n >>> 16 & 255}.${n >>> 8 & 255}.${n & 255}`;
}
function fallbackPodCidr(index) {
  return `10.${244 + Math.floor(index / 256)}.${index % 256}.0/24`;
}
var PodIPAM = class {
  constructor(cidr) {
    this.cidr = cidr;
    this.range = parseCidr(cidr) ?? { base: 183762944, size: 256 };
  }
  cidr;
  inUse = /* @__PURE__ */ new Map();
  taken = /* @__PURE__ */ new Set();
  last = 1;
  range;
  allocate(owner) {
    const existing = this.inUse.get(owner);
    if (existing !== void 0) return formatIp(this.range.base + existing);
    const usable = this.range.size - 2;
    for (let i = 0; i < usable; i++) {
      let next = this.last + 1;
      if (next > usable) next = 2;
      this.last = next;
      if (!this.taken.has(next)) {
        this.taken.add(next);
        this.inUse.set(owner, next);
        return formatIp(this.range.base + next);
      }
    }
    throw new Error(`no IP addresses available in range set: ${this.cidr}`);
  }
  release(owner) {
    const n = this.inUse.get(owner);
    if (n === void 0) return;
    this.inUse.delete(owner);
    this.taken.delete(n);
  }
};

// src/engine/runtime/containerLog.ts
var MAX_LOG_LINES = 5e3;
var ContainerLog = class {
  lines = [];
  loop;
  /** What the program prints as it starts, shared between containers (offsets from `preludeMs`). */
  prelude;
  preludeMs = 0;
  setPrelude(startMs, output) {
    this.prelude = output;
    this.preludeMs = startMs;
  }
  append(atMs, text) {
    this.lines.push({ atMs, text });
    if (this.lines.length > MAX_LOG_LINES * 2) this.lines = this.lines.slice(-MAX_LOG_LINES);
  }
  setLoop(loop) {
    this.loop = loop;
  }
  /** The loop stops printing (the process ended). */
  stopLoop(atMs) {
    if (this.loop && this.loop.endMs === void 0) this.loop.endMs = atMs;
  }
  /** Lines written up to `nowMs`, oldest first; `tail` keeps only the last ones. */
  read(nowMs, tail) {
    const limit = Math.min(tail ?? MAX_LOG_LINES, MAX_LOG_LINES);
    let stored = this.lines.filter((l) => l.atMs <= nowMs);
    if (this.prelude && this.prelude.length > 0) {
      const first = [];
      for (const o of this.prelude) if (this.preludeMs + o.offsetMs <= nowMs) first.push({ atMs: this.preludeMs + o.offsetMs, text: o.text });
      stored = mergeByTime(first, stored);
    }
    const loop = this.loop;
    if (!loop) return stored.slice(-limit);
    const until = Math.min(nowMs, loop.endMs ?? nowMs);
    const generated = [];
    if (until >= loop.startMs) {
      const last = Math.floor((until - loop.startMs) / Math.max(1, loop.periodMs));
      const first = Math.max(0, last - limit);
      for (let i = first; i <= last; i++) {
        const at = loop.startMs + i * loop.periodMs;
        if (at > until) break;
        for (const text of loop.render(i, at)) generated.push({ atMs: at, text });
      }
    }
    const merged = mergeByTime(stored, generated);
    return merged.slice(-limit);
  }
};
function mergeByTime(a, b) {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || i < a.length && a[i].atMs <= b[j].atMs) out.push(a[i++]);
    else out.push(b[j++]);
  }
  return out;
}

// src/engine/runtime/imageReference.ts
var InvalidImageReferenceError = class extends Error {
};
var COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
var TAG = /^[\w][\w.-]{0,127}$/;
var DIGEST = /^sha256:[a-f0-9]{64}$/;
function parseImageReference(raw) {
  const text = raw.trim();
  if (text === "") throw new InvalidImageReferenceError("invalid reference format");
  let rest = text;
  let digest;
  const at = rest.indexOf("@");
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw new InvalidImageReferenceError("invalid reference format");
  }
  let tag;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.indexOf(":", lastSlash + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw new InvalidImageReferenceError("invalid reference format");
  }
  const parts = rest.split("/");
  let registry = "docker.io";
  const first = parts[0] ?? "";
  if (parts.length > 1 && (first.includes(".") || first.includes(":") || first === "localhost")) {
    registry = first;
    parts.shift();
  }
  if (registry === "index.docker.io") registry = "docker.io";
  if (registry === "docker.io" && parts.length === 1) parts.unshift("library");
  for (const p of parts) {
    if (!COMPONENT.test(p)) {
      throw new InvalidImageReferenceError(
        p.toLowerCase() !== p && COMPONENT.test(p.toLowerCase()) ? "invalid reference format: repository name must be lowercase" : "invalid reference format"
      );
    }
  }
  if (!tag && !digest) tag = "latest";
  const repository = parts.join("/");
  const name = `${registry}/${repository}`;
  const canonical = digest ? `${name}@${digest}` : `${name}:${tag ?? "latest"}`;
  return { raw: text, registry, repository, ...tag ? { tag } : {}, ...digest ? { digest } : {}, name, canonical };
}
function defaultPullPolicy(image2) {
  const at = image2.indexOf("@");
  const withoutDigest = at >= 0 ? image2.slice(0, at) : image2;
  const colon = withoutDigest.indexOf(":", withoutDigest.lastIndexOf("/") + 1);
  if (at >= 0 && colon < 0) return "IfNotPresent";
  const tag = colon >= 0 ? withoutDigest.slice(colon + 1) : "";
  return tag === "" || tag === "latest" ? "Always" : "IfNotPresent";
}

// src/engine/runtime/goDuration.ts
function goDuration(ms) {
  const whole = Math.max(0, Math.floor(ms));
  if (whole === 0) return "0s";
  if (whole < 1e3) return `${whole}ms`;
  const hours = Math.floor(whole / 36e5);
  const minutes = Math.floor(whole % 36e5 / 6e4);
  const secMs = whole % 6e4;
  const seconds = (secMs / 1e3).toFixed(3).replace(/\.?0+$/, "");
  let out = "";
  if (hours > 0) out += `${hours}h`;
  if (hours > 0 || minutes > 0) out += `${minutes}m`;
  return `${out}${seconds}s`;
}

// src/engine/runtime/pi.ts
var cache = /* @__PURE__ */ new Map();
function arctanInverse(x, unity) {
  let sum = unity / x;
  let term = sum;
  const x2 = x * x;
  let n = 1n;
  let sign = -1n;
  while (term !== 0n) {
    term /= x2;
    sum += sign * term / (2n * n + 1n);
    sign = -sign;
    n++;
  }
  return sum;
}
function piDigits(significant) {
  const digits = Math.max(1, Math.min(significant, 2e4));
  const hit = cache.get(digits);
  if (hit) return hit;
  const guard = 10;
  const unity = 10n ** BigInt(digits + guard);
  const pi = 4n * (4n * arctanInverse(5n, unity) - arctanInverse(239n, unity));
  const text = (pi / 10n ** BigInt(guard)).toString();
  const out = digits === 1 ? text.slice(0, 1) : `${text.slice(0, 1)}.${text.slice(1, digits)}`;
  cache.set(digits, out);
  return out;
}

// src/engine/runtime/shellScript.ts
function tokenize(src) {
  const out = [];
  let i = 0;
  while (i < src.length) {
    const c2 = src[i];
    if (c2 === " " || c2 === "	" || c2 === "\r") {
      i++;
      continue;
    }
    if (c2 === "\\" && src[i + 1] === "\n") {
      i += 2;
      continue;
    }
    if (c2 === "#") {
      while (i < src.length && src[i] !== "\n") i++;
      continue;
    }
    if (c2 === "\n" || c2 === ";") {
      out.push({ t: "op", v: ";" });
      i++;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === "&&" || two === "||" || two === ">>" || two === "2>" || two === "&>") {
      out.push({ t: "op", v: two === ">>" || two === "&>" ? ">" : two });
      i += 2;
      if (two === "2>" && src[i] === "&") {
        i++;
        while (i < src.length && /\d/.test(src[i])) i++;
        out.pop();
      }
      continue;
    }
    if (c2 === "&" || c2 === "|" || c2 === ">" || c2 === "<") {
      out.push({ t: "op", v: c2 });
      i++;
      continue;
    }
    let word = "";
    let literal = true;
    let sawQuote = false;
    while (i < src.length) {
      const ch = src[i];
      if (ch === "'") {
        sawQuote = true;
        const end = src.indexOf("'", i + 1);
        const stop = end < 0 ? src.length : end;
        word += src.slice(i + 1, stop);
        i = stop + 1;
        continue;
      }
      if (ch === '"') {
        sawQuote = true;
        literal = false;
        i++;
        while (i < src.length && src[i] !== '"') {
          if (src[i] === "\\" && i + 1 < src.length) {
            word += src[i + 1];
            i += 2;
            continue;
          }
          word += src[i++];
        }
        i++;
        continue;
      }
      if (ch === "$" && src[i + 1] === "(") {
        literal = false;
        let depth = 0;
        const start = i;
        i++;
        while (i < src.length) {
          if (src[i] === "(") depth++;
          else if (src[i] === ")" && --depth === 0) break;
          i++;
        }
        word += src.slice(start, i + 1);
        i++;
        continue;
      }
      if (ch === "`") {
        literal = false;
        const end = src.indexOf("`", i + 1);
        const stop = end < 0 ? src.length : end;
        word += `$(${src.slice(i + 1, stop)})`;
        i = stop + 1;
        continue;
      }
      if (" 	\r\n;&|<>".includes(ch)) break;
      if (ch === "\\" && i + 1 < src.length) {
        word += src[i + 1];
        i += 2;
        continue;
      }
      if (ch === "$") literal = false;
      word += ch;
      i++;
    }
    if (!sawQuote && !word.includes("$")) literal = true;
    out.push({ t: "word", v: word, literal });
  }
  return out;
}
var Parser = class {
  constructor(tokens) {
    this.tokens = tokens;
  }
  tokens;
  pos = 0;
  parseList(stop) {
    const list = [];
    let connector = ";";
    for (; ; ) {
      const tok = this.tokens[this.pos];
      if (!tok) return list;
      if (tok.t === "op") {
        this.pos++;
        if (tok.v === "&&" || tok.v === "||") connector = tok.v;
        else if (tok.v === "&") {
          const last = list[list.length - 1];
          if (last) last.background = true;
        }
        continue;
      }
      if (stop.includes(tok.v)) return list;
      list.push(this.parseStatement(connector));
      connector = ";";
    }
  }
  word() {
    const tok = this.tokens[this.pos];
    return tok?.t === "word" ? tok.v : void 0;
  }
  expect(word) {
    if (this.word() === word) this.pos++;
  }
  parseStatement(connector) {
    const w = this.word();
    if (w === "while" || w === "until") {
      this.pos++;
      const cond2 = this.parseList(["do"]);
      this.expect("do");
      const body = this.parseList(["done"]);
      this.expect("done");
      return { k: "loop", until: w === "until", cond: cond2, body, connector, background: false };
    }
    if (w === "for") {
      this.pos++;
      const name = this.word() ?? "i";
      this.pos++;
      const items = [];
      if (this.word() === "in") {
        this.pos++;
        while (this.tokens[this.pos]?.t === "word" && this.word() !== "do") items.push(this.tokens[this.pos++]);
      }
      this.parseList(["do"]);
      this.expect("do");
      const body = this.parseList(["done"]);
      this.expect("done");
      return { k: "for", name, items, body, connector, background: false };
    }
    if (w === "if") {
      this.pos++;
      const cond2 = this.parseList(["then"]);
      this.expect("then");
      const then = this.parseList(["else", "elif", "fi"]);
      let otherwise = [];
      if (this.word() === "else") {
        this.pos++;
        otherwise = this.parseList(["fi"]);
      } else if (this.word() === "elif") {
        this.tokens[this.pos] = { t: "word", v: "if", literal: true };
        otherwise = [this.parseStatement(";")];
        return { k: "if", cond: cond2, then, otherwise, connector, background: false };
      }
      this.expect("fi");
      return { k: "if", cond: cond2, then, otherwise, connector, background: false };
    }
    const words = [];
    let redirect;
    for (; ; ) {
      const tok = this.tokens[this.pos];
      if (!tok) break;
      if (tok.t === "op") {
        if (tok.v === ">" || tok.v === "<" || tok.v === "2>") {
          this.pos++;
          const target = this.word();
          if (target !== void 0) this.pos++;
          if (tok.v !== "<") redirect = target ?? "";
          continue;
        }
        if (tok.v === "|") {
          this.pos++;
          redirect = redirect ?? "|";
          while (this.tokens[this.pos]?.t === "word") this.pos++;
          continue;
        }
        break;
      }
      words.push(tok);
      this.pos++;
    }
    return { k: "cmd", words, ...redirect !== void 0 ? { redirect } : {}, background: false, connector };
  }
};
function parseScript(src) {
  return new Parser(tokenize(src)).parseList([]);
}
var MAX_ITERATIONS = 2e3;
function formatShellDate(ms) {
  const d = new Date(ms);
  const day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][d.getUTCDay()];
  const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][d.getUTCMonth()];
  const pad2 = (n) => String(n).padStart(2, "0");
  return `${day} ${month} ${String(d.getUTCDate()).padStart(2, " ")} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}
function sleepMs(arg) {
  if (!arg) return 0;
  if (arg === "infinity" || arg === "inf") return Infinity;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return 0;
  const unit = { "": 1e3, s: 1e3, m: 6e4, h: 36e5, d: 864e5 }[m[2]];
  return Math.round(Number(m[1]) * unit);
}
var Forever = class {
  constructor(loop) {
    this.loop = loop;
  }
  loop;
};
var Exit = class {
  constructor(code) {
    this.code = code;
  }
  code;
};
var Gate = class {
  constructor(host, periodMs, pollOutput, rest) {
    this.host = host;
    this.periodMs = periodMs;
    this.pollOutput = pollOutput;
    this.rest = rest;
  }
  host;
  periodMs;
  pollOutput;
  rest;
};
function evalArithmetic(expr, vars) {
  const src = expr.replace(/\$?\{?([A-Za-z_]\w*)\}?/g, (_, name) => String(Number(vars[name] ?? 0) || 0));
  if (!/^[\d\s+\-*/%()]*$/.test(src)) return 0;
  let pos = 0;
  const s2 = src.replace(/\s+/g, "");
  const parseExpr = () => {
    let v = parseTerm();
    while (s2[pos] === "+" || s2[pos] === "-") v = s2[pos++] === "+" ? v + parseTerm() : v - parseTerm();
    return v;
  };
  const parseTerm = () => {
    let v = parseFactor();
    while (s2[pos] === "*" || s2[pos] === "/" || s2[pos] === "%") {
      const op = s2[pos++];
      const r2 = parseFactor();
      v = op === "*" ? v * r2 : r2 === 0 ? 0 : op === "/" ? Math.trunc(v / r2) : v % r2;
    }
    return v;
  };
  const parseFactor = () => {
    if (s2[pos] === "(") {
      pos++;
      const v = parseExpr();
      pos++;
      return v;
    }
    if (s2[pos] === "-") {
      pos++;
      return -parseFactor();
    }
    const m = /^\d+/.exec(s2.slice(pos));
    if (!m) return 0;
    pos += m[0].length;
    return Number(m[0]);
  };
  return parseExpr();
}
function expand(tok, st, env, startMs) {
  if (tok.literal) return tok.v;
  let text = tok.v.replace(/\$\(\((.*?)\)\)/g, (_, e) => String(evalArithmetic(e, st.vars)));
  text = text.replace(/\$\(([^()]*)\)/g, (_, cmd2) => substitute(cmd2.trim(), st, env, startMs));
  text = text.replace(/\$\{([A-Za-z_]\w*)(?::-([^}]*))?\}|\$([A-Za-z_]\w*|\?|\$|#)/g, (_, a, dflt, b) => {
    const name = a ?? b ?? "";
    if (name === "?") return String(st.status);
    if (name === "$") return "1";
    if (name === "#") return "0";
    const v = st.vars[name];
    return v === void 0 || v === "" ? dflt ?? "" : v;
  });
  return text;
}
function substitute(cmd2, st, env, startMs) {
  const [name, ...rest] = cmd2.split(/\s+/);
  switch (name) {
    case "date":
      return rest[0] === "+%s" ? String(Math.floor((startMs + st.t) / 1e3)) : formatShellDate(startMs + st.t);
    case "hostname":
      return env.podName;
    case "cat":
      if (rest[0] === "/var/run/secrets/kubernetes.io/serviceaccount/namespace") return env.namespace;
      return "";
    case "echo":
      return rest.join(" ").replace(/^["']|["']$/g, "");
    default:
      return "";
  }
}
function parseBytes(text) {
  const m = /^(\d+(?:\.\d+)?)([KMGT]i?)?[Bb]?$/i.exec(text ?? "");
  if (!m) return 0;
  const unit = (m[2] ?? "").toUpperCase();
  const mult = { "": 1, K: 1024, KI: 1024, M: 1024 ** 2, MI: 1024 ** 2, G: 1024 ** 3, GI: 1024 ** 3, T: 1024 ** 4, TI: 1024 ** 4 };
  return Math.round(Number(m[1]) * (mult[unit] ?? 1));
}
function stressDemand(argv) {
  let cpuMilli = 0;
  let memoryBytes2 = 0;
  let vm = 0;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = argv[i + 1];
    const [flag, inline] = a.includes("=") ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)] : [a, void 0];
    const value = inline ?? next;
    if (flag === "--cpu" || flag === "-c" || flag === "-cpus") cpuMilli += 1e3 * (Number(value) || 1);
    else if (flag === "--vm" || flag === "-m") vm = Number(value) || 1;
    else if (flag === "--vm-bytes") memoryBytes2 = parseBytes(value) * Math.max(vm, 1);
    else if (flag === "-mem-total") memoryBytes2 = parseBytes(value);
  }
  if (vm > 0 && memoryBytes2 === 0) memoryBytes2 = 256 * 1024 ** 2 * vm;
  if (vm > 0) cpuMilli += 1e3 * vm;
  return { cpuMilli, memoryBytes: memoryBytes2 + 2 * 1024 ** 2 };
}
var INSTANT_COMMANDS = /* @__PURE__ */ new Set([
  "touch",
  "rm",
  "mkdir",
  "cp",
  "mv",
  "ln",
  "chmod",
  "chown",
  "cd",
  "export",
  "set",
  "ulimit",
  "source",
  ".",
  "mount",
  "umount",
  "ls",
  "cat",
  "wc",
  "grep",
  "tee",
  "tr",
  "rev",
  "sort",
  "uniq",
  "head",
  "sed",
  "awk",
  "cut",
  "test",
  "[",
  "true",
  ":",
  "false",
  "shift",
  "nslookup",
  "getent",
  "dig",
  "host",
  "nc",
  "wget",
  "curl",
  "id",
  "whoami",
  "uname",
  "hostname",
  "df",
  "du",
  "free",
  "ps",
  "pwd",
  "apt-get",
  "apk",
  "yum",
  "pip",
  "npm",
  "which",
  "stat",
  "sync",
  "read",
  "unset",
  "local",
  "return",
  "kill",
  "umask",
  "tar",
  "gzip"
]);
var DNS_COMMANDS = /* @__PURE__ */ new Set(["nslookup", "getent", "dig", "host", "nc", "ping"]);
var Runner = class {
  constructor(env, startMs) {
    this.env = env;
    this.startMs = startMs;
  }
  env;
  startMs;
  /** Runs a list; throws Forever/Exit/Gate to leave early. `topLevel` lets an `until nslookup` become a gate. */
  runList(list, st, topLevel) {
    for (let i = 0; i < list.length; i++) {
      const stmt = list[i];
      if (stmt.connector === "&&" && st.status !== 0) continue;
      if (stmt.connector === "||" && st.status === 0) continue;
      if (topLevel && stmt.k === "loop") {
        const gate = this.dnsGate(stmt, st, list.slice(i + 1));
        if (gate) throw gate;
      }
      if (stmt.background) {
        const before2 = st.t;
        const sub = { ...st, output: st.output, files: st.files };
        try {
          this.runStmt(stmt, sub);
          st.background.push(sub.t - before2);
        } catch (e) {
          if (e instanceof Forever) st.background.push(Infinity);
          else if (!(e instanceof Exit)) throw e;
        }
        st.status = 0;
        continue;
      }
      this.runStmt(stmt, st);
    }
  }
  dnsGate(stmt, st, rest) {
    if (!stmt.until) return void 0;
    const cond2 = stmt.cond[0];
    if (cond2?.k !== "cmd") return void 0;
    const name = cond2.words[0]?.v;
    if (!name || !DNS_COMMANDS.has(name)) return void 0;
    const args = cond2.words.slice(1).map((w) => expand(w, st, this.env, this.startMs)).filter((a) => !a.startsWith("-"));
    const host = args[0];
    if (!host) return void 0;
    const probe = { ...st, output: [], files: [], t: 0, quiet: true };
    try {
      this.runList(stmt.body, probe, false);
    } catch {
    }
    const pollOutput = probe.output.map((o) => o.text);
    return new Gate(host, Math.max(probe.t, 1e3), pollOutput, rest);
  }
  runStmt(stmt, st) {
    switch (stmt.k) {
      case "cmd":
        this.runCommand(stmt, st);
        return;
      case "if":
        this.runList(stmt.cond, st, false);
        this.runList(st.status === 0 ? stmt.then : stmt.otherwise, st, false);
        return;
      case "for": {
        const items = stmt.items.flatMap((w) => expand(w, st, this.env, this.startMs).split(/\s+/).filter(Boolean));
        for (const item of items) {
          st.vars[stmt.name] = item;
          this.runList(stmt.body, st, false);
        }
        return;
      }
      case "loop":
        this.runLoop(stmt, st);
        return;
    }
  }
  isAlwaysTrue(cond2) {
    if (cond2.length !== 1) return false;
    const c2 = cond2[0];
    if (c2.k !== "cmd") return false;
    const name = c2.words[0]?.v;
    return name === "true" || name === ":" || name === "sleep" || name === "[" && c2.words.length === 3;
  }
  runLoop(stmt, st) {
    if (!stmt.until && this.isAlwaysTrue(stmt.cond)) throw new Forever(this.templateLoop(stmt, st));
    for (let n = 0; n < MAX_ITERATIONS; n++) {
      this.runList(stmt.cond, st, false);
      const ok = st.status === 0;
      if (stmt.until ? ok : !ok) {
        st.status = 0;
        return;
      }
      this.runList(stmt.body, st, false);
    }
    throw new Forever(this.templateLoop(stmt, st));
  }
  /** An endless loop, described by one iteration so its lines can be produced when read. */
  templateLoop(stmt, st) {
    const initial = { ...st.vars };
    const counters = [];
    for (const s2 of stmt.body) {
      if (s2.k !== "cmd" || s2.words.length !== 1) continue;
      const m = /^(\w+)=\$\(\(\s*\$?\1\s*([+-])\s*(\d+)\s*\)\)$/.exec(s2.words[0].v);
      if (m) counters.push({ name: m[1], step: (m[2] === "-" ? -1 : 1) * Number(m[3]) });
    }
    const once = (iteration, atMs) => {
      const vars = { ...initial };
      for (const c2 of counters) vars[c2.name] = String(Number(initial[c2.name] ?? 0) + c2.step * iteration);
      const sub = { ...st, t: atMs - this.startMs, vars, output: [], files: [], background: [], quiet: true };
      try {
        this.runList([...stmt.cond, ...stmt.body], sub, false);
      } catch {
      }
      return sub;
    };
    const probe = once(0, this.startMs + st.t);
    const periodMs = probe.t - st.t;
    if (probe.loadTarget) st.loadTarget = probe.loadTarget;
    if (probe.stress) st.stress = probe.stress;
    return {
      offsetMs: st.t,
      periodMs: Math.max(periodMs, 1),
      busy: periodMs < 1,
      render: (iteration, atMs) => once(iteration, atMs).output.map((o) => o.text)
    };
  }
  runCommand(stmt, st) {
    if (stmt.words.length === 0) return;
    const first = stmt.words[0].v;
    const assign2 = /^([A-Za-z_]\w*)=(.*)$/.exec(first);
    if (assign2 && stmt.words.length === 1) {
      st.vars[assign2[1]] = expand({ t: "word", v: assign2[2], literal: stmt.words[0].literal }, st, this.env, this.startMs);
      st.status = 0;
      return;
    }
    const argv = stmt.words.map((w) => expand(w, st, this.env, this.startMs));
    const name = (argv[0] ?? "").replace(/^.*\//, "");
    const args = argv.slice(1);
    const print = (text) => {
      if (stmt.redirect === void 0) st.output.push({ offsetMs: st.t, text });
      else if (stmt.redirect === "/dev/termination-log") st.terminationMessage = (st.terminationMessage ?? "") + text + "\n";
      else if (stmt.redirect !== "|" && stmt.redirect !== "/dev/null") this.createFile(st, stmt.redirect);
    };
    if (stmt.redirect && stmt.redirect !== "|" && stmt.redirect !== "/dev/null" && stmt.redirect !== "/dev/termination-log") this.createFile(st, stmt.redirect);
    st.status = 0;
    switch (name) {
      case "echo": {
        let rest = args;
        let escapes = false;
        while (rest[0] && /^-[neE]+$/.test(rest[0])) {
          escapes = escapes || rest[0].includes("e");
          rest = rest.slice(1);
        }
        let text = rest.join(" ");
        if (escapes) text = text.replace(/\\n/g, "\n").replace(/\\t/g, "	");
        for (const line of text.split("\n")) print(line);
        return;
      }
      case "printf": {
        const fmt = args[0] ?? "";
        let k = 1;
        const text = fmt.replace(/%[sd]/g, () => args[k++] ?? "").replace(/\\n/g, "\n");
        for (const line of text.replace(/\n$/, "").split("\n")) print(line);
        return;
      }
      case "sleep": {
        const ms = sleepMs(args[0]);
        if (ms === Infinity) throw new Forever();
        st.t += ms;
        return;
      }
      case "exit":
        throw new Exit(Number(args[0] ?? st.status) || 0);
      case "false":
        st.status = 1;
        return;
      case "date":
        print(args[0] === "+%s" ? String(Math.floor((this.startMs + st.t) / 1e3)) : formatShellDate(this.startMs + st.t));
        return;
      case "env":
      case "printenv": {
        if (args.length === 0) {
          for (const [k, v] of Object.entries(st.vars)) print(`${k}=${v}`);
        } else {
          let missing = false;
          for (const a of args) {
            if (st.vars[a] === void 0) missing = true;
            else print(st.vars[a]);
          }
          if (missing) st.status = 1;
        }
        return;
      }
      case "rm": {
        for (const a of args) if (!a.startsWith("-")) this.removeFile(st, a);
        return;
      }
      case "touch":
        for (const a of args) if (!a.startsWith("-")) this.createFile(st, a);
        return;
      case "test":
      case "[":
        st.status = this.test(args.filter((a) => a !== "]"), st) ? 0 : 1;
        return;
      case "trap":
        if (args.slice(1).some((s2) => /^(SIG)?TERM$|^15$/.test(s2))) st.trapsTerm = true;
        return;
      case "wait": {
        const longest = st.background.reduce((m, d) => Math.max(m, d), 0);
        if (longest === Infinity) throw new Forever();
        st.t += longest;
        return;
      }
      case "tail":
        if (args.some((a) => a === "-f" || a === "-F" || a === "--follow")) throw new Forever();
        return;
      case "wget":
      case "curl": {
        const url = args.find((a) => !a.startsWith("-"));
        if (url) st.loadTarget = url;
        st.t += 10;
        return;
      }
      case "perl": {
        const m = /bpi\((\d+)\)/.exec(args.join(" "));
        if (m) {
          const digits = Number(m[1]);
          st.t += Math.round(1500 + digits * 2.5);
          print(piDigits(digits));
          return;
        }
        return;
      }
      case "stress": {
        st.stress = stressDemand(args);
        throw new Forever();
      }
      case "ping":
      case "sh":
      case "bash":
      case "ash":
        if ((name === "sh" || name === "bash" || name === "ash") && args[0] === "-c" && args[1] !== void 0) {
          this.runList(parseScript(args[1]), st, false);
          return;
        }
        if (name === "ping") throw new Forever();
        return;
      default:
        if (INSTANT_COMMANDS.has(name) || assign2) return;
        if (st.quiet) return;
        throw new Forever();
    }
  }
  createFile(st, path) {
    if (st.existing.has(path)) return;
    st.existing.add(path);
    st.files.push({ offsetMs: st.t, path, exists: true });
  }
  removeFile(st, path) {
    if (!st.existing.has(path)) return;
    st.existing.delete(path);
    st.files.push({ offsetMs: st.t, path, exists: false });
  }
  test(args, st) {
    if (args[0] === "!") return !this.test(args.slice(1), st);
    if (args.length === 2 && (args[0] === "-f" || args[0] === "-e" || args[0] === "-d")) return st.existing.has(args[1]);
    if (args.length === 2 && args[0] === "-z") return args[1] === "";
    if (args.length === 2 && args[0] === "-n") return args[1] !== "";
    if (args.length === 3) {
      const [a, op, b] = args;
      const x = Number(a);
      const y = Number(b);
      switch (op) {
        case "=":
        case "==":
          return a === b;
        case "!=":
          return a !== b;
        case "-eq":
          return x === y;
        case "-ne":
          return x !== y;
        case "-lt":
          return x < y;
        case "-le":
          return x <= y;
        case "-gt":
          return x > y;
        case "-ge":
          return x >= y;
      }
    }
    return args.length === 1 ? args[0] !== "" : true;
  }
};
function runScript(script, env, startMs) {
  return runStatements(parseScript(script), env, startMs, { ...env.vars }, 0);
}
function runStatements(list, env, startMs, vars, offset) {
  const runner = new Runner(env, startMs);
  const st = { t: offset, status: 0, vars, output: [], files: [], existing: /* @__PURE__ */ new Set(), background: [], trapsTerm: false, quiet: false };
  let end;
  let loop;
  try {
    runner.runList(list, st, true);
    end = { kind: "exit", afterMs: st.t, code: st.status };
  } catch (e) {
    if (e instanceof Exit) end = { kind: "exit", afterMs: st.t, code: e.code };
    else if (e instanceof Forever) {
      end = { kind: "forever" };
      loop = e.loop;
    } else if (e instanceof Gate) {
      const gateVars = { ...st.vars };
      end = {
        kind: "gate",
        afterMs: st.t,
        gate: {
          host: e.host,
          periodMs: e.periodMs,
          pollOutput: e.pollOutput,
          resume: (atMs) => runStatements(e.rest, env, atMs, gateVars, 0)
        }
      };
    } else throw e;
  }
  return {
    output: st.output,
    files: st.files,
    end,
    ...loop ? { loop } : {},
    trapsTerm: st.trapsTerm,
    ...st.terminationMessage !== void 0 ? { terminationMessage: st.terminationMessage } : {},
    ...st.loadTarget ? { loadTarget: st.loadTarget } : {},
    ...st.stress ? { stress: st.stress } : {}
  };
}

// src/engine/runtime/process.ts
var Mi = 1024 * 1024;
var IDLE_USAGE = {
  shell: { cpuMilli: 0, memoryBytes: 0.4 * Mi },
  nginx: { cpuMilli: 1, memoryBytes: 6 * Mi },
  httpd: { cpuMilli: 1, memoryBytes: 12 * Mi },
  redis: { cpuMilli: 2, memoryBytes: 4 * Mi },
  mysql: { cpuMilli: 6, memoryBytes: 380 * Mi },
  postgres: { cpuMilli: 2, memoryBytes: 32 * Mi },
  mongo: { cpuMilli: 9, memoryBytes: 140 * Mi },
  rabbitmq: { cpuMilli: 14, memoryBytes: 115 * Mi },
  wordpress: { cpuMilli: 1, memoryBytes: 28 * Mi },
  "php-apache": { cpuMilli: 1, memoryBytes: 10 * Mi },
  "hello-app": { cpuMilli: 0, memoryBytes: 1.5 * Mi },
  bootcamp: { cpuMilli: 0, memoryBytes: 12 * Mi },
  agnhost: { cpuMilli: 1, memoryBytes: 9 * Mi },
  echoserver: { cpuMilli: 1, memoryBytes: 4 * Mi },
  "http-echo": { cpuMilli: 0, memoryBytes: 2 * Mi },
  "serve-hostname": { cpuMilli: 0, memoryBytes: 1 * Mi },
  pause: { cpuMilli: 0, memoryBytes: 0.3 * Mi },
  python: { cpuMilli: 1, memoryBytes: 14 * Mi },
  node: { cpuMilli: 1, memoryBytes: 40 * Mi },
  perl: { cpuMilli: 1, memoryBytes: 6 * Mi },
  stress: { cpuMilli: 0, memoryBytes: 1 * Mi },
  server: { cpuMilli: 2, memoryBytes: 20 * Mi }
};
var SIGTERM_EXIT = {
  nginx: { afterMs: 100, code: 0 },
  httpd: { afterMs: 200, code: 0 },
  redis: { afterMs: 150, code: 0 },
  mysql: { afterMs: 1500, code: 0 },
  postgres: { afterMs: 400, code: 0 },
  mongo: { afterMs: 600, code: 0 },
  rabbitmq: { afterMs: 900, code: 0 },
  wordpress: { afterMs: 200, code: 0 },
  "php-apache": { afterMs: 200, code: 0 },
  // Go programs: the runtime's default SIGTERM handler exits with status 2.
  "hello-app": { afterMs: 10, code: 2 },
  "http-echo": { afterMs: 10, code: 2 },
  "serve-hostname": { afterMs: 10, code: 2 },
  agnhost: { afterMs: 10, code: 0 },
  echoserver: { afterMs: 100, code: 0 },
  pause: { afterMs: 10, code: 0 },
  server: { afterMs: 300, code: 0 }
};
var SHELLS = /* @__PURE__ */ new Set(["sh", "bash", "ash", "dash", "zsh"]);
var ENTRYPOINT_WRAPPERS = /* @__PURE__ */ new Set(["docker-entrypoint.sh", "/docker-entrypoint.sh", "/usr/local/bin/docker-entrypoint.sh", "docker-php-entrypoint", "/entrypoint.sh"]);
var SERVER_BINARIES = {
  nginx: "nginx",
  httpd: "httpd",
  "httpd-foreground": "httpd",
  "apache2-foreground": "php-apache",
  "redis-server": "redis",
  mysqld: "mysql",
  postgres: "postgres",
  mongod: "mongo",
  "rabbitmq-server": "rabbitmq",
  "hello-app": "hello-app",
  "http-echo": "http-echo",
  serve_hostname: "serve-hostname",
  pause: "pause",
  agnhost: "agnhost"
};
function basename(path) {
  return path.replace(/^.*\//, "");
}
function hasBinary(image2, name) {
  if (image2.flavor === "distroless") return false;
  if (name === "bash") return image2.flavor === "debian" || image2.flavor === "ubuntu" || image2.flavor === "fedora" || image2.cmd.includes("bash");
  if (name === "zsh") return image2.cmd.includes("zsh");
  return true;
}
function execNotFound(binary) {
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${binary}": executable file not found in $PATH: unknown`;
}
function shellQuote(arg) {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}
function effectiveArgv(image2, command, args) {
  if (command && command.length > 0) return [...command, ...args ?? []];
  return [...image2.entrypoint, ...args ?? image2.cmd];
}
function planProcess(input) {
  const argv = effectiveArgv(input.image, input.command, input.args);
  let run = argv;
  let viaEntrypoint = false;
  while (run.length > 1 && ENTRYPOINT_WRAPPERS.has(run[0])) {
    run = run.slice(1);
    viaEntrypoint = true;
  }
  const base = {
    argv,
    program: input.image.program,
    output: [],
    end: { kind: "forever" },
    files: [],
    sigterm: { kind: "ignored" },
    usage: { ...IDLE_USAGE[input.image.program] }
  };
  const bin = run[0] ?? "";
  const name = basename(bin);
  const scriptEnv = { vars: input.env, podName: input.podName, namespace: input.namespace };
  if (SHELLS.has(name) || ["sleep", "echo", "date", "env", "printenv", "true", "false", "perl", "tail", "wget", "curl", "ping", "stress", "touch"].includes(name)) {
    if (!hasBinary(input.image, name)) return { ...base, startError: execNotFound(bin) };
    let script;
    if (SHELLS.has(name)) {
      const c2 = run.indexOf("-c");
      if (c2 < 0) {
        if (run.length > 1) return { ...base, program: input.image.program === "shell" ? "shell" : input.image.program };
        return { ...base, program: "shell", end: { kind: "exit", afterMs: 5, code: 0 } };
      }
      script = run[c2 + 1] ?? "";
    } else if (name === "perl" && run.length === 1) {
      return { ...base, end: { kind: "exit", afterMs: 20, code: 0 } };
    } else {
      script = run.map((a, i) => i === 0 ? basename(a) : shellQuote(a)).join(" ");
    }
    const result = runScript(script, scriptEnv, input.startMs);
    const program2 = result.stress ? "stress" : SHELLS.has(name) || name !== "perl" ? "shell" : "perl";
    const usage = result.stress ?? { ...IDLE_USAGE[program2] };
    if (result.loop?.busy) usage.cpuMilli = Math.max(usage.cpuMilli, 1e3);
    return {
      ...base,
      program: program2,
      output: result.output,
      end: result.end,
      ...result.loop ? { loop: result.loop } : {},
      files: result.files,
      sigterm: result.trapsTerm ? { kind: "exits", afterMs: 5, code: 0 } : { kind: "ignored" },
      ...result.terminationMessage !== void 0 ? { terminationMessage: result.terminationMessage } : {},
      ...result.loadTarget ? { loadTarget: result.loadTarget } : {},
      usage
    };
  }
  if (name === "python" || name === "python3" || name === "node") {
    if (run.length === 1) return { ...base, end: { kind: "exit", afterMs: 30, code: 0 } };
    if (run[1] === "-c" || run[1] === "-e") return { ...base, end: { kind: "exit", afterMs: 60, code: 0 } };
    return base;
  }
  const program = SERVER_BINARIES[name] ?? (viaEntrypoint || sameCommand(run, input.image) ? input.image.program : input.image.program === "shell" ? "shell" : input.image.program);
  const plan = { ...base, program, usage: { ...IDLE_USAGE[program] } };
  const stop = SIGTERM_EXIT[program];
  if (stop) plan.sigterm = { kind: "exits", ...stop };
  if (program === "stress" || name === "stress") {
    plan.program = "stress";
    plan.usage = stressDemand(run.slice(1));
    return plan;
  }
  if (program === "agnhost" && run.includes("liveness")) plan.httpFailsAfterMs = 1e4;
  return withServerStartup(plan, input, viaEntrypoint);
}
function sameCommand(run, image2) {
  const own = [...image2.entrypoint, ...image2.cmd].filter((a) => !ENTRYPOINT_WRAPPERS.has(a));
  return own.length > 0 && own[0] === run[0];
}
var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
var DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
var pad = (n, w = 2) => String(n).padStart(w, "0");
function slashDate(ms) {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
function apacheDate(ms) {
  const d = new Date(ms);
  return `[${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}000 ${d.getUTCFullYear()}]`;
}
function redisDate(ms) {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}
function versionAtLeast(version, major, minor) {
  const [a = 0, b = 0] = (version ?? "0.0").split(".").map((x) => Number(x) || 0);
  return a > major || a === major && b >= minor;
}
var startupCache = /* @__PURE__ */ new Map();
var STARTUP_CACHE_MAX = 2e3;
function withServerStartup(plan, input, viaEntrypoint) {
  const perPod = plan.program === "httpd" || plan.program === "php-apache" || plan.program === "wordpress" || plan.program === "bootcamp";
  const envKey = plan.program === "mysql" || plan.program === "postgres" ? JSON.stringify(input.env) : "";
  const key = `${plan.program}|${input.image.version ?? ""}|${viaEntrypoint}|${Math.floor(input.startMs / 1e3)}|${perPod ? `${input.podIP}|${input.podName}` : ""}|${plan.argv.join(" ")}|${envKey}`;
  const hit = startupCache.get(key);
  if (hit) return { ...plan, output: hit.output, end: hit.end };
  const built = buildServerStartup(plan, input, viaEntrypoint);
  if (startupCache.size >= STARTUP_CACHE_MAX) startupCache.clear();
  startupCache.set(key, { output: built.output, end: built.end });
  return built;
}
function buildServerStartup(plan, input, viaEntrypoint) {
  const t = input.startMs;
  const v = input.image.version ?? "";
  const lines = [];
  const at = (text) => lines.push(text);
  switch (plan.program) {
    case "nginx": {
      if (viaEntrypoint && versionAtLeast(v, 1, 19)) {
        at("/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration");
        at("/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/");
        at("/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh");
        at("10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf");
        at("10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf");
        if (versionAtLeast(v, 1, 25)) at("/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh");
        at("/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh");
        at("/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh");
        at("/docker-entrypoint.sh: Configuration complete; ready for start up");
        const d = slashDate(t + 20);
        at(`${d} [notice] 1#1: using the "epoll" event method`);
        at(`${d} [notice] 1#1: nginx/${v}`);
        at(`${d} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) `);
        at(`${d} [notice] 1#1: OS: Linux 6.8.0-51-generic`);
        at(`${d} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`);
        at(`${d} [notice] 1#1: start worker processes`);
        at(`${d} [notice] 1#1: start worker process 29`);
      }
      break;
    }
    case "httpd":
      at(`AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${input.podIP}. Set the 'ServerName' directive globally to suppress this message`);
      at(`AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${input.podIP}. Set the 'ServerName' directive globally to suppress this message`);
      at(`${apacheDate(t + 30)} [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/${v} (Unix) configured -- resuming normal operations`);
      at(`${apacheDate(t + 30)} [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`);
      break;
    case "php-apache":
    case "wordpress":
      at(`AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using ${input.podIP}. Set the 'ServerName' directive globally to suppress this message`);
      at(`AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using ${input.podIP}. Set the 'ServerName' directive globally to suppress this message`);
      at(`${apacheDate(t + 40)} [mpm_prefork:notice] [pid 1] AH00163: Apache/2.4.10 (Debian) PHP/5.6.40 configured -- resuming normal operations`);
      at(`${apacheDate(t + 40)} [core:notice] [pid 1] AH00094: Command line: 'apache2 -D FOREGROUND'`);
      break;
    case "redis":
      at(`1:C ${redisDate(t + 2)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`);
      at(`1:C ${redisDate(t + 2)} * Redis version=${v}, bits=64, commit=00000000, modified=0, pid=1, just started`);
      at(`1:C ${redisDate(t + 2)} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf`);
      at(`1:M ${redisDate(t + 3)} * monotonic clock: POSIX clock_gettime`);
      at(`1:M ${redisDate(t + 3)} * Running mode=standalone, port=6379.`);
      at(`1:M ${redisDate(t + 4)} * Server initialized`);
      at(`1:M ${redisDate(t + 4)} * Ready to accept connections tcp`);
      break;
    case "mysql": {
      const e = input.env;
      const stamp = new Date(t).toISOString().replace("T", " ").replace(/\.\d+Z$/, "+00:00");
      at(`${stamp} [Note] [Entrypoint]: Entrypoint script for MySQL Server ${v}-1.el9 started.`);
      at(`${stamp} [Note] [Entrypoint]: Switching to dedicated user 'mysql'`);
      at(`${stamp} [Note] [Entrypoint]: Entrypoint script for MySQL Server ${v}-1.el9 started.`);
      if (!e.MYSQL_ROOT_PASSWORD && !e.MYSQL_ALLOW_EMPTY_PASSWORD && !e.MYSQL_RANDOM_ROOT_PASSWORD && !e.MYSQL_ROOT_PASSWORD_FILE) {
        at(`${stamp} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified`);
        at("    You need to specify one of the following as an environment variable:");
        at("    - MYSQL_ROOT_PASSWORD");
        at("    - MYSQL_ALLOW_EMPTY_PASSWORD");
        at("    - MYSQL_RANDOM_ROOT_PASSWORD");
        plan.end = { kind: "exit", afterMs: 400, code: 1 };
      } else {
        at(`${stamp} [Note] [Entrypoint]: Initializing database files`);
        at(`${stamp} [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '${v}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`);
      }
      break;
    }
    case "postgres": {
      const e = input.env;
      if (!e.POSTGRES_PASSWORD && e.POSTGRES_HOST_AUTH_METHOD !== "trust" && !e.POSTGRES_PASSWORD_FILE) {
        at("Error: Database is uninitialized and superuser password is not specified.");
        at("       You must specify POSTGRES_PASSWORD to a non-empty value for the");
        at('       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".');
        at("");
        at('       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all');
        at("       connections without a password. This is *not* recommended.");
        at("");
        at('       See PostgreSQL documentation about "trust":');
        at("       https://www.postgresql.org/docs/current/auth-trust.html");
        plan.end = { kind: "exit", afterMs: 150, code: 1 };
      } else {
        const stamp = new Date(t + 900).toISOString().replace("T", " ").replace(/Z$/, " UTC");
        at("PostgreSQL init process complete; ready for start up.");
        at("");
        at(`${stamp} [1] LOG:  starting PostgreSQL ${v} on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`);
        at(`${stamp} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`);
        at(`${stamp} [1] LOG:  database system is ready to accept connections`);
      }
      break;
    }
    case "mongo":
      at(`{"t":{"$date":"${new Date(t + 300).toISOString().replace("Z", "+00:00")}"},"s":"I",  "c":"NETWORK",  "id":23016,   "ctx":"listener","msg":"Waiting for connections","attr":{"port":27017,"ssl":"off"}}`);
      break;
    case "rabbitmq":
      at(`${new Date(t + 4e3).toISOString().replace("T", " ").replace("Z", "+00:00")} [info] <0.9.0> Server startup complete; 4 plugins started.`);
      break;
    case "hello-app":
      at(`${slashDate(t)} Server listening on port 8080`);
      break;
    case "http-echo":
      at(`${slashDate(t)} [INFO] server is listening on :5678`);
      break;
    case "bootcamp":
      at(`Kubernetes Bootcamp App Started At: ${new Date(t).toISOString()} | Running On:  ${input.podName} `);
      break;
    case "agnhost":
      if (plan.argv.includes("netexec")) at(`I0101 ${slashDate(t).slice(11)}.000000       1 log.go:245] Started HTTP server on port 8080`);
      break;
    default:
      break;
  }
  plan.output = lines.map((text, i) => ({ offsetMs: Math.min(i, 50), text }));
  return plan;
}

// src/engine/runtime/usage.ts
var WINDOW_MS = 15e3;
function smoothNoise(key, atMs) {
  const w = Math.floor(atMs / WINDOW_MS);
  const f = (atMs - w * WINDOW_MS) / WINDOW_MS;
  const a = unitHash(`${key}:${w}`);
  const b = unitHash(`${key}:${w + 1}`);
  return a + (b - a) * f;
}
function containerUsage(u) {
  const noise = smoothNoise(u.key, u.nowMs);
  let cpu = u.cpuOverrideMilli ?? u.demand.cpuMilli * (0.6 + 0.8 * noise) + (u.extraCpuMilli ?? 0);
  if (u.cpuLimitMilli > 0) cpu = Math.min(cpu, u.cpuLimitMilli);
  const age = Math.max(0, u.nowMs - u.startedMs);
  const warm = Math.min(1, 0.85 + age / 4e5);
  const memory = u.memoryOverrideBytes ?? u.demand.memoryBytes * warm * (0.97 + 0.06 * smoothNoise(`${u.key}:mem`, u.nowMs));
  return { cpuMilli: Math.max(0, Math.round(cpu)), memoryBytes: Math.round(memory) };
}

// src/engine/kubelet/backoff.ts
var BACKOFF_INITIAL_MS = 1e4;
var BACKOFF_MAX_MS = 3e5;
function hasExpired(eventMs, lastUpdateMs) {
  return eventMs - lastUpdateMs > 2 * BACKOFF_MAX_MS;
}
function backoffRemaining(entry, eventMs, nowMs) {
  if (!entry || hasExpired(eventMs, entry.lastUpdateMs)) return 0;
  return Math.max(0, eventMs + entry.durationMs - nowMs);
}
function nextBackoff(entry, nowMs) {
  if (!entry || hasExpired(nowMs, entry.lastUpdateMs)) return { durationMs: BACKOFF_INITIAL_MS, lastUpdateMs: nowMs };
  return { durationMs: Math.min(entry.durationMs * 2, BACKOFF_MAX_MS), lastUpdateMs: nowMs };
}

// src/engine/kubelet/machineRunner.ts
function actionName(a) {
  if (typeof a === "string") return a;
  if (a && typeof a === "object" && "type" in a && typeof a.type === "string") return a.type;
  return void 0;
}
var MachineRunner = class {
  constructor(machine) {
    this.machine = machine;
    this.actions = machine.implementations.actions;
    this.delays = machine.implementations.delays;
    const visit2 = (node, depth) => {
      if (node.type === "parallel" || node.type === "history" || node.always?.length) {
        throw new Error(`MachineRunner: state ${node.id} uses a feature it does not support`);
      }
      const on = /* @__PURE__ */ new Map();
      for (const [type, defs] of node.transitions) {
        if (type.startsWith("xstate.after.")) continue;
        const def = defs[0];
        if (!def) continue;
        if (def.guard || defs.length > 1) throw new Error(`MachineRunner: guarded transition ${node.id} on ${type}`);
        on.set(type, { target: def.target?.[0], actions: def.actions.map(actionName).filter((n) => !!n), reenter: def.reenter });
      }
      const info = {
        node,
        path: node.path.join("."),
        entry: node.entry.map(actionName).filter((n) => !!n && n !== "xstate.raise" && n !== "xstate.cancel"),
        exit: node.exit.map(actionName).filter((n) => !!n && n !== "xstate.raise" && n !== "xstate.cancel"),
        after: node.after.map((a) => ({ delay: a.delay, target: a.target?.[0], actions: a.actions.map(actionName).filter((n) => !!n) })),
        on,
        initial: node.type === "compound" ? node.initial.target[0] : void 0,
        depth
      };
      if (node.invoke.length > 0) throw new Error(`MachineRunner: state ${node.id} invokes actors`);
      this.info.set(node, info);
      for (const child of Object.values(node.states)) visit2(child, depth + 1);
    };
    visit2(machine.root, 0);
    const root = this.info.get(machine.root);
    this.rootInitial = root.initial;
  }
  machine;
  info = /* @__PURE__ */ new Map();
  actions;
  delays;
  rootInitial;
  /** Creates an instance in the machine's initial state (entry actions and delays run). */
  start(context, clock) {
    const inst = new MachineInstance(this, context, clock);
    inst.init();
    return inst;
  }
  stateInfo(node) {
    return this.info.get(node);
  }
  runAction(name, context, event) {
    this.actions[name]?.({ context, event });
  }
  delayMs(delay, context) {
    if (typeof delay === "number") return delay;
    const impl = this.delays[delay];
    if (impl === void 0) return Number(delay) || 0;
    return typeof impl === "number" ? impl : impl({ context });
  }
};
var MachineInstance = class {
  constructor(runner, context, clock) {
    this.runner = runner;
    this.context = context;
    this.clock = clock;
    this.node = runner.machine.root;
  }
  runner;
  context;
  clock;
  /** The active atomic state. */
  node;
  timers;
  stopped = false;
  /** Events sent while a transition runs wait for it to finish (XState's mailbox). */
  queue;
  busy = false;
  init() {
    this.busy = true;
    try {
      this.enterFrom(this.runner.machine.root, this.runner.rootInitial, { type: "xstate.init" });
      while (this.queue && this.queue.length > 0 && !this.stopped) this.process(this.queue.shift());
    } finally {
      this.busy = false;
    }
  }
  /** `running`, `waiting.crashLoopBackOff` ... */
  get value() {
    return this.runner.stateInfo(this.node).path;
  }
  send(event) {
    if (this.stopped) return;
    if (this.busy) {
      (this.queue ??= []).push(event);
      return;
    }
    this.busy = true;
    try {
      this.process(event);
      while (this.queue && this.queue.length > 0 && !this.stopped) this.process(this.queue.shift());
    } finally {
      this.busy = false;
    }
  }
  process(event) {
    for (let n = this.node; n; n = n.parent) {
      const t = this.runner.stateInfo(n).on.get(event.type);
      if (!t) continue;
      this.take(n, t.target, t.actions, event, t.reenter);
      return;
    }
  }
  stop() {
    this.stopped = true;
    if (this.timers) for (const ids of this.timers.values()) for (const id of ids) this.clock.clearTimeout(id);
    this.timers = void 0;
  }
  take(source, target, actions, event, reenter) {
    if (!target) {
      for (const a of actions) this.runner.runAction(a, this.context, event);
      return;
    }
    let domain = source;
    const isDescendant = (n, of) => {
      for (let x = n; x; x = x.parent) if (x === of) return true;
      return false;
    };
    if (!(isDescendant(target, source) && (target !== source || !reenter))) {
      domain = source.parent;
      while (domain && !isDescendant(target, domain)) domain = domain.parent;
    }
    if (target === source && reenter) domain = source.parent;
    const root = this.runner.machine.root;
    const lca = domain ?? root;
    for (let n = this.node; n && n !== lca; n = n.parent) this.exitState(n, event);
    for (const a of actions) this.runner.runAction(a, this.context, event);
    this.enterFrom(lca, target, event);
  }
  exitState(n, event) {
    const ids = this.timers?.get(n);
    if (ids) {
      for (const id of ids) this.clock.clearTimeout(id);
      this.timers.delete(n);
    }
    for (const a of this.runner.stateInfo(n).exit) this.runner.runAction(a, this.context, event);
  }
  /** Enters every state from below `from` down to `target`, then initial children down to a leaf. */
  enterFrom(from, target, event) {
    const chain = [];
    for (let n = target; n && n !== from; n = n.parent) chain.push(n);
    chain.reverse();
    let leaf = target;
    for (let info = this.runner.stateInfo(leaf); info.initial; info = this.runner.stateInfo(leaf)) {
      leaf = info.initial;
      chain.push(leaf);
    }
    this.node = leaf;
    for (const n of chain) {
      const info = this.runner.stateInfo(n);
      for (const a of info.entry) this.runner.runAction(a, this.context, event);
      if (this.stopped) return;
      for (const after of info.after) this.schedule(n, after);
    }
  }
  schedule(n, after) {
    const ms = this.runner.delayMs(after.delay, this.context);
    const id = this.clock.setTimeout(() => {
      const ids2 = this.timers?.get(n);
      if (ids2) {
        const i = ids2.indexOf(id);
        if (i >= 0) ids2.splice(i, 1);
      }
      if (this.stopped) return;
      this.busy = true;
      try {
        this.take(n, after.target, after.actions, { type: `xstate.after.${String(after.delay)}.${n.id}` }, false);
        while (this.queue && this.queue.length > 0 && !this.stopped) this.process(this.queue.shift());
      } finally {
        this.busy = false;
      }
    }, ms);
    if (!this.timers) this.timers = /* @__PURE__ */ new Map();
    let ids = this.timers.get(n);
    if (!ids) this.timers.set(n, ids = []);
    ids.push(id);
  }
};

// src/engine/kubelet/containerConfig.ts
function decodeBase64(text) {
  try {
    return typeof atob === "function" ? atob(text) : text;
  } catch {
    return text;
  }
}
function configMapValue(cm, key) {
  return cm.data?.[key] ?? (cm.binaryData?.[key] !== void 0 ? decodeBase64(cm.binaryData[key]) : void 0);
}
function secretValue(s2, key) {
  if (s2.stringData?.[key] !== void 0) return s2.stringData[key];
  const v = s2.data?.[key];
  return v === void 0 ? void 0 : decodeBase64(v);
}
function fieldValue(pod, path, podIP2, hostIP) {
  switch (path) {
    case "metadata.name":
      return pod.metadata.name;
    case "metadata.namespace":
      return pod.metadata.namespace ?? "default";
    case "metadata.uid":
      return pod.metadata.uid;
    case "spec.nodeName":
      return pod.spec?.nodeName ?? "";
    case "spec.serviceAccountName":
      return pod.spec?.serviceAccountName ?? "default";
    case "status.podIP":
    case "status.podIPs":
      return podIP2;
    case "status.hostIP":
    case "status.hostIPs":
      return hostIP;
    default: {
      const m = /^metadata\.(labels|annotations)\['(.+)'\]$/.exec(path);
      if (m) return (m[1] === "labels" ? pod.metadata.labels : pod.metadata.annotations)?.[m[2]] ?? "";
      return "";
    }
  }
}
function expandVars(text, env) {
  return text.replace(/\$\$|\$\(([A-Za-z_][A-Za-z0-9_.-]*)\)/g, (m, name) => {
    if (m === "$$") return "$";
    return name !== void 0 && env[name] !== void 0 ? env[name] : m;
  });
}
function resolveEnv(api, pod, c2, podIP2, hostIP) {
  const ns = pod.metadata.namespace ?? "default";
  const env = {
    PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    HOSTNAME: pod.spec?.hostname ?? pod.metadata.name,
    KUBERNETES_SERVICE_HOST: "10.96.0.1",
    KUBERNETES_SERVICE_PORT: "443",
    KUBERNETES_SERVICE_PORT_HTTPS: "443",
    KUBERNETES_PORT: "tcp://10.96.0.1:443",
    KUBERNETES_PORT_443_TCP: "tcp://10.96.0.1:443",
    KUBERNETES_PORT_443_TCP_PROTO: "tcp",
    KUBERNETES_PORT_443_TCP_PORT: "443",
    KUBERNETES_PORT_443_TCP_ADDR: "10.96.0.1",
    HOME: "/root"
  };
  for (const from of c2.envFrom ?? []) {
    const prefix = from.prefix ?? "";
    if (from.configMapRef) {
      const cm = api.peek("ConfigMap", ns, from.configMapRef.name ?? "");
      if (!cm) {
        if (from.configMapRef.optional) continue;
        return { ok: false, message: `configmap "${from.configMapRef.name ?? ""}" not found` };
      }
      for (const [k, v] of Object.entries(cm.data ?? {})) env[prefix + k] = v;
    } else if (from.secretRef) {
      const s2 = api.peek("Secret", ns, from.secretRef.name ?? "");
      if (!s2) {
        if (from.secretRef.optional) continue;
        return { ok: false, message: `secret "${from.secretRef.name ?? ""}" not found` };
      }
      for (const k of Object.keys({ ...s2.data, ...s2.stringData })) env[prefix + k] = secretValue(s2, k) ?? "";
    }
  }
  for (const e of c2.env ?? []) {
    const from = e.valueFrom;
    if (!from) {
      env[e.name] = expandVars(e.value ?? "", env);
      continue;
    }
    if (from.configMapKeyRef) {
      const ref = from.configMapKeyRef;
      const cm = api.peek("ConfigMap", ns, ref.name ?? "");
      if (!cm) {
        if (ref.optional) continue;
        return { ok: false, message: `configmap "${ref.name ?? ""}" not found` };
      }
      const v = configMapValue(cm, ref.key);
      if (v === void 0) {
        if (ref.optional) continue;
        return { ok: false, message: `couldn't find key ${ref.key} in ConfigMap ${ns}/${ref.name ?? ""}` };
      }
      env[e.name] = v;
    } else if (from.secretKeyRef) {
      const ref = from.secretKeyRef;
      const s2 = api.peek("Secret", ns, ref.name ?? "");
      if (!s2) {
        if (ref.optional) continue;
        return { ok: false, message: `secret "${ref.name ?? ""}" not found` };
      }
      const v = secretValue(s2, ref.key);
      if (v === void 0) {
        if (ref.optional) continue;
        return { ok: false, message: `couldn't find key ${ref.key} in Secret ${ns}/${ref.name ?? ""}` };
      }
      env[e.name] = v;
    } else if (from.fieldRef) {
      env[e.name] = fieldValue(pod, from.fieldRef.fieldPath, podIP2, hostIP);
    } else if (from.resourceFieldRef) {
      const res = from.resourceFieldRef.resource;
      const [kind, name] = res.split(".");
      const q = (kind === "limits" ? c2.resources?.limits : c2.resources?.requests)?.[name];
      env[e.name] = q === void 0 ? "0" : String(q);
    }
  }
  return { ok: true, env };
}
function missingVolumeSource(api, pod) {
  const ns = pod.metadata.namespace ?? "default";
  for (const v of pod.spec?.volumes ?? []) {
    if (v.configMap && !v.configMap.optional && !api.peek("ConfigMap", ns, v.configMap.name ?? "")) {
      return `MountVolume.SetUp failed for volume "${v.name}" : configmap "${v.configMap.name ?? ""}" not found`;
    }
    if (v.secret && !v.secret.optional && !api.peek("Secret", ns, v.secret.secretName ?? "")) {
      return `MountVolume.SetUp failed for volume "${v.name}" : secret "${v.secret.secretName ?? ""}" not found`;
    }
    for (const src of v.projected?.sources ?? []) {
      if (src.configMap && src.configMap.name !== "kube-root-ca.crt" && !src.configMap.optional && !api.peek("ConfigMap", ns, src.configMap.name ?? "")) {
        return `MountVolume.SetUp failed for volume "${v.name}" : configmap "${src.configMap.name ?? ""}" not found`;
      }
      if (src.secret && !src.secret.optional && !api.peek("Secret", ns, src.secret.name ?? "")) {
        return `MountVolume.SetUp failed for volume "${v.name}" : secret "${src.secret.name ?? ""}" not found`;
      }
    }
  }
  return void 0;
}

// src/engine/kubelet/probes.ts
function probeDefaults(p) {
  return {
    initialDelayMs: (p.initialDelaySeconds ?? 0) * 1e3,
    periodMs: (p.periodSeconds ?? 10) * 1e3,
    successThreshold: p.successThreshold ?? 1,
    failureThreshold: p.failureThreshold ?? 3
  };
}
var ProbeWorker = class {
  constructor(kind, probe, clock, callbacks) {
    this.kind = kind;
    this.probe = probe;
    this.clock = clock;
    this.callbacks = callbacks;
    this.settings = probeDefaults(probe);
  }
  kind;
  probe;
  clock;
  callbacks;
  timer;
  successes = 0;
  failures = 0;
  /** Last reported result; undefined until the threshold is first crossed. */
  healthy;
  settings;
  /** Starts ticking; `sinceStartMs` is how long the container has been running already. */
  start(sinceStartMs = 0) {
    this.stop();
    this.timer = this.clock.setTimeout(() => this.tick(), Math.max(0, this.settings.initialDelayMs - sinceStartMs));
  }
  stop() {
    if (this.timer !== void 0) this.clock.clearTimeout(this.timer);
    this.timer = void 0;
  }
  tick() {
    this.timer = this.clock.setTimeout(() => this.tick(), this.settings.periodMs);
    const outcome = this.callbacks.run(this.kind, this.probe);
    if (outcome.ok) {
      this.failures = 0;
      this.successes++;
      if (this.healthy !== true && this.successes >= this.settings.successThreshold) {
        this.healthy = true;
        this.callbacks.changed(this.kind, true);
      }
    } else {
      this.successes = 0;
      this.failures++;
      this.callbacks.failed(this.kind, outcome.message ?? "");
      if (this.healthy !== false && this.failures >= this.settings.failureThreshold) {
        if (this.kind !== "readiness") this.failures = 0;
        this.healthy = this.kind === "readiness" ? false : void 0;
        this.callbacks.changed(this.kind, false);
      }
    }
  }
};
function probeTarget(p, podIP2) {
  if (p.httpGet) return `http://${p.httpGet.host ?? podIP2}:${String(p.httpGet.port)}${p.httpGet.path ?? "/"}`;
  if (p.tcpSocket) return `${p.tcpSocket.host ?? podIP2}:${String(p.tcpSocket.port)}`;
  if (p.grpc) return `${podIP2}:${p.grpc.port}`;
  return (p.exec?.command ?? []).join(" ");
}

// src/engine/kubelet/podWorker.ts
var SANDBOX_MS = 500;
var CREATE_MS = 100;
var START_MS = 100;
var OOM_AFTER_MS = 1500;
var MOUNT_RETRY_MS = 1e4;
var containerRunner = new MachineRunner(containerMachine);
var ContainerSlot = class {
  constructor(worker, spec, kind) {
    this.worker = worker;
    this.spec = spec;
    this.kind = kind;
    this.machine = containerRunner.start({ host: this }, worker.svc.clock);
  }
  worker;
  spec;
  kind;
  /** This container's state in containerMachine. */
  machine;
  ref;
  image;
  current;
  previous;
  restartCount = 0;
  terminated;
  lastTermination;
  waitingMessage;
  /** Creating or pulling now (between startContainer and Running). */
  busy = false;
  succeeded = false;
  ready = false;
  startupDone = false;
  restartBackoff;
  pullBackoff;
  cancelPull;
  probes = [];
  stopGraceMs = 3e4;
  overrides = { probe: {}, extraCpuMilli: 0 };
  pendingRestartMs = 0;
  send(event) {
    this.machine.send(event);
  }
  get name() {
    return this.spec.name;
  }
  get fieldPath() {
    return this.kind === "regular" ? `spec.containers{${this.spec.name}}` : `spec.initContainers{${this.spec.name}}`;
  }
  /** `waiting.crashLoopBackOff`, `running`, ... */
  get stateName() {
    return this.machine.value;
  }
  /** The process is alive (the machine may still be leaving `stopping` when the process has died). */
  get running() {
    const s2 = this.stateName;
    return (s2 === "running" || s2 === "stopping") && this.current !== void 0 && this.current.finishedMs === void 0;
  }
  // ---- ContainerHost (called by the machine) ----
  restartAfterBackOff() {
    this.worker.restartNow(this);
  }
  pullBackOffStarted() {
    this.worker.reportPullBackOff(this);
  }
  pullAgain() {
    this.worker.pullImage(this);
  }
  retryCreate() {
    this.worker.startContainer(this);
  }
  killAfterGracePeriod() {
    this.worker.processExited(this, 137, "Error", true);
  }
  restartDelayMs() {
    return this.pendingRestartMs;
  }
  setRestartDelay(ms) {
    this.pendingRestartMs = ms;
  }
  pullDelayMs() {
    const b = this.pullBackoff;
    return b ? Math.max(0, b.lastUpdateMs + b.durationMs - this.worker.svc.clock.now()) : 0;
  }
  gracePeriodMs() {
    return this.stopGraceMs;
  }
  dispose() {
    this.cancelPull?.();
    for (const p of this.probes) p.stop();
    this.probes = [];
    if (this.current) for (const t of this.current.timers) this.worker.svc.clock.clearTimeout(t);
    this.machine.stop();
  }
};
var PodWorker = class {
  constructor(svc, pod) {
    this.svc = svc;
    this.pod = pod;
    this.uid = pod.metadata.uid;
    this.key = `${pod.metadata.namespace ?? "default"}/${pod.metadata.name}`;
    this.startTime = svc.clock.nowRfc3339();
    const spec = pod.spec;
    this.slots = [
      ...(spec?.initContainers ?? []).map((c2) => new ContainerSlot(this, c2, c2.restartPolicy === "Always" ? "sidecar" : "init")),
      ...(spec?.containers ?? []).map((c2) => new ContainerSlot(this, c2, "regular"))
    ];
  }
  svc;
  pod;
  uid;
  key;
  slots;
  podIP;
  sandboxReady = false;
  startTime;
  terminating = false;
  /** The pod reached Succeeded or Failed: nothing more runs. */
  finished = false;
  removed = false;
  sandboxTimer;
  conditionTimes = /* @__PURE__ */ new Map();
  get namespace() {
    return this.pod.metadata.namespace ?? "default";
  }
  get restartPolicy() {
    return this.pod.spec?.restartPolicy ?? "Always";
  }
  get gracePeriodSeconds() {
    return this.pod.spec?.terminationGracePeriodSeconds ?? 30;
  }
  /** The worker starts: sandbox first (after the pod's volumes can be mounted). */
  start() {
    this.svc.markDirty(this);
    this.createSandbox();
  }
  createSandbox() {
    const missing = missingVolumeSource(this.svc.api, this.pod);
    if (missing) {
      this.svc.event(this, void 0, "Warning", "FailedMount", missing);
      this.sandboxTimer = this.svc.clock.setTimeout(() => this.createSandbox(), MOUNT_RETRY_MS);
      return;
    }
    this.sandboxTimer = this.svc.clock.setTimeout(() => {
      this.sandboxTimer = void 0;
      if (this.terminating || this.removed) return;
      this.podIP = this.pod.spec?.hostNetwork ? this.svc.hostIP : this.svc.allocateIP(this.key);
      this.sandboxReady = true;
      this.svc.markDirty(this);
      this.advance();
    }, SANDBOX_MS);
  }
  // ---------------------------------------------------------------- what to run next
  /** computeInitContainerActions / computePodActions, in short: start what should run now. */
  advance() {
    if (!this.sandboxReady || this.terminating || this.finished) return;
    for (const slot of this.slots) {
      if (slot.kind === "regular") break;
      if (slot.kind === "init" && slot.succeeded) continue;
      if (slot.kind === "sidecar" && slot.running && (slot.startupDone || !slot.spec.startupProbe)) continue;
      if (!slot.busy && !slot.running && slot.stateName === "waiting.containerCreating" && !slot.terminated) this.startContainer(slot);
      return;
    }
    for (const slot of this.slots) {
      if (slot.kind !== "regular") continue;
      if (!slot.busy && !slot.running && slot.stateName === "waiting.containerCreating" && !slot.terminated) this.startContainer(slot);
    }
  }
  get initialized() {
    for (const s2 of this.slots) {
      if (s2.kind === "init" && !s2.succeeded) return false;
      if (s2.kind === "sidecar" && !s2.running) return false;
    }
    return true;
  }
  // ---------------------------------------------------------------- image, create, start
  startContainer(slot) {
    if (this.terminating || this.finished) return;
    slot.busy = true;
    let ref;
    try {
      ref = slot.ref ?? parseImageReference(slot.spec.image ?? "");
      slot.ref = ref;
    } catch (e) {
      const detail = e instanceof InvalidImageReferenceError ? e.message : "invalid reference format";
      const image2 = slot.spec.image ?? "";
      slot.waitingMessage = `Failed to apply default image tag "${image2}": couldn't parse image name "${image2}": ${detail}`;
      slot.busy = false;
      slot.send({ type: "INVALID_IMAGE" });
      this.svc.event(this, slot, "Warning", "InspectFailed", slot.waitingMessage);
      this.svc.event(this, slot, "Warning", "Failed", "Error: InvalidImageName");
      this.svc.markDirty(this);
      return;
    }
    const policy = slot.spec.imagePullPolicy ?? defaultPullPolicy(slot.spec.image ?? "");
    const present = this.svc.runtime.findImage(ref);
    if (policy === "Never" && !present) {
      slot.waitingMessage = `Container image "${ref.raw}" is not present with pull policy of Never`;
      slot.busy = false;
      slot.send({ type: "NEVER_PULL" });
      this.svc.event(this, slot, "Warning", "ErrImageNeverPull", slot.waitingMessage);
      this.svc.markDirty(this);
      return;
    }
    if (present && policy !== "Always") {
      slot.image = present;
      this.svc.event(this, slot, "Normal", "Pulled", `Container image "${ref.raw}" already present on machine`);
      this.createContainer(slot);
      return;
    }
    this.pullImage(slot);
  }
  pullImage(slot) {
    const ref = slot.ref;
    if (!ref || this.terminating) return;
    slot.busy = true;
    slot.waitingMessage = void 0;
    slot.send({ type: "PULL" });
    this.svc.event(this, slot, "Normal", "Pulling", `Pulling image "${ref.raw}"`);
    this.svc.cue({ type: "image-pull", node: this.svc.nodeName, image: ref.raw, phase: "start" });
    slot.cancelPull = this.svc.runtime.pull(ref, (result) => {
      slot.cancelPull = void 0;
      if (this.terminating || this.removed) return;
      if (result.ok) {
        slot.image = { imageRef: result.imageRef, imageID: result.imageID, manifest: result.manifest };
        slot.pullBackoff = void 0;
        this.svc.event(
          this,
          slot,
          "Normal",
          "Pulled",
          `Successfully pulled image "${ref.raw}" in ${goDuration(result.pullMs)} (${goDuration(result.totalMs)} including waiting). Image size: ${result.manifest.size} bytes.`
        );
        this.svc.cue({ type: "image-pull", node: this.svc.nodeName, image: ref.raw, phase: "done", durationMs: result.totalMs });
        this.createContainer(slot);
      } else {
        slot.busy = false;
        slot.pullBackoff = nextBackoff(slot.pullBackoff, this.svc.clock.now());
        slot.waitingMessage = `Failed to pull image "${ref.raw}": ${result.message}`;
        this.svc.event(this, slot, "Warning", "Failed", slot.waitingMessage);
        this.svc.event(this, slot, "Warning", "Failed", "Error: ErrImagePull");
        this.svc.cue({ type: "image-pull", node: this.svc.nodeName, image: ref.raw, phase: "failed" });
        slot.send({ type: "PULL_FAILED" });
        this.svc.markDirty(this);
      }
    });
  }
  reportPullBackOff(slot) {
    const raw = slot.ref?.raw ?? slot.spec.image ?? "";
    slot.waitingMessage = `Back-off pulling image "${raw}"`;
    this.svc.event(this, slot, "Normal", "BackOff", slot.waitingMessage);
    this.svc.event(this, slot, "Warning", "Failed", "Error: ImagePullBackOff");
    this.svc.markDirty(this);
  }
  createContainer(slot) {
    const t = this.svc.clock.setTimeout(() => {
      if (this.terminating || this.removed) return;
      const env = resolveEnv(this.svc.api, this.pod, slot.spec, this.podIP ?? "", this.svc.hostIP);
      if (!env.ok) {
        slot.busy = false;
        slot.waitingMessage = env.message;
        this.svc.event(this, slot, "Warning", "Failed", `Error: ${env.message}`);
        slot.send({ type: "CONFIG_ERROR" });
        this.svc.markDirty(this);
        return;
      }
      slot.waitingMessage = void 0;
      const manifest = slot.image.manifest;
      const now = this.svc.clock.now();
      const plan = planProcess({
        image: manifest.config,
        ...slot.spec.command ? { command: slot.spec.command.map((a) => expandVars(a, env.env)) } : {},
        ...slot.spec.args ? { args: slot.spec.args.map((a) => expandVars(a, env.env)) } : {},
        env: env.env,
        podName: this.pod.metadata.name,
        namespace: this.namespace,
        podIP: this.podIP ?? "",
        startMs: now + START_MS
      });
      if (slot.current) {
        slot.previous = slot.current;
        slot.restartCount++;
      }
      slot.current = { id: `containerd://${this.svc.newContainerId()}`, startedMs: now + START_MS, plan, log: new ContainerLog(), files: [], timers: [] };
      this.svc.event(this, slot, "Normal", "Created", `Created container: ${slot.name}`);
      this.svc.cue({ type: "container", node: this.svc.nodeName, namespace: this.namespace, pod: this.pod.metadata.name, container: slot.name, phase: "created" });
      const t2 = this.svc.clock.setTimeout(() => this.runContainer(slot), START_MS);
      slot.current.timers.push(t2);
    }, CREATE_MS);
    slot.cancelPull = () => this.svc.clock.clearTimeout(t);
  }
  runContainer(slot) {
    const inst = slot.current;
    if (!inst || this.terminating || this.removed) return;
    slot.busy = false;
    slot.cancelPull = void 0;
    const plan = inst.plan;
    const now = this.svc.clock.now();
    if (plan.startError) {
      this.svc.event(this, slot, "Warning", "Failed", `Error: ${plan.startError}`);
      slot.terminated = { exitCode: 128, reason: "StartError", message: plan.startError, startedAt: "1970-01-01T00:00:00Z", finishedAt: rfc33392(now), containerID: inst.id };
      inst.finishedMs = now;
      slot.send({ type: "START_FAILED" });
      this.afterExit(slot, 128);
      return;
    }
    slot.send({ type: "STARTED" });
    this.svc.event(this, slot, "Normal", "Started", `Started container ${slot.name}`);
    this.svc.cue({ type: "container", node: this.svc.nodeName, namespace: this.namespace, pod: this.pod.metadata.name, container: slot.name, phase: "started" });
    slot.startupDone = !slot.spec.startupProbe;
    slot.ready = false;
    this.playSegment(slot, inst, { output: plan.output, files: plan.files, end: plan.end, ...plan.loop ? { loop: plan.loop } : {} }, now, true);
    const limit = memoryBytes(slot.spec.resources?.limits?.memory);
    if (limit > 0 && plan.usage.memoryBytes > limit) {
      inst.timers.push(this.svc.clock.setTimeout(() => this.processExited(slot, 137, "OOMKilled"), OOM_AFTER_MS));
    }
    const crash = slot.overrides.crash;
    if (crash) inst.timers.push(this.svc.clock.setTimeout(() => this.processExited(slot, crash.exitCode), crash.afterMs));
    this.startProbes(slot);
    this.svc.markDirty(this);
    this.advance();
  }
  /** Plays a stretch of the process (its output, files, loop and end) from `baseMs`. */
  playSegment(slot, inst, seg, baseMs, first = false) {
    if (first) inst.log.setPrelude(baseMs, seg.output);
    else for (const o of seg.output) inst.log.append(baseMs + o.offsetMs, o.text);
    for (const f of seg.files) inst.files.push({ atMs: baseMs + f.offsetMs, path: f.path, exists: f.exists });
    if (seg.loop) inst.log.setLoop({ startMs: baseMs + seg.loop.offsetMs, periodMs: seg.loop.periodMs, render: seg.loop.render });
    const end = seg.end;
    if (end.kind === "exit") {
      inst.timers.push(this.svc.clock.setTimeout(() => this.processExited(slot, end.code), end.afterMs));
    } else if (end.kind === "gate") {
      const gate = end.gate;
      const poll = () => {
        if (slot.current !== inst || inst.finishedMs !== void 0) return;
        const now = this.svc.clock.now();
        if (this.svc.resolvesHost(gate.host, this.namespace)) {
          this.playSegment(slot, inst, gate.resume(now), now);
          return;
        }
        for (const line of gate.pollOutput) inst.log.append(now, line);
        inst.timers.push(this.svc.clock.setTimeout(poll, gate.periodMs));
      };
      inst.timers.push(this.svc.clock.setTimeout(poll, end.afterMs));
    }
  }
  // ---------------------------------------------------------------- probes
  startProbes(slot) {
    for (const p of slot.probes) p.stop();
    slot.probes = [];
    const make = (kind, probe) => {
      if (!probe) return;
      const w = new ProbeWorker(kind, probe, this.svc.clock, {
        run: (k, pr) => this.runProbe(slot, k, pr),
        failed: (k, message) => this.probeFailed(slot, k, message),
        changed: (k, healthy) => this.probeChanged(slot, k, healthy)
      });
      slot.probes.push(w);
    };
    if (slot.spec.startupProbe) make("startup", slot.spec.startupProbe);
    make("liveness", slot.spec.livenessProbe);
    make("readiness", slot.spec.readinessProbe);
    for (const w of slot.probes) if (w.kind === "startup" || slot.startupDone) w.start();
    if (!slot.spec.readinessProbe && slot.startupDone && slot.kind !== "init") slot.ready = true;
  }
  runProbe(slot, kind, probe) {
    const inst = slot.current;
    const forced = slot.overrides.probe[kind];
    const ip = this.podIP ?? "";
    if (forced === false) {
      if (probe.httpGet) return { ok: false, message: `Get "${probeTarget(probe, ip)}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)` };
      if (probe.tcpSocket) return { ok: false, message: `dial tcp ${probeTarget(probe, ip)}: connect: connection refused` };
      if (probe.grpc) return { ok: false, message: `timeout: failed to connect service "${probeTarget(probe, ip)}" within 1s` };
      return { ok: false, message: "command timed out" };
    }
    if (forced === true || !inst) return { ok: true };
    const now = this.svc.clock.now();
    if (probe.exec?.command) {
      const cmd2 = probe.exec.command;
      const joined = cmd2.join(" ");
      const m = /(?:^|\s)(?:cat|ls|test -[ef]|\[ -[ef])\s+(\/\S+)/.exec(joined);
      if (m) {
        const path = m[1].replace(/[\]'"]$/, "");
        let exists = false;
        let known = false;
        for (const f of inst.files) {
          if (f.path !== path) continue;
          known = true;
          if (f.atMs <= now) exists = f.exists;
        }
        if (known && !exists) {
          const busybox = slot.image?.manifest.config.flavor === "busybox";
          return { ok: false, message: busybox ? `cat: can't open '${path}': No such file or directory` : `cat: ${path}: No such file or directory` };
        }
      }
      return { ok: true };
    }
    if (probe.httpGet && inst.plan.httpFailsAfterMs !== void 0 && now - inst.startedMs >= inst.plan.httpFailsAfterMs) {
      return { ok: false, message: "HTTP probe failed with statuscode: 500" };
    }
    return { ok: true };
  }
  probeFailed(slot, kind, message) {
    const label = kind === "liveness" ? "Liveness" : kind === "readiness" ? "Readiness" : "Startup";
    this.svc.event(this, slot, "Warning", "Unhealthy", `${label} probe failed: ${message}`);
    this.svc.cue({ type: "probe", node: this.svc.nodeName, namespace: this.namespace, pod: this.pod.metadata.name, container: slot.name, probe: kind, ok: false });
  }
  probeChanged(slot, kind, healthy) {
    if (!slot.running || slot.stateName === "stopping") return;
    if (healthy) this.svc.cue({ type: "probe", node: this.svc.nodeName, namespace: this.namespace, pod: this.pod.metadata.name, container: slot.name, probe: kind, ok: true });
    if (kind === "readiness") {
      if (slot.ready !== healthy) {
        slot.ready = healthy;
        this.svc.markDirty(this);
      }
      return;
    }
    if (kind === "startup" && healthy) {
      slot.startupDone = true;
      for (const w of slot.probes) if (w.kind !== "startup") w.start();
      for (const w of slot.probes) if (w.kind === "startup") w.stop();
      if (!slot.spec.readinessProbe && slot.kind !== "init") slot.ready = true;
      this.svc.markDirty(this);
      this.advance();
      return;
    }
    if (!healthy) {
      const grace = (kind === "liveness" ? slot.spec.livenessProbe : slot.spec.startupProbe)?.terminationGracePeriodSeconds ?? this.gracePeriodSeconds;
      this.svc.event(this, slot, "Normal", "Killing", `Container ${slot.name} failed ${kind} probe, will be restarted`);
      this.stopContainer(slot, grace * 1e3);
    }
  }
  // ---------------------------------------------------------------- stopping and exits
  /** SIGTERM now; SIGKILL when the grace period runs out unless the process exits before. */
  stopContainer(slot, graceMs) {
    const inst = slot.current;
    for (const p of slot.probes) p.stop();
    slot.ready = false;
    if (!slot.running || !inst) {
      slot.cancelPull?.();
      slot.cancelPull = void 0;
      slot.busy = false;
      slot.send({ type: "STOP" });
      return;
    }
    if (slot.stateName === "stopping") return;
    slot.stopGraceMs = graceMs;
    slot.send({ type: "STOP" });
    const sig = inst.plan.sigterm;
    if (sig.kind === "exits" && sig.afterMs < graceMs) {
      inst.timers.push(this.svc.clock.setTimeout(() => this.processExited(slot, sig.code), sig.afterMs));
    }
    this.svc.markDirty(this);
  }
  /** The container's process ended (on its own, by SIGTERM, SIGKILL or the OOM killer). */
  processExited(slot, code, reason, killed = false) {
    const inst = slot.current;
    if (!inst || inst.finishedMs !== void 0) return;
    const now = this.svc.clock.now();
    inst.finishedMs = now;
    for (const t of inst.timers) this.svc.clock.clearTimeout(t);
    inst.timers = [];
    inst.log.stopLoop(now);
    for (const p of slot.probes) p.stop();
    slot.ready = false;
    slot.terminated = {
      exitCode: code,
      reason: reason ?? (code === 0 ? "Completed" : "Error"),
      startedAt: rfc33392(inst.startedMs),
      finishedAt: rfc33392(now),
      containerID: inst.id,
      ...inst.plan.terminationMessage !== void 0 && !killed ? { message: inst.plan.terminationMessage } : {}
    };
    if (slot.stateName !== "terminated") slot.send({ type: "EXITED" });
    this.svc.cue({ type: "container", node: this.svc.nodeName, namespace: this.namespace, pod: this.pod.metadata.name, container: slot.name, phase: killed ? "killed" : "exited", exitCode: code });
    this.afterExit(slot, code);
  }
  /** What the kubelet does once a container has terminated: next init container, restart, or pod done. */
  afterExit(slot, code) {
    this.svc.markDirty(this);
    if (this.terminating) {
      this.finishTerminationIfDone();
      return;
    }
    if (slot.kind === "init" && code === 0) {
      slot.succeeded = true;
      this.advance();
      return;
    }
    const policy = this.restartPolicy;
    const restart2 = slot.kind === "sidecar" ? !this.appContainersDone() : slot.kind === "init" ? policy !== "Never" : policy === "Always" || policy === "OnFailure" && code !== 0;
    if (restart2) {
      this.scheduleRestart(slot);
      return;
    }
    this.checkPodDone();
  }
  appContainersDone() {
    return this.slots.every((s2) => s2.kind !== "regular" || s2.stateName === "terminated" && !this.willRestart(s2));
  }
  willRestart(s2) {
    const code = s2.terminated?.exitCode ?? 0;
    const policy = this.restartPolicy;
    return policy === "Always" || policy === "OnFailure" && code !== 0;
  }
  /** Every app container is done for good (or an init container failed under Never): the pod is finished. */
  checkPodDone() {
    const initFailed = this.slots.some((s2) => s2.kind === "init" && s2.stateName === "terminated" && !s2.succeeded);
    if (!initFailed && !this.appContainersDone()) return;
    for (const s2 of this.slots) if (s2.kind === "sidecar" && s2.running) this.stopContainer(s2, this.gracePeriodSeconds * 1e3);
    this.finished = true;
    this.svc.releaseIP(this.key);
    this.sandboxReady = false;
    this.svc.markDirty(this);
  }
  /** kubelet doBackOff: restart at once unless the container is inside its back-off window. */
  scheduleRestart(slot) {
    const now = this.svc.clock.now();
    const finished = slot.current?.finishedMs ?? now;
    const remaining = backoffRemaining(slot.restartBackoff, finished, now);
    slot.lastTermination = slot.terminated;
    if (remaining > 0) {
      slot.setRestartDelay(remaining);
      slot.waitingMessage = `back-off ${goDuration(slot.restartBackoff.durationMs)} restarting failed container=${slot.name} pod=${this.pod.metadata.name}_${this.namespace}(${this.uid})`;
      slot.send({ type: "BACK_OFF" });
      slot.terminated = void 0;
      this.svc.event(this, slot, "Warning", "BackOff", `Back-off restarting failed container ${slot.name} in pod ${this.pod.metadata.name}_${this.namespace}(${this.uid})`);
      this.svc.cue({ type: "container", node: this.svc.nodeName, namespace: this.namespace, pod: this.pod.metadata.name, container: slot.name, phase: "restarting" });
      return;
    }
    slot.send({ type: "RESTART" });
    this.restartNow(slot);
  }
  restartNow(slot) {
    if (this.terminating || this.finished) return;
    slot.restartBackoff = nextBackoff(slot.restartBackoff, this.svc.clock.now());
    if (slot.terminated) slot.lastTermination = slot.terminated;
    slot.terminated = void 0;
    slot.waitingMessage = void 0;
    if (slot.kind === "init") slot.succeeded = false;
    this.svc.markDirty(this);
    this.startContainer(slot);
  }
  // ---------------------------------------------------------------- deletion
  /** The pod has a deletionTimestamp: stop every container within the grace period, then remove the pod. */
  terminate(graceSeconds) {
    if (this.terminating) return;
    this.terminating = true;
    if (this.sandboxTimer !== void 0) this.svc.clock.clearTimeout(this.sandboxTimer);
    const graceMs = graceSeconds * 1e3;
    for (const slot of this.slots) {
      if (slot.running && slot.stateName !== "stopping") {
        this.svc.event(this, slot, "Normal", "Killing", `Stopping container ${slot.name}`);
        this.stopContainer(slot, graceMs);
      } else if (!slot.running) {
        slot.cancelPull?.();
        slot.busy = false;
      }
    }
    this.svc.markDirty(this);
    this.finishTerminationIfDone();
  }
  finishTerminationIfDone() {
    if (this.removed || this.slots.some((s2) => s2.running)) return;
    this.removed = true;
    this.svc.podTerminated(this);
  }
  /** The machine lost power or the pod was force-deleted: everything stops at once, silently. */
  dispose() {
    this.removed = true;
    if (this.sandboxTimer !== void 0) this.svc.clock.clearTimeout(this.sandboxTimer);
    for (const s2 of this.slots) {
      if (s2.current && s2.current.finishedMs === void 0) {
        s2.current.finishedMs = this.svc.clock.now();
        s2.current.log.stopLoop(s2.current.finishedMs);
      }
      s2.dispose();
    }
    this.svc.releaseIP(this.key);
  }
  // ---------------------------------------------------------------- usage
  usage(slot) {
    const inst = slot.current;
    if (!inst || !slot.running) return void 0;
    return containerUsage({
      key: inst.id,
      demand: inst.plan.usage,
      startedMs: inst.startedMs,
      nowMs: this.svc.clock.now(),
      cpuLimitMilli: cpuMillis(slot.spec.resources?.limits?.cpu),
      extraCpuMilli: slot.overrides.extraCpuMilli,
      ...slot.overrides.cpuMilli !== void 0 ? { cpuOverrideMilli: slot.overrides.cpuMilli } : {},
      ...slot.overrides.memoryBytes !== void 0 ? { memoryOverrideBytes: slot.overrides.memoryBytes } : {}
    });
  }
};

// src/engine/kubelet/kubelet.ts
var NODE_STATUS_REPORT_MS = 5 * 6e4;
var NODE_LEASE_DURATION_SECONDS = 40;
var METRICS_AFTER_MS = 15e3;
var SYSTEM_CPU_MILLI = 85;
var SYSTEM_MEMORY_BYTES = 640 * 1024 * 1024;
var Kubelet = class {
  constructor(ctx, node, index) {
    this.ctx = ctx;
    this.index = index;
    this.nodeName = node.metadata.name;
    this.runtime = new ContainerRuntime(ctx.clock);
    const internal = node.status?.addresses?.find((a) => a.type === "InternalIP")?.address;
    const n = index + 2;
    this.identity = {
      machineID: hex64(`machine:${this.nodeName}`).slice(0, 32),
      systemUUID: uuidFrom(hex64(`uuid:${this.nodeName}`)),
      bootID: uuidFrom(hex64(`boot:${this.nodeName}:0`)),
      internalIP: internal ?? `172.18.${Math.floor(n / 256)}.${n % 256}`
    };
    this.bootedAtMs = ctx.clock.now();
    this.actor = createActor3(kubeletMachine, { input: { host: this }, clock: ctx.clock });
  }
  ctx;
  index;
  nodeName;
  runtime;
  identity;
  pressure = { memory: false, disk: false, pid: false };
  actor;
  workers = /* @__PURE__ */ new Map();
  pending = /* @__PURE__ */ new Map();
  dirty = /* @__PURE__ */ new Set();
  deletions = /* @__PURE__ */ new Set();
  syncTimer;
  flushTimer;
  ipam;
  lastStatusReportMs = -Infinity;
  lastWrittenNode;
  reportedImagesVersion = -1;
  reportedPressure = "";
  bootedAtMs;
  disposed = false;
  get api() {
    return this.ctx.api;
  }
  get clock() {
    return this.ctx.clock;
  }
  get hostIP() {
    return this.identity.internalIP;
  }
  boot() {
    this.actor.start();
  }
  get state() {
    return this.actor.getSnapshot().value;
  }
  /** Whether the kubelet can talk to the API server now. */
  get reachable() {
    return this.state === "running" && this.ctx.api.isAvailable();
  }
  // ---------------------------------------------------------------- faults
  powerOff() {
    this.actor.send({ type: "POWER_OFF" });
  }
  powerOn() {
    this.actor.send({ type: "POWER_ON" });
  }
  setPartitioned(partitioned) {
    this.actor.send({ type: partitioned ? "PARTITION" : "HEAL" });
  }
  /** The container's process dies (kill -9 from inside the node, or a crash): exit 137, then restartPolicy. */
  killContainer(namespace, pod, container, exitCode = 137) {
    const slot = this.slot(namespace, pod, container);
    if (!slot?.running) return false;
    slot.worker.processExited(slot, exitCode, exitCode === 137 ? "Error" : void 0, true);
    return true;
  }
  /** Forces a probe's result (false: fails, true: passes, undefined: back to what the container does). */
  setProbeResult(namespace, pod, container, probe, ok) {
    const slot = this.slot(namespace, pod, container);
    if (!slot) return false;
    if (ok === void 0) delete slot.overrides.probe[probe];
    else slot.overrides.probe[probe] = ok;
    return true;
  }
  /** Sets a container's CPU use (millicores), or clears the override. */
  setCpuLoad(namespace, pod, container, cpuMilli) {
    const slot = this.slot(namespace, pod, container);
    if (!slot) return false;
    if (cpuMilli === void 0) delete slot.overrides.cpuMilli;
    else slot.overrides.cpuMilli = cpuMilli;
    return true;
  }
  /** Adds CPU from traffic on top of the container's own figure. */
  addCpuLoad(namespace, pod, container, extraMilli) {
    const slot = this.slot(namespace, pod, container);
    if (slot) slot.overrides.extraCpuMilli = Math.max(0, extraMilli);
  }
  /**
   * A request reached a container (the proxy's simulated traffic): the program writes its access log
   * line. Returns the HTTP status it answers with (0 when nothing listens: the container is not running).
   */
  serveRequest(namespace, pod, req, container) {
    const slot = this.slot(namespace, pod, container);
    const inst = slot?.current;
    if (!slot?.running || !inst) return 0;
    const now = this.ctx.clock.now();
    const method = req.method ?? "GET";
    const path = req.path ?? "/";
    const agent = req.userAgent ?? "Wget";
    const failing = inst.plan.httpFailsAfterMs !== void 0 && now - inst.startedMs >= inst.plan.httpFailsAfterMs;
    const code = failing ? 500 : 200;
    const line = accessLogLine(inst.plan.program, req.clientIP, method, path, agent, code, now);
    if (line) inst.log.append(now, line);
    return code;
  }
  /** Running containers that keep requesting a URL (the HPA walkthrough's load generator). */
  loadGenerators() {
    const out = [];
    for (const w of this.workers.values()) {
      for (const s2 of w.slots) {
        const url = s2.current?.plan.loadTarget;
        if (url && s2.running) out.push({ namespace: w.namespace, pod: w.pod.metadata.name, container: s2.name, url });
      }
    }
    return out;
  }
  slot(namespace, pod, container) {
    const w = this.workers.get(`${namespace}/${pod}`);
    if (!w) return void 0;
    return container === void 0 ? w.slots.find((s2) => s2.kind === "regular") : w.slots.find((s2) => s2.name === container);
  }
  worker(namespace, pod) {
    return this.workers.get(`${namespace}/${pod}`);
  }
  get podCount() {
    return this.workers.size;
  }
  // ---------------------------------------------------------------- KubeletHost (machine actions)
  heartbeat() {
    if (!this.ctx.api.isAvailable() || this.disposed) return;
    this.renewLease();
    this.reportNodeStatus(false);
    if (this.dirty.size > 0 || this.deletions.size > 0) this.scheduleFlush();
    if (this.ctx.cues.hasListeners) this.ctx.cues.emit({ type: "heartbeat", node: this.nodeName });
  }
  stopAllContainers() {
    for (const w of this.workers.values()) w.dispose();
    this.workers.clear();
    this.dirty.clear();
    this.deletions.clear();
    this.pending.clear();
  }
  /** The machine is back: the kubelet starts afresh, lists its pods and starts their containers again. */
  bootAgain() {
    this.bootedAtMs = this.ctx.clock.now();
    this.identity.bootID = uuidFrom(hex64(`boot:${this.nodeName}:${this.bootedAtMs}`));
    this.relist();
  }
  reconnect() {
    this.relist();
  }
  relist() {
    if (!this.ctx.api.isAvailable()) return;
    const live = /* @__PURE__ */ new Set();
    for (const pod of this.ctx.api.peekList("Pod", { nodeName: this.nodeName })) {
      const key = `${pod.metadata.namespace ?? "default"}/${pod.metadata.name}`;
      live.add(key);
      this.pending.set(key, { pod, uid: pod.metadata.uid });
    }
    for (const [key, w] of this.workers) if (!live.has(key)) this.pending.set(key, { pod: void 0, uid: w.uid });
    this.scheduleSync();
  }
  // ---------------------------------------------------------------- pods from the watch
  /** Called from the (single) Pod watch: only records the work. */
  enqueuePod(key, pod, uid) {
    if (this.state !== "running" || this.disposed) return;
    this.pending.set(key, { pod, uid });
    this.scheduleSync();
  }
  scheduleSync() {
    if (this.syncTimer !== void 0) return;
    this.syncTimer = this.ctx.clock.setTimeout(() => {
      this.syncTimer = void 0;
      this.syncPods();
    }, 0);
  }
  syncPods() {
    if (this.state !== "running" || this.disposed) return;
    const batch = [...this.pending];
    this.pending.clear();
    for (const [key, { pod, uid }] of batch) {
      let worker = this.workers.get(key);
      if (worker && (!pod || worker.uid !== pod.metadata.uid)) {
        if (worker.uid === uid || !pod) {
          worker.dispose();
          this.workers.delete(key);
          this.dirty.delete(worker);
          this.deletions.delete(worker);
          worker = void 0;
        }
      }
      if (!pod) continue;
      if (!worker) {
        const phase = pod.status?.phase;
        if (phase === "Succeeded" || phase === "Failed") continue;
        if (pod.metadata.deletionTimestamp) {
          this.tryDelete(pod);
          continue;
        }
        worker = new PodWorker(this, pod);
        this.workers.set(key, worker);
        worker.start();
        continue;
      }
      worker.pod = pod;
      if (pod.metadata.deletionTimestamp && !worker.terminating) {
        if (worker.finished) {
          worker.removed = true;
          this.podTerminated(worker);
        } else worker.terminate(pod.metadata.deletionGracePeriodSeconds ?? worker.gracePeriodSeconds);
      }
    }
  }
  // ---------------------------------------------------------------- KubeletServices
  allocateIP(podKey) {
    if (!this.ipam) {
      const node = this.ctx.api.peek("Node", void 0, this.nodeName);
      this.ipam = new PodIPAM(node?.spec?.podCIDR ?? fallbackPodCidr(this.index));
    }
    return this.ipam.allocate(podKey);
  }
  releaseIP(podKey) {
    this.ipam?.release(podKey);
  }
  markDirty(worker) {
    this.dirty.add(worker);
    this.scheduleFlush();
  }
  scheduleFlush() {
    if (this.flushTimer !== void 0) return;
    this.flushTimer = this.ctx.clock.setTimeout(() => {
      this.flushTimer = void 0;
      this.flushStatuses();
    }, 0);
  }
  /** The status manager: writes each changed pod's status once per instant. */
  flushStatuses() {
    if (!this.reachable) return;
    const now = rfc33392(this.ctx.clock.now());
    for (const w of this.dirty) {
      const current = this.ctx.api.peek("Pod", w.namespace, w.pod.metadata.name);
      if (!current || current.metadata.uid !== w.uid) {
        this.dirty.delete(w);
        continue;
      }
      const status = buildPodStatus(w, current, this.hostIP, now);
      try {
        const stored = this.ctx.api.updateStatus({ apiVersion: "v1", kind: "Pod", metadata: { name: current.metadata.name, namespace: w.namespace }, status });
        w.pod = stored;
        this.dirty.delete(w);
      } catch {
        return;
      }
    }
    for (const w of [...this.deletions]) {
      if (this.dirty.has(w)) continue;
      this.deletions.delete(w);
      this.tryDelete(w.pod, w);
    }
  }
  tryDelete(pod, worker) {
    if (!this.reachable) {
      if (worker) this.deletions.add(worker);
      return;
    }
    try {
      const current = this.ctx.api.peek("Pod", pod.metadata.namespace, pod.metadata.name);
      if (current && current.metadata.uid === pod.metadata.uid) this.ctx.api.delete("Pod", pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 });
    } catch {
      if (worker) this.deletions.add(worker);
    }
  }
  podTerminated(worker) {
    this.deletions.add(worker);
    this.markDirty(worker);
  }
  event(worker, slot, type, reason, message) {
    if (!this.reachable || !this.ctx.events.enabled) return;
    const pod = worker.pod;
    this.ctx.events.record(
      { apiVersion: "v1", kind: "Pod", metadata: { name: pod.metadata.name, namespace: worker.namespace, uid: worker.uid, resourceVersion: pod.metadata.resourceVersion } },
      type,
      reason,
      message,
      { component: "kubelet", host: this.nodeName },
      slot?.fieldPath
    );
  }
  cue(cue) {
    if (this.ctx.cues.hasListeners) this.ctx.cues.emit(cue);
  }
  newContainerId() {
    let out = "";
    for (let i = 0; i < 8; i++) out += Math.floor(this.ctx.random.next() * 4294967296).toString(16).padStart(8, "0");
    return out;
  }
  resolvesHost(host, namespace) {
    const parts = host.replace(/\.$/, "").replace(/\.cluster\.local$/, "").replace(/\.svc$/, "").split(".");
    const name = parts[0] ?? "";
    const ns = parts[1] ?? namespace;
    return this.ctx.api.peek("Service", ns, name) !== void 0;
  }
  currentPod(worker) {
    return this.ctx.api.peek("Pod", worker.namespace, worker.pod.metadata.name);
  }
  // ---------------------------------------------------------------- heartbeats
  renewLease() {
    const now = this.ctx.clock.now();
    const lease = this.ctx.api.peek("Lease", "kube-node-lease", this.nodeName);
    try {
      if (!lease) {
        const node = this.ctx.api.peek("Node", void 0, this.nodeName);
        if (!node) return;
        this.ctx.api.create({
          apiVersion: "coordination.k8s.io/v1",
          kind: "Lease",
          metadata: {
            name: this.nodeName,
            namespace: "kube-node-lease",
            ownerReferences: [{ apiVersion: "v1", kind: "Node", name: this.nodeName, uid: node.metadata.uid }]
          },
          spec: { holderIdentity: this.nodeName, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime: microTime(now) }
        });
      } else {
        this.ctx.api.update({ ...lease, spec: { ...lease.spec, renewTime: microTime(now) } });
      }
    } catch {
    }
  }
  /** Posts node status when it changed or nodeStatusReportFrequency has passed (`force`: always). */
  reportNodeStatus(force) {
    const node = this.ctx.api.peek("Node", void 0, this.nodeName);
    if (!node) return;
    const now = this.ctx.clock.now();
    const due = force || now - this.lastStatusReportMs >= NODE_STATUS_REPORT_MS;
    const untouched = node === this.lastWrittenNode && this.runtime.imagesVersion === this.reportedImagesVersion && this.pressureKey() === this.reportedPressure;
    if (!due && untouched) return;
    const status = buildNodeStatus(node, this.identity, this.runtime.imageList(), this.pressure, rfc33392(now));
    const changed = !node.status?.nodeInfo || statusFingerprint(status) !== statusFingerprint(node.status);
    if (!due && !changed) {
      this.lastWrittenNode = node;
      return;
    }
    try {
      this.lastWrittenNode = this.ctx.api.updateStatus({ apiVersion: "v1", kind: "Node", metadata: { name: this.nodeName }, status });
      this.reportedImagesVersion = this.runtime.imagesVersion;
      this.reportedPressure = this.pressureKey();
      this.lastStatusReportMs = now;
      if (changed && this.ctx.cues.hasListeners) this.ctx.cues.emit({ type: "node-condition", node: this.nodeName, ready: "True" });
    } catch {
    }
  }
  pressureKey() {
    return `${this.pressure.memory}${this.pressure.disk}${this.pressure.pid}`;
  }
  // ---------------------------------------------------------------- logs and metrics
  logs(pod, req) {
    const w = this.workers.get(`${req.namespace}/${req.pod}`);
    const containers = [...pod.spec?.initContainers ?? [], ...pod.spec?.containers ?? []];
    const name = req.container ?? pod.metadata.annotations?.["kubectl.kubernetes.io/default-container"] ?? pod.spec?.containers?.[0]?.name ?? "";
    if (!containers.some((c2) => c2.name === name)) throw new ApiError("BadRequest", `container ${name} is not valid for pod ${req.pod}`);
    const slot = w?.slots.find((s2) => s2.name === name);
    if (!this.reachable && this.state === "poweredOff") {
      throw new ApiError("InternalError", `Get "https://${this.hostIP}:10250/containerLogs/${req.namespace}/${req.pod}/${name}": dial tcp ${this.hostIP}:10250: connect: no route to host`);
    }
    const instance = req.previous ? slot?.previous : slot?.current;
    if (!instance) {
      if (req.previous) throw new ApiError("BadRequest", `previous terminated container "${name}" in pod "${req.pod}" not found`);
      const status = [...pod.status?.initContainerStatuses ?? [], ...pod.status?.containerStatuses ?? []].find((s2) => s2.name === name);
      const reason = status?.state?.waiting?.reason ?? "ContainerCreating";
      const why = reason === "ErrImagePull" || reason === "ImagePullBackOff" ? "trying and failing to pull image" : reason;
      throw new ApiError("BadRequest", `container "${name}" in pod "${req.pod}" is waiting to start: ${why}`);
    }
    return instance.log.read(this.ctx.clock.now(), req.tail !== void 0 && req.tail >= 0 ? req.tail : void 0).map((l) => l.text);
  }
  podMetrics(namespace, name) {
    if (!this.reachable) return void 0;
    const w = this.workers.get(`${namespace}/${name}`);
    if (!w) return void 0;
    const now = this.ctx.clock.now();
    const containers = [];
    for (const slot of w.slots) {
      if (!slot.running || !slot.current) continue;
      if (now - slot.current.startedMs < METRICS_AFTER_MS) return void 0;
      const u = w.usage(slot);
      if (u) containers.push({ name: slot.name, cpuMilli: u.cpuMilli, memoryBytes: u.memoryBytes });
    }
    return containers.length > 0 ? { namespace, name, containers } : void 0;
  }
  nodeMetrics() {
    if (!this.reachable) return void 0;
    const now = this.ctx.clock.now();
    if (now - this.bootedAtMs < METRICS_AFTER_MS) return void 0;
    let cpu = SYSTEM_CPU_MILLI + this.index % 7 * 3;
    let mem = SYSTEM_MEMORY_BYTES + this.index % 5 * 17 * 1024 * 1024;
    for (const w of this.workers.values()) {
      for (const slot of w.slots) {
        const u = w.usage(slot);
        if (u) {
          cpu += u.cpuMilli;
          mem += u.memoryBytes;
        }
      }
    }
    return { name: this.nodeName, cpuMilli: Math.round(cpu), memoryBytes: Math.round(mem) };
  }
  /** The Node object was deleted: the machine is gone. */
  dispose() {
    this.disposed = true;
    this.stopAllContainers();
    this.actor.stop();
    this.runtime.dispose();
    if (this.syncTimer !== void 0) this.ctx.clock.clearTimeout(this.syncTimer);
    if (this.flushTimer !== void 0) this.ctx.clock.clearTimeout(this.flushTimer);
  }
  /** The Node object changed (a pod CIDR assigned, capacity edited): picked up at the next report. */
  nodeUpdated(node) {
    if (!this.ipam && node.spec?.podCIDR) this.ipam = new PodIPAM(node.spec.podCIDR);
  }
};
var MONTHS2 = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
function accessLogLine(program, ip, method, path, agent, code, ms) {
  const d = new Date(ms);
  const p2 = (n) => String(n).padStart(2, "0");
  const clf = `${p2(d.getUTCDate())}/${MONTHS2[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
  switch (program) {
    case "nginx":
      return `${ip} - - [${clf}] "${method} ${path} HTTP/1.1" ${code} ${code === 200 ? 615 : 0} "-" "${agent}" "-"`;
    case "httpd":
    case "php-apache":
    case "wordpress":
      return `${ip} - - [${clf}] "${method} ${path} HTTP/1.1" ${code} ${program === "php-apache" ? 3 : 45}`;
    case "hello-app":
      return `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} Serving request: ${path}`;
    default:
      return void 0;
  }
}
function uuidFrom(hex) {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

// src/engine/kubelet/index.ts
var NodeAgents = class {
  constructor(ctx) {
    this.ctx = ctx;
  }
  ctx;
  agents = /* @__PURE__ */ new Map();
  registered = 0;
  unwatch = [];
  boot() {
    this.unwatch.push(this.ctx.api.watch("Node", (e) => this.onNode(e)));
    this.unwatch.push(this.ctx.api.watch("Pod", (e) => this.onPod(e)));
    for (const node of this.ctx.api.peekList("Node")) this.addNode(node);
    for (const pod of this.ctx.api.peekList("Pod")) {
      const name = pod.spec?.nodeName;
      if (name) this.agents.get(name)?.enqueuePod(`${pod.metadata.namespace ?? "default"}/${pod.metadata.name}`, pod, pod.metadata.uid);
    }
  }
  kubelet(nodeName2) {
    return this.agents.get(nodeName2);
  }
  kubelets() {
    return [...this.agents.values()];
  }
  addNode(node) {
    if (this.agents.has(node.metadata.name)) return;
    const kubelet = new Kubelet(this.ctx, node, this.registered++);
    this.agents.set(node.metadata.name, kubelet);
    kubelet.boot();
  }
  onNode(e) {
    const name = e.object.metadata.name;
    if (e.type === "DELETED") {
      this.agents.get(name)?.dispose();
      this.agents.delete(name);
      return;
    }
    if (e.type === "ADDED") this.addNode(e.object);
    else this.agents.get(name)?.nodeUpdated(e.object);
  }
  onPod(e) {
    const pod = e.object;
    const nodeName2 = pod.spec?.nodeName ?? e.old?.spec?.nodeName;
    if (!nodeName2) return;
    const agent = this.agents.get(nodeName2);
    if (!agent) return;
    const old = e.old;
    if (e.type === "MODIFIED" && old && old.spec === pod.spec && old.metadata.deletionTimestamp === pod.metadata.deletionTimestamp && agent.worker(pod.metadata.namespace ?? "default", pod.metadata.name)) return;
    agent.enqueuePod(`${pod.metadata.namespace ?? "default"}/${pod.metadata.name}`, e.type === "DELETED" ? void 0 : pod, pod.metadata.uid);
  }
  /** `kubectl logs`: through the API server to the pod's kubelet. */
  logs(req) {
    const pod = this.ctx.api.get("Pod", req.namespace, req.pod);
    if (!pod) throw notFound("pods", req.pod);
    const agent = pod.spec?.nodeName ? this.agents.get(pod.spec.nodeName) : void 0;
    if (!agent) {
      const name = req.container ?? pod.spec?.containers?.[0]?.name ?? "";
      throw new ApiError("BadRequest", `container "${name}" in pod "${req.pod}" is waiting to start: ContainerCreating`);
    }
    return agent.logs(pod, req);
  }
  /** metrics-server's PodMetrics (kubectl top pod). */
  podMetrics(namespace, name) {
    const pod = this.ctx.api.peek("Pod", namespace, name);
    const nodeName2 = pod?.spec?.nodeName;
    return nodeName2 ? this.agents.get(nodeName2)?.podMetrics(namespace, name) : void 0;
  }
  nodeMetrics(name) {
    return this.agents.get(name)?.nodeMetrics();
  }
  dispose() {
    for (const u of this.unwatch) u();
    for (const a of this.agents.values()) a.dispose();
    this.agents.clear();
  }
};

// src/engine/kubectl/apply.ts
var LAST_APPLIED_ANNOTATION2 = "kubectl.kubernetes.io/last-applied-configuration";
function applyManifests(host, text, options = {}) {
  const source = options.source ?? "STDIN";
  const results = [];
  for (const doc of parseManifests(text)) {
    if (doc.error || !doc.object) {
      results.push(documentError(doc, source));
      continue;
    }
    const items = doc.object.kind === "List" && Array.isArray(doc.object.items) ? doc.object.items : [doc.object];
    items.forEach((item, i) => {
      const prefix = items.length > 1 || item !== doc.object ? `items[${i}].` : "";
      results.push(applyObject(host, doc, item, prefix, options, source));
    });
  }
  return results;
}
function documentError(doc, source) {
  const err = doc.error ?? { message: "empty document" };
  const message = err.message.startsWith("error validating data") ? `error: error validating "${source}": ${err.message}; if you choose to ignore these errors, turn validation off with --validate=false` : err.message.startsWith("json:") ? `error: unable to decode "${source}": ${err.message}` : `error: error parsing ${source}: ${err.message}`;
  return {
    index: doc.index,
    action: "error",
    message,
    error: { message, ...err.line !== void 0 ? { line: err.line } : {}, ...err.column !== void 0 ? { column: err.column } : {} }
  };
}
function kubectlObjectName(resource, name) {
  return `${resource.kind.toLowerCase()}${resource.group ? `.${resource.group}` : ""}/${name}`;
}
function applyObject(host, doc, input, pathPrefix, options, source) {
  const obj = structuredClone(input);
  obj.metadata = obj.metadata && typeof obj.metadata === "object" ? obj.metadata : {};
  const name = typeof obj.metadata.name === "string" ? obj.metadata.name : "";
  const base = { index: doc.index, kind: obj.kind, ...name ? { name } : {} };
  const fail = (message, field) => {
    const at = field !== void 0 ? doc.locate(pathPrefix + field) : void 0;
    const line = at?.line ?? doc.startLine;
    return {
      ...base,
      action: "error",
      message,
      error: { message, line, ...at ? { column: at.column } : {}, ...field !== void 0 ? { field } : {} }
    };
  };
  const resource = resourceForKind(obj.kind);
  const accepted = resource && (obj.apiVersion === resource.apiVersion || resource.alsoAccepts?.includes(obj.apiVersion));
  if (!resource || !accepted) {
    const mapping = `error: resource mapping not found for name: "${name}" namespace: "${obj.metadata.namespace ?? ""}" from "${source}": no matches for kind "${obj.kind}" in version "${obj.apiVersion}"`;
    if (!resource) return fail(`${mapping}
${obj.kind} objects are not supported in the playground (not supported in the playground).`, "kind");
    return fail(`${mapping}
ensure CRDs are installed first`, "apiVersion");
  }
  if (resource.namespaced) {
    const own = obj.metadata.namespace;
    if (own && options.namespace && own !== options.namespace) {
      return fail(
        `error: the namespace from the provided object "${own}" does not match the namespace "${options.namespace}". You must pass '--namespace=${own}' to perform this operation.`,
        "metadata.namespace"
      );
    }
    obj.metadata.namespace = own || options.namespace || "default";
  } else {
    delete obj.metadata.namespace;
  }
  const namespace = obj.metadata.namespace;
  const result = { ...base, ...namespace ? { namespace } : {} };
  const mode = options.mode ?? "apply";
  if (!name && !(mode === "create" && obj.metadata.generateName)) return fail("error: resource name may not be empty", "metadata.name");
  const validate = options.validate ?? "strict";
  const notes = [];
  const decoding = findDecodingProblems(obj);
  const unknownFields = decoding.unknownFields;
  if (unknownFields.length > 0 && validate !== "strict") {
    dropUnknownFields(obj, unknownFields);
    if (validate === "warn") notes.push(...unknownFields.map((p) => `Warning: ${p.message}`));
  }
  const refuseUnknown = validate === "strict" && unknownFields.length > 0 && decoding.typeErrors.length === 0;
  const dryRunSuffix = options.dryRun === "client" ? " (dry run)" : options.dryRun === "server" ? " (server dry run)" : "";
  const writeOpts = { dryRun: options.dryRun === "server" };
  const printed = (n) => kubectlObjectName(resource, n);
  let verb = "creating";
  try {
    const live = host.api.get(resource.kind, namespace, name);
    if (live && mode !== "create") verb = mode === "replace" ? "replacing" : "patching";
    if (refuseUnknown) throw unknownFieldsError(obj, unknownFields);
    const withNotes = notes.length > 0 ? { warning: notes.join("\n") } : {};
    if (mode === "create") {
      if (options.dryRun === "client") return { ...result, ...withNotes, action: "created", message: `${printed(name)} created${dryRunSuffix}` };
      const created = host.api.create(obj, writeOpts);
      return { ...result, ...withNotes, name: created.metadata.name, action: "created", message: `${printed(created.metadata.name)} created${dryRunSuffix}` };
    }
    if (mode === "replace") {
      verb = "replacing";
      if (!live) throw new ApiError("NotFound", `${resource.plural}${resource.group ? `.${resource.group}` : ""} "${name}" not found`);
      if (live.metadata.annotations?.[LAST_APPLIED_ANNOTATION2] !== void 0) setLastApplied(obj);
      if (options.dryRun !== "client") host.api.update(obj, writeOpts);
      return { ...result, ...withNotes, action: "configured", message: `${printed(name)} replaced${dryRunSuffix}` };
    }
    setLastApplied(obj);
    if (!live) {
      if (options.dryRun === "client") return { ...result, ...withNotes, action: "created", message: `${printed(name)} created${dryRunSuffix}` };
      host.api.create(obj, writeOpts);
      return { ...result, ...withNotes, action: "created", message: `${printed(name)} created${dryRunSuffix}` };
    }
    const lastText3 = live.metadata.annotations?.[LAST_APPLIED_ANNOTATION2];
    const warning = lastText3 === void 0 ? `Warning: resource ${resource.plural}${resource.group ? `.${resource.group}` : ""}/${name} is missing the ${LAST_APPLIED_ANNOTATION2} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.` : void 0;
    const last = parseLastApplied(lastText3);
    const merged = threeWayMerge(live, last, obj, "");
    const withWarning = warning || notes.length > 0 ? { warning: [...notes, ...warning ? [warning] : []].join("\n") } : {};
    if (options.dryRun === "client") {
      const action2 = isDeepEqual(merged, live) ? "unchanged" : "configured";
      return { ...result, ...withWarning, action: action2, message: `${printed(name)} ${action2}${dryRunSuffix}` };
    }
    if (isDeepEqual(merged, live)) return { ...result, ...withWarning, action: "unchanged", message: `${printed(name)} unchanged${dryRunSuffix}` };
    const written = host.api.update(merged, writeOpts);
    const action = isDeepEqual(written, live) ? "unchanged" : "configured";
    return { ...result, ...withWarning, action, message: `${printed(name)} ${action}${dryRunSuffix}` };
  } catch (e) {
    return errorResult(e, resource, name, verb, source, fail);
  }
}
function errorResult(e, resource, name, verb, source, fail) {
  if (e instanceof ApiError) {
    const field = e.causes[0]?.field;
    if (e.reason === "Invalid") {
      const prefix = `The ${resource.kind} "${name}" is invalid: `;
      const lines = e.causes.map(formatFieldError);
      const message = lines.length === 1 ? prefix + lines[0] : `${prefix}
${lines.map((l) => `* ${l}`).join("\n")}`;
      return fail(message, field);
    }
    return fail(`Error from server (${e.reason}): error when ${verb} "${source}": ${e.message}`, field);
  }
  if (e instanceof ConnectionRefusedError) return fail(e.message);
  return fail(`error: ${e instanceof Error ? e.message : String(e)}`);
}
function sortedJson(value) {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const obj = value;
    const keys = Object.keys(obj).filter((k) => obj[k] !== void 0).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${sortedJson(obj[k])}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}
function setLastApplied(obj) {
  const annotations = { ...obj.metadata.annotations };
  delete annotations[LAST_APPLIED_ANNOTATION2];
  const recorded = { ...obj, metadata: { ...obj.metadata, annotations } };
  obj.metadata.annotations = { ...annotations, [LAST_APPLIED_ANNOTATION2]: `${sortedJson(recorded)}
` };
}
function parseLastApplied(text) {
  if (!text) return void 0;
  try {
    return JSON.parse(text);
  } catch {
    return void 0;
  }
}
function isPlainObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
var MERGE_KEYS = {
  containers: "name",
  initContainers: "name",
  ephemeralContainers: "name",
  volumes: "name",
  env: "name",
  volumeMounts: "mountPath",
  volumeDevices: "devicePath",
  imagePullSecrets: "name",
  hostAliases: "ip",
  ownerReferences: "uid",
  resourceClaims: "name",
  topologySpreadConstraints: "topologyKey"
};
function mergeKeyFor(field, items) {
  if (field === "ports") return items.some((i) => isPlainObject(i) && "containerPort" in i) ? "containerPort" : "port";
  return MERGE_KEYS[field];
}
function mergeKeyedList(live, last, desired, key, path) {
  const find = (list, k) => list?.find((i) => isPlainObject(i) && i[key] === k);
  const out = [];
  const used = /* @__PURE__ */ new Set();
  for (const d of desired) {
    const k = isPlainObject(d) ? d[key] : void 0;
    const l = k === void 0 ? void 0 : find(live, k);
    if (l !== void 0) used.add(l);
    out.push(l !== void 0 ? threeWayMerge(l, find(last, k), d, path) : d);
  }
  for (const l of live) {
    if (used.has(l)) continue;
    const k = isPlainObject(l) ? l[key] : void 0;
    if (k !== void 0 && find(last, k) !== void 0) continue;
    out.push(l);
  }
  return out;
}
function threeWayMerge(live, last, desired, path) {
  if (isPlainObject(desired) && isPlainObject(live)) {
    const out = { ...live };
    const lastObj = isPlainObject(last) ? last : void 0;
    if (lastObj) {
      for (const k of Object.keys(lastObj)) if (!(k in desired)) delete out[k];
    }
    for (const [k, v] of Object.entries(desired)) {
      if (v === null) delete out[k];
      else out[k] = threeWayMerge(live[k], lastObj?.[k], v, k);
    }
    return out;
  }
  if (Array.isArray(desired) && Array.isArray(live)) {
    const key = mergeKeyFor(path, desired);
    if (key && desired.every((d) => isPlainObject(d) && d[key] !== void 0)) {
      return mergeKeyedList(live, Array.isArray(last) ? last : void 0, desired, key, path);
    }
  }
  return desired;
}

// src/engine/kubectl/errors.ts
var KubectlError = class extends Error {
  constructor(message, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
    this.name = "KubectlError";
  }
  exitCode;
};

// src/engine/kubectl/args.ts
var FLAGS = [
  { name: "namespace", short: "n", kind: "string" },
  { name: "all-namespaces", short: "A", kind: "bool" },
  { name: "selector", short: "l", kind: "string" },
  { name: "output", short: "o", kind: "string" },
  { name: "show-labels", kind: "bool" },
  { name: "show-kind", kind: "bool" },
  { name: "no-headers", kind: "bool" },
  { name: "label-columns", short: "L", kind: "array" },
  { name: "filename", short: "f", kind: "array" },
  { name: "recursive", short: "R", kind: "bool" },
  { name: "dry-run", kind: "string", noOptValue: "client" },
  { name: "watch", short: "w", kind: "bool" },
  { name: "replicas", kind: "string" },
  { name: "image", kind: "string" },
  { name: "port", kind: "string" },
  { name: "type", kind: "string" },
  { name: "target-port", kind: "string" },
  { name: "protocol", kind: "string" },
  { name: "name", kind: "string" },
  { name: "to-revision", kind: "string" },
  { name: "revision", kind: "string" },
  { name: "tail", kind: "string" },
  { name: "container", short: "c", kind: "string" },
  { name: "previous", short: "p", kind: "bool" },
  { name: "timestamps", kind: "bool" },
  { name: "force", kind: "bool" },
  { name: "grace-period", kind: "string" },
  { name: "now", kind: "bool" },
  { name: "wait", kind: "bool" },
  { name: "cascade", kind: "string", noOptValue: "background" },
  { name: "ignore-daemonsets", kind: "bool" },
  { name: "delete-emptydir-data", kind: "bool" },
  { name: "delete-local-data", kind: "bool" },
  { name: "disable-eviction", kind: "bool" },
  { name: "overwrite", kind: "bool" },
  { name: "all", kind: "bool" },
  { name: "sort-by", kind: "string" },
  { name: "restart", kind: "string" },
  { name: "labels", kind: "string" },
  { name: "env", kind: "array" },
  { name: "command", kind: "bool" },
  { name: "from-literal", kind: "array" },
  { name: "record", kind: "bool" },
  { name: "timeout", kind: "string" },
  { name: "server-side", kind: "bool" },
  { name: "field-manager", kind: "string" },
  { name: "save-config", kind: "bool" },
  { name: "validate", kind: "string", noOptValue: "strict" },
  { name: "containers", kind: "bool" },
  { name: "short", kind: "bool" },
  { name: "client", kind: "bool" },
  { name: "api-group", kind: "string" },
  { name: "namespaced", kind: "string", noOptValue: "true" },
  { name: "help", short: "h", kind: "bool" },
  { name: "stdin", short: "i", kind: "bool" },
  { name: "tty", short: "t", kind: "bool" },
  { name: "rm", kind: "bool" },
  { name: "context", kind: "string" },
  { name: "cluster", kind: "string" },
  { name: "kubeconfig", kind: "string" },
  { name: "v", short: "v", kind: "string" }
];
var BY_NAME = new Map(FLAGS.map((f) => [f.name, f]));
var BY_SHORT = new Map(FLAGS.filter((f) => f.short).map((f) => [f.short, f]));
function parseArgs(words) {
  const positionals = [];
  const flags = /* @__PURE__ */ new Map();
  const set = (spec, value) => {
    const list = flags.get(spec.name) ?? [];
    list.push(value);
    flags.set(spec.name, list);
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (word === "--") return { positionals, passthrough: words.slice(i + 1), flags };
    if (word.startsWith("--")) {
      const eq = word.indexOf("=");
      const name = eq < 0 ? word.slice(2) : word.slice(2, eq);
      const spec = BY_NAME.get(name);
      if (!spec) throw new KubectlError(`error: unknown flag: --${name}
See 'kubectl --help' for usage.`);
      if (eq >= 0) set(spec, word.slice(eq + 1));
      else if (spec.kind === "bool") set(spec, "true");
      else if (spec.noOptValue !== void 0) set(spec, spec.noOptValue);
      else {
        const value = words[++i];
        if (value === void 0) throw new KubectlError(`error: flag needs an argument: --${name}`);
        set(spec, value);
      }
      continue;
    }
    if (word.startsWith("-") && word.length > 1 && !/^-\d/.test(word)) {
      for (let j = 1; j < word.length; j++) {
        const short = word[j];
        const spec = BY_SHORT.get(short);
        if (!spec) throw new KubectlError(`error: unknown shorthand flag: '${short}' in ${word}
See 'kubectl --help' for usage.`);
        if (spec.kind === "bool") {
          if (word[j + 1] === "=") {
            set(spec, word.slice(j + 2));
            break;
          }
          set(spec, "true");
          continue;
        }
        let rest = word.slice(j + 1);
        if (rest.startsWith("=")) rest = rest.slice(1);
        if (rest !== "") set(spec, rest);
        else {
          const value = words[++i];
          if (value === void 0) throw new KubectlError(`error: flag needs an argument: '${short}' in -${short}`);
          set(spec, value);
        }
        break;
      }
      continue;
    }
    positionals.push(word);
  }
  return { positionals, passthrough: [], flags };
}
var Flags = class {
  constructor(parsed) {
    this.parsed = parsed;
  }
  parsed;
  has(name) {
    return this.parsed.flags.has(name);
  }
  string(name) {
    const list = this.parsed.flags.get(name);
    return list?.[list.length - 1];
  }
  all(name) {
    return this.parsed.flags.get(name) ?? [];
  }
  bool(name) {
    const v = this.string(name);
    if (v === void 0) return false;
    if (v === "true" || v === "") return true;
    if (v === "false") return false;
    throw new KubectlError(`error: invalid argument "${v}" for "--${name}" flag: strconv.ParseBool: parsing "${v}": invalid syntax`);
  }
  int(name) {
    const v = this.string(name);
    if (v === void 0) return void 0;
    if (!/^-?\d+$/.test(v)) {
      throw new KubectlError(`error: invalid argument "${v}" for "--${name}" flag: strconv.ParseInt: parsing "${v}": invalid syntax`);
    }
    return Number(v);
  }
};

// src/engine/kubectl/context.ts
var CommandContext = class {
  constructor(host, args, operands) {
    this.host = host;
    this.args = args;
    this.operands = operands;
    this.flags = new Flags(args);
  }
  host;
  args;
  operands;
  flags;
  stdout = [];
  stderr = [];
  get api() {
    return this.host.api;
  }
  get nowMs() {
    return this.host.clock.now();
  }
  /** `-n`, else the kubeconfig context's namespace (always `default` in the playground). */
  get namespace() {
    return this.flags.string("namespace") || "default";
  }
  /** Whether `-n` was given explicitly (kubectl's enforceNamespace). */
  get namespaceExplicit() {
    return this.flags.has("namespace");
  }
  get allNamespaces() {
    return this.flags.bool("all-namespaces");
  }
  /** Writes text to stdout; a trailing newline is added unless present. */
  out(text) {
    this.stdout.push(text.endsWith("\n") ? text : text + "\n");
  }
  /** Writes raw text to stdout, as is. */
  write(text) {
    this.stdout.push(text);
  }
  err(text) {
    this.stderr.push(text.endsWith("\n") ? text : text + "\n");
  }
  get stdoutText() {
    return this.stdout.join("");
  }
  get stderrText() {
    return this.stderr.join("");
  }
  /** The `--dry-run` strategy: none, client (nothing sent) or server (admission runs, nothing stored). */
  get dryRun() {
    const v = this.flags.string("dry-run");
    if (v === void 0 || v === "none") return "none";
    if (v === "client" || v === "server") return v;
    throw new KubectlError(`error: Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
  }
  /** The suffix kubectl adds to success lines under --dry-run. */
  get dryRunSuffix() {
    const d = this.dryRun;
    return d === "client" ? " (dry run)" : d === "server" ? " (server dry run)" : "";
  }
};

// src/engine/kubectl/tokenize.ts
function tokenize2(line) {
  const words = [];
  let current = "";
  let inWord = false;
  let quote = null;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote === "'") {
      if (ch === "'") quote = null;
      else current += ch;
      continue;
    }
    if (quote === '"') {
      if (ch === '"') quote = null;
      else if (ch === "\\" && i + 1 < line.length && '"\\$`'.includes(line[i + 1])) current += line[++i];
      else current += ch;
      continue;
    }
    if (ch === "'" || ch === '"') {
      quote = ch;
      inWord = true;
    } else if (ch === "\\" && i + 1 < line.length) {
      current += line[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(current);
      current = "";
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (quote) throw new Error(`unterminated ${quote === '"' ? "double" : "single"} quote`);
  if (inWord) words.push(current);
  return words;
}

// src/engine/kubectl/commands/apply.ts
function readManifests(ctx) {
  const paths = ctx.flags.all("filename");
  if (paths.length === 0) throw new KubectlError("error: must specify one of -f and -k");
  return paths.map((path) => {
    if (path === "-") throw new KubectlError("error: reading from stdin (-f -) is not available in the playground; put the manifest in a file");
    if (!ctx.host.readFile) throw new KubectlError(`error: the path "${path}" does not exist`);
    try {
      return { path, text: ctx.host.readFile(path) };
    } catch (e) {
      const message = e.message;
      throw new KubectlError(message.startsWith("error: ") ? message : `error: ${message}`);
    }
  });
}
function runApplyFiles(ctx, mode) {
  const files = readManifests(ctx);
  const dryRun = ctx.dryRun;
  let failed = false;
  for (const { path, text } of files) {
    const results = applyManifests(ctx.host, text, {
      mode,
      source: path,
      ...dryRun !== "none" ? { dryRun } : {},
      ...ctx.namespaceExplicit ? { namespace: ctx.namespace } : {}
    });
    for (const r2 of results) {
      if (r2.warning) ctx.err(r2.warning);
      if (r2.action === "error") {
        failed = true;
        ctx.err(r2.message);
      } else ctx.out(r2.message);
    }
  }
  return failed ? 1 : 0;
}

// src/engine/clock/duration.ts
function humanDuration(ms) {
  const seconds = Math.floor(ms / 1e3);
  if (seconds < -1) return "<invalid>";
  if (seconds < 0) return "0s";
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 10) {
    const s2 = seconds % 60;
    return s2 === 0 ? `${minutes}m` : `${minutes}m${s2}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const days = Math.floor(hours / 24) % 365;
    return days === 0 ? `${Math.floor(hours / 24 / 365)}y` : `${Math.floor(hours / 24 / 365)}y${days}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}

// src/engine/kubectl/printers/format.ts
function since(timestamp, nowMs) {
  if (!timestamp) return "<unknown>";
  return humanDuration(nowMs - Date.parse(timestamp));
}
function formatLabelSelector(selector, emptyAs = "<none>") {
  if (!selector) return emptyAs;
  const parts = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) parts.push({ key, text: `${key}=${value}` });
  for (const e of selector.matchExpressions ?? []) {
    const values = [...e.values ?? []].sort().join(",");
    const text = e.operator === "In" ? `${e.key} in (${values})` : e.operator === "NotIn" ? `${e.key} notin (${values})` : e.operator === "Exists" ? e.key : `!${e.key}`;
    parts.push({ key: e.key, text });
  }
  if (parts.length === 0) return emptyAs;
  return parts.sort((a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0).map((p) => p.text).join(",");
}
function formatLabels(labels) {
  if (!labels) return "<none>";
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) return "<none>";
  return keys.map((k) => `${k}=${labels[k]}`).join(",");
}
function containerCells(containers) {
  const list = containers ?? [];
  return [list.map((c2) => c2.name).join(","), list.map((c2) => c2.image ?? "").join(",")];
}
function kindPrefix(type) {
  return type.group ? `${type.kind.toLowerCase()}.${type.group}` : type.kind.toLowerCase();
}
function rfc1123z(timestamp) {
  if (!timestamp) return "<unset>";
  const d = new Date(Date.parse(timestamp));
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const p = (n) => String(n).padStart(2, "0");
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

// src/engine/kubectl/printers/jsonpath.ts
function parsePath(expr) {
  const steps = [];
  let rest = expr.trim();
  if (rest.startsWith("$")) rest = rest.slice(1);
  while (rest.length > 0) {
    let m;
    if (m = rest.match(/^\.([A-Za-z0-9_\-/]+)/)) {
      steps.push({ kind: "key", key: m[1] });
    } else if (m = rest.match(/^\[\*\]/)) {
      steps.push({ kind: "all" });
    } else if (m = rest.match(/^\[(-?\d+)\]/)) {
      steps.push({ kind: "index", index: Number(m[1]) });
    } else if (m = rest.match(/^\[['"]([^'"]*)['"]\]/)) {
      steps.push({ kind: "key", key: m[1] });
    } else if (rest === ".") {
      break;
    } else {
      throw new Error(`unrecognized character in action: ${rest}`);
    }
    rest = rest.slice(m[0].length);
  }
  return steps;
}
function evaluatePath(root, expr) {
  let current = [root];
  for (const step of parsePath(expr)) {
    const next = [];
    for (const v of current) {
      if (step.kind === "key") {
        if (v && typeof v === "object" && !Array.isArray(v) && step.key in v) next.push(v[step.key]);
      } else if (step.kind === "index") {
        if (Array.isArray(v)) {
          const i = step.index < 0 ? v.length + step.index : step.index;
          if (i >= 0 && i < v.length) next.push(v[i]);
        }
      } else if (Array.isArray(v)) next.push(...v);
      else if (v && typeof v === "object") next.push(...Object.values(v));
    }
    current = next;
  }
  return current;
}
function show(v) {
  if (v === null || v === void 0) return "";
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}
function parseTemplate(template) {
  const root = [];
  const stack = [{ body: root }];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf("{", i);
    const top = stack[stack.length - 1];
    if (open < 0) {
      top.body.push({ kind: "text", text: template.slice(i) });
      break;
    }
    if (open > i) top.body.push({ kind: "text", text: template.slice(i, open) });
    const close = template.indexOf("}", open);
    if (close < 0) throw new Error("unclosed action");
    const inner = template.slice(open + 1, close).trim();
    if (inner.startsWith("range ")) {
      const node = { kind: "range", expr: inner.slice(6), body: [] };
      top.body.push(node);
      stack.push(node);
    } else if (inner === "end") {
      if (stack.length === 1) throw new Error("not in range, nothing to end");
      stack.pop();
    } else if (/^".*"$/.test(inner) || /^'.*'$/.test(inner)) {
      top.body.push({ kind: "text", text: JSON.parse(`"${inner.slice(1, -1).replace(/"/g, '\\"')}"`) });
    } else top.body.push({ kind: "expr", expr: inner });
    i = close + 1;
  }
  return root;
}
function render(nodes, data) {
  let out = "";
  for (const n of nodes) {
    if (n.kind === "text") out += n.text;
    else if (n.kind === "expr") out += evaluatePath(data, n.expr).map(show).join(" ");
    else for (const item of evaluatePath(data, n.expr)) out += render(n.body, item);
  }
  return out;
}
function renderJsonPath(template, data) {
  const t = template.includes("{") ? template : `{${template}}`;
  return render(parseTemplate(t), data);
}

// src/engine/kubectl/printers/tableDef.ts
function cols(names, wideNames = "") {
  const list = (s2) => s2 ? s2.split("|") : [];
  return [...list(names).map((header) => ({ header })), ...list(wideNames).map((header) => ({ header, wide: true }))];
}

// src/engine/kubectl/printers/cluster.ts
var namespaceTable = {
  columns: cols("Name|Status|Age"),
  row(obj, { nowMs }) {
    const ns = obj;
    return [ns.metadata.name, ns.status?.phase ?? "", since(ns.metadata.creationTimestamp, nowMs)];
  }
};
var configMapTable = {
  columns: cols("Name|Data|Age"),
  row(obj, { nowMs }) {
    const cm = obj;
    const count = Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length;
    return [cm.metadata.name, String(count), since(cm.metadata.creationTimestamp, nowMs)];
  }
};
var secretTable = {
  columns: cols("Name|Type|Data|Age"),
  row(obj, { nowMs }) {
    const s2 = obj;
    return [s2.metadata.name, s2.type ?? "Opaque", String(Object.keys(s2.data ?? {}).length), since(s2.metadata.creationTimestamp, nowMs)];
  }
};
var serviceAccountTable = {
  columns: cols("Name|Secrets|Age"),
  row(obj, { nowMs }) {
    const sa = obj;
    return [sa.metadata.name, String(sa.secrets?.length ?? 0), since(sa.metadata.creationTimestamp, nowMs)];
  }
};
var leaseTable = {
  columns: cols("Name|Holder|Age"),
  row(obj, { nowMs }) {
    const l = obj;
    return [l.metadata.name, l.spec?.holderIdentity ?? "", since(l.metadata.creationTimestamp, nowMs)];
  }
};
function eventSource(e) {
  const component = e.source?.component || e.reportingComponent || "";
  const host = e.source?.host || e.reportingInstance || "";
  return host ? `${component}, ${host}` : component;
}
var eventTable = {
  columns: [
    { header: "Last Seen" },
    { header: "Type" },
    { header: "Reason" },
    { header: "Object" },
    { header: "Subobject", wide: true },
    { header: "Source", wide: true },
    { header: "Message" },
    { header: "First Seen", wide: true },
    { header: "Count", wide: true },
    { header: "Name", wide: true }
  ],
  row(obj, { nowMs }) {
    const e = obj;
    const first = e.firstTimestamp ? since(e.firstTimestamp, nowMs) : since(e.eventTime, nowMs);
    let last = e.lastTimestamp ? since(e.lastTimestamp, nowMs) : first;
    let count = e.count ?? 0;
    if (e.series) {
      last = since(e.series.lastObservedTime, nowMs);
      count = e.series.count ?? count;
    } else if (count === 0) count = 1;
    const inv = e.involvedObject;
    const target = inv.name ? `${(inv.kind ?? "").toLowerCase()}/${inv.name}` : (inv.kind ?? "").toLowerCase();
    return [last, e.type ?? "", e.reason ?? "", target, inv.fieldPath ?? "", eventSource(e), (e.message ?? "").trim(), first, String(count), e.metadata.name];
  }
};
var ACCESS_MODES2 = { ReadWriteOnce: "RWO", ReadOnlyMany: "ROX", ReadWriteMany: "RWX", ReadWriteOncePod: "RWOP" };
function accessModes(modes) {
  return (modes ?? []).map((m) => ACCESS_MODES2[m] ?? m).join(",");
}
var persistentVolumeTable = {
  columns: cols("Name|Capacity|Access Modes|Reclaim Policy|Status|Claim|StorageClass|VolumeAttributesClass|Reason|Age", "VolumeMode"),
  row(obj, { nowMs }) {
    const pv = obj;
    const claim = pv.spec?.claimRef ? `${pv.spec.claimRef.namespace ?? ""}/${pv.spec.claimRef.name ?? ""}` : "";
    return [
      pv.metadata.name,
      String(pv.spec?.capacity?.storage ?? ""),
      accessModes(pv.spec?.accessModes),
      pv.spec?.persistentVolumeReclaimPolicy ?? "",
      pv.metadata.deletionTimestamp ? "Terminating" : pv.status?.phase ?? "",
      claim,
      pv.spec?.storageClassName ?? "",
      pv.spec?.volumeAttributesClassName ?? "<unset>",
      pv.status?.reason ?? "",
      since(pv.metadata.creationTimestamp, nowMs),
      pv.spec?.volumeMode ?? "<unset>"
    ];
  }
};
var persistentVolumeClaimTable = {
  columns: cols("Name|Status|Volume|Capacity|Access Modes|StorageClass|VolumeAttributesClass|Age", "VolumeMode"),
  row(obj, { nowMs }) {
    const pvc = obj;
    const bound = !!pvc.spec?.volumeName;
    return [
      pvc.metadata.name,
      pvc.metadata.deletionTimestamp ? "Terminating" : pvc.status?.phase ?? "",
      pvc.spec?.volumeName ?? "",
      bound ? String(pvc.status?.capacity?.storage ?? "") : "",
      bound ? accessModes(pvc.status?.accessModes) : "",
      pvc.spec?.storageClassName ?? "",
      pvc.spec?.volumeAttributesClassName ?? "<unset>",
      since(pvc.metadata.creationTimestamp, nowMs),
      pvc.spec?.volumeMode ?? "<unset>"
    ];
  }
};
var storageClassTable = {
  columns: cols("Name|Provisioner|ReclaimPolicy|VolumeBindingMode|AllowVolumeExpansion|Age"),
  row(obj, { nowMs }) {
    const sc = obj;
    const isDefault = sc.metadata.annotations?.["storageclass.kubernetes.io/is-default-class"] === "true";
    return [
      sc.metadata.name + (isDefault ? " (default)" : ""),
      sc.provisioner,
      sc.reclaimPolicy ?? "Delete",
      sc.volumeBindingMode ?? "Immediate",
      sc.allowVolumeExpansion ? "true" : "false",
      since(sc.metadata.creationTimestamp, nowMs)
    ];
  }
};
var podDisruptionBudgetTable = {
  columns: cols("Name|Min Available|Max Unavailable|Allowed Disruptions|Age"),
  row(obj, { nowMs }) {
    const pdb = obj;
    return [
      pdb.metadata.name,
      pdb.spec?.minAvailable !== void 0 ? String(pdb.spec.minAvailable) : "N/A",
      pdb.spec?.maxUnavailable !== void 0 ? String(pdb.spec.maxUnavailable) : "N/A",
      String(pdb.status?.disruptionsAllowed ?? 0),
      since(pdb.metadata.creationTimestamp, nowMs)
    ];
  }
};
var priorityClassTable = {
  columns: cols("Name|Value|Global-Default|Age|PreemptionPolicy"),
  row(obj, { nowMs }) {
    const pc = obj;
    return [pc.metadata.name, String(pc.value), pc.globalDefault ? "true" : "false", since(pc.metadata.creationTimestamp, nowMs), pc.preemptionPolicy ?? "PreemptLowerPriority"];
  }
};
var networkPolicyTable = {
  columns: cols("Name|Pod-Selector|Age"),
  row(obj, { nowMs }) {
    const np = obj;
    return [np.metadata.name, formatLabelSelector(np.spec?.podSelector), since(np.metadata.creationTimestamp, nowMs)];
  }
};
var roleBindingTable = {
  columns: cols("Name|Role|Age", "Users|Groups|ServiceAccounts"),
  row(obj, { nowMs }) {
    const rb = obj;
    const subjects = rb.subjects ?? [];
    const of = (kind) => subjects.filter((s2) => s2.kind === kind);
    return [
      rb.metadata.name,
      `${rb.roleRef.kind}/${rb.roleRef.name}`,
      since(rb.metadata.creationTimestamp, nowMs),
      of("User").map((s2) => s2.name).join(", "),
      of("Group").map((s2) => s2.name).join(", "),
      of("ServiceAccount").map((s2) => `${s2.namespace ?? ""}:${s2.name}`).join(", ")
    ];
  }
};
var resourceQuotaTable = {
  columns: cols("Name|Age|Request|Limit"),
  row(obj, { nowMs }) {
    const q = obj;
    const hard = q.status?.hard ?? {};
    const used = q.status?.used ?? {};
    const requests = [];
    const limits = [];
    for (const name of Object.keys(hard).sort()) {
      const text = `${name}: ${String(used[name] ?? "0")}/${String(hard[name])}`;
      if (name.startsWith("limits.")) limits.push(text);
      else requests.push(text);
    }
    return [q.metadata.name, since(q.metadata.creationTimestamp, nowMs), requests.join(", "), limits.join(", ")];
  }
};
var defaultTable = {
  columns: cols("Name|Created At"),
  row(obj) {
    return [obj.metadata.name, obj.metadata.creationTimestamp];
  }
};

// src/engine/kubectl/printers/networking.ts
function serviceExternalIp(svc) {
  const spec = svc.spec ?? {};
  const externalIPs = spec.externalIPs ?? [];
  switch (spec.type ?? "ClusterIP") {
    case "ClusterIP":
    case "NodePort":
      return externalIPs.length > 0 ? externalIPs.join(",") : "<none>";
    case "LoadBalancer": {
      const lb = (svc.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || "").filter((s2) => s2 !== "");
      const all2 = [...new Set(lb), ...externalIPs];
      return all2.length > 0 ? all2.join(",") : "<pending>";
    }
    case "ExternalName":
      return spec.externalName ?? "";
    default:
      return "<unknown>";
  }
}
function servicePorts(svc) {
  const s2 = (svc.spec?.ports ?? []).map((p) => p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? "TCP"}` : `${p.port}/${p.protocol ?? "TCP"}`).join(",");
  return s2 || "<none>";
}
var serviceTable = {
  columns: cols("Name|Type|Cluster-IP|External-IP|Port(s)|Age", "Selector"),
  row(obj, { nowMs }) {
    const svc = obj;
    return [
      svc.metadata.name,
      svc.spec?.type ?? "ClusterIP",
      svc.spec?.clusterIPs?.[0] ?? svc.spec?.clusterIP ?? "<none>",
      serviceExternalIp(svc),
      servicePorts(svc),
      since(svc.metadata.creationTimestamp, nowMs),
      formatLabels(svc.spec?.selector)
    ];
  }
};
function formatEndpoints(ep) {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return "<none>";
  const max = 3;
  const list = [];
  let more = false;
  let count = 0;
  for (const ss of subsets) {
    const addresses = ss.addresses ?? [];
    const ports = ss.ports && ss.ports.length > 0 ? ss.ports : [void 0];
    for (const port of ports) {
      count += addresses.length;
      for (const addr of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(port ? `${addr.ip}:${port.port}` : addr.ip);
      }
    }
  }
  const ret = list.join(",");
  if (more) return `${ret} + ${count - max} more...`;
  return ret;
}
var endpointsTable = {
  columns: cols("Name|Endpoints|Age"),
  row(obj, { nowMs }) {
    const ep = obj;
    return [ep.metadata.name, formatEndpoints(ep), since(ep.metadata.creationTimestamp, nowMs)];
  }
};
function listWithMore(list, more, count, max) {
  const ret = list.join(",");
  if (more) return `${ret} + ${count - max} more...`;
  return ret === "" ? "<unset>" : ret;
}
var endpointSliceTable = {
  columns: cols("Name|AddressType|Ports|Endpoints|Age"),
  row(obj, { nowMs }) {
    const eps = obj;
    const max = 3;
    const ports = [];
    let morePorts = false;
    for (const p of eps.ports ?? []) {
      if (ports.length < max) ports.push(p.port !== void 0 ? String(p.port) : p.name ?? "*");
      else morePorts = true;
    }
    const addrs = [];
    let moreAddrs = false;
    let addrCount = 0;
    for (const e of eps.endpoints ?? []) {
      for (const a of e.addresses) {
        if (addrs.length < max) addrs.push(a);
        else moreAddrs = true;
        addrCount++;
      }
    }
    return [
      eps.metadata.name,
      eps.addressType,
      listWithMore(ports, morePorts, eps.ports?.length ?? 0, max),
      listWithMore(addrs, moreAddrs, addrCount, max),
      since(eps.metadata.creationTimestamp, nowMs)
    ];
  }
};
var ingressTable = {
  columns: cols("Name|Class|Hosts|Address|Ports|Age"),
  row(obj, { nowMs }) {
    const ing = obj;
    const rules = ing.spec?.rules ?? [];
    const hosts = rules.map((r2) => r2.host).filter((h) => !!h);
    let hostCell = hosts.length === 0 ? "*" : hosts.slice(0, 3).join(",");
    if (rules.length > 3 && hosts.length > 0) hostCell += ` + ${rules.length - 3} more...`;
    const address = [...new Set((ing.status?.loadBalancer?.ingress ?? []).map((i) => i.ip || i.hostname || "").filter((s2) => s2))].join(",");
    return [
      ing.metadata.name,
      ing.spec?.ingressClassName ?? "<none>",
      hostCell,
      address,
      (ing.spec?.tls?.length ?? 0) > 0 ? "80, 443" : "80",
      since(ing.metadata.creationTimestamp, nowMs)
    ];
  }
};

// src/engine/kubectl/printers/nodes.ts
var ROLE_PREFIX = "node-role.kubernetes.io/";
function nodeRoles(node) {
  const roles = /* @__PURE__ */ new Set();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX) && k.length > ROLE_PREFIX.length) roles.add(k.slice(ROLE_PREFIX.length));
    else if (k === "kubernetes.io/role" && v !== "") roles.add(v);
  }
  return [...roles].sort();
}
function nodeStatus(node) {
  const status = [];
  const ready = node.status?.conditions?.find((c2) => c2.type === "Ready");
  if (ready) status.push(ready.status === "True" ? "Ready" : "NotReady");
  if (status.length === 0) status.push("Unknown");
  if (node.spec?.unschedulable) status.push("SchedulingDisabled");
  return status.join(",");
}
var nodeTable = {
  columns: cols("Name|Status|Roles|Age|Version", "Internal-IP|External-IP|OS-Image|Kernel-Version|Container-Runtime"),
  row(obj, { nowMs }) {
    const node = obj;
    const info = node.status?.nodeInfo;
    const address = (type) => node.status?.addresses?.find((a) => a.type === type)?.address ?? "<none>";
    const roles = nodeRoles(node);
    return [
      node.metadata.name,
      nodeStatus(node),
      roles.length > 0 ? roles.join(",") : "<none>",
      since(node.metadata.creationTimestamp, nowMs),
      info?.kubeletVersion ?? "",
      address("InternalIP"),
      address("ExternalIP"),
      info?.osImage || "<unknown>",
      info?.kernelVersion || "<unknown>",
      info?.containerRuntimeVersion || "<unknown>"
    ];
  }
};

// src/engine/kubectl/printers/podStatus.ts
var NODE_UNREACHABLE_POD_REASON = "NodeLost";
function isRestartableInit(c2) {
  return c2?.restartPolicy === "Always";
}
function later(a, b) {
  if (!a) return b;
  if (!b) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}
function podCells(pod, nowMs) {
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  let restarts = 0;
  let sidecarRestarts = 0;
  let totalContainers = spec.containers.length;
  let readyContainers = 0;
  let lastRestart;
  let lastSidecarRestart;
  const phase = status.phase ?? "";
  let reason = status.reason || phase;
  for (const c2 of status.conditions ?? []) {
    if (c2.type === "PodScheduled" && c2.reason === "SchedulingGated") reason = "SchedulingGated";
  }
  const initSpecs = /* @__PURE__ */ new Map();
  for (const c2 of spec.initContainers ?? []) {
    initSpecs.set(c2.name, c2);
    if (isRestartableInit(c2)) totalContainers++;
  }
  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c2 = initStatuses[i];
    restarts += c2.restartCount ?? 0;
    const finished = c2.lastState?.terminated?.finishedAt;
    lastRestart = later(lastRestart, finished);
    const sidecar = isRestartableInit(initSpecs.get(c2.name));
    if (sidecar) {
      sidecarRestarts += c2.restartCount ?? 0;
      lastSidecarRestart = later(lastSidecarRestart, finished);
    }
    const terminated = c2.state?.terminated;
    const waiting = c2.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (sidecar && c2.started) {
      if (c2.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      if (!terminated.reason) {
        reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`;
      } else reason = `Init:${terminated.reason}`;
    } else if (waiting?.reason && waiting.reason !== "PodInitializing") {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${spec.initContainers?.length ?? 0}`;
    }
    initializing = true;
    break;
  }
  const initialized = (status.conditions ?? []).some((c2) => c2.type === "Initialized" && c2.status === "True");
  if (!initializing || initialized) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c2 = statuses[i];
      restarts += c2.restartCount ?? 0;
      lastRestart = later(lastRestart, c2.lastState?.terminated?.finishedAt);
      const waiting = c2.state?.waiting;
      const terminated = c2.state?.terminated;
      if (waiting?.reason) reason = waiting.reason;
      else if (terminated?.reason) reason = terminated.reason;
      else if (terminated) reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      else if (c2.ready && c2.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === "Completed" && hasRunning) {
      const podReady = (status.conditions ?? []).some((c2) => c2.type === "Ready" && c2.status === "True");
      reason = podReady ? "Running" : "NotReady";
    }
  }
  const terminal = phase === "Succeeded" || phase === "Failed";
  if (pod.metadata?.deletionTimestamp && status.reason === NODE_UNREACHABLE_POD_REASON) reason = "Unknown";
  else if (pod.metadata?.deletionTimestamp && !terminal) reason = "Terminating";
  let restartsCell = String(restarts);
  if (restarts !== 0 && lastRestart) restartsCell = `${restarts} (${humanDuration(nowMs - Date.parse(lastRestart))} ago)`;
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsCell };
}

// src/engine/kubectl/printers/pods.ts
var podTable = {
  columns: cols("Name|Ready|Status|Restarts|Age", "IP|Node|Nominated Node|Readiness Gates"),
  row(obj, { nowMs }) {
    const pod = obj;
    const cells = podCells(pod, nowMs);
    let readinessGates = "<none>";
    const gates = pod.spec?.readinessGates ?? [];
    if (gates.length > 0) {
      const trueCount = gates.filter((g) => pod.status?.conditions?.find((c2) => c2.type === g.conditionType)?.status === "True").length;
      readinessGates = `${trueCount}/${gates.length}`;
    }
    return [
      pod.metadata.name,
      cells.ready,
      cells.status,
      cells.restarts,
      since(pod.metadata.creationTimestamp, nowMs),
      pod.status?.podIPs?.[0]?.ip || "<none>",
      pod.spec?.nodeName || "<none>",
      pod.status?.nominatedNodeName || "<none>",
      readinessGates
    ];
  }
};

// src/engine/kubectl/printers/workloads.ts
var deploymentTable = {
  columns: cols("Name|Ready|Up-to-date|Available|Age", "Containers|Images|Selector"),
  row(obj, { nowMs }) {
    const d = obj;
    const [names, images] = containerCells(d.spec?.template.spec?.containers);
    return [
      d.metadata.name,
      `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`,
      String(d.status?.updatedReplicas ?? 0),
      String(d.status?.availableReplicas ?? 0),
      since(d.metadata.creationTimestamp, nowMs),
      names,
      images,
      formatLabelSelector(d.spec?.selector, "")
    ];
  }
};
var replicaSetTable = {
  columns: cols("Name|Desired|Current|Ready|Age", "Containers|Images|Selector"),
  row(obj, { nowMs }) {
    const rs = obj;
    const [names, images] = containerCells(rs.spec?.template?.spec?.containers);
    return [
      rs.metadata.name,
      String(rs.spec?.replicas ?? 0),
      String(rs.status?.replicas ?? 0),
      String(rs.status?.readyReplicas ?? 0),
      since(rs.metadata.creationTimestamp, nowMs),
      names,
      images,
      formatLabelSelector(rs.spec?.selector)
    ];
  }
};
var statefulSetTable = {
  columns: cols("Name|Ready|Age", "Containers|Images"),
  row(obj, { nowMs }) {
    const s2 = obj;
    const [names, images] = containerCells(s2.spec?.template.spec?.containers);
    return [s2.metadata.name, `${s2.status?.readyReplicas ?? 0}/${s2.spec?.replicas ?? 0}`, since(s2.metadata.creationTimestamp, nowMs), names, images];
  }
};
var daemonSetTable = {
  columns: cols("Name|Desired|Current|Ready|Up-to-date|Available|Node Selector|Age", "Containers|Images|Selector"),
  row(obj, { nowMs }) {
    const ds = obj;
    const st = ds.status;
    const [names, images] = containerCells(ds.spec?.template.spec?.containers);
    return [
      ds.metadata.name,
      String(st?.desiredNumberScheduled ?? 0),
      String(st?.currentNumberScheduled ?? 0),
      String(st?.numberReady ?? 0),
      String(st?.updatedNumberScheduled ?? 0),
      String(st?.numberAvailable ?? 0),
      formatLabels(ds.spec?.template.spec?.nodeSelector),
      since(ds.metadata.creationTimestamp, nowMs),
      names,
      images,
      formatLabelSelector(ds.spec?.selector)
    ];
  }
};
function hasJobCondition(conditions2, type) {
  const c2 = conditions2?.find((x) => x.type === type);
  return c2?.status === "True";
}
var jobTable = {
  columns: cols("Name|Status|Completions|Duration|Age", "Containers|Images|Selector"),
  row(obj, { nowMs }) {
    const job = obj;
    const succeeded = job.status?.succeeded ?? 0;
    let completions;
    if (job.spec?.completions !== void 0) completions = `${succeeded}/${job.spec.completions}`;
    else {
      const parallelism = job.spec?.parallelism ?? 0;
      completions = parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
    }
    const start = job.status?.startTime;
    const end = job.status?.completionTime;
    const duration = !start ? "" : !end ? humanDuration(nowMs - Date.parse(start)) : humanDuration(Date.parse(end) - Date.parse(start));
    const conds = job.status?.conditions;
    const status = hasJobCondition(conds, "Complete") ? "Complete" : hasJobCondition(conds, "Failed") ? "Failed" : job.metadata.deletionTimestamp ? "Terminating" : hasJobCondition(conds, "Suspended") ? "Suspended" : hasJobCondition(conds, "FailureTarget") ? "FailureTarget" : "Running";
    const [names, images] = containerCells(job.spec?.template.spec?.containers);
    return [job.metadata.name, status, completions, duration, since(job.metadata.creationTimestamp, nowMs), names, images, formatLabelSelector(job.spec?.selector)];
  }
};
var cronJobTable = {
  columns: cols("Name|Schedule|Timezone|Suspend|Active|Last Schedule|Age", "Containers|Images|Selector"),
  row(obj, { nowMs }) {
    const cj = obj;
    const [names, images] = containerCells(cj.spec?.jobTemplate.spec?.template.spec?.containers);
    const suspend = cj.spec?.suspend === void 0 ? "<unset>" : cj.spec.suspend ? "True" : "False";
    return [
      cj.metadata.name,
      cj.spec?.schedule ?? "",
      cj.spec?.timeZone ?? "<none>",
      suspend,
      String(cj.status?.active?.length ?? 0),
      cj.status?.lastScheduleTime ? since(cj.status.lastScheduleTime, nowMs) : "<none>",
      since(cj.metadata.creationTimestamp, nowMs),
      names,
      images,
      formatLabelSelector(cj.spec?.jobTemplate.spec?.selector)
    ];
  }
};
function quantityText(v) {
  return v === void 0 || v === null ? "<unknown>" : String(v);
}
function formatHpaMetrics(specs, statuses) {
  if (!specs || specs.length === 0) return "<none>";
  const list = [];
  specs.forEach((spec, i) => {
    const st = statuses?.[i];
    switch (spec.type) {
      case "Resource": {
        const r2 = spec.resource;
        if (r2.target.averageValue !== void 0) {
          const current = st?.resource ? quantityText(st.resource.current.averageValue) : "<unknown>";
          list.push(`${r2.name}: ${current}/${quantityText(r2.target.averageValue)}`);
        } else {
          const current = st?.resource?.current.averageUtilization !== void 0 ? `${st.resource.current.averageUtilization}%` : "<unknown>";
          const target = r2.target.averageUtilization !== void 0 ? `${r2.target.averageUtilization}%` : "<auto>";
          list.push(`${r2.name}: ${current}/${target}`);
        }
        break;
      }
      case "ContainerResource": {
        const r2 = spec.containerResource;
        const current = st?.containerResource?.current.averageUtilization !== void 0 ? `${st.containerResource.current.averageUtilization}%` : "<unknown>";
        const target = r2.target.averageUtilization !== void 0 ? `${r2.target.averageUtilization}%` : "<auto>";
        list.push(`${r2.name}: ${current}/${target}`);
        break;
      }
      case "Pods": {
        const current = st?.pods ? quantityText(st.pods.current.averageValue) : "<unknown>";
        list.push(`${current}/${quantityText(spec.pods?.target.averageValue)}`);
        break;
      }
      default:
        list.push("<unknown type>");
    }
  });
  const max = 2;
  if (list.length > max) return `${list.slice(0, max).join(", ")} + ${list.length - max} more...`;
  return list.join(", ");
}
var hpaTable = {
  columns: cols("Name|Reference|Targets|MinPods|MaxPods|Replicas|Age"),
  row(obj, { nowMs }) {
    const hpa = obj;
    const spec = hpa.spec;
    return [
      hpa.metadata.name,
      `${spec?.scaleTargetRef.kind ?? ""}/${spec?.scaleTargetRef.name ?? ""}`,
      formatHpaMetrics(spec?.metrics, hpa.status?.currentMetrics),
      spec?.minReplicas !== void 0 ? String(spec.minReplicas) : "<unset>",
      String(spec?.maxReplicas ?? 0),
      String(hpa.status?.currentReplicas ?? 0),
      since(hpa.metadata.creationTimestamp, nowMs)
    ];
  }
};

// src/engine/kubectl/printers/registry.ts
var TABLES = {
  Pod: podTable,
  Node: nodeTable,
  Namespace: namespaceTable,
  Service: serviceTable,
  Endpoints: endpointsTable,
  EndpointSlice: endpointSliceTable,
  Ingress: ingressTable,
  Event: eventTable,
  ConfigMap: configMapTable,
  Secret: secretTable,
  ServiceAccount: serviceAccountTable,
  PersistentVolume: persistentVolumeTable,
  PersistentVolumeClaim: persistentVolumeClaimTable,
  ResourceQuota: resourceQuotaTable,
  Deployment: deploymentTable,
  ReplicaSet: replicaSetTable,
  StatefulSet: statefulSetTable,
  DaemonSet: daemonSetTable,
  Job: jobTable,
  CronJob: cronJobTable,
  HorizontalPodAutoscaler: hpaTable,
  Lease: leaseTable,
  NetworkPolicy: networkPolicyTable,
  StorageClass: storageClassTable,
  PodDisruptionBudget: podDisruptionBudgetTable,
  PriorityClass: priorityClassTable,
  RoleBinding: roleBindingTable,
  ClusterRoleBinding: roleBindingTable
};
function tableFor(kind) {
  return TABLES[kind] ?? defaultTable;
}

// src/engine/kubectl/printers/serialize.ts
import YAML from "yaml";
function sortKeysDeep(value) {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value && typeof value === "object") {
    const out = {};
    for (const key of Object.keys(value).sort()) {
      const v = value[key];
      if (v !== void 0) out[key] = sortKeysDeep(v);
    }
    return out;
  }
  return value;
}
function toYaml(value) {
  return YAML.stringify(sortKeysDeep(value), { version: "1.1", indentSeq: false, lineWidth: 0, minContentWidth: 0 });
}
function toJson(value) {
  const text = JSON.stringify(sortKeysDeep(value), null, 4);
  return text.replace(/[<>&\u2028\u2029]/g, (ch) => "\\u" + ch.charCodeAt(0).toString(16).padStart(4, "0")) + "\n";
}
function asList(items) {
  return { apiVersion: "v1", items, kind: "List", metadata: { resourceVersion: "" } };
}

// src/engine/kubectl/printers/tabwriter.ts
var TABLE_TABWRITER = { minWidth: 6, padding: 3 };
var DESCRIBE_TABWRITER = { minWidth: 0, padding: 2 };
function runeLength(text) {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
function alignTabs(text, opts) {
  const lines = text.split("\n").map((line) => line.split("	"));
  const out = new Array(lines.length);
  const widths = [];
  const writeLines = (from, to) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i];
      let s2 = "";
      for (let j = 0; j < cells.length; j++) {
        const cell = cells[j];
        s2 += cell;
        if (j < widths.length) s2 += " ".repeat(Math.max(0, widths[j] - runeLength(cell)));
      }
      out[i] = s2;
    }
  };
  const format = (line0, line1) => {
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t].length - 1) continue;
      writeLines(line0, t);
      line0 = t;
      let width = opts.minWidth;
      for (; t < line1; t++) {
        const cells = lines[t];
        if (column >= cells.length - 1) break;
        const w = runeLength(cells[column]) + opts.padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(line0, t);
      widths.pop();
      line0 = t;
    }
    writeLines(line0, line1);
  };
  format(0, lines.length);
  return out.join("\n");
}

// src/engine/kubectl/printers/table.ts
function renderTable(headers, rows) {
  let text = "";
  if (headers) text += headers.join("	") + "\n";
  for (const row of rows) text += row.join("	") + "\n";
  return alignTabs(text, TABLE_TABWRITER);
}

// src/engine/kubectl/printers/output.ts
var ALLOWED = "custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml";
function parseOutputFormat(value) {
  if (value === void 0 || value === "") return { kind: "table", wide: false };
  if (value === "wide") return { kind: "table", wide: true };
  if (value === "name") return { kind: "name" };
  if (value === "yaml") return { kind: "yaml" };
  if (value === "json") return { kind: "json" };
  const m = value.match(/^jsonpath=(.*)$/s);
  if (m) return { kind: "jsonpath", template: m[1] };
  throw new KubectlError(`error: unable to match a printer suitable for the output format "${value}", allowed formats are: ${ALLOWED}`);
}
function printTable(type, objects, opts) {
  const def = tableFor(type.kind);
  const keep = def.columns.map((c2) => opts.wide || !c2.wide);
  const headers = def.columns.filter((_, i) => keep[i]).map((c2) => c2.header);
  const withNamespace2 = opts.withNamespace && type.namespaced;
  if (withNamespace2) headers.unshift("Namespace");
  for (const key of opts.labelColumns) headers.push(key.slice(key.lastIndexOf("/") + 1));
  if (opts.showLabels) headers.push("Labels");
  const prefix = kindPrefix(type);
  const rows = objects.map((obj) => {
    const cells = def.row(obj, { nowMs: opts.nowMs }).filter((_, i) => keep[i]);
    if (opts.withKind) cells[0] = `${prefix}/${cells[0]}`;
    if (withNamespace2) cells.unshift(obj.metadata.namespace ?? "");
    for (const key of opts.labelColumns) cells.push(obj.metadata.labels?.[key] ?? "");
    if (opts.showLabels) cells.push(formatLabels(obj.metadata.labels));
    return cells;
  });
  return renderTable(opts.noHeaders ? null : headers.map((h) => h.toUpperCase()), rows);
}
function printNames(type, objects) {
  const prefix = kindPrefix(type);
  return objects.map((o) => `${prefix}/${o.metadata.name}
`).join("");
}
function printStructured(format, objects, single) {
  const data = single && objects.length === 1 ? objects[0] : asList([...objects]);
  switch (format.kind) {
    case "yaml":
      return toYaml(data);
    case "json":
      return toJson(data);
    case "jsonpath":
      try {
        return renderJsonPath(format.template, data);
      } catch (e) {
        throw new KubectlError(`error: error parsing jsonpath ${format.template}, ${e.message}`);
      }
    default:
      return "";
  }
}
function sortByPath(objects, path) {
  const expr = path.replace(/^\{(.*)\}$/, "$1");
  const keyOf2 = (o) => evaluatePath(o, expr)[0];
  return [...objects].sort((a, b) => {
    const ka = keyOf2(a);
    const kb = keyOf2(b);
    if (ka === void 0 && kb === void 0) return 0;
    if (ka === void 0) return -1;
    if (kb === void 0) return 1;
    if (typeof ka === "number" && typeof kb === "number") return ka - kb;
    const sa = String(ka);
    const sb = String(kb);
    const na = Number(sa);
    const nb = Number(sb);
    if (sa !== "" && sb !== "" && !Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  });
}

// src/engine/kubectl/commands/emit.ts
function createAndReport(ctx, obj, verb = "created") {
  const dryRun = ctx.dryRun;
  const result = dryRun === "client" ? obj : ctx.api.create(obj, { dryRun: dryRun === "server" });
  reportObject(ctx, result, verb);
  return 0;
}
function reportObject(ctx, obj, verb) {
  const format = parseOutputFormat(ctx.flags.string("output"));
  const type = resourceForKind(obj.kind);
  const name = `${type ? kindPrefix(type) : obj.kind.toLowerCase()}/${obj.metadata.name ?? ""}`;
  if (format.kind === "table") ctx.out(`${name} ${verb}${ctx.dryRunSuffix}`);
  else if (format.kind === "name") ctx.out(name);
  else ctx.write(printStructured(format, [obj], true));
}

// src/engine/kubectl/commands/create.ts
function containerNameFromImage(image2) {
  let base = image2.slice(image2.lastIndexOf("/") + 1);
  base = base.split("@")[0].split(":")[0];
  return base.toLowerCase().replace(/[^a-z0-9-]/g, "-");
}
function literals(ctx) {
  const data = {};
  for (const lit of ctx.flags.all("from-literal")) {
    const eq = lit.indexOf("=");
    if (eq <= 0) throw new KubectlError(`error: invalid literal source ${lit}, expected key=value`);
    const key = lit.slice(0, eq);
    if (key in data) throw new KubectlError(`error: cannot add key ${key}, another key by that name already exists in Data for ConfigMap "${ctx.operands[1] ?? ""}"`);
    data[key] = lit.slice(eq + 1);
  }
  return data;
}
function base64(text) {
  const bytes = new TextEncoder().encode(text);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}
function requireName(ctx, index) {
  const name = ctx.operands[index];
  if (!name) throw new KubectlError("error: exactly one NAME is required, got 0");
  return name;
}
function runCreate(ctx) {
  if (ctx.flags.has("filename")) return runApplyFiles(ctx, "create");
  const sub = ctx.operands[0];
  switch (sub) {
    case "deployment":
    case "deploy": {
      const name = requireName(ctx, 1);
      const image2 = ctx.flags.string("image");
      if (!image2) throw new KubectlError('error: required flag(s) "image" not set');
      const replicas = ctx.flags.int("replicas") ?? 1;
      const port = ctx.flags.int("port");
      const labels = { app: name };
      const container = { image: image2, name: containerNameFromImage(image2), resources: {} };
      if (port !== void 0 && port >= 0) container.ports = [{ containerPort: port }];
      const deployment = {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { creationTimestamp: null, labels, name, ...ctx.namespaceExplicit ? { namespace: ctx.namespace } : {} },
        spec: {
          replicas,
          selector: { matchLabels: labels },
          strategy: {},
          template: { metadata: { creationTimestamp: null, labels }, spec: { containers: [container] } }
        },
        status: {}
      };
      return createAndReport(ctx, withNamespace(ctx, deployment));
    }
    case "namespace":
    case "ns": {
      const name = requireName(ctx, 1);
      return createAndReport(ctx, { apiVersion: "v1", kind: "Namespace", metadata: { creationTimestamp: null, name }, spec: {}, status: {} });
    }
    case "configmap":
    case "cm": {
      const name = requireName(ctx, 1);
      const data = literals(ctx);
      const cm = { apiVersion: "v1", kind: "ConfigMap", metadata: { creationTimestamp: null, name } };
      if (Object.keys(data).length > 0) cm.data = data;
      return createAndReport(ctx, withNamespace(ctx, cm));
    }
    case "secret": {
      if (ctx.operands[1] !== "generic") {
        throw new KubectlError(`error: the playground supports \`kubectl create secret generic NAME --from-literal=key=value\``);
      }
      const name = requireName(ctx, 2);
      const data = Object.fromEntries(Object.entries(literals(ctx)).map(([k, v]) => [k, base64(v)]));
      const secret = { apiVersion: "v1", kind: "Secret", metadata: { creationTimestamp: null, name }, type: "Opaque" };
      if (Object.keys(data).length > 0) secret.data = data;
      return createAndReport(ctx, withNamespace(ctx, secret));
    }
    case void 0:
      throw new KubectlError("error: must specify one of -f and -k");
    default:
      throw new KubectlError(
        `error: unknown command "${sub}" for "kubectl create"
(the playground supports: create -f FILE, create deployment, create namespace, create configmap, create secret generic)`
      );
  }
}
function withNamespace(ctx, obj) {
  if (ctx.namespaceExplicit) obj.metadata = { ...obj.metadata, namespace: ctx.namespace };
  return obj;
}

// src/engine/kubectl/commands/delete.ts
import YAML2 from "yaml";

// src/engine/kubectl/fetch.ts
function byNamespaceAndName(a, b) {
  const na = a.metadata.namespace ?? "";
  const nb = b.metadata.namespace ?? "";
  if (na !== nb) return na < nb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}
function selectorFlag(ctx) {
  const text = ctx.flags.string("selector");
  if (text === void 0) return void 0;
  try {
    return parseSelector(text);
  } catch (e) {
    throw new KubectlError(`error: ${e.message}`);
  }
}
function namespaceFor(ctx, type) {
  return type.namespaced ? ctx.namespace : void 0;
}
function fetchTarget(ctx, target, opts = {}) {
  const { type } = target;
  const selector = selectorFlag(ctx);
  const all2 = opts.allowAllNamespaces !== false && ctx.allNamespaces;
  if (target.names.length > 0) {
    if (selector) throw new KubectlError("error: name cannot be provided when a selector is specified");
    const objects2 = [];
    const errors = [];
    for (const name of target.names) {
      const obj = ctx.api.get(type.kind, namespaceFor(ctx, type), name);
      if (obj) objects2.push(obj);
      else errors.push(notFound(qualifiedPlural(type), name).toKubectlMessage());
    }
    return { type, objects: objects2, errors };
  }
  const objects = ctx.api.list(type.kind, {
    ...type.namespaced && !all2 ? { namespace: ctx.namespace } : {},
    ...selector ? { selector } : {}
  }).slice().sort(byNamespaceAndName);
  return { type, objects, errors: [] };
}
function getOrThrow(ctx, type, name) {
  const obj = ctx.api.get(type.kind, namespaceFor(ctx, type), name);
  if (!obj) throw notFound(qualifiedPlural(type), name);
  return obj;
}
function noResourcesMessage(ctx, namespaced) {
  if (!namespaced || ctx.allNamespaces) return "No resources found";
  return `No resources found in ${ctx.namespace} namespace.`;
}

// src/engine/kubectl/targets.ts
var ALL_CATEGORY = ["Pod", "Service", "DaemonSet", "Deployment", "ReplicaSet", "StatefulSet", "HorizontalPodAutoscaler", "CronJob", "Job"];
function resolveType(word) {
  const t = resourceForAlias(word);
  if (!t) throw new KubectlError(`error: the server doesn't have a resource type "${word}"`);
  return t;
}
function expandTypes(word) {
  const out = [];
  for (const part of word.split(",")) {
    if (part === "") continue;
    if (part.toLowerCase() === "all") {
      for (const k of ALL_CATEGORY) out.push(resourceForKind(k));
    } else out.push(resolveType(part));
  }
  const seen2 = /* @__PURE__ */ new Set();
  return out.filter((t) => seen2.has(t.kind) ? false : (seen2.add(t.kind), true));
}
function resolveTargets(operands) {
  if (operands.length === 0) throw new KubectlError("error: you must specify the type of resource to get");
  if (operands[0].includes("/")) {
    const byKind = /* @__PURE__ */ new Map();
    for (const word of operands) {
      const slash = word.indexOf("/");
      if (slash < 0) {
        throw new KubectlError(
          `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`
        );
      }
      const type = resolveType(word.slice(0, slash));
      const name = word.slice(slash + 1);
      if (name === "") throw new KubectlError(`error: arguments in resource/name form must have a single resource and name`);
      const t = byKind.get(type.kind) ?? { type, names: [] };
      t.names.push(name);
      byKind.set(type.kind, t);
    }
    const targets = [...byKind.values()];
    return { targets, multipleTypes: targets.length > 1 };
  }
  const types = expandTypes(operands[0]);
  const names = operands.slice(1);
  for (const n of names) {
    if (n.includes("/")) {
      throw new KubectlError(
        `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`
      );
    }
  }
  const multipleTypes = types.length > 1 || operands[0].split(",").some((p) => p.toLowerCase() === "all");
  return { targets: types.map((type) => ({ type, names: [...names] })), multipleTypes };
}
function resolveSingle(operands, what) {
  if (operands.length === 0) throw new KubectlError(`error: required resource not specified`);
  const first = operands[0];
  if (first.includes("/")) {
    const slash = first.indexOf("/");
    return { type: resolveType(first.slice(0, slash)), name: first.slice(slash + 1) };
  }
  if (operands.length < 2) throw new KubectlError(`error: ${what}`);
  return { type: resolveType(first), name: operands[1] };
}

// src/engine/kubectl/commands/delete.ts
var FORCE_WARNING = "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.";
function deleteOptions(ctx) {
  let grace = ctx.flags.int("grace-period") ?? -1;
  const force = ctx.flags.bool("force");
  if (ctx.flags.bool("now")) grace = 1;
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  const cascade = ctx.flags.string("cascade") ?? "background";
  const policy = { background: "Background", foreground: "Foreground", orphan: "Orphan", true: "Background", false: "Orphan" }[cascade];
  if (!policy) throw new KubectlError(`error: invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan".`);
  const opts = { propagationPolicy: policy };
  if (grace >= 0) opts.gracePeriodSeconds = grace;
  if (ctx.dryRun === "server") opts.dryRun = true;
  return { opts, force: grace === 0 };
}
function targetsFromFiles(ctx) {
  const targets = [];
  for (const { text } of readManifests(ctx)) {
    for (const doc of YAML2.parseAllDocuments(text)) {
      const obj = doc.toJS();
      if (!obj || !obj.kind) continue;
      const type = resourceForKind(obj.kind);
      if (!type) throw new KubectlError(`error: resource mapping not found for kind "${obj.kind}": ensure CRDs are installed first`);
      targets.push({ type, names: [obj.metadata?.name ?? ""], ...type.namespaced && obj.metadata?.namespace ? { namespace: obj.metadata.namespace } : {} });
    }
  }
  return targets;
}
function runDelete(ctx) {
  const { opts, force } = deleteOptions(ctx);
  let targets;
  if (ctx.flags.has("filename")) targets = targetsFromFiles(ctx);
  else {
    if (ctx.operands.length === 0) {
      throw new KubectlError(`error: You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`);
    }
    targets = resolveTargets(ctx.operands).targets;
    const bySelection = ctx.flags.has("selector") || ctx.flags.bool("all");
    if (!bySelection && targets.every((t) => t.names.length === 0)) {
      throw new KubectlError("error: resource(s) were provided, but no name was specified");
    }
  }
  if (force) ctx.err(FORCE_WARNING);
  const verb = (force ? "force deleted" : "deleted") + ctx.dryRunSuffix;
  let found = 0;
  const errors = [];
  for (const target of targets) {
    const objects = target.names.length > 0 ? [] : fetchTarget(ctx, target).objects;
    for (const name of target.names) {
      const obj = ctx.api.get(target.type.kind, target.namespace ?? namespaceFor(ctx, target.type), name);
      if (obj) objects.push(obj);
      else errors.push(notFound(qualifiedPlural(target.type), name).toKubectlMessage());
    }
    for (const obj of objects) {
      if (ctx.dryRun !== "client") ctx.api.delete(obj.kind, obj.metadata.namespace, obj.metadata.name, opts);
      ctx.out(`${kindPrefix(target.type)} "${obj.metadata.name}" ${verb}`);
      found++;
    }
  }
  if (found === 0 && errors.length === 0) ctx.out("No resources found");
  for (const e of errors) ctx.err(e);
  return errors.length > 0 ? 1 : 0;
}

// src/engine/kubectl/describe/common.ts
var SKIPPED_ANNOTATIONS2 = /* @__PURE__ */ new Set(["kubectl.kubernetes.io/last-applied-configuration"]);
var MAX_ANNOTATION_LEN = 140;
function labelsMultiline(w, title, labels, initialIndent = "") {
  w.write(0, `${initialIndent}${title}:	`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.write(0, "<none>\n");
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, `${initialIndent}	`);
    w.write(0, `${key}=${labels[key]}
`);
  });
}
function annotationsMultiline(w, title, annotations) {
  w.write(0, `${title}:	`);
  const keys = Object.keys(annotations ?? {}).filter((k) => !SKIPPED_ANNOTATIONS2.has(k)).sort();
  if (keys.length === 0) {
    w.write(0, "<none>\n");
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, "	");
    const value = annotations[key].replace(/\n$/, "");
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes("\n")) {
      w.write(0, `${key}:
`);
      for (const s2 of value.split("\n")) {
        const short = s2.length > MAX_ANNOTATION_LEN - 2 ? s2.slice(0, MAX_ANNOTATION_LEN - 2) + "..." : s2;
        w.write(0, `	  ${short}
`);
      }
    } else w.write(0, `${key}: ${value}
`);
  });
}
function taintToString(t) {
  return t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`;
}
function taintsMultiline(w, title, taints) {
  w.write(0, `${title}:	`);
  const list = [...taints ?? []].sort((a, b) => {
    const ka = `${a.effect},${a.key}`;
    const kb = `${b.effect},${b.key}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  if (list.length === 0) {
    w.write(0, "<none>\n");
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, "	");
    w.write(0, `${taintToString(t)}
`);
  });
}
function tolerationsMultiline(w, title, tolerations, initialIndent = "") {
  w.write(0, `${initialIndent}${title}:	`);
  const list = [...tolerations ?? []].sort((a, b) => (a.key ?? "") < (b.key ?? "") ? -1 : (a.key ?? "") > (b.key ?? "") ? 1 : 0);
  if (list.length === 0) {
    w.write(0, "<none>\n");
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, `${initialIndent}	`);
    let s2 = t.key ?? "";
    if (t.value) s2 += `=${t.value}`;
    if (t.effect) s2 += `:${t.effect}`;
    if (t.operator === "Exists" && !t.value) s2 += t.key || t.effect ? " op=Exists" : "op=Exists";
    if (t.tolerationSeconds !== void 0) s2 += ` for ${t.tolerationSeconds}s`;
    w.write(0, s2 + "\n");
  });
}
function eventsFor(api, obj) {
  const namespace = obj.metadata.namespace ?? "default";
  const events = api.list("Event", obj.metadata.namespace ? { namespace } : {});
  return events.filter((e) => {
    const inv = e.involvedObject;
    if (inv.name !== obj.metadata.name) return false;
    if (obj.kind !== "Pod" && inv.kind && inv.kind !== obj.kind) return false;
    if (obj.metadata.namespace && inv.namespace && inv.namespace !== obj.metadata.namespace) return false;
    if (inv.uid && inv.uid !== obj.metadata.uid && inv.uid !== obj.metadata.name) return false;
    return true;
  });
}
function describeEvents(w, events, nowMs) {
  if (events.length === 0) {
    w.write(0, "Events:	<none>\n");
    return;
  }
  w.flush();
  const sorted = [...events].sort((a, b) => Date.parse(a.lastTimestamp ?? a.firstTimestamp ?? "") - Date.parse(b.lastTimestamp ?? b.firstTimestamp ?? ""));
  w.write(0, "Events:\n  Type	Reason	Age	From	Message\n");
  w.write(1, "----	------	----	----	-------\n");
  for (const e of sorted) {
    const first = e.eventTime ? since(e.eventTime, nowMs) : since(e.firstTimestamp, nowMs);
    let interval;
    if (e.series) interval = `${since(e.series.lastObservedTime, nowMs)} (x${e.series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp, nowMs)} (x${e.count} over ${first})`;
    else interval = first;
    const source = e.source?.component || e.reportingComponent || "";
    const message = (e.message ?? "").trim();
    w.write(1, `${e.type ?? ""}	${e.reason ?? ""}	${interval}	${source}	${message}
`);
  }
}
function describeProbe(p) {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(" ")}] ${attrs}`;
  if (p.httpGet) {
    const scheme = (p.httpGet.scheme ?? "HTTP").toLowerCase();
    const port = String(p.httpGet.port ?? "");
    const host = p.httpGet.host ?? "";
    const hostPort = port ? `${host.includes(":") ? `[${host}]` : host}:${port}` : host;
    return `http-get ${scheme}://${hostPort}${p.httpGet.path ?? ""} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ""}:${String(p.tcpSocket.port)} ${attrs}`;
  if (p.grpc) return `grpc <pod>:${p.grpc.port} ${p.grpc.service ?? ""} ${attrs}`;
  return `unknown ${attrs}`;
}
function describeState(w, name, state) {
  if (state?.running) {
    w.write(2, `${name}:	Running
`);
    w.write(3, `Started:	${rfc1123z(state.running.startedAt)}
`);
  } else if (state?.waiting) {
    w.write(2, `${name}:	Waiting
`);
    if (state.waiting.reason) w.write(3, `Reason:	${state.waiting.reason}
`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(2, `${name}:	Terminated
`);
    if (t.reason) w.write(3, `Reason:	${t.reason}
`);
    if (t.message) w.write(3, `Message:	${t.message}
`);
    w.write(3, `Exit Code:	${t.exitCode}
`);
    if (t.signal) w.write(3, `Signal:	${t.signal}
`);
    w.write(3, `Started:	${rfc1123z(t.startedAt)}
`);
    w.write(3, `Finished:	${rfc1123z(t.finishedAt)}
`);
  } else w.write(2, `${name}:	Waiting
`);
}
function sortedEntries(list) {
  return Object.entries(list ?? {}).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
}
function describeContainers(w, label, containers, statuses, space) {
  const byName = new Map((statuses ?? []).map((s2) => [s2.name, s2]));
  w.write(0, `${space}${label}:${containers.length === 0 ? " <none>" : ""}
`);
  const nameIndent = space ? " " : "";
  for (const c2 of containers) {
    const status = statuses ? byName.get(c2.name) : void 0;
    w.write(1, `${nameIndent}${c2.name}:
`);
    if (status) w.write(2, `Container ID:	${status.containerID ?? ""}
`);
    w.write(2, `Image:	${c2.image ?? ""}
`);
    if (status) w.write(2, `Image ID:	${status.imageID ?? ""}
`);
    const ports = (c2.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? "TCP"}${p.name ? ` (${p.name})` : ""}`).join(", ");
    const hostPorts = (c2.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? "TCP"}${p.name ? ` (${p.name})` : ""}`).join(", ");
    if (ports.includes(",")) w.write(2, `Ports:	${ports}
`);
    else w.write(2, `Port:	${ports || "<none>"}
`);
    if (hostPorts.includes(",")) w.write(2, `Host Ports:	${hostPorts}
`);
    else w.write(2, `Host Port:	${hostPorts || "<none>"}
`);
    if (c2.command && c2.command.length > 0) {
      w.write(2, "Command:\n");
      for (const s2 of c2.command) for (const part of s2.split("\n")) w.write(3, `${part}
`);
    }
    if (c2.args && c2.args.length > 0) {
      w.write(2, "Args:\n");
      for (const s2 of c2.args) for (const part of s2.split("\n")) w.write(3, `${part}
`);
    }
    if (status) {
      describeState(w, "State", status.state);
      if (status.lastState?.terminated) describeState(w, "Last State", status.lastState);
      w.write(2, `Ready:	${status.ready ? "True" : "False"}
`);
      w.write(2, `Restart Count:	${status.restartCount ?? 0}
`);
    }
    const limits = sortedEntries(c2.resources?.limits);
    if (limits.length > 0) w.write(2, "Limits:\n");
    for (const [k, v] of limits) w.write(3, `${k}:	${String(v)}
`);
    const requests = sortedEntries(c2.resources?.requests);
    if (requests.length > 0) w.write(2, "Requests:\n");
    for (const [k, v] of requests) w.write(3, `${k}:	${String(v)}
`);
    if (c2.livenessProbe) w.write(2, `Liveness:	${describeProbe(c2.livenessProbe)}
`);
    if (c2.readinessProbe) w.write(2, `Readiness:	${describeProbe(c2.readinessProbe)}
`);
    if (c2.startupProbe) w.write(2, `Startup:	${describeProbe(c2.startupProbe)}
`);
    if (c2.envFrom && c2.envFrom.length > 0) {
      w.write(2, "Environment Variables from:\n");
      for (const e of c2.envFrom) {
        const from = e.configMapRef ? "ConfigMap" : "Secret";
        const ref = e.configMapRef ?? e.secretRef;
        const optional = ref?.optional === true;
        if (e.prefix) w.write(3, `${ref?.name ?? ""}	${from} with prefix '${e.prefix}'	Optional: ${optional}
`);
        else w.write(3, `${ref?.name ?? ""}	${from}	Optional: ${optional}
`);
      }
    }
    w.write(2, `Environment:${(c2.env ?? []).length === 0 ? "	<none>" : ""}
`);
    for (const e of c2.env ?? []) {
      if (!e.valueFrom) {
        (e.value ?? "").split("\n").forEach((s2, i) => w.write(3, i === 0 ? `${e.name}:	${s2}
` : `	${s2}
`));
      } else if (e.valueFrom.fieldRef) {
        w.write(3, `${e.name}:	 (${e.valueFrom.fieldRef.apiVersion ?? "v1"}:${e.valueFrom.fieldRef.fieldPath})
`);
      } else if (e.valueFrom.resourceFieldRef) {
        w.write(3, `${e.name}:	 (${e.valueFrom.resourceFieldRef.resource})
`);
      } else if (e.valueFrom.secretKeyRef) {
        const r2 = e.valueFrom.secretKeyRef;
        w.write(3, `${e.name}:	<set to the key '${r2.key}' in secret '${r2.name ?? ""}'>	Optional: ${r2.optional === true}
`);
      } else if (e.valueFrom.configMapKeyRef) {
        const r2 = e.valueFrom.configMapKeyRef;
        w.write(3, `${e.name}:	<set to the key '${r2.key}' of config map '${r2.name ?? ""}'>	Optional: ${r2.optional === true}
`);
      }
    }
    const mounts = [...c2.volumeMounts ?? []].sort((a, b) => a.mountPath < b.mountPath ? -1 : a.mountPath > b.mountPath ? 1 : 0);
    w.write(2, `Mounts:${mounts.length === 0 ? "	<none>" : ""}
`);
    for (const m of mounts) {
      const flags = [m.readOnly ? "ro" : "rw"];
      if (m.subPath) flags.push(`path=${JSON.stringify(m.subPath)}`);
      w.write(3, `${m.mountPath} from ${m.name} (${flags.join(",")})
`);
    }
  }
}
function describeVolumes(w, volumes, space) {
  const list = volumes ?? [];
  if (list.length === 0) {
    w.write(0, `${space}Volumes:	<none>
`);
    return;
  }
  w.write(0, `${space}Volumes:
`);
  const nameIndent = space ? " " : "";
  for (const v of list) {
    w.write(1, `${nameIndent}${v.name}:
`);
    if (v.emptyDir) {
      w.write(2, `Type:	EmptyDir (a temporary directory that shares a pod's lifetime)
    Medium:	${v.emptyDir.medium ?? ""}
    SizeLimit:	${v.emptyDir.sizeLimit ?? "<unset>"}
`);
    } else if (v.hostPath) {
      w.write(2, `Type:	HostPath (bare host directory volume)
    Path:	${v.hostPath.path}
    HostPathType:	${v.hostPath.type ?? "<none>"}
`);
    } else if (v.configMap) {
      w.write(2, `Type:	ConfigMap (a volume populated by a ConfigMap)
    Name:	${v.configMap.name ?? ""}
    Optional:	${v.configMap.optional === true}
`);
    } else if (v.secret) {
      w.write(2, `Type:	Secret (a volume populated by a Secret)
    SecretName:	${v.secret.secretName ?? ""}
    Optional:	${v.secret.optional === true}
`);
    } else if (v.persistentVolumeClaim) {
      w.write(
        2,
        `Type:	PersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)
    ClaimName:	${v.persistentVolumeClaim.claimName}
    ReadOnly:	${v.persistentVolumeClaim.readOnly === true}
`
      );
    } else if (v.projected) {
      w.write(2, "Type:	Projected (a volume that contains injected data from multiple sources)\n");
      for (const s2 of v.projected.sources ?? []) {
        if (s2.secret) w.write(2, `SecretName:	${s2.secret.name ?? ""}
    SecretOptionalName:	${s2.secret.optional ?? "<nil>"}
`);
        else if (s2.downwardAPI) w.write(2, "DownwardAPI:	true\n");
        else if (s2.configMap) w.write(2, `ConfigMapName:	${s2.configMap.name ?? ""}
    ConfigMapOptional:	${s2.configMap.optional ?? "<nil>"}
`);
        else if (s2.serviceAccountToken) w.write(2, `TokenExpirationSeconds:	${s2.serviceAccountToken.expirationSeconds ?? 3607}
`);
      }
    } else w.write(1, "<unknown>\n");
  }
}
function describePodTemplate(w, template) {
  w.write(0, "Pod Template:\n");
  if (!template) {
    w.write(1, "<unset>");
    return;
  }
  labelsMultiline(w, "  Labels", template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0) annotationsMultiline(w, "  Annotations", template.metadata?.annotations);
  const spec = template.spec;
  if (spec?.serviceAccountName) w.write(1, `Service Account:	${spec.serviceAccountName}
`);
  if (spec?.initContainers && spec.initContainers.length > 0) describeContainers(w, "Init Containers", spec.initContainers, void 0, "  ");
  describeContainers(w, "Containers", spec?.containers ?? [], void 0, "  ");
  describeVolumes(w, spec?.volumes, "  ");
  if (spec?.priorityClassName) w.write(1, `Priority Class Name:	${spec.priorityClassName}
`);
  labelsMultiline(w, "  Node-Selectors", spec?.nodeSelector);
  tolerationsMultiline(w, "  Tolerations", spec?.tolerations);
}

// src/engine/kubectl/describe/prefixWriter.ts
var PrefixWriter = class {
  sections = [];
  current = "";
  write(level, text) {
    this.current += "  ".repeat(level) + text;
  }
  /** A complete line at `level` (a newline is appended). */
  line(level, text) {
    this.write(level, text + "\n");
  }
  flush() {
    if (this.current !== "") this.sections.push(this.current);
    this.current = "";
  }
  toString() {
    this.flush();
    return this.sections.map((s2) => alignTabs(s2, DESCRIBE_TABWRITER)).join("");
  }
};

// src/engine/kubectl/describe/config.ts
function describeNamespace(api, obj) {
  const ns = obj;
  const w = new PrefixWriter();
  w.write(0, `Name:	${ns.metadata.name}
`);
  labelsMultiline(w, "Labels", ns.metadata.labels);
  annotationsMultiline(w, "Annotations", ns.metadata.annotations);
  w.write(0, `Status:	${ns.status?.phase ?? ""}
`);
  const quotas = api.list("ResourceQuota", { namespace: ns.metadata.name });
  w.write(0, "\n");
  if (quotas.length === 0) w.write(0, "No resource quota.\n");
  else for (const q of quotas) w.write(0, `Resource Quotas
  Name:	${q.metadata.name}
`);
  const limits = api.list("LimitRange", { namespace: ns.metadata.name });
  w.write(0, "\n");
  if (limits.length === 0) w.write(0, "No LimitRange resource.\n");
  else for (const l of limits) w.write(0, `Resource Limits
  Name:	${l.metadata.name}
`);
  return w.toString();
}
function describeConfigMap(api, obj, nowMs) {
  const cm = obj;
  const w = new PrefixWriter();
  w.write(0, `Name:	${cm.metadata.name}
`);
  w.write(0, `Namespace:	${cm.metadata.namespace ?? ""}
`);
  labelsMultiline(w, "Labels", cm.metadata.labels);
  annotationsMultiline(w, "Annotations", cm.metadata.annotations);
  w.write(0, "\nData\n====\n");
  for (const key of Object.keys(cm.data ?? {}).sort()) {
    w.write(0, `${key}:
----
`);
    w.write(0, `${cm.data[key]}
`);
    w.write(0, "\n");
  }
  w.write(0, "\nBinaryData\n====\n");
  for (const key of Object.keys(cm.binaryData ?? {}).sort()) w.write(0, `${key}: ${atob(cm.binaryData[key]).length} bytes
`);
  w.write(0, "\n");
  describeEvents(w, eventsFor(api, cm), nowMs);
  return w.toString();
}
function describeSecret(api, obj) {
  const s2 = obj;
  const w = new PrefixWriter();
  w.write(0, `Name:	${s2.metadata.name}
`);
  w.write(0, `Namespace:	${s2.metadata.namespace ?? ""}
`);
  labelsMultiline(w, "Labels", s2.metadata.labels);
  annotationsMultiline(w, "Annotations", s2.metadata.annotations);
  w.write(0, `
Type:	${s2.type ?? "Opaque"}

`);
  w.write(0, "Data\n====\n");
  for (const key of Object.keys(s2.data ?? {}).sort()) {
    let size;
    try {
      size = atob(s2.data[key]).length;
    } catch {
      size = s2.data[key].length;
    }
    w.write(0, `${key}:	${size} bytes
`);
  }
  return w.toString();
}

// src/engine/kubectl/describe/generic.ts
var ACRONYMS = /* @__PURE__ */ new Set(["API", "URL", "UID", "GUID"]);
var SKIP = /* @__PURE__ */ new Set([".metadata.managedFields", ".metadata.name", ".metadata.namespace", ".metadata.labels", ".metadata.annotations"]);
function smartLabel(field) {
  if (/[^A-Za-z-]/.test(field)) return field;
  const parts = field.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|-/g) ?? [field];
  const merged = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const next = parts[i + 1];
    if (part.length >= 2 && part === part.toUpperCase() && /[A-Z]/.test(part) && next && /^[A-Z]/.test(next)) {
      merged.push(part + next);
      i++;
      continue;
    }
    merged.push(part);
  }
  return merged.map((p) => ACRONYMS.has(p.toUpperCase()) ? p.toUpperCase() : p === p.toLowerCase() ? p.charAt(0).toUpperCase() + p.slice(1) : p).join(" ");
}
function printContent(w, level, content, prefix) {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIP.has(path) || value === void 0) continue;
    if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:
`);
      for (const child of value) {
        if (child && typeof child === "object") printContent(w, level + 1, child, path);
        else w.write(level + 1, `${String(child)}
`);
      }
    } else if (value && typeof value === "object") {
      w.write(level, `${smartLabel(field)}:
`);
      printContent(w, level + 1, value, path);
    } else {
      w.write(level, `${smartLabel(field)}:	${value === null ? "<nil>" : String(value)}
`);
    }
  }
}
function describeGeneric(api, obj, nowMs) {
  const w = new PrefixWriter();
  w.write(0, `Name:	${obj.metadata.name}
`);
  w.write(0, `Namespace:	${obj.metadata.namespace ?? ""}
`);
  labelsMultiline(w, "Labels", obj.metadata.labels);
  annotationsMultiline(w, "Annotations", obj.metadata.annotations);
  printContent(w, 0, obj, "");
  describeEvents(w, eventsFor(api, obj), nowMs);
  return w.toString();
}

// src/engine/kubectl/quantity.ts
var BINARY = [
  ["Ei", 2 ** 60],
  ["Pi", 2 ** 50],
  ["Ti", 2 ** 40],
  ["Gi", 2 ** 30],
  ["Mi", 2 ** 20],
  ["Ki", 2 ** 10]
];
var DECIMAL = [
  ["E", 1e18],
  ["P", 1e15],
  ["T", 1e12],
  ["G", 1e9],
  ["M", 1e6],
  ["k", 1e3]
];
function isBinaryQuantity(q) {
  return typeof q === "string" && /[KMGTPE]i$/.test(q.trim());
}
function formatBytes(bytes, binary) {
  if (bytes === 0) return "0";
  for (const [suffix, unit] of binary ? BINARY : DECIMAL) if (bytes % unit === 0) return `${bytes / unit}${suffix}`;
  return String(bytes);
}

// src/engine/kubectl/describe/node.ts
function podTotals(pod) {
  const t = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0, memBinary: true };
  const note = (q) => {
    if (q !== void 0 && !isBinaryQuantity(q) && memoryBytes(q) !== 0) t.memBinary = false;
  };
  for (const c2 of pod.spec?.containers ?? []) {
    const r2 = c2.resources ?? {};
    t.cpuReq += cpuMillis(r2.requests?.cpu);
    t.cpuLim += cpuMillis(r2.limits?.cpu);
    t.memReq += memoryBytes(r2.requests?.memory);
    t.memLim += memoryBytes(r2.limits?.memory);
    note(r2.requests?.memory);
    note(r2.limits?.memory);
  }
  for (const c2 of pod.spec?.initContainers ?? []) {
    const r2 = c2.resources ?? {};
    t.cpuReq = Math.max(t.cpuReq, cpuMillis(r2.requests?.cpu));
    t.cpuLim = Math.max(t.cpuLim, cpuMillis(r2.limits?.cpu));
    t.memReq = Math.max(t.memReq, memoryBytes(r2.requests?.memory));
    t.memLim = Math.max(t.memLim, memoryBytes(r2.limits?.memory));
  }
  return t;
}
var pct = (part, whole) => whole === 0 ? 0 : Math.trunc(part / whole * 100);
function describeNode(api, obj, nowMs) {
  const node = obj;
  const status = node.status ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:	${node.metadata.name}
`);
  const roles = nodeRoles(node);
  w.write(0, `Roles:	${roles.length > 0 ? roles.join(",") : "<none>"}
`);
  labelsMultiline(w, "Labels", node.metadata.labels);
  annotationsMultiline(w, "Annotations", node.metadata.annotations);
  w.write(0, `CreationTimestamp:	${rfc1123z(node.metadata.creationTimestamp)}
`);
  taintsMultiline(w, "Taints", node.spec?.taints);
  w.write(0, `Unschedulable:	${node.spec?.unschedulable === true}
`);
  const lease = api.get("Lease", "kube-node-lease", node.metadata.name);
  if (lease) {
    w.write(0, "Lease:\n");
    w.write(1, `HolderIdentity:	${lease.spec?.holderIdentity ?? "<unset>"}
`);
    w.write(1, `AcquireTime:	${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : "<unset>"}
`);
    w.write(1, `RenewTime:	${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : "<unset>"}
`);
  } else {
    w.write(0, `Lease:	Failed to get lease: leases.coordination.k8s.io "${node.metadata.name}" not found
`);
  }
  if ((status.conditions ?? []).length > 0) {
    w.write(0, "Conditions:\n  Type	Status	LastHeartbeatTime	LastTransitionTime	Reason	Message\n");
    w.write(1, "----	------	-----------------	------------------	------	-------\n");
    for (const c2 of status.conditions) {
      w.write(1, `${c2.type} 	${c2.status} 	${rfc1123z(c2.lastHeartbeatTime)} 	${rfc1123z(c2.lastTransitionTime)} 	${c2.reason ?? ""} 	${c2.message ?? ""}
`);
    }
  }
  w.write(0, "Addresses:\n");
  for (const a of status.addresses ?? []) w.write(1, `${a.type}:	${a.address}
`);
  const printResources = (list) => {
    for (const name of Object.keys(list).sort()) w.write(0, `  ${name}:	${String(list[name])}
`);
  };
  if (Object.keys(status.capacity ?? {}).length > 0) {
    w.write(0, "Capacity:\n");
    printResources(status.capacity);
  }
  if (Object.keys(status.allocatable ?? {}).length > 0) {
    w.write(0, "Allocatable:\n");
    printResources(status.allocatable);
  }
  const info = status.nodeInfo;
  w.write(0, "System Info:\n");
  w.write(0, `  Machine ID:	${info?.machineID ?? ""}
`);
  w.write(0, `  System UUID:	${info?.systemUUID ?? ""}
`);
  w.write(0, `  Boot ID:	${info?.bootID ?? ""}
`);
  w.write(0, `  Kernel Version:	${info?.kernelVersion ?? ""}
`);
  w.write(0, `  OS Image:	${info?.osImage ?? ""}
`);
  w.write(0, `  Operating System:	${info?.operatingSystem ?? ""}
`);
  w.write(0, `  Architecture:	${info?.architecture ?? ""}
`);
  w.write(0, `  Container Runtime Version:	${info?.containerRuntimeVersion ?? ""}
`);
  w.write(0, `  Kubelet Version:	${info?.kubeletVersion ?? ""}
`);
  if (node.spec?.podCIDR) w.write(0, `PodCIDR:	${node.spec.podCIDR}
`);
  if (node.spec?.podCIDRs && node.spec.podCIDRs.length > 0) w.write(0, `PodCIDRs:	${node.spec.podCIDRs.join(",")}
`);
  if (node.spec?.providerID) w.write(0, `ProviderID:	${node.spec.providerID}
`);
  const pods = api.list("Pod", { nodeName: node.metadata.name }).filter((p) => p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed").sort(byNamespaceAndName);
  const alloc = Object.keys(status.allocatable ?? {}).length > 0 ? status.allocatable : status.capacity ?? {};
  const allocCpu = cpuMillis(alloc.cpu);
  const allocMem = memoryBytes(alloc.memory);
  w.write(0, `Non-terminated Pods:	(${pods.length} in total)
`);
  w.write(1, "Namespace	Name		CPU Requests	CPU Limits	Memory Requests	Memory Limits	Age\n");
  w.write(1, "---------	----		------------	----------	---------------	-------------	---\n");
  const total = { cpuReq: 0, cpuLim: 0, memReq: 0, memLim: 0, memBinary: true };
  for (const pod of pods) {
    const t = podTotals(pod);
    total.cpuReq += t.cpuReq;
    total.cpuLim += t.cpuLim;
    total.memReq += t.memReq;
    total.memLim += t.memLim;
    if (!t.memBinary) total.memBinary = false;
    w.write(
      1,
      `${pod.metadata.namespace ?? ""}	${pod.metadata.name}		${formatCpuMillis(t.cpuReq)} (${pct(t.cpuReq, allocCpu)}%)	${formatCpuMillis(t.cpuLim)} (${pct(t.cpuLim, allocCpu)}%)	${formatBytes(t.memReq, t.memBinary)} (${pct(t.memReq, allocMem)}%)	${formatBytes(t.memLim, t.memBinary)} (${pct(t.memLim, allocMem)}%)	${since(pod.metadata.creationTimestamp, nowMs)}
`
    );
  }
  w.write(0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
  w.write(1, "Resource	Requests	Limits\n");
  w.write(1, "--------	--------	------\n");
  w.write(1, `cpu	${formatCpuMillis(total.cpuReq)} (${pct(total.cpuReq, allocCpu)}%)	${formatCpuMillis(total.cpuLim)} (${pct(total.cpuLim, allocCpu)}%)
`);
  w.write(1, `memory	${formatBytes(total.memReq, total.memBinary)} (${pct(total.memReq, allocMem)}%)	${formatBytes(total.memLim, total.memBinary)} (${pct(total.memLim, allocMem)}%)
`);
  w.write(1, "ephemeral-storage	0 (0%)	0 (0%)\n");
  describeEvents(w, eventsFor(api, node), nowMs);
  return w.toString();
}

// src/engine/kubectl/describe/pod.ts
function podQosClass(pod) {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const containers = [...pod.spec?.containers ?? [], ...pod.spec?.initContainers ?? []];
  let any = false;
  let guaranteed = true;
  for (const c2 of containers) {
    const req = c2.resources?.requests ?? {};
    const lim = c2.resources?.limits ?? {};
    if (Object.keys(req).length > 0 || Object.keys(lim).length > 0) any = true;
    for (const r2 of ["cpu", "memory"]) {
      if (lim[r2] === void 0) guaranteed = false;
      else if (req[r2] !== void 0 && String(req[r2]) !== String(lim[r2])) guaranteed = false;
    }
  }
  if (!any) return "BestEffort";
  return guaranteed ? "Guaranteed" : "Burstable";
}
function describePod(api, obj, nowMs) {
  const pod = obj;
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:	${pod.metadata.name}
`);
  w.write(0, `Namespace:	${pod.metadata.namespace ?? ""}
`);
  if (spec.priority !== void 0) w.write(0, `Priority:	${spec.priority}
`);
  if (spec.priorityClassName) w.write(0, `Priority Class Name:	${spec.priorityClassName}
`);
  if (spec.serviceAccountName) w.write(0, `Service Account:	${spec.serviceAccountName}
`);
  w.write(0, spec.nodeName ? `Node:	${spec.nodeName}/${status.hostIP ?? ""}
` : "Node:	<none>\n");
  if (status.startTime) w.write(0, `Start Time:	${rfc1123z(status.startTime)}
`);
  labelsMultiline(w, "Labels", pod.metadata.labels);
  annotationsMultiline(w, "Annotations", pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && status.phase !== "Failed" && status.phase !== "Succeeded") {
    w.write(0, `Status:	Terminating (lasts ${since(pod.metadata.deletionTimestamp, nowMs)})
`);
    w.write(0, `Termination Grace Period:	${pod.metadata.deletionGracePeriodSeconds ?? 0}s
`);
  } else w.write(0, `Status:	${status.phase ?? ""}
`);
  if (status.reason) w.write(0, `Reason:	${status.reason}
`);
  if (status.message) w.write(0, `Message:	${status.message}
`);
  w.write(0, `IP:	${status.podIP ?? ""}
`);
  const ips = status.podIPs ?? [];
  if (ips.length === 0) w.write(0, "IPs:	<none>\n");
  else {
    w.write(0, "IPs:\n");
    for (const ip of ips) w.write(1, `IP:	${ip.ip}
`);
  }
  const owner = controllerOf(pod);
  if (owner) w.write(0, `Controlled By:	${owner.kind}/${owner.name}
`);
  if (status.nominatedNodeName) w.write(0, `NominatedNodeName:	${status.nominatedNodeName}
`);
  if (spec.initContainers && spec.initContainers.length > 0) describeContainers(w, "Init Containers", spec.initContainers, status.initContainerStatuses ?? [], "");
  describeContainers(w, "Containers", spec.containers, status.containerStatuses ?? [], "");
  if (spec.readinessGates && spec.readinessGates.length > 0) {
    w.write(0, "Readiness Gates:\n  Type	Status\n");
    for (const g of spec.readinessGates) {
      const c2 = status.conditions?.find((x) => x.type === g.conditionType);
      w.write(1, `${g.conditionType} 	${c2?.status ?? "<none>"} 
`);
    }
  }
  if ((status.conditions ?? []).length > 0) {
    w.write(0, "Conditions:\n  Type	Status\n");
    for (const c2 of status.conditions) w.write(1, `${c2.type} 	${c2.status} 
`);
  }
  describeVolumes(w, spec.volumes, "");
  w.write(0, `QoS Class:	${podQosClass(pod)}
`);
  labelsMultiline(w, "Node-Selectors", spec.nodeSelector);
  tolerationsMultiline(w, "Tolerations", spec.tolerations);
  describeEvents(w, eventsFor(api, pod), nowMs);
  return w.toString();
}

// src/engine/kubectl/describe/service.ts
function formatSliceEndpoints(slices, portName) {
  if (slices.length === 0) return "<none>";
  const max = 3;
  const list = [];
  let more = false;
  let count = 0;
  for (const slice of slices) {
    const ports = slice.ports ?? [];
    if (ports.length === 0) {
      for (const e of slice.endpoints ?? []) {
        if (list.length === max) more = true;
        if (e.conditions?.ready === false) continue;
        if (!more) list.push(e.addresses[0]);
        count++;
      }
      continue;
    }
    for (const port of ports) {
      if ((port.name ?? "") !== portName) continue;
      for (const e of slice.endpoints ?? []) {
        if (list.length === max) more = true;
        if (e.conditions?.ready === false) continue;
        if (!more) list.push(`${e.addresses[0]}:${port.port}`);
        count++;
      }
    }
  }
  const ret = list.join(",");
  return more ? `${ret} + ${count - max} more...` : ret;
}
function describeService(api, obj, nowMs) {
  const svc = obj;
  const spec = svc.spec ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:	${svc.metadata.name}
`);
  w.write(0, `Namespace:	${svc.metadata.namespace ?? ""}
`);
  labelsMultiline(w, "Labels", svc.metadata.labels);
  annotationsMultiline(w, "Annotations", svc.metadata.annotations);
  w.write(0, `Selector:	${formatLabels(spec.selector)}
`);
  w.write(0, `Type:	${spec.type ?? ""}
`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:	${spec.ipFamilyPolicy}
`);
  w.write(0, `IP Families:	${(spec.ipFamilies ?? []).length > 0 ? spec.ipFamilies.join(",") : "<none>"}
`);
  w.write(0, `IP:	${spec.clusterIP ?? ""}
`);
  w.write(0, `IPs:	${(spec.clusterIPs ?? []).length > 0 ? spec.clusterIPs.join(",") : "<none>"}
`);
  if ((spec.externalIPs ?? []).length > 0) w.write(0, `External IPs:	${spec.externalIPs.join(",")}
`);
  if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:	${spec.loadBalancerIP}
`);
  if (spec.externalName) w.write(0, `External Name:	${spec.externalName}
`);
  const lb = svc.status?.loadBalancer?.ingress ?? [];
  if (lb.length > 0) w.write(0, `LoadBalancer Ingress:	${lb.map((i) => i.ip || i.hostname).join(", ")}
`);
  const slices = api.list("EndpointSlice", { namespace: svc.metadata.namespace ?? "default" }).filter((s2) => s2.metadata.labels?.["kubernetes.io/service-name"] === svc.metadata.name);
  for (const p of spec.ports ?? []) {
    const name = p.name || "<unset>";
    const protocol = p.protocol ?? "TCP";
    w.write(0, `Port:	${name}	${p.port}/${protocol}
`);
    w.write(0, `TargetPort:	${String(p.targetPort ?? p.port)}/${protocol}
`);
    if (p.appProtocol) w.write(0, `AppProtocol:	${p.appProtocol}
`);
    if (p.nodePort) w.write(0, `NodePort:	${name}	${p.nodePort}/${protocol}
`);
    w.write(0, `Endpoints:	${formatSliceEndpoints(slices, p.name ?? "")}
`);
  }
  w.write(0, `Session Affinity:	${spec.sessionAffinity ?? "None"}
`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:	${spec.externalTrafficPolicy}
`);
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:	${spec.internalTrafficPolicy}
`);
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:	${spec.healthCheckNodePort}
`);
  describeEvents(w, eventsFor(api, svc), nowMs);
  return w.toString();
}

// src/engine/kubectl/describe/workloads.ts
function replicaSetsByLabels(list) {
  if (list.length === 0) return "<none>";
  return list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`).join(", ");
}
function describeDeployment(api, obj, nowMs) {
  const d = obj;
  const spec = d.spec;
  const st = d.status ?? {};
  const w = new PrefixWriter();
  w.write(0, `Name:	${d.metadata.name}
`);
  w.write(0, `Namespace:	${d.metadata.namespace ?? ""}
`);
  w.write(0, `CreationTimestamp:	${rfc1123z(d.metadata.creationTimestamp)}
`);
  labelsMultiline(w, "Labels", d.metadata.labels);
  annotationsMultiline(w, "Annotations", d.metadata.annotations);
  w.write(0, `Selector:	${formatLabelSelector(spec.selector, "")}
`);
  w.write(
    0,
    `Replicas:	${spec.replicas ?? 1} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable
`
  );
  w.write(0, `StrategyType:	${spec.strategy?.type ?? ""}
`);
  w.write(0, `MinReadySeconds:	${spec.minReadySeconds ?? 0}
`);
  const ru = spec.strategy?.rollingUpdate;
  if (ru) w.write(0, `RollingUpdateStrategy:	${String(ru.maxUnavailable ?? "")} max unavailable, ${String(ru.maxSurge ?? "")} max surge
`);
  describePodTemplate(w, spec.template);
  if ((st.conditions ?? []).length > 0) {
    w.write(0, "Conditions:\n  Type	Status	Reason\n");
    w.write(1, "----	------	------\n");
    for (const c2 of st.conditions) w.write(1, `${c2.type} 	${c2.status}	${c2.reason ?? ""}
`);
  }
  const all2 = listReplicaSetsOf(api, d).sort(byNamespaceAndName);
  const newRS = findNewReplicaSet(d, all2);
  const oldRSs = all2.filter((rs) => rs.metadata.uid !== newRS?.metadata.uid);
  if (oldRSs.length > 0 || newRS) {
    w.write(0, `OldReplicaSets:	${replicaSetsByLabels(oldRSs)}
`);
    w.write(0, `NewReplicaSet:	${replicaSetsByLabels(newRS ? [newRS] : [])}
`);
  }
  describeEvents(w, eventsFor(api, d), nowMs);
  return w.toString();
}
function podPhaseCounts(api, namespace, selector, uid) {
  const sel = fromLabelSelector(selector) ?? [];
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const pod of api.list("Pod", { namespace, selector: sel })) {
    if (controllerOf(pod)?.uid !== uid) continue;
    const phase = pod.status?.phase;
    if (phase && phase in counts) counts[phase]++;
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}
function describeReplicaSet(api, obj, nowMs) {
  const rs = obj;
  const w = new PrefixWriter();
  w.write(0, `Name:	${rs.metadata.name}
`);
  w.write(0, `Namespace:	${rs.metadata.namespace ?? ""}
`);
  w.write(0, `Selector:	${formatLabelSelector(rs.spec?.selector)}
`);
  labelsMultiline(w, "Labels", rs.metadata.labels);
  annotationsMultiline(w, "Annotations", rs.metadata.annotations);
  const owner = controllerOf(rs);
  if (owner) w.write(0, `Controlled By:	${owner.kind}/${owner.name}
`);
  w.write(0, `Replicas:	${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired
`);
  w.write(0, `Pods Status:	${podPhaseCounts(api, rs.metadata.namespace ?? "default", rs.spec?.selector, rs.metadata.uid)}
`);
  describePodTemplate(w, rs.spec?.template);
  if ((rs.status?.conditions ?? []).length > 0) {
    w.write(0, "Conditions:\n  Type	Status	Reason\n");
    w.write(1, "----	------	------\n");
    for (const c2 of rs.status.conditions) w.write(1, `${c2.type} 	${c2.status}	${c2.reason ?? ""}
`);
  }
  describeEvents(w, eventsFor(api, rs), nowMs);
  return w.toString();
}

// src/engine/kubectl/describe/index.ts
var DESCRIBERS = {
  Pod: describePod,
  Node: describeNode,
  Deployment: describeDeployment,
  ReplicaSet: describeReplicaSet,
  Service: describeService,
  Namespace: describeNamespace,
  ConfigMap: describeConfigMap,
  Secret: describeSecret
};
function describeObject(api, obj, nowMs) {
  return (DESCRIBERS[obj.kind] ?? describeGeneric)(api, obj, nowMs);
}

// src/engine/kubectl/commands/describe.ts
function runDescribe(ctx) {
  if (ctx.operands.length === 0) {
    throw new KubectlError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.');
  }
  const { targets } = resolveTargets(ctx.operands);
  const found = [];
  const errors = [];
  for (const target of targets) {
    if (target.names.length === 0) {
      found.push(...fetchTarget(ctx, target).objects);
      continue;
    }
    for (const name of target.names) {
      const exact = ctx.api.get(target.type.kind, namespaceFor(ctx, target.type), name);
      if (exact) {
        found.push(exact);
        continue;
      }
      const prefixed = ctx.api.list(target.type.kind, target.type.namespaced ? { namespace: ctx.namespace } : {}).filter((o) => o.metadata.name.startsWith(name)).sort(byNamespaceAndName);
      if (prefixed.length === 0) errors.push(notFound(qualifiedPlural(target.type), name).toKubectlMessage());
      found.push(...prefixed);
    }
  }
  ctx.write(found.map((o) => describeObject(ctx.api, o, ctx.nowMs)).join("\n\n"));
  if (found.length === 0 && errors.length === 0) ctx.err(noResourcesMessage(ctx, targets.some((t) => t.type.namespaced)));
  for (const e of errors) ctx.err(e);
  return errors.length > 0 ? 1 : 0;
}

// src/engine/kubectl/commands/expose.ts
function selectorAndPorts(obj) {
  switch (obj.kind) {
    case "Deployment":
    case "ReplicaSet": {
      const w = obj;
      const sel = w.spec?.selector;
      if (!sel?.matchLabels || (sel.matchExpressions?.length ?? 0) > 0) {
        throw new KubectlError(`error: couldn't retrieve selectors via --selector flag or introspection: the ${obj.kind} uses a selector that is not a plain label map`);
      }
      return { selector: sel.matchLabels, containers: w.spec?.template?.spec?.containers ?? [] };
    }
    case "Pod": {
      const p = obj;
      if (!p.metadata.labels || Object.keys(p.metadata.labels).length === 0) {
        throw new KubectlError(`error: the pod has no labels and cannot be exposed
See 'kubectl expose -h' for help and examples`);
      }
      return { selector: p.metadata.labels, containers: p.spec?.containers ?? [] };
    }
    case "Service": {
      const s2 = obj;
      return { selector: s2.spec?.selector ?? {}, containers: [] };
    }
    default:
      throw new KubectlError(`error: cannot expose a ${obj.kind}`);
  }
}
function runExpose(ctx) {
  const { type, name } = resolveSingle(ctx.operands, "the resource type and name are required (kubectl expose deployment NAME --port=80)");
  const obj = getOrThrow(ctx, type, name);
  const { selector, containers } = selectorAndPorts(obj);
  const protocol = ctx.flags.string("protocol") ?? "TCP";
  let portNumbers;
  const portFlag = ctx.flags.string("port");
  if (portFlag !== void 0) portNumbers = portFlag.split(",").map(Number);
  else if (obj.kind === "Service") portNumbers = (obj.spec?.ports ?? []).map((p) => p.port);
  else portNumbers = containers.flatMap((c2) => (c2.ports ?? []).map((p) => p.containerPort));
  if (portNumbers.length === 0 || portNumbers.some((p) => !Number.isInteger(p))) {
    throw new KubectlError("error: couldn't find port via --port flag or introspection\nSee 'kubectl expose -h' for help and examples");
  }
  const targetFlag = ctx.flags.string("target-port");
  const ports = portNumbers.map((port, i) => {
    const p = { port, protocol };
    if (portNumbers.length > 1) p.name = `port-${i + 1}`;
    if (targetFlag !== void 0) p.targetPort = /^\d+$/.test(targetFlag) ? Number(targetFlag) : targetFlag;
    else p.targetPort = port;
    return p;
  });
  const svcName = ctx.flags.string("name") ?? name;
  const svcType = ctx.flags.string("type");
  const spec = { ports, selector };
  if (svcType) spec.type = svcType;
  const service = {
    apiVersion: "v1",
    kind: "Service",
    metadata: {
      creationTimestamp: null,
      ...obj.metadata.labels ? { labels: obj.metadata.labels } : {},
      name: svcName,
      ...type.namespaced ? { namespace: ctx.namespace } : {}
    },
    spec,
    status: { loadBalancer: {} }
  };
  return createAndReport(ctx, service, "exposed");
}

// src/engine/kubectl/commands/get.ts
var WATCH_NOTE = "note: watching is not available in the playground; this is the state at this moment.";
function runGet(ctx) {
  if (ctx.operands.length === 0) {
    throw new KubectlError(
      `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples`
    );
  }
  const format = parseOutputFormat(ctx.flags.string("output"));
  const { targets, multipleTypes } = resolveTargets(ctx.operands);
  if (ctx.allNamespaces && targets.some((t) => t.names.length > 0)) {
    throw new KubectlError("error: a resource cannot be retrieved by name across all namespaces");
  }
  if (ctx.flags.bool("watch")) ctx.err(WATCH_NOTE);
  const sortBy = ctx.flags.string("sort-by");
  const fetched = targets.map((t) => {
    const f = fetchTarget(ctx, t);
    return sortBy ? { ...f, objects: sortByPath(f.objects, sortBy) } : f;
  });
  const errors = fetched.flatMap((f) => f.errors);
  const nonEmpty = fetched.filter((f) => f.objects.length > 0);
  if (format.kind === "table") {
    const blocks = nonEmpty.map(
      (f) => printTable(f.type, f.objects, {
        wide: format.wide,
        withNamespace: ctx.allNamespaces,
        withKind: multipleTypes || ctx.flags.bool("show-kind"),
        showLabels: ctx.flags.bool("show-labels"),
        labelColumns: ctx.flags.all("label-columns").flatMap((v) => v.split(",")),
        noHeaders: ctx.flags.bool("no-headers"),
        nowMs: ctx.nowMs
      })
    );
    ctx.write(blocks.join("\n"));
  } else if (format.kind === "name") {
    for (const f of nonEmpty) ctx.write(printNames(f.type, f.objects));
  } else {
    const single = targets.length === 1 && targets[0].names.length === 1;
    const objects = fetched.flatMap((f) => f.objects);
    if (!(single && objects.length === 0)) ctx.write(printStructured(format, objects, single));
  }
  if (nonEmpty.length === 0 && errors.length === 0 && format.kind === "table") {
    ctx.err(noResourcesMessage(ctx, targets.some((t) => t.type.namespaced)));
  }
  for (const e of errors) ctx.err(e);
  return errors.length > 0 ? 1 : 0;
}

// src/engine/kubectl/version.ts
var KUBERNETES_VERSION = "v1.31.4";
var KUSTOMIZE_VERSION = "v5.4.2";
var API_SERVER_URL = "https://10.0.0.10:6443";

// src/engine/kubectl/commands/info.ts
function versionInfo() {
  const [major, minor] = KUBERNETES_VERSION.slice(1).split(".");
  return {
    major,
    minor,
    gitVersion: KUBERNETES_VERSION,
    gitCommit: "0000000000000000000000000000000000000000",
    gitTreeState: "clean",
    buildDate: "2024-12-10T11:36:41Z",
    goVersion: "go1.22.9",
    compiler: "gc",
    platform: "linux/amd64"
  };
}
function runVersion(ctx) {
  const output = ctx.flags.string("output");
  const clientOnly = ctx.flags.bool("client");
  if (output === "json" || output === "yaml") {
    const data = { clientVersion: versionInfo(), kustomizeVersion: KUSTOMIZE_VERSION };
    if (!clientOnly) {
      ctx.api.list("Namespace");
      data.serverVersion = versionInfo();
    }
    ctx.write(output === "json" ? toJson(data) : toYaml(data));
    return 0;
  }
  ctx.out(`Client Version: ${KUBERNETES_VERSION}`);
  ctx.out(`Kustomize Version: ${KUSTOMIZE_VERSION}`);
  if (clientOnly) return 0;
  ctx.api.list("Namespace");
  ctx.out(`Server Version: ${KUBERNETES_VERSION}`);
  return 0;
}
function runClusterInfo(ctx) {
  if (ctx.operands[0] === "dump") throw new KubectlError("error: `kubectl cluster-info dump` is not available in the playground");
  const services = ctx.api.list("Service", { namespace: "kube-system" }).filter((s2) => s2.metadata.labels?.["kubernetes.io/cluster-service"] === "true");
  ctx.out(`Kubernetes control plane is running at ${API_SERVER_URL}`);
  for (const svc of services) {
    const name = svc.metadata.labels?.["kubernetes.io/name"] ?? svc.metadata.name;
    const port = svc.spec?.ports?.[0]?.name;
    ctx.out(`${name} is running at ${API_SERVER_URL}/api/v1/namespaces/kube-system/services/${svc.metadata.name}${port ? `:${port}` : ""}/proxy`);
  }
  ctx.out("");
  ctx.out("To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.");
  return 0;
}
function runApiResources(ctx) {
  ctx.api.list("Namespace");
  const group = ctx.flags.string("api-group");
  const namespaced = ctx.flags.string("namespaced");
  const types = [...RESOURCE_TYPES].filter((t) => group === void 0 || t.group === group).filter((t) => namespaced === void 0 || String(t.namespaced) === namespaced).sort((a, b) => a.group === b.group ? a.plural < b.plural ? -1 : 1 : a.group < b.group ? -1 : 1);
  if (ctx.flags.string("output") === "name") {
    for (const t of types) ctx.out(t.group ? `${t.plural}.${t.group}` : t.plural);
    return 0;
  }
  const rows = types.map((t) => [t.plural, t.shortNames.join(","), t.apiVersion, String(t.namespaced), t.kind]);
  ctx.write(renderTable(["NAME", "SHORTNAMES", "APIVERSION", "NAMESPACED", "KIND"], rows));
  return 0;
}
function runConfig(ctx) {
  const sub = ctx.operands[0];
  if (sub === "current-context") {
    ctx.out("kubernetes-admin@kubernetes");
    return 0;
  }
  if (sub === "get-contexts") {
    ctx.write(renderTable(["CURRENT", "NAME", "CLUSTER", "AUTHINFO", "NAMESPACE"], [["*", "kubernetes-admin@kubernetes", "kubernetes", "kubernetes-admin", ""]]));
    return 0;
  }
  throw new KubectlError("error: the playground supports `kubectl config current-context` and `kubectl config get-contexts`");
}

// src/engine/kubectl/commands/label.ts
function runLabelOrAnnotate(ctx, field) {
  const verb = field === "labels" ? "labeled" : "annotated";
  const changes = ctx.operands.filter((w) => w.includes("=") || w.endsWith("-") && !w.includes("/"));
  const resources = ctx.operands.filter((w) => !changes.includes(w));
  if (changes.length === 0) throw new KubectlError(`error: at least one ${field === "labels" ? "label" : "annotation"} update is required`);
  const set = /* @__PURE__ */ new Map();
  const remove = [];
  for (const c2 of changes) {
    if (c2.includes("=")) set.set(c2.slice(0, c2.indexOf("=")), c2.slice(c2.indexOf("=") + 1));
    else remove.push(c2.slice(0, -1));
  }
  const { targets } = resolveTargets(resources);
  const overwrite = ctx.flags.bool("overwrite");
  for (const t of targets) {
    if (t.names.length === 0 && !ctx.flags.has("selector") && !ctx.flags.bool("all")) {
      throw new KubectlError("error: resource(s) were provided, but no name was specified");
    }
    const { objects, errors } = fetchTarget(ctx, t, { allowAllNamespaces: false });
    if (errors.length > 0) throw new KubectlError(errors[0]);
    for (const obj of objects) applyChanges(ctx, t.type, obj, field, set, remove, overwrite, verb);
  }
  return 0;
}
function applyChanges(ctx, type, obj, field, set, remove, overwrite, verb) {
  const current = { ...obj.metadata[field] ?? {} };
  let changed = false;
  for (const [k, v] of set) {
    if (k in current && current[k] !== v && !overwrite) {
      throw new KubectlError(`error: '${k}' already has a value (${current[k]}), and --overwrite is false`);
    }
    if (current[k] !== v) changed = true;
    current[k] = v;
  }
  for (const k of remove) {
    if (k in current) {
      delete current[k];
      changed = true;
    }
  }
  const name = `${kindPrefix(type)}/${obj.metadata.name}`;
  if (!changed) {
    ctx.out(`${name} not ${verb}`);
    return;
  }
  if (ctx.dryRun === "none") ctx.api.update({ ...obj, metadata: { ...obj.metadata, [field]: current } });
  ctx.out(`${name} ${verb}${ctx.dryRunSuffix}`);
}

// src/engine/kubectl/commands/logs.ts
function podFor(ctx, word) {
  const podType = resourceForKind("Pod");
  const slash = word.indexOf("/");
  if (slash < 0) return getOrThrow(ctx, podType, word);
  const type = resolveType(word.slice(0, slash));
  const name = word.slice(slash + 1);
  if (type.kind === "Pod") return getOrThrow(ctx, podType, name);
  const owner = getOrThrow(ctx, type, name);
  const selector = type.kind === "Service" ? void 0 : fromLabelSelector(owner.spec?.selector);
  const svcSelector = type.kind === "Service" ? owner.spec?.selector : void 0;
  const sel = selector ?? Object.entries(svcSelector ?? {}).map(([key, v]) => ({ key, operator: "In", values: [v] }));
  const pods = ctx.api.list("Pod", { namespace: ctx.namespace, selector: sel }).sort(byNamespaceAndName);
  if (pods.length === 0) throw new KubectlError(`error: timed out waiting for the condition`);
  if (pods.length > 1) ctx.err(`Found ${pods.length} pods, using pod/${pods[0].metadata.name}`);
  return pods[0];
}
function runLogs(ctx) {
  const word = ctx.operands[0];
  if (!word) throw new KubectlError("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples");
  if (ctx.flags.bool("watch")) ctx.err("note: following logs (-f) is not available in the playground; these are the lines so far.");
  const pod = podFor(ctx, word);
  let container = ctx.flags.string("container") ?? ctx.operands[1];
  const containers = pod.spec?.containers ?? [];
  if (!container) {
    const annotated = pod.metadata.annotations?.["kubectl.kubernetes.io/default-container"];
    container = annotated ?? containers[0]?.name;
    if (!annotated && containers.length > 1) {
      ctx.err(`Defaulted container "${container}" out of: ${[...containers, ...pod.spec?.initContainers ?? []].map((c2) => c2.name).join(", ")}`);
    }
  } else if (![...containers, ...pod.spec?.initContainers ?? []].some((c2) => c2.name === container)) {
    throw new KubectlError(`error: container ${container} is not valid for pod ${pod.metadata.name}`);
  }
  const tail = ctx.flags.int("tail");
  let lines;
  try {
    lines = ctx.host.logs({
      namespace: pod.metadata.namespace ?? ctx.namespace,
      pod: pod.metadata.name,
      ...container ? { container } : {},
      ...ctx.flags.bool("previous") ? { previous: true } : {},
      ...tail !== void 0 && tail >= 0 ? { tail } : {}
    });
  } catch (e) {
    if (e instanceof KubectlError) throw e;
    const message = e.message;
    throw new KubectlError(/^(error|Error from server)/.test(message) ? message : `error: ${message}`);
  }
  const shown = tail !== void 0 && tail >= 0 ? lines.slice(Math.max(0, lines.length - tail)) : lines;
  for (const line of shown) ctx.out(line);
  return 0;
}

// src/engine/kubectl/commands/nodes.ts
var MIRROR_POD_ANNOTATION = "kubernetes.io/config.mirror";
function nodeArg(ctx, command) {
  const names = ctx.operands;
  if (names.length === 0 && !ctx.flags.has("selector")) throw new KubectlError(`error: USAGE: ${command} NODE [flags]
See 'kubectl ${command} -h' for help and examples`);
  const type = resourceForKind("Node");
  if (names.length === 0) {
    return ctx.api.list("Node", { selector: selectorFlag(ctx) ?? [] }).sort(byNamespaceAndName);
  }
  return names.map((n) => getOrThrow(ctx, type, n.replace(/^(node|nodes|no)\//, "")));
}
function setUnschedulable(ctx, node, unschedulable) {
  const verb = unschedulable ? "cordoned" : "uncordoned";
  if ((node.spec?.unschedulable ?? false) === unschedulable) {
    ctx.out(`node/${node.metadata.name} already ${verb}`);
    return;
  }
  if (ctx.dryRun === "none") {
    const spec = { ...node.spec };
    if (unschedulable) spec.unschedulable = true;
    else delete spec.unschedulable;
    ctx.api.update({ ...node, spec });
  }
  ctx.out(`node/${node.metadata.name} ${verb}${ctx.dryRunSuffix}`);
}
function runCordon(ctx, unschedulable) {
  for (const node of nodeArg(ctx, unschedulable ? "cordon" : "uncordon")) setUnschedulable(ctx, node, unschedulable);
  return 0;
}
var podName2 = (p) => `${p.metadata.namespace}/${p.metadata.name}`;
function runDrain(ctx) {
  const ignoreDaemonSets = ctx.flags.bool("ignore-daemonsets");
  const deleteEmptyDir = ctx.flags.bool("delete-emptydir-data") || ctx.flags.bool("delete-local-data");
  const force = ctx.flags.bool("force");
  const grace = ctx.flags.int("grace-period");
  for (const node of nodeArg(ctx, "drain")) {
    setUnschedulable(ctx, node, true);
    const pods = ctx.api.list("Pod", { nodeName: node.metadata.name }).sort(byNamespaceAndName);
    const toEvict = [];
    const unmanaged = [];
    const daemonSet = [];
    const localStorage = [];
    const warnings = { daemonSet: [], unmanaged: [], localStorage: [] };
    for (const pod of pods) {
      if (pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== void 0) continue;
      const finished = pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
      const owner = controllerOf(pod);
      if (!finished && owner?.kind === "DaemonSet") {
        if (ignoreDaemonSets) warnings.daemonSet.push(podName2(pod));
        else daemonSet.push(podName2(pod));
        continue;
      }
      if (!finished && !owner) {
        if (force) warnings.unmanaged.push(podName2(pod));
        else unmanaged.push(podName2(pod));
      }
      if (!finished && (pod.spec?.volumes ?? []).some((v) => v.emptyDir)) {
        if (deleteEmptyDir) warnings.localStorage.push(podName2(pod));
        else localStorage.push(podName2(pod));
      }
      toEvict.push(pod);
    }
    const errors = [];
    if (unmanaged.length > 0) errors.push(`cannot delete Pods that declare no controller (use --force to override): ${unmanaged.join(", ")}`);
    if (daemonSet.length > 0) errors.push(`cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${daemonSet.join(", ")}`);
    if (localStorage.length > 0) errors.push(`cannot delete Pods with local storage (use --delete-emptydir-data to override): ${localStorage.join(", ")}`);
    if (errors.length > 0) {
      const joined = errors.length === 1 ? errors[0] : `[${errors.join(", ")}]`;
      throw new KubectlError(
        `error: unable to drain node "${node.metadata.name}" due to error: ${joined}, continuing command...
There are pending nodes to be drained:
 ${node.metadata.name}
${errors.join("\n")}`
      );
    }
    const warnParts = [];
    if (warnings.unmanaged.length > 0) warnParts.push(`deleting Pods that declare no controller: ${warnings.unmanaged.join(", ")}`);
    if (warnings.daemonSet.length > 0) warnParts.push(`ignoring DaemonSet-managed Pods: ${warnings.daemonSet.join(", ")}`);
    if (warnings.localStorage.length > 0) warnParts.push(`deleting Pods with local storage: ${warnings.localStorage.join(", ")}`);
    if (warnParts.length > 0) ctx.err(`Warning: ${warnParts.join("; ")}`);
    for (const pod of toEvict) ctx.out(`evicting pod ${podName2(pod)}`);
    for (const pod of toEvict) {
      if (ctx.dryRun === "none") {
        ctx.api.delete("Pod", pod.metadata.namespace, pod.metadata.name, grace !== void 0 && grace >= 0 ? { gracePeriodSeconds: grace } : {});
      }
      ctx.out(`pod/${pod.metadata.name} evicted`);
    }
    ctx.out(`node/${node.metadata.name} drained`);
  }
  return 0;
}

// src/engine/kubectl/commands/rollout.ts
var CHANGE_CAUSE = "kubernetes.io/change-cause";
var ANNOTATIONS_TO_SKIP = /* @__PURE__ */ new Set([
  "kubectl.kubernetes.io/last-applied-configuration",
  "deployment.kubernetes.io/revision",
  "deployment.kubernetes.io/revision-history",
  "deployment.kubernetes.io/desired-replicas",
  "deployment.kubernetes.io/max-replicas",
  "deprecated.deployment.rollback.to"
]);
function deploymentArg(ctx) {
  const { type, name } = resolveSingle(ctx.operands.slice(1), "required resource not specified");
  if (type.kind !== "Deployment") {
    throw new KubectlError(`error: the playground supports rollouts of deployments (got ${type.plural})`);
  }
  return getOrThrow(ctx, type, name);
}
function rolloutStatus(d) {
  const st = d.status ?? {};
  const name = d.metadata.name;
  if ((d.metadata.generation ?? 0) <= (st.observedGeneration ?? 0)) {
    const progressing = st.conditions?.find((c2) => c2.type === "Progressing");
    if (progressing?.reason === "ProgressDeadlineExceeded") return { message: "", done: false, error: `error: deployment "${name}" exceeded its progress deadline` };
    const replicas = d.spec?.replicas ?? 1;
    const updated = st.updatedReplicas ?? 0;
    if (updated < replicas) return { message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...`, done: false };
    const total = st.replicas ?? 0;
    if (total > updated) return { message: `Waiting for deployment "${name}" rollout to finish: ${total - updated} old replicas are pending termination...`, done: false };
    const available = st.availableReplicas ?? 0;
    if (available < updated) return { message: `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...`, done: false };
    return { message: `deployment "${name}" successfully rolled out`, done: true };
  }
  return { message: "Waiting for deployment spec update to be observed...", done: false };
}
function history(ctx, d) {
  const rss = listReplicaSetsOf(ctx.api, d);
  const byRevision2 = /* @__PURE__ */ new Map();
  for (const rs of rss) {
    const rev = revisionOf(rs);
    if (rev > 0) byRevision2.set(rev, rs);
  }
  const revision = ctx.flags.int("revision") ?? 0;
  if (revision < 0) throw new KubectlError(`error: revision must be a positive integer: ${revision}`);
  let body;
  if (revision > 0) {
    const rs = byRevision2.get(revision);
    if (!rs) throw new KubectlError(`error: unable to find the specified revision`);
    const w = new PrefixWriter();
    describePodTemplate(w, templateWithChangeCause(rs));
    body = w.toString();
  } else {
    let text = "REVISION	CHANGE-CAUSE\n";
    for (const rev of [...byRevision2.keys()].sort((a, b) => a - b)) {
      text += `${rev}	${byRevision2.get(rev).metadata.annotations?.[CHANGE_CAUSE] || "<none>"}
`;
    }
    body = alignTabs(text, DESCRIBE_TABWRITER);
  }
  const withRevision = revision > 0 ? `with revision #${revision}` : "";
  ctx.write(`deployment.apps/${d.metadata.name} ${withRevision}
${body}
`);
  return 0;
}
function templateWithChangeCause(rs) {
  const t = rs.spec?.template;
  const cause = rs.metadata.annotations?.[CHANGE_CAUSE];
  if (!t || !cause) return t;
  return { ...t, metadata: { ...t.metadata, annotations: { ...t.metadata?.annotations, [CHANGE_CAUSE]: cause } } };
}
function undo(ctx, d) {
  if (d.spec?.paused) throw new KubectlError("error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  const toRevision = ctx.flags.int("to-revision") ?? 0;
  const rss = listReplicaSetsOf(ctx.api, d);
  let target;
  if (toRevision > 0) {
    target = rss.find((rs) => revisionOf(rs) === toRevision);
    if (!target) throw new KubectlError(`error: unable to find specified revision ${toRevision} in history`);
  } else {
    const sorted = rss.filter((rs) => revisionOf(rs) > 0).sort((a, b) => revisionOf(b) - revisionOf(a));
    target = sorted[1];
    if (!target) throw new KubectlError(`error: no rollout history found for deployment "${d.metadata.name}"`);
  }
  const name = `deployment.apps/${d.metadata.name}`;
  if (equalIgnoreHash(target.spec?.template, d.spec?.template)) {
    ctx.out(`${name} skipped rollback (current template already matches revision ${toRevision})`);
    return 0;
  }
  const template = structuredClone(target.spec.template);
  if (template.metadata?.labels) delete template.metadata.labels[POD_TEMPLATE_HASH_LABEL];
  const annotations = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(target.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  if (ctx.dryRun === "none") {
    ctx.api.update({ ...d, metadata: { ...d.metadata, annotations }, spec: { ...d.spec, template } });
  }
  ctx.out(`${name} rolled back${ctx.dryRunSuffix}`);
  return 0;
}
function restart(ctx, d) {
  if (d.spec?.paused) throw new KubectlError(`error: deployments.apps "${d.metadata.name}" can't restart paused deployment (run rollout resume first)`);
  const template = d.spec.template;
  const next = {
    ...d,
    spec: {
      ...d.spec,
      template: {
        ...template,
        metadata: { ...template.metadata, annotations: { ...template.metadata?.annotations, "kubectl.kubernetes.io/restartedAt": ctx.host.clock.nowRfc3339() } }
      }
    }
  };
  if (ctx.dryRun === "none") ctx.api.update(next);
  ctx.out(`deployment.apps/${d.metadata.name} restarted${ctx.dryRunSuffix}`);
  return 0;
}
function setPaused(ctx, d, paused) {
  const name = `deployment.apps/${d.metadata.name}`;
  if ((d.spec?.paused ?? false) === paused) {
    if (paused) ctx.out(`${name} already paused`);
    else throw new KubectlError(`error: deployments.apps "${d.metadata.name}" is not paused`);
    return 0;
  }
  if (ctx.dryRun === "none") ctx.api.update({ ...d, spec: { ...d.spec, paused: paused || void 0 } });
  ctx.out(`${name} ${paused ? "paused" : "resumed"}${ctx.dryRunSuffix}`);
  return 0;
}
function runRollout(ctx) {
  const sub = ctx.operands[0];
  if (!sub) throw new KubectlError("error: the rollout subcommands are: history, pause, restart, resume, status, undo");
  const d = deploymentArg(ctx);
  switch (sub) {
    case "status": {
      const s2 = rolloutStatus(d);
      if (s2.error) throw new KubectlError(s2.error);
      ctx.out(s2.message);
      return 0;
    }
    case "history":
      return history(ctx, d);
    case "undo":
      return undo(ctx, d);
    case "restart":
      return restart(ctx, d);
    case "pause":
      return setPaused(ctx, d, true);
    case "resume":
      return setPaused(ctx, d, false);
    default:
      throw new KubectlError(`error: unknown command "${sub}" for "kubectl rollout"`);
  }
}

// src/engine/kubectl/commands/run.ts
function parseLabels(text) {
  const labels = {};
  for (const pair of text.split(",")) {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new KubectlError(`error: invalid label spec: ${pair}`);
    labels[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return labels;
}
function runRun(ctx) {
  const name = ctx.operands[0];
  if (!name) throw new KubectlError("error: NAME is required for run\nSee 'kubectl run -h' for help and examples");
  const image2 = ctx.flags.string("image");
  if (!image2) throw new KubectlError('error: required flag(s) "image" not set');
  if (ctx.flags.bool("stdin") || ctx.flags.bool("tty") || ctx.flags.bool("rm")) {
    throw new KubectlError("error: interactive sessions (-i, -t, --rm) are not available in the playground; run the pod, then use `kubectl logs`");
  }
  const restart2 = ctx.flags.string("restart") ?? "Always";
  if (!["Always", "OnFailure", "Never"].includes(restart2)) throw new KubectlError(`error: invalid restart policy: ${restart2}`);
  const labelsFlag = ctx.flags.string("labels");
  const labels = labelsFlag ? parseLabels(labelsFlag) : { run: name };
  const container = { image: image2, name, resources: {} };
  const passthrough = ctx.args.passthrough;
  if (passthrough.length > 0) {
    if (ctx.flags.bool("command")) container.command = passthrough;
    else container.args = passthrough;
  }
  const env = ctx.flags.all("env").map((kv) => {
    const eq = kv.indexOf("=");
    if (eq <= 0) throw new KubectlError(`error: invalid env: ${kv}`);
    return { name: kv.slice(0, eq), value: kv.slice(eq + 1) };
  });
  if (env.length > 0) container.env = env;
  const port = ctx.flags.int("port");
  if (port !== void 0 && port >= 0) container.ports = [{ containerPort: port }];
  const pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { creationTimestamp: null, labels, name, ...ctx.namespaceExplicit ? { namespace: ctx.namespace } : {} },
    spec: { containers: [container], dnsPolicy: "ClusterFirst", restartPolicy: restart2 },
    status: {}
  };
  return createAndReport(ctx, pod);
}

// src/engine/kubectl/commands/scale.ts
var SCALABLE = /* @__PURE__ */ new Set(["Deployment", "ReplicaSet", "StatefulSet"]);
function runScale(ctx) {
  const replicas = ctx.flags.int("replicas");
  if (replicas === void 0) throw new KubectlError('error: required flag(s) "replicas" not set');
  if (replicas < 0) throw new KubectlError("error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0");
  const { targets } = resolveTargets(ctx.operands);
  for (const t of targets) {
    if (!SCALABLE.has(t.type.kind)) throw new KubectlError(`error: no objects passed to scale ${t.type.plural} is not scalable`);
    if (t.names.length === 0) throw new KubectlError("error: resource(s) were provided, but no name was specified");
    for (const name of t.names) {
      const obj = getOrThrow(ctx, t.type, name);
      if (ctx.dryRun === "none") {
        ctx.api.update({ ...obj, spec: { ...obj.spec, replicas } });
      }
      ctx.out(`${kindPrefix(t.type)}/${name} scaled${ctx.dryRunSuffix}`);
    }
  }
  return 0;
}

// src/engine/kubectl/commands/setImage.ts
function podSpecOf(obj) {
  const o = obj;
  if (obj.kind === "Pod") return o.spec;
  if (obj.kind === "CronJob") return o.spec?.jobTemplate?.spec?.template?.spec;
  return o.spec?.template?.spec;
}
function runSetImage(ctx) {
  if (ctx.operands[0] !== "image") throw new KubectlError("error: the playground supports `kubectl set image`");
  const words = ctx.operands.slice(1);
  const assignments = words.filter((w) => w.includes("="));
  const resources = words.filter((w) => !w.includes("="));
  if (assignments.length === 0) throw new KubectlError("error: at least one image update is required");
  const images = new Map(assignments.map((a) => [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]));
  const { targets } = resolveTargets(resources);
  for (const t of targets) {
    for (const name of t.names) {
      const obj = structuredClone(getOrThrow(ctx, t.type, name));
      const spec = podSpecOf(obj);
      if (!spec) throw new KubectlError(`error: ${t.type.plural} do not have containers`);
      const all2 = [...spec.initContainers ?? [], ...spec.containers];
      for (const [container, image2] of images) {
        const matches = container === "*" ? all2 : all2.filter((c2) => c2.name === container);
        if (matches.length === 0) throw new KubectlError(`error: unable to find container named "${container}"`);
        for (const c2 of matches) c2.image = image2;
      }
      if (ctx.dryRun === "none") ctx.api.update(obj);
      ctx.out(`${kindPrefix(t.type)}/${name} image updated${ctx.dryRunSuffix}`);
    }
  }
  return 0;
}

// src/engine/kubectl/commands/top.ts
var MiB = 1024 * 1024;
function topPods(ctx) {
  const name = ctx.operands[1];
  const selector = selectorFlag(ctx);
  let pods = ctx.api.list("Pod", { ...ctx.allNamespaces ? {} : { namespace: ctx.namespace }, ...selector ? { selector } : {} }).filter((p) => p.status?.phase === "Running").sort(byNamespaceAndName);
  if (name) {
    pods = pods.filter((p) => p.metadata.name === name);
    if (pods.length === 0) throw new KubectlError(`Error from server (NotFound): podmetrics.metrics.k8s.io "${ctx.namespace}/${name}" not found`);
  }
  const withContainers = ctx.flags.bool("containers");
  const rows = [];
  for (const pod of pods) {
    const m = ctx.host.podMetrics(pod.metadata.namespace ?? ctx.namespace, pod.metadata.name);
    if (!m) continue;
    const ns = ctx.allNamespaces ? [pod.metadata.namespace ?? ""] : [];
    if (withContainers) {
      for (const c2 of m.containers) rows.push([...ns, pod.metadata.name, c2.name, `${Math.round(c2.cpuMilli)}m`, `${Math.floor(c2.memoryBytes / MiB)}Mi`]);
    } else {
      const cpu = m.containers.reduce((s2, c2) => s2 + c2.cpuMilli, 0);
      const mem = m.containers.reduce((s2, c2) => s2 + c2.memoryBytes, 0);
      rows.push([...ns, pod.metadata.name, `${Math.round(cpu)}m`, `${Math.floor(mem / MiB)}Mi`]);
    }
  }
  if (rows.length === 0) {
    if (name) throw new KubectlError("error: metrics not available yet");
    ctx.err(ctx.allNamespaces ? "No resources found" : `No resources found in ${ctx.namespace} namespace.`);
    return 0;
  }
  const headers = [...ctx.allNamespaces ? ["NAMESPACE"] : [], ...withContainers ? ["POD", "NAME"] : ["NAME"], "CPU(cores)", "MEMORY(bytes)"];
  ctx.write(renderTable(ctx.flags.bool("no-headers") ? null : headers, rows));
  return 0;
}
function topNodes(ctx) {
  const name = ctx.operands[1];
  const selector = selectorFlag(ctx);
  let nodes = ctx.api.list("Node", selector ? { selector } : {}).sort(byNamespaceAndName);
  if (name) {
    nodes = nodes.filter((n) => n.metadata.name === name);
    if (nodes.length === 0) throw new KubectlError(`Error from server (NotFound): nodemetrics.metrics.k8s.io "${name}" not found`);
  }
  const rows = [];
  const missing = [];
  for (const node of nodes) {
    const m = ctx.host.nodeMetrics(node.metadata.name);
    if (!m) {
      missing.push([node.metadata.name, "<unknown>", "<unknown>", "<unknown>", "<unknown>"]);
      continue;
    }
    const alloc = node.status?.allocatable ?? node.status?.capacity ?? {};
    const cpuAlloc = cpuMillis(alloc.cpu);
    const memAlloc = memoryBytes(alloc.memory);
    const pct2 = (v, total) => total > 0 ? `${Math.trunc(v / total * 100)}%` : "<unknown>";
    rows.push([node.metadata.name, `${Math.round(m.cpuMilli)}m`, pct2(m.cpuMilli, cpuAlloc), `${Math.floor(m.memoryBytes / MiB)}Mi`, pct2(m.memoryBytes, memAlloc)]);
  }
  if (rows.length === 0 && missing.length === 0) throw new KubectlError("error: metrics not available yet");
  const headers = ["NAME", "CPU(cores)", "CPU%", "MEMORY(bytes)", "MEMORY%"];
  ctx.write(renderTable(ctx.flags.bool("no-headers") ? null : headers, [...rows, ...missing]));
  return 0;
}
function runTop(ctx) {
  const what = ctx.operands[0];
  if (what === "pod" || what === "pods" || what === "po") return topPods(ctx);
  if (what === "node" || what === "nodes" || what === "no") return topNodes(ctx);
  throw new KubectlError("error: the top subcommands are: node, pod\nSee 'kubectl top -h' for help and examples");
}

// src/engine/kubectl/commands/registry.ts
function cmd(path, summary, usage, run) {
  return { path: path.split(" "), summary, help: `${summary}

Usage:
  ${usage}`, run };
}
var COMMANDS = [
  cmd("get", "Display one or many resources", "kubectl get TYPE[.VERSION][.GROUP] [NAME | -l label] [-o wide|yaml|json|name|jsonpath=...] [-A]", runGet),
  cmd("describe", "Show details of a specific resource or group of resources", "kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)", runDescribe),
  cmd("apply", "Apply a configuration to a resource by file name", "kubectl apply -f FILENAME [--dry-run=client|server]", (ctx) => runApplyFiles(ctx, "apply")),
  cmd("create", "Create a resource from a file or from arguments", "kubectl create -f FILENAME | create deployment NAME --image=IMAGE | create namespace NAME | create configmap NAME --from-literal=k=v", runCreate),
  cmd("replace", "Replace a resource by file name", "kubectl replace -f FILENAME", (ctx) => runApplyFiles(ctx, "replace")),
  cmd("delete", "Delete resources by file names, resources and names, or by resources and label selector", "kubectl delete ([-f FILENAME] | TYPE [(NAME | -l label | --all)])", runDelete),
  cmd("run", "Run a particular image on the cluster", "kubectl run NAME --image=image [--port=port] [--restart=Never] [-- COMMAND] [args...]", runRun),
  cmd("expose", "Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service", "kubectl expose (TYPE NAME | TYPE/NAME) [--port=port] [--target-port=port] [--type=type] [--name=name]", runExpose),
  cmd("scale", "Set a new size for a deployment, replica set or stateful set", "kubectl scale --replicas=COUNT (TYPE NAME | TYPE/NAME)", runScale),
  cmd("rollout", "Manage the rollout of a resource", "kubectl rollout (status|history|undo|restart|pause|resume) deployment/NAME", runRollout),
  cmd("set", "Set specific features on objects", "kubectl set image (TYPE NAME | TYPE/NAME) CONTAINER_NAME=CONTAINER_IMAGE ...", runSetImage),
  cmd("label", "Update the labels on a resource", "kubectl label [--overwrite] (TYPE NAME | TYPE/NAME) KEY=VAL ... KEY-", (ctx) => runLabelOrAnnotate(ctx, "labels")),
  cmd("annotate", "Update the annotations on a resource", "kubectl annotate [--overwrite] (TYPE NAME | TYPE/NAME) KEY=VAL ... KEY-", (ctx) => runLabelOrAnnotate(ctx, "annotations")),
  cmd("cordon", "Mark node as unschedulable", "kubectl cordon NODE", (ctx) => runCordon(ctx, true)),
  cmd("uncordon", "Mark node as schedulable", "kubectl uncordon NODE", (ctx) => runCordon(ctx, false)),
  cmd("drain", "Drain node in preparation for maintenance", "kubectl drain NODE [--ignore-daemonsets] [--delete-emptydir-data] [--force]", runDrain),
  cmd("logs", "Print the logs for a container in a pod", "kubectl logs (POD | TYPE/NAME) [-c CONTAINER] [--previous] [--tail=N]", runLogs),
  cmd("top", "Display resource (CPU/memory) usage", "kubectl top (pods | nodes) [NAME] [-A] [--containers]", runTop),
  cmd("version", "Print the client and server version information", "kubectl version [--client] [-o json|yaml]", runVersion),
  cmd("cluster-info", "Display cluster information", "kubectl cluster-info", runClusterInfo),
  cmd("api-resources", "Print the supported API resources on the server", "kubectl api-resources [--namespaced=true|false] [--api-group=GROUP]", runApiResources),
  cmd("config", "Modify kubeconfig files", "kubectl config (current-context | get-contexts)", runConfig)
];
function findCommand(positionals) {
  return COMMANDS.find((c2) => c2.path.every((w, i) => positionals[i] === w));
}
var HELP_TEXT = `kubectl controls the Kubernetes cluster manager.

 Find more information at: https://kubernetes.io/docs/reference/kubectl/

The playground supports these commands:
${COMMANDS.map((c2) => `  ${c2.path.join(" ").padEnd(14)}${c2.summary}`).join("\n")}

Usage:
  kubectl [flags] [options]

Use "kubectl <command> --help" for more information about a given command.
`;

// src/engine/kubectl/index.ts
function runKubectl(host, line) {
  let ctx;
  try {
    const words = tokenize2(line.trim());
    if (words[0] === "kubectl") words.shift();
    const parsed = parseArgs(words);
    const found = findCommand(parsed.positionals);
    if (!found) {
      const helpCtx = new CommandContext(host, parsed, []);
      if (parsed.positionals.length === 0) {
        helpCtx.write(HELP_TEXT);
        return { stdout: helpCtx.stdoutText, stderr: "", exitCode: 0 };
      }
      const word = parsed.positionals[0];
      return {
        stdout: "",
        stderr: `error: unknown command "${word}" for "kubectl"
(the playground supports: ${COMMANDS.map((c2) => c2.path.join(" ")).filter((p, i, a) => a.indexOf(p) === i).join(", ")})
`,
        exitCode: 1
      };
    }
    ctx = new CommandContext(host, parsed, parsed.positionals.slice(found.path.length));
    if (ctx.flags.bool("help")) {
      ctx.write(found.help + "\n");
      return { stdout: ctx.stdoutText, stderr: "", exitCode: 0 };
    }
    const exitCode = found.run(ctx);
    return { stdout: ctx.stdoutText, stderr: ctx.stderrText, exitCode };
  } catch (e) {
    const { message, exitCode } = describeFailure(e);
    return { stdout: ctx?.stdoutText ?? "", stderr: (ctx?.stderrText ?? "") + message + "\n", exitCode };
  }
}
function describeFailure(e) {
  if (e instanceof KubectlError) return { message: e.message, exitCode: e.exitCode };
  if (e instanceof ApiError) return { message: e.toKubectlMessage(), exitCode: 1 };
  if (e instanceof ConnectionRefusedError) return { message: e.message, exitCode: 1 };
  if (e instanceof Error) return { message: e.message.startsWith("error: ") ? e.message : `error: ${e.message}`, exitCode: 1 };
  return { message: `error: ${String(e)}`, exitCode: 1 };
}

// src/engine/proxy/serviceProxy.ts
var SERVICE_NAME_LABEL2 = "kubernetes.io/service-name";
var ServiceProxy = class {
  constructor(api, random, cues) {
    this.api = api;
    this.random = random;
    this.cues = cues;
    api.watch("EndpointSlice", (ev) => {
      const slice = ev.object;
      const svc = slice.metadata.labels?.[SERVICE_NAME_LABEL2];
      if (!svc) return;
      const key = objectKey(slice.metadata.namespace, svc);
      let bySlice = this.slices.get(key);
      if (ev.type === "DELETED") {
        bySlice?.delete(slice.metadata.name);
        if (bySlice?.size === 0) this.slices.delete(key);
        return;
      }
      if (!bySlice) this.slices.set(key, bySlice = /* @__PURE__ */ new Map());
      bySlice.set(slice.metadata.name, backendsOf(slice));
    });
  }
  api;
  random;
  cues;
  /** service key (ns/name) → slice name → backends of that slice */
  slices = /* @__PURE__ */ new Map();
  /** Every backend kube-proxy knows for a Service (ready or not), in slice order. */
  backends(namespace, service) {
    const bySlice = this.slices.get(objectKey(namespace, service));
    if (!bySlice) return [];
    return [...bySlice.values()].flat();
  }
  /** The backend one new connection to the Service goes to. */
  route(namespace, service) {
    const svc = this.api.peek("Service", namespace, service);
    if (!svc) return { ok: false, service, namespace, reason: "no-service" };
    const all2 = this.backends(namespace, service);
    let pool = all2.filter((b) => b.ready);
    if (pool.length === 0) pool = all2.filter((b) => b.serving && b.terminating);
    if (pool.length === 0) {
      if (this.cues.hasListeners) this.cues.emit({ type: "traffic", service, namespace, pod: "", ok: false });
      return { ok: false, service, namespace, reason: "no-endpoints" };
    }
    const backend = this.random.pick(pool);
    if (this.cues.hasListeners) this.cues.emit({ type: "traffic", service, namespace, pod: backend.podName ?? backend.ip, ok: true });
    return { ok: true, service, namespace, backend };
  }
};
function backendsOf(slice) {
  const port = slice.ports?.[0]?.port ?? 0;
  const out = [];
  for (const ep of slice.endpoints ?? []) {
    const ready = ep.conditions?.ready ?? true;
    for (const ip of ep.addresses) {
      out.push({
        ip,
        port,
        ...ep.targetRef?.name ? { podName: ep.targetRef.name } : {},
        ...ep.targetRef?.namespace ? { podNamespace: ep.targetRef.namespace } : {},
        ...ep.nodeName ? { nodeName: ep.nodeName } : {},
        ready,
        serving: ep.conditions?.serving ?? ready,
        terminating: ep.conditions?.terminating ?? false
      });
    }
  }
  return out;
}

// src/engine/proxy/dns.ts
var CLUSTER_DOMAIN = "cluster.local";
function searchCandidates(name, fromNamespace) {
  const trimmed = name.endsWith(".") ? name.slice(0, -1) : name;
  if (name.endsWith(".")) return [trimmed];
  return [
    `${trimmed}.${fromNamespace}.svc.${CLUSTER_DOMAIN}`,
    `${trimmed}.svc.${CLUSTER_DOMAIN}`,
    `${trimmed}.${CLUSTER_DOMAIN}`,
    trimmed
  ];
}
var ClusterDns = class {
  constructor(api, proxy) {
    this.api = api;
    this.proxy = proxy;
  }
  api;
  proxy;
  /** Resolves a name as a pod in `fromNamespace` would; undefined is NXDOMAIN. */
  resolve(name, fromNamespace = "default") {
    for (const candidate of searchCandidates(name.toLowerCase(), fromNamespace)) {
      const answer = this.lookup(candidate);
      if (answer) return answer;
    }
    return void 0;
  }
  lookup(fqdn) {
    const suffix = `.${CLUSTER_DOMAIN}`;
    if (!fqdn.endsWith(suffix)) return void 0;
    const labels = fqdn.slice(0, -suffix.length).split(".");
    if (labels.length === 3 && labels[2] === "svc") {
      const [name, namespace] = labels;
      const svc = this.api.peek("Service", namespace, name);
      if (!svc) return void 0;
      if (svc.spec?.type === "ExternalName") return { fqdn, addresses: [], kind: "external", cname: svc.spec.externalName ?? "" };
      if (svc.spec?.clusterIP === "None") {
        const ips = this.proxy.backends(namespace, name).filter((b) => b.ready).map((b) => b.ip);
        return { fqdn, addresses: [...new Set(ips)], kind: "headless-service" };
      }
      return { fqdn, addresses: svc.spec?.clusterIP ? [svc.spec.clusterIP] : [], kind: "service" };
    }
    if (labels.length === 3 && labels[2] === "pod") {
      const ip = labels[0].replaceAll("-", ".");
      if (!/^\d+\.\d+\.\d+\.\d+$/.test(ip)) return void 0;
      return { fqdn, addresses: [ip], kind: "pod" };
    }
    return void 0;
  }
};

// src/engine/scenarios/bootstrap.ts
var SYSTEM_NAMESPACES = ["default", "kube-system", "kube-public", "kube-node-lease"];
function bootstrapCluster(api) {
  for (const name of SYSTEM_NAMESPACES) {
    api.create({
      apiVersion: "v1",
      kind: "Namespace",
      metadata: { name, labels: { "kubernetes.io/metadata.name": name } },
      spec: { finalizers: ["kubernetes"] },
      status: { phase: "Active" }
    });
  }
  for (const [name, value, description] of [
    ["system-node-critical", 2000001e3, "Used for system critical pods that must not be moved from their current node."],
    ["system-cluster-critical", 2e9, "Used for system critical pods that must run in the cluster, but can be moved to another node if necessary."]
  ]) {
    api.create({
      apiVersion: "scheduling.k8s.io/v1",
      kind: "PriorityClass",
      metadata: { name },
      value,
      globalDefault: false,
      description
    });
  }
  api.create({
    apiVersion: "storage.k8s.io/v1",
    kind: "StorageClass",
    metadata: { name: "local-path", annotations: { "storageclass.kubernetes.io/is-default-class": "true" } },
    provisioner: "rancher.io/local-path",
    reclaimPolicy: "Delete",
    volumeBindingMode: "WaitForFirstConsumer"
  });
  api.create({
    apiVersion: "v1",
    kind: "Service",
    metadata: { name: "kubernetes", namespace: "default", labels: { component: "apiserver", provider: "kubernetes" } },
    spec: {
      type: "ClusterIP",
      clusterIP: "10.96.0.1",
      ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 6443 }],
      sessionAffinity: "None"
    }
  });
}

// src/engine/scenarios/presets.ts
function nodeManifest(name, opts) {
  const role = opts.controlPlane ? '\n    node-role.kubernetes.io/control-plane: ""' : "";
  const taints = opts.controlPlane ? `
spec:
  taints:
  - key: node-role.kubernetes.io/control-plane
    effect: NoSchedule` : "";
  return `apiVersion: v1
kind: Node
metadata:
  name: ${name}
  labels:
    kubernetes.io/hostname: ${name}
    kubernetes.io/os: linux
    kubernetes.io/arch: amd64
    topology.kubernetes.io/zone: ${opts.zone}${role}${taints}
status:
  capacity:
    cpu: "${opts.cpu}"
    memory: ${opts.memoryMi}Mi
    pods: "110"
    ephemeral-storage: 61255492Ki
  allocatable:
    cpu: "${opts.cpu}"
    memory: ${opts.memoryMi - 100}Mi
    pods: "110"
    ephemeral-storage: 61255492Ki
`;
}
var PRESETS = {
  default: [
    nodeManifest("control-plane", { controlPlane: true, cpu: "2", memoryMi: 4096, zone: "zone-a" }),
    nodeManifest("worker-1", { cpu: "4", memoryMi: 8192, zone: "zone-a" }),
    nodeManifest("worker-2", { cpu: "4", memoryMi: 8192, zone: "zone-b" }),
    nodeManifest("worker-3", { cpu: "4", memoryMi: 8192, zone: "zone-c" })
  ].join("---\n")
};

// src/engine/cluster.ts
var Cluster = class {
  clock;
  random;
  api;
  events;
  cues = new CueBus();
  scheduler;
  controllerManager;
  nodes;
  proxy;
  dns;
  seed;
  preset;
  inputs = [];
  constructor(opts) {
    this.seed = opts.seed;
    this.preset = opts.preset;
    this.clock = new VirtualClock();
    this.random = new SeededRandom(opts.seed);
    this.api = new ApiServer(this.clock, this.random);
    registerAdmission(this.api);
    this.events = new EventRecorder(this.api, this.clock);
    const ctx = { api: this.api, clock: this.clock, random: this.random, events: this.events, cues: this.cues };
    bootstrapCluster(this.api);
    this.controllerManager = createControllerManager(ctx);
    this.scheduler = new Scheduler(ctx);
    this.nodes = new NodeAgents(ctx);
    this.proxy = new ServiceProxy(this.api, this.random, this.cues);
    this.dns = new ClusterDns(this.api, this.proxy);
    this.controllerManager.boot();
    this.scheduler.boot();
    this.nodes.boot();
    if (opts.preset) this.applyQuietly(PRESETS[opts.preset]);
    this.clock.flush();
  }
  /** Applies multi-document YAML as `kubectl apply -f` does; one result per document. */
  apply(text, options = {}) {
    this.record({ op: "apply", text, options });
    const results = applyManifests(this.kubectlHost(), text, options);
    this.clock.flush();
    return results;
  }
  /** Runs one kubectl command line (`get pods -o wide`; a leading `kubectl` is optional). */
  kubectl(line, opts = {}) {
    this.record({ op: "kubectl", line, ...opts.files ? { files: opts.files } : {} });
    const result = runKubectl(this.kubectlHost(opts), line);
    this.clock.flush();
    return result;
  }
  /** Moves virtual time forward; everything due (controllers, kubelets, probes) runs in order. */
  advance(ms) {
    const last = this.inputs[this.inputs.length - 1];
    if (last?.op === "advance") last.ms += ms;
    else this.inputs.push({ op: "advance", ms });
    this.clock.advance(ms);
  }
  onCue(listener) {
    return this.cues.subscribe(listener);
  }
  /** Everything needed to rebuild this cluster exactly: its seed, preset, and the inputs it received. */
  snapshot() {
    return { version: 1, seed: this.seed, preset: this.preset, inputs: structuredClone(this.inputs), at: this.clock.nowRfc3339() };
  }
  /** The kubectl client's view of this cluster. */
  kubectlHost(opts = {}) {
    const files = opts.files;
    const readFile = opts.readFile;
    return {
      api: this.api,
      clock: this.clock,
      logs: (req) => this.nodes.logs(req),
      podMetrics: (ns, name) => this.nodes.podMetrics(ns, name),
      nodeMetrics: (name) => this.nodes.nodeMetrics(name),
      readFile: (path) => {
        if (files && path in files) return files[path];
        if (readFile) return readFile(path);
        throw new Error(`error: the path "${path}" does not exist`);
      }
    };
  }
  applyQuietly(text) {
    for (const r2 of applyManifests(this.kubectlHost(), text, {})) {
      if (r2.action === "error") throw new Error(`preset failed to apply: ${r2.message}`);
    }
  }
  record(input) {
    this.inputs.push(input);
  }
};
function createCluster(opts = {}) {
  if (opts.restore) {
    const snap = opts.restore;
    if (snap.version !== 1) throw new Error(`unsupported snapshot version ${String(snap.version)}`);
    const cluster = new Cluster({ seed: snap.seed, preset: snap.preset });
    for (const input of snap.inputs) {
      switch (input.op) {
        case "apply":
          cluster.apply(input.text, input.options);
          break;
        case "kubectl":
          cluster.kubectl(input.line, input.files ? { files: input.files } : {});
          break;
        case "advance":
          cluster.advance(input.ms);
          break;
      }
    }
    return cluster;
  }
  return new Cluster({ seed: opts.seed ?? 1, preset: opts.preset ?? null });
}

// bench/allocpods.tmp.ts
var c = createCluster({ seed: 42 });
for (let i = 0; i < 1e3; i++) c.apply(`apiVersion: v1
kind: Node
metadata:
  name: node-${i}
  labels: {topology.kubernetes.io/zone: zone-${i % 3}}
status:
  capacity: {cpu: "16", memory: 64Gi, pods: "110"}
  allocatable: {cpu: "16", memory: 65436Mi, pods: "110"}
`);
c.advance(1e3);
var s = new Session();
s.connect();
var post = (m, p) => new Promise((res, rej) => s.post(m, p ?? {}, (e, r2) => e ? rej(e) : res(r2)));
var all = !process.env.LIVE;
await post("HeapProfiler.enable");
await post("HeapProfiler.startSampling", { samplingInterval: 16384, includeObjectsCollectedByMajorGC: all, includeObjectsCollectedByMinorGC: all });
for (let i = 0; i < 10; i++) c.apply(`apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
spec:
  replicas: 1000
  selector:
    matchLabels: {app: app-${i}}
  template:
    metadata:
      labels: {app: app-${i}}
    spec:
      containers:
      - name: web
        image: nginx:1.25
        resources:
          requests: {cpu: 100m, memory: 64Mi}
`);
for (let t = 0; t < 6; t++) c.advance(1e3);
var { profile } = await post("HeapProfiler.stopSampling");
writeFileSync("/tmp/alloc.heapprofile", JSON.stringify(profile));
