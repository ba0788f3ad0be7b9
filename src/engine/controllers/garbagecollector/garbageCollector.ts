/**
 * The garbage collector (pkg/controller/garbagecollector, `garbage-collector-controller`). Objects
 * name their owners in metadata.ownerReferences (by uid); the API server keeps the owner → dependents
 * index (`dependentsOf`). For each object it looks at (attemptToDeleteItem):
 * - owners that are gone, or whose uid differs (a new object with the old name is not the owner), are
 *   dangling; an owner being deleted in the foreground is "waiting for dependents";
 * - if some owner is still there, only the dangling/waiting references are removed;
 * - if none is, the object is deleted: in the foreground if an owner waits for it, otherwise in the
 *   background (or orphaning, as its own finalizers ask).
 * An owner deleted with propagationPolicy=Foreground carries the `foregroundDeletion` finalizer: its
 * dependents are deleted first, and once none with blockOwnerDeletion=true remains (pods that are still
 * Terminating count), the finalizer comes off and the owner goes (processDeletingDependentsItem).
 * `Orphan` is handled by the API server, which strips the ownerReferences at delete time.
 */
import type { OwnerReference } from 'kubernetes-types/meta/v1';
import { Controller, type ControllerContext } from '../controllerRuntime';
import type { WatchEvent } from '../../apiserver/apiserver';
import { RESOURCE_TYPES, resourceForKind } from '../../apiserver/resources';
import { objectKey, type KubeObject, type Stored } from '../../objects';

export const GARBAGE_COLLECTOR_CONTROLLER_NAME = 'garbage-collector-controller';
export const FOREGROUND_FINALIZER = 'foregroundDeletion';
export const ORPHAN_FINALIZER = 'orphan';

/** Kinds never owned or owning anything in practice; watching them would only cost time. */
const UNWATCHED_KINDS = new Set(['Event']);

function itemKey(kind: string, namespace: string | undefined, name: string): string {
  return `${kind}|${objectKey(namespace, name)}`;
}

function keyOfObject(obj: Stored): string {
  return itemKey(obj.kind, obj.metadata.namespace, obj.metadata.name);
}

function parseItemKey(key: string): { kind: string; namespace: string | undefined; name: string } {
  const bar = key.indexOf('|');
  const rest = key.slice(bar + 1);
  const slash = rest.indexOf('/');
  return slash < 0
    ? { kind: key.slice(0, bar), namespace: undefined, name: rest }
    : { kind: key.slice(0, bar), namespace: rest.slice(0, slash), name: rest.slice(slash + 1) };
}

function isDeletingDependents(obj: Stored): boolean {
  return obj.metadata.deletionTimestamp !== undefined && (obj.metadata.finalizers?.includes(FOREGROUND_FINALIZER) ?? false);
}

function sameOwners(a: OwnerReference[] | undefined, b: OwnerReference[] | undefined): boolean {
  if (a === b) return true;
  if ((a?.length ?? 0) !== (b?.length ?? 0)) return false;
  return (a ?? []).every((r, i) => r.uid === b?.[i]?.uid && r.blockOwnerDeletion === b?.[i]?.blockOwnerDeletion);
}

type OwnerState = 'solid' | 'dangling' | 'waiting' | 'unknown';

