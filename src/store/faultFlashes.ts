/**
 * What a `fault` cue lights on the canvas: the pod, the node's kubelet, or the control-plane process
 * it hit, captioned with the fault's name. Targets arrive as typed (`web-x`, `default/web-x`, `worker-1`).
 */
import type { Cue } from '../engine/cues';
import { faultSpec, isFaultName, type FaultTargetKind } from '../engine/faults';
import type { Flash } from './cueFlashes';

type FaultCue = Extract<Cue, { type: 'fault' }>;

/** What the cue's target names, from the engine's fault catalogue (undefined: a name it does not know). */
function targetKind(fault: string): FaultTargetKind | undefined {
  return isFaultName(fault) ? faultSpec(fault).target : undefined;
}

function podFlashTarget(target: string): string {
  const parts = target.replace(/^pods?\//, '').split('/');
  // `name`, `namespace/name` or `namespace/name/container` (the UI always sends `namespace/name`).
  const [ns, name] = parts.length === 1 ? ['default', parts[0]] : [parts[0], parts[1]];
  return `pod:${ns ?? 'default'}/${name ?? ''}`;
}

export function faultFlashes(cue: FaultCue): Flash[] {
  const caption = `${cue.fault}${cue.phase === 'healed' ? ' ✓' : ''}`;
  const kind = targetKind(cue.fault);
  if (kind === 'component') {
    const component = cue.target.startsWith('etcd') ? 'etcd' : cue.target;
    return [{ target: `cp:${component}`, caption }];
  }
  if (kind === 'node' || kind === 'worker') return [{ target: `node:${cue.target}:kubelet`, caption }];
  if ((kind !== 'pod' && kind !== 'podOrDeployment' && kind !== 'podNodeOrDeployment') || cue.target.startsWith('deployment/')) return [];
  const flashes: Flash[] = [{ target: podFlashTarget(cue.target), caption }];
  // `heal NAME` also heals a partitioned node: light whichever of the two the canvas has.
  if (kind === 'podNodeOrDeployment' && !cue.target.includes('/')) flashes.push({ target: `node:${cue.target}:kubelet`, caption });
  return flashes;
}
