import { describe, expect, it } from 'vitest';
import { evenSplit, requestsPerTick, TRAFFIC_TICK_MS } from './loadTraffic';
import { isFailedStatus, ServiceTraffic } from './serviceTraffic';

describe('ServiceTraffic counters', () => {
  it('add up per Service and never count more errors than requests', () => {
    const t = new ServiceTraffic();
    t.record('default', 'web', 10, 2);
    t.record('default', 'web', 5, 9);
    t.record('shop', 'web', 1, 0);
    t.record('default', 'web', 0, 4);
    expect(t.totalsOf('default', 'web')).toEqual({ requests: 15, errors: 7 });
    expect(t.totalsOf('shop', 'web')).toEqual({ requests: 1, errors: 0 });
    expect(t.totalsOf('default', 'nobody')).toEqual({ requests: 0, errors: 0 });
  });

  it.each([
    { name: 'nothing answered', status: 0, failed: true },
    { name: '200 OK', status: 200, failed: false },
    { name: '404 is the client\'s mistake, not a failed Service', status: 404, failed: false },
    { name: '500', status: 500, failed: true },
    { name: '503', status: 503, failed: true },
  ])('$name → failed: $failed', ({ status, failed }) => {
    expect(isFailedStatus(status)).toBe(failed);
  });
});

describe('load traffic arithmetic', () => {
  it.each([
    { name: 'a 13 ms loop sends 385 requests a tick', periodMs: 13, want: Math.round(TRAFFIC_TICK_MS / 13) },
    { name: 'a loop slower than the tick still sends one', periodMs: 60_000, want: 1 },
    { name: 'an unknown period counts one', periodMs: undefined, want: 1 },
    { name: 'a busy loop (period under 1 ms) counts one per millisecond', periodMs: 0.2, want: TRAFFIC_TICK_MS },
  ])('$name', ({ periodMs, want }) => {
    expect(requestsPerTick(periodMs)).toBe(want);
  });

  it('splits requests over endpoints as evenly as whole requests go', () => {
    expect([0, 1, 2].map((i) => evenSplit(10, 3, i))).toEqual([4, 3, 3]);
    expect([0, 1, 2, 3].map((i) => evenSplit(2, 4, i))).toEqual([1, 1, 0, 0]);
  });
});
