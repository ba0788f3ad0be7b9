/**
 * kube-apiserver with its storage (the playground's "etcd"): typed objects keyed by kind and
 * namespace/name, a global resourceVersion, admission (defaulting, then validation), and watch streams.
 *
 * Watch handlers run synchronously inside the write that caused them, so they must only record work
 * (enqueue a key) and never write back to the API server themselves: the controllers' work queues run
 * on the virtual clock, as informers and workqueues decouple them in Kubernetes.
 */
import { toRfc3339, type VirtualClock } from '../clock/virtualClock';
import { NAME_SUFFIX_ALPHABET, SeededRandom } from '../clock/random';
import { objectKey, type KubeObject, type Stored } from '../objects';
import { ApiError, ConnectionRefusedError, alreadyExists, invalid, notFound, type FieldError } from './errors';
import { qualifiedKind, qualifiedPlural, resourceForKind, type ResourceType } from './resources';
import { matchesSelector, type Selector } from './labels';
import { validateObjectName } from './validation/names';
import { isDeepEqual } from './deepEqual';
import { cloneData } from './cloneData';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent<T = KubeObject> {
  type: WatchEventType;
  object: Stored<T>;
  /** The object before this write (MODIFIED and DELETED). */
  old?: Stored<T>;
  /**
   * Who made the write, as the client named itself (the `manager` of a managedFields entry:
   * `kubectl-client-side-apply`, `kube-scheduler`, `kubelet`, a controller's name); absent when the
   * writer did not say (see ApiServer.actingAs).
   */
  writer?: string;
}

export type WatchHandler<T = KubeObject> = (event: WatchEvent<T>) => void;

export type Operation = 'CREATE' | 'UPDATE';

export interface AdmissionContext {
  api: ApiServer;
  operation: Operation;
  /** The stored object an UPDATE replaces. */
  old?: Stored;
  resource: ResourceType;
  now: string;
  random: SeededRandom;
  /** `--dry-run=server`: admission runs but must leave no trace (no quota charged). */
  dryRun?: boolean;
}

/**
 * An admission plugin, as kube-apiserver chains them: `admit` (mutating: defaulting, allocation of
 * ClusterIPs, default tolerations ...) edits the object in place; `validate` returns field errors or
 * throws an ApiError (for instance Forbidden, or NotFound for a missing namespace).
 */
export interface AdmissionPlugin {
  name: string;
  /** Kinds the plugin applies to; omitted means every kind. */
  kinds?: readonly string[];
  admit?(obj: KubeObject, ctx: AdmissionContext): void;
  validate?(obj: KubeObject, ctx: AdmissionContext): FieldError[] | void;
  /**
   * Runs only when every validation before it passed (ResourceQuota: "webhook, resourcequota, and deny
   * plugins must go at the end", and a refused object is not charged).
   */
  final?: boolean;
}

export interface WriteOptions {
  /** Run admission and return the result without storing it (`--dry-run=server`). */
  dryRun?: boolean;
  /**
   * The caller hands over a freshly built object it will never touch again, so create() may store it
   * without a defensive copy (the event recorder and controllers creating pods on a hot path).
   */
  transferOwnership?: boolean;
}

export interface DeleteOptions extends WriteOptions {
  /** Seconds a pod gets to stop; defaults to its terminationGracePeriodSeconds. 0 removes it at once. */
  gracePeriodSeconds?: number;
  /** kubectl's `--cascade`: background (default), foreground, or orphan the dependents. */
  propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
}

export interface ListOptions {
  namespace?: string;
  selector?: Selector;
  /** Field selector equivalent for the common case: pods bound to one node (`spec.nodeName`). */
  nodeName?: string;
}

type Bucket = Map<string, Stored>;

const HEX_CODES = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));

/** Writes `value` as `digits` lower-case hex digits, zero-padded, at `pos` (value < 16 ** digits). */
function writeHex(buf: number[], pos: number, value: number, digits: number): void {
  for (let i = pos + digits - 1; i >= pos; i--) {
    buf[i] = HEX_CODES[value % 16]!;
    value = Math.floor(value / 16);
  }
}

