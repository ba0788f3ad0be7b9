/**
 * Resolving a fault's target the way kubectl resolves names: a pod as `name` or `namespace/name`
 * (namespace `default`), optionally with `/container`; a Deployment as `name`, `deployment/name` or
 * `namespace/name`. A target that names nothing gets kubectl's NotFound wording.
 */
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../apiserver/apiserver';
import { matchesLabelSelector } from '../apiserver/labels';
import type { Stored } from '../objects';
import { faultFailure, type FaultFailure } from './resultText';

export const DEFAULT_NAMESPACE = 'default';

/**
 * The cluster's own pods: kubeadm's control plane (static pods, mirrored by the kubelet), kube-proxy and
 * CoreDNS in kube-system. A fault may name one; a random choice (chaos) must leave them alone, as a
 * chaos tool scoped to the student's namespaces would.
 */
export function isSystemPod(pod: { metadata: { namespace?: string; annotations?: Record<string, string> } }): boolean {
  return pod.metadata.namespace === 'kube-system' || pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined;
}

export type Resolved<T> = { ok: true; value: T } | FaultFailure;

export interface PodTarget {
  pod: Stored<Pod>;
  namespace: string;
  /** Named in the target or option; otherwise the fault picks (usually the first app container). */
  container: string | undefined;
}

function findPod(api: ApiServer, namespace: string, name: string): Stored<Pod> | undefined {
  return api.peek<Pod>('Pod', namespace, name);
}

/**
 * `web-abc12`, `team/web-abc12`, `web-abc12/nginx`, `team/web-abc12/nginx`. Two parts are a pod and
 * its container when such a pod exists in `default` with that container, else a namespace and a pod.
 */
export function resolvePod(api: ApiServer, target: string, container?: string): Resolved<PodTarget> {
  const parts = target.replace(/^pods?\//, '').split('/');
  let namespace = DEFAULT_NAMESPACE;
  let name: string;
  let named = container;
  if (parts.length === 1) name = parts[0]!;
  else if (parts.length === 2) {
    const [a, b] = parts as [string, string];
    const asPod = findPod(api, DEFAULT_NAMESPACE, a);
    if (asPod && named === undefined && hasContainer(asPod, b)) {
      name = a;
      named = b;
    } else {
      namespace = a;
      name = b;
    }
  } else if (parts.length === 3) {
    [namespace, name] = parts as [string, string];
    named ??= parts[2];
  } else return faultFailure('invalid-pod-target', { target });
  if (!name) return faultFailure('empty-pod-name', { target });
  const pod = findPod(api, namespace, name);
  if (!pod) return faultFailure('pod-not-found', { pod: name, namespace });
  if (named !== undefined && !hasContainer(pod, named)) return faultFailure('container-not-found', { container: named, pod: name });
  return { ok: true, value: { pod, namespace, container: named } };
}

function hasContainer(pod: Stored<Pod>, name: string): boolean {
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].some((c) => c.name === name);
}

/** Whether the target names a Deployment (`deployment/web`, `deploy/web`, `team/deployment/web`). */
export function isDeploymentTarget(target: string): boolean {
  return /(^|\/)(deployments?|deploy)(\.apps)?\//.test(target);
}

export function resolveDeployment(api: ApiServer, target: string): Resolved<Stored<Deployment>> {
  const parts = target.split('/').filter((p) => !/^(deployments?|deploy)(\.apps)?$/.test(p));
  let namespace = DEFAULT_NAMESPACE;
  let name: string;
  if (parts.length === 1) name = parts[0]!;
  else if (parts.length === 2) [namespace, name] = parts as [string, string];
  else return faultFailure('invalid-deployment-target', { target });
  const d = api.peek<Deployment>('Deployment', namespace, name);
  if (!d) return faultFailure('deployment-not-found', { deployment: name, namespace });
  return { ok: true, value: d };
}

/** The Deployment's live pods (its selector's, not terminating). */
export function podsOfDeployment(api: ApiServer, d: Stored<Deployment>): Stored<Pod>[] {
  const namespace = d.metadata.namespace ?? DEFAULT_NAMESPACE;
  return api
    .peekList<Pod>('Pod', { namespace })
    .filter((p) => !p.metadata.deletionTimestamp && matchesLabelSelector(d.spec?.selector, p.metadata.labels))
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

export function resolveNode(api: ApiServer, target: string): Resolved<Stored<Node>> {
  const name = target.replace(/^(nodes?|no)\//, '');
  const node = api.peek<Node>('Node', undefined, name);
  return node ? { ok: true, value: node } : faultFailure('node-not-found', { node: name });
}

export const ZONE_LABEL = 'topology.kubernetes.io/zone';

export function nodesInZone(api: ApiServer, zone: string): Resolved<Stored<Node>[]> {
  const nodes = api.peekList<Node>('Node').filter((n) => n.metadata.labels?.[ZONE_LABEL] === zone);
  if (nodes.length > 0) return { ok: true, value: nodes.sort((a, b) => a.metadata.name.localeCompare(b.metadata.name)) };
  const zones = [...new Set(api.peekList<Node>('Node').map((n) => n.metadata.labels?.[ZONE_LABEL]).filter((z): z is string => !!z))].sort();
  return zones.length > 0 ? faultFailure('zone-not-found', { zone, zones: zones.join(', ') }) : faultFailure('zone-not-found-no-zones', { zone });
}
