import { describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from './protocol';
import { PATCH_MESSAGE_CHANGES, SimulationHost, patchHoldMs } from './simulationHost';

describe('what the worker sends the page', () => {
  it.each([
    { name: 'a classroom batch goes at once', size: 40, want: 0 },
    { name: 'hundreds of changes wait a little', size: 800, want: 150 },
    { name: 'thousands wait half a second (a pod’s steps go as one change)', size: 5000, want: 500 },
  ])('$name', ({ size, want }) => expect(patchHoldMs(size)).toBe(want));

  it('never sends Leases, and sends a big apply in messages of at most PATCH_MESSAGE_CHANGES changes', () => {
    const sent: FromWorker[] = [];
    const host = new SimulationHost({ post: (m) => sent.push(m), realNow: () => 0 });
    host.handle({ type: 'init', id: 1 } as ToWorker);
    const configMaps = Array.from({ length: PATCH_MESSAGE_CHANGES + 50 }, (_, i) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  k: v\n`).join('---\n');
    sent.length = 0;
    host.handle({ type: 'apply', id: 2, yaml: configMaps } as ToWorker);
    host.handle({ type: 'clock', id: 3, command: { action: 'step', ms: 15_000 } } as ToWorker);
    const patches = sent.flatMap((m) => (m.type === 'patches' ? [m] : []));
    expect(patches.every((m) => m.changes.length <= PATCH_MESSAGE_CHANGES)).toBe(true);
    expect(patches.flatMap((m) => m.changes).filter((c) => c.kind === 'ConfigMap')).toHaveLength(PATCH_MESSAGE_CHANGES + 50);
    expect(patches.flatMap((m) => m.changes).some((c) => c.kind === 'Lease')).toBe(false);
  });
});
