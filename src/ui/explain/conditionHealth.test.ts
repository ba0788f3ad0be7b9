import { describe, expect, it } from 'vitest';
import { conditionHealth } from './conditionHealth';

describe('conditionHealth', () => {
  it.each([
    { name: 'node Ready True is good', kind: 'Node', type: 'Ready', status: 'True', want: 'good' },
    { name: 'node Ready False is bad', kind: 'Node', type: 'Ready', status: 'False', want: 'bad' },
    { name: 'node MemoryPressure False is good (no pressure)', kind: 'Node', type: 'MemoryPressure', status: 'False', want: 'good' },
    { name: 'node DiskPressure True is bad', kind: 'Node', type: 'DiskPressure', status: 'True', want: 'bad' },
    { name: 'node PIDPressure False is good', kind: 'Node', type: 'PIDPressure', status: 'False', want: 'good' },
    { name: 'node NetworkUnavailable False is good', kind: 'Node', type: 'NetworkUnavailable', status: 'False', want: 'good' },
    { name: 'pod Ready False is bad', kind: 'Pod', type: 'Ready', status: 'False', want: 'bad' },
    { name: 'ReplicaSet ReplicaFailure True is bad', kind: 'ReplicaSet', type: 'ReplicaFailure', status: 'True', want: 'bad' },
    { name: 'Unknown is neutral', kind: 'Node', type: 'Ready', status: 'Unknown', want: 'neutral' },
  ])('$name', ({ kind, type, status, want }) => {
    expect(conditionHealth(kind, type, status)).toBe(want);
  });
});
