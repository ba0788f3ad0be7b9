/**
 * How the users' requests fare in a lane, from what the cluster shows: which processes serve which
 * modules, how many of their pods are ready, and the CPU they may use. A process shares its CPU among the
 * modules it holds (in the monolith a busy catalog slows payment down too); a request waits longer as
 * its process fills up (an M/M/1 queue's 1/(1-ρ)); past full, the excess is dropped. A call to another
 * module costs a network hop between services, nothing inside one process. A module is down when its
 * process has no ready pod, or when a module it calls is down.
 */
import { MODULES, PROFILES, type ModuleName } from './shop';

export interface ProcessState {
  id: string;
  modules: readonly ModuleName[];
  readyPods: number;
  /** CPU the ready pods may use together (their limits), millicores. */
  capacityMilli: number;
}

export interface ModuleTraffic {
  rps: number;
  /** CPU this module's requests ask for, millicores. */
  cpuMilli: number;
  latencyMs: number;
  /** Fraction of its requests that fail (no process, or dropped under overload). */
  errorRate: number;
  available: boolean;
}

export interface LaneTraffic {
  modules: Record<ModuleName, ModuleTraffic>;
  /** Per process: the CPU asked of it and its utilization (demand / capacity). */
  processes: Record<string, { demandMilli: number; utilization: number }>;
  /** Request-weighted averages over the modules. */
  latencyMs: number;
  errorRate: number;
  totalRps: number;
}

/** Longest wait a queue adds before the client gives up (the model's timeout). */
const MAX_QUEUE_FACTOR = 20;

export function laneTraffic(processes: ProcessState[], rpsByModule: Record<ModuleName, number>, hopMs: number): LaneTraffic {
  const processOf = (m: ModuleName) => processes.find((p) => p.modules.includes(m));
  const procStats: LaneTraffic['processes'] = {};
  for (const p of processes) {
    const demand = p.modules.reduce((s, m) => s + rpsByModule[m] * PROFILES[m].cpuMilliPerRps, 0);
    procStats[p.id] = { demandMilli: demand, utilization: p.capacityMilli > 0 ? demand / p.capacityMilli : Infinity };
  }
  const up = (m: ModuleName, seen: Set<ModuleName> = new Set()): boolean => {
    if (seen.has(m)) return true;
    seen.add(m);
    const p = processOf(m);
    return !!p && p.readyPods > 0 && PROFILES[m].calls.every((c) => up(c, seen));
  };
  const ownTime = (m: ModuleName): number => {
    const p = processOf(m)!;
    const rho = procStats[p.id]!.utilization;
    const factor = rho >= 1 ? MAX_QUEUE_FACTOR : Math.min(MAX_QUEUE_FACTOR, 1 / (1 - rho));
    return PROFILES[m].serviceMs * factor;
  };
  const latency = (m: ModuleName): number => {
    const p = processOf(m)!;
    return ownTime(m) + PROFILES[m].calls.reduce((s, c) => s + latency(c) + (processOf(c) === p ? 0 : 2 * hopMs), 0);
  };
  const dropped = (m: ModuleName): number => {
    const rho = procStats[processOf(m)!.id]!.utilization;
    const ownKeep = rho > 1 ? 1 / rho : 1;
    return 1 - PROFILES[m].calls.reduce((keep, c) => keep * (1 - dropped(c)), ownKeep);
  };
  const modules = {} as Record<ModuleName, ModuleTraffic>;
  let total = 0;
  let weightedLatency = 0;
  let weightedErrors = 0;
  for (const m of MODULES) {
    const rps = rpsByModule[m];
    const available = up(m);
    // The user's own hop to the module's Service is paid in both lanes.
    const lat = available ? latency(m) + hopMs : 0;
    const errorRate = available ? dropped(m) : 1;
    modules[m] = { rps, cpuMilli: rps * PROFILES[m].cpuMilliPerRps, latencyMs: Math.round(lat), errorRate, available };
    total += rps;
    if (available) weightedLatency += lat * rps;
    weightedErrors += errorRate * rps;
  }
  const servedRps = MODULES.filter((m) => modules[m].available).reduce((s, m) => s + modules[m].rps, 0);
  return {
    modules,
    processes: procStats,
    latencyMs: servedRps > 0 ? Math.round(weightedLatency / servedRps) : 0,
    errorRate: total > 0 ? weightedErrors / total : 0,
    totalRps: total,
  };
}
