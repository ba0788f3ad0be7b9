/**
 * Resource usage of a running container, as cAdvisor measures it and metrics-server reports it: the
 * program's steady demand, varied a little over time (smoothly, from a hash of the container id and
 * the time, so the same seed gives the same figures), capped by the CPU limit (CFS throttling).
 * Memory grows over the first minute as caches warm. Load added by the fault catalogue or by traffic
 * comes in as `extraCpuMilli`.
 */
import { unitHash } from './digest';

/** metrics-server's resolution: figures change per 15 s scrape window. */
const WINDOW_MS = 15_000;

function smoothNoise(key: string, atMs: number): number {
  const w = Math.floor(atMs / WINDOW_MS);
  const f = (atMs - w * WINDOW_MS) / WINDOW_MS;
  const a = unitHash(`${key}:${w}`);
  const b = unitHash(`${key}:${w + 1}`);
  return a + (b - a) * f;
}

export interface UsageInput {
  /** Stable per container instance (its container id). */
  key: string;
  demand: { cpuMilli: number; memoryBytes: number };
  startedMs: number;
  nowMs: number;
  /** CPU limit in millicores, 0 when unlimited. */
  cpuLimitMilli: number;
  /** Extra CPU from load (traffic, the fault catalogue's cpu-stress). */
  extraCpuMilli?: number;
  /** Replaces the computed CPU figure entirely (fault injection). */
  cpuOverrideMilli?: number;
  memoryOverrideBytes?: number;
}

export function containerUsage(u: UsageInput): { cpuMilli: number; memoryBytes: number } {
  const noise = smoothNoise(u.key, u.nowMs);
  let cpu = u.cpuOverrideMilli ?? u.demand.cpuMilli * (0.6 + 0.8 * noise) + (u.extraCpuMilli ?? 0);
  if (u.cpuLimitMilli > 0) cpu = Math.min(cpu, u.cpuLimitMilli);
  const age = Math.max(0, u.nowMs - u.startedMs);
  const warm = Math.min(1, 0.85 + age / 400_000);
  const memory = u.memoryOverrideBytes ?? u.demand.memoryBytes * warm * (0.97 + 0.06 * smoothNoise(`${u.key}:mem`, u.nowMs));
  return { cpuMilli: Math.max(0, Math.round(cpu)), memoryBytes: Math.round(memory) };
}
