import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { podDisplay } from './podStatus';

const spec = { containers: [{ name: 'app', image: 'nginx' }] };

const cases: { name: string; pod: Pod; status: string; tone: string; ready?: string; restarts?: number }[] = [
  { name: 'a pod with no status yet reads Pending', pod: { spec }, status: 'Pending', tone: 'pending', ready: '0/1' },
  {
    name: 'a waiting container shows its reason (ContainerCreating)',
    pod: { spec, status: { phase: 'Pending', containerStatuses: [{ name: 'app', image: 'nginx', imageID: '', ready: false, restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] } },
    status: 'ContainerCreating',
    tone: 'pending',
  },
  {
    name: 'running and ready reads Running, all ready',
    pod: { spec, status: { phase: 'Running', containerStatuses: [{ name: 'app', image: 'nginx', imageID: '', ready: true, restartCount: 0, state: { running: {} } }] } },
    status: 'Running',
    tone: 'ready',
    ready: '1/1',
  },
  {
    name: 'running but not ready reads Running with 0/1 ready',
    pod: { spec, status: { phase: 'Running', containerStatuses: [{ name: 'app', image: 'nginx', imageID: '', ready: false, restartCount: 0, state: { running: {} } }] } },
    status: 'Running',
    tone: 'unready',
    ready: '0/1',
  },
  {
    name: 'CrashLoopBackOff shows the waiting reason and counts restarts',
    pod: { spec, status: { phase: 'Running', containerStatuses: [{ name: 'app', image: 'nginx', imageID: '', ready: false, restartCount: 4, state: { waiting: { reason: 'CrashLoopBackOff' } } }] } },
    status: 'CrashLoopBackOff',
    tone: 'failed',
    restarts: 4,
  },
  {
    name: 'a terminated container without reason shows its exit code',
    pod: { spec, status: { phase: 'Failed', containerStatuses: [{ name: 'app', image: 'nginx', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: 2 } } }] } },
    status: 'ExitCode:2',
    tone: 'failed',
  },
  {
    name: 'a deletionTimestamp reads Terminating whatever the phase',
    pod: { metadata: { deletionTimestamp: '2026-01-01T00:00:10Z' }, spec, status: { phase: 'Running' } },
    status: 'Terminating',
    tone: 'terminating',
  },
  {
    name: 'an init container still running reads Init:0/1',
    pod: {
      spec: { ...spec, initContainers: [{ name: 'init' }] },
      status: { phase: 'Pending', initContainerStatuses: [{ name: 'init', image: 'busybox', imageID: '', ready: false, restartCount: 0, state: { running: {} } }] },
    },
    status: 'Init:0/1',
    tone: 'pending',
  },
  {
    name: 'a pod-level reason (Evicted) wins over the phase',
    pod: { spec, status: { phase: 'Failed', reason: 'Evicted' } },
    status: 'Evicted',
    tone: 'failed',
  },
];

describe('kubectl STATUS column (printPod)', () => {
  for (const c of cases) {
    it(c.name, () => {
      const d = podDisplay(c.pod);
      expect(d.status).toBe(c.status);
      expect(d.tone).toBe(c.tone);
      if (c.ready) expect(d.ready).toBe(c.ready);
      if (c.restarts !== undefined) expect(d.restarts).toBe(c.restarts);
    });
  }
});
