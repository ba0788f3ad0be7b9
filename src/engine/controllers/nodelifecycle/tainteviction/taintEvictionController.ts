/**
 * The taint eviction controller (pkg/controller/tainteviction, `taint-eviction-controller`; the
 * NoExecute taint manager that lived inside the node lifecycle controller until 1.29). A pod on a node
 * with NoExecute taints is deleted
 * - at once if it does not tolerate one of them;
 * - after the smallest tolerationSeconds of the tolerations it uses, counted from when the controller
 *   saw the taint (the taint's timeAdded while the controller runs). The DefaultTolerationSeconds
 *   admission plugin gives every pod 300 s for `not-ready` and `unreachable`, hence the familiar
 *   "pods leave a dead node after 5 minutes";
 * - never if it tolerates the taints without tolerationSeconds.
 * If the taint goes away first, the eviction is cancelled. Eviction = a DisruptionTarget condition,
 * then an ordinary (graceful) delete; on an unreachable node the pod then stays Terminating, since its
 * kubelet cannot confirm, until the node returns or the pod is force-deleted.
 */
import type { Node, Pod, Taint } from 'kubernetes-types/core/v1';
import { Controller, type ControllerContext } from '../../controllerRuntime';
import { isDeepEqual } from '../../../apiserver/deepEqual';
import { objectKey, splitKey, type Stored } from '../../../objects';
import type { PodsByNodeIndex } from '../podsByNodeIndex';
import type { Node as NodeLike } from '../taints';
import { matchingTolerations, minTolerationMs } from './tolerations';

export const TAINT_EVICTION_CONTROLLER_NAME = 'taint-eviction-controller';
const EVENT_SOURCE = { component: TAINT_EVICTION_CONTROLLER_NAME };
const POD_PREFIX = 'pod:';
const NODE_PREFIX = 'node:';

interface ScheduledEviction {
  createdAt: number;
  fireAt: number;
}

export function noExecuteTaints(node: NodeLike | undefined): Taint[] {
  return (node?.spec?.taints ?? []).filter((t) => t.effect === 'NoExecute');
}

export interface TaintEvictionController extends Controller {
  /** When each pod is due to be evicted (pod key → epoch ms), for the UI and tests. */
  scheduledEvictions(): ReadonlyMap<string, number>;
}

