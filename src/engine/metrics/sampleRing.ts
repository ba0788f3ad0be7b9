/**
 * Fixed-size storage for samples taken at shared instants: one ring of times, and per tracked object a
 * row of values in the same slots. Memory is bounded by `capacity` whatever the run's length: the
 * oldest sample is overwritten by the newest. Values are Float32 (charts need no more precision) and NaN
 * stands for "not known at that instant" (an HPA before its first metrics).
 */
export class SampleRing {
  private readonly times: Float64Array;
  /** Samples taken since the start; the next one goes to slot `taken % capacity`. */
  private taken = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`a sample ring needs a whole capacity of at least 1, not ${capacity}`);
    this.times = new Float64Array(capacity);
  }

  /** Starts a new sample at `atMs`; returns its sequence number (rows write their values under it). */
  begin(atMs: number): number {
    const seq = this.taken++;
    this.times[seq % this.capacity] = atMs;
    return seq;
  }

  /** The sequence number the next sample will get. */
  get next(): number {
    return this.taken;
  }

  /** Sequence numbers still held, from `since` (a row's first sample) on: [from, to). */
  window(since = 0): { from: number; to: number } {
    return { from: Math.max(since, this.taken - this.capacity, 0), to: this.taken };
  }

  timeOf(seq: number): number {
    return this.times[seq % this.capacity]!;
  }

  /** A row for an object first seen in sample `since`. */
  newRow(fields: number, since: number): SampleRow {
    return new SampleRow(this, fields, since);
  }
}

/** One object's values, `fields` per sample, in its ring's slots. */
export class SampleRow {
  private readonly values: Float32Array;

  constructor(
    private readonly ring: SampleRing,
    private readonly fields: number,
    /** The first sample this row holds a value for. */
    readonly since: number,
  ) {
    this.values = new Float32Array(ring.capacity * fields).fill(Number.NaN);
  }

  write(seq: number, field: number, value: number): void {
    this.values[(seq % this.ring.capacity) * this.fields + field] = value;
  }

  /** The row's samples still held, oldest first: times, and per field its values (null where unknown). */
  read(): { times: number[]; values: (number | null)[][] } {
    const { from, to } = this.ring.window(this.since);
    const times: number[] = [];
    const values: (number | null)[][] = Array.from({ length: this.fields }, () => []);
    for (let seq = from; seq < to; seq++) {
      times.push(this.ring.timeOf(seq));
      const base = (seq % this.ring.capacity) * this.fields;
      for (let f = 0; f < this.fields; f++) {
        const v = this.values[base + f]!;
        values[f]!.push(Number.isNaN(v) ? null : v);
      }
    }
    return { times, values };
  }
}
