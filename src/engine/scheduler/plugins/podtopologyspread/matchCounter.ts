/**
 * Per-node counts of the pods that match a (namespace, label selector): what PodTopologySpread needs
 * for every pod it places. kube-scheduler walks each node's pods per scheduling cycle; here a selector
 * is counted once, on first use, from the scheduler cache, and then kept current from the cache's
 * pod events, so placing the thousandth pod of a ReplicaSet costs no more than the first.
 * Only pods the cache counts (bound or assumed, not finished) are seen; terminating ones are skipped,
 * as countPodsMatchSelector does.
 */
import { matchesSelector, type Selector } from '../../../apiserver/labels';
import type { CountedPod, PodCountListener, SchedulerCache } from '../../cache';
import { nodeIdOf } from '../../framework/nodeInfo';

/** Selectors kept current at once; the least recently used is dropped beyond this. */
const TRACKED_SELECTORS = 64;

interface Tracked {
  namespace: string;
  selector: Selector;
  perNode: Map<string, number>;
  /** The same counts by nodeIdOf(node name) (0 or absent where perNode has no entry), for the scoring loop. */
  byNodeId: number[];
  /** topology key → domain value → matching pods, for keys asked for (dropped when nodes change). */
  perDomain: Map<string, Map<string, number>>;
}

/** Writes a[i], filling any gap with zeros first (a packed array stays packed, and fast to index). */
function setAt(a: number[], i: number, n: number): void {
  while (a.length < i) a.push(0);
  a[i] = n;
}

export function selectorKey(namespace: string, selector: Selector): string {
  const parts = selector.map((r) => `${r.key}|${r.operator}|${[...r.values].sort().join(',')}`).sort();
  return `${namespace}\n${parts.join('\n')}`;
}

export class MatchCounter implements PodCountListener {
  private readonly tracked = new Map<string, Tracked>();
  /** The most recently used entry (last in `tracked`'s order). */
  private newest: Tracked | undefined;
  /** selectorKey of the last selector asked for: one scheduling cycle asks with the same array several times. */
  private lastSelector: Selector | undefined;
  private lastNamespace = '';
  private lastKey = '';

  constructor(private readonly cache: SchedulerCache) {
    cache.countListener = this;
  }

  /** Matching pods per node name (nodes with none are absent). */
  counts(namespace: string, selector: Selector): ReadonlyMap<string, number> {
    return this.track(namespace, selector).perNode;
  }

  /** The same counts indexed by nodeIdOf(node name) (undefined or 0: none). */
  countsByNodeId(namespace: string, selector: Selector): readonly (number | undefined)[] {
    return this.track(namespace, selector).byNodeId;
  }

  private keyOf(namespace: string, selector: Selector): string {
    if (selector !== this.lastSelector || namespace !== this.lastNamespace) {
      this.lastKey = selectorKey(namespace, selector);
      this.lastSelector = selector;
      this.lastNamespace = namespace;
    }
    return this.lastKey;
  }

  private track(namespace: string, selector: Selector): Tracked {
    const key = this.keyOf(namespace, selector);
    let t = this.tracked.get(key);
    if (t) {
      // Most recently used last, for the eviction below (already last: nothing moves).
      if (t !== this.newest) {
        this.tracked.delete(key);
        this.tracked.set(key, t);
        this.newest = t;
      }
      return t;
    }
    t = { namespace, selector, perNode: new Map(), byNodeId: [], perDomain: new Map() };
    for (const pod of this.cache.countedPods()) if (this.matches(t, pod)) t.perNode.set(pod.nodeName, (t.perNode.get(pod.nodeName) ?? 0) + 1);
    for (const [name, n] of t.perNode) setAt(t.byNodeId, nodeIdOf(name), n);
    this.tracked.set(key, t);
    this.newest = t;
    if (this.tracked.size > TRACKED_SELECTORS) this.tracked.delete(this.tracked.keys().next().value!);
    return t;
  }

  /**
   * Matching pods per value of a node label (a zone), over every node. Kept current like the node
   * counts; the caller uses it only when every node may count (no nodeSelector or required affinity).
   */
  domainCounts(namespace: string, selector: Selector, key: string): ReadonlyMap<string, number> {
    const t = this.track(namespace, selector);
    const perNode = t.perNode;
    let domains = t.perDomain.get(key);
    if (!domains) {
      domains = new Map();
      for (const [name, n] of perNode) {
        const v = this.cache.nodeInfo(name)?.labels?.[key];
        if (v !== undefined) domains.set(v, (domains.get(v) ?? 0) + n);
      }
      t.perDomain.set(key, domains);
    }
    return domains;
  }

  podCounted(pod: CountedPod, delta: 1 | -1): void {
    for (const t of this.tracked.values()) {
      if (!this.matches(t, pod)) continue;
      const next = (t.perNode.get(pod.nodeName) ?? 0) + delta;
      if (next > 0) t.perNode.set(pod.nodeName, next);
      else t.perNode.delete(pod.nodeName);
      setAt(t.byNodeId, nodeIdOf(pod.nodeName), next > 0 ? next : 0);
      if (t.perDomain.size === 0) continue;
      const labels = this.cache.nodeInfo(pod.nodeName)?.labels;
      for (const [key, domains] of t.perDomain) {
        const v = labels?.[key];
        if (v !== undefined) domains.set(v, (domains.get(v) ?? 0) + delta);
      }
    }
  }

  nodesChanged(): void {
    for (const t of this.tracked.values()) t.perDomain.clear();
  }

  private matches(t: Tracked, pod: CountedPod): boolean {
    return !pod.terminating && pod.namespace === t.namespace && matchesSelector(t.selector, pod.labels);
  }
}
