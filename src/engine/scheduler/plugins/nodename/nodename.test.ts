import { describe, expect, it } from 'vitest';
import { makeNode, makePod, nodeInfo, podInfo } from '../../../testing/schedulerFixtures';
import { ERR_REASON, nodeName } from '.';

describe('NodeName filter', () => {
  const cases = [
    { name: 'a pod without spec.nodeName fits any node', podNode: undefined, node: 'a', want: undefined },
    { name: 'a pod naming this node fits it', podNode: 'a', node: 'a', want: undefined },
    { name: 'a pod naming another node does not fit', podNode: 'b', node: 'a', want: ERR_REASON },
  ];
  it.each(cases)('$name', ({ podNode, node, want }) => {
    const got = nodeName.filter(podInfo(makePod('p', podNode ? { nodeName: podNode } : {})), nodeInfo(makeNode(node)));
    expect(got?.reasons[0]).toBe(want);
  });
});
