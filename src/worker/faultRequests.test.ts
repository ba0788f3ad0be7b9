import { beforeAll, describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from './protocol';
import { SimulationHost } from './simulationHost';
import { preloadDeferredModules } from './deferredModules';

// kubectl and the concept scenarios load lazily in the worker; here, up front, so the host answers at once.
beforeAll(preloadDeferredModules);

function harness() {
  const sent: FromWorker[] = [];
  let real = 0;
  const host = new SimulationHost({ post: (m) => sent.push(m), realNow: () => real });
  let id = 0;
  const send = (msg: Record<string, unknown> & { type: ToWorker['type'] }) => {
    const reqId = ++id;
    host.handle({ ...msg, id: reqId } as ToWorker);
    const reply = sent.find((m) => m.type === 'reply' && m.id === reqId);
    if (!reply || reply.type !== 'reply') throw new Error('no reply');
    return reply;
  };
  const lastFaults = () => [...sent].reverse().find((m) => m.type === 'faults');
  const frame = (ms: number) => {
    real += ms;
    host.frame();
  };
  return { sent, send, lastFaults, frame };
}

describe('inject request (failure injection through the worker)', () => {
  it('etcd keeps quorum with 2 of 3 members and loses it with 1 (the worker says so; the page does not work it out)', () => {
    const h = harness();
    h.send({ type: 'init' });
    const etcd = () => {
      const f = h.lastFaults();
      return f?.type === 'faults' ? f.status.etcd : undefined;
    };
    expect(etcd()).toEqual({ running: 3, total: 3, quorum: true });
    h.send({ type: 'inject', fault: 'stop', target: 'etcd-1' });
    expect(etcd()).toEqual({ running: 2, total: 3, quorum: true });
    h.send({ type: 'inject', fault: 'stop', target: 'etcd-2' });
    expect(etcd()).toEqual({ running: 1, total: 3, quorum: false });
  });

  it('init posts the control plane with every process running and no fault', () => {
    const h = harness();
    h.send({ type: 'init' });
    const f = h.lastFaults();
    expect(f?.type === 'faults' && f.status.active).toEqual([]);
    expect(f?.type === 'faults' && f.status.components.map((c) => `${c.name}:${c.running}`)).toEqual([
      'kube-scheduler:true',
      'kube-controller-manager:true',
      'kube-apiserver:true',
      'etcd-0:true',
      'etcd-1:true',
      'etcd-2:true',
    ]);
  });

  it('stop kube-scheduler replies ok and posts it stopped with an active stop fault', () => {
    const h = harness();
    h.send({ type: 'init' });
    const reply = h.send({ type: 'inject', fault: 'stop', target: 'kube-scheduler' });
    expect(reply.ok && reply.result).toMatchObject({ ok: true });
    const f = h.lastFaults();
    if (f?.type !== 'faults') throw new Error('no faults message');
    expect(f.status.components.find((c) => c.name === 'kube-scheduler')?.running).toBe(false);
    expect(f.status.active.map((a) => `${a.fault} ${a.target}`)).toEqual(['stop kube-scheduler']);
  });

  it('node-down then node-up: the node is in the active list, then not', () => {
    const h = harness();
    h.send({ type: 'init' });
    h.send({ type: 'inject', fault: 'node-down', target: 'worker-1' });
    let f = h.lastFaults();
    expect(f?.type === 'faults' && f.status.active.map((a) => a.fault)).toEqual(['node-down']);
    h.send({ type: 'inject', fault: 'node-up', target: 'worker-1' });
    f = h.lastFaults();
    expect(f?.type === 'faults' && f.status.active).toEqual([]);
  });

  it('a pod that does not exist is a clear error in the reply, not a crash', () => {
    const h = harness();
    h.send({ type: 'init' });
    const reply = h.send({ type: 'inject', fault: 'kill-container', target: 'default/nope' });
    expect(reply.ok).toBe(true);
    expect(reply.ok && reply.result).toEqual({ ok: false, error: 'pod "nope" not found in namespace "default"', code: 'pod-not-found', params: { pod: 'nope', namespace: 'default' } });
  });

  it('an unknown option is refused by the engine', () => {
    const h = harness();
    h.send({ type: 'init' });
    const reply = h.send({ type: 'inject', fault: 'node-down', target: 'worker-1', options: { percent: 5 } });
    expect(reply.ok && (reply.result as { ok: boolean }).ok).toBe(false);
  });

  it('the faults message is not repeated when nothing changed', () => {
    const h = harness();
    h.send({ type: 'init' });
    h.send({ type: 'inject', fault: 'stop', target: 'kube-scheduler' });
    const count = h.sent.filter((m) => m.type === 'faults').length;
    h.frame(100);
    h.frame(100);
    expect(h.sent.filter((m) => m.type === 'faults').length).toBe(count);
  });
});

describe('chaos request (chaos mode through the worker)', () => {
  it('start replies ok, the faults message shows chaos on with its seed; time passing posts what it did', () => {
    const h = harness();
    h.send({ type: 'init' });
    let f = h.lastFaults();
    expect(f?.type === 'faults' && f.status.chaos).toMatchObject({ running: false, seed: 1, rate: 1 });
    const reply = h.send({ type: 'chaos', action: 'start', rate: 8, seed: 42 });
    expect(reply.ok && reply.result).toMatchObject({ ok: true, status: { running: true, rate: 8, seed: 42 } });
    f = h.lastFaults();
    expect(f?.type === 'faults' && f.status.chaos?.running).toBe(true);
    h.send({ type: 'clock', command: { action: 'step', ms: 120_000 } });
    f = h.lastFaults();
    if (f?.type !== 'faults') throw new Error('no faults message');
    const injected = f.status.chaos!.log.filter((e) => e.action === 'inject');
    expect(injected.length).toBeGreaterThan(3);
    expect(f.status.chaos!.nextAtMs).toBeGreaterThan(Date.parse('2026-01-01T00:02:00Z'));
  });

  it('a snapshot restores chaos running with the same seed and history; stop turns it off', () => {
    const h = harness();
    h.send({ type: 'init' });
    h.send({ type: 'chaos', action: 'start', rate: 4, seed: 9 });
    h.send({ type: 'clock', command: { action: 'step', ms: 60_000 } });
    const snap = h.send({ type: 'snapshot' });
    const before = h.lastFaults();
    h.send({ type: 'restore', snapshot: snap.ok ? snap.result : undefined });
    const after = h.lastFaults();
    expect(after?.type === 'faults' && after.status.chaos).toEqual(before?.type === 'faults' && before.status.chaos);
    const stopped = h.send({ type: 'chaos', action: 'stop' });
    expect(stopped.ok && stopped.result).toMatchObject({ ok: true, status: { running: false } });
    const again = h.send({ type: 'chaos', action: 'stop' });
    expect(again.ok && again.result).toEqual({ ok: false, error: 'chaos is not on' });
  });

  it('bad settings are a clear error in the reply', () => {
    const h = harness();
    h.send({ type: 'init' });
    const reply = h.send({ type: 'chaos', action: 'start', rate: 'fast' });
    expect(reply.ok && reply.result).toEqual({ ok: false, error: 'chaos rate must be a number of faults per minute above 0 and at most 60, not "fast"' });
  });
});
