import { describe, expect, it } from 'vitest';
import type { ConceptView } from '../types';
import { ErasModel, SPIKE_MS } from './model';
import { appsPerMachine, machinesNeeded, startMs, type EraSizes } from './packing';
import { shareCpu } from './waterFill';

const SIZES: EraSizes = { machineCores: 16, machineMemoryGiB: 64, appCpu: 1, appMemoryGiB: 2, guestOsMemoryGiB: 1, bareMetal: 'dedicated' };

function metric(view: ConceptView, id: string, lane?: string): number | string | undefined {
  return view.metrics.find((m) => m.id === id && m.lane === lane)?.value;
}

function run(model: ErasModel, ms: number): void {
  for (let t = 0; t < ms; t += 100) model.advance(100);
}

describe('eras packing', () => {
  it.each([
    { name: 'one server per app holds one app', lane: 'bare-metal' as const, sizes: SIZES, want: 1 },
    { name: 'VMs: 2 whole vCPUs each (app + guest OS) on 15.5 free cores', lane: 'vms' as const, sizes: SIZES, want: 7 },
    { name: 'containers: 1 core each on 15.75 free cores', lane: 'containers' as const, sizes: SIZES, want: 15 },
    { name: 'an app larger than the machine fits nowhere', lane: 'containers' as const, sizes: { ...SIZES, appCpu: 32 }, want: 0 },
    { name: 'shared bare metal packs like containers less the shim', lane: 'bare-metal' as const, sizes: { ...SIZES, bareMetal: 'shared' as const }, want: 15 },
  ])('$name', ({ lane, sizes, want }) => {
    expect(appsPerMachine(lane, sizes)).toBe(want);
  });

  it('VM density falls as guest-OS overhead grows, containers do not care', () => {
    const overheads = [0.25, 0.5, 1, 2, 4, 8, 16];
    const vms = overheads.map((g) => appsPerMachine('vms', { ...SIZES, guestOsMemoryGiB: g }));
    for (let i = 1; i < vms.length; i++) expect(vms[i]).toBeLessThanOrEqual(vms[i - 1]!);
    expect(vms[vms.length - 1]).toBeLessThan(vms[0]!);
    const containers = overheads.map((g) => appsPerMachine('containers', { ...SIZES, guestOsMemoryGiB: g }));
    expect(new Set(containers).size).toBe(1);
  });

  it('containers need no more machines than VMs, which need no more than one server per app', () => {
    for (const apps of [1, 5, 12, 40]) {
      expect(machinesNeeded('containers', SIZES, apps)).toBeLessThanOrEqual(machinesNeeded('vms', SIZES, apps));
      expect(machinesNeeded('vms', SIZES, apps)).toBeLessThanOrEqual(machinesNeeded('bare-metal', SIZES, apps));
    }
  });

  it('start times: containers under a second, VMs tens of seconds (more for a bigger OS), bare metal over a minute', () => {
    expect(startMs('containers', SIZES)).toBeLessThan(1000);
    expect(startMs('vms', SIZES)).toBeGreaterThan(10_000);
    expect(startMs('vms', { guestOsMemoryGiB: 4 })).toBeGreaterThan(startMs('vms', SIZES));
    expect(startMs('bare-metal', SIZES)).toBeGreaterThan(60_000);
  });
});

describe('CPU sharing (CFS-like water filling)', () => {
  it.each([
    { name: 'enough for everyone: each gets its demand', capacity: 4, claims: [{ demand: 1, weight: 1, cap: Infinity }, { demand: 2, weight: 1, cap: Infinity }], want: [1, 2] },
    { name: 'contended, equal weights: equal shares', capacity: 2, claims: [{ demand: 4, weight: 1, cap: Infinity }, { demand: 4, weight: 1, cap: Infinity }], want: [1, 1] },
    { name: 'a small claim keeps its demand, the rest goes to the big one', capacity: 4, claims: [{ demand: 10, weight: 1, cap: Infinity }, { demand: 0.5, weight: 1, cap: Infinity }], want: [3.5, 0.5] },
    { name: '32 threads against 1: the one gets 1/33', capacity: 33, claims: [{ demand: 100, weight: 32, cap: Infinity }, { demand: 2, weight: 1, cap: Infinity }], want: [32, 1] },
    { name: 'a cap stops the greedy one, the neighbour gets its demand', capacity: 4, claims: [{ demand: 100, weight: 32, cap: 1 }, { demand: 2, weight: 1, cap: Infinity }], want: [1, 2] },
  ])('$name', ({ capacity, claims, want }) => {
    const got = shareCpu(capacity, claims);
    got.forEach((g, i) => expect(g).toBeCloseTo(want[i]!, 6));
  });
});

