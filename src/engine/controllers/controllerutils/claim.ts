/**
 * ControllerRefManager (pkg/controller/controller_ref_manager.go): an owner claims the objects its
 * selector matches. It adopts orphans that match (adding a controller owner reference) unless it is
 * itself being deleted, and releases objects it owns that no longer match (removing its reference).
 */
import type { ApiServer } from '../../apiserver/apiserver';
import { ApiError } from '../../apiserver/errors';
import { matchesSelector, type Selector } from '../../apiserver/labels';
import { controllerOf, ownerReferenceTo, type Stored } from '../../objects';

export interface ClaimInput<T> {
  api: ApiServer;
  owner: Stored;
  selector: Selector;
  /** Objects the owner already controls. */
  owned: readonly Stored<T>[];
  /** Objects without a controller in the owner's namespace. */
  orphans: readonly Stored<T>[];
  /** Extra condition on what may be adopted or kept (e.g. only active pods). */
  filter?: (obj: Stored<T>) => boolean;
}

/** The objects the owner controls after claiming, in the order owned-then-adopted. */
export function claimObjects<T>({ api, owner, selector, owned, orphans, filter }: ClaimInput<T>): Stored<T>[] {
  const claimed: Stored<T>[] = [];
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

function adopt<T>(api: ApiServer, owner: Stored, obj: Stored<T>): Stored<T> | undefined {
  const refs = [...(obj.metadata.ownerReferences ?? []), ownerReferenceTo(owner, { controller: true })];
  try {
    return api.update<T>({ ...obj, metadata: { ...obj.metadata, ownerReferences: refs } } as Stored<T>);
  } catch (err) {
    if (err instanceof ApiError && (err.reason === 'NotFound' || err.reason === 'Conflict')) return undefined;
    throw err;
  }
}

function release<T>(api: ApiServer, owner: Stored, obj: Stored<T>): void {
  if (controllerOf(obj)?.uid !== owner.metadata.uid) return;
  const refs = (obj.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid);
  const meta = { ...obj.metadata, ownerReferences: refs };
  if (refs.length === 0) delete (meta as { ownerReferences?: unknown }).ownerReferences;
  try {
    api.update<T>({ ...obj, metadata: meta } as Stored<T>);
  } catch (err) {
    if (!(err instanceof ApiError && (err.reason === 'NotFound' || err.reason === 'Conflict'))) throw err;
  }
}

/** The objects of `kind` whose controller owner reference names `ownerUid`. */
export function ownedBy<T>(api: ApiServer, kind: string, ownerUid: string): Stored<T>[] {
  const out: Stored<T>[] = [];
  for (const dep of api.dependentsOf(ownerUid)) {
    if (dep.kind === kind && controllerOf(dep)?.uid === ownerUid) out.push(dep as Stored<T>);
  }
  return out;
}