/** Namespaces NamespaceLifecycle admission refuses to delete. */
const IMMORTAL_NAMESPACES = new Set(['default', 'kube-system', 'kube-public']);

export class ApiServer {
  private readonly buckets = new Map<string, Bucket>();
  private readonly watchers = new Map<string, Set<WatchHandler>>();
  private readonly allWatchers = new Set<WatchHandler>();
  /** owner uid → keys (`Kind|namespace/name`) of the objects that reference it. */
  private readonly dependents = new Map<string, Set<string>>();
  private readonly admission: AdmissionPlugin[] = [];
  private rv = 1;
  private uidCounter = 0;
  /**
   * uids draw from their own stream, so adding an object somewhere does not shift every generated
   * name that follows it (names stay stable across unrelated changes for the same seed).
   */
  private readonly uidRandom: SeededRandom;
  private available = true;

  constructor(
    private readonly clock: VirtualClock,
    private readonly random: SeededRandom,
  ) {
    this.uidRandom = new SeededRandom((random.getState() ^ 0x9e3779b9) >>> 0);
  }

  // ---- availability (kube-apiserver stopped, or etcd without quorum) ----

  setAvailable(available: boolean, reason?: string): void {
    this.available = available;
    this.unavailableReason = reason;
  }
  private unavailableReason: string | undefined;

  isAvailable(): boolean {
    return this.available;
  }

  private ensureAvailable(): void {
    if (!this.available) throw new ConnectionRefusedError(this.unavailableReason);
  }

  // ---- admission chain ----

  registerAdmission(plugin: AdmissionPlugin): void {
    this.admission.push(plugin);
  }

  // ---- reads ----

  get<T = KubeObject>(kind: string, namespace: string | undefined, name: string): Stored<T> | undefined {
    this.ensureAvailable();
    return this.peek<T>(kind, namespace, name);
  }

  /** Like get, but reading the store directly even while the API server is down (for the UI and tests). */
  peek<T = KubeObject>(kind: string, namespace: string | undefined, name: string): Stored<T> | undefined {
    return this.buckets.get(kind)?.get(objectKey(namespace, name)) as Stored<T> | undefined;
  }

  list<T = KubeObject>(kind: string, opts: ListOptions = {}): Stored<T>[] {
    this.ensureAvailable();
    return this.peekList<T>(kind, opts);
  }

  peekList<T = KubeObject>(kind: string, opts: ListOptions = {}): Stored<T>[] {
    const bucket = this.buckets.get(kind);
    if (!bucket) return [];
    const out: Stored<T>[] = [];
    for (const obj of bucket.values()) {
      if (opts.namespace !== undefined && obj.metadata.namespace !== opts.namespace) continue;
      if (opts.nodeName !== undefined && (obj as { spec?: { nodeName?: string } }).spec?.nodeName !== opts.nodeName) continue;
      if (opts.selector && !matchesSelector(opts.selector, obj.metadata.labels)) continue;
      out.push(obj as Stored<T>);
    }
    return out;
  }

  count(kind: string): number {
    return this.buckets.get(kind)?.size ?? 0;
  }

  /** Objects whose ownerReferences name `ownerUid` (the garbage collector's dependency graph). */
  dependentsOf(ownerUid: string): Stored[] {
    const keys = this.dependents.get(ownerUid);
    if (!keys) return [];
    const out: Stored[] = [];
    for (const k of keys) {
      const bar = k.indexOf('|');
      const obj = this.buckets.get(k.slice(0, bar))?.get(k.slice(bar + 1));
      if (obj) out.push(obj);
    }
    return out;
  }

  kinds(): string[] {
    return [...this.buckets.keys()];
  }

  get resourceVersion(): string {
    return String(this.rv);
  }

  // ---- watch ----

  watch<T = KubeObject>(kind: string, handler: WatchHandler<T>): () => void {
    let set = this.watchers.get(kind);
    if (!set) this.watchers.set(kind, (set = new Set()));
    set.add(handler as WatchHandler);
    return () => set.delete(handler as WatchHandler);
  }

