/**
 * Where a hop is on the canvas: the element to light up for its place. Component rows, controller
 * chips and pod cards carry `data-target` (store/cueFlashes ids); the Deployment and Service boxes are
 * React Flow nodes, found by their node id.
 */
import type { JourneyPlace } from '../../engine/journey/journeyRecorder';
import { controllerTarget, cpTarget, nodePartTarget, podTarget } from '../../store/cueFlashes';

const byTarget = (target: string): string => `[data-target="${CSS.escape(target)}"]`;
const flowNode = (id: string): string => `.react-flow__node[data-id="${CSS.escape(id)}"]`;

/** The CSS selector of the element that stands for `place`; `name` is the journey's Deployment. */
export function placeSelector(place: JourneyPlace, namespace: string, name: string): string {
  switch (place.part) {
    case 'kubectl':
      return flowNode(`deployment:${namespace}/${name}`);
    case 'kube-apiserver':
    case 'etcd':
    case 'kube-scheduler':
      return byTarget(cpTarget(place.part));
    case 'controller':
      return byTarget(controllerTarget(place.controller));
    case 'kubelet':
    case 'kube-proxy':
    case 'runtime':
      return byTarget(nodePartTarget(place.node, place.part));
    case 'pod':
      return byTarget(podTarget(place.namespace, place.name));
    case 'service':
      return flowNode(`service:${place.namespace}/${place.name}`);
  }
}

/** Whether two places are the same element (Running and Ready both happen on the pod: no edge between them). */
export function samePlace(a: JourneyPlace, b: JourneyPlace): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
