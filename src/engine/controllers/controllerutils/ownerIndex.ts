/**
 * Objects of one kind indexed by the uid of their controller owner (the informer index newer
 * Kubernetes controllers keep by controller UID). Kept current from the watch, so a ReplicaSet sync
 * walks its own pods only, with no lookups per pod.
 */
import type { ApiServer } from '../../apiserver/apiserver';
import { controllerOf, type KubeObject, type Stored } from '../../objects';

export class OwnerIndex<T = KubeObject> {
  /** owner uid → the owned objects by their own uid (a stored string with its hash cached, not a key built per event). */
  private readonly byOwner = new Map<string, Map<string, Stored<T>>>();
  private readonly unwatch: () => void;

  constructor(api: ApiServer, kind: string) {
    for (const obj of api.peekList<T>(kind)) this.add(obj);
    this.unwatch = api.watch<T>(kind, (event) => {
      if (event.type === 'MODIFIED' && event.old && event.old.metadata.ownerReferences === event.object.metadata.ownerReferences) {
        // The common case (a status write): same owner, same key; replace in place.
        const uid = controllerOf(event.object)?.uid;
        if (uid) this.byOwner.get(uid)?.set(event.object.metadata.uid, event.object);
        return;
      }
      if (event.old) this.remove(event.old);
      if (event.type !== 'DELETED') this.add(event.object);
    });
  }

  /** The objects whose controller is `ownerUid` (a live view: copy it before writing in a loop). */
  owned(ownerUid: string): Iterable<Stored<T>> {
    return this.byOwner.get(ownerUid)?.values() ?? [];
  }

  count(ownerUid: string): number {
    return this.byOwner.get(ownerUid)?.size ?? 0;
  }

  dispose(): void {
    this.unwatch();
  }

  private add(obj: Stored<T>): void {
    const uid = controllerOf(obj)?.uid;
    if (!uid) return;
    let m = this.byOwner.get(uid);
    if (!m) this.byOwner.set(uid, (m = new Map()));
    m.set(obj.metadata.uid, obj);
  }

  private remove(obj: Stored<T>): void {
    const uid = controllerOf(obj)?.uid;
    if (!uid) return;
    const m = this.byOwner.get(uid);
    if (!m) return;
    m.delete(obj.metadata.uid);
    if (m.size === 0) this.byOwner.delete(uid);
  }
}