  /** Every write of every kind, in order (the worker's patch stream). */
  watchAll(handler: WatchHandler): () => void {
    this.allWatchers.add(handler);
    return () => this.allWatchers.delete(handler);
  }

  /**
   * Runs `write` as `writer`: the watch events of its writes carry that name, as a real API server
   * records each request's field manager in the object's managedFields. Nested calls restore the outer name.
   */
  actingAs<R>(writer: string, write: () => R): R {
    const outer = this.writer;
    this.writer = writer;
    try {
      return write();
    } finally {
      this.writer = outer;
    }
  }
  private writer: string | undefined;

  private emit(event: WatchEvent): void {
    if (this.writer !== undefined) event.writer = this.writer;
    const set = this.watchers.get(event.object.kind);
    if (set) for (const h of set) h(event);
    for (const h of this.allWatchers) h(event);
  }

  // ---- writes ----

  /**
   * Creates an object. A create that fails consumes nothing: the random draws it made (a generated
   * name, the uid, an allocated ClusterIP or NodePort) are given back, so a refused manifest leaves the
   * cluster's random stream, and so every later generated name, exactly as it was.
   */
  create<T = KubeObject>(input: KubeObject | T, opts: WriteOptions = {}): Stored<T> {
    const mark = this.randomMark();
    const rv = this.rv;
    try {
      return this.createObject<T>(input, opts);
    } catch (e) {
      // Only if nothing was stored (a watcher failing after the write must not reuse the draws).
      if (this.rv === rv) this.restoreRandomMark(mark);
      throw e;
    }
  }

  /** The random streams' positions and the uid counter, which only creates move. */
  private randomMark(): [number, number, number] {
    return [this.random.getState(), this.uidRandom.getState(), this.uidCounter];
  }

  private restoreRandomMark([random, uidRandom, uidCounter]: [number, number, number]): void {
    this.random.setState(random);
    this.uidRandom.setState(uidRandom);
    this.uidCounter = uidCounter;
  }

  /**
   * A fingerprint of everything writes consume: the resourceVersion counter and the random streams.
   * Equal before and after a request means the request changed nothing (a refused apply).
   */
  consumptionMark(): string {
    return `${this.rv}/${this.randomMark().join('/')}`;
  }

  private createObject<T>(input: KubeObject | T, opts: WriteOptions): Stored<T> {
    this.ensureAvailable();
    const obj = (opts.transferOwnership ? input : cloneData(input)) as KubeObject;
    const resource = this.resolve(obj);
    obj.metadata = obj.metadata ?? {};
    const meta = obj.metadata;
    this.normaliseNamespace(obj, resource);

    if (!meta.name && meta.generateName) {
      meta.name = meta.generateName + this.random.string(NAME_SUFFIX_ALPHABET, 5);
    }
    if (!meta.name) {
      throw invalid(qualifiedKind(resource), '', [{ field: 'metadata.name', type: 'Required', detail: 'name or generateName is required' }]);
    }
    this.ensureNamespaceUsable(resource, meta.namespace, meta.name);

    // The uid exists before admission, as in the real registry, so that admission can use it
    // (a Job's generated selector names its controller-uid).
    meta.uid = this.newUid();
    const ctx = this.context('CREATE', resource);
    if (opts.dryRun) ctx.dryRun = true;
    this.runAdmission(obj, ctx, resource);

    const bucket = this.bucket(resource.kind);
    const key = objectKey(meta.namespace, meta.name);
    if (bucket.has(key)) throw alreadyExists(qualifiedPlural(resource), meta.name);

    const stored = obj as Stored;
    stored.metadata.creationTimestamp = this.clock.nowRfc3339();
    if (resource.generation) stored.metadata.generation = 1;
    else delete stored.metadata.generation;
    delete stored.metadata.deletionTimestamp;
    delete stored.metadata.deletionGracePeriodSeconds;
    if (opts.dryRun) {
      stored.metadata.resourceVersion = '';
      return stored as Stored<T>;
    }
    stored.metadata.resourceVersion = String(++this.rv);
    bucket.set(key, stored);
    this.indexOwners(stored, undefined);
    this.emit({ type: 'ADDED', object: stored });
    return stored as Stored<T>;
  }

