/**
 * The small system both sides build, the same for each: a network, a database, N web instances and a
 * load balancer that sends users to the web instances. Each side has its own copy of it; the faults hit
 * both copies at the same virtual instant.
 */

export type InstanceState = 'starting' | 'running';

export interface WebInstance {
  name: string;
  state: InstanceState;
}

export interface World {
  network: boolean;
  database: 'stopped' | 'starting' | 'running';
  web: WebInstance[];
  /** The web instances the load balancer sends users to, by name (it may name dead ones). */
  lb: string[];
}

export const START_POINTS = ['empty', 'half-done', 'drifted'] as const;
export type StartPoint = (typeof START_POINTS)[number];

export function initialWorld(start: StartPoint): World {
  switch (start) {
    case 'empty':
      return { network: false, database: 'stopped', web: [], lb: [] };
    case 'half-done':
      // What a script that died at its third step leaves: a network, a database, one web instance, no balancer.
      return { network: true, database: 'running', web: [{ name: 'web-1', state: 'running' }], lb: [] };
    case 'drifted':
      // Hand-made changes over months: too many instances, and a balancer still naming one long gone.
      return {
        network: true,
        database: 'running',
        web: ['web-1', 'web-2', 'web-3', 'web-4', 'web-5'].map((name) => ({ name, state: 'running' as const })),
        lb: ['web-0', 'web-1', 'web-2'],
      };
  }
}

export function runningWeb(w: World): WebInstance[] {
  return w.web.filter((i) => i.state === 'running');
}

/** Balancer entries that point at no running instance: users sent there get an error. */
export function staleBackends(w: World): string[] {
  const alive = new Set(runningWeb(w).map((i) => i.name));
  return w.lb.filter((n) => !alive.has(n));
}

/** The goals, each met or not: the network, the database, exactly N web instances, a correct balancer. */
export function goalsMet(w: World, replicas: number): { network: boolean; database: boolean; web: boolean; lb: boolean } {
  const running = runningWeb(w);
  const lbSet = new Set(w.lb);
  return {
    network: w.network,
    database: w.database === 'running',
    web: running.length === replicas && w.web.length === replicas,
    // The balancer sends users to every running instance and only to them (and to some instance at all).
    lb: w.lb.length > 0 && w.lb.length === running.length && running.every((i) => lbSet.has(i.name)),
  };
}

export function converged(w: World, replicas: number): boolean {
  const g = goalsMet(w, replicas);
  return g.network && g.database && g.web && g.lb;
}

/** The lowest free `web-N` name. */
export function nextWebName(w: World): string {
  const taken = new Set(w.web.map((i) => i.name));
  for (let i = 1; ; i++) if (!taken.has(`web-${i}`)) return `web-${i}`;
}
