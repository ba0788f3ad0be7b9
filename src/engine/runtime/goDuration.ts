/**
 * Go's time.Duration.String() for durations truncated to milliseconds, as the kubelet prints them in
 * events (`in 1.52s`, `in 379ms`, `in 1m5.2s`).
 */
export function goDuration(ms: number): string {
  const whole = Math.max(0, Math.floor(ms));
  if (whole === 0) return '0s';
  if (whole < 1000) return `${whole}ms`;
  const hours = Math.floor(whole / 3_600_000);
  const minutes = Math.floor((whole % 3_600_000) / 60_000);
  const secMs = whole % 60_000;
  const seconds = (secMs / 1000).toFixed(3).replace(/\.?0+$/, '');
  let out = '';
  if (hours > 0) out += `${hours}h`;
  if (hours > 0 || minutes > 0) out += `${minutes}m`;
  return `${out}${seconds}s`;
}
