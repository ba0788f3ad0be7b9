import { describe, expect, it } from 'vitest';
import { makeNode, makePod, nodeInfo, podInfo } from '../../../testing/schedulerFixtures';
import { canonicalImageName } from '../../framework/imageName';
import { imageLocality, imageLocalityScore, MIN_THRESHOLD } from '.';

const MB = 1024 * 1024;

describe('canonical image names', () => {
  it.each([
    { image: 'nginx', want: 'docker.io/library/nginx:latest' },
    { image: 'nginx:1.25', want: 'docker.io/library/nginx:1.25' },
    { image: 'bitnami/redis:7', want: 'docker.io/bitnami/redis:7' },
    { image: 'registry.k8s.io/hpa-example', want: 'registry.k8s.io/hpa-example:latest' },
    { image: 'localhost:5000/app', want: 'localhost:5000/app:latest' },
    { image: 'docker.io/library/nginx:1.25', want: 'docker.io/library/nginx:1.25' },
  ])('$image → $want', ({ image, want }) => expect(canonicalImageName(image)).toBe(want));
});

describe('ImageLocality score', () => {
  it.each([
    { name: 'below the 23 MB threshold scores 0', sum: 10 * MB, containers: 1, want: 0 },
    { name: 'at 1000 MB per container scores 100', sum: 1000 * MB, containers: 1, want: 100 },
    { name: 'the range scales with the number of containers', sum: 1000 * MB, containers: 2, want: 49 },
    { name: 'linear between the thresholds', sum: MIN_THRESHOLD + (1000 * MB - MIN_THRESHOLD) / 2, containers: 1, want: 50 },
  ])('$name', ({ sum, containers, want }) => expect(imageLocalityScore(sum, containers)).toBe(want));

  it('counts an image on the node, scaled by the fraction of nodes that have it', () => {
    const node = nodeInfo(makeNode('n', { images: [{ names: ['docker.io/library/nginx:1.25'], sizeBytes: 500 * MB }] }));
    const pod = podInfo(makePod('p', { image: 'nginx:1.25' }));
    const everywhere = imageLocality.score(pod, node, { nodeCount: 2, nodesWithImage: () => 2 });
    const half = imageLocality.score(pod, node, { nodeCount: 2, nodesWithImage: () => 1 });
    expect(everywhere).toBe(imageLocalityScore(500 * MB, 1));
    expect(half).toBe(imageLocalityScore(250 * MB, 1));
    expect(imageLocality.score(pod, nodeInfo(makeNode('bare')), { nodeCount: 2, nodesWithImage: () => 1 })).toBe(0);
  });
});
