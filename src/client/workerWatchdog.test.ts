import { describe, expect, it } from 'vitest';
import { PING_INTERVAL_MS, RUNNING_SILENCE_MS, STARTING_SILENCE_MS, WorkerWatchdog } from './workerWatchdog';

describe('WorkerWatchdog', () => {
  it('pings once a second while the worker answers, and never gives it up', () => {
    const w = new WorkerWatchdog(0);
    const verdicts: string[] = [];
    for (let t = 0; t <= 20_000; t += PING_INTERVAL_MS) {
      verdicts.push(w.check(t, false));
      w.heard(t + 50);
    }
    expect(verdicts.every((v) => v === 'ping')).toBe(true);
  });

  it('gives a running worker up after 5 s of silence', () => {
    const w = new WorkerWatchdog(0);
    expect(w.check(RUNNING_SILENCE_MS, false)).not.toBe('gone');
    expect(w.check(RUNNING_SILENCE_MS + 1, false)).toBe('gone');
  });

  it('a starting worker (replaying a long history) gets 30 s', () => {
    const w = new WorkerWatchdog(0);
    expect(w.check(RUNNING_SILENCE_MS + 1, true)).not.toBe('gone');
    expect(w.check(STARTING_SILENCE_MS + 1, true)).toBe('gone');
  });

  it('silence while the page was hidden is forgiven', () => {
    const w = new WorkerWatchdog(0);
    w.forgive(60_000);
    expect(w.check(61_000, false)).toBe('ping');
  });
});
