import { describe, expect, it } from 'vitest';
import type { ConceptMetric, ConceptView } from '../types';
import { ImageLayersModel, SETTINGS_FILE } from './model';
import { layersOf, type RecipeInput } from './recipe';

function metric(view: ConceptView, id: string, lane?: string): ConceptMetric['value'] | undefined {
  return view.metrics.find((m) => m.id === id && m.lane === lane)?.value;
}

function ok(result: { ok: boolean }): void {
  expect(result).toEqual({ ok: true });
}

/** Builds, pushes and pulls onto `node`, letting virtual time pass between the steps. */
function buildPushPull(m: ImageLayersModel, node: string): void {
  ok(m.act('build'));
  m.advance(60_000);
  ok(m.act('push'));
  m.advance(60_000);
  ok(m.setKnob('node', node));
  ok(m.act('pull'));
  m.advance(60_000);
}

const recipe: RecipeInput = { base: 'debian-slim', runtime: 'python', dependenciesMb: 60, appMb: 4, codeRevision: 1 };
const digests = (r: RecipeInput) => layersOf(r).flatMap((b) => b.layers.map((l) => l.digest));

describe('image layers: the recipe', () => {
  it.each([
    { name: 'an edit to the code changes only the top layer', change: { codeRevision: 2 }, same: 4 },
    { name: 'other dependencies change their layer and every layer above it', change: { dependenciesMb: 80 }, same: 2 },
    { name: 'another base changes every layer', change: { base: 'alpine' as const }, same: 0 },
  ])('$name', ({ change, same }) => {
    const a = digests(recipe);
    const b = digests({ ...recipe, ...change });
    expect(a).toHaveLength(5);
    const shared = a.filter((d, i) => b[i] === d).length;
    expect(shared).toBe(same);
  });

  it('CMD adds no layer; the base brings the public image’s own layer digests', () => {
    const steps = layersOf(recipe);
    expect(steps.find((s) => s.step.id === 'cmd')!.layers).toEqual([]);
    expect(steps[0]!.step.instruction).toBe('FROM debian:12-slim');
    expect(steps[0]!.layers).toHaveLength(1);
  });
});

describe('image layers: build, push, pull', () => {
  it('a first pull downloads every layer; the base layer is mounted from the public image, not uploaded', () => {
    const m = new ImageLayersModel(1);
    buildPushPull(m, 'node-1');
    const v = m.view();
    expect(metric(v, 'cachedLayers', 'node-1')).toBe(0);
    const pushed = v.log.find((l) => l.code === 'imageLayers.pushed');
    expect(pushed?.params).toMatchObject({ uploaded: 4, mounted: 1 });
  });

  it('a second image on the same base pulls only its own layers, and faster', () => {
    const m = new ImageLayersModel(1);
    buildPushPull(m, 'node-1');
    const first = m.view();
    const firstMs = metric(first, 'pullMs', 'node-1') as number;
    ok(m.setKnob('runtime', 'node'));
    buildPushPull(m, 'node-1');
    const second = m.view();
    // debian:12-slim's layer is already on node-1; the node runtime's four layers travel.
    expect(metric(second, 'cachedLayers', 'node-1')).toBe(1);
    expect(second.log.filter((l) => l.code === 'imageLayers.pulled').pop()?.params).toMatchObject({ cached: 1 });
    // The same image pulled onto a fresh node downloads everything: the saving is the node's cache.
    ok(m.setKnob('node', 'node-2'));
    ok(m.act('pull'));
    m.advance(60_000);
    const fresh = m.view();
    expect(metric(fresh, 'cachedLayers', 'node-2')).toBe(0);
    expect(metric(fresh, 'pullMs', 'node-2') as number).toBeGreaterThan(metric(fresh, 'pullMs', 'node-1') as number);
    expect(firstMs).toBeGreaterThan(0);
  });

  it('after a code edit, the rebuild reuses the cache and the push and pull move only the app layer', () => {
    const m = new ImageLayersModel(1);
    buildPushPull(m, 'node-1');
    ok(m.act('editCode'));
    buildPushPull(m, 'node-1');
    const v = m.view();
    expect(v.log.filter((l) => l.code === 'imageLayers.stepCached').length).toBeGreaterThanOrEqual(4);
    expect(v.log.filter((l) => l.code === 'imageLayers.pushed').pop()?.params).toMatchObject({ uploaded: 1 });
    expect(metric(v, 'cachedLayers', 'node-1')).toBe(4);
    expect(metric(v, 'imageTag')).toBe('shop:1.1');
  });

  it.each([
    { name: 'push before any build', steps: ['push'], code: 'imageLayers.notBuilt' },
    { name: 'pull before the push', steps: ['build', 'pull'], code: 'imageLayers.notPushed' },
    { name: 'run on a node without the image', steps: ['run'], code: 'imageLayers.notPulled' },
    { name: 'a write with no container', steps: ['write'], code: 'imageLayers.noContainer' },
    { name: 'an unknown action', steps: ['explode'], code: 'action.unknown' },
  ])('refuses $name', ({ steps, code }) => {
    const m = new ImageLayersModel(1);
    let last: ReturnType<ImageLayersModel['act']> = { ok: true };
    for (const action of steps) {
      last = m.act(action);
      m.advance(60_000);
    }
    expect(last.ok).toBe(false);
    expect(!last.ok && last.code).toBe(code);
  });

  it.each([
    { knob: 'dependenciesMb', value: -5, code: 'knob.outOfRange' },
    { knob: 'dependenciesMb', value: 1e9, code: 'knob.outOfRange' },
    { knob: 'appMb', value: Number.NaN, code: 'knob.notNumber' },
    { knob: 'base', value: 'windows:ltsc2022', code: 'knob.notChoice' },
    { knob: 'colour', value: 3, code: 'knob.unknown' },
    { knob: 'node', value: 'node-9', code: 'knob.notChoice' },
  ])('refuses $knob = $value ($code) and keeps the old value', ({ knob, value, code }) => {
    const m = new ImageLayersModel(1);
    const before = m.view().knobs;
    const r = m.setKnob(knob, value);
    expect(!r.ok && r.code).toBe(code);
    expect(m.view().knobs).toEqual(before);
  });
});

