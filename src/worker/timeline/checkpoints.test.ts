import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine/cluster';
import { clusterStateHash } from '../../engine/testing/stateHash';
import { Checkpoints } from './checkpoints';
import { cursorAtOffset, HISTORY_START, historyLength, replayBetween } from './historyCursor';

function history() {
  const live = createCluster({ seed: 3, preset: 'default' });
  live.apply('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n');
  live.advance(50_000);
  live.kubectl('scale deployment web --replicas=4');
  live.advance(150_000);
  return live;
}

const hashAt = (inputs: ReturnType<typeof history>['recordedInputs'], offset: number) => {
  const fresh = createCluster({ seed: 3, preset: 'default' });
  replayBetween(fresh, inputs, HISTORY_START, cursorAtOffset(inputs, offset));
  return clusterStateHash(fresh);
};

describe('Checkpoints', () => {
  it('stay within maxSlots (the spacing doubles) and keep the early slot; each holds the cluster at its offset', () => {
    const live = history();
    const inputs = live.recordedInputs;
    const cps = new Checkpoints({ seed: 3, preset: 'default', spacing: 20_000, maxSlots: 4 });
    while (cps.work(inputs, historyLength(inputs), () => false));
    // 200 s of history: 20 s → 40 s → 80 s spacing (two slots: 80 s, 160 s) plus the one at 30 s.
    expect(cps.slotSpacing).toBe(80_000);
    expect(cps.ready).toBe(3);
    const taken = cps.take(cursorAtOffset(inputs, 100_000));
    expect(taken.cursor).toEqual(cursorAtOffset(inputs, 80_000));
    expect(clusterStateHash(taken.cluster)).toBe(hashAt(inputs, 80_000));
    // Taken means used up: the slot is rebuilt by the next work.
    expect(cps.ready).toBe(2);
    while (cps.work(inputs, historyLength(inputs), () => false));
    expect(cps.ready).toBe(3);
  });

  it('work stops when told and goes on later; truncate drops what lies past a fork', () => {
    const live = history();
    const inputs = live.recordedInputs;
    const cps = new Checkpoints({ seed: 3, preset: 'default', spacing: 60_000 });
    let calls = 0;
    expect(cps.work(inputs, historyLength(inputs), () => ++calls > 2)).toBe(true);
    while (cps.work(inputs, historyLength(inputs), () => false));
    expect(cps.ready).toBe(4); // 30 s, 60 s, 120 s, 180 s
    cps.truncate(cursorAtOffset(inputs, 90_000));
    expect(cps.ready).toBe(2);
    expect(cps.bestCursor(cursorAtOffset(inputs, 150_000))).toEqual(cursorAtOffset(inputs, 60_000));
  });
});

describe('Checkpoints for a big cluster', () => {
  it('keep none when the limit is 0 (each would be a whole copy): jumps then start from the seed', () => {
    const live = history();
    const inputs = live.recordedInputs;
    const cps = new Checkpoints({ seed: 3, preset: 'default', spacing: 60_000 });
    while (cps.work(inputs, historyLength(inputs), () => false));
    expect(cps.ready).toBe(4);
    cps.limitSlots(0);
    expect(cps.work(inputs, historyLength(inputs), () => false)).toBe(false);
    expect(cps.ready).toBe(0);
    expect(cps.take(cursorAtOffset(inputs, 150_000)).cursor).toEqual(HISTORY_START);
  });
});
