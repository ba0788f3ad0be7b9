/** Virtual time as a readable clock: `00:01:23.4` (UTC, the cluster's epoch starts at midnight), with `+Nd` past a day. */
import { DEFAULT_EPOCH_MS } from '../../engine/clock/virtualClock';

export function formatVirtualTime(nowMs: number, epochMs: number = DEFAULT_EPOCH_MS): string {
  if (!nowMs) return '--:--:--.-';
  const iso = new Date(nowMs).toISOString();
  const clock = iso.slice(11, 21);
  const days = Math.floor((nowMs - epochMs) / 86_400_000);
  return days > 0 ? `+${days}d ${clock}` : clock;
}

export function formatSpeed(speed: number): string {
  return `${speed}×`;
}
