/**
 * How kubectl prints sums of quantities (describe node's Allocated resources): parsing comes from
 * the API server's quantity module; bytes keep the suffix family the inputs used (resource.Quantity
 * keeps its format), so `128Mi + 64Mi` prints `192Mi` and `100M + 100M` prints `200M`.
 */
export { cpuMillis, formatCpuMillis, memoryBytes } from '../apiserver/quantity';

const BINARY: [string, number][] = [
  ['Ei', 2 ** 60],
  ['Pi', 2 ** 50],
  ['Ti', 2 ** 40],
  ['Gi', 2 ** 30],
  ['Mi', 2 ** 20],
  ['Ki', 2 ** 10],
];
const DECIMAL: [string, number][] = [
  ['E', 1e18],
  ['P', 1e15],
  ['T', 1e12],
  ['G', 1e9],
  ['M', 1e6],
  ['k', 1e3],
];

/** Whether a quantity is written with a binary suffix (`Ki`, `Mi` ...). */
export function isBinaryQuantity(q: unknown): boolean {
  return typeof q === 'string' && /[KMGTPE]i$/.test(q.trim());
}

export function formatBytes(bytes: number, binary: boolean): string {
  if (bytes === 0) return '0';
  for (const [suffix, unit] of binary ? BINARY : DECIMAL) if (bytes % unit === 0) return `${bytes / unit}${suffix}`;
  return String(bytes);
}