export function createGarbageCollector(ctx: ControllerContext): Controller {
  const { api } = ctx;

  function ownerState(ref: OwnerReference, dependent: Stored): OwnerState {
    const resource = resourceForKind(ref.kind);
    if (!resource) return 'unknown';
    const owner = api.get(ref.kind, resource.namespaced ? dependent.metadata.namespace : undefined, ref.name);
    if (!owner || owner.metadata.uid !== ref.uid) return 'dangling';
    return isDeletingDependents(owner) ? 'waiting' : 'solid';
  }

  /** processDeletingDependentsItem: delete the dependents, drop the finalizer once the blocking ones are gone. */
  function processDeletingDependents(owner: Stored): void {
    let blocking = 0;
    for (const dep of api.dependentsOf(owner.metadata.uid)) {
      const ref = dep.metadata.ownerReferences?.find((r) => r.uid === owner.metadata.uid);
      if (!ref) continue;
      if (ref.blockOwnerDeletion === true) blocking++;
      if (!dep.metadata.deletionTimestamp) api.delete(dep.kind, dep.metadata.namespace, dep.metadata.name, { propagationPolicy: 'Foreground' });
    }
    if (blocking > 0) return;
    const finalizers = (owner.metadata.finalizers ?? []).filter((f) => f !== FOREGROUND_FINALIZER);
    const next = { ...owner, metadata: { ...owner.metadata, finalizers } } as Stored;
    if (finalizers.length === 0) delete next.metadata.finalizers;
    api.update(next as KubeObject);
  }

  function attemptToDelete(obj: Stored): void {
    const refs = obj.metadata.ownerReferences ?? [];
    if (refs.length === 0) return;
    const states = refs.map((r) => ownerState(r, obj));
    if (states.includes('unknown')) return;
    const solid = states.filter((s) => s === 'solid').length;
    const waiting = states.includes('waiting');
    if (solid > 0) {
      if (solid === refs.length) return;
      // Keep the object; forget the owners that are gone or going.
      const kept = refs.filter((_, i) => states[i] === 'solid');
      api.update({ ...obj, metadata: { ...obj.metadata, ownerReferences: kept } } as KubeObject);
      return;
    }
    if (obj.metadata.deletionTimestamp) return;
    let policy: 'Foreground' | 'Background' | 'Orphan' = 'Background';
    if (waiting || obj.metadata.finalizers?.includes(FOREGROUND_FINALIZER)) policy = 'Foreground';
    else if (obj.metadata.finalizers?.includes(ORPHAN_FINALIZER)) policy = 'Orphan';
    api.delete(obj.kind, obj.metadata.namespace, obj.metadata.name, { propagationPolicy: policy });
  }

  function sync(key: string): void {
    const { kind, namespace, name } = parseItemKey(key);
    const obj = api.get(kind, namespace, name);
    if (!obj) return;
    if (isDeletingDependents(obj)) processDeletingDependents(obj);
    else attemptToDelete(obj);
  }

  /** The items a write makes worth a look (the graph builder's processGraphChanges). */
  function keysFor(ev: WatchEvent): string[] {
    const obj = ev.object;
    if (ev.type === 'DELETED') {
      const keys = api.dependentsOf(obj.metadata.uid).map(keyOfObject);
      // An owner waiting in the foreground for this dependent may now be free to go.
      for (const ref of obj.metadata.ownerReferences ?? []) {
        const resource = resourceForKind(ref.kind);
        if (resource) keys.push(itemKey(ref.kind, resource.namespaced ? obj.metadata.namespace : undefined, ref.name));
      }
      return keys;
    }
    if (isDeletingDependents(obj) && (!ev.old || !isDeletingDependents(ev.old))) return [keyOfObject(obj)];
    const refs = obj.metadata.ownerReferences;
    if (!refs || refs.length === 0) return [];
    if (ev.type === 'ADDED' || !sameOwners(ev.old?.metadata.ownerReferences, refs)) return [keyOfObject(obj)];
    return [];
  }

  return new Controller(
    {
      name: GARBAGE_COLLECTOR_CONTROLLER_NAME,
      watches: RESOURCE_TYPES.filter((r) => !UNWATCHED_KINDS.has(r.kind)).map((r) => ({ kind: r.kind, keys: keysFor })),
      listKeys: function* () {
        for (const kind of api.kinds()) {
          if (UNWATCHED_KINDS.has(kind)) continue;
          for (const obj of api.peekList(kind)) {
            if ((obj.metadata.ownerReferences?.length ?? 0) > 0 || isDeletingDependents(obj)) yield keyOfObject(obj);
          }
        }
      },
      sync,
    },
    ctx,
  );
}
