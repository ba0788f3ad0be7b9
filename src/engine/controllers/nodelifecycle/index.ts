/** createNodeLifecycleController: the node lifecycle controller wired to the API server's watches. */
import type { Node } from 'kubernetes-types/core/v1';
import { Controller, type ControllerContext } from '../controllerRuntime';
import { NODE_MONITOR_PERIOD_MS } from './nodeHealth';
import { conditionTaintInputsChanged, NODE_LIFECYCLE_CONTROLLER_NAME, NodeLifecycleSyncer, noScheduleKey } from './nodeLifecycleController';
import type { PodsByNodeIndex } from './podsByNodeIndex';
import type { ZoneState } from './zoneEviction';

export { MONITOR_KEY, NODE_LIFECYCLE_CONTROLLER_NAME, NodeLifecycleSyncer, noScheduleKey, zoneKeyOf } from './nodeLifecycleController';
export { NODE_MONITOR_GRACE_PERIOD_MS, NODE_MONITOR_PERIOD_MS, NODE_STARTUP_GRACE_PERIOD_MS } from './nodeHealth';
export { NOT_READY_TAINT_KEY, UNREACHABLE_TAINT_KEY, UNSCHEDULABLE_TAINT_KEY } from './taints';
export { PodsByNodeIndex } from './podsByNodeIndex';
export * from './tainteviction';

export interface NodeLifecycleController extends Controller {
  /** The controller's view of zones, for the UI and tests. */
  readonly zoneStates: ReadonlyMap<string, ZoneState>;
}

export function createNodeLifecycleController(ctx: ControllerContext, podsByNode: PodsByNodeIndex): NodeLifecycleController {
  const syncer = new NodeLifecycleSyncer(ctx, podsByNode);
  const controller = new Controller(
    {
      name: NODE_LIFECYCLE_CONTROLLER_NAME,
      watches: [
        {
          kind: 'Node',
          keys: (ev) => {
            if (ev.type === 'DELETED') return [];
            const node = ev.object as Node;
            const old = ev.old as Node | undefined;
            if (ev.type === 'MODIFIED' && old && !conditionTaintInputsChanged(old, node)) return [];
            return [noScheduleKey(ev.object.metadata.name)];
          },
        },
      ],
      listKeys: () => syncer.listKeys(),
      sync: (key) => syncer.sync(key),
      resyncPeriodMs: NODE_MONITOR_PERIOD_MS,
    },
    ctx,
  );
  return Object.defineProperty(controller, 'zoneStates', { get: () => syncer.zones }) as NodeLifecycleController;
}
