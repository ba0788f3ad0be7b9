import type { Pod, PodStatus } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { podCells } from './podStatus';

const NOW = Date.parse('2026-01-01T00:10:00Z');
const T0 = '2026-01-01T00:00:00Z';

function pod(status: PodStatus, opts: { init?: number; containers?: number; deleting?: boolean; sidecar?: boolean } = {}): Pod {
  const containers = Array.from({ length: opts.containers ?? 1 }, (_, i) => ({ name: `c${i}`, image: 'nginx' }));
  const initContainers = Array.from({ length: opts.init ?? 0 }, (_, i) => ({
    name: `init${i}`,
    image: 'busybox',
    ...(opts.sidecar ? { restartPolicy: 'Always' } : {}),
  }));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', ...(opts.deleting ? { deletionTimestamp: T0 } : {}) },
    spec: { containers, ...(initContainers.length > 0 ? { initContainers } : {}) },
    status,
  };
}

const running = { running: { startedAt: T0 } };
const readyTrue = [{ type: 'Ready', status: 'True' }];

describe('kubectl get pods STATUS/READY/RESTARTS (printPod)', () => {
  it.each([
    { name: 'a pending pod without container statuses shows its phase', pod: pod({ phase: 'Pending' }), want: ['0/1', 'Pending', '0'] },
    {
      name: 'a waiting container shows its reason (ContainerCreating)',
      pod: pod({ phase: 'Pending', containerStatuses: [{ name: 'c0', image: 'nginx', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] }),
      want: ['0/1', 'ContainerCreating', '0'],
    },
    {
      name: 'an image that cannot be pulled shows ErrImagePull',
      pod: pod({ phase: 'Pending', containerStatuses: [{ name: 'c0', image: 'ngnx', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ErrImagePull' } } }] }),
      want: ['0/1', 'ErrImagePull', '0'],
    },
    {
      name: 'a ready running container counts towards READY',
      pod: pod({ phase: 'Running', conditions: readyTrue, containerStatuses: [{ name: 'c0', image: 'nginx', imageID: '', ready: true, restartCount: 0, state: running }] }),
      want: ['1/1', 'Running', '0'],
    },
    {
      name: 'CrashLoopBackOff with restarts shows the age of the last termination',
      pod: pod({
        phase: 'Running',
        containerStatuses: [
          {
            name: 'c0',
            image: 'busybox',
            imageID: '',
            ready: false,
            restartCount: 3,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
            lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: '2026-01-01T00:09:15Z' } },
          },
        ],
      }),
      want: ['0/1', 'CrashLoopBackOff', '3 (45s ago)'],
    },
    {
      name: 'a container that exited 0 shows Completed',
      pod: pod({ phase: 'Succeeded', containerStatuses: [{ name: 'c0', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }),
      want: ['0/1', 'Completed', '0'],
    },
    {
      name: 'a terminated container without reason shows ExitCode:n',
      pod: pod({ phase: 'Failed', containerStatuses: [{ name: 'c0', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 2 } } }] }),
      want: ['0/1', 'ExitCode:2', '0'],
    },
    {
      name: 'Completed with another container still running reads Running when the pod is Ready',
      pod: pod(
        {
          phase: 'Running',
          conditions: readyTrue,
          containerStatuses: [
            { name: 'c0', image: 'x', imageID: '', ready: true, restartCount: 0, state: running },
            { name: 'c1', image: 'x', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
          ],
        },
        { containers: 2 },
      ),
      want: ['1/2', 'Running', '0'],
    },
    {
      name: 'an unfinished init container shows Init:i/n',
      pod: pod(
        { phase: 'Pending', initContainerStatuses: [{ name: 'init0', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: running }] },
        { init: 2 },
      ),
      want: ['0/1', 'Init:0/2', '0'],
    },
    {
      name: 'a crashing init container shows Init:CrashLoopBackOff',
      pod: pod(
        { phase: 'Pending', initContainerStatuses: [{ name: 'init0', image: 'busybox', imageID: '', ready: false, restartCount: 2, state: { waiting: { reason: 'CrashLoopBackOff' } } }] },
        { init: 1 },
      ),
      want: ['0/1', 'Init:CrashLoopBackOff', '2'],
    },
    {
      name: 'a started sidecar (restartable init container) counts towards READY',
      pod: pod(
        {
          phase: 'Running',
          conditions: [...readyTrue, { type: 'Initialized', status: 'True' }],
          initContainerStatuses: [{ name: 'init0', image: 'envoy', imageID: '', ready: true, started: true, restartCount: 0, state: running }],
          containerStatuses: [{ name: 'c0', image: 'nginx', imageID: '', ready: true, restartCount: 0, state: running }],
        },
        { init: 1, sidecar: true },
      ),
      want: ['2/2', 'Running', '0'],
    },
    {
      name: 'a pod with a deletionTimestamp shows Terminating',
      pod: pod({ phase: 'Running', containerStatuses: [{ name: 'c0', image: 'nginx', imageID: '', ready: true, restartCount: 0, state: running }] }, { deleting: true }),
      want: ['1/1', 'Terminating', '0'],
    },
    {
      name: 'a deleted pod on an unreachable node shows Unknown',
      pod: pod({ phase: 'Running', reason: 'NodeLost' }, { deleting: true }),
      want: ['0/1', 'Unknown', '0'],
    },
    {
      name: 'status.reason replaces the phase (Evicted)',
      pod: pod({ phase: 'Failed', reason: 'Evicted' }),
      want: ['0/1', 'Evicted', '0'],
    },
    {
      name: 'a finished pod with a deletionTimestamp keeps its status',
      pod: pod({ phase: 'Succeeded', containerStatuses: [{ name: 'c0', image: 'x', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } }] }, { deleting: true }),
      want: ['0/1', 'Completed', '0'],
    },
  ])('$name', ({ pod: p, want }) => {
    const cells = podCells(p, NOW);
    expect([cells.ready, cells.status, cells.restarts]).toEqual(want);
  });
});
