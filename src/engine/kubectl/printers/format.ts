/** Small formatters shared by kubectl's tables and descriptions. */
import type { LabelSelector } from 'kubernetes-types/meta/v1';
import type { Container } from 'kubernetes-types/core/v1';
import { humanDuration } from '../../clock/duration';
import type { ResourceType } from '../../apiserver/resources';

/** translateTimestampSince: the AGE of a timestamp, `<unknown>` when unset. */
export function since(timestamp: string | undefined | null, nowMs: number): string {
  if (!timestamp) return '<unknown>';
  return humanDuration(nowMs - Date.parse(timestamp));
}

/** metav1.LabelSelector as labels.Selector.String(): requirements sorted by key, `<none>` when empty. */
export function formatLabelSelector(selector: LabelSelector | undefined | null, emptyAs = '<none>'): string {
  if (!selector) return emptyAs;
  const parts: { key: string; text: string }[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) parts.push({ key, text: `${key}=${value}` });
  for (const e of selector.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    const text =
      e.operator === 'In' ? `${e.key} in (${values})` : e.operator === 'NotIn' ? `${e.key} notin (${values})` : e.operator === 'Exists' ? e.key : `!${e.key}`;
    parts.push({ key: e.key, text });
  }
  if (parts.length === 0) return emptyAs;
  return parts
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((p) => p.text)
    .join(',');
}

/** labels.FormatLabels: `k=v,k2=v2` sorted by key, `<none>` when empty. */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  if (!labels) return '<none>';
  const keys = Object.keys(labels).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels[k]}`).join(',');
}

/** layoutContainerCells: the CONTAINERS and IMAGES cells of `-o wide`. */
export function containerCells(containers: readonly Container[] | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}

/** How kubectl names a resource in `-o name` and in multi-kind tables: `pod`, `deployment.apps`. */
export function kindPrefix(type: ResourceType): string {
  return type.group ? `${type.kind.toLowerCase()}.${type.group}` : type.kind.toLowerCase();
}

/** Go's time.RFC1123Z in UTC, as `describe` prints times: `Thu, 01 Jan 2026 00:00:00 +0000`. */
export function rfc1123z(timestamp: string | undefined | null): string {
  if (!timestamp) return '<unset>';
  const d = new Date(Date.parse(timestamp));
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

export function intOrString(v: number | string | undefined | null): string {
  return v === undefined || v === null ? '' : String(v);
}
