import { describe, expect, it } from 'vitest';
import type { ConceptResult } from '../engine/concepts/types';
import type { ConceptOpened } from './conceptSession';
import type { FromWorker, ToWorker } from './protocol';
import { SimulationHost } from './simulationHost';

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
  const frame = (realMs: number) => {
    real += realMs;
    host.frame();
  };
  const views = () => sent.filter((m): m is Extract<FromWorker, { type: 'concept' }> => m.type === 'concept').map((m) => m.view);
  return { host, sent, send, frame, views, clear: () => sent.splice(0) };
}

describe('concept scenarios in the worker', () => {
  it('opening a scenario answers its controls and first view; the cluster then waits while the scenario runs', () => {
    const h = harness();
    h.send({ type: 'init' });
    h.frame(100);
    const clusterNow = h.host.clockState.now;
    const reply = h.send({ type: 'conceptOpen', concept: 'eras', seed: 3 });
    expect(reply.ok).toBe(true);
    const opened = (reply.ok ? reply.result : undefined) as ConceptOpened;
    expect(opened.id).toBe('eras');
    expect(opened.knobs.map((k) => k.id)).toContain('guestOsMemoryGiB');
    expect(opened.view.nowMs).toBe(0);
    h.clear();
    for (let i = 0; i < 10; i++) h.frame(100);
    expect(h.host.clockState.now).toBe(clusterNow);
    // At most one view per frame (here every 100 ms of real time), and time moved in it.
    expect(h.views().length).toBe(10);
    expect(h.views().at(-1)!.nowMs).toBe(1000);
    expect(h.sent.some((m) => m.type === 'patches')).toBe(false);
  });

  it('a paused scenario posts nothing per frame; step advances the scenario, not the cluster', () => {
    const h = harness();
    h.send({ type: 'init', running: false });
    const clusterNow = h.host.clockState.now;
    h.send({ type: 'conceptOpen', concept: 'eras' });
    h.clear();
    for (let i = 0; i < 5; i++) h.frame(33);
    expect(h.views()).toEqual([]);
    h.send({ type: 'clock', command: { action: 'step' } });
    expect(h.views().at(-1)!.nowMs).toBe(1000);
    expect(h.host.clockState.now).toBe(clusterNow);
  });

  it('a knob is answered and its new view follows at once; a bad value is refused with a code and no view', () => {
    const h = harness();
    h.send({ type: 'init', running: false });
    h.send({ type: 'conceptOpen', concept: 'eras' });
    h.clear();
    const ok = h.send({ type: 'conceptKnob', knob: 'apps', value: 20 });
    expect(ok.ok && (ok.result as ConceptResult)).toEqual({ ok: true });
    expect(h.views().at(-1)!.knobs.apps).toBe(20);
    h.clear();
    const bad = h.send({ type: 'conceptKnob', knob: 'apps', value: -1 });
    expect(bad.ok && (bad.result as ConceptResult)).toMatchObject({ ok: false, code: 'knob.outOfRange' });
    expect(h.views()).toEqual([]);
  });

  it('closing returns time to the cluster, exactly where it stopped', () => {
    const h = harness();
    h.send({ type: 'init' });
    h.frame(100);
    const before = h.host.clockState.now;
    h.send({ type: 'conceptOpen', concept: 'eras' });
    for (let i = 0; i < 20; i++) h.frame(100);
    h.send({ type: 'conceptClose' });
    expect(h.host.clockState.now).toBe(before);
    h.frame(100);
    expect(h.host.clockState.now).toBe(before + 100);
  });

  it('an unknown scenario is an error reply, and knobs without an open scenario are too', () => {
    const h = harness();
    h.send({ type: 'init' });
    const r = h.send({ type: 'conceptOpen', concept: 'teleport' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('teleport');
    const k = h.send({ type: 'conceptKnob', knob: 'apps', value: 3 });
    expect(k.ok).toBe(false);
  });
});