describe('image layers: containers and copy-on-write', () => {
  it('two containers share the read-only layers; a write in one is invisible in the other', () => {
    const m = new ImageLayersModel(1);
    buildPushPull(m, 'node-1');
    ok(m.act('run'));
    ok(m.act('run'));
    ok(m.act('write'));
    expect(m.readFile('node-1/c1', SETTINGS_FILE)).toBe('mode=debug-c1');
    expect(m.readFile('node-1/c2', SETTINGS_FILE)).toBe('mode=production');
    const v = m.view();
    const layersOnNode = v.nodes.filter((n) => n.parent === 'machine:node-1' && n.kind === 'image-layer');
    // Five layers on disk once, whatever the number of containers.
    expect(layersOnNode).toHaveLength(5);
    expect(v.nodes.find((n) => n.id === 'writable:node-1/c1')?.facts).toMatchObject({ files: 1 });
    expect(v.nodes.find((n) => n.id === 'writable:node-1/c2')?.facts).toMatchObject({ files: 0 });
    expect(m.act('run')).toMatchObject({ ok: false, code: 'imageLayers.tooManyContainers' });
  });
});

describe('image layers: the same environment everywhere', () => {
  it.each([
    { method: 'image', distinct: 1, working: '3/3' },
    { method: 'by-hand', distinct: 2, working: '1/3' },
  ])('deployed $method: $distinct distinct setup(s), $working working', ({ method, distinct, working }) => {
    const m = new ImageLayersModel(7);
    ok(m.act('build'));
    m.advance(60_000);
    ok(m.setKnob('installMethod', method));
    ok(m.act('deploy'));
    const v = m.view();
    expect(metric(v, 'distinctSetups', 'environments') as number).toBeGreaterThanOrEqual(distinct);
    if (method === 'image') expect(metric(v, 'environmentsWorking', 'environments')).toBe(working);
    else expect(metric(v, 'environmentsWorking', 'environments')).not.toBe('3/3');
  });
});

describe('image layers: determinism', () => {
  it('the same seed and actions give the same view', () => {
    const run = () => {
      const m = new ImageLayersModel(3);
      ok(m.setKnob('installMethod', 'by-hand'));
      buildPushPull(m, 'node-2');
      ok(m.act('deploy'));
      m.advance(1_000);
      return m.view();
    };
    expect(run()).toEqual(run());
  });
});
