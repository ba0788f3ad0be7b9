/** The machines and what runs them: lanes, hosts, hypervisors, VMs, guest OSes, kernels. */
import { memo } from 'react';
import { ConceptBox, type ConceptNodeProps } from './ConceptBox';

export const LaneNode = memo(function LaneNode({ data }: ConceptNodeProps) {
  return <ConceptBox data={data} icon="▤" className="kind-lane" />;
});

export const HostNode = memo(function HostNode({ data }: ConceptNodeProps) {
  return <ConceptBox data={data} icon="▦" className="kind-host" />;
});

export const MachineNode = memo(function MachineNode({ data }: ConceptNodeProps) {
  return <ConceptBox data={data} icon="▦" className="kind-machine" />;
});

export const HypervisorNode = memo(function HypervisorNode({ data }: ConceptNodeProps) {
  return <ConceptBox data={data} icon="⊟" className="kind-hypervisor" />;
});

export const VmNode = memo(function VmNode({ data }: ConceptNodeProps) {
  return <ConceptBox data={data} icon="▢" className="kind-vm" />;
});

export const GuestOsNode = memo(function GuestOsNode({ data }: ConceptNodeProps) {
  return <ConceptBox data={data} icon="◇" className="kind-guest-os" />;
});

export const KernelNode = memo(function KernelNode({ data }: ConceptNodeProps) {
  return <ConceptBox data={data} icon="⚙" className="kind-kernel" />;
});
