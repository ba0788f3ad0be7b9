/**
 * A lesson task's automatic check: a pure function of what the page mirrors (the cluster's objects,
 * the failure panel's status, the open concept scenario's view). The lesson panel re-evaluates the
 * current task's check whenever one of those changes; the check turns green once it holds.
 */
import type { Deployment } from 'kubernetes-types/apps/v1';
import type { HorizontalPodAutoscaler } from 'kubernetes-types/autoscaling/v2';
import type { Container, Event as KubeEvent, Node, Pod } from 'kubernetes-types/core/v1';
import type { Endpoint, EndpointSlice } from 'kubernetes-types/discovery/v1';
import type { ConceptId, ConceptView, KnobValue } from '../../engine/concepts/types';
import type { KubeObject } from '../../engine/objects';
import type { ObjectsByKind } from '../../store/mirror';
import type { FaultStatus } from '../../worker/protocol';

export interface LessonWorld {
  objects: ObjectsByKind;
  faults: FaultStatus;
  concept: ConceptView | undefined;
  /** The student has stepped through a recorded journey to its last hop (ui/journey). */
  journeyWatched?: boolean;
}

export type CheckSpec =
  /** At least `replicas` pods labelled `app=<app>` are Ready (not terminating), on at least `minNodes` nodes. */
  | { check: 'appReady'; app: string; replicas: number; minNodes?: number }
  /** A Ready pod of the app whose container has restarted: the kubelet brought it back. */
  | { check: 'containerRestarted'; app: string }
  /** A node is NotReady, one of the app's pods on it was evicted, and `replicas` Ready pods run elsewhere. */
  | { check: 'replacedAfterNodeLoss'; app: string; replicas: number }
  /** Every node reports Ready (a powered-off node came back). */
  | { check: 'allNodesReady' }
  /** The Service has at least `ready` ready endpoints in its EndpointSlices. */
  | { check: 'serviceEndpoints'; service: string; ready: number }
  /** The Deployment's template runs `image` and the rollout is complete with `replicas` available. */
  | { check: 'rolledOut'; deployment: string; image: string; replicas: number }
  /** A pod of the app cannot pull its image (ErrImagePull / ImagePullBackOff). */
  | { check: 'imagePullFailing'; app: string }
  /** An HPA targets the Deployment. */
  | { check: 'hpaTargets'; deployment: string }
  /** The HPA has scaled the Deployment above `above` replicas. */
  | { check: 'hpaScaledAbove'; deployment: string; above: number }
  /** An object of this kind and name exists (namespace `default` unless given). */
  | { check: 'exists'; kind: string; name: string; namespace?: string }
  /** A Ready pod of the app reads its environment from this ConfigMap and this Secret. */
  | { check: 'podUsesConfig'; app: string; configMap: string; secret: string }
  /** A pod of the app is Pending because no node has room for its requests (`Insufficient cpu`/`memory`). */
  | { check: 'unschedulable'; app: string; reason: string }
  /** A control-plane process (kube-scheduler, kube-controller-manager ...) is stopped. */
  | { check: 'componentStopped'; component: string }
  /** The process is stopped and the pod waits unscheduled (no node yet). */
  | { check: 'pendingWhileStopped'; component: string; pod: string }
  /** The process runs again and the pod is Ready. */
  | { check: 'podReadyWhileRunning'; component: string; pod: string }
  /** The process is stopped and the Deployment has fewer live pods than it asks for: nobody replaces them. */
  | { check: 'belowDesiredWhileStopped'; component: string; deployment: string }
  /** The process runs again and `replicas` pods of the app are Ready. */
  | { check: 'appReadyWhileRunning'; component: string; app: string; replicas: number }
  /** The Deployment asks for exactly `replicas` and has exactly that many Ready. */
  | { check: 'replicasExactly'; deployment: string; replicas: number }
  /** No object of this kind and name exists (namespace `default` unless given). */
  | { check: 'absent'; kind: string; name: string; namespace?: string }
  /** The kubelet reported that the pod's image was already on its node (no pull). */
  | { check: 'imageAlreadyPresent'; pod: string }
  /** One of the Service's endpoints is not ready (out of rotation) while others still serve. */
  | { check: 'endpointOutOfRotation'; service: string }
  /** Back from a bad rollout: the template no longer names `badImage`, and the rollout is complete. */
  | { check: 'recovered'; deployment: string; badImage: string; replicas: number }
  /** `kubectl rollout restart` was run (the template carries restartedAt) and the rollout is complete. */
  | { check: 'restartedRollout'; deployment: string; replicas: number }
  /** The concept scenario is open. */
  | { check: 'conceptOpen'; scenario: ConceptId }
  /** The concept scenario is open with a knob set to `value`, away from `not`, or (numbers) at least `atLeast`. */
  | { check: 'conceptKnob'; scenario: ConceptId; knob: string; value?: KnobValue; not?: KnobValue; atLeast?: number }
  /** The concept scenario is open and its log shows that something happened (`shop.spike`: a load spike was sent). */
  | { check: 'conceptLogged'; scenario: ConceptId; code: string }
  /** The student watched a manifest's journey to the end (the traffic reaching the pod). */
  | { check: 'journeyWatched' };

