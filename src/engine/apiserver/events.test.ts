import { describe, expect, it } from 'vitest';
import type { Event as KubeEvent } from 'kubernetes-types/core/v1';
import { ApiServer } from './apiserver';
import { EventRecorder } from './events';
import { VirtualClock } from '../clock/virtualClock';
import { SeededRandom } from '../clock/random';

function setup() {
  const clock = new VirtualClock();
  const api = new ApiServer(clock, new SeededRandom(1));
  api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  const recorder = new EventRecorder(api, clock);
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-1', namespace: 'default', uid: 'u1' } };
  return { clock, api, recorder, pod };
}

const events = (api: ApiServer) => api.peekList<KubeEvent>('Event');

describe('EventRecorder', () => {
  it('records a core/v1 Event naming the involved object and the source', () => {
    const { api, recorder, pod } = setup();
    recorder.record(pod, 'Normal', 'Pulling', 'Pulling image "nginx"', { component: 'kubelet', host: 'worker-1' });
    const [e] = events(api);
    expect(e).toMatchObject({
      involvedObject: { kind: 'Pod', name: 'web-1', namespace: 'default', uid: 'u1' },
      reason: 'Pulling',
      type: 'Normal',
      count: 1,
      source: { component: 'kubelet', host: 'worker-1' },
    });
    expect(e!.metadata.name).toMatch(/^web-1\.[0-9a-f]+$/);
  });

  it('a repeat within 10 minutes bumps count and lastTimestamp (EventCorrelator)', () => {
    const { api, clock, recorder, pod } = setup();
    recorder.record(pod, 'Warning', 'BackOff', 'Back-off restarting failed container', { component: 'kubelet' });
    clock.advance(40_000);
    recorder.record(pod, 'Warning', 'BackOff', 'Back-off restarting failed container', { component: 'kubelet' });
    const all = events(api);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ count: 2, firstTimestamp: '2026-01-01T00:00:00Z', lastTimestamp: '2026-01-01T00:00:40Z' });
  });

  it('events expire an hour after their last update (--event-ttl=1h)', () => {
    const { api, clock, recorder, pod } = setup();
    recorder.record(pod, 'Normal', 'Started', 'Started container nginx', { component: 'kubelet' });
    clock.advance(50 * 60_000);
    recorder.record(pod, 'Normal', 'Killing', 'Stopping container nginx', { component: 'kubelet' });
    clock.advance(11 * 60_000);
    expect(events(api).map((e) => e.reason)).toEqual(['Killing']);
    clock.advance(60 * 60_000);
    expect(events(api)).toEqual([]);
  });

  it('an event refreshed by a repeat lives an hour from the repeat', () => {
    const { api, clock, recorder, pod } = setup();
    recorder.record(pod, 'Warning', 'BackOff', 'Back-off', { component: 'kubelet' });
    clock.advance(9 * 60_000);
    recorder.record(pod, 'Warning', 'BackOff', 'Back-off', { component: 'kubelet' });
    clock.advance(55 * 60_000);
    expect(events(api)).toHaveLength(1);
    clock.advance(6 * 60_000);
    expect(events(api)).toHaveLength(0);
  });

  it('an event that recurs after the 10-minute window gets a new object, and the old one still expires after an hour', () => {
    const { api, clock, recorder, pod } = setup();
    // Every 11 minutes for 24 hours: each repeat is a new Event (outside the aggregation window).
    for (let t = 0; t < 24 * 60; t += 11) {
      recorder.record(pod, 'Warning', 'BackOff', 'Back-off restarting failed container', { component: 'kubelet' });
      clock.advance(11 * 60_000);
    }
    clock.advance(2 * 60_000);
    const ttlMs = 60 * 60_000;
    const stale = events(api).filter((e) => clock.now() - Date.parse(e.lastTimestamp!) > ttlMs + 60_000);
    expect(stale).toEqual([]);
    // An hour holds at most 6 of them (one per 11 minutes), plus the sweep's minute of slack.
    expect(events(api).length).toBeLessThanOrEqual(7);
  });
});

