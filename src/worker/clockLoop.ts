/**
 * Turns real elapsed time into virtual time: `virtual = real × speed`, advanced in slices no larger
 * than MAX_ADVANCE_SLICE_MS so that timers and probes keep their order even at 50×. A frame that took
 * too long (a background tab, a slow engine step) is capped so the simulation never tries to catch up
 * minutes at once and freezes.
 */
import { MAX_ADVANCE_SLICE_MS, clampSpeed } from './protocol';

/** Longest real gap a single frame accounts for; anything beyond it is lost, not replayed. */
export const MAX_REAL_FRAME_MS = 250;

export function virtualDelta(realElapsedMs: number, speed: number): number {
  const real = Math.min(Math.max(0, realElapsedMs), MAX_REAL_FRAME_MS);
  return real * clampSpeed(speed);
}

/** Splits `ms` into slices of at most `slice` ms (the last one shorter); whole milliseconds only. */
export function advanceSlices(ms: number, slice = MAX_ADVANCE_SLICE_MS): number[] {
  const out: number[] = [];
  let left = Math.floor(ms);
  while (left > 0) {
    const step = Math.min(slice, left);
    out.push(step);
    left -= step;
  }
  return out;
}

/**
 * Accumulates fractional virtual milliseconds between frames (at 0.25× a 16 ms frame is 4 ms, at
 * odd frame times the fractions add up) and hands out whole milliseconds to advance.
 */
export class VirtualTimeAccumulator {
  private carry = 0;

  take(realElapsedMs: number, speed: number): number {
    this.carry += virtualDelta(realElapsedMs, speed);
    const whole = Math.floor(this.carry);
    this.carry -= whole;
    return whole;
  }

  reset(): void {
    this.carry = 0;
  }
}
