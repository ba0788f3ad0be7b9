import { beforeAll, describe, expect, it } from 'vitest';
import { listAsChanges } from './patchBatcher';
import type { FromWorker, ToWorker } from './protocol';
import { FIRST_SCREEN_SEED, bootRunningCluster, bootStarterCluster, starterAppReady } from './runningCluster';
import { SimulationHost, allObjects } from './simulationHost';
import { preloadDeferredModules } from './deferredModules';

// kubectl and the concept scenarios load lazily in the worker; here, up front, so the host answers at once.
beforeAll(preloadDeferredModules);

describe('the running cluster of the first screen', () => {
  it('boots with every starter replica Running and Ready', () => {
    const cluster = bootRunningCluster();
    expect(starterAppReady(cluster)).toBe(true);
    expect(cluster.kubectl('get deployment web').stdout).toMatch(/web\s+3\/3\s+3\s+3/);
  });

  it('from scratch, the starter app is applied but not Ready yet', () => {
    expect(starterAppReady(bootStarterCluster(FIRST_SCREEN_SEED))).toBe(false);
  });

  it("is the very list the worker posts first, so the build's snapshot paints exactly what the worker then sends", () => {
    const built = JSON.parse(JSON.stringify(listAsChanges(allObjects(bootRunningCluster(FIRST_SCREEN_SEED))))) as unknown;
    const sent: FromWorker[] = [];
    const host = new SimulationHost({ post: (m) => sent.push(m), realNow: () => 0 });
    host.handle({ type: 'init', id: 1 } as ToWorker);
    // The list may come in several messages (PATCH_MESSAGE_CHANGES each), the first replacing the mirror.
    const list = sent.filter((m) => m.type === 'patches');
    expect(list[0]?.type === 'patches' && list[0].replace).toBe(true);
    expect(JSON.parse(JSON.stringify(list.flatMap((m) => (m.type === 'patches' ? m.changes : []))))).toEqual(built);
  });
});
