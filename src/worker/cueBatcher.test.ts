import { describe, expect, it } from 'vitest';
import { CueBatcher } from './cueBatcher';

describe('CueBatcher', () => {
  it('keeps identical cues once per frame (a heartbeat repeated)', () => {
    const b = new CueBatcher();
    b.record(1, { type: 'heartbeat', node: 'worker-1' });
    b.record(2, { type: 'heartbeat', node: 'worker-1' });
    b.record(3, { type: 'heartbeat', node: 'worker-2' });
    expect(b.drain().map((c) => c.at)).toEqual([1, 3]);
  });

  it('keeps only the most recent cues past the limit and counts the dropped ones', () => {
    const b = new CueBatcher(3);
    for (let i = 0; i < 10; i++) b.record(i, { type: 'controller-sync', controller: 'replicaset', key: `default/rs-${i}` });
    expect(b.drain().map((c) => c.at)).toEqual([7, 8, 9]);
    expect(b.dropped).toBe(7);
  });

  it('a new frame starts empty and forgets what it saw', () => {
    const b = new CueBatcher();
    b.record(1, { type: 'heartbeat', node: 'worker-1' });
    b.drain();
    b.record(2, { type: 'heartbeat', node: 'worker-1' });
    expect(b.drain()).toHaveLength(1);
  });
});
