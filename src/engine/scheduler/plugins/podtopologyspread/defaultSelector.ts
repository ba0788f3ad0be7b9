/**
 * helper.DefaultSelector: the selector PodTopologySpread's system-default constraints use for a pod
 * without constraints of its own, made of the Services, ReplicaSet, StatefulSet or ReplicationController
 * the pod belongs to.
 */
import type { ReplicaSet, StatefulSet } from 'kubernetes-types/apps/v1';
import type { ReplicationController, Service } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../../../apiserver/apiserver';
import { fromLabelSelector, matchesLabelMap, type Selector } from '../../../apiserver/labels';
import type { PodInfo } from '../../framework/podInfo';

/** helper.DefaultSelector: the selectors of the Services and the controller the pod belongs to. */
export function buildDefaultSelector(api: ApiServer, pod: PodInfo): Selector {
  const labels = pod.pod.metadata.labels;
  const merged: Record<string, string> = {};
  for (const svc of api.peekList<Service>('Service', { namespace: pod.namespace })) {
    const sel = svc.spec?.selector;
    if (sel && Object.keys(sel).length > 0 && matchesLabelMap(sel, labels)) Object.assign(merged, sel);
  }
  const selector: Selector = Object.entries(merged).map(([key, v]) => ({ key, operator: 'In', values: [v] }));
  const owner = pod.pod.metadata.ownerReferences?.find((o) => o.controller);
  if (!owner) return selector;
  if (owner.kind === 'ReplicationController' && owner.apiVersion === 'v1') {
    const rc = api.peek<ReplicationController>('ReplicationController', pod.namespace, owner.name);
    for (const [key, v] of Object.entries(rc?.spec?.selector ?? {})) if (merged[key] === undefined) selector.push({ key, operator: 'In', values: [v] });
  } else if ((owner.kind === 'ReplicaSet' || owner.kind === 'StatefulSet') && owner.apiVersion === 'apps/v1') {
    const o = api.peek<ReplicaSet | StatefulSet>(owner.kind, pod.namespace, owner.name);
    const sel = fromLabelSelector(o?.spec?.selector);
    if (sel) selector.push(...sel);
  }
  return selector;
}

function sameLabels(a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>> | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * Default selectors by namespace and controller uid, with the pod labels they were built for: the
 * replicas of one ReplicaSet share them. A ReplicaSet's or StatefulSet's selector is immutable and a
 * new one has a new uid, so only Services and ReplicationControllers (whose selectors may change)
 * invalidate the cache. The same Selector object also lets the match counter reuse its key.
 */
export class DefaultSelectorCache {
  private readonly selectors = new Map<string, { labels: Readonly<Record<string, string>> | undefined; selector: Selector }>();

  constructor(private readonly api: ApiServer) {
    const invalidate = () => this.selectors.clear();
    api.watch<Service>('Service', (e) => {
      if (e.type !== 'MODIFIED' || e.old?.spec?.selector !== e.object.spec?.selector) invalidate();
    });
    api.watch<ReplicationController>('ReplicationController', (e) => {
      if (e.type !== 'MODIFIED' || e.old?.spec?.selector !== e.object.spec?.selector) invalidate();
    });
  }

  selectorFor(pod: PodInfo): Selector {
    const owner = pod.pod.metadata.ownerReferences?.find((o) => o.controller);
    const key = `${pod.namespace}/${owner?.uid ?? ''}`;
    const hit = this.selectors.get(key);
    if (hit && sameLabels(hit.labels, pod.pod.metadata.labels)) return hit.selector;
    const selector = buildDefaultSelector(this.api, pod);
    // Controllers come and go; a bounded cache forgets the departed ones wholesale.
    if (this.selectors.size >= 1024) this.selectors.clear();
    this.selectors.set(key, { labels: pod.pod.metadata.labels, selector });
    return selector;
  }
}
