/**
 * The `kubernetes` Service has no selector: kube-apiserver itself publishes where it listens (its
 * endpoint reconciler, pkg/controlplane/reconcilers, the default `lease` type re-checking every 10 s).
 * It writes the Endpoints `default/kubernetes` (labelled skip-mirror so the mirroring controller leaves
 * it alone) and the EndpointSlice `default/kubernetes`, both listing every control-plane node's
 * InternalIP on port 6443 (the apiserver's --secure-port).
 *
 * This runs in the API server, not in kube-controller-manager: it keeps working while the
 * controller-manager is stopped.
 */
import type { Endpoints, Node } from 'kubernetes-types/core/v1';
import type { EndpointSlice } from 'kubernetes-types/discovery/v1';
import { Controller, type ControllerContext } from '../controllerRuntime';
import { isDeepEqual } from '../../apiserver/deepEqual';

export const APISERVER_ENDPOINT_RECONCILER_NAME = 'apiserver-endpoint-reconciler';
const KEY = 'default/kubernetes';
const SECURE_PORT = 6443;
const RECONCILE_INTERVAL_MS = 10_000;
const CONTROL_PLANE_LABEL = 'node-role.kubernetes.io/control-plane';

export function apiserverAddresses(nodes: readonly Pick<Node, 'status' | 'metadata'>[]): string[] {
  const ips: string[] = [];
  for (const n of nodes) {
    if (n.metadata?.labels?.[CONTROL_PLANE_LABEL] === undefined) continue;
    const ip = n.status?.addresses?.find((a) => a.type === 'InternalIP')?.address;
    if (ip) ips.push(ip);
  }
  return ips.sort();
}

export function createApiServerEndpointReconciler(ctx: ControllerContext): Controller {
  const { api } = ctx;

  function reconcile(): void {
    if (!api.get('Service', 'default', 'kubernetes')) return;
    const ips = apiserverAddresses(api.list<Node>('Node'));
    if (ips.length === 0) return;
    const port = { name: 'https', port: SECURE_PORT, protocol: 'TCP' };

    const endpoints: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
      subsets: [{ addresses: ips.map((ip) => ({ ip })), ports: [port] }],
    };
    const currentEp = api.get<Endpoints>('Endpoints', 'default', 'kubernetes');
    if (!currentEp) api.create(endpoints);
    else if (!isDeepEqual(currentEp.subsets, endpoints.subsets) || !isDeepEqual(currentEp.metadata.labels, endpoints.metadata!.labels)) {
      api.update<Endpoints>({ ...currentEp, metadata: { ...currentEp.metadata, labels: endpoints.metadata!.labels }, subsets: endpoints.subsets });
    }

    const slice: EndpointSlice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4',
      endpoints: ips.map((ip) => ({ addresses: [ip], conditions: { ready: true } })),
      ports: [port],
    };
    const currentSlice = api.get<EndpointSlice>('EndpointSlice', 'default', 'kubernetes');
    if (!currentSlice) api.create(slice);
    else if (!isDeepEqual(currentSlice.endpoints, slice.endpoints) || !isDeepEqual(currentSlice.ports, slice.ports)) {
      api.update<EndpointSlice>({ ...currentSlice, endpoints: slice.endpoints, ports: slice.ports! });
    }
  }

  const isOurs = (ev: { object: { metadata: { namespace?: string; name: string } } }) =>
    ev.object.metadata.namespace === 'default' && ev.object.metadata.name === 'kubernetes' ? [KEY] : [];

  return new Controller(
    {
      name: APISERVER_ENDPOINT_RECONCILER_NAME,
      watches: [
        { kind: 'Node', keys: (ev) => (controlPlaneAddressesChanged(ev.old as Node | undefined, ev.object as Node) ? [KEY] : []) },
        { kind: 'Endpoints', keys: isOurs },
        { kind: 'EndpointSlice', keys: isOurs },
        { kind: 'Service', keys: isOurs },
      ],
      listKeys: () => [KEY],
      sync: () => reconcile(),
      resyncPeriodMs: RECONCILE_INTERVAL_MS,
    },
    ctx,
  );
}

/** A control-plane node appeared, went, or changed its addresses (a kubelet heartbeat usually does not). */
function controlPlaneAddressesChanged(old: Node | undefined, node: Node): boolean {
  if (node.metadata?.labels?.[CONTROL_PLANE_LABEL] === undefined) return false;
  if (!old) return true;
  return old.status?.addresses !== node.status?.addresses && !isDeepEqual(old.status?.addresses, node.status?.addresses);
}
