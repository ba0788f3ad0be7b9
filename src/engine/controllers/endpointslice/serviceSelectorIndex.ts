/**
 * Which Services select a pod: the lookup the endpoint controllers' pod handlers make
 * (`GetPodServiceMemberships`). Services are indexed by namespace, so a pod event costs the Services
 * of its own namespace. The index is the controller's informer cache: it is rebuilt from a full list
 * when the controller (re)starts and kept current by the Service watch while it runs.
 */
import type { Pod, Service } from 'kubernetes-types/core/v1';
import type { ApiServer, WatchEvent } from '../../apiserver/apiserver';
import { matchesLabelMap } from '../../apiserver/labels';
import { objectKey, type Stored } from '../../objects';
import { podEndpointChanged, type StoredPod } from './podEndpoints';

type Selector = Record<string, string>;

export class ServiceSelectorIndex {
  /** namespace → service name → selector (only Services that have one). */
  private readonly byNamespace = new Map<string, Map<string, Selector>>();

  constructor(private readonly api: ApiServer) {}

  /** Rebuilds from a list and returns every Service key (the controller's initial list). */
  relist(): string[] {
    this.byNamespace.clear();
    const keys: string[] = [];
    for (const svc of this.api.peekList<Service>('Service')) {
      this.set(svc);
      keys.push(objectKey(svc.metadata.namespace, svc.metadata.name));
    }
    return keys;
  }

  /** Service watch handler: keeps the index and returns the Service's key. */
  onServiceEvent(ev: WatchEvent<Service>): string[] {
    if (ev.type === 'DELETED') this.remove(ev.object);
    else this.set(ev.object);
    return [objectKey(ev.object.metadata.namespace, ev.object.metadata.name)];
  }

  /** Pod watch handler: the keys of the Services whose endpoints this pod event may change. */
  servicesForPodEvent(ev: WatchEvent<Pod>): string[] {
    const pod: StoredPod = ev.object;
    const old: StoredPod | undefined = ev.old;
    if (ev.type === 'MODIFIED' && old && !podEndpointChanged(old, pod)) return [];
    const ns = pod.metadata.namespace ?? 'default';
    const services = this.byNamespace.get(ns);
    if (!services) return [];
    const out: string[] = [];
    for (const [name, selector] of services) {
      if (matchesLabelMap(selector, pod.metadata.labels) || (old && matchesLabelMap(selector, old.metadata.labels))) {
        out.push(objectKey(ns, name));
      }
    }
    return out;
  }

  private set(svc: Stored<Service>): void {
    const ns = svc.metadata.namespace ?? 'default';
    const selector = svc.spec?.selector;
    if (!selector) {
      this.byNamespace.get(ns)?.delete(svc.metadata.name);
      return;
    }
    let services = this.byNamespace.get(ns);
    if (!services) this.byNamespace.set(ns, (services = new Map()));
    services.set(svc.metadata.name, selector);
  }

  private remove(svc: Stored<Service>): void {
    this.byNamespace.get(svc.metadata.namespace ?? 'default')?.delete(svc.metadata.name);
  }
}
