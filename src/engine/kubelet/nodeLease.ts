/**
 * The node lease (pkg/kubelet/nodelease, component-helpers' lease controller): the kubelet's cheap
 * heartbeat, a Lease named after the node in kube-node-lease, owned by the Node, renewed every 10 s.
 */
import type { Lease } from 'kubernetes-types/coordination/v1';
import type { Node } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../apiserver/apiserver';
import { isApiFailure } from '../apiserver/errors';
import { microTime } from './timestamps';

/** The node lease's leaseDurationSeconds (kubelet --node-lease-duration-seconds). */
export const NODE_LEASE_DURATION_SECONDS = 40;
export const NODE_LEASE_NAMESPACE = 'kube-node-lease';

/** Creates or renews the node's Lease at `nowMs`; an unreachable API server (or a missing namespace) waits for the next heartbeat. */
export function renewNodeLease(api: ApiServer, nodeName: string, nowMs: number): void {
  const lease = api.peek<Lease>('Lease', NODE_LEASE_NAMESPACE, nodeName);
  try {
    if (!lease) {
      const node = api.peek<Node>('Node', undefined, nodeName);
      if (!node) return;
      api.create<Lease>({
        apiVersion: 'coordination.k8s.io/v1',
        kind: 'Lease',
        metadata: {
          name: nodeName,
          namespace: NODE_LEASE_NAMESPACE,
          ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: node.metadata.uid }],
        },
        spec: { holderIdentity: nodeName, leaseDurationSeconds: NODE_LEASE_DURATION_SECONDS, renewTime: microTime(nowMs) },
      });
    } else {
      api.update<Lease>({ ...lease, spec: { ...lease.spec, renewTime: microTime(nowMs) } });
    }
  } catch (err) {
    if (!isApiFailure(err)) throw err;
  }
}
