/** The fault catalogue holds together, and the engine's own readers (parser, injector, chaos) follow it. */
import { describe, expect, it } from 'vitest';
import { CHAOS_KINDS } from './chaos';
import { CRASH_AFTER_MS, FAULT_CATALOGUE, FAULT_NAMES, FAULT_OPTIONS, KILL_EXIT_CODE, OOM_RAMP_MS, faultOption, faultSpec } from './catalogue';
import { normalizeFault, parseFaultCommand } from './parseFault';
import { clusterWithWeb, webPods } from '../testing/faultCluster';

describe('fault catalogue', () => {
  it('has one record per fault, in the order usage lines list them', () => {
    expect(FAULT_CATALOGUE.map((s) => s.name)).toEqual(FAULT_NAMES);
    expect(new Set(FAULT_NAMES).size).toBe(FAULT_NAMES.length);
  });

  it('every undo is a fault that restores, and every restoring fault undoes something', () => {
    for (const spec of FAULT_CATALOGUE) {
      if (spec.undo) expect(faultSpec(spec.undo).restores, `${spec.name} → ${spec.undo}`).toBe(true);
      if (spec.restores) expect(FAULT_CATALOGUE.some((s) => s.undo === spec.name), spec.name).toBe(true);
    }
  });

  it("an undo acts on the same kind of target as the fault it ends (heal takes any of them)", () => {
    for (const spec of FAULT_CATALOGUE) {
      if (!spec.undo || spec.undo === 'heal') continue;
      expect(faultSpec(spec.undo).target, spec.name).toBe(spec.target);
    }
  });

  it('defaults and suggestions lie within their ranges', () => {
    for (const spec of FAULT_CATALOGUE) {
      for (const o of spec.options) {
        for (const value of [o.default, o.suggested]) {
          if (value === undefined) continue;
          expect(value, `${spec.name}.${o.name}`).toBeGreaterThanOrEqual(o.min ?? 0);
          expect(value, `${spec.name}.${o.name}`).toBeLessThanOrEqual(o.max ?? Infinity);
        }
      }
    }
  });

  it('FAULT_OPTIONS is the catalogue’s option names', () => {
    for (const spec of FAULT_CATALOGUE) expect(FAULT_OPTIONS[spec.name]).toEqual(spec.options.map((o) => o.name));
  });

  it('chaos only injects faults the catalogue knows', () => {
    for (const kind of CHAOS_KINDS) expect(FAULT_NAMES).toContain(kind);
  });
});

describe('the parser checks options against the catalogue', () => {
  it.each([
    { name: 'exit code at the top of its range', words: ['kill-container', 'web', 'exit=255'], ok: true },
    { name: 'exit code above its range', words: ['kill-container', 'web', 'exit=256'], ok: false, code: 'bad-exit-code' },
    { name: 'crash delay at the bottom of its range', words: ['crashloop', 'web', 'after=1s'], ok: true },
    { name: 'crash delay below its range', words: ['crashloop', 'web', 'after=500ms'], ok: false, code: 'after-out-of-range' },
    { name: 'oom ramp of an hour', words: ['oom', 'web', 'after=1h'], ok: true },
    { name: 'oom ramp past an hour', words: ['oom', 'web', 'after=2h'], ok: false, code: 'after-out-of-range' },
    { name: 'CPU load of 1000%', words: ['cpu-load', 'web', '1000'], ok: true },
    { name: 'CPU load past 1000%', words: ['cpu-load', 'web', '1001'], ok: false, code: 'percent-out-of-range' },
  ])('$name', ({ words, ok, code }) => {
    const r = parseFaultCommand(words);
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(r.code).toBe(code);
  });

  it('an out-of-range value says the range, in words the CLI prints', () => {
    expect(normalizeFault({ fault: 'oom', target: 'web', afterMs: '2h' })).toMatchObject({ ok: false, error: 'option after must be from 1s to 3600s, not "2h"' });
    expect(normalizeFault({ fault: 'cpu-load', target: 'web', percent: 5000 })).toMatchObject({ ok: false, error: 'CPU load must be from 0% to 1000% of the request, not "5000"' });
  });
});

describe('the injector uses the catalogue’s defaults', () => {
  it('kill-container without an exit code exits with the catalogue’s default', () => {
    const c = clusterWithWeb();
    const r = c.inject({ fault: 'kill-container', target: webPods(c)[0]!.metadata.name });
    expect(r.ok && r.message).toContain(`(exit code ${KILL_EXIT_CODE})`);
    expect(faultOption('kill-container', 'exitCode')?.default).toBe(KILL_EXIT_CODE);
  });

  it('the delays the catalogue states are the injector’s', () => {
    expect(faultOption('crashloop', 'afterMs')?.default).toBe(CRASH_AFTER_MS);
    expect(faultOption('oom', 'afterMs')?.default).toBe(OOM_RAMP_MS);
  });
});
