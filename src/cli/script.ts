/**
 * Runs a playground script: one directive per line, each echoed as `$ <line>` and followed by what it
 * printed.
 *
 *   # comment                      skipped, as are blank lines
 *   kubectl <args>                 any supported kubectl command; -f paths are relative to the script
 *   wait <duration>                advance virtual time: 500ms, 30s, 5m, 1h30m
 *   fault <name> <target> [k=v]    inject a failure (when the engine offers fault injection)
 *
 * A kubectl command that fails is output like any other (its error is printed and the script goes
 * on), as in a terminal. A script error (an unknown directive, a bad duration, a fault the engine
 * cannot inject) stops the script with `error: line N: ...` and exit code 1.
 */
import { parseDuration } from '../engine/clock/duration';
import { createCluster, type Cluster } from '../engine/cluster';
import type { PresetName } from '../engine/scenarios/presets';

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

type Injector = { inject(request: Record<string, unknown>): unknown };

function hasInject(cluster: Cluster): cluster is Cluster & Injector {
  return typeof (cluster as Partial<Injector>).inject === 'function';
}

function parseFault(words: string[]): Record<string, unknown> {
  const [fault, target, ...options] = words;
  if (!fault || !target) throw new Error('usage: fault <name> <target> [key=value ...]');
  const request: Record<string, unknown> = { fault, target };
  for (const option of options) {
    const eq = option.indexOf('=');
    if (eq <= 0) throw new Error(`fault option "${option}" must be key=value`);
    const value = option.slice(eq + 1);
    request[option.slice(0, eq)] = /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
  }
  return request;
}

export function runScript(text: string, opts: ScriptOptions = {}): ScriptResult {
  const preset = opts.preset === undefined ? 'default' : opts.preset;
  const cluster = createCluster({ seed: opts.seed ?? 1, ...(preset ? { preset } : {}) });
  const out: string[] = [];
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
          const r = cluster.kubectl(args, opts.readFile ? { readFile: opts.readFile } : {});
          out.push(r.stdout, r.stderr);
          break;
        }
        case 'wait':
          cluster.advance(parseDuration(args));
          break;
        case 'fault':
          if (!hasInject(cluster)) throw new Error('fault injection is not available yet');
          cluster.inject(parseFault(rest));
          break;
        default:
          throw new Error(`unknown directive "${directive}" (expected kubectl, wait or fault)`);
      }
    } catch (e) {
      out.push(`error: line ${lineNo}: ${(e as Error).message}\n`);
      return { output: out.join(''), exitCode: 1, cluster };
    }
    out.push('\n');
  }
  return { output: out.join(''), exitCode: 0, cluster };
}
