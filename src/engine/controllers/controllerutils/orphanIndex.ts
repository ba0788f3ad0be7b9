/**
 * Objects of one kind that have no controller owner, by namespace: the candidates a controller may adopt
 * (the informer index behind ControllerRefManager's claims). Kept up to date from the watch, so a sync
 * never scans every object of the kind to find orphans.
 */
import type { ApiServer } from '../../apiserver/apiserver';
import { controllerOf, keyOf, type KubeObject, type Stored } from '../../objects';

export class OrphanIndex {
  private readonly byNamespace = new Map<string, Set<string>>();
  private readonly unwatch: () => void;

  constructor(
    private readonly api: ApiServer,
    private readonly kind: string,
  ) {
    for (const obj of api.peekList(kind)) this.track(obj);
    this.unwatch = api.watch(kind, (event) => {
      if (event.old) this.untrack(event.old);
      if (event.type !== 'DELETED') this.track(event.object);
    });
  }

  /** Orphans in `namespace`, read from the store. */
  list<T = KubeObject>(namespace: string): Stored<T>[] {
    const keys = this.byNamespace.get(namespace);
    if (!keys || keys.size === 0) return [];
    const out: Stored<T>[] = [];
    for (const key of keys) {
      const name = key.slice(namespace.length + 1);
      const obj = this.api.peek<T>(this.kind, namespace, name);
      if (obj && !controllerOf(obj)) out.push(obj);
    }
    return out;
  }

  dispose(): void {
    this.unwatch();
  }

  private track(obj: Stored): void {
    if (controllerOf(obj)) return;
    const ns = obj.metadata.namespace ?? '';
    let set = this.byNamespace.get(ns);
    if (!set) this.byNamespace.set(ns, (set = new Set()));
    set.add(keyOf(obj));
  }

  private untrack(obj: Stored): void {
    this.byNamespace.get(obj.metadata.namespace ?? '')?.delete(keyOf(obj));
  }
}
