/** How the timeline writes its moments and places its marks (display only). */
import type { TFunction } from 'i18next';
import { formatVirtualTime } from '../shell/formatClock';
import type { TimelineMark } from '../../worker/timeline/types';

/** A moment of virtual time to the second: `00:12:03`. */
export function formatMoment(at: number): string {
  return formatVirtualTime(at).replace(/\.\d$/, '');
}

/** A duration as a person says it: `45 s`, `12 min`, `1 h 5 min`. */
export function timeAgo(ms: number, t: TFunction): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return t('timeline.ago.seconds', { count: seconds });
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return t('timeline.ago.minutes', { count: minutes });
  return t('timeline.ago.hours', { count: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/** Each mark with its place along the track, in percent of the span. */
export function markPositions(marks: readonly TimelineMark[], start: number, end: number): { mark: TimelineMark; left: number }[] {
  const span = end - start;
  if (!(span > 0)) return [];
  return marks.filter((m) => m.at >= start && m.at <= end).map((mark) => ({ mark, left: ((mark.at - start) / span) * 100 }));
}
