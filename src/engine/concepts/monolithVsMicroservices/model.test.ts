import type { Deployment } from 'kubernetes-types/apps/v1';
import { describe, expect, it } from 'vitest';
import type { ConceptView } from '../types';
import { MonolithVsMicroservicesModel } from './model';

function metric(view: ConceptView, id: string, lane?: string) {
  return view.metrics.find((m) => m.id === id && m.lane === lane)?.value;
}

function ok(r: { ok: boolean }): void {
  expect(r).toEqual({ ok: true });
}

/** Chooses the module in "Scenario controls", then presses the action's button. */
function actOn(m: MonolithVsMicroservicesModel, action: string, module: string) {
  expect(m.setKnob('module', module)).toEqual({ ok: true });
  return m.act(action);
}

describe('monolith vs microservices (on the real engine)', () => {
  it('a load spike on catalog: the catalog service scales alone; the monolith adds whole copies', () => {
    const m = new MonolithVsMicroservicesModel(1);
    expect(m.replicas('microservices', 'catalog')).toBe(1);
    expect(m.replicas('monolith', 'shop')).toBe(1);
    ok(actOn(m, 'spike', 'catalog'));
    m.advance(120_000);
    expect(m.replicas('microservices', 'catalog')).toBeGreaterThanOrEqual(4);
    expect(m.replicas('microservices', 'cart')).toBe(1);
    expect(m.replicas('microservices', 'payment')).toBe(1);
    const copies = m.replicas('monolith', 'shop');
    expect(copies).toBeGreaterThanOrEqual(2);
    // Every copy of the monolith carries all four modules.
    const v = m.view();
    expect(v.nodes.filter((n) => n.parent === 'monolith:copy').map((n) => n.label)).toEqual(['catalog', 'cart', 'payment', 'search']);
    expect(v.nodes.find((n) => n.id === 'monolith:copy')?.facts?.copies).toBe(copies);
    expect(v.nodes.find((n) => n.id === 'microservices:svc:catalog')?.bar?.used).toBe(m.replicas('microservices', 'catalog'));
    // The HPA controller, not the model, made the replicas: its Deployment's spec says so.
    const d = m.lanes.microservices.cluster.api.peek<Deployment>('Deployment', 'default', 'catalog');
    expect(d?.spec?.replicas).toBe(m.replicas('microservices', 'catalog'));
  });

  it('the monolith goes down whole when payment fails; the microservices lose only payment', () => {
    const m = new MonolithVsMicroservicesModel(1);
    ok(actOn(m, 'fail', 'payment'));
    m.advance(30_000);
    const v = m.view();
    expect(metric(v, 'featuresUp', 'monolith')).toBe('0/4');
    expect(metric(v, 'featuresUp', 'microservices')).toBe('3/4');
    const micro = m.trafficOf('microservices').modules;
    expect([micro.catalog.available, micro.cart.available, micro.search.available, micro.payment.available]).toEqual([true, true, true, false]);
    ok(m.act('recover'));
    m.advance(60_000);
    expect(metric(m.view(), 'featuresUp', 'monolith')).toBe('4/4');
    expect(metric(m.view(), 'featuresUp', 'microservices')).toBe('4/4');
  });

  it('scaled up, the monolith moves to bigger machines until the ceiling, and the machine costs more', () => {
    const m = new MonolithVsMicroservicesModel(1);
    const outCost = metric(m.view(), 'costPerHour', 'monolith') as number;
    ok(m.setKnob('monolithScaling', 'up'));
    ok(m.setKnob('maxMachineCores', 4));
    ok(m.setKnob('spikeFactor', 20));
    ok(actOn(m, 'spike', 'search'));
    m.advance(180_000);
    const v = m.view();
    expect(metric(v, 'machineCores', 'monolith')).toBe(4);
    expect(metric(v, 'replicas', 'monolith')).toBe('1/1');
    expect(v.log.some((l) => l.code === 'shop.ceiling')).toBe(true);
    expect(metric(v, 'costPerHour', 'monolith') as number).toBeGreaterThan(outCost);
    expect(metric(v, 'errorPercent', 'monolith') as number).toBeGreaterThan(0);
  });

  it('two versions of one library: the payment service rolls out its own image; the monolith cannot', () => {
    const m = new MonolithVsMicroservicesModel(1);
    ok(actOn(m, 'upgradeLibrary', 'payment'));
    m.advance(60_000);
    const image = (app: string) => m.lanes.microservices.cluster.api.peek<Deployment>('Deployment', 'default', app)?.spec?.template.spec?.containers[0]?.image;
    expect(image('payment')).toBe('ghcr.io/kube-playground/payment:1.1');
    expect(image('cart')).toBe('ghcr.io/kube-playground/cart:1.0');
    const v = m.view();
    expect(v.log.find((l) => l.code === 'shop.libraryConflict')?.params).toMatchObject({ module: 'payment', wants: '2.1', has: '1.9' });
    expect(m.lanes.monolith.cluster.api.peek<Deployment>('Deployment', 'default', 'shop')?.spec?.template.spec?.containers[0]?.image).toBe('ghcr.io/kube-playground/shop:1.0');
    expect(actOn(m, 'upgradeLibrary', 'payment')).toMatchObject({ ok: false, code: 'shop.alreadyUpgraded' });
  });

  it('the price: more moving parts among the services', () => {
    const m = new MonolithVsMicroservicesModel(1);
    const v = m.view();
    expect(metric(v, 'movingParts', 'monolith')).toBe(3);
    expect(metric(v, 'movingParts', 'microservices')).toBe(12);
  });

  it('is deterministic for a seed', () => {
    const run = () => {
      const m = new MonolithVsMicroservicesModel(5);
      actOn(m, 'spike', 'cart');
      m.advance(40_000);
      actOn(m, 'fail', 'search');
      m.advance(20_000);
      return m.view();
    };
    expect(run()).toEqual(run());
  });

  it.each([
    { knob: 'usersPerSecond', value: -10, code: 'knob.outOfRange' },
    { knob: 'usersPerSecond', value: 1e7, code: 'knob.outOfRange' },
    { knob: 'hopLatencyMs', value: '', code: 'knob.notNumber' },
    { knob: 'monolithScaling', value: 'sideways', code: 'knob.notChoice' },
  ])('refuses $knob = $value', ({ knob, value, code }) => {
    const m = new MonolithVsMicroservicesModel(1);
    expect(m.setKnob(knob, value)).toMatchObject({ ok: false, code });
    expect(m.setKnob('module', 'inventory')).toMatchObject({ ok: false, code: 'knob.notChoice' });
    expect(m.act('explode')).toMatchObject({ ok: false, code: 'action.unknown' });
  });
});