  /**
   * Replaces an object (PUT). The stored status is kept for kinds with a status subresource; a stale
   * resourceVersion is a Conflict; a spec change bumps metadata.generation; a no-op write stores nothing.
   */
  update<T = KubeObject>(input: KubeObject | T, opts: WriteOptions = {}): Stored<T> {
    this.ensureAvailable();
    const obj = input as KubeObject;
    const resource = this.resolve(obj);
    this.normaliseNamespace(obj, resource);
    const name = obj.metadata?.name ?? '';
    const old = this.peek(resource.kind, obj.metadata.namespace, name);
    if (!old) throw notFound(qualifiedPlural(resource), name);
    this.checkResourceVersion(resource, obj, old);

    const next = { ...obj, metadata: { ...obj.metadata } } as KubeObject;
    if (resource.hasStatus && 'status' in old) next.status = old.status;
    else if (resource.hasStatus) delete next.status;
    this.keepSystemMetadata(next, old);
    if (resource.generation && !isDeepEqual((next as { spec?: unknown }).spec, (old as { spec?: unknown }).spec)) {
      next.metadata.generation = (old.metadata.generation ?? 1) + 1;
    }
    this.runAdmission(next, this.context('UPDATE', resource, old), resource);
    return this.commitUpdate(resource, next as Stored, old, opts) as Stored<T>;
  }

  /** Writes only `.status` (the status subresource), as controllers and kubelets do. */
  updateStatus<T = KubeObject>(input: KubeObject | T, opts: WriteOptions = {}): Stored<T> {
    this.ensureAvailable();
    const obj = input as KubeObject;
    const resource = this.resolve(obj);
    this.normaliseNamespace(obj, resource);
    const name = obj.metadata?.name ?? '';
    const old = this.peek(resource.kind, obj.metadata.namespace, name);
    if (!old) throw notFound(qualifiedPlural(resource), name);
    this.checkResourceVersion(resource, obj, old);
    const next = { ...old, status: obj.status, metadata: { ...old.metadata } } as Stored;
    return this.commitUpdate(resource, next, old, opts) as Stored<T>;
  }

