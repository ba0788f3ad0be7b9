/**
 * Static pods and their mirror pods (pkg/kubelet/config file source, pkg/kubelet/pod/mirror_client.go):
 * the manifests in staticPodPath run as pods the kubelet starts itself, and each running static pod has
 * exactly one mirror pod in the API, carrying its config hash.
 */
import type { Node, Pod } from 'kubernetes-types/core/v1';
import type { ApiServer } from '../apiserver/apiserver';
import { isApiFailure } from '../apiserver/errors';
import type { VirtualClock } from '../clock/virtualClock';
import type { Stored } from '../objects';
import type { PodWorker } from './podWorker';
import { isMirrorPod, mirrorHash, mirrorPodOf, STATIC_POD_PATH, staticPodFromFile } from './staticPods';

export interface StaticPodHost {
  readonly api: ApiServer;
  readonly clock: VirtualClock;
  readonly nodeName: string;
  /** Whether the kubelet can talk to the API server now. */
  readonly reachable: boolean;
  /** Whether the kubelet may start containers now (its machine on, the Node not deleted). */
  readonly canRun: boolean;
  readonly disposed: boolean;
  /** Creates and registers (does not start) a pod worker for the static pod. */
  createWorker(pod: Stored<Pod>): PodWorker;
  /** Stops a static pod's worker and forgets it. */
  removeWorker(worker: PodWorker): void;
  markDirty(worker: PodWorker): void;
}

export class StaticPodManager {
  /** Manifest name → the static pod it defines. */
  private readonly manifests = new Map<string, Stored<Pod>>();
  /** Pod key → the worker running a static pod. */
  private readonly workers = new Map<string, PodWorker>();
  /** Whether a manifest was ever written here (until then, heartbeats skip the mirror upkeep). */
  private used = false;
  private mirrorTimer: number | undefined;

  constructor(private readonly host: StaticPodHost) {}

  get inUse(): boolean {
    return this.used;
  }

  /** Whether the pod key names a running static pod. */
  runs(key: string): boolean {
    return this.workers.has(key);
  }

  isStatic(worker: PodWorker): boolean {
    return this.workers.get(worker.key) === worker;
  }

  /**
   * Writes (`manifest`) or removes (undefined) the file `<name>.yaml` in staticPodPath, as kubeadm and
   * an administrator do. A new file starts its pod at once; a removed one stops it (the process exits,
   * the mirror pod is deleted).
   */
  setManifest(name: string, manifest: Pod | undefined): void {
    const old = this.manifests.get(name);
    if (old) {
      this.manifests.delete(name);
      const w = this.workers.get(`${old.metadata.namespace ?? 'default'}/${old.metadata.name}`);
      if (w) {
        this.workers.delete(w.key);
        this.host.removeWorker(w);
      }
    }
    if (manifest) {
      const pod = staticPodFromFile(manifest, this.host.nodeName, `${STATIC_POD_PATH}/${name}.yaml`, this.host.clock.now());
      this.manifests.set(name, pod);
      this.used = true;
      if (this.host.canRun) this.start(pod);
    }
    this.scheduleMirrorSync();
  }

  /** The manifest names in staticPodPath. */
  manifestNames(): string[] {
    return [...this.manifests.keys()];
  }

  /** The static pod made of manifest `name` (its UID is the config hash), if that file exists. */
  pod(name: string): Stored<Pod> | undefined {
    return this.manifests.get(name);
  }

  /** The machine booted: every manifest's pod starts again. */
  startAll(): void {
    for (const pod of this.manifests.values()) this.start(pod);
  }

  /** The machine stopped: the workers are gone (the manifests stay on disk). */
  forgetWorkers(): void {
    this.workers.clear();
  }

  scheduleMirrorSync(): void {
    if (this.mirrorTimer !== undefined || this.host.disposed) return;
    this.mirrorTimer = this.host.clock.setTimeout(() => {
      this.mirrorTimer = undefined;
      this.syncMirrorPods();
    }, 0);
  }

  /**
   * The kubelet's mirror pod upkeep (syncPod and HandlePodCleanups): each running static pod has exactly
   * one mirror pod with its hash. A mirror pod being deleted, or of another hash, is deleted at once
   * (grace period 0) and created again; a mirror pod whose file is gone is deleted. Unreachable API
   * server: retried at the next heartbeat.
   */
  syncMirrorPods(): void {
    if (!this.host.reachable || this.host.disposed) return;
    const { api } = this.host;
    const node = api.peek<Node>('Node', undefined, this.host.nodeName);
    if (!node) return;
    try {
      const wanted = new Set<string>();
      for (const [key, w] of this.workers) {
        wanted.add(w.uid);
        const [namespace, name] = key.split('/') as [string, string];
        let current = api.peek<Pod>('Pod', namespace, name);
        if (current && !isMirrorPod(current)) continue; // a pod of the API took the name: CreateMirrorPod fails
        if (current && (current.metadata.deletionTimestamp || mirrorHash(current) !== w.uid)) {
          api.delete('Pod', namespace, name, { gracePeriodSeconds: 0 });
          current = undefined;
        }
        if (!current) {
          const staticPod = [...this.manifests.values()].find((p) => p.metadata.uid === w.uid);
          if (!staticPod) continue;
          api.create(mirrorPodOf(staticPod, node));
          this.host.markDirty(w);
        }
      }
      for (const pod of api.peekList<Pod>('Pod', { nodeName: this.host.nodeName })) {
        const hash = mirrorHash(pod);
        if (hash !== undefined && !wanted.has(hash)) api.delete('Pod', pod.metadata.namespace, pod.metadata.name, { gracePeriodSeconds: 0 });
      }
    } catch (err) {
      // The API server went away mid-way: the next heartbeat finishes the job.
      if (!isApiFailure(err)) throw err;
    }
  }

  dispose(): void {
    if (this.mirrorTimer !== undefined) this.host.clock.clearTimeout(this.mirrorTimer);
  }

  private start(pod: Stored<Pod>): void {
    const key = `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
    if (this.workers.has(key)) return;
    const worker = this.host.createWorker(pod);
    this.workers.set(key, worker);
    worker.start();
  }
}