export function createTaintEvictionController(ctx: ControllerContext, podsByNode: PodsByNodeIndex): TaintEvictionController {
  const { api, clock, events } = ctx;
  let scheduled = new Map<string, ScheduledEviction>();

  function podRef(podKey: string) {
    const { namespace, name } = splitKey(podKey);
    return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace } };
  }

  function cancelWithEvent(podKey: string): void {
    if (!scheduled.delete(podKey)) return;
    events.record(podRef(podKey), 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${podKey}`, EVENT_SOURCE);
  }

  function processPodOnNode(podKey: string, pod: Stored<Pod>, taints: Taint[], now: number): void {
    if (taints.length === 0) return cancelWithEvent(podKey);
    const { allTolerated, used } = matchingTolerations(taints, pod.spec?.tolerations ?? []);
    if (!allTolerated) {
      cancelWithEvent(podKey);
      scheduled.set(podKey, { createdAt: now, fireAt: now });
      return;
    }
    const min = minTolerationMs(used);
    if (min < 0) return cancelWithEvent(podKey);
    const existing = scheduled.get(podKey);
    let startTime = now;
    if (existing) {
      // An eviction already counting down keeps its start: re-seeing the taint does not restart the clock.
      startTime = existing.createdAt;
      if (startTime + min < now + min) return;
      cancelWithEvent(podKey);
    }
    scheduled.set(podKey, { createdAt: startTime, fireAt: now + min });
  }

  function evictIfDue(podKey: string, pod: Stored<Pod>): void {
    const entry = scheduled.get(podKey);
    if (!entry) return;
    const wait = entry.fireAt - clock.now();
    if (wait > 0) {
      controller.enqueue(POD_PREFIX + podKey, wait);
      return;
    }
    scheduled.delete(podKey);
    events.record(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${podKey}`, EVENT_SOURCE);
    // addConditionAndDeletePod: say why before deleting (PodDisruptionConditions, GA in 1.31).
    const conditions = (pod.status?.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
    conditions.push({
      type: 'DisruptionTarget',
      status: 'True',
      reason: 'DeletionByTaintManager',
      message: 'Taint manager: deleting due to NoExecute taint',
      lastTransitionTime: clock.nowRfc3339(),
    });
    api.updateStatus<Pod>({ ...pod, status: { ...pod.status, conditions } });
    api.delete('Pod', pod.metadata.namespace, pod.metadata.name);
    if (ctx.cues.hasListeners && pod.spec?.nodeName) {
      ctx.cues.emit({ type: 'eviction', node: pod.spec.nodeName, namespace: pod.metadata.namespace ?? 'default', pod: pod.metadata.name });
    }
  }

  function syncPod(podKey: string): void {
    const { namespace, name } = splitKey(podKey);
    const pod = api.get<Pod>('Pod', namespace, name);
    if (!pod || pod.metadata.deletionTimestamp || !pod.spec?.nodeName) {
      scheduled.delete(podKey);
      return;
    }
    const node = api.get<Node>('Node', undefined, pod.spec.nodeName);
    processPodOnNode(podKey, pod, noExecuteTaints(node), clock.now());
    evictIfDue(podKey, pod);
  }

  function syncNode(nodeName: string): void {
    const taints = noExecuteTaints(api.get<Node>('Node', undefined, nodeName));
    const now = clock.now();
    for (const pod of podsByNode.podsOn(nodeName)) {
      const podKey = objectKey(pod.metadata.namespace, pod.metadata.name);
      if (pod.metadata.deletionTimestamp) {
        scheduled.delete(podKey);
        continue;
      }
      processPodOnNode(podKey, pod, taints, now);
      evictIfDue(podKey, pod);
    }
  }

  const controller = new Controller(
    {
      name: TAINT_EVICTION_CONTROLLER_NAME,
      watches: [
        {
          kind: 'Pod',
          keys: (ev) => {
            const pod = ev.object as Stored<Pod>;
            const podKey = objectKey(pod.metadata.namespace, pod.metadata.name);
            if (ev.type === 'DELETED') return scheduled.has(podKey) ? [POD_PREFIX + podKey] : [];
            const old = ev.old as Stored<Pod> | undefined;
            if (ev.type === 'MODIFIED' && old?.spec?.nodeName === pod.spec?.nodeName && isDeepEqual(old?.spec?.tolerations, pod.spec?.tolerations)) return [];
            const nodeName = pod.spec?.nodeName;
            if (!nodeName) return scheduled.has(podKey) ? [POD_PREFIX + podKey] : [];
            const tainted = noExecuteTaints(api.peek<Node>('Node', undefined, nodeName)).length > 0;
            return tainted || scheduled.has(podKey) ? [POD_PREFIX + podKey] : [];
          },
        },
        {
          kind: 'Node',
          keys: (ev) => {
            if (ev.type === 'MODIFIED' && (ev.old as Node | undefined)?.spec === (ev.object as Node).spec) return [];
            const before = noExecuteTaints(ev.old as Node | undefined);
            const after = ev.type === 'DELETED' ? [] : noExecuteTaints(ev.object as Node);
            if (ev.type !== 'DELETED' && isDeepEqual(before, after)) return [];
            return [NODE_PREFIX + ev.object.metadata.name];
          },
        },
      ],
      listKeys: function* () {
        // A (re)started controller remembers no countdowns; it starts them again from now.
        scheduled = new Map();
        for (const node of api.peekList<Node>('Node')) if (noExecuteTaints(node).length > 0) yield NODE_PREFIX + node.metadata.name;
      },
      sync: (key) => {
        if (key.startsWith(POD_PREFIX)) syncPod(key.slice(POD_PREFIX.length));
        else if (key.startsWith(NODE_PREFIX)) syncNode(key.slice(NODE_PREFIX.length));
      },
    },
    ctx,
  );
  return Object.assign(controller, {
    scheduledEvictions: () => new Map([...scheduled].map(([k, v]) => [k, v.fireAt])),
  }) as TaintEvictionController;
}
