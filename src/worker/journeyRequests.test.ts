import { describe, expect, it } from 'vitest';
import { hostHarness } from './hostHarness';
import type { JourneyRecord } from '../engine/journey/journeyRecorder';

function journeys(sent: ReturnType<typeof hostHarness>['sent']): JourneyRecord[] {
  return sent.flatMap((m) => (m.type === 'journey' ? [m.journey] : []));
}

describe('journey requests on the worker', () => {
  it('journeyStart applies the app, then each frame that adds a hop posts the record, up to complete', () => {
    const h = hostHarness();
    h.call({ type: 'init' });
    const first = h.call({ type: 'journeyStart' });
    expect(first.name).toBe('journey');
    expect(first.hops.map((x) => x.stage).slice(0, 3)).toEqual(['applied', 'admitted', 'stored']);
    for (let i = 0; i < 200 && journeys(h.sent).at(-1)?.state !== 'complete'; i++) h.frame(100);
    const last = journeys(h.sent).at(-1)!;
    expect(last.state).toBe('complete');
    expect(last.hops).toHaveLength(13);
    // Done: nothing more is posted for it.
    const count = journeys(h.sent).length;
    for (let i = 0; i < 20; i++) h.frame(100);
    expect(journeys(h.sent)).toHaveLength(count);
  });

  it('a second journey takes the next free name and a new id; journeyStop ends the recording', () => {
    const h = hostHarness();
    h.call({ type: 'init' });
    const a = h.call({ type: 'journeyStart' });
    const b = h.call({ type: 'journeyStart' });
    expect(b.name).toBe('journey-2');
    expect(b.id).toBeGreaterThan(a.id);
    expect(h.call({ type: 'journeyStop' })).toBeNull();
    const count = journeys(h.sent).length;
    for (let i = 0; i < 50; i++) h.frame(100);
    expect(journeys(h.sent)).toHaveLength(count);
  });

  it('a reset ends the journey', () => {
    const h = hostHarness();
    h.call({ type: 'init' });
    h.call({ type: 'journeyStart' });
    h.call({ type: 'reset' });
    const count = journeys(h.sent).length;
    for (let i = 0; i < 50; i++) h.frame(100);
    expect(journeys(h.sent)).toHaveLength(count);
  });
});
