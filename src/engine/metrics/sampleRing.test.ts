import { describe, expect, it } from 'vitest';
import { SampleRing } from './sampleRing';

describe('SampleRing', () => {
  it('keeps only its capacity of samples, oldest first, however many are taken', () => {
    const ring = new SampleRing(4);
    const row = ring.newRow(1, 0);
    for (let i = 0; i < 10; i++) row.write(ring.begin(i * 1000), 0, i);
    expect(row.read()).toEqual({ times: [6000, 7000, 8000, 9000], values: [[6, 7, 8, 9]] });
  });

  it('a row started later holds values only from its first sample on', () => {
    const ring = new SampleRing(8);
    ring.begin(0);
    ring.begin(5000);
    const seq = ring.begin(10_000);
    const row = ring.newRow(2, seq);
    row.write(seq, 0, 3);
    expect(row.read()).toEqual({ times: [10_000], values: [[3], [null]] });
  });

  it('an unknown value (NaN) reads as null', () => {
    const ring = new SampleRing(2);
    const row = ring.newRow(1, 0);
    row.write(ring.begin(0), 0, Number.NaN);
    expect(row.read().values).toEqual([[null]]);
  });

  it('refuses a capacity that is not a whole number of at least 1', () => {
    expect(() => new SampleRing(0)).toThrow(RangeError);
    expect(() => new SampleRing(2.5)).toThrow(/whole capacity/);
  });
});
