import { describe, expect, it } from 'vitest';
import { defaultPullPolicy, parseImageReference } from './imageReference';

describe('image references (distribution/reference, kubelet applyDefaultImageTag)', () => {
  it.each([
    { name: 'a one-part name is a Docker Hub official image with tag latest', raw: 'nginx', canonical: 'docker.io/library/nginx:latest' },
    { name: 'a tag is kept', raw: 'nginx:1.25', canonical: 'docker.io/library/nginx:1.25' },
    { name: 'a two-part name is a Docker Hub user image', raw: 'hashicorp/http-echo:1.0', canonical: 'docker.io/hashicorp/http-echo:1.0' },
    { name: 'a first part with a dot is a registry host', raw: 'registry.k8s.io/pause:3.9', canonical: 'registry.k8s.io/pause:3.9' },
    { name: 'nested repositories on a registry', raw: 'registry.k8s.io/e2e-test-images/agnhost:2.45', canonical: 'registry.k8s.io/e2e-test-images/agnhost:2.45' },
    { name: 'a registry with a port is a host, not a tag', raw: 'localhost:5000/app', canonical: 'localhost:5000/app:latest' },
    { name: 'docker.io/library is the same as no prefix', raw: 'docker.io/library/busybox:1.36', canonical: 'docker.io/library/busybox:1.36' },
    {
      name: 'a digest reference has no default tag',
      raw: 'registry.k8s.io/redis@sha256:cb111d1bd870a6a471385a4a69ad17469d326e9dd91e0e455350cacf36e1b3ee',
      canonical: 'registry.k8s.io/redis@sha256:cb111d1bd870a6a471385a4a69ad17469d326e9dd91e0e455350cacf36e1b3ee',
    },
  ])('$name', ({ raw, canonical }) => {
    expect(parseImageReference(raw).canonical).toBe(canonical);
  });

  it('an upper-case repository is an invalid reference (InvalidImageName)', () => {
    expect(() => parseImageReference('NGINX')).toThrow('invalid reference format: repository name must be lowercase');
  });

  it.each([
    { image: 'nginx', want: 'Always' },
    { image: 'nginx:latest', want: 'Always' },
    { image: 'nginx:1.25', want: 'IfNotPresent' },
    { image: 'localhost:5000/app', want: 'Always' },
    { image: 'redis@sha256:cb111d1bd870a6a471385a4a69ad17469d326e9dd91e0e455350cacf36e1b3ee', want: 'IfNotPresent' },
  ])('imagePullPolicy defaults to $want for $image', ({ image, want }) => {
    expect(defaultPullPolicy(image)).toBe(want);
  });
});
