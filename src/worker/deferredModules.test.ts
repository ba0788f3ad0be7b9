import { describe, expect, it, vi } from 'vitest';
import type { FromWorker, ToWorker } from './protocol';

/** Fresh copies of the host and its deferred modules, none of them loaded yet (as in a new worker). */
async function freshHost() {
  vi.resetModules();
  const { SimulationHost } = await import('./simulationHost');
  const deferred = await import('./deferredModules');
  const sent: FromWorker[] = [];
  const host = new SimulationHost({ post: (m) => sent.push(m), realNow: () => 0 });
  const replies = () => sent.flatMap((m) => (m.type === 'reply' ? [m] : []));
  return { host, deferred, sent, replies };
}

describe('the worker parts loaded after the first screen', () => {
  it('the cluster boots and runs without them; a kubectl line waits for kubectl, and later requests wait behind it', async () => {
    const { host, deferred, replies } = await freshHost();
    host.handle({ type: 'init', id: 1 });
    expect(replies().map((r) => r.id)).toEqual([1]);
    expect(deferred.kubectlModule.value).toBeUndefined();
    host.frame();

    host.handle({ type: 'kubectl', id: 2, line: 'get deployments' } as ToWorker);
    host.handle({ type: 'ping', id: 3 });
    expect(replies().map((r) => r.id)).toEqual([1]);

    await vi.waitFor(() => expect(replies().map((r) => r.id)).toEqual([1, 2, 3]), { timeout: 20_000 });
    const kubectl = replies()[1]!;
    expect(kubectl.ok && kubectl.request === 'kubectl' ? kubectl.result.stdout : '').toMatch(/^NAME\s+READY/);
  });

  it('opening a concept scenario waits for the scenario models', async () => {
    const { host, replies } = await freshHost();
    host.handle({ type: 'init', id: 1 });
    host.handle({ type: 'conceptOpen', id: 2, concept: 'eras' });
    expect(replies().map((r) => r.id)).toEqual([1]);
    await vi.waitFor(() => expect(replies().map((r) => r.ok)).toEqual([true, true]), { timeout: 20_000 });
  });

  it('a module that fails to load answers its request with an error, and the next request may try again', async () => {
    const { deferred } = await freshHost();
    let attempts = 0;
    const flaky = deferred.deferredModule('a flaky part', async () => {
      attempts++;
      if (attempts === 1) throw new Error('network down');
      return { ok: true };
    });
    await expect(flaky.load()).rejects.toThrow('the worker could not load a flaky part: network down');
    await expect(flaky.load()).resolves.toEqual({ ok: true });
    expect(flaky.value).toEqual({ ok: true });
  });
});
