import { describe, expect, it } from 'vitest';
import { DEFAULT_EPOCH_MS } from '../../engine/clock/virtualClock';
import { formatVirtualTime } from './formatClock';

describe('virtual clock readout', () => {
  const cases = [
    { name: 'the epoch reads midnight', ms: DEFAULT_EPOCH_MS, want: '00:00:00.0' },
    { name: 'tenths of a second are shown', ms: DEFAULT_EPOCH_MS + 83_450, want: '00:01:23.4' },
    { name: 'past a day the day count is shown', ms: DEFAULT_EPOCH_MS + 86_400_000 + 1000, want: '+1d 00:00:01.0' },
    { name: 'before the first clock tick there is no time', ms: 0, want: '--:--:--.-' },
  ];
  for (const c of cases) it(c.name, () => expect(formatVirtualTime(c.ms)).toBe(c.want));
});
