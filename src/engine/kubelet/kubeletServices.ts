/** What a pod worker needs from its kubelet (kept narrow so the worker can be tested and read alone). */
import type { Pod } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../apiserver/apiserver';
import type { EventType } from '../apiserver/events';
import type { VirtualClock } from '../clock/virtualClock';
import type { Cue } from '../cues';
import type { Stored } from '../objects';
import type { ContainerRuntime } from '../runtime/containerRuntime';
import type { NetView } from '../runtime/containerSystem';
import type { ContainerSlot, PodWorker } from './podWorker';

/** The cluster network as pods see it (proxy/podNetwork.ts). */
export interface PodNetworkAccess {
  view(client: { namespace: string; podName: string; podIP: string }, opts: { record: boolean; salt: number }): NetView;
}

export interface KubeletServices {
  readonly api: ApiServer;
  readonly clock: VirtualClock;
  readonly runtime: ContainerRuntime;
  readonly nodeName: string;
  readonly hostIP: string;
  allocateIP(podKey: string): string;
  releaseIP(podKey: string): void;
  /** The pod's status changed: write it soon (coalesced per instant). */
  markDirty(worker: PodWorker): void;
  event(worker: PodWorker, slot: ContainerSlot | undefined, type: EventType, reason: string, message: string): void;
  cue(cue: Cue): void;
  newContainerId(): string;
  /** Cluster DNS: does this name resolve (a Service exists)? */
  resolvesHost(host: string, namespace: string): boolean;
  /** Every container of a deleted pod has stopped: remove the pod from the API. */
  podTerminated(worker: PodWorker): void;
  /** A container that keeps requesting a URL started (the traffic loop then looks at this node). */
  loadClientStarted?(): void;
  /** DNS, Services and other pods, as a container reaches them (absent in unit tests: no network tools). */
  readonly network?: PodNetworkAccess | undefined;
  /** The latest stored pod, for status writes. */
  currentPod(worker: PodWorker): Stored<Pod> | undefined;
}
