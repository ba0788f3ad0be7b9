import { useClusterStore } from '../../store/clusterStore';
import { controllerTarget, cpTarget, nodePartTarget } from '../../store/cueFlashes';
import { useLit } from '../../store/cueStore';
import { useFaultStore } from '../../store/faultStore';
import { useFaultMarks } from '../faults/useFaultMarks';
import { controllerShortName, explainComponent, type ComponentExplanation, type ComponentId } from './componentExplanations';

/** The flash target whose caption says what the component did last. */
export function flashTargetOf(id: ComponentId): string {
  if (id.part === 'controller') return controllerTarget(controllerShortName(id.controller));
  if ('node' in id) return nodePartTarget(id.node, id.part);
  return cpTarget(id.part);
}

/** A component's explanation from the live state (re-rendered as the cluster changes). */
export function useComponentExplanation(id: ComponentId): ComponentExplanation {
  const objects = useClusterStore((s) => s.objects);
  const controllers = useClusterStore((s) => s.components);
  const now = useClusterStore((s) => s.clock.now);
  const processes = useFaultStore((s) => s.status.components);
  const etcd = useFaultStore((s) => s.status.etcd);
  const marks = useFaultMarks();
  const lit = useLit(flashTargetOf(id));
  return explainComponent(id, { objects, controllers, processes, nodesDown: marks.nodesDown, nodesPartitioned: marks.nodesPartitioned, now, etcd, activity: lit?.caption });
}
