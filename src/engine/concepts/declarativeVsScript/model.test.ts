import { describe, expect, it } from 'vitest';
import type { ConceptView } from '../types';
import { DeclarativeVsScriptModel } from './model';
import { converged, staleBackends } from './world';

function metric(view: ConceptView, id: string, lane?: string) {
  return view.metrics.find((m) => m.id === id && m.lane === lane)?.value;
}

function model(knobs: Record<string, number | boolean | string> = {}): DeclarativeVsScriptModel {
  const m = new DeclarativeVsScriptModel(1);
  for (const [k, v] of Object.entries(knobs)) expect(m.setKnob(k, v)).toEqual({ ok: true });
  return m;
}

describe('declarative vs scripted', () => {
  it('with no fault, both reach the goal', () => {
    const m = model({ outageAtStep: 'none' });
    m.act('run');
    m.advance(60_000);
    expect(m.scriptStatus().state).toBe('done');
    expect(converged(m.world('script'), 3)).toBe(true);
    expect(converged(m.world('loops'), 3)).toBe(true);
  });

  it('an outage at step C: the script leaves a half-done state where the loops converge', () => {
    const m = model({ outageAtStep: 'C', outageSeconds: 8 });
    m.act('run');
    m.advance(120_000);
    expect(m.scriptStatus()).toMatchObject({ state: 'failed', step: 'C', reason: 'outage' });
    const half = m.world('script');
    expect(half.network).toBe(true);
    expect(half.database).toBe('running');
    expect(half.web.length).toBeGreaterThan(0);
    expect(half.web.length).toBeLessThan(3);
    expect(half.lb).toEqual([]);
    expect(converged(m.world('loops'), 3)).toBe(true);
    const v = m.view();
    expect(metric(v, 'goalsMet', 'script')).toBe('2/4');
    expect(metric(v, 'goalsMet', 'loops')).toBe('4/4');
  });

  it('running the plain script again fails at once: its first command finds the network already there', () => {
    const m = model({ outageAtStep: 'C' });
    m.act('run');
    m.advance(60_000);
    m.act('run');
    m.advance(60_000);
    expect(m.scriptStatus()).toMatchObject({ state: 'failed', step: 'A', reason: 'alreadyExists' });
  });

  it.each([
    { start: 'empty', scriptGoals: '4/4' },
    { start: 'half-done', scriptGoals: '2/4' },
    { start: 'drifted', scriptGoals: '2/4' },
  ])('from a $start start the loops converge; the plain script reaches $scriptGoals', ({ start, scriptGoals }) => {
    const m = model({ start, outageAtStep: 'none' });
    m.act('run');
    m.advance(90_000);
    expect(converged(m.world('loops'), 3)).toBe(true);
    expect(metric(m.view(), 'goalsMet', 'script')).toBe(scriptGoals);
  });

  it('a careful (idempotent) script gets past existing parts but never removes what is too much', () => {
    const m = model({ start: 'drifted', outageAtStep: 'none', idempotentScript: true });
    m.act('run');
    m.advance(90_000);
    expect(m.scriptStatus().state).toBe('done');
    expect(m.world('script').web).toHaveLength(5);
    expect(converged(m.world('script'), 3)).toBe(false);
    expect(converged(m.world('loops'), 3)).toBe(true);
  });

  it.each([
    { fault: 'crashWeb', scriptStale: 1 },
    { fault: 'crashDb', scriptStale: 0 },
  ])('after a $fault fault, the loops heal and the finished script does not notice', ({ fault, scriptStale }) => {
    const m = model({ outageAtStep: 'none' });
    m.act('run');
    m.advance(60_000);
    expect(m.act(fault)).toEqual({ ok: true });
    m.advance(60_000);
    expect(converged(m.world('loops'), 3)).toBe(true);
    expect(converged(m.world('script'), 3)).toBe(false);
    expect(staleBackends(m.world('script'))).toHaveLength(scriptStale);
    expect(m.view().log.filter((l) => l.code === 'declarative.converged.loops')).toHaveLength(2);
  });

  it('more replicas: the loops follow the new desired state, the script does not', () => {
    const m = model({ outageAtStep: 'none' });
    m.act('run');
    m.advance(60_000);
    m.setKnob('replicas', 5);
    m.advance(30_000);
    expect(m.world('loops').web).toHaveLength(5);
    expect(m.world('script').web).toHaveLength(3);
  });

  it.each([
    { knob: 'replicas', value: 0, code: 'knob.outOfRange' },
    { knob: 'replicas', value: 1000, code: 'knob.outOfRange' },
    { knob: 'outageSeconds', value: 'ten', code: 'knob.notNumber' },
    { knob: 'idempotentScript', value: 'yes', code: 'knob.notBoolean' },
    { knob: 'start', value: 'chaos', code: 'knob.notChoice' },
  ])('refuses $knob = $value', ({ knob, value, code }) => {
    const m = model();
    expect(m.setKnob(knob, value)).toMatchObject({ ok: false, code });
  });

  it('refuses a fault with nothing to hit, and an unknown fault', () => {
    const m = model();
    expect(m.act('crashWeb')).toMatchObject({ ok: false, code: 'declarative.nothingToCrashWeb' });
    expect(m.act('meteor')).toMatchObject({ ok: false, code: 'action.unknown' });
  });

  it('is deterministic', () => {
    const run = () => {
      const m = model({ start: 'half-done' });
      m.act('run');
      m.advance(7_000);
      m.act('outage');
      m.advance(40_000);
      return m.view();
    };
    expect(run()).toEqual(run());
  });
});
