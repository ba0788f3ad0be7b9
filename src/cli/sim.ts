/**
 * `npm run sim -- FILE [--seed N] [--preset default|none]`: runs a playground script headless and
 * prints the transcript (see script.ts for the directives). Exit code 1 on a script error.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { runScript } from './script';

const USAGE = `usage: npm run sim -- FILE [--seed N] [--preset default|none]

Runs a playground script against a simulated cluster and prints a transcript.
Directives, one per line:
  # comment                      skipped, as are blank lines
  kubectl <args>                 a kubectl command; -f paths are relative to the script
  wait <duration>                advance virtual time: 500ms, 30s, 5m, 1h30m
  fault <name> <target> [k=v]    inject a failure
  chaos on [rate=N] [seed=N] [kinds=a,b]
                                 random faults, N per virtual minute (default 1), seeded (default: --seed)
  chaos off | chaos status       stop injecting (scheduled heals still happen) | show what chaos does

A kubectl command that fails prints its error and the script goes on.
A script error (unknown directive, bad duration, missing script) stops with "error: line N: ..." and exit code 1.
Options:
  --seed N          seed of every random choice (default 1)
  --preset NAME     default (a control-plane node and three workers) or none (default: default)`;

function main(argv: string[]): number {
  let file: string | undefined;
  let seed = 1;
  let preset: 'default' | null = 'default';
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const eq = arg.indexOf('=');
      if (eq >= 0) return arg.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      return 0;
    } else if (arg.startsWith('--seed')) {
      seed = Number(value());
      if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
    } else if (arg.startsWith('--preset')) {
      const p = value();
      if (p !== 'default' && p !== 'none') throw new Error(`unknown preset "${p}" (default or none)`);
      preset = p === 'none' ? null : 'default';
    } else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}\n${USAGE}`);
    else if (file === undefined) file = arg;
    else throw new Error(`only one script file can be given\n${USAGE}`);
  }
  if (!file) throw new Error(USAGE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`cannot read script "${file}"`);
  }
  const dir = dirname(resolve(file));
  const result = runScript(text, {
    seed,
    preset,
    readFile: (path) => {
      try {
        return readFileSync(resolve(dir, path), 'utf8');
      } catch {
        throw new Error(`error: the path "${path}" does not exist`);
      }
    },
  });
  process.stdout.write(result.output);
  return result.exitCode;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`error: ${(e as Error).message}\n`);
  process.exitCode = 1;
}
