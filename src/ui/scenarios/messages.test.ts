import { describe, expect, it } from 'vitest';
import { CONCEPTS } from '../../engine/concepts';
import { SCENARIO_MENU } from '../../engine/concepts/catalog';
import type { ConceptModel, ConceptView } from '../../engine/concepts/types';
import { conceptsEn, conceptsKo } from './messages';
import { scenarioTextsEn, scenarioTextsKo } from './scenarioTexts';

type Tree = { [key: string]: unknown };

/** i18next's lookup: dots separate levels (so `lane.vms` is `lane` → `vms`). */
function lookup(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Tree)[part] : undefined), tree);
}

/** Plays a scenario a little (each knob turned, each action run) and returns every view seen. */
function playThrough(model: ConceptModel): ConceptView[] {
  const views: ConceptView[] = [model.view()];
  const tick = () => {
    for (let t = 0; t < 30_000; t += 100) model.advance(100);
    views.push(model.view());
  };
  tick();
  for (const a of model.actions) {
    model.act(a.id);
    tick();
  }
  for (const k of model.knobs) {
    if (k.kind === 'number') model.setKnob(k.id, Math.min(k.max, k.default * 4));
    else if (k.kind === 'boolean') model.setKnob(k.id, !k.default);
    else model.setKnob(k.id, k.options.find((o) => o !== k.default) ?? k.default);
    tick();
  }
  return views;
}

describe('every code a scenario emits has words in English and Korean', () => {
  for (const id of SCENARIO_MENU) {
    it(id, () => {
      const model = CONCEPTS[id]!({ seed: 1 });
      const views = playThrough(model);
      const keys = new Set<string>([`title`, `summary`]);
      for (const k of model.knobs) {
        keys.add(`knobs.${k.id}`);
        if (k.kind === 'choice') for (const o of k.options) keys.add(`knobOptions.${k.id}.${o}`);
      }
      for (const a of model.actions) keys.add(`actions.${a.id}`);
      const shared = new Set<string>();
      for (const v of views) {
        for (const n of v.nodes) {
          if (n.label.startsWith('label:')) keys.add(`labels.${n.label.slice(6)}`);
          for (const f of Object.keys(n.facts ?? {})) keys.add(`facts.${f}`);
          // Pulses are looked up as the page does: the scenario's own table first, then the shared one.
          if (n.pulse) keys.add(`pulse.${n.pulse}`);
          shared.add(`kinds.${n.kind}`);
          if (n.health) shared.add(`health.${n.health}`);
        }
        for (const m of v.metrics) keys.add(`metrics.${m.id}`);
        for (const l of v.log) keys.add(`log.${l.code}`);
      }
      for (const [lang, tree, texts] of [
        ['en', conceptsEn, scenarioTextsEn],
        ['ko', conceptsKo, scenarioTextsKo],
      ] as const) {
        const own = (texts as Tree)[id];
        for (const key of keys) {
          const found = lookup(own, key) ?? lookup(tree, key);
          expect(found, `${lang}: concepts.scenarios.${id}.${key}`).toBeTruthy();
        }
        for (const key of shared) expect(lookup(tree, key), `${lang}: concepts.${key}`).toBeTruthy();
        expect(Array.isArray(lookup(own, 'tryList')) && Array.isArray(lookup(own, 'explanation')), `${lang}: ${id} explanation`).toBe(true);
      }
    });
  }
});
