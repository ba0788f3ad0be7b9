/**
 * Tab completion for the console, as kubectl's shell completion does it: the word under the cursor is a
 * command, a resource type, an object name (asked of the worker), a namespace after `-n`, or an editor
 * file after `-f`. Pure: the caller supplies the names.
 */
import { RESOURCE_TYPES, resourceForAlias } from '../../engine/apiserver/resources';
import { CONTROL_PLANE_COMPONENTS, FAULT_NAMES, faultSpec, isFaultName } from '../../engine/faults';

/** kubectl's top-level commands the engine implements (kept equal to its registry by a test). */
export const KUBECTL_COMMANDS = [
  'get', 'describe', 'apply', 'create', 'replace', 'delete', 'run', 'expose', 'scale', 'autoscale', 'rollout', 'set', 'label', 'annotate',
  'cordon', 'uncordon', 'drain', 'wait', 'logs', 'top', 'version', 'cluster-info', 'api-resources', 'config', 'exec', 'port-forward', 'taint', 'patch', 'events',
] as const;

/** Console words that are not kubectl commands (`fault` and `chaos` are the failure catalogue's companions). */
export const CONSOLE_COMMANDS = ['clear', 'help', 'fault', 'chaos'] as const;

export const CHAOS_ACTIONS = ['on', 'off', 'status'] as const;

const SUBCOMMANDS: Record<string, readonly string[]> = {
  rollout: ['history', 'pause', 'restart', 'resume', 'status', 'undo'],
  set: ['image'],
  top: ['nodes', 'pods'],
  config: ['current-context', 'get-contexts'],
  create: ['configmap', 'deployment', 'namespace'],
};

/** Verbs whose first argument is TYPE or TYPE/NAME. */
const TYPE_VERBS = new Set(['get', 'describe', 'delete', 'scale', 'autoscale', 'label', 'annotate', 'expose', 'rollout', 'set', 'wait']);
/** Verbs whose argument is a name of one fixed type. */
const NAME_VERBS: Record<string, string> = { logs: 'pods', exec: 'pods', 'port-forward': 'pods', cordon: 'nodes', uncordon: 'nodes', drain: 'nodes' };
/** Flags that take the next word as their value. */
const VALUE_FLAGS = new Set(['-n', '--namespace', '-o', '--output', '-l', '--selector', '-c', '--container', '-f', '--filename', '--replicas', '--image', '--port', '--type', '--name', '--for', '--timeout']);

/** Every name kubectl accepts for a type, for completing the TYPE word. */
export const RESOURCE_WORDS: readonly string[] = [...new Set(RESOURCE_TYPES.flatMap((t) => [t.plural, t.singular, ...t.shortNames]))].sort();

export type CompletionRequest =
  | { kind: 'words'; words: readonly string[] }
  | { kind: 'names'; resource: string; namespace?: string; allNamespaces: boolean; /** Prepended to each name (`deployment/`). */ prefix: string }
  | { kind: 'files' }
  /** Candidates of several requests together (a fault target that may be a pod, a node or a Deployment). */
  | { kind: 'any'; requests: CompletionRequest[] }
  | { kind: 'none' };

export interface CompletionSite {
  /** Where the word being completed starts in the line. */
  start: number;
  /** The word typed so far. */
  partial: string;
  request: CompletionRequest;
}

/** What to complete at the end of `line`. */
export function completionSite(line: string): CompletionSite {
  const start = line.search(/\S*$/);
  const partial = line.slice(start);
  const words = line.slice(0, start).trim().split(/\s+/).filter((w) => w !== '');
  const site = (request: CompletionRequest): CompletionSite => ({ start, partial, request });
  if (words[0] === 'fault') return site(faultRequest(words.slice(1), partial));
  if (words[0] === 'chaos') return site(words.length === 1 ? { kind: 'words', words: CHAOS_ACTIONS } : { kind: 'none' });
  if (words[0] === 'kubectl') words.shift();

  const previous = words[words.length - 1];
  const namespace = flagValue(words, ['-n', '--namespace']);
  const allNamespaces = words.includes('-A') || words.includes('--all-namespaces');
  if (previous === '-n' || previous === '--namespace') return site({ kind: 'names', resource: 'namespaces', allNamespaces: true, prefix: '' });
  if (previous === '-f' || previous === '--filename') return site({ kind: 'files' });
  if (previous && VALUE_FLAGS.has(previous)) return site({ kind: 'none' });
  if (partial.startsWith('-')) return site({ kind: 'none' });

  const positionals = positionalWords(words);
  const verb = positionals[0];
  if (verb === undefined) return site({ kind: 'words', words: [...KUBECTL_COMMANDS, ...CONSOLE_COMMANDS, 'kubectl'] });
  const scope = { ...(namespace ? { namespace } : {}), allNamespaces };

  const sub = SUBCOMMANDS[verb];
  let args = positionals.slice(1);
  if (sub) {
    if (args.length === 0) return site({ kind: 'words', words: sub });
    if (verb === 'top') return site({ kind: 'names', resource: args[0]!, ...scope, prefix: '' });
    if (verb === 'create' || verb === 'config') return site({ kind: 'none' });
    args = args.slice(1);
  }
  const fixedType = NAME_VERBS[verb];
  if (fixedType) return args.length === 0 ? site({ kind: 'names', resource: fixedType, ...scope, prefix: '' }) : site({ kind: 'none' });
  if (!TYPE_VERBS.has(verb)) return site({ kind: 'none' });

  const slash = partial.indexOf('/');
  if (slash > 0) return site({ kind: 'names', resource: partial.slice(0, slash), ...scope, prefix: partial.slice(0, slash + 1) });
  if (args.length === 0) return site({ kind: 'words', words: RESOURCE_WORDS });
  const type = args[0]!;
  if (type.includes('/') || !resourceForAlias(type)) return site({ kind: 'none' });
  return site({ kind: 'names', resource: type, ...scope, prefix: '' });
}

