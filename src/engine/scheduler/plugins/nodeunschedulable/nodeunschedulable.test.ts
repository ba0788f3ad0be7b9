import { describe, expect, it } from 'vitest';
import type { Toleration } from 'kubernetes-types/core/v1';
import { makeNode, makePod, nodeInfo, podInfo } from '../../../testing/schedulerFixtures';
import { ERR_REASON_UNSCHEDULABLE, nodeUnschedulable } from '.';

describe('NodeUnschedulable filter', () => {
  const cases: Array<{ name: string; unschedulable: boolean; tolerations?: Toleration[]; want: string | undefined }> = [
    { name: 'a schedulable node accepts any pod', unschedulable: false, want: undefined },
    { name: 'a cordoned node rejects a pod without tolerations', unschedulable: true, want: ERR_REASON_UNSCHEDULABLE },
    {
      name: 'a cordoned node accepts a pod tolerating node.kubernetes.io/unschedulable:NoSchedule',
      unschedulable: true,
      tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }],
      want: undefined,
    },
    {
      name: 'a toleration for another effect does not help on a cordoned node',
      unschedulable: true,
      tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoExecute' }],
      want: ERR_REASON_UNSCHEDULABLE,
    },
  ];
  it.each(cases)('$name', ({ unschedulable, tolerations, want }) => {
    const pod = podInfo(makePod('p', { spec: tolerations ? { tolerations } : {} }));
    const got = nodeUnschedulable.filter(pod, nodeInfo(makeNode('n', { unschedulable })));
    expect(got?.reasons[0]).toBe(want);
    if (got) expect(got.code).toBe('UnschedulableAndUnresolvable');
  });
});
