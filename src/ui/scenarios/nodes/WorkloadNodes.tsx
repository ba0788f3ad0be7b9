/** What runs on a kernel: containers, processes, the namespaces that fence them and the cgroups that cap them. */
import { memo } from 'react';
import { ConceptBox, type ConceptNodeProps } from './ConceptBox';

export const ContainerNode = memo(function ContainerNode({ data }: ConceptNodeProps) {
  return <ConceptBox data={data} icon="⬡" className="kind-container" />;
});

export const ProcessNode = memo(function ProcessNode({ data }: ConceptNodeProps) {
  return <ConceptBox data={data} icon="▶" className="kind-process" />;
});

export const NamespaceNode = memo(function NamespaceNode({ data }: ConceptNodeProps) {
  return <ConceptBox data={data} icon="◫" className="kind-namespace" />;
});

export const CgroupBarNode = memo(function CgroupBarNode({ data }: ConceptNodeProps) {
  return <ConceptBox data={data} icon="▥" className="kind-cgroup-bar" />;
});
