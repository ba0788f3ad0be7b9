/**
 * The "what happened" list every concept model keeps: coded lines in virtual time, newest last, at most
 * MAX_LOG_LINES (ConceptView's rule), so a long-running scenario does not grow without bound.
 */
import type { ConceptLogLine } from './types';

export const MAX_LOG_LINES = 200;

export class ConceptLog {
  private lines: ConceptLogLine[] = [];

  add(atMs: number, code: string, params?: Record<string, string | number>, lane?: string): void {
    this.lines.push({ atMs, code, ...(params ? { params } : {}), ...(lane ? { lane } : {}) });
    if (this.lines.length > MAX_LOG_LINES) this.lines.splice(0, this.lines.length - MAX_LOG_LINES);
  }

  /** A copy: views handed to the page must not change under it. */
  snapshot(): ConceptLogLine[] {
    return this.lines.slice();
  }

  get size(): number {
    return this.lines.length;
  }
}
