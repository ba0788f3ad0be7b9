import { describe, expect, it } from 'vitest';
import type { Affinity } from 'kubernetes-types/core/v1';
import { makeNode, makePod, nodeInfo, podInfo } from '../../../testing/schedulerFixtures';
import { ERR_REASON_POD, nodeAffinity } from '.';

const labels = { 'topology.kubernetes.io/zone': 'zone-a', disktype: 'ssd', cores: '8' };

function required(...terms: NonNullable<NonNullable<Affinity['nodeAffinity']>['requiredDuringSchedulingIgnoredDuringExecution']>['nodeSelectorTerms']): Affinity {
  return { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } };
}

describe('NodeAffinity filter', () => {
  const cases: Array<{ name: string; nodeSelector?: Record<string, string>; affinity?: Affinity; fits: boolean }> = [
    { name: 'no selector and no affinity fits every node', fits: true },
    { name: 'nodeSelector matching the labels fits', nodeSelector: { disktype: 'ssd' }, fits: true },
    { name: 'nodeSelector needs every pair to match', nodeSelector: { disktype: 'ssd', gpu: 'true' }, fits: false },
    { name: 'In matches a listed value', affinity: required({ matchExpressions: [{ key: 'disktype', operator: 'In', values: ['hdd', 'ssd'] }] }), fits: true },
    { name: 'NotIn matches when the label is absent', affinity: required({ matchExpressions: [{ key: 'gpu', operator: 'NotIn', values: ['true'] }] }), fits: true },
    { name: 'DoesNotExist fails when the label is there', affinity: required({ matchExpressions: [{ key: 'disktype', operator: 'DoesNotExist' }] }), fits: false },
    { name: 'Gt compares the label as an integer', affinity: required({ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['4'] }] }), fits: true },
    { name: 'Lt compares the label as an integer', affinity: required({ matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['4'] }] }), fits: false },
    {
      name: 'terms are ORed: one matching term is enough',
      affinity: required({ matchExpressions: [{ key: 'disktype', operator: 'In', values: ['hdd'] }] }, { matchExpressions: [{ key: 'topology.kubernetes.io/zone', operator: 'In', values: ['zone-a'] }] }),
      fits: true,
    },
    {
      name: 'expressions inside a term are ANDed',
      affinity: required({ matchExpressions: [{ key: 'disktype', operator: 'In', values: ['ssd'] }, { key: 'topology.kubernetes.io/zone', operator: 'In', values: ['zone-b'] }] }),
      fits: false,
    },
    { name: 'matchFields metadata.name selects the node by name', affinity: required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n'] }] }), fits: true },
    { name: 'an empty term matches no node', affinity: required({}), fits: false },
    { name: 'nodeSelector and affinity must both hold', nodeSelector: { disktype: 'hdd' }, affinity: required({ matchExpressions: [{ key: 'disktype', operator: 'Exists' }] }), fits: false },
  ];
  it.each(cases)('$name', ({ nodeSelector, affinity, fits }) => {
    const pod = podInfo(makePod('p', { spec: { ...(nodeSelector ? { nodeSelector } : {}), ...(affinity ? { affinity } : {}) } }));
    const got = nodeAffinity.filter(pod, nodeInfo(makeNode('n', { labels })));
    expect(got === undefined).toBe(fits);
    if (got) expect(got.reasons).toEqual([ERR_REASON_POD]);
  });
});

describe('NodeAffinity score', () => {
  it('sums the weights of matching preferred terms, normalized so the best node scores 100', () => {
    const pod = podInfo(
      makePod('p', {
        spec: {
          affinity: {
            nodeAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                { weight: 80, preference: { matchExpressions: [{ key: 'disktype', operator: 'In', values: ['ssd'] }] } },
                { weight: 20, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } },
              ],
            },
          },
        },
      }),
    );
    const view = { nodeCount: 3, nodesWithImage: () => 0 };
    expect(nodeAffinity.preScore!(pod, view)).toBe(true);
    const nodes = [nodeInfo(makeNode('both', { labels: { disktype: 'ssd', zone: 'a' } })), nodeInfo(makeNode('ssd', { labels: { disktype: 'ssd' } })), nodeInfo(makeNode('none'))];
    const scores = Int32Array.from(nodes.map((n) => nodeAffinity.score(pod, n, view)));
    expect([...scores]).toEqual([100, 80, 0]);
    nodeAffinity.normalize!(scores, 3);
    expect([...scores]).toEqual([100, 80, 0]);
  });

  it('is skipped for a pod without preferences', () => {
    expect(nodeAffinity.preScore!(podInfo(makePod('p')), { nodeCount: 1, nodesWithImage: () => 0 })).toBe(false);
  });
});
