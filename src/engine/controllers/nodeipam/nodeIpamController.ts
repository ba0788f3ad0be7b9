/**
 * Node IPAM (pkg/controller/nodeipam, `node-ipam-controller`, the range allocator that kubeadm and kind
 * turn on with --allocate-node-cidrs and --cluster-cidr=10.244.0.0/16): each node gets its own /24
 * (--node-cidr-mask-size 24) in spec.podCIDR and spec.podCIDRs, in the order nodes register, and its
 * pods take their IPs from it. A deleted node's CIDR is released.
 */
import type { Node } from 'kubernetes-types/core/v1';
import { Controller, type ControllerContext } from '../controllerRuntime';
import { CidrSet } from './cidrSet';

export const NODE_IPAM_CONTROLLER_NAME = 'node-ipam-controller';
export const CLUSTER_CIDR = '10.244.0.0/16';
export const NODE_CIDR_MASK_SIZE = 24;

export function createNodeIpamController(ctx: ControllerContext): Controller {
  const { api, events } = ctx;
  const cidrs = new CidrSet(CLUSTER_CIDR, NODE_CIDR_MASK_SIZE);
  /** node name → the CIDR it holds, so a deleted node's can be released. */
  const allocated = new Map<string, string>();

  function syncNode(name: string): void {
    const node = api.get<Node>('Node', undefined, name);
    if (!node) {
      const cidr = allocated.get(name);
      if (cidr) cidrs.release(cidr);
      allocated.delete(name);
      return;
    }
    const existing = node.spec?.podCIDR ?? node.spec?.podCIDRs?.[0];
    if (existing) {
      if (cidrs.occupy(existing)) allocated.set(name, existing);
      return;
    }
    const cidr = cidrs.allocateNext();
    if (!cidr) {
      events.record({ apiVersion: 'v1', kind: 'Node', metadata: { name, uid: node.metadata.uid } }, 'Normal', 'CIDRNotAvailable', `Node ${name} status is now: CIDRNotAvailable`, {
        component: 'cidrAllocator',
      });
      return;
    }
    allocated.set(name, cidr);
    api.update<Node>({ ...node, spec: { ...node.spec, podCIDR: cidr, podCIDRs: [cidr] } });
  }

  return new Controller(
    {
      name: NODE_IPAM_CONTROLLER_NAME,
      watches: [{ kind: 'Node', keys: (ev) => (ev.type === 'MODIFIED' && ev.object.spec === ev.old?.spec ? [] : [ev.object.metadata.name]) }],
      listKeys: () => {
        // A (re)started allocator learns the CIDRs in use from the nodes, then allocates for the rest.
        cidrs.clear();
        allocated.clear();
        const nodes = api.peekList<Node>('Node');
        for (const node of nodes) {
          const cidr = node.spec?.podCIDR ?? node.spec?.podCIDRs?.[0];
          if (cidr && cidrs.occupy(cidr)) allocated.set(node.metadata.name, cidr);
        }
        return nodes.map((n) => n.metadata.name);
      },
      sync: syncNode,
    },
    ctx,
  );
}
