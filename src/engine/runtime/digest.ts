/**
 * Deterministic identifiers shaped like the real ones: sha256 digests of layers and manifests
 * (`sha256:` + 64 hex digits) and containerd container ids (64 hex digits). They are not real hashes:
 * a name is stretched into 256 bits with FNV-1a and a 32-bit mixer, so the same image always has the
 * same digest on every node and in every run.
 */

function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function mix(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** 64 hex digits derived from `name`. */
export function hex64(name: string): string {
  let out = '';
  for (let i = 0; i < 8; i++) out += mix(fnv1a(name, i * 0x9e3779b9)).toString(16).padStart(8, '0');
  return out;
}

/** `sha256:<64 hex>` derived from `name`. */
export function sha256Of(name: string): string {
  return `sha256:${hex64(name)}`;
}

/** A float in [0, 1) derived from `name` (stable per name: per-container usage figures). */
export function unitHash(name: string): number {
  return mix(fnv1a(name, 0x5bd1e995)) / 4294967296;
}
