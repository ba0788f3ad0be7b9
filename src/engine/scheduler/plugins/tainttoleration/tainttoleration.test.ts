import { describe, expect, it } from 'vitest';
import type { Taint, Toleration } from 'kubernetes-types/core/v1';
import { makeNode, makePod, nodeInfo, podInfo } from '../../../testing/schedulerFixtures';
import { taintToleration } from '.';

const controlPlane: Taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

describe('TaintToleration filter', () => {
  const cases: Array<{ name: string; taints: Taint[]; tolerations?: Toleration[]; want: string | undefined }> = [
    { name: 'an untainted node accepts the pod', taints: [], want: undefined },
    {
      name: 'an untolerated NoSchedule taint rejects, printed as {key: value} with an empty value',
      taints: [controlPlane],
      want: 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }',
    },
    {
      name: 'an untolerated NoExecute taint rejects and shows its value',
      taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }],
      want: 'node(s) had untolerated taint {dedicated: gpu}',
    },
    { name: 'a PreferNoSchedule taint never rejects', taints: [{ key: 'soft', effect: 'PreferNoSchedule' }], want: undefined },
    { name: 'operator Exists tolerates any value of the key', taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }], tolerations: [{ key: 'dedicated', operator: 'Exists' }], want: undefined },
    {
      name: 'operator Equal needs the same value',
      taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }],
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'cpu', effect: 'NoSchedule' }],
      want: 'node(s) had untolerated taint {dedicated: gpu}',
    },
    { name: 'an empty key with operator Exists tolerates every taint', taints: [controlPlane, { key: 'x', effect: 'NoExecute' }], tolerations: [{ operator: 'Exists' }], want: undefined },
    {
      name: 'the first untolerated taint in the node order is reported',
      taints: [controlPlane, { key: 'b', value: '1', effect: 'NoSchedule' }],
      tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }],
      want: 'node(s) had untolerated taint {b: 1}',
    },
  ];
  it.each(cases)('$name', ({ taints, tolerations, want }) => {
    const got = taintToleration.filter(podInfo(makePod('p', { spec: tolerations ? { tolerations } : {} })), nodeInfo(makeNode('n', { taints })));
    expect(got?.reasons[0]).toBe(want);
    if (got) expect(got.code).toBe('UnschedulableAndUnresolvable');
  });
});

describe('TaintToleration score', () => {
  it('counts untolerated PreferNoSchedule taints and normalizes in reverse (fewer is better)', () => {
    const pod = podInfo(makePod('p', { spec: { tolerations: [{ key: 'a', operator: 'Exists', effect: 'PreferNoSchedule' }] } }));
    const nodes = [
      nodeInfo(makeNode('clean')),
      nodeInfo(makeNode('tolerated', { taints: [{ key: 'a', effect: 'PreferNoSchedule' }] })),
      nodeInfo(makeNode('one', { taints: [{ key: 'b', effect: 'PreferNoSchedule' }] })),
      nodeInfo(makeNode('two', { taints: [{ key: 'b', effect: 'PreferNoSchedule' }, { key: 'c', effect: 'PreferNoSchedule' }] })),
    ];
    const scores = Int32Array.from(nodes.map((n) => taintToleration.score(pod, n, { nodeCount: 4, nodesWithImage: () => 0 })));
    expect([...scores]).toEqual([0, 0, 1, 2]);
    taintToleration.normalize!(scores, scores.length);
    expect([...scores]).toEqual([100, 100, 50, 0]);
  });

  it('a NoSchedule-only toleration does not tolerate a PreferNoSchedule taint for scoring', () => {
    const pod = podInfo(makePod('p', { spec: { tolerations: [{ key: 'b', operator: 'Exists', effect: 'NoSchedule' }] } }));
    expect(taintToleration.score(pod, nodeInfo(makeNode('n', { taints: [{ key: 'b', effect: 'PreferNoSchedule' }] })), { nodeCount: 1, nodesWithImage: () => 0 })).toBe(1);
  });

  it('with no taints anywhere every node scores 100', () => {
    const scores = new Int32Array([0, 0, 0]);
    taintToleration.normalize!(scores, 3);
    expect([...scores]).toEqual([100, 100, 100]);
  });
});
