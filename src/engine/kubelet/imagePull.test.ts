import type { Node } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { createKubeletTestCluster } from '../testing/kubeletHarness';

const status = (c: ReturnType<typeof createKubeletTestCluster>, name: string) => c.pod(name).status?.containerStatuses?.[0];

describe('image pulls through the node runtime', () => {
  it('a second image on the same base pulls faster: shared layers are cached', () => {
    const c = createKubeletTestCluster();
    c.createPod({ containers: [{ name: 'a', image: 'nginx:1.25' }] }, 'a');
    c.clock.advance(20_000);
    c.createPod({ containers: [{ name: 'b', image: 'httpd:2.4' }] }, 'b');
    c.clock.advance(20_000);
    const first = c.eventsFor('a').find((e) => e.reason === 'Pulled')!.message;
    const second = c.eventsFor('b').find((e) => e.reason === 'Pulled')!.message;
    const secs = (m: string) => Number(/in ([\d.]+)(m?s) /.exec(m)![1]) / (/in [\d.]+ms /.test(m) ? 1000 : 1);
    // nginx:1.25 downloads ~70 MB; httpd adds ~27 MB on the same debian base.
    expect(secs(first)).toBeGreaterThan(1.5);
    expect(secs(second)).toBeLessThan(secs(first) * 0.6);
  });

  it('IfNotPresent with the image on the node: "already present on machine", no pull', () => {
    const c = createKubeletTestCluster();
    c.createPod({ containers: [{ name: 'a', image: 'nginx:1.25' }] }, 'a');
    c.clock.advance(20_000);
    c.createPod({ containers: [{ name: 'b', image: 'nginx:1.25' }] }, 'b');
    c.clock.advance(2_000);
    expect(c.eventsFor('b').map((e) => e.reason)).toEqual(['Pulled', 'Created', 'Started']);
    expect(c.eventsFor('b')[0]!.message).toBe('Container image "nginx:1.25" already present on machine');
    expect(c.pod('b').status?.phase).toBe('Running');
  });

  it('Always with the image on the node: a quick manifest check, still a Pulling event', () => {
    const c = createKubeletTestCluster();
    c.createPod({ containers: [{ name: 'a', image: 'nginx' }] }, 'a');
    c.clock.advance(20_000);
    c.createPod({ containers: [{ name: 'b', image: 'nginx', imagePullPolicy: 'Always' }] }, 'b');
    c.clock.advance(5_000);
    const pulled = c.eventsFor('b').find((e) => e.reason === 'Pulled')!.message;
    expect(pulled).toMatch(/^Successfully pulled image "nginx" in \d+ms \(\d+ms including waiting\)\. Image size: \d+ bytes\.$/);
  });

  it('pulls are serialized: the second pod waits for the first pull (serializeImagePulls)', () => {
    const c = createKubeletTestCluster();
    c.createPod({ containers: [{ name: 'a', image: 'redis:7' }] }, 'a');
    c.createPod({ containers: [{ name: 'b', image: 'postgres:16', env: [{ name: 'POSTGRES_PASSWORD', value: 'x' }] }] }, 'b');
    c.clock.advance(60_000);
    const m = /in ([\d.]+)s \(([\d.]+)s including waiting\)/.exec(c.eventsFor('b').find((e) => e.reason === 'Pulled')!.message)!;
    expect(Number(m[2])).toBeGreaterThan(Number(m[1]));
  });

  it('the node status lists the pulled images with their sizes, largest first', () => {
    const c = createKubeletTestCluster();
    c.createPod({ containers: [{ name: 'a', image: 'nginx:1.25' }] }, 'a');
    c.createPod({ containers: [{ name: 'b', image: 'busybox:1.36', command: ['sleep', '3600'] }] }, 'b');
    c.clock.advance(20_000);
    const images = c.api.peek<Node>('Node', undefined, 'node-1')!.status!.images!;
    expect(images.map((i) => i.names?.[1])).toEqual(['docker.io/library/nginx:1.25', 'docker.io/library/busybox:1.36']);
    expect(images[0]!.sizeBytes).toBe(187694648);
    expect(images[0]!.names?.[0]).toMatch(/^docker\.io\/library\/nginx@sha256:[0-9a-f]{64}$/);
  });

  it('an unknown tag: ErrImagePull, then ImagePullBackOff, retried after 10 s, 20 s, 40 s', () => {
    const c = createKubeletTestCluster();
    c.createPod({ containers: [{ name: 'web', image: 'nginx:1.999' }] }, 'web');
    c.clock.advance(1_000);
    expect(status(c, 'web')?.state?.waiting?.reason).toBe('ErrImagePull');
    expect(status(c, 'web')?.state?.waiting?.message).toBe(
      'Failed to pull image "nginx:1.999": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.999": failed to resolve reference "docker.io/library/nginx:1.999": docker.io/library/nginx:1.999: not found',
    );
    c.clock.advance(1_000);
    expect(status(c, 'web')?.state?.waiting).toEqual({ reason: 'ImagePullBackOff', message: 'Back-off pulling image "nginx:1.999"' });
    // Attempts at 0.5 s, then 10 s, 20 s, 40 s, 80 s after each failure (a failed resolve takes 0.4 s).
    const attemptsAt = (t: number) => {
      c.clock.advance((t - c.t()) * 1000);
      return c.eventsFor('web').find((e) => e.reason === 'Pulling')!.count;
    };
    expect([attemptsAt(10.8), attemptsAt(11), attemptsAt(31.2), attemptsAt(31.4), attemptsAt(71.6), attemptsAt(71.8), attemptsAt(152), attemptsAt(152.2)]).toEqual([1, 2, 2, 3, 3, 4, 4, 5]);
    expect(c.eventsFor('web').find((e) => e.reason === 'BackOff')!.message).toBe('Back-off pulling image "nginx:1.999"');
    expect(c.eventsFor('web').map((e) => e.message)).toContain('Error: ImagePullBackOff');
    expect(c.eventsFor('web').map((e) => e.message)).toContain('Error: ErrImagePull');
  });

  it('an invalid reference is InvalidImageName and never pulled', () => {
    const c = createKubeletTestCluster();
    c.createPod({ containers: [{ name: 'web', image: 'NGINX' }] }, 'web');
    c.clock.advance(5_000);
    expect(status(c, 'web')?.state?.waiting?.reason).toBe('InvalidImageName');
    expect(c.eventsFor('web').some((e) => e.reason === 'Pulling')).toBe(false);
  });
});
