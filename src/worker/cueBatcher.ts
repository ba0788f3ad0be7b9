/**
 * Collects animation cues between two frames. At high speed the engine can emit hundreds of cues a
 * frame; the canvas can show only a few flashes at once, so a batch keeps the most recent `limit`
 * cues and repeated identical cues (a node's heartbeat, one controller syncing the same key) once.
 */
import type { Cue } from '../engine/cues';
import type { TimedCue } from './protocol';

export const DEFAULT_CUE_LIMIT = 200;

export function cueIdentity(cue: Cue): string {
  return JSON.stringify(cue);
}

export class CueBatcher {
  private cues: TimedCue[] = [];
  private seen = new Set<string>();
  dropped = 0;

  constructor(private readonly limit = DEFAULT_CUE_LIMIT) {}

  record(at: number, cue: Cue): void {
    const id = cueIdentity(cue);
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.cues.push({ at, cue });
    if (this.cues.length > this.limit * 2) this.trim();
  }

  get size(): number {
    return this.cues.length;
  }

  drain(): TimedCue[] {
    this.trim();
    const out = this.cues;
    this.cues = [];
    this.seen = new Set();
    return out;
  }

  private trim(): void {
    if (this.cues.length <= this.limit) return;
    this.dropped += this.cues.length - this.limit;
    this.cues = this.cues.slice(this.cues.length - this.limit);
  }
}