type PodObject = Pod & KubeObject;
type NodeObject = Node & KubeObject;
type EventObject = KubeEvent & KubeObject;

function listOf<T>(world: LessonWorld, kind: string): T[] {
  return Object.values(world.objects[kind] ?? {}) as T[];
}

const inDefault = (o: KubeObject): boolean => (o.metadata.namespace ?? 'default') === 'default';

export function appPods(world: LessonWorld, app: string): PodObject[] {
  return listOf<PodObject>(world, 'Pod').filter((p) => inDefault(p) && p.metadata.labels?.['app'] === app);
}

export function isTerminating(o: KubeObject): boolean {
  return o.metadata.deletionTimestamp !== undefined && o.metadata.deletionTimestamp !== null;
}

export function isPodReady(p: Pod): boolean {
  return p.status?.phase === 'Running' && (p.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

export function isNodeReady(n: Node): boolean {
  return (n.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}

function readyPods(world: LessonWorld, app: string): PodObject[] {
  return appPods(world, app).filter((p) => !isTerminating(p) && isPodReady(p));
}

function findDeployment(world: LessonWorld, name: string): (Deployment & KubeObject) | undefined {
  return listOf<Deployment & KubeObject>(world, 'Deployment').find((d) => inDefault(d) && d.metadata.name === name);
}

function rolloutComplete(d: Deployment & KubeObject, replicas: number): boolean {
  const s = d.status ?? {};
  const observed = (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0);
  // `kubectl rollout status`: done once every replica runs the newest template and is available, and no old one is left.
  return observed && (s.updatedReplicas ?? 0) >= replicas && (s.availableReplicas ?? 0) >= replicas && (s.replicas ?? 0) === (d.spec?.replicas ?? 1);
}

function templateImage(d: Deployment): string | undefined {
  return d.spec?.template.spec?.containers[0]?.image;
}

function findPod(world: LessonWorld, name: string): PodObject | undefined {
  return listOf<PodObject>(world, 'Pod').find((p) => inDefault(p) && p.metadata.name === name);
}

/** The endpoints of a Service's EndpointSlices (found by the `kubernetes.io/service-name` label, as kube-proxy does). */
function serviceEndpointList(world: LessonWorld, service: string): Endpoint[] {
  return listOf<EndpointSlice & KubeObject>(world, 'EndpointSlice')
    .filter((s) => inDefault(s) && s.metadata.labels?.['kubernetes.io/service-name'] === service)
    .flatMap((s) => s.endpoints ?? []);
}

function waitingReason(p: Pod): string | undefined {
  for (const cs of p.status?.containerStatuses ?? []) {
    if (cs.state?.waiting?.reason) return cs.state.waiting.reason;
  }
  return undefined;
}

function readsFrom(c: Container, kind: 'configMap' | 'secret', name: string): boolean {
  const fromRefs = (c.envFrom ?? []).some((e) => (kind === 'configMap' ? e.configMapRef?.name : e.secretRef?.name) === name);
  const fromVars = (c.env ?? []).some((e) => (kind === 'configMap' ? e.valueFrom?.configMapKeyRef?.name : e.valueFrom?.secretKeyRef?.name) === name);
  return fromRefs || fromVars;
}

function componentRunning(world: LessonWorld, component: string): boolean | undefined {
  return world.faults.components.find((c) => c.name === component)?.running;
}

export function evaluateCheck(spec: CheckSpec, world: LessonWorld): boolean {
  switch (spec.check) {
    case 'appReady': {
      const ready = readyPods(world, spec.app);
      const nodes = new Set(ready.map((p) => p.spec?.nodeName));
      return ready.length >= spec.replicas && nodes.size >= (spec.minNodes ?? 1);
    }
    case 'containerRestarted':
      return readyPods(world, spec.app).some((p) => (p.status?.containerStatuses ?? []).some((cs) => cs.restartCount > 0));
    case 'replacedAfterNodeLoss': {
      const down = new Set(listOf<NodeObject>(world, 'Node').filter((n) => !isNodeReady(n)).map((n) => n.metadata.name));
      if (down.size === 0) return false;
      const pods = appPods(world, spec.app);
      const evicted = pods.some((p) => down.has(p.spec?.nodeName ?? '') && isTerminating(p));
      const healthyElsewhere = pods.filter((p) => !isTerminating(p) && isPodReady(p) && !down.has(p.spec?.nodeName ?? ''));
      return evicted && healthyElsewhere.length >= spec.replicas;
    }
    case 'allNodesReady': {
      const nodes = listOf<NodeObject>(world, 'Node');
      return nodes.length > 0 && nodes.every(isNodeReady);
    }
    case 'serviceEndpoints':
      return serviceEndpointList(world, spec.service).filter((e) => e.conditions?.ready !== false).length >= spec.ready;
    case 'rolledOut': {
      const d = findDeployment(world, spec.deployment);
      return !!d && templateImage(d) === spec.image && rolloutComplete(d, spec.replicas);
    }
    case 'imagePullFailing':
      return appPods(world, spec.app).some((p) => {
        const reason = waitingReason(p);
        return reason === 'ErrImagePull' || reason === 'ImagePullBackOff';
      });
    case 'hpaTargets':
      return listOf<HorizontalPodAutoscaler & KubeObject>(world, 'HorizontalPodAutoscaler').some(
        (h) => inDefault(h) && h.spec?.scaleTargetRef.kind === 'Deployment' && h.spec.scaleTargetRef.name === spec.deployment,
      );
    case 'hpaScaledAbove': {
      const targeted = evaluateCheck({ check: 'hpaTargets', deployment: spec.deployment }, world);
      const d = findDeployment(world, spec.deployment);
      return targeted && !!d && (d.spec?.replicas ?? 1) > spec.above;
    }
    case 'exists': {
      const ns = spec.namespace ?? 'default';
      return listOf<KubeObject>(world, spec.kind).some((o) => o.metadata.name === spec.name && (o.metadata.namespace ?? 'default') === ns);
    }
    case 'podUsesConfig':
      return readyPods(world, spec.app).some((p) =>
        (p.spec?.containers ?? []).some((c) => readsFrom(c, 'configMap', spec.configMap) && readsFrom(c, 'secret', spec.secret)),
      );
    case 'unschedulable':
      return appPods(world, spec.app).some(
        (p) =>
          !p.spec?.nodeName &&
          (p.status?.conditions ?? []).some((c) => c.type === 'PodScheduled' && c.status === 'False' && (c.message ?? '').includes(spec.reason)),
      );
    case 'componentStopped':
      return componentRunning(world, spec.component) === false;
    case 'pendingWhileStopped': {
      const pod = findPod(world, spec.pod);
      return componentRunning(world, spec.component) === false && !!pod && !isTerminating(pod) && !pod.spec?.nodeName;
    }
    case 'podReadyWhileRunning': {
      const pod = findPod(world, spec.pod);
      return componentRunning(world, spec.component) === true && !!pod && isPodReady(pod);
    }
    case 'belowDesiredWhileStopped': {
      const d = findDeployment(world, spec.deployment);
      const app = d?.spec?.selector.matchLabels?.['app'];
      if (componentRunning(world, spec.component) !== false || !d || !app) return false;
      return appPods(world, app).filter((p) => !isTerminating(p)).length < (d.spec?.replicas ?? 1);
    }
    case 'appReadyWhileRunning':
      return componentRunning(world, spec.component) === true && readyPods(world, spec.app).length >= spec.replicas;
    case 'replicasExactly': {
      const d = findDeployment(world, spec.deployment);
      return !!d && d.spec?.replicas === spec.replicas && (d.status?.readyReplicas ?? 0) === spec.replicas && (d.status?.replicas ?? 0) === spec.replicas;
    }
    case 'absent':
      return !evaluateCheck({ check: 'exists', kind: spec.kind, name: spec.name, ...(spec.namespace ? { namespace: spec.namespace } : {}) }, world);
    case 'imageAlreadyPresent':
      return listOf<EventObject>(world, 'Event').some(
        (e) => e.reason === 'Pulled' && e.involvedObject.kind === 'Pod' && e.involvedObject.name === spec.pod && (e.message ?? '').includes('already present'),
      );
    case 'endpointOutOfRotation': {
      const endpoints = serviceEndpointList(world, spec.service);
      return endpoints.some((e) => e.conditions?.ready === false) && endpoints.some((e) => e.conditions?.ready !== false);
    }
    case 'recovered': {
      const d = findDeployment(world, spec.deployment);
      return !!d && templateImage(d) !== spec.badImage && rolloutComplete(d, spec.replicas);
    }
    case 'restartedRollout': {
      const d = findDeployment(world, spec.deployment);
      return !!d && !!d.spec?.template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'] && rolloutComplete(d, spec.replicas);
    }
    case 'conceptOpen':
      return world.concept?.id === spec.scenario;
    case 'conceptKnob': {
      if (world.concept?.id !== spec.scenario || !(spec.knob in world.concept.knobs)) return false;
      const v = world.concept.knobs[spec.knob];
      if (spec.value !== undefined && v !== spec.value) return false;
      if (spec.not !== undefined && v === spec.not) return false;
      if (spec.atLeast !== undefined && !(typeof v === 'number' && v >= spec.atLeast)) return false;
      return true;
    }
    case 'conceptLogged':
      return world.concept?.id === spec.scenario && world.concept.log.some((line) => line.code === spec.code);
    case 'journeyWatched':
      return world.journeyWatched === true;
  }
}
