/** How software travels and is run: image layers, registries, modules, services, requests, steps and loops. */
import { memo } from 'react';
import { ConceptBox, type ConceptNodeProps } from './ConceptBox';

export const ImageLayerNode = memo(function ImageLayerNode({ data }: ConceptNodeProps) {
  return <ConceptBox data={data} icon="▭" className="kind-image-layer" />;
});

export const RegistryNode = memo(function RegistryNode({ data }: ConceptNodeProps) {
  return <ConceptBox data={data} icon="⊞" className="kind-registry" />;
});

export const ModuleNode = memo(function ModuleNode({ data }: ConceptNodeProps) {
  return <ConceptBox data={data} icon="◧" className="kind-module" />;
});

export const ServiceNode = memo(function ServiceNode({ data }: ConceptNodeProps) {
  return <ConceptBox data={data} icon="⬢" className="kind-service" />;
});

export const RequestNode = memo(function RequestNode({ data }: ConceptNodeProps) {
  return <ConceptBox data={data} icon="✉" className="kind-request" />;
});

export const StepNode = memo(function StepNode({ data }: ConceptNodeProps) {
  return <ConceptBox data={data} icon="➜" className="kind-step" />;
});

export const LoopNode = memo(function LoopNode({ data }: ConceptNodeProps) {
  return <ConceptBox data={data} icon="↻" className="kind-loop" />;
});
