/**
 * RFC 3339 timestamps with second precision, memoised per second: the kubelet stamps thousands of
 * statuses within the same virtual second, and formatting a Date is not free.
 */
let lastSecond = Number.NaN;
let lastText = '';

export function rfc3339(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastText = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastText;
}

/** metav1.MicroTime as a Lease's renewTime carries it: `2026-01-01T00:00:10.000000Z`. */
let lastMicroMs = Number.NaN;
let lastMicro = '';

export function microTime(ms: number): string {
  if (ms !== lastMicroMs) {
    lastMicroMs = ms;
    lastMicro = new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
  }
  return lastMicro;
}
