import { describe, expect, it } from 'vitest';
import type { EventObject } from '../../store/selectors';
import { eventRow, filterEvents } from './eventRows';

function ev(name: string, type: string, reason: string, message: string, last: string, kind = 'Pod', obj = 'web-1'): EventObject {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: 'default' },
    involvedObject: { kind, name: obj, namespace: 'default' },
    type,
    reason,
    message,
    lastTimestamp: last,
  } as EventObject;
}

const events = [
  ev('e1', 'Normal', 'Scheduled', 'Successfully assigned default/web-1 to worker-1', '2026-01-01T00:00:01Z'),
  ev('e2', 'Warning', 'BackOff', 'Back-off restarting failed container', '2026-01-01T00:00:05Z'),
  ev('e3', 'Normal', 'ScalingReplicaSet', 'Scaled up replica set web-abc to 3', '2026-01-01T00:00:00Z', 'Deployment', 'web'),
];

describe('events panel rows', () => {
  it('LAST SEEN is kubectl’s age of lastTimestamp', () => {
    expect(eventRow(events[0]!, Date.parse('2026-01-01T00:02:01Z')).lastSeen).toBe('2m');
    expect(eventRow(events[0]!, Date.parse('2026-01-01T00:00:31Z')).lastSeen).toBe('30s');
  });

  it('OBJECT is kind/name in lower case, as kubectl prints it', () => {
    expect(eventRow(events[2]!, 0).object).toBe('deployment/web');
  });

  const filters = [
    { name: 'type Warning keeps only warnings', text: '', type: 'Warning' as const, want: ['e2'] },
    { name: 'text matches the reason, case-insensitively', text: 'scheduled', type: 'all' as const, want: ['e1'] },
    { name: 'text matches the object', text: 'deployment/web', type: 'all' as const, want: ['e3'] },
    { name: 'text matches the message', text: 'replica set', type: 'all' as const, want: ['e3'] },
    { name: 'no filter keeps everything', text: '  ', type: 'all' as const, want: ['e1', 'e2', 'e3'] },
  ];
  for (const f of filters) it(f.name, () => expect(filterEvents(events, f.text, f.type).map((e) => e.metadata.name)).toEqual(f.want));
});
