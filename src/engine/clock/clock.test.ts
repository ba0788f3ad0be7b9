import { describe, expect, it } from 'vitest';
import { createActor, setup } from 'xstate';
import { VirtualClock, toRfc3339, DEFAULT_EPOCH_MS } from './virtualClock';
import { SeededRandom, NAME_SUFFIX_ALPHABET } from './random';
import { humanDuration, parseDuration } from './duration';

describe('VirtualClock', () => {
  it('fires timers in due order, moving now to each due time', () => {
    const clock = new VirtualClock(0);
    const seen: Array<[string, number]> = [];
    clock.setTimeout(() => seen.push(['b', clock.now()]), 200);
    clock.setTimeout(() => seen.push(['a', clock.now()]), 100);
    clock.setTimeout(() => seen.push(['c', clock.now()]), 300);
    clock.advance(250);
    expect(seen).toEqual([['a', 100], ['b', 200]]);
    expect(clock.now()).toBe(250);
  });

  it('one large advance fires a re-arming timer as often as many small ones would', () => {
    const clock = new VirtualClock(0);
    let ticks = 0;
    const tick = () => {
      ticks++;
      clock.setTimeout(tick, 10_000);
    };
    clock.setTimeout(tick, 10_000);
    clock.advance(60_000);
    expect(ticks).toBe(6);
  });

  it('timers due at the same instant fire in the order they were set', () => {
    const clock = new VirtualClock(0);
    const order: number[] = [];
    for (let i = 0; i < 5; i++) clock.setTimeout(() => order.push(i), 50);
    clock.advance(50);
    expect(order).toEqual([0, 1, 2, 3, 4]);
  });

  it('a cleared timer never fires', () => {
    const clock = new VirtualClock(0);
    let fired = false;
    const id = clock.setTimeout(() => (fired = true), 10);
    clock.clearTimeout(id);
    clock.advance(100);
    expect(fired).toBe(false);
  });

  it('clearing a timer that already fired keeps nothing: a day of clear-after-fire leaves no trace', () => {
    const clock = new VirtualClock(0);
    const internals = clock as unknown as { live: Map<number, unknown> };
    for (let i = 0; i < 10_000; i++) {
      const id = clock.setTimeout(() => {}, 1);
      clock.advance(1);
      clock.clearTimeout(id);
    }
    expect(internals.live.size).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });

  it('refuses to advance by NaN, an infinity or a negative duration (it would never end)', () => {
    const clock = new VirtualClock(0);
    clock.setTimeout(function again() {
      clock.setTimeout(again, 1_000);
    }, 1_000);
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, -1]) expect(() => clock.advance(bad)).toThrow(RangeError);
    expect(clock.now()).toBe(0);
  });

  it('a NaN delay runs at the current instant, as a browser would', () => {
    const clock = new VirtualClock(0);
    let fired = false;
    clock.setTimeout(() => (fired = true), Number.NaN);
    clock.flush();
    expect(fired).toBe(true);
  });

  it('drives XState after-delays on virtual time', () => {
    const clock = new VirtualClock(0);
    const machine = setup({ delays: { heartbeat: 10_000 } }).createMachine({
      initial: 'waiting',
      states: { waiting: { after: { heartbeat: 'beat' } }, beat: {} },
    });
    const actor = createActor(machine, { clock }).start();
    clock.advance(9_999);
    expect(actor.getSnapshot().value).toBe('waiting');
    clock.advance(1);
    expect(actor.getSnapshot().value).toBe('beat');
  });

  it('prints RFC 3339 timestamps with second precision', () => {
    expect(toRfc3339(DEFAULT_EPOCH_MS + 1500)).toBe('2026-01-01T00:00:01Z');
  });
});

describe('SeededRandom', () => {
  it('replays the same sequence for the same seed', () => {
    const a = new SeededRandom(42);
    const b = new SeededRandom(42);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it('generated name suffixes use only the Kubernetes alphabet', () => {
    const s = new SeededRandom(1).string(NAME_SUFFIX_ALPHABET, 500);
    expect(s).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
  });
});

describe('durations', () => {
  it.each([
    ['500ms', 500],
    ['30s', 30_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['2', 2000],
  ])('parses %s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it('rejects nonsense with a message', () => {
    expect(() => parseDuration('soon')).toThrow(/invalid duration "soon"/);
  });

  // k8s.io/apimachinery/pkg/util/duration.HumanDuration
  it.each([
    { name: 'seconds below 2 minutes', s: 119, want: '119s' },
    { name: 'minutes and seconds below 10 minutes', s: 330, want: '5m30s' },
    { name: 'whole minutes drop the seconds', s: 300, want: '5m' },
    { name: 'minutes below 3 hours', s: 95 * 60, want: '95m' },
    { name: 'hours and minutes below 8 hours', s: 4 * 3600 + 5 * 60, want: '4h5m' },
    { name: 'hours below 48 hours', s: 30 * 3600, want: '30h' },
    { name: 'days and hours below 8 days', s: 76 * 3600, want: '3d4h' },
    { name: 'days below 2 years', s: 400 * 86400, want: '400d' },
    { name: 'years and days below 8 years', s: (3 * 365 + 10) * 86400, want: '3y10d' },
  ])('AGE: $name', ({ s, want }) => expect(humanDuration(s * 1000)).toBe(want));
});

describe('BinaryHeap', () => {
  it('pops in the order `before` defines, whatever the push order', async () => {
    const { BinaryHeap } = await import('./binaryHeap');
    const heap = new BinaryHeap<number>((a, b) => a < b);
    const values = [5, 3, 9, 1, 7, 1, 8, 2];
    for (const v of values) heap.push(v);
    const out: number[] = [];
    while (heap.size > 0) out.push(heap.pop()!);
    expect(out).toEqual([...values].sort((a, b) => a - b));
    expect(heap.pop()).toBeUndefined();
  });
});
