/** Custom node types, registered once at module level (React Flow re-mounts nodes if this object changes). */
import type { NodeTypes } from '@xyflow/react';
import { ControlPlaneNode } from './ControlPlaneNode';
import { DeploymentNode } from './DeploymentNode';
import { PendingPodsNode } from './PendingPodsNode';
import { ServiceNode } from './ServiceNode';
import { WorkerNode } from './WorkerNode';

export const nodeTypes: NodeTypes = {
  controlPlane: ControlPlaneNode,
  worker: WorkerNode,
  service: ServiceNode,
  deployment: DeploymentNode,
  pending: PendingPodsNode,
};
