/**
 * Which part of the canvas a cue lights up. Target ids are plain strings the canvas components ask for:
 *   cp:<component>          kube-apiserver, etcd, kube-scheduler, kube-controller-manager
 *   ctrl:<controller>       a controller inside kube-controller-manager
 *   node:<node>:<part>      kubelet, kube-proxy, runtime (the container runtime)
 *   pod:<ns>/<name>         a pod card
 *   svc:<ns>/<name>         a Service
 */
import type { Cue } from '../engine/cues';
import { faultFlashes } from './faultFlashes';

export interface Flash {
  target: string;
  /** Short caption shown next to the component while it is lit (`pull nginx:1.27`). */
  caption?: string;
}

export const cpTarget = (component: string): string => `cp:${component}`;
export const controllerTarget = (name: string): string => `ctrl:${name}`;
export const nodePartTarget = (node: string, part: 'kubelet' | 'kube-proxy' | 'runtime'): string => `node:${node}:${part}`;
export const podTarget = (namespace: string, name: string): string => `pod:${namespace}/${name}`;
export const serviceTarget = (namespace: string, name: string): string => `svc:${namespace}/${name}`;

/** The component an api-write's actor names (`kube-scheduler`, `kubelet/worker-1`, `replicaset-controller`). */
function actorFlash(actor: string): Flash[] {
  if (actor.startsWith('kubelet')) {
    const node = actor.split(/[/:@]/)[1];
    return node ? [{ target: nodePartTarget(node, 'kubelet') }] : [];
  }
  if (actor === 'kube-scheduler' || actor === 'scheduler') return [{ target: cpTarget('kube-scheduler') }];
  if (actor.endsWith('-controller') || actor.includes('controller')) {
    return [{ target: cpTarget('kube-controller-manager') }, { target: controllerTarget(actor.replace(/-controller$/, '')) }];
  }
  return [];
}

export function flashesForCue(cue: Cue): Flash[] {
  switch (cue.type) {
    case 'api-write':
      return [
        { target: cpTarget('kube-apiserver'), caption: `${cue.verb} ${cue.kind}` },
        { target: cpTarget('etcd'), caption: `${cue.verb} ${cue.kind.toLowerCase()}/${cue.name}` },
        ...actorFlash(cue.actor),
      ];
    case 'controller-sync':
      return [
        { target: cpTarget('kube-controller-manager') },
        { target: controllerTarget(cue.controller), caption: cue.key },
        { target: controllerTarget(cue.controller.replace(/-controller$/, '')), caption: cue.key },
      ];
    case 'scheduled':
      return [
        { target: cpTarget('kube-scheduler'), caption: `${cue.pod} → ${cue.node}` },
        { target: podTarget(cue.namespace, cue.pod) },
      ];
    case 'unschedulable':
      return [{ target: cpTarget('kube-scheduler'), caption: cue.message }, { target: podTarget(cue.namespace, cue.pod) }];
    case 'image-pull':
      return [{ target: nodePartTarget(cue.node, 'runtime'), caption: `${cue.phase === 'start' ? 'pull' : cue.phase} ${cue.image}` }];
    case 'container':
      return [
        { target: nodePartTarget(cue.node, 'kubelet'), caption: `${cue.phase} ${cue.container}` },
        { target: nodePartTarget(cue.node, 'runtime') },
        { target: podTarget(cue.namespace, cue.pod) },
      ];
    case 'probe':
      return cue.ok ? [] : [{ target: nodePartTarget(cue.node, 'kubelet'), caption: `${cue.probe} probe failed` }, { target: podTarget(cue.namespace, cue.pod) }];
    case 'heartbeat':
      return [{ target: nodePartTarget(cue.node, 'kubelet'), caption: 'heartbeat' }];
    case 'node-condition':
      return [{ target: nodePartTarget(cue.node, 'kubelet'), caption: `Ready=${cue.ready}` }, { target: controllerTarget('nodelifecycle') }];
    case 'eviction':
      return [{ target: nodePartTarget(cue.node, 'kubelet'), caption: `evict ${cue.pod}` }, { target: podTarget(cue.namespace, cue.pod) }];
    case 'component':
      return [{ target: cpTarget(cue.component) }, { target: controllerTarget(cue.component) }];
    case 'traffic':
      return [{ target: serviceTarget(cue.namespace, cue.service) }, { target: podTarget(cue.namespace, cue.pod) }];
    case 'fault':
      // The fault itself; what it breaks, and the healing, arrive as their own cues.
      return faultFlashes(cue);
  }
}
