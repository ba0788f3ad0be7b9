import { describe, expect, it } from 'vitest';
import { cpuMillis, formatBytes, formatCpuMillis, memoryBytes, parseQuantity } from './quantity';

describe('parseQuantity (resource.Quantity)', () => {
  it.each([
    { name: 'millicores: 500m is half a core', text: '500m', want: 0.5 },
    { name: 'binary suffix: 1Gi is 2^30', text: '1Gi', want: 2 ** 30 },
    { name: 'binary suffix: 128Mi', text: '128Mi', want: 128 * 2 ** 20 },
    { name: 'plain bytes', text: '128974848', want: 128974848 },
    { name: 'decimal exponent: 1e3', text: '1e3', want: 1000 },
    { name: 'decimal suffix: 129M is 10^6 based', text: '129M', want: 129e6 },
    { name: 'decimal fraction: 0.5', text: '0.5', want: 0.5 },
    { name: 'a YAML number passes through', text: 2, want: 2 },
  ])('$name', ({ text, want }) => {
    expect(parseQuantity(text)).toBeCloseTo(want, 9);
  });

  it.each(['abc', '1Gb', '', '1.2.3', '5 Mi', 'm'])('refuses %j as the API server does', (text) => {
    expect(() => parseQuantity(text)).toThrow(/quantities must match the regular expression/);
  });
});

describe('cpu and memory helpers', () => {
  it('cpuMillis rounds up like MilliValue: 0.0001 cores is 1m', () => {
    expect(cpuMillis('0.0001')).toBe(1);
    expect(cpuMillis('250m')).toBe(250);
    expect(cpuMillis(1)).toBe(1000);
    expect(cpuMillis(undefined)).toBe(0);
  });
  it('memoryBytes reads binary and decimal suffixes', () => {
    expect(memoryBytes('64Mi')).toBe(67108864);
    expect(memoryBytes('1k')).toBe(1000);
    expect(memoryBytes(undefined)).toBe(0);
  });
  it('formats millicores and bytes as kubectl shows them', () => {
    expect(formatCpuMillis(250)).toBe('250m');
    expect(formatCpuMillis(2000)).toBe('2');
    expect(formatBytes(134217728)).toBe('128Mi');
    expect(formatBytes(1000)).toBe('1000');
  });
});
