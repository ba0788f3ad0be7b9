import { describe, expect, it } from 'vitest';
import { MAX_REAL_FRAME_MS, VirtualTimeAccumulator, advanceSlices, virtualDelta } from './clockLoop';

describe('virtual time from real time', () => {
  const cases = [
    { name: '1× maps real to virtual', real: 16, speed: 1, want: 16 },
    { name: '50× runs fifty times faster', real: 20, speed: 50, want: 1000 },
    { name: '0.25× runs four times slower', real: 40, speed: 0.25, want: 10 },
    { name: 'speed above 50× is clamped to 50×', real: 10, speed: 500, want: 500 },
    { name: 'a stalled frame is capped, not replayed', real: 10_000, speed: 1, want: MAX_REAL_FRAME_MS },
    { name: 'negative elapsed time (clock skew) advances nothing', real: -5, speed: 1, want: 0 },
  ];
  for (const c of cases) it(c.name, () => expect(virtualDelta(c.real, c.speed)).toBe(c.want));
});

describe('advanceSlices', () => {
  const cases = [
    { name: 'short advances are one slice', ms: 40, want: [40] },
    { name: 'long advances are cut into 100 ms slices', ms: 250, want: [100, 100, 50] },
    { name: 'nothing to advance gives no slice', ms: 0, want: [] },
  ];
  for (const c of cases) it(c.name, () => expect(advanceSlices(c.ms)).toEqual(c.want));
});

describe('VirtualTimeAccumulator', () => {
  it('carries fractions between frames: 0.25× over four 2 ms frames is 2 ms, not 0', () => {
    const acc = new VirtualTimeAccumulator();
    const got = [2, 2, 2, 2].map((real) => acc.take(real, 0.25));
    expect(got.reduce((a, b) => a + b, 0)).toBe(2);
  });
});
