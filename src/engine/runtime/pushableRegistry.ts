/**
 * A registry one can push to, on top of the public catalogue (`registry.ts`): what `docker push` talks to.
 * The registry stores blobs (layers) by digest, once, whoever pushed them, and manifests by repository and
 * tag. A push uploads only the blobs the registry lacks; a layer that some public image already has is
 * mounted from it instead of uploaded (the distribution API's cross-repository blob mount), which is why
 * pushing an image built on `alpine` never uploads alpine's layer.
 *
 * Pulls resolve through `resolve()`: pushed images first, then the catalogue, so a node's
 * `ContainerRuntime` built with this resolver pulls both.
 */
import { resolveImage, catalogueImages, type ImageManifest, type Layer, type ResolveResult } from './registry';
import type { ImageReference } from './imageReference';

export interface PushedLayer {
  layer: Layer;
  /** `uploaded` travelled on this push; `exists` was already there; `mounted` came from a public image. */
  outcome: 'uploaded' | 'exists' | 'mounted';
}

export interface PushReport {
  layers: PushedLayer[];
  /** Compressed bytes sent over the wire on this push. */
  uploadedBytes: number;
}

export class PushableRegistry {
  private readonly blobs = new Set<string>();
  private readonly publicBlobs: ReadonlySet<string>;
  /** `name:tag` → manifest (the name is canonical: `docker.io/library/shop`). */
  private readonly manifests = new Map<string, ImageManifest>();

  constructor() {
    this.publicBlobs = new Set(catalogueImages().flatMap((m) => m.layers.map((l) => l.digest)));
  }

  hasBlob(digest: string): boolean {
    return this.blobs.has(digest) || this.publicBlobs.has(digest);
  }

  /** What a push of `manifest` would send, without sending it. */
  plan(manifest: ImageManifest): PushReport {
    const seen = new Set<string>();
    const layers = manifest.layers.map((layer): PushedLayer => {
      const outcome = this.blobs.has(layer.digest) || seen.has(layer.digest) ? 'exists' : this.publicBlobs.has(layer.digest) ? 'mounted' : 'uploaded';
      seen.add(layer.digest);
      return { layer, outcome };
    });
    return { layers, uploadedBytes: layers.filter((l) => l.outcome === 'uploaded').reduce((s, l) => s + l.layer.compressed, 0) };
  }

  /** Stores the blobs and tags the manifest (a tag moves to the newest push, as on a real registry). */
  push(manifest: ImageManifest, tag: string): PushReport {
    const report = this.plan(manifest);
    for (const l of manifest.layers) this.blobs.add(l.digest);
    this.manifests.set(`${manifest.name}:${tag}`, manifest);
    return report;
  }

  /** Tags pushed to this registry, as `name:tag`. */
  pushedTags(): string[] {
    return [...this.manifests.keys()];
  }

  resolve(ref: ImageReference): ResolveResult {
    const pushed = ref.digest
      ? [...this.manifests.values()].find((m) => m.name === ref.name && m.digest === ref.digest)
      : this.manifests.get(`${ref.name}:${ref.tag ?? 'latest'}`);
    if (pushed) return { ok: true, manifest: pushed };
    return resolveImage(ref);
  }
}
