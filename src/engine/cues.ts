/**
 * Animation cues: what a component just did, for the canvas to show the control loop thinking
 * (a controller creating a pod, the scheduler binding it, a kubelet pulling an image). Cues carry no
 * state the UI must keep: the objects themselves arrive through the API server's watch stream.
 */

export type Cue =
  | { type: 'api-write'; verb: 'create' | 'update' | 'delete'; kind: string; namespace?: string; name: string; actor: string }
  | { type: 'controller-sync'; controller: string; key: string }
  | { type: 'scheduled'; pod: string; namespace: string; node: string }
  | { type: 'unschedulable'; pod: string; namespace: string; message: string }
  | { type: 'image-pull'; node: string; image: string; phase: 'start' | 'done' | 'failed'; durationMs?: number }
  | { type: 'container'; node: string; namespace: string; pod: string; container: string; phase: 'created' | 'started' | 'exited' | 'killed' | 'restarting'; exitCode?: number }
  | { type: 'probe'; node: string; namespace: string; pod: string; container: string; probe: 'liveness' | 'readiness' | 'startup'; ok: boolean }
  | { type: 'heartbeat'; node: string }
  | { type: 'node-condition'; node: string; ready: 'True' | 'False' | 'Unknown' }
  | { type: 'eviction'; node: string; namespace: string; pod: string }
  | { type: 'component'; component: string; state: 'running' | 'stopped' }
  | { type: 'traffic'; service: string; namespace: string; pod: string; ok: boolean }
  | { type: 'fault'; fault: string; target: string; phase: 'injected' | 'healed' };

export type CueListener = (cue: Cue) => void;

export class CueBus {
  private readonly listeners = new Set<CueListener>();

  emit(cue: Cue): void {
    for (const l of this.listeners) l(cue);
  }

  subscribe(listener: CueListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get hasListeners(): boolean {
    return this.listeners.size > 0;
  }
}