/** `fault NAME TARGET`: the name, then a target of the kind the fault acts on (`ns/` scopes pods to a namespace). */
function faultRequest(args: readonly string[], partial: string): CompletionRequest {
  if (args.length === 0) return { kind: 'words', words: FAULT_NAMES };
  if (args.length > 1) return { kind: 'none' };
  const name = args[0]!;
  if (!isFaultName(name)) return { kind: 'none' };
  // What the target names comes from the engine's fault catalogue.
  const target = faultSpec(name).target;
  const slash = partial.indexOf('/');
  const deployments: CompletionRequest = { kind: 'names', resource: 'deployments', allNamespaces: false, prefix: 'deployment/' };
  if (slash > 0 && /^(deployments?|deploy)$/.test(partial.slice(0, slash))) {
    return target === 'deployment' || target === 'podOrDeployment' || target === 'podNodeOrDeployment' ? { ...deployments, prefix: partial.slice(0, slash + 1) } : { kind: 'none' };
  }
  const pods: CompletionRequest =
    slash > 0 ? { kind: 'names', resource: 'pods', namespace: partial.slice(0, slash), allNamespaces: false, prefix: partial.slice(0, slash + 1) } : { kind: 'names', resource: 'pods', allNamespaces: false, prefix: '' };
  const nodes: CompletionRequest = { kind: 'names', resource: 'nodes', allNamespaces: true, prefix: '' };
  const deploymentWord: CompletionRequest = { kind: 'words', words: ['deployment/'] };
  switch (target) {
    case 'pod':
      return pods;
    case 'node':
    case 'worker':
      return nodes;
    case 'deployment':
      return { kind: 'any', requests: [{ ...deployments, prefix: '' }, deploymentWord] };
    case 'podOrDeployment':
      return { kind: 'any', requests: [pods, deploymentWord] };
    case 'podNodeOrDeployment':
      return slash > 0 ? pods : { kind: 'any', requests: [pods, nodes, deploymentWord] };
    case 'component':
      return { kind: 'words', words: CONTROL_PLANE_COMPONENTS };
    case 'zone':
      return { kind: 'none' };
  }
}

function flagValue(words: readonly string[], names: readonly string[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (names.includes(w)) return words[i + 1];
    for (const n of names) if (n.startsWith('--') && w.startsWith(`${n}=`)) return w.slice(n.length + 1);
  }
  return undefined;
}

function positionalWords(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (w.startsWith('-')) {
      if (VALUE_FLAGS.has(w)) i++;
      continue;
    }
    out.push(w);
  }
  return out;
}

export interface Completion {
  /** The new line, when the word can be extended. */
  line?: string;
  /** Several candidates and nothing to extend: list them for the student. */
  candidates: string[];
}

/** Completes `site.partial` among `options` (full words): one match completes, several extend to their common prefix. */
export function complete(line: string, site: CompletionSite, options: readonly string[]): Completion {
  const matches = [...new Set(options.filter((o) => o.startsWith(site.partial)))].sort();
  if (matches.length === 0) return { candidates: [] };
  // `deployment/` goes on with a name: no space after it.
  if (matches.length === 1) return { line: `${line.slice(0, site.start)}${matches[0]!}${matches[0]!.endsWith('/') ? '' : ' '}`, candidates: [] };
  const common = commonPrefix(matches);
  if (common.length > site.partial.length) return { line: line.slice(0, site.start) + common, candidates: [] };
  return { candidates: matches };
}

function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? '';
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
