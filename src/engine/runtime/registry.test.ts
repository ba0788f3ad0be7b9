import { describe, expect, it } from 'vitest';
import { parseImageReference } from './imageReference';
import { resolveImage } from './registry';

const resolve = (raw: string) => resolveImage(parseImageReference(raw));

describe('the simulated registries', () => {
  it.each(['nginx:1.14.2', 'nginx:1.16.1', 'nginx:1.25', 'nginx:1.27', 'nginx', 'nginx:alpine', 'busybox:1.28', 'busybox:1.36', 'busybox', 'httpd', 'redis', 'perl:5.34.0', 'ubuntu', 'alpine:3', 'python:3', 'node', 'mysql:8.0', 'postgres', 'registry.k8s.io/hpa-example', 'registry.k8s.io/pause:3.9', 'registry.k8s.io/e2e-test-images/agnhost:2.40', 'gcr.io/google-samples/hello-app:2.0', 'gcr.io/google-samples/kubernetes-bootcamp:v1', 'k8s.gcr.io/pause:3.1', 'registry.k8s.io/busybox:1.27.2'])(
    'knows %s',
    (raw) => {
      expect(resolve(raw).ok).toBe(true);
    },
  );

  it('nginx:1.25 unpacks to the size the Pulled event reports', () => {
    const r = resolve('nginx:1.25');
    expect(r.ok && r.manifest.size).toBe(187694648);
  });

  it('images built on the same base share its layer digests', () => {
    const a = resolve('nginx:1.25');
    const b = resolve('httpd:2.4');
    if (!a.ok || !b.ok) throw new Error('not found');
    expect(a.manifest.layers[0]!.digest).toBe(b.manifest.layers[0]!.digest);
    expect(a.manifest.digest).not.toBe(b.manifest.digest);
  });

  it('an unknown tag is not found (containerd: failed to resolve reference ...: not found)', () => {
    const r = resolve('nginx:1.999');
    expect(r).toEqual({ ok: false, code: 'NotFound', reason: 'failed to resolve reference "docker.io/library/nginx:1.999": docker.io/library/nginx:1.999: not found' });
  });

  it('an unknown Docker Hub repository is pull access denied', () => {
    const r = resolve('ngnix');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toContain('pull access denied, repository does not exist or may require authorization');
  });

  it('an unknown registry host does not resolve in DNS', () => {
    const r = resolve('myregistry.local/app:1');
    expect(!r.ok && r.reason).toContain('dial tcp: lookup myregistry.local');
  });

  it('a Windows-only image has no Linux platform', () => {
    const r = resolve('mcr.microsoft.com/windows/servercore:ltsc2019');
    expect(!r.ok && r.reason).toBe('no match for platform in manifest: not found');
  });

  it('covers most images of the docs examples', () => {
    const corpus = ['nginx', 'busybox:1.28', 'registry.k8s.io/busybox:1.27.2', 'registry.k8s.io/pause:3.8', 'debian', 'nginx:1.14.2', 'redis', 'gcr.io/google-samples/hello-app:2.0', 'alpine:3', 'vish/stress', 'ubuntu:24.04', 'hashicorp/http-echo:1.0', 'hashicorp/http-echo:0.2.3', 'alpine:latest', 'quay.io/fluentd_elasticsearch/fluentd:v5.0.1', 'polinux/stress', 'nginx:1.16.1', 'docker.io/library/bash:5', 'mysql:5.7', 'python', 'registry.k8s.io/e2e-test-images/agnhost:2.45'];
    expect(corpus.filter((i) => !resolve(i).ok)).toEqual([]);
  });
});
