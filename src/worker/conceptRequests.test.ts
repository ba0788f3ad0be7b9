import { describe, expect, it } from 'vitest';
import type { FromWorker } from './protocol';
import { hostHarness } from './hostHarness';

function views(sent: FromWorker[]) {
  return sent.filter((m): m is Extract<FromWorker, { type: 'concept' }> => m.type === 'concept').map((m) => m.view);
}

describe('concept scenarios in the worker', () => {
  it('opening a scenario answers its controls and first view; the cluster then waits while the scenario runs', () => {
    const h = hostHarness();
    h.call({ type: 'init' });
    h.frame(100);
    const clusterNow = h.host.clockState.now;
    const opened = h.call({ type: 'conceptOpen', concept: 'eras', seed: 3 });
    expect(opened.id).toBe('eras');
    expect(opened.knobs.map((k) => k.id)).toContain('guestOsMemoryGiB');
    expect(opened.view.nowMs).toBe(0);
    h.sent.splice(0);
    for (let i = 0; i < 10; i++) h.frame(100);
    expect(h.host.clockState.now).toBe(clusterNow);
    // At most one view per frame (here every 100 ms of real time), and time moved in it.
    expect(views(h.sent).length).toBe(10);
    expect(views(h.sent).at(-1)!.nowMs).toBe(1000);
    expect(h.sent.some((m) => m.type === 'patches')).toBe(false);
  });

  it('views are sent at most every 100 ms of real time, however fast the frames come', () => {
    const h = hostHarness();
    h.call({ type: 'init' });
    h.call({ type: 'conceptOpen', concept: 'eras' });
    h.sent.splice(0);
    for (let i = 0; i < 30; i++) h.frame(33);
    expect(views(h.sent).length).toBeLessThanOrEqual(10);
    expect(views(h.sent).length).toBeGreaterThanOrEqual(7);
  });

  it('a paused scenario posts nothing per frame; step advances the scenario, not the cluster', () => {
    const h = hostHarness();
    h.call({ type: 'init', running: false });
    const clusterNow = h.host.clockState.now;
    h.call({ type: 'conceptOpen', concept: 'eras' });
    h.sent.splice(0);
    for (let i = 0; i < 5; i++) h.frame(33);
    expect(views(h.sent)).toEqual([]);
    h.call({ type: 'clock', command: { action: 'step' } });
    expect(views(h.sent).at(-1)!.nowMs).toBe(1000);
    expect(h.host.clockState.now).toBe(clusterNow);
  });

  it('a knob is answered and its new view follows at once; a bad value is refused with a code and no view', () => {
    const h = hostHarness();
    h.call({ type: 'init', running: false });
    h.call({ type: 'conceptOpen', concept: 'eras' });
    h.sent.splice(0);
    expect(h.call({ type: 'conceptKnob', knob: 'apps', value: 20 })).toEqual({ ok: true });
    expect(views(h.sent).at(-1)!.knobs.apps).toBe(20);
    h.sent.splice(0);
    expect(h.call({ type: 'conceptKnob', knob: 'apps', value: -1 })).toMatchObject({ ok: false, code: 'knob.outOfRange' });
    expect(views(h.sent)).toEqual([]);
  });

  it('closing returns time to the cluster, exactly where it stopped', () => {
    const h = hostHarness();
    h.call({ type: 'init' });
    h.frame(100);
    const before = h.host.clockState.now;
    h.call({ type: 'conceptOpen', concept: 'eras' });
    for (let i = 0; i < 20; i++) h.frame(100);
    h.call({ type: 'conceptClose' });
    expect(h.host.clockState.now).toBe(before);
    h.frame(100);
    expect(h.host.clockState.now).toBe(before + 100);
  });

  it('an unknown scenario is an error reply, and knobs without an open scenario are too', () => {
    const h = hostHarness();
    h.call({ type: 'init' });
    const r = h.reply({ type: 'conceptOpen', concept: 'teleport' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toContain('teleport');
    expect(h.reply({ type: 'conceptKnob', knob: 'apps', value: 3 }).ok).toBe(false);
  });
});