  /**
   * The pods/binding subresource (pkg/registry/core/pod/storage BindingREST): sets spec.nodeName and the
   * PodScheduled=True condition in one write. It runs no pod-update validation (spec.nodeName is
   * otherwise immutable) and refuses a pod that is being deleted or already bound.
   */
  bind(namespace: string, name: string, nodeName: string): Stored {
    this.ensureAvailable();
    const resource = resourceForKind('Pod');
    const old = this.peek('Pod', namespace, name);
    if (!resource || !old) throw notFound('pods', name);
    const spec = (old as { spec?: Record<string, unknown> & { nodeName?: string } }).spec ?? {};
    const conflict = (why: string) => new ApiError('Conflict', `Operation cannot be fulfilled on pods/binding "${name}": ${why}`);
    if (old.metadata.deletionTimestamp) throw conflict(`pod ${name} is being deleted, cannot be assigned to a host`);
    if (spec.nodeName) throw conflict(`pod ${name} is already assigned to node "${spec.nodeName}"`);
    const status = ((old as { status?: { conditions?: Array<{ type: string; status: string; lastTransitionTime?: string }> } }).status ?? {});
    const conditions = (status.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    const prev = status.conditions?.find((c) => c.type === 'PodScheduled');
    const lastTransitionTime = prev?.status === 'True' ? prev.lastTransitionTime : this.clock.nowRfc3339();
    conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime } as never);
    const next = { ...old, spec: { ...spec, nodeName }, status: { ...status, conditions }, metadata: { ...old.metadata } } as Stored;
    return this.commitUpdate(resource, next, old, {});
  }

  /** Read-modify-write helper: `mutate` edits a deep copy of the current object. */
  patch<T = KubeObject>(kind: string, namespace: string | undefined, name: string, mutate: (draft: Stored<T>) => void, opts: WriteOptions = {}): Stored<T> {
    this.ensureAvailable();
    const resource = resourceForKind(kind);
    const current = this.peek<T>(kind, namespace, name);
    if (!resource || !current) throw notFound(resource ? qualifiedPlural(resource) : kind, name);
    const draft = cloneData(current);
    mutate(draft);
    const statusChanged = resource.hasStatus && !isDeepEqual((draft as { status?: unknown }).status, (current as { status?: unknown }).status);
    let result = this.update<T>(draft as unknown as KubeObject, opts);
    if (statusChanged) result = this.updateStatus<T>({ ...(result as object), status: (draft as { status?: unknown }).status } as unknown as KubeObject, opts);
    return result;
  }

  delete(kind: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): Stored {
    this.ensureAvailable();
    const resource = resourceForKind(kind);
    if (!resource) throw new ApiError('NotFound', `the server doesn't have a resource type "${kind}"`);
    const ns = resource.namespaced ? (namespace ?? 'default') : undefined;
    const old = this.peek(kind, ns, name);
    if (!old) throw notFound(qualifiedPlural(resource), name);
    // NamespaceLifecycle admission (plugin/pkg/admission/namespace/lifecycle): the immortal namespaces
    // default, kube-system and kube-public may not be deleted.
    if (kind === 'Namespace' && IMMORTAL_NAMESPACES.has(name)) {
      throw new ApiError('Forbidden', `namespaces "${name}" is forbidden: this namespace may not be deleted`);
    }
    if (opts.dryRun) return old;

    if (opts.propagationPolicy === 'Orphan') this.orphanDependents(old);

    // Foreground cascading deletion: the object stays (deletionTimestamp set) with the foregroundDeletion
    // finalizer until the garbage collector has deleted its blocking dependents, then removes the finalizer.
    if (opts.propagationPolicy === 'Foreground' && kind !== 'Pod' && kind !== 'Namespace') {
      if (old.metadata.deletionTimestamp) return old;
      const finalizers = [...(old.metadata.finalizers ?? []).filter((f) => f !== 'foregroundDeletion'), 'foregroundDeletion'];
      const next = { ...old, metadata: { ...old.metadata, finalizers, deletionTimestamp: this.clock.nowRfc3339(), deletionGracePeriodSeconds: 0 } } as Stored;
      return this.commitUpdate(resource, next, old, {}, true);
    }

    // Graceful pod deletion: a bound pod is marked with deletionTimestamp and its kubelet stops the
    // containers, then deletes it for good with grace period 0 (pkg/registry/core/pod/strategy.go).
    if (kind === 'Pod') {
      const spec = (old as { spec?: { nodeName?: string; terminationGracePeriodSeconds?: number } }).spec;
      const grace = opts.gracePeriodSeconds ?? spec?.terminationGracePeriodSeconds ?? 30;
      const phase = (old as { status?: { phase?: string } }).status?.phase;
      const finished = phase === 'Succeeded' || phase === 'Failed';
      if (spec?.nodeName && grace > 0 && !finished) {
        if (old.metadata.deletionTimestamp && (old.metadata.deletionGracePeriodSeconds ?? 0) <= grace) return old;
        // rest.BeforeDelete: deletionTimestamp is when the grace period ends, not when delete was called.
        const next = { ...old, metadata: { ...old.metadata, deletionTimestamp: toRfc3339(this.clock.now() + grace * 1000), deletionGracePeriodSeconds: grace } };
        return this.commitUpdate(resource, next, old, {}, true);
      }
    }
    if ((old.metadata.finalizers?.length ?? 0) > 0 || kind === 'Namespace') {
      if (old.metadata.deletionTimestamp) return old;
      const next = { ...old, metadata: { ...old.metadata, deletionTimestamp: this.clock.nowRfc3339(), deletionGracePeriodSeconds: 0 } } as Stored;
      if (kind === 'Namespace') (next as { status?: unknown }).status = { phase: 'Terminating' };
      return this.commitUpdate(resource, next, old, {}, true);
    }
    this.remove(resource, old);
    return old;
  }

  /** Removes an object whose finalizers are done (namespace controller, foreground GC). */
  finalize(kind: string, namespace: string | undefined, name: string): void {
    const resource = resourceForKind(kind);
    const old = this.peek(kind, namespace, name);
    if (resource && old) this.remove(resource, old);
  }

  private remove(resource: ResourceType, old: Stored): void {
    this.bucket(resource.kind).delete(objectKey(old.metadata.namespace, old.metadata.name));
    this.unindexOwners(old);
    ++this.rv;
    const gone = { ...old, metadata: { ...old.metadata, resourceVersion: String(this.rv) } } as Stored;
    this.emit({ type: 'DELETED', object: gone, old });
  }

  // ---- internals ----

  private commitUpdate(resource: ResourceType, next: Stored, old: Stored, opts: WriteOptions, force = false): Stored {
    next.metadata.resourceVersion = old.metadata.resourceVersion;
    if (!force && isDeepEqual(next, old)) return old;
    if (opts.dryRun) return next;
    // An object being deleted whose last finalizer was just removed goes away (not for pods: the kubelet decides).
    if (next.metadata.deletionTimestamp && resource.kind !== 'Pod' && resource.kind !== 'Namespace' && (next.metadata.finalizers?.length ?? 0) === 0) {
      this.remove(resource, old);
      return next;
    }
    next.metadata.resourceVersion = String(++this.rv);
    this.bucket(resource.kind).set(objectKey(next.metadata.namespace, next.metadata.name), next);
    this.indexOwners(next, old);
    this.emit({ type: 'MODIFIED', object: next, old });
    return next;
  }

  private checkResourceVersion(resource: ResourceType, obj: KubeObject, old: Stored): void {
    const rv = obj.metadata?.resourceVersion;
    if (rv && rv !== old.metadata.resourceVersion) {
      throw new ApiError(
        'Conflict',
        `Operation cannot be fulfilled on ${qualifiedPlural(resource)} "${old.metadata.name}": the object has been modified; please apply your changes to the latest version and try again`,
      );
    }
  }

  /** Fields a client cannot change by PUT: identity and server-managed metadata. */
  private keepSystemMetadata(next: KubeObject, old: Stored): void {
    const m = next.metadata;
    m.uid = old.metadata.uid;
    m.creationTimestamp = old.metadata.creationTimestamp;
    if (old.metadata.generation !== undefined) m.generation = old.metadata.generation;
    else delete m.generation;
    if (old.metadata.deletionTimestamp) {
      m.deletionTimestamp = old.metadata.deletionTimestamp;
      m.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    } else {
      delete m.deletionTimestamp;
      delete m.deletionGracePeriodSeconds;
    }
  }

  private resolve(obj: KubeObject): ResourceType {
    const kind = obj?.kind;
    const resource = kind ? resourceForKind(kind) : undefined;
    if (!resource) {
      throw new ApiError('BadRequest', `no matches for kind "${kind ?? ''}" in version "${obj?.apiVersion ?? ''}"`);
    }
    if (obj.apiVersion !== resource.apiVersion && !resource.alsoAccepts?.includes(obj.apiVersion)) {
      throw new ApiError('BadRequest', `no matches for kind "${kind}" in version "${obj.apiVersion ?? ''}"`);
    }
    return resource;
  }

  private normaliseNamespace(obj: KubeObject, resource: ResourceType): void {
    obj.metadata = obj.metadata ?? {};
    if (resource.namespaced) obj.metadata.namespace = obj.metadata.namespace || 'default';
    else delete obj.metadata.namespace;
  }

  /** NamespaceLifecycle admission: the namespace must exist and must not be terminating. */
  private ensureNamespaceUsable(resource: ResourceType, namespace: string | undefined, name: string): void {
    if (!resource.namespaced || namespace === undefined) return;
    const ns = this.peek('Namespace', undefined, namespace);
    if (!ns) throw notFound('namespaces', namespace);
    if (ns.metadata.deletionTimestamp && resource.kind !== 'Event') {
      throw new ApiError(
        'Forbidden',
        `${qualifiedPlural(resource)} "${name}" is forbidden: unable to create new content in namespace ${namespace} because it is being terminated`,
      );
    }
  }

  private runAdmission(obj: KubeObject, ctx: AdmissionContext, resource: ResourceType): void {
    for (const p of this.admission) if (p.admit && (!p.kinds || p.kinds.includes(resource.kind))) p.admit(obj, ctx);
    const errors: FieldError[] = [];
    if (ctx.operation === 'CREATE') errors.push(...validateObjectName(obj.metadata.name ?? '', resource.nameRule));
    for (const p of this.admission) {
      if (p.final && errors.length > 0) continue;
      if (p.validate && (!p.kinds || p.kinds.includes(resource.kind))) errors.push(...(p.validate(obj, ctx) ?? []));
    }
    if (errors.length > 0) throw invalid(qualifiedKind(resource), obj.metadata.name ?? '', errors);
  }

  private context(operation: Operation, resource: ResourceType, old?: Stored): AdmissionContext {
    return { api: this, operation, resource, now: this.clock.nowRfc3339(), random: this.random, ...(old ? { old } : {}) };
  }

  private bucket(kind: string): Bucket {
    let b = this.buckets.get(kind);
    if (!b) this.buckets.set(kind, (b = new Map()));
    return b;
  }

  private newUid(): string {
    // Deterministic, UUID-shaped: 8-4-4-4-12 hex digits from the seeded generator and a counter
    // (xxxxxxxx-xxxx-4xxx-Vxxx-counter). Written digit by digit into one buffer: a uid per object
    // created, and string building made ~500 bytes of garbage per uid; this makes one flat string.
    const count = ++this.uidCounter;
    const buf = this.uidBuffer;
    writeHex(buf, 0, this.randomDigits(8), 8);
    writeHex(buf, 9, this.randomDigits(4), 4);
    writeHex(buf, 15, this.randomDigits(3), 3);
    writeHex(buf, 19, 8 + this.uidRandom.int(4), 1);
    writeHex(buf, 20, this.randomDigits(3), 3);
    writeHex(buf, 24, count, 12);
    return String.fromCharCode.apply(null, buf);
  }

  /** `8-4-4-4-12` with the version nibble 4 in place; the digits are overwritten for each uid. */
  private readonly uidBuffer: number[] = [...'00000000-0000-4000-0000-000000000000'].map((c) => c.charCodeAt(0));

  private randomDigits(digits: number): number {
    return Math.floor(this.uidRandom.next() * 16 ** digits);
  }

  private depKey(obj: Stored): string {
    return `${obj.kind}|${objectKey(obj.metadata.namespace, obj.metadata.name)}`;
  }

  private indexOwners(obj: Stored, old: Stored | undefined): void {
    if (old && old.metadata.ownerReferences === obj.metadata.ownerReferences) return;
    if (old) this.unindexOwners(old);
    for (const ref of obj.metadata.ownerReferences ?? []) {
      let set = this.dependents.get(ref.uid);
      if (!set) this.dependents.set(ref.uid, (set = new Set()));
      set.add(this.depKey(obj));
    }
  }

  private unindexOwners(obj: Stored): void {
    for (const ref of obj.metadata.ownerReferences ?? []) {
      const set = this.dependents.get(ref.uid);
      set?.delete(this.depKey(obj));
      if (set?.size === 0) this.dependents.delete(ref.uid);
    }
  }

  private orphanDependents(owner: Stored): void {
    for (const dep of this.dependentsOf(owner.metadata.uid)) {
      const refs = (dep.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
      const resource = resourceForKind(dep.kind);
      if (!resource) continue;
      const next = { ...dep, metadata: { ...dep.metadata, ownerReferences: refs } } as Stored;
      if (refs.length === 0) delete next.metadata.ownerReferences;
      this.commitUpdate(resource, next, dep, {});
    }
  }
}
