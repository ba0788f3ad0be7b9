/**
 * Object shapes. Kubernetes objects are plain JSON in the real shapes (typed with `kubernetes-types`),
 * so `kubectl get -o yaml` prints exactly what a real cluster would. `Stored<T>` is an object as the
 * API server holds it: name, uid, resourceVersion and creationTimestamp are always set.
 *
 * Stored objects are shared, never mutated: a writer builds a new object (spread copies) and hands it to
 * the API server, which takes ownership of it.
 */
import type { ObjectMeta, OwnerReference } from 'kubernetes-types/meta/v1';

export type { ObjectMeta, OwnerReference };

/** kubernetes-types marks server-set fields (uid, creationTimestamp ...) readonly; the API server sets them. */
export type Writable<T> = { -readonly [K in keyof T]: T[K] };
export type WritableMeta = Writable<ObjectMeta>;

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: WritableMeta;
  // Any other top-level field (spec, status, data, rules, subsets ...) as the kind defines it.
  [field: string]: unknown;
}

export interface StoredMeta extends WritableMeta {
  name: string;
  uid: string;
  resourceVersion: string;
  creationTimestamp: string;
}

/** An object as the API server stores it. `T` is a `kubernetes-types` type such as `Pod`. */
export type Stored<T = KubeObject> = Omit<T, 'metadata' | 'apiVersion' | 'kind'> & {
  apiVersion: string;
  kind: string;
  metadata: StoredMeta;
};

/** `namespace/name` for namespaced objects, `name` for cluster-scoped ones (client-go's MetaNamespaceKey). */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export function keyOf(obj: { metadata: ObjectMeta }): string {
  return objectKey(obj.metadata.namespace, obj.metadata.name ?? '');
}

export function splitKey(key: string): { namespace: string | undefined; name: string } {
  const slash = key.indexOf('/');
  return slash < 0 ? { namespace: undefined, name: key } : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

/** The controller owner reference (controller: true), as metav1.GetControllerOf finds it. */
export function controllerOf(obj: { metadata: ObjectMeta }): OwnerReference | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller === true);
}

export function ownerReferenceTo(owner: Stored, opts: { controller?: boolean } = {}): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid,
    controller: opts.controller ?? true,
    blockOwnerDeletion: true,
  };
}

/** Deep copy for the rare writer that needs to edit nested structures freely. */
export function deepCopy<T>(value: T): T {
  return structuredClone(value);
}
