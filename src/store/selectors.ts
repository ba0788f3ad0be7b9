/**
 * Derived views of the mirror, memoised on the identity of the kind's map (which changes only when an
 * object of that kind changed), so nothing derived is stored and nothing is recomputed per render.
 */
import type { Event as KubeEvent, Node, Pod, Service } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { KubeObject } from '../engine/objects';
import { EMPTY_KIND, type ObjectsByKind, type ObjectsOfKind } from './mirror';
import type { ObjectRef } from './uiStore';

export type PodObject = Pod & KubeObject;
export type NodeObject = Node & KubeObject;
export type ServiceObject = Service & KubeObject;
export type EventObject = KubeEvent & KubeObject;

export function kindOf(objects: ObjectsByKind, kind: string): ObjectsOfKind {
  return objects[kind] ?? EMPTY_KIND;
}

function memoOnMap<R>(compute: (map: ObjectsOfKind) => R): (map: ObjectsOfKind) => R {
  const cache = new WeakMap<ObjectsOfKind, R>();
  return (map) => {
    let r = cache.get(map);
    if (r === undefined) {
      r = compute(map);
      cache.set(map, r);
    }
    return r;
  };
}

/**
 * Code-unit order, as kubectl sorts names (Go compares strings bytewise). localeCompare would also cost
 * the first screen the ICU collator's set-up (~10 ms) for names that are ASCII anyway.
 */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const byName = (a: KubeObject, b: KubeObject): number => compareStrings(a.metadata.name ?? '', b.metadata.name ?? '');

export const NO_PODS: readonly PodObject[] = Object.freeze([]);

/** The namespaces kubeadm creates for the cluster itself; their pods are the control plane and addons. */
const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);

export function isSystemObject(obj: { metadata: { namespace?: string } }): boolean {
  return SYSTEM_NAMESPACES.has(obj.metadata.namespace ?? 'default');
}

const withoutSystem = <T extends KubeObject>(list: T[]): T[] => list.filter((o) => !isSystemObject(o));

/** Pods bound to each node, sorted by name (stable card order inside a node). */
export const podsByNode = memoOnMap((pods) => {
  const out = new Map<string, PodObject[]>();
  for (const p of Object.values(pods) as PodObject[]) {
    const node = p.spec?.nodeName;
    if (!node) continue;
    let list = out.get(node);
    if (!list) out.set(node, (list = []));
    list.push(p);
  }
  for (const list of out.values()) list.sort(byName);
  return out;
});

/** podsByNode without the cluster's own pods. */
export const userPodsByNode = memoOnMap((pods) => {
  const out = new Map<string, PodObject[]>();
  for (const [node, list] of podsByNode(pods)) {
    const user = withoutSystem(list);
    if (user.length > 0) out.set(node, user);
  }
  return out;
});

/** The pods the canvas draws in each node: the student's, plus kube-system's when asked for. */
export function visiblePodsByNode(pods: ObjectsOfKind, showSystem: boolean): Map<string, PodObject[]> {
  return showSystem ? podsByNode(pods) : userPodsByNode(pods);
}

/** Pods no node has yet (Pending, waiting for the scheduler). */
export const unscheduledPods = memoOnMap((pods) => (Object.values(pods) as PodObject[]).filter((p) => !p.spec?.nodeName).sort(byName));
const userUnscheduledPods = memoOnMap((pods) => withoutSystem(unscheduledPods(pods)));

export function visibleUnscheduledPods(pods: ObjectsOfKind, showSystem: boolean): PodObject[] {
  return showSystem ? unscheduledPods(pods) : userUnscheduledPods(pods);
}

export interface UnscheduledSummary {
  count: number;
  /** The first pods by name, at most UNSCHEDULED_PREVIEW: what a capped list draws. */
  first: PodObject[];
}

/** Pods a capped "waiting for a node" list shows; the rest are counted ("+N more"). */
export const UNSCHEDULED_PREVIEW = 24;

/**
 * Unscheduled pods counted, and the first few by name: one pass with a small sorted buffer, so 100,000
 * Pending pods (a `replicas: 100000` on four machines) cost no sort of them all per patch.
 */
function summariseUnscheduled(pods: ObjectsOfKind, withSystem: boolean): UnscheduledSummary {
  let count = 0;
  const first: PodObject[] = [];
  for (const o of Object.values(pods) as PodObject[]) {
    if (o.spec?.nodeName || (!withSystem && isSystemObject(o))) continue;
    count++;
    if (first.length === UNSCHEDULED_PREVIEW && byName(o, first[first.length - 1]!) >= 0) continue;
    let i = first.length;
    while (i > 0 && byName(o, first[i - 1]!) < 0) i--;
    first.splice(i, 0, o);
    if (first.length > UNSCHEDULED_PREVIEW) first.pop();
  }
  return { count, first };
}

const allUnscheduledSummary = memoOnMap((pods) => summariseUnscheduled(pods, true));
const userUnscheduledSummary = memoOnMap((pods) => summariseUnscheduled(pods, false));

export function visibleUnscheduledSummary(pods: ObjectsOfKind, showSystem: boolean): UnscheduledSummary {
  return showSystem ? allUnscheduledSummary(pods) : userUnscheduledSummary(pods);
}

export const sortedNodes = memoOnMap((nodes) => (Object.values(nodes) as NodeObject[]).sort(byName));

export function isControlPlaneNode(node: NodeObject): boolean {
  const labels = node.metadata.labels ?? {};
  return 'node-role.kubernetes.io/control-plane' in labels || 'node-role.kubernetes.io/master' in labels;
}

export function eventTime(e: EventObject): string {
  return e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata.creationTimestamp ?? '';
}

