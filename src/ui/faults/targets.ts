/**
 * What the failure panel offers as targets, from the page's mirror of the cluster: names in the form the
 * engine resolves (`namespace/name`, `deployment/namespace/name`, node and component names), and the
 * containers of a chosen pod or Deployment template (the container field's choices).
 */
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { KubeObject } from '../../engine/objects';
import type { NodeObject, PodObject } from '../../store/selectors';
import { isControlPlaneNode } from '../../store/selectors';
import { zonesOf, type TargetKind } from './catalogue';

export type DeploymentObject = Deployment & KubeObject;

export interface TargetSources {
  pods: readonly PodObject[];
  nodes: readonly NodeObject[];
  deployments: readonly DeploymentObject[];
  components: readonly { name: string; running: boolean }[];
}

const key = (o: KubeObject): string => `${o.metadata.namespace ?? 'default'}/${o.metadata.name}`;

export function targetNames(kind: TargetKind, src: TargetSources): string[] {
  const pods = src.pods.filter((p) => !p.metadata.deletionTimestamp).map(key).sort();
  const deployments = src.deployments.map(key).sort();
  switch (kind) {
    case 'pod':
      return pods;
    case 'podOrDeployment':
      return [...deployments.map((d) => `deployment/${d}`), ...pods];
    case 'deployment':
      return deployments;
    case 'worker':
      return src.nodes
        .filter((n) => !isControlPlaneNode(n))
        .map((n) => n.metadata.name ?? '')
        .sort();
    case 'node': {
      // Any machine can be powered off; the control plane comes last (it takes the API server with it).
      const names = (cp: boolean) => src.nodes.filter((n) => isControlPlaneNode(n) === cp).map((n) => n.metadata.name ?? '').sort();
      return [...names(false), ...names(true)];
    }
    case 'zone':
      return zonesOf(src.nodes);
    case 'podNodeOrDeployment':
      // heal: whatever may have something to undo.
      return [...deployments.map((d) => `deployment/${d}`), ...pods, ...targetNames('node', src)];
    case 'runningComponent':
    case 'stoppedComponent':
      return src.components.filter((c) => c.running === (kind === 'runningComponent')).map((c) => c.name);
  }
}

export interface ContainerChoice {
  name: string;
  image: string;
}

/** The app containers of the target a container option applies to (a pod, or a Deployment's template). */
export function targetContainers(kind: TargetKind, target: string, src: Pick<TargetSources, 'pods' | 'deployments'>): ContainerChoice[] {
  const list = kind === 'pod' ? src.pods : kind === 'deployment' ? src.deployments : [];
  const found = (list as readonly KubeObject[]).find((o) => key(o) === target);
  if (!found) return [];
  const spec = kind === 'pod' ? (found as PodObject).spec : (found as DeploymentObject).spec?.template?.spec;
  return (spec?.containers ?? []).map((c) => ({ name: c.name, image: c.image ?? '' }));
}

/** The target a canvas selection stands for, for a fault taking `kind` targets (undefined: none). */
export function targetOfSelection(kind: TargetKind, ref: { kind: string; namespace?: string; name: string }): string | undefined {
  const namespaced = `${ref.namespace ?? 'default'}/${ref.name}`;
  if (ref.kind === 'Pod' && (kind === 'pod' || kind === 'podOrDeployment')) return namespaced;
  if (ref.kind === 'Deployment' && kind === 'deployment') return namespaced;
  if (ref.kind === 'Deployment' && kind === 'podOrDeployment') return `deployment/${namespaced}`;
  if (ref.kind === 'Node' && (kind === 'node' || kind === 'worker')) return ref.name;
  return undefined;
}
