/**
 * What makes a pod an endpoint of a Service, shared by the EndpointSlice and Endpoints controllers
 * (pkg/controller/util/endpoint and pkg/api/v1/pod): which pods qualify, how a Service port's
 * targetPort resolves against a pod's containers, and which pod changes can change an endpoint.
 */
import type { Pod, Service, ServicePort } from 'kubernetes-types/core/v1';
import type { Stored } from '../../objects';

export type StoredPod = Stored<Pod>;
export type StoredService = Stored<Service>;

export function isPodReady(pod: StoredPod): boolean {
  const conditions = pod.status?.conditions;
  if (!conditions) return false;
  for (const c of conditions) if (c.type === 'Ready') return c.status === 'True';
  return false;
}

export function podIP(pod: StoredPod): string | undefined {
  return pod.status?.podIP || pod.status?.podIPs?.[0]?.ip || undefined;
}

/**
 * endpointutil.ShouldPodBeInEndpoints: a terminal pod (Succeeded/Failed) never is, a pod without an IP
 * cannot be, and a terminating pod only when the caller includes terminating endpoints.
 */
export function shouldPodBeInEndpoints(pod: StoredPod, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  if (!podIP(pod)) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/**
 * podutil.FindPort: a numeric targetPort is used as is (an absent one defaults to the Service port);
 * a named one is looked up among the containers' ports with the same name and protocol.
 */
export function resolveTargetPort(pod: StoredPod, svcPort: ServicePort): number | undefined {
  const target = svcPort.targetPort ?? svcPort.port;
  if (typeof target === 'number') return target;
  const protocol = svcPort.protocol ?? 'TCP';
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (p.name === target && (p.protocol ?? 'TCP') === protocol) return p.containerPort;
    }
  }
  return undefined;
}

/** endpointutil.ShouldSetHostname: a pod with a hostname whose subdomain is the Service's name. */
export function hostnameFor(pod: StoredPod, svc: StoredService): string | undefined {
  const hostname = pod.spec?.hostname;
  if (hostname && pod.spec?.subdomain === svc.metadata.name && pod.metadata.namespace === svc.metadata.namespace) return hostname;
  return undefined;
}

/** Whether a pod update can change any endpoint built from it (the controllers' podEndpointsChanged). */
export function podEndpointChanged(old: StoredPod, pod: StoredPod): boolean {
  return (
    podIP(old) !== podIP(pod) ||
    isPodReady(old) !== isPodReady(pod) ||
    old.metadata.deletionTimestamp !== pod.metadata.deletionTimestamp ||
    old.spec?.nodeName !== pod.spec?.nodeName ||
    old.status?.phase !== pod.status?.phase ||
    old.spec?.hostname !== pod.spec?.hostname ||
    old.spec?.subdomain !== pod.spec?.subdomain ||
    !sameLabels(old.metadata.labels, pod.metadata.labels)
  );
}

export function sameLabels(a: Record<string, string> | undefined, b: Record<string, string> | undefined): boolean {
  if (a === b) return true;
  const ak = Object.keys(a ?? {});
  if (ak.length !== Object.keys(b ?? {}).length) return false;
  for (const k of ak) if (a![k] !== b?.[k]) return false;
  return true;
}
