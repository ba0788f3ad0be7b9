/**
 * kubectl's flag parsing (cobra/pflag conventions): flags may appear anywhere among the positional
 * arguments, `--name=value` and `--name value` are equivalent for flags that take a value, `-n ns` and
 * `-nns` for shorthands, booleans take no value unless written `--flag=false`, and `--` ends the flags
 * (what follows is passed through, as `kubectl run ... -- sleep 3600` does).
 *
 * One table serves every command: a flag a command does not use is accepted and ignored, which is
 * more lenient than kubectl but keeps each command's code small.
 */
import { KubectlError } from './errors';

type FlagKind = 'string' | 'bool' | 'array';

interface FlagSpec {
  name: string;
  short?: string;
  kind: FlagKind;
  /** Value when the flag is given without one (pflag's NoOptDefVal), e.g. `--cascade`. */
  noOptValue?: string;
}

const FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'all-namespaces', short: 'A', kind: 'bool' },
  { name: 'selector', short: 'l', kind: 'string' },
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'show-labels', kind: 'bool' },
  { name: 'show-kind', kind: 'bool' },
  { name: 'no-headers', kind: 'bool' },
  { name: 'label-columns', short: 'L', kind: 'array' },
  { name: 'filename', short: 'f', kind: 'array' },
  { name: 'recursive', short: 'R', kind: 'bool' },
  { name: 'dry-run', kind: 'string', noOptValue: 'client' },
  { name: 'watch', short: 'w', kind: 'bool' },
  { name: 'watch-only', kind: 'bool' },
  { name: 'for', kind: 'string' },
  { name: 'replicas', kind: 'string' },
  { name: 'min', kind: 'string' },
  { name: 'max', kind: 'string' },
  { name: 'cpu-percent', kind: 'string' },
  { name: 'image', kind: 'string' },
  { name: 'port', kind: 'string' },
  { name: 'type', kind: 'string' },
  { name: 'target-port', kind: 'string' },
  { name: 'protocol', kind: 'string' },
  { name: 'name', kind: 'string' },
  { name: 'to-revision', kind: 'string' },
  { name: 'revision', kind: 'string' },
  { name: 'tail', kind: 'string' },
  { name: 'container', short: 'c', kind: 'string' },
  { name: 'previous', short: 'p', kind: 'bool' },
  { name: 'timestamps', kind: 'bool' },
  { name: 'force', kind: 'bool' },
  { name: 'grace-period', kind: 'string' },
  { name: 'now', kind: 'bool' },
  { name: 'wait', kind: 'bool' },
  { name: 'cascade', kind: 'string', noOptValue: 'background' },
  { name: 'ignore-daemonsets', kind: 'bool' },
  { name: 'delete-emptydir-data', kind: 'bool' },
  { name: 'delete-local-data', kind: 'bool' },
  { name: 'disable-eviction', kind: 'bool' },
  { name: 'overwrite', kind: 'bool' },
  { name: 'all', kind: 'bool' },
  { name: 'sort-by', kind: 'string' },
  { name: 'restart', kind: 'string' },
  { name: 'labels', kind: 'string' },
  { name: 'env', kind: 'array' },
  { name: 'command', kind: 'bool' },
  { name: 'from-literal', kind: 'array' },
  { name: 'record', kind: 'bool' },
  { name: 'timeout', kind: 'string' },
  { name: 'server-side', kind: 'bool' },
  { name: 'field-manager', kind: 'string' },
  { name: 'save-config', kind: 'bool' },
  { name: 'validate', kind: 'string', noOptValue: 'strict' },
  { name: 'containers', kind: 'bool' },
  { name: 'short', kind: 'bool' },
  { name: 'client', kind: 'bool' },
  { name: 'api-group', kind: 'string' },
  { name: 'namespaced', kind: 'string', noOptValue: 'true' },
  { name: 'help', short: 'h', kind: 'bool' },
  { name: 'stdin', short: 'i', kind: 'bool' },
  { name: 'tty', short: 't', kind: 'bool' },
  { name: 'rm', kind: 'bool' },
  { name: 'context', kind: 'string' },
  { name: 'cluster', kind: 'string' },
  { name: 'kubeconfig', kind: 'string' },
  { name: 'v', short: 'v', kind: 'string' },
  { name: 'follow', kind: 'bool' },
  { name: 'field-selector', kind: 'string' },
  { name: 'prefix', kind: 'bool' },
  { name: 'max-log-requests', kind: 'string' },
  { name: 'all-containers', kind: 'bool' },
  { name: 'since', kind: 'string' },
  { name: 'address', kind: 'array' },
  { name: 'tcp', kind: 'array' },
  { name: 'node-port', kind: 'string' },
  { name: 'clusterip', kind: 'string' },
  { name: 'from', kind: 'string' },
  { name: 'current', kind: 'bool' },
  { name: 'patch', kind: 'string' },
  { name: 'types', kind: 'string' },
];

