/**
 * Cron schedules as the CronJob controller reads them (robfig/cron's standard parser): five fields,
 * minute hour day-of-month month day-of-week, each `*`, a number, a range `a-b`, a step `*\/n` or
 * `a-b/n` or `a/n`, or a comma list of these; month and weekday names (JAN, MON); `?` as `*`; the
 * descriptors @yearly/@annually, @monthly, @weekly, @daily/@midnight, @hourly. When both day fields
 * are restricted a day matching either one fires; when one of them is `*`, both must match.
 *
 * Times are evaluated on the wall clock of spec.timeZone (kube-controller-manager's own zone, UTC, when
 * unset), using the IANA database of the JavaScript runtime.
 */

interface Field {
  values: Set<number>;
  /** The field was `*` or `?` (not `*\/n`): it does not restrict days. */
  star: boolean;
}

export interface CronSchedule {
  minute: Field;
  hour: Field;
  dayOfMonth: Field;
  month: Field;
  dayOfWeek: Field;
}

const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

interface Bounds {
  min: number;
  max: number;
  names?: string[];
  nameOffset?: number;
}

const BOUNDS: Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTH_NAMES, nameOffset: 1 },
  { min: 0, max: 6, names: DAY_NAMES, nameOffset: 0 },
];

export class CronParseError extends Error {}

function parseValue(text: string, b: Bounds): number {
  const lower = text.toLowerCase();
  const named = b.names?.indexOf(lower) ?? -1;
  if (named >= 0) return named + (b.nameOffset ?? 0);
  if (!/^\d+$/.test(text)) throw new CronParseError(`failed to parse int from ${text}: strconv.Atoi: parsing "${text}": invalid syntax`);
  return Number.parseInt(text, 10);
}

function parseField(expr: string, b: Bounds): Field {
  const values = new Set<number>();
  let star = false;
  for (const part of expr.split(',')) {
    const [rangeText = '', stepText] = part.split('/');
    let start: number;
    let end: number;
    let partStar = false;
    if (rangeText === '*' || rangeText === '?') {
      start = b.min;
      end = b.max;
      partStar = true;
    } else {
      const [lo = '', hi] = rangeText.split('-');
      start = parseValue(lo, b);
      end = hi !== undefined ? parseValue(hi, b) : stepText !== undefined ? b.max : start;
    }
    let step = 1;
    if (stepText !== undefined) {
      if (!/^\d+$/.test(stepText) || Number.parseInt(stepText, 10) === 0) throw new CronParseError(`step of range should be a positive number: ${part}`);
      step = Number.parseInt(stepText, 10);
      if (step > 1) partStar = false;
    }
    if (start < b.min) throw new CronParseError(`beginning of range (${start}) below minimum (${b.min}): ${part}`);
    if (end > b.max) throw new CronParseError(`end of range (${end}) above maximum (${b.max}): ${part}`);
    if (start > end) throw new CronParseError(`beginning of range (${start}) beyond end of range (${end}): ${part}`);
    for (let v = start; v <= end; v += step) values.add(v);
    star ||= partStar;
  }
  return { values, star };
}

/** Parses a schedule; throws CronParseError with robfig/cron's wording when it is invalid. */
export function parseCronSchedule(spec: string): CronSchedule {
  const text = spec.trim();
  const expanded = text.startsWith('@') ? DESCRIPTORS[text.toLowerCase()] : text;
  if (expanded === undefined) throw new CronParseError(`unrecognized descriptor: ${text}`);
  const fields = expanded.split(/\s+/).filter((f) => f !== '');
  if (fields.length !== 5) throw new CronParseError(`expected exactly 5 fields, found ${fields.length}: ${text}`);
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields.map((f, i) => parseField(f, BOUNDS[i]!));
  return { minute: minute!, hour: hour!, dayOfMonth: dayOfMonth!, month: month!, dayOfWeek: dayOfWeek! };
}

// ---- time zones: wall-clock fields of an instant, by offset ----

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws a RangeError for a zone the IANA database does not know. */
export function validateTimeZone(timeZone: string): void {
  formatter(timeZone);
}

/** Milliseconds to add to a UTC instant to get the wall clock of `timeZone` (0 for UTC). */
export function zoneOffsetMs(instantMs: number, timeZone: string | undefined): number {
  if (!timeZone || timeZone === 'UTC' || timeZone === 'Etc/UTC') return 0;
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instantMs))) if (p.type !== 'literal') parts[p.type] = Number.parseInt(p.value, 10);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(instantMs / 1000) * 1000;
}

function wallToInstant(wallMs: number, timeZone: string | undefined): number {
  const guess = wallMs - zoneOffsetMs(wallMs, timeZone);
  return wallMs - zoneOffsetMs(guess, timeZone);
}

function dayMatches(s: CronSchedule, d: Date): boolean {
  const dom = s.dayOfMonth.values.has(d.getUTCDate());
  const dow = s.dayOfWeek.values.has(d.getUTCDay());
  return s.dayOfMonth.star || s.dayOfWeek.star ? dom && dow : dom || dow;
}

/** The first activation strictly after `afterMs`, or undefined if none within five years. */
export function nextActivation(s: CronSchedule, afterMs: number, timeZone?: string): number | undefined {
  const wallAfter = afterMs + zoneOffsetMs(afterMs, timeZone);
  let t = Math.floor(wallAfter / 60_000) * 60_000 + 60_000;
  const limit = wallAfter + 5 * 366 * 86_400_000;
  while (t <= limit) {
    const d = new Date(t);
    const y = d.getUTCFullYear();
    const mo = d.getUTCMonth();
    const day = d.getUTCDate();
    const h = d.getUTCHours();
    if (!s.month.values.has(mo + 1)) {
      t = Date.UTC(y, mo + 1, 1);
      continue;
    }
    if (!dayMatches(s, d)) {
      t = Date.UTC(y, mo, day + 1);
      continue;
    }
    if (!s.hour.values.has(h)) {
      t = Date.UTC(y, mo, day, h + 1);
      continue;
    }
    if (!s.minute.values.has(d.getUTCMinutes())) {
      t += 60_000;
      continue;
    }
    return wallToInstant(t, timeZone);
  }
  return undefined;
}

/** RFC 3339 in the schedule's zone, as the scheduled-timestamp annotation writes it (`...Z` or `+09:00`). */
export function formatInZone(instantMs: number, timeZone: string | undefined): string {
  const offset = zoneOffsetMs(instantMs, timeZone);
  const wall = new Date(instantMs + offset).toISOString().replace(/\.\d{3}Z$/, '');
  if (offset === 0) return `${wall}Z`;
  const abs = Math.abs(offset) / 60_000;
  return `${wall}${offset < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** Go's RFC1123Z layout (`Mon, 02 Jan 2006 15:04:05 -0700`), used by the MissSchedule event. */
export function formatRfc1123z(instantMs: number, timeZone: string | undefined): string {
  const offset = zoneOffsetMs(instantMs, timeZone);
  const d = new Date(instantMs + offset);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  const abs = Math.abs(offset) / 60_000;
  const zone = `${offset < 0 ? '-' : '+'}${p(Math.floor(abs / 60))}${p(abs % 60)}`;
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} ${zone}`;
}