/** Events newest first, as `kubectl get events --sort-by=.lastTimestamp` reversed. */
export const eventsNewestFirst = memoOnMap((events) =>
  (Object.values(events) as EventObject[]).sort((a, b) => {
    const t = compareStrings(eventTime(b), eventTime(a));
    return t !== 0 ? t : Number(b.metadata.resourceVersion ?? 0) - Number(a.metadata.resourceVersion ?? 0);
  }),
);

const newerFirst = (a: EventObject, b: EventObject): number => {
  const t = compareStrings(eventTime(b), eventTime(a));
  return t !== 0 ? t : Number(b.metadata.resourceVersion ?? 0) - Number(a.metadata.resourceVersion ?? 0);
};

/**
 * The `limit` newest events that `keep` accepts, newest first: one pass with a small sorted buffer, so a
 * flood of events (a Deployment of 100,000 replicas) costs no sort of them all per patch.
 */
export function newestEvents(events: ObjectsOfKind, limit: number, keep: (e: EventObject) => boolean = () => true): EventObject[] {
  const out: EventObject[] = [];
  for (const e of Object.values(events) as EventObject[]) {
    if (out.length === limit && newerFirst(e, out[limit - 1]!) >= 0) continue;
    if (!keep(e)) continue;
    let lo = 0;
    let hi = out.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newerFirst(out[mid]!, e) <= 0) lo = mid + 1;
      else hi = mid;
    }
    out.splice(lo, 0, e);
    if (out.length > limit) out.pop();
  }
  return out;
}

/** Events the panels show at most (the newest). */
export const EVENTS_SHOWN = 200;

/** The newest EVENTS_SHOWN events, memoised on the Event map. */
export const latestEvents = memoOnMap((events) => newestEvents(events, EVENTS_SHOWN));

/** The events about one object, newest first (a filter over all events first: an object has few). */
export function eventsAboutNewestFirst(events: ObjectsOfKind, ref: ObjectRef, limit: number): EventObject[] {
  return newestEvents(events, limit, (e) => isAbout(e, ref));
}

function isAbout(e: EventObject, ref: ObjectRef): boolean {
  return (
    e.involvedObject.kind === ref.kind &&
    e.involvedObject.name === ref.name &&
    (ref.namespace === undefined || (e.involvedObject.namespace ?? e.metadata.namespace) === ref.namespace)
  );
}

export function eventsAbout(events: readonly EventObject[], ref: ObjectRef): EventObject[] {
  return events.filter(
    (e) =>
      e.involvedObject.kind === ref.kind &&
      e.involvedObject.name === ref.name &&
      (ref.namespace === undefined || (e.involvedObject.namespace ?? e.metadata.namespace) === ref.namespace),
  );
}

export interface EndpointTarget {
  pod: string;
  namespace: string;
  node: string | undefined;
}

/**
 * Ready endpoints of every Service, from EndpointSlices (label kubernetes.io/service-name), or from the
 * legacy Endpoints object when no slice exists. Only ready addresses: what kube-proxy would route to.
 */
export function readyEndpoints(objects: ObjectsByKind): Map<string, EndpointTarget[]> {
  return readyEndpointsMemo(kindOf(objects, 'EndpointSlice'))(kindOf(objects, 'Endpoints'));
}

const readyEndpointsMemo = memoOnMap((slices) =>
  memoOnMap((endpoints) => {
    const out = new Map<string, EndpointTarget[]>();
    for (const s of Object.values(slices) as (EndpointSlice & KubeObject)[]) {
      const svc = s.metadata.labels?.['kubernetes.io/service-name'];
      if (!svc) continue;
      const key = `${s.metadata.namespace ?? 'default'}/${svc}`;
      const list = out.get(key) ?? [];
      for (const ep of s.endpoints ?? []) {
        // EndpointSlice: a nil `ready` condition is interpreted as ready (discovery/v1 EndpointConditions).
        if (ep.conditions?.ready === false || ep.targetRef?.kind !== 'Pod' || !ep.targetRef.name) continue;
        list.push({ pod: ep.targetRef.name, namespace: ep.targetRef.namespace ?? s.metadata.namespace ?? 'default', node: ep.nodeName });
      }
      out.set(key, list);
    }
    for (const e of Object.values(endpoints) as (KubeObject & { subsets?: { addresses?: { nodeName?: string; targetRef?: { kind?: string; name?: string; namespace?: string } }[] }[] })[]) {
      const key = `${e.metadata.namespace ?? 'default'}/${e.metadata.name}`;
      if (out.has(key)) continue;
      const list: EndpointTarget[] = [];
      for (const subset of e.subsets ?? []) {
        for (const a of subset.addresses ?? []) {
          if (a.targetRef?.kind !== 'Pod' || !a.targetRef.name) continue;
          list.push({ pod: a.targetRef.name, namespace: a.targetRef.namespace ?? e.metadata.namespace ?? 'default', node: a.nodeName });
        }
      }
      out.set(key, list);
    }
    return out;
  }),
);

/** Services to draw: everything but the API server's own `kubernetes` Service in `default`. */
export const userServices = memoOnMap((services) =>
  (Object.values(services) as ServiceObject[]).filter((s) => !(s.metadata.namespace === 'default' && s.metadata.name === 'kubernetes')).sort(byName),
);
const nonSystemServices = memoOnMap((services) => withoutSystem(userServices(services)));

/** The Services the canvas draws: kube-system's (kube-dns) only with the cluster's own pods shown. */
export function visibleServices(services: ObjectsOfKind, showSystem: boolean): ServiceObject[] {
  return showSystem ? userServices(services) : nonSystemServices(services);
}