/** Shorthands a command gives its own meaning (`kubectl logs -f` follows; elsewhere -f is --filename). */
const COMMAND_SHORTS: Record<string, Record<string, string>> = {
  logs: { f: 'follow' },
  patch: { p: 'patch' },
};

const BY_NAME = new Map(FLAGS.map((f) => [f.name, f]));
const BY_SHORT = new Map(FLAGS.filter((f) => f.short).map((f) => [f.short!, f]));

export interface ParsedArgs {
  /** Positional words, the command words included (`get`, `pods`, `web`). */
  positionals: string[];
  /** Words after a bare `--`. */
  passthrough: string[];
  /** Flag values by long name, in the order given. */
  flags: Map<string, string[]>;
}

export function parseArgs(words: string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string[]>();
  const set = (spec: FlagSpec, value: string) => {
    const list = flags.get(spec.name) ?? [];
    list.push(value);
    flags.set(spec.name, list);
  };
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '--') return { positionals, passthrough: words.slice(i + 1), flags };
    if (word.startsWith('--')) {
      const eq = word.indexOf('=');
      const name = eq < 0 ? word.slice(2) : word.slice(2, eq);
      const spec = BY_NAME.get(name);
      if (!spec) throw new KubectlError(`error: unknown flag: --${name}\nSee 'kubectl --help' for usage.`);
      if (eq >= 0) set(spec, word.slice(eq + 1));
      else if (spec.kind === 'bool') set(spec, 'true');
      else if (spec.noOptValue !== undefined) set(spec, spec.noOptValue);
      else {
        const value = words[++i];
        if (value === undefined) throw new KubectlError(`error: flag needs an argument: --${name}`);
        set(spec, value);
      }
      continue;
    }
    if (word.startsWith('-') && word.length > 1 && !/^-\d/.test(word)) {
      // A run of shorthands (`-it`), the last of which may take a value (`-nkube-system`, `-n kube-system`).
      for (let j = 1; j < word.length; j++) {
        const short = word[j]!;
        const own = COMMAND_SHORTS[positionals[0] ?? '']?.[short];
        const spec = own ? BY_NAME.get(own) : BY_SHORT.get(short);
        if (!spec) throw new KubectlError(`error: unknown shorthand flag: '${short}' in ${word}\nSee 'kubectl --help' for usage.`);
        if (spec.kind === 'bool') {
          if (word[j + 1] === '=') {
            set(spec, word.slice(j + 2));
            break;
          }
          set(spec, 'true');
          continue;
        }
        let rest = word.slice(j + 1);
        if (rest.startsWith('=')) rest = rest.slice(1);
        if (rest !== '') set(spec, rest);
        else {
          const value = words[++i];
          if (value === undefined) throw new KubectlError(`error: flag needs an argument: '${short}' in -${short}`);
          set(spec, value);
        }
        break;
      }
      continue;
    }
    positionals.push(word);
  }
  return { positionals, passthrough: [], flags };
}

/** Accessors commands use; `get` returns the last value given, as pflag does for repeated string flags. */
export class Flags {
  constructor(private readonly parsed: ParsedArgs) {}

  has(name: string): boolean {
    return this.parsed.flags.has(name);
  }

  string(name: string): string | undefined {
    const list = this.parsed.flags.get(name);
    return list?.[list.length - 1];
  }

  all(name: string): string[] {
    return this.parsed.flags.get(name) ?? [];
  }

  bool(name: string): boolean {
    const v = this.string(name);
    if (v === undefined) return false;
    if (v === 'true' || v === '') return true;
    if (v === 'false') return false;
    throw new KubectlError(`error: invalid argument "${v}" for "--${name}" flag: strconv.ParseBool: parsing "${v}": invalid syntax`);
  }

  /** An integer flag, as pflag's Int (64 bits) or Int32 parses it: out of range is an error, as in Go. */
  int(name: string, bits: 32 | 64 = 64): number | undefined {
    const v = this.string(name);
    if (v === undefined) return undefined;
    if (!/^-?\d+$/.test(v)) {
      throw new KubectlError(`error: invalid argument "${v}" for "--${name}" flag: strconv.ParseInt: parsing "${v}": invalid syntax`);
    }
    const limit = 2n ** BigInt(bits - 1);
    const n = BigInt(v);
    // Beyond int64 Go says so; within it, values past 2^53 would lose precision here, so they are refused too.
    if (n >= limit || n < -limit || (bits === 64 && (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)))) {
      throw new KubectlError(`error: invalid argument "${v}" for "--${name}" flag: strconv.ParseInt: parsing "${v}": value out of range`);
    }
    return Number(v);
  }
}
