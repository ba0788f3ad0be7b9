/** One component per ConceptNodeKind, registered once (React Flow re-mounts nodes if this object changes). */
import type { NodeTypes } from '@xyflow/react';
import type { ConceptNodeKind } from '../../../engine/concepts/types';
import { GuestOsNode, HostNode, HypervisorNode, KernelNode, LaneNode, MachineNode, VmNode } from './InfraNodes';
import { CgroupBarNode, ContainerNode, NamespaceNode, ProcessNode } from './WorkloadNodes';
import { ImageLayerNode, LoopNode, ModuleNode, RegistryNode, RequestNode, ServiceNode, StepNode } from './DeliveryNodes';

const BY_KIND: Record<ConceptNodeKind, NodeTypes[string]> = {
  lane: LaneNode,
  host: HostNode,
  machine: MachineNode,
  hypervisor: HypervisorNode,
  vm: VmNode,
  'guest-os': GuestOsNode,
  kernel: KernelNode,
  container: ContainerNode,
  process: ProcessNode,
  namespace: NamespaceNode,
  'cgroup-bar': CgroupBarNode,
  'image-layer': ImageLayerNode,
  registry: RegistryNode,
  module: ModuleNode,
  service: ServiceNode,
  request: RequestNode,
  step: StepNode,
  loop: LoopNode,
};

export const conceptNodeTypes: NodeTypes = BY_KIND;
