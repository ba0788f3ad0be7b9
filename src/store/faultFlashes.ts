/**
 * What a `fault` cue lights on the canvas: the pod, the node's kubelet, or the control-plane process
 * it hit, captioned with the fault's name. Targets arrive as typed (`web-x`, `default/web-x`, `worker-1`).
 */
import type { Cue } from '../engine/cues';
import type { Flash } from './cueFlashes';

type FaultCue = Extract<Cue, { type: 'fault' }>;

const POD_FAULTS = new Set(['kill-container', 'crashloop', 'delete-pod', 'liveness-fail', 'readiness-fail', 'oom', 'heal']);
const NODE_FAULTS = new Set(['node-down', 'node-up', 'partition']);

function podFlashTarget(target: string): string {
  const parts = target.replace(/^pods?\//, '').split('/');
  // `name`, `namespace/name` or `namespace/name/container` (the UI always sends `namespace/name`).
  const [ns, name] = parts.length === 1 ? ['default', parts[0]] : [parts[0], parts[1]];
  return `pod:${ns ?? 'default'}/${name ?? ''}`;
}

export function faultFlashes(cue: FaultCue): Flash[] {
  const caption = `${cue.fault}${cue.phase === 'healed' ? ' ✓' : ''}`;
  if (cue.fault === 'stop' || cue.fault === 'start') {
    const component = cue.target.startsWith('etcd') ? 'etcd' : cue.target;
    return [{ target: `cp:${component}`, caption }];
  }
  if (NODE_FAULTS.has(cue.fault)) return [{ target: `node:${cue.target}:kubelet`, caption }];
  if (!POD_FAULTS.has(cue.fault) || cue.target.startsWith('deployment/')) return [];
  const flashes: Flash[] = [{ target: podFlashTarget(cue.target), caption }];
  // `heal NAME` also heals a partitioned node: light whichever of the two the canvas has.
  if (cue.fault === 'heal' && !cue.target.includes('/')) flashes.push({ target: `node:${cue.target}:kubelet`, caption });
  return flashes;
}
