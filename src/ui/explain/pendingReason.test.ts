import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import type { SchedulingDiagnosis } from '../../engine/scheduler/diagnosis';
import { pendingReason } from './pendingReason';

const pod = (over: Partial<Pod> = {}): Pod => ({ metadata: { name: 'web-1', namespace: 'default' }, spec: { containers: [{ name: 'app', image: 'nginx' }] }, status: { phase: 'Pending' }, ...over });

const diagnosis = (over: Partial<SchedulingDiagnosis>): SchedulingDiagnosis => ({
  namespace: 'default',
  pod: 'web-1',
  uid: 'u',
  attemptedAt: '2026-01-01T00:00:00Z',
  attempts: 1,
  result: 'Unschedulable',
  numAllNodes: 4,
  evaluatedNodes: 4,
  feasibleNodes: 0,
  filters: [],
  weights: {},
  scores: [],
  ...over,
});

describe('pendingReason', () => {
  it.each([
    { name: 'a Running pod has no pending reason', pod: pod({ status: { phase: 'Running' } }), running: true, d: undefined, want: undefined },
    { name: 'a pod being deleted has none', pod: pod({ metadata: { name: 'x', deletionTimestamp: '2026-01-01T00:00:00Z' } }), running: true, d: undefined, want: undefined },
    { name: 'scheduler stopped: it says so, whatever the last attempt found', pod: pod(), running: false, d: diagnosis({}), want: 'pending.schedulerDown' },
    { name: 'no attempt yet: in the queue', pod: pod(), running: true, d: null, want: 'pending.notTriedYet' },
    { name: 'another scheduler named: kube-scheduler leaves it', pod: pod({ spec: { schedulerName: 'my-scheduler', containers: [] } }), running: true, d: undefined, want: 'pending.otherScheduler' },
    { name: 'unschedulable: no node fits', pod: pod(), running: true, d: diagnosis({}), want: 'pending.noNodeFits' },
    {
      name: 'bound, image cannot be pulled',
      pod: pod({ spec: { nodeName: 'worker-1', containers: [] }, status: { phase: 'Pending', containerStatuses: [{ name: 'app', image: 'nginx:bad', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ImagePullBackOff' } } }] } }),
      running: false,
      d: undefined,
      want: 'pending.imagePull',
    },
    { name: 'bound, starting', pod: pod({ spec: { nodeName: 'worker-1', containers: [] } }), running: true, d: undefined, want: 'pending.starting' },
  ])('$name', ({ pod: p, running, d, want }) => {
    expect(pendingReason(p, { schedulerRunning: running, diagnosis: d })?.summary.key).toBe(want);
  });

  it('groups rejected nodes by cause, most nodes first', () => {
    const d = diagnosis({
      filters: [
        { node: 'control-plane', plugin: 'TaintToleration', code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'] },
        { node: 'worker-1', plugin: 'NodeResourcesFit', code: 'Unschedulable', reasons: ['Insufficient cpu'] },
        { node: 'worker-2', plugin: 'NodeResourcesFit', code: 'Unschedulable', reasons: ['Insufficient cpu'] },
        { node: 'worker-3', plugin: 'NodeAffinity', code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match Pod's node affinity/selector"] },
      ],
    });
    const r = pendingReason(pod(), { schedulerRunning: true, diagnosis: d })!;
    expect(r.summary.params).toEqual({ total: 4, feasible: 0 });
    expect(r.details.map((m) => [m.key, m.params?.['count'], m.params?.['nodes']])).toEqual([
      ['pending.cause.resources', 2, 'worker-1, worker-2'],
      ['pending.cause.affinity', 1, 'worker-3'],
      ['pending.cause.taint', 1, 'control-plane'],
    ]);
  });
});
