/**
 * Runs a playground script: one directive per line, each echoed as `$ <line>` and followed by what it
 * printed.
 *
 *   # comment                      skipped, as are blank lines
 *   kubectl <args>                 any supported kubectl command; -f paths are relative to the script.
 *                                  `kubectl wait` and `kubectl drain` advance virtual time until done or timed out; other
 *                                  commands answer at once (`rollout status` prints the status now)
 *   wait <duration>                advance virtual time: 500ms, 30s, 5m, 1h30m
 *   fault <name> <target> [k=v]    inject a failure from the catalogue (src/engine/faults); prints what it did
 *   chaos on [rate=N] [seed=N] [kinds=a,b]   random faults, N per virtual minute, from a seeded stream
 *   chaos off | chaos status
 *
 * While chaos is on, what it injects and heals is printed under the directive during which it happened
 * (usually a `wait`), one `[hh:mm:ss] chaos ...` line each.
 *
 * A kubectl command that fails is output like any other (its error is printed and the script goes
 * on), as in a terminal. A script error (an unknown directive, a bad duration, a fault the engine
 * cannot inject) stops the script with `error: line N: ...` and exit code 1.
 */
import { parseDuration } from '../engine/clock/duration';
import { createCluster, MAX_ADVANCE_MS, type Cluster } from '../engine/cluster';
import type { PresetName } from '../engine/scenarios/presets';
import { describeChaos, formatChaosEntry, parseChaosCommand, parseFaultCommand } from '../engine/faults';

export interface ScriptOptions {
  seed?: number;
  preset?: PresetName | null;
  /** Reads a file a `kubectl -f` names (the CLI resolves it against the script's folder). */
  readFile?: (path: string) => string;
}

export interface ScriptResult {
  output: string;
  exitCode: number;
  cluster: Cluster;
}

/** Slices `kubectl wait` advances the clock by, as the console's frames would. */
const WAIT_SLICE_MS = 100;

/**
 * `kubectl wait` and `kubectl drain` let virtual time pass until the condition holds (the evicted pods
 * are gone) or their --timeout runs out, as a terminal would show it. The other waiting commands stay one-shot in scripts (`rollout status` prints
 * one status, `get -w` the list, `delete` returns at once): a script says how long to wait with `wait`.
 */
function waitInVirtualTime(cluster: Cluster, args: string, kubectlOpts: { readFile?: (path: string) => string }): string[] {
  const r = cluster.kubectlStreaming(args, kubectlOpts);
  const out = [r.stdout, r.stderr];
  const session = r.session;
  if (!session) return out;
  const giveUpAt = cluster.clock.now() + MAX_ADVANCE_MS;
  for (;;) {
    if (cluster.clock.now() >= giveUpAt) {
      session.cancel();
      out.push('error: the script stops a kubectl wait after 24h of virtual time\n');
      return out;
    }
    const step = session.deadline === undefined ? WAIT_SLICE_MS : Math.max(1, Math.min(WAIT_SLICE_MS, session.deadline - cluster.clock.now()));
    cluster.advance(step);
    const chunk = session.poll();
    out.push(chunk.stdout, chunk.stderr);
    if (chunk.done) return out;
  }
}

export function runScript(text: string, opts: ScriptOptions = {}): ScriptResult {
  const preset = opts.preset === undefined ? 'default' : opts.preset;
  const cluster = createCluster({ seed: opts.seed ?? 1, ...(preset ? { preset } : {}) });
  const out: string[] = [];
  cluster.chaos.onEvent((e) => out.push(`${formatChaosEntry(e)}\n`));
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '' || line.startsWith('#')) continue;
    const lineNo = i + 1;
    const [directive, ...rest] = line.split(/\s+/);
    const args = line.slice(directive!.length).trim();
    out.push(`$ ${line}\n`);
    try {
      switch (directive) {
        case 'kubectl': {
          const kubectlOpts = opts.readFile ? { readFile: opts.readFile } : {};
          if (rest[0] === 'wait' || rest[0] === 'drain') {
            out.push(...waitInVirtualTime(cluster, args, kubectlOpts));
            break;
          }
          const r = cluster.kubectl(args, kubectlOpts);
          out.push(r.stdout, r.stderr);
          break;
        }
        case 'wait': {
          const ms = parseDuration(args);
          if (!Number.isFinite(ms) || ms > MAX_ADVANCE_MS) throw new Error(`wait ${args}: a wait covers at most 24h of virtual time; write several waits for longer`);
          cluster.advance(ms);
          break;
        }
        case 'fault': {
          const parsed = parseFaultCommand(rest);
          if (!parsed.ok) throw new Error(parsed.error);
          const r = cluster.inject(parsed.value);
          if (!r.ok) throw new Error(r.error);
          out.push(`${r.message}\n`);
          break;
        }
        case 'chaos': {
          const parsed = parseChaosCommand(rest);
          if (!parsed.ok) throw new Error(parsed.error);
          const cmd = parsed.value;
          const r = cmd.action === 'on' ? cluster.chaos.start(cmd.request) : cmd.action === 'off' ? cluster.chaos.stop() : { ok: true as const, message: describeChaos(cluster.chaos.status()) };
          if (!r.ok) throw new Error(r.error);
          out.push(`${r.message}\n`);
          break;
        }
        default:
          throw new Error(`unknown directive "${directive}" (expected kubectl, wait, fault or chaos)`);
      }
    } catch (e) {
      out.push(`error: line ${lineNo}: ${(e as Error).message}\n`);
      return { output: out.join(''), exitCode: 1, cluster };
    }
    out.push('\n');
  }
  return { output: out.join(''), exitCode: 0, cluster };
}
