/**
 * The main thread's mirror of the simulated cluster (objects, virtual clock) and of the worker's
 * health. Written only by the SimClient from worker messages; read by components through selectors.
 */
import { create } from 'zustand';
import type { ClusterSnapshot } from '../engine/cluster';
import type { ClockState, ComponentStatus, ErrorInfo, ObjectChange } from '../worker/protocol';
import { applyChanges, type ObjectsByKind } from './mirror';

export type WorkerStatus = 'starting' | 'running' | 'crashed' | 'restarting' | 'failed';

export interface ClusterState {
  objects: ObjectsByKind;
  clock: ClockState;
  status: WorkerStatus;
  /** The last fatal error, shown in the banner until dismissed. */
  lastError: ErrorInfo | undefined;
  restarts: number;
  lastSnapshot: ClusterSnapshot | undefined;
  components: readonly ComponentStatus[];
  setComponents(components: readonly ComponentStatus[]): void;
  applyPatches(changes: readonly ObjectChange[], replace: boolean): void;
  setClock(clock: ClockState): void;
  setStatus(status: WorkerStatus, error?: ErrorInfo): void;
  setSnapshot(snapshot: ClusterSnapshot): void;
  countRestart(): void;
  dismissError(): void;
}

export const INITIAL_CLOCK: ClockState = { now: 0, running: true, speed: 1 };

export const useClusterStore = create<ClusterState>()((set) => ({
  objects: {},
  clock: INITIAL_CLOCK,
  status: 'starting',
  lastError: undefined,
  restarts: 0,
  lastSnapshot: undefined,
  components: [],
  setComponents: (components) => set({ components }),
  applyPatches: (changes, replace) => set((s) => ({ objects: applyChanges(s.objects, changes, replace) })),
  setClock: (clock) =>
    set((s) => (s.clock.now === clock.now && s.clock.running === clock.running && s.clock.speed === clock.speed ? s : { clock })),
  setStatus: (status, error) => set(error ? { status, lastError: error } : { status }),
  setSnapshot: (lastSnapshot) => set({ lastSnapshot }),
  countRestart: () => set((s) => ({ restarts: s.restarts + 1 })),
  dismissError: () => set({ lastError: undefined }),
}));
