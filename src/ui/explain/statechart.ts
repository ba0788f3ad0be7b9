/**
 * A statechart to draw, read from an XState machine's own config (the engine's container and kubelet
 * machines): every state with its depth, and each state's transitions with the event or delay that
 * fires them and the state they lead to (XState's target rules: `.child` is a child of the state
 * that declares the transition, `name` a sibling of it, `a.b` a sibling's child). Pure.
 */

export interface MachineConfigLike {
  initial?: string | undefined;
  states?: Record<string, StateConfigLike> | undefined;
}

interface StateConfigLike extends MachineConfigLike {
  on?: Record<string, unknown> | undefined;
  after?: Record<string, unknown> | undefined;
}

export interface ChartTransition {
  /** The event type (`EXITED`) or `after:<delay>` (`after:gracePeriod`). */
  trigger: string;
  /** Full path of the target state (`waiting.crashLoopBackOff`); undefined for a targetless transition. */
  target: string | undefined;
  /** Path of the state that declares it (an ancestor's transitions apply to its children too). */
  from: string;
}

export interface ChartState {
  path: string;
  name: string;
  depth: number;
  initial: boolean;
  transitions: ChartTransition[];
}

function targetOf(raw: unknown): string | undefined {
  if (typeof raw === 'string') return raw;
  if (raw && typeof raw === 'object' && 'target' in raw) {
    const t = (raw as { target?: unknown }).target;
    return typeof t === 'string' ? t : Array.isArray(t) && typeof t[0] === 'string' ? t[0] : undefined;
  }
  return undefined;
}

function resolveTarget(target: string | undefined, declaringPath: string): string | undefined {
  if (target === undefined) return undefined;
  if (target.startsWith('.')) return `${declaringPath}${target}`;
  const parent = declaringPath.includes('.') ? declaringPath.slice(0, declaringPath.lastIndexOf('.')) : '';
  return parent ? `${parent}.${target}` : target;
}

export function chartOf(config: MachineConfigLike): ChartState[] {
  const out: ChartState[] = [];
  const walk = (states: Record<string, StateConfigLike>, prefix: string, depth: number, initial: string | undefined) => {
    for (const [name, s] of Object.entries(states)) {
      const path = prefix ? `${prefix}.${name}` : name;
      const transitions: ChartTransition[] = [];
      for (const [event, raw] of Object.entries(s.on ?? {})) transitions.push({ trigger: event, target: resolveTarget(targetOf(raw), path), from: path });
      for (const [delay, raw] of Object.entries(s.after ?? {})) transitions.push({ trigger: `after:${delay}`, target: resolveTarget(targetOf(raw), path), from: path });
      out.push({ path, name, depth, initial: name === initial, transitions });
      if (s.states) walk(s.states, path, depth + 1, s.initial);
    }
  };
  walk(config.states ?? {}, '', 0, config.initial);
  return out;
}

/**
 * What can happen next in `current`: its own transitions first, then its ancestors' (a child's
 * transition wins over an ancestor's on the same trigger, as in XState). Targetless ones are left out.
 */
export function nextTransitions(chart: readonly ChartState[], current: string): ChartTransition[] {
  const byPath = new Map(chart.map((s) => [s.path, s]));
  const seen = new Set<string>();
  const out: ChartTransition[] = [];
  const parts = current.split('.');
  for (let i = parts.length; i > 0; i--) {
    const s = byPath.get(parts.slice(0, i).join('.'));
    for (const t of s?.transitions ?? []) {
      if (seen.has(t.trigger)) continue;
      seen.add(t.trigger);
      if (t.target !== undefined && t.target !== current) out.push(t);
    }
  }
  return out;
}

/** Whether `path` is the current state or one of its ancestors (drawn as active). */
export function isActive(path: string, current: string): boolean {
  return current === path || current.startsWith(`${path}.`);
}
