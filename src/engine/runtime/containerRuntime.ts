/**
 * A node's container runtime (containerd, as kind and kubeadm clusters run it): the images and layers
 * on the node's disk, and image pulls. The kubelet pulls one image at a time (its default
 * serializeImagePulls: true), so a pull may wait behind another: the Pulled event reports both the
 * pull's own time and the time including waiting.
 *
 * A pull takes a fixed manifest round trip, then downloads the compressed bytes of the layers the node
 * does not have at ~40 MB/s with a small cost per layer: deterministic, and a second image on the same
 * base is faster, as on a real node.
 */
import type { ContainerImage } from 'kubernetes-types/core/v1';
import type { VirtualClock } from '../clock/virtualClock';
import { resolveImage, type ImageManifest, type ResolveResult } from './registry';
import type { ImageReference } from './imageReference';

export const DOWNLOAD_BYTES_PER_MS = 40_000; // 40 MB/s
export const MANIFEST_ROUND_TRIP_MS = 250;
export const PER_LAYER_MS = 40;
export const CACHED_LAYER_MS = 2;
/** A failed resolve (not found, no such host) answers about this fast. */
export const FAILED_RESOLVE_MS = 400;
/** kubelet's nodeStatusMaxImages: the node status lists at most 50 images, largest first. */
const NODE_STATUS_MAX_IMAGES = 50;

export type PullResult =
  | { ok: true; manifest: ImageManifest; imageRef: string; imageID: string; pullMs: number; totalMs: number }
  | { ok: false; message: string; pullMs: number; totalMs: number };

interface StoredImage {
  manifest: ImageManifest;
  /** References the node knows this image by (`docker.io/library/nginx:1.25`, ...). */
  refs: Set<string>;
}

export class ContainerRuntime {
  private readonly layers = new Set<string>();
  /** Layers the node has or will have once the queued pulls finish (pulls are serial). */
  private readonly layersAfterQueue = new Set<string>();
  /** name@digest → image. */
  private readonly images = new Map<string, StoredImage>();
  /** canonical reference (`docker.io/library/nginx:1.25`) → name@digest. */
  private readonly byRef = new Map<string, string>();
  private pullerFreeAt = 0;
  private readonly timers = new Set<number>();
  /** Bumps whenever the image list changes (the kubelet then reports node status). */
  imagesVersion = 0;

  /**
   * `resolve` answers which manifest a reference names: the public catalogue by default; a concept model
   * passes its own registry (images it built and pushed, on top of the catalogue).
   */
  constructor(
    private readonly clock: VirtualClock,
    private readonly resolve: (ref: ImageReference) => ResolveResult = resolveImage,
  ) {}

  /** Whether the layer is on this node's disk, or will be once the queued pulls finish. */
  hasLayer(digest: string): boolean {
    return this.layersAfterQueue.has(digest);
  }

  /** The image a reference names, if it is on this node. */
  findImage(ref: ImageReference): { manifest: ImageManifest; imageRef: string; imageID: string } | undefined {
    const key = this.byRef.get(ref.canonical);
    const stored = key ? this.images.get(key) : undefined;
    if (!stored) return undefined;
    return { manifest: stored.manifest, imageRef: ref.canonical, imageID: `${stored.manifest.name}@${stored.manifest.digest}` };
  }

  /**
   * Pulls an image; `done` runs on the virtual clock when the pull finishes (after any pull queued
   * before it). Returns a function that stops `done` from being called (the pod went away).
   */
  pull(ref: ImageReference, done: (result: PullResult) => void): () => void {
    const now = this.clock.now();
    const startAt = Math.max(now, this.pullerFreeAt);
    const resolved = this.resolve(ref);
    let pullMs: number;
    let result: (totalMs: number) => PullResult;
    if (resolved.ok) {
      const manifest = resolved.manifest;
      pullMs = MANIFEST_ROUND_TRIP_MS;
      for (const layer of manifest.layers) {
        if (this.layersAfterQueue.has(layer.digest)) {
          pullMs += CACHED_LAYER_MS;
        } else {
          pullMs += PER_LAYER_MS + Math.ceil(layer.compressed / DOWNLOAD_BYTES_PER_MS);
          this.layersAfterQueue.add(layer.digest);
        }
      }
      const imageID = `${manifest.name}@${manifest.digest}`;
      result = (totalMs) => {
        this.store(manifest, ref.canonical);
        return { ok: true, manifest, imageRef: ref.canonical, imageID, pullMs, totalMs };
      };
    } else {
      pullMs = FAILED_RESOLVE_MS;
      const code = resolved.code;
      result = (totalMs) => ({
        ok: false,
        message: `rpc error: code = ${code} desc = failed to pull and unpack image "${ref.canonical}": ${resolved.reason}`,
        pullMs,
        totalMs,
      });
    }
    this.pullerFreeAt = startAt + pullMs;
    let cancelled = false;
    const id = this.clock.setTimeout(() => {
      this.timers.delete(id);
      const outcome = result(this.clock.now() - now);
      if (!cancelled) done(outcome);
    }, this.pullerFreeAt - now);
    this.timers.add(id);
    return () => {
      cancelled = true;
    };
  }

  /** Images already on the machine's disk when it boots (a kind node image ships the cluster's own). */
  preload(refs: ImageReference[]): void {
    for (const ref of refs) {
      const resolved = this.resolve(ref);
      if (!resolved.ok) throw new Error(`cannot preload ${ref.canonical}: ${resolved.reason}`);
      for (const layer of resolved.manifest.layers) this.layersAfterQueue.add(layer.digest);
      this.store(resolved.manifest, ref.canonical);
    }
  }

  /** The node's `status.images`, as the kubelet reports them: largest first, at most 50. */
  imageList(): ContainerImage[] {
    const list = [...this.images.values()].sort((a, b) => b.manifest.size - a.manifest.size || (a.manifest.name < b.manifest.name ? -1 : 1));
    return list.slice(0, NODE_STATUS_MAX_IMAGES).map((img) => ({
      names: [`${img.manifest.name}@${img.manifest.digest}`, ...[...img.refs].sort()],
      sizeBytes: img.manifest.size,
    }));
  }

  /** Every image on the node (e.g. the scheduler's ImageLocality score). */
  imageNames(): string[] {
    return [...this.byRef.keys()];
  }

  /** The machine is gone (Node deleted): forget pending pulls. The disk's images are dropped too. */
  dispose(): void {
    for (const id of this.timers) this.clock.clearTimeout(id);
    this.timers.clear();
  }

  private store(manifest: ImageManifest, canonical: string): void {
    for (const layer of manifest.layers) this.layers.add(layer.digest);
    const key = `${manifest.name}@${manifest.digest}`;
    let stored = this.images.get(key);
    if (!stored) this.images.set(key, (stored = { manifest, refs: new Set() }));
    // A tag moves to the newly pulled image, as containerd re-points it.
    const previous = this.byRef.get(canonical);
    if (previous && previous !== key) this.images.get(previous)?.refs.delete(canonical);
    if (previous !== key) this.imagesVersion++;
    if (!canonical.includes('@')) stored.refs.add(canonical);
    this.byRef.set(canonical, key);
  }
}
