/**
 * Every code the image-layers, monolith-vs-microservices and declarative-vs-script models emit (labels,
 * fact keys, metric ids, log and refusal codes, knobs, options, actions) has words in English and Korean.
 * The models are driven through their actions so that the codes come from the models themselves.
 */
import { describe, expect, it } from 'vitest';
import { DeclarativeVsScriptModel } from '../../../engine/concepts/declarativeVsScript/model';
import { ImageLayersModel } from '../../../engine/concepts/imageLayers/model';
import { MonolithVsMicroservicesModel } from '../../../engine/concepts/monolithVsMicroservices/model';
import type { ConceptModel, ConceptResult } from '../../../engine/concepts/types';
import { declarativeVsScriptEn, declarativeVsScriptKo } from './declarativeVsScript';
import { imageLayersEn, imageLayersKo } from './imageLayers';
import { monolithVsMicroservicesEn, monolithVsMicroservicesKo } from './monolithVsMicroservices';

/** Codes the generic tables of the scenario page translate (`concepts.refusals.knob.*`, `action.unknown`). */
const SHARED_REFUSALS = new Set(['knob.unknown', 'knob.notNumber', 'knob.outOfRange', 'knob.notBoolean', 'knob.notChoice', 'action.unknown']);

function lookup(table: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), table);
}

interface Collected {
  labels: Set<string>;
  facts: Set<string>;
  metrics: Set<string>;
  log: Set<string>;
  refusals: Set<string>;
  pulses: Set<string>;
}

function collector(): Collected & { see(model: ConceptModel): void; result(r: ConceptResult): void } {
  const c: Collected = { labels: new Set(), facts: new Set(), metrics: new Set(), log: new Set(), refusals: new Set(), pulses: new Set() };
  return {
    ...c,
    see(model) {
      const v = model.view();
      for (const n of v.nodes) {
        if (n.label.startsWith('label:')) c.labels.add(n.label.slice('label:'.length));
        for (const k of Object.keys(n.facts ?? {})) c.facts.add(k);
        if (n.pulse) c.pulses.add(n.pulse);
      }
      for (const m of v.metrics) c.metrics.add(m.id);
      for (const l of v.log) c.log.add(l.code);
    },
    result(r) {
      if (!r.ok && !SHARED_REFUSALS.has(r.code)) c.refusals.add(r.code);
    },
  };
}

type Step = [kind: 'act', action: string] | [kind: 'knob', id: string, value: number | boolean | string] | [kind: 'wait', ms: number];

function drive(model: ConceptModel, steps: Step[]): Collected {
  const c = collector();
  for (const a of model.actions) c.result(model.act(a.id));
  c.see(model);
  for (const step of steps) {
    if (step[0] === 'act') c.result(model.act(step[1]));
    else if (step[0] === 'knob') c.result(model.setKnob(step[1], step[2]));
    else {
      for (let t = 0; t < step[1]; t += 500) {
        model.advance(500);
        c.see(model);
      }
    }
    c.see(model);
  }
  return c;
}

function checkWords(table: Record<string, unknown>, model: ConceptModel, c: Collected, lang: string): string[] {
  const missing: string[] = [];
  const need = (path: string) => {
    const v = lookup(table, path);
    if (typeof v !== 'string' || v.trim() === '') missing.push(`${lang}: ${path}`);
  };
  need('title');
  need('summary');
  for (const key of ['explanation', 'tryList']) if (!Array.isArray(table[key]) || (table[key] as unknown[]).length === 0) missing.push(`${lang}: ${key}`);
  for (const k of model.knobs) {
    need(`knobs.${k.id}`);
    // Names (an image, a node, a module) are shown as they are; words need a translation.
    if (k.kind === 'choice' && lookup(table, `knobOptions.${k.id}`) !== undefined) for (const o of k.options) need(`knobOptions.${k.id}.${o}`);
  }
  for (const a of model.actions) need(`actions.${a.id}`);
  for (const l of c.labels) need(`labels.${l}`);
  for (const f of c.facts) need(`facts.${f}`);
  for (const m of c.metrics) need(`metrics.${m}`);
  for (const l of c.log) need(`log.${l}`);
  for (const r of c.refusals) need(`refusals.${r}`);
  return missing;
}

const scenarios: Array<{ name: string; make: () => ConceptModel; steps: Step[]; en: Record<string, unknown>; ko: Record<string, unknown> }> = [
  {
    name: 'image-layers',
    make: () => new ImageLayersModel(1),
    en: imageLayersEn,
    ko: imageLayersKo,
    steps: [
      ['act', 'build'], ['act', 'build'], ['wait', 500], ['act', 'push'], ['wait', 20_000], ['act', 'push'], ['wait', 20_000], ['act', 'pull'], ['act', 'pull'], ['wait', 20_000],
      ['act', 'run'], ['act', 'run'], ['act', 'run'], ['act', 'write'], ['act', 'write'], ['act', 'editCode'], ['act', 'deploy'],
      ['knob', 'installMethod', 'by-hand'], ['act', 'deploy'], ['knob', 'node', 'node-2'], ['act', 'run'],
    ],
  },
  {
    name: 'declarative-vs-script',
    make: () => new DeclarativeVsScriptModel(1),
    en: declarativeVsScriptEn,
    ko: declarativeVsScriptKo,
    steps: [
      ['act', 'run'], ['act', 'run'], ['wait', 40_000], ['act', 'run'], ['wait', 5_000], ['act', 'crashWeb'], ['act', 'crashDb'], ['act', 'outage'], ['act', 'outage'], ['wait', 30_000],
      ['knob', 'start', 'drifted'], ['act', 'run'], ['wait', 30_000], ['knob', 'outageAtStep', 'B'], ['knob', 'start', 'empty'], ['act', 'run'], ['wait', 10_000],
      ['knob', 'start', 'half-done'], ['act', 'reset'], ['knob', 'start', 'drifted'], ['act', 'reset'], ['knob', 'start', 'empty'], ['act', 'reset'],
    ],
  },
  {
    name: 'monolith-vs-microservices',
    make: () => new MonolithVsMicroservicesModel(1),
    en: monolithVsMicroservicesEn,
    ko: monolithVsMicroservicesKo,
    steps: [
      ['act', 'spike'], ['act', 'spike'], ['wait', 30_000], ['act', 'calm'], ['act', 'fail'], ['act', 'fail'], ['wait', 10_000], ['act', 'recover'], ['act', 'upgradeLibrary'], ['act', 'upgradeLibrary'],
      ['knob', 'monolithScaling', 'up'], ['knob', 'maxMachineCores', 2], ['knob', 'spikeFactor', 20], ['act', 'spike'], ['wait', 70_000], ['knob', 'monolithScaling', 'out'], ['wait', 5_000],
    ],
  },
];

describe('concept models: every code has words in both languages', () => {
  it.each(scenarios)('$name', ({ make, steps, en, ko }) => {
    const model = make();
    const c = drive(model, steps);
    // The drive reaches the interesting states (guards against a test that checks nothing).
    expect(c.log.size).toBeGreaterThan(8);
    expect(c.refusals.size).toBeGreaterThan(1);
    expect([...checkWords(en, model, c, 'en'), ...checkWords(ko, model, c, 'ko')]).toEqual([]);
  });
});
