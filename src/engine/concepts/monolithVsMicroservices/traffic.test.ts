import { describe, expect, it } from 'vitest';
import { MODULES, type ModuleName } from './shop';
import { laneTraffic, type ProcessState } from './traffic';

const rps = (over: Partial<Record<ModuleName, number>> = {}): Record<ModuleName, number> => ({ catalog: 32, cart: 16, payment: 8, search: 24, ...over });
const monolith = (ready = 1, capacityMilli = 2000): ProcessState[] => [{ id: 'proc', modules: MODULES, readyPods: ready, capacityMilli: capacityMilli * ready }];
const services = (down: ModuleName[] = [], capacityMilli = 500): ProcessState[] =>
  MODULES.map((m) => ({ id: `svc:${m}`, modules: [m], readyPods: down.includes(m) ? 0 : 1, capacityMilli: down.includes(m) ? 0 : capacityMilli }));

describe('shop traffic', () => {
  it.each([
    { name: 'no ready pod: every module of the monolith is down', lane: monolith(0), up: [] as ModuleName[] },
    { name: 'payment down among services: only payment is down', lane: services(['payment']), up: ['catalog', 'cart', 'search'] },
    { name: 'catalog down among services: cart (which calls it) and payment (which calls cart) go too', lane: services(['catalog']), up: ['search'] },
    { name: 'all up', lane: services(), up: [...MODULES] },
  ])('$name', ({ lane, up }) => {
    const t = laneTraffic(lane, rps(), 3);
    expect(MODULES.filter((m) => t.modules[m].available)).toEqual(up);
  });

  it.each([
    { hop: 0, extra: 0 },
    { hop: 10, extra: 10 },
    { hop: 40, extra: 40 },
  ])('a hop of $hop ms adds $extra ms to catalog, and two hops per call to payment → cart → catalog', ({ hop, extra }) => {
    const base = laneTraffic(services(), rps(), 0);
    const t = laneTraffic(services(), rps(), hop);
    expect(t.modules.catalog.latencyMs - base.modules.catalog.latencyMs).toBe(extra);
    expect(t.modules.payment.latencyMs - base.modules.payment.latencyMs).toBe(extra * 5);
  });

  it('inside the monolith, a busy catalog slows payment down; among services it does not', () => {
    const calm = laneTraffic(monolith(), rps(), 0);
    const spike = laneTraffic(monolith(), rps({ catalog: 250 }), 0);
    expect(spike.modules.search.latencyMs).toBeGreaterThan(calm.modules.search.latencyMs * 2);
    const calmSvc = laneTraffic(services(), rps(), 3);
    const spikeSvc = laneTraffic(services(), rps({ catalog: 250 }), 3);
    expect(spikeSvc.modules.search.latencyMs).toBe(calmSvc.modules.search.latencyMs);
  });

  it('past full, the excess is dropped', () => {
    const t = laneTraffic(services([], 100), rps({ catalog: 40 }), 0);
    // catalog asks 200m of a 100m process: half its requests fail.
    expect(t.modules.catalog.errorRate).toBeCloseTo(0.5, 5);
  });
});
