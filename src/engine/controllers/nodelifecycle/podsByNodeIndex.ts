/**
 * Pods by the node they are bound to: the `spec.nodeName` index that the node lifecycle, taint
 * eviction and pod GC controllers keep on their pod informer (pkg/controller/nodelifecycle's
 * `getPodsAssignedToNode`). Kept current by a watch, so a question about one node costs the pods on
 * that node, not a scan of every pod in the cluster.
 */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../../apiserver/apiserver';
import { objectKey, splitKey, type Stored } from '../../objects';

export class PodsByNodeIndex {
  private readonly byNode = new Map<string, Set<string>>();
  private readonly unwatch: () => void;

  constructor(private readonly api: ApiServer) {
    for (const pod of api.peekList<Pod>('Pod')) this.add(pod);
    this.unwatch = api.watch<Pod>('Pod', (ev) => {
      const before = ev.old?.spec?.nodeName;
      const after = ev.type === 'DELETED' ? undefined : ev.object.spec?.nodeName;
      if (ev.type === 'MODIFIED' && before === after) return;
      if (ev.old) this.removeFrom(before, ev.old);
      if (ev.type !== 'DELETED') this.add(ev.object);
      else this.removeFrom(ev.object.spec?.nodeName, ev.object);
    });
  }

  /** The node names that have at least one pod bound to them. */
  nodeNames(): IterableIterator<string> {
    return this.byNode.keys();
  }

  /** The pods bound to `nodeName`, read from the store. */
  podsOn(nodeName: string): Stored<Pod>[] {
    const keys = this.byNode.get(nodeName);
    if (!keys) return [];
    const out: Stored<Pod>[] = [];
    for (const key of keys) {
      const { namespace, name } = splitKey(key);
      const pod = this.api.peek<Pod>('Pod', namespace, name);
      if (pod) out.push(pod);
    }
    return out;
  }

  dispose(): void {
    this.unwatch();
  }

  private add(pod: Stored<Pod>): void {
    const node = pod.spec?.nodeName;
    if (!node) return;
    let set = this.byNode.get(node);
    if (!set) this.byNode.set(node, (set = new Set()));
    set.add(objectKey(pod.metadata.namespace, pod.metadata.name));
  }

  private removeFrom(node: string | undefined, pod: Stored<Pod>): void {
    if (!node) return;
    const set = this.byNode.get(node);
    if (!set) return;
    set.delete(objectKey(pod.metadata.namespace, pod.metadata.name));
    if (set.size === 0) this.byNode.delete(node);
  }
}