describe('eras model', () => {
  it('apps start in each era after that era\'s start time, and say so', () => {
    const m = new ErasModel(1);
    run(m, 1000);
    let v = m.view();
    const containerApp = v.nodes.find((n) => n.id === 'containers:shop');
    const vmApp = v.nodes.find((n) => n.id === 'vms:shop');
    expect(containerApp?.health).toBe('ok');
    expect(vmApp?.health).toBe('pending');
    expect(v.log.some((l) => l.code === 'eras.laneReady' && l.lane === 'containers')).toBe(true);
    run(m, 100_000);
    v = m.view();
    expect(v.nodes.find((n) => n.id === 'bare-metal:batch')?.health).toBe('ok');
    expect(v.log.filter((l) => l.code === 'eras.laneReady').map((l) => l.lane)).toEqual(['containers', 'vms', 'bare-metal']);
  });

  it('a spike starves neighbours on shared bare metal and in containers without limits, not with limits or in VMs', () => {
    const m = new ErasModel(1);
    expect(m.setKnob('bareMetal', 'shared')).toEqual({ ok: true });
    run(m, 100_000);
    m.act('spike');
    run(m, 1000);
    expect(m.neighbourShare('bare-metal')).toBeLessThan(0.5);
    expect(m.neighbourShare('vms')).toBeCloseTo(1, 5);
    expect(m.neighbourShare('containers')).toBeCloseTo(1, 5);
    const withLimits = m.view();
    expect(metric(withLimits, 'neighbourCpuPct', 'containers')).toBe(100);
    m.setKnob('limits', false);
    expect(m.neighbourShare('containers')).toBeLessThan(0.5);
    const withoutLimits = m.view();
    expect(metric(withoutLimits, 'neighbourCpuPct', 'containers')).toBeLessThan(50);
    expect(withoutLimits.nodes.find((n) => n.id === 'containers:shop')?.health).toBe('warning');
    run(m, SPIKE_MS);
    expect(m.neighbourShare('containers')).toBeCloseTo(1, 5);
    expect(m.view().log.some((l) => l.code === 'eras.spikeEnded')).toBe(true);
  });

  it('one server per app leaves most of the CPU idle; containers use the fewest machines', () => {
    const m = new ErasModel(1);
    run(m, 100_000);
    const v = m.view();
    expect(metric(v, 'cpuIdlePct', 'bare-metal')).toBeGreaterThan(90);
    expect(metric(v, 'machines', 'bare-metal')).toBe(12);
    expect(metric(v, 'machines', 'vms')).toBe(2);
    expect(metric(v, 'machines', 'containers')).toBe(1);
    expect(v.metrics.find((x) => x.id === 'machines' && x.lane === 'containers')?.tone).toBe('good');
  });

  it('guest-OS overhead shows as VM memory overhead and fewer apps per machine', () => {
    const m = new ErasModel(1);
    const before = m.view();
    m.setKnob('guestOsMemoryGiB', 8);
    const after = m.view();
    expect(metric(after, 'appsPerMachine', 'vms')).toBeLessThan(metric(before, 'appsPerMachine', 'vms') as number);
    expect(metric(after, 'memoryOverheadPct', 'vms')).toBeGreaterThan(metric(before, 'memoryOverheadPct', 'vms') as number);
    expect(metric(after, 'appsPerMachine', 'containers')).toBe(metric(before, 'appsPerMachine', 'containers'));
  });

  it.each([
    { name: 'a negative machine size', knob: 'machineCores', value: -4, code: 'knob.outOfRange' },
    { name: 'a huge app count', knob: 'apps', value: 1e9, code: 'knob.outOfRange' },
    { name: 'not a number', knob: 'apps', value: Number.NaN, code: 'knob.notNumber' },
    { name: 'a word for a boolean', knob: 'limits', value: 'yes', code: 'knob.notBoolean' },
    { name: 'an unknown mode', knob: 'bareMetal', value: 'cloud', code: 'knob.notChoice' },
    { name: 'an unknown knob', knob: 'colour', value: 1, code: 'knob.unknown' },
  ])('refuses $name and keeps the view', ({ knob, value, code }) => {
    const m = new ErasModel(1);
    const before = JSON.stringify(m.view());
    const r = m.setKnob(knob, value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe(code);
    expect(JSON.stringify(m.view())).toBe(before);
  });

  it('an app too big for the machine is reported, not drawn as running', () => {
    const m = new ErasModel(1);
    m.setKnob('appCpu', 32);
    const v = m.view();
    expect(metric(v, 'machines', 'containers')).toBe('—');
    expect(v.nodes.find((n) => n.id === 'lane:containers')?.health).toBe('failed');
    expect(v.log.some((l) => l.code === 'eras.doesNotFit')).toBe(true);
  });

  it('is deterministic for a seed', () => {
    const a = new ErasModel(7);
    const b = new ErasModel(7);
    for (const m of [a, b]) {
      run(m, 5000);
      m.act('spike');
      run(m, 3000);
    }
    expect(JSON.stringify(a.view())).toBe(JSON.stringify(b.view()));
  });
});
