/**
 * Image references as containerd and the kubelet read them (the distribution/reference grammar):
 * `[registry/]repository[:tag][@digest]`. A first path component with a `.` or `:` or equal to
 * `localhost` is a registry host; otherwise the image is on Docker Hub (`docker.io`), where one-part
 * names live under `library/`. No tag and no digest means `:latest` (kubelet's applyDefaultImageTag).
 */

export interface ImageReference {
  /** What the pod spec says, verbatim (events quote it). */
  raw: string;
  registry: string;
  /** Path on the registry, e.g. `library/nginx` or `e2e-test-images/agnhost`. */
  repository: string;
  tag?: string;
  digest?: string;
  /** `docker.io/library/nginx` */
  name: string;
  /** `docker.io/library/nginx:1.25` (or `...@sha256:...` for a digest reference): what containerd reports. */
  canonical: string;
}

export class InvalidImageReferenceError extends Error {}

const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;

export function parseImageReference(raw: string): ImageReference {
  const text = raw.trim();
  if (text === '') throw new InvalidImageReferenceError('invalid reference format');
  let rest = text;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) throw new InvalidImageReferenceError('invalid reference format');
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) throw new InvalidImageReferenceError('invalid reference format');
  }
  const parts = rest.split('/');
  let registry = 'docker.io';
  const first = parts[0] ?? '';
  if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first;
    parts.shift();
  }
  if (registry === 'index.docker.io') registry = 'docker.io';
  if (registry === 'docker.io' && parts.length === 1) parts.unshift('library');
  for (const p of parts) {
    if (!COMPONENT.test(p)) {
      throw new InvalidImageReferenceError(
        p.toLowerCase() !== p && COMPONENT.test(p.toLowerCase()) ? 'invalid reference format: repository name must be lowercase' : 'invalid reference format',
      );
    }
  }
  if (!tag && !digest) tag = 'latest';
  const repository = parts.join('/');
  const name = `${registry}/${repository}`;
  const canonical = digest ? `${name}@${digest}` : `${name}:${tag ?? 'latest'}`;
  return { raw: text, registry, repository, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}), name, canonical };
}

/**
 * The pull policy the API server defaults when the spec has none: `Always` for `:latest` or an untagged
 * image, `IfNotPresent` otherwise (pkg/apis/core/v1/defaults.go).
 */
export function defaultPullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const at = image.indexOf('@');
  const withoutDigest = at >= 0 ? image.slice(0, at) : image;
  const colon = withoutDigest.indexOf(':', withoutDigest.lastIndexOf('/') + 1);
  if (at >= 0 && colon < 0) return 'IfNotPresent';
  const tag = colon >= 0 ? withoutDigest.slice(colon + 1) : '';
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}
