import { describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from './protocol';
import { MAX_CHANGES_PER_MESSAGE, SimulationHost, missingModules } from './simulationHost';

describe('what the worker sends the page', () => {
  it('never sends Leases (renewed every 10 s per node, never drawn)', () => {
    const sent: FromWorker[] = [];
    const host = new SimulationHost({ post: (m) => sent.push(m), realNow: () => 0 });
    host.handle({ type: 'init', id: 1 } as ToWorker);
    host.handle({ type: 'clock', id: 2, command: { action: 'step', ms: 15_000 } } as ToWorker);
    for (let i = 0; i < 20; i++) host.flush();
    const changes = sent.flatMap((m) => (m.type === 'patches' ? m.changes : []));
    expect(changes.some((c) => c.kind === 'Node')).toBe(true);
    expect(changes.some((c) => c.kind === 'Lease')).toBe(false);
  });

  it('a whole list comes in messages of at most MAX_CHANGES_PER_MESSAGE, the first replacing the mirror', () => {
    const sent: FromWorker[] = [];
    const host = new SimulationHost({ post: (m) => sent.push(m), realNow: () => 0 });
    host.handle({ type: 'init', id: 1 } as ToWorker);
    const list = sent.flatMap((m) => (m.type === 'patches' ? [m] : []));
    expect(list.length).toBeGreaterThan(1);
    expect(list.map((m) => m.replace)).toEqual([true, ...list.slice(1).map(() => false)]);
    expect(list.every((m) => m.changes.length <= MAX_CHANGES_PER_MESSAGE)).toBe(true);
  });

  it.each([
    { name: 'the big cluster waits for the YAML parser (its 1,000 nodes are not pre-parsed)', msg: { type: 'init', id: 1, preset: 'big-cluster' }, wants: true },
    { name: 'so does a reset to it', msg: { type: 'reset', id: 1, preset: 'big-cluster' }, wants: true },
    { name: 'so does a saved big cluster with nothing but time in it', msg: { type: 'init', id: 1, restore: { version: 1, seed: 1, preset: 'big-cluster', inputs: [{ op: 'advance', ms: 1000 }], at: '' } }, wants: true },
    { name: 'the default cluster boots without it', msg: { type: 'init', id: 1 }, wants: false },
  ])('$name', ({ msg, wants }) => {
    expect(missingModules(msg as ToWorker).some((m) => m.name === 'the YAML parser')).toBe(wants);
  });
});
