/**
 * Resolving what a command is about from its arguments, as kubectl's resource builder does:
 * `TYPE`, `TYPE NAME...`, `TYPE1,TYPE2`, `TYPE/NAME...`, and the `all` category.
 */
import { resourceForAlias, resourceForKind, type ResourceType } from '../apiserver/resources';
import { KubectlError } from './errors';

/** The `all` category, in the order kubectl prints it (core, then apps, autoscaling, batch). */
const ALL_CATEGORY = ['Pod', 'Service', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet', 'HorizontalPodAutoscaler', 'CronJob', 'Job'];

export interface Target {
  type: ResourceType;
  /** Names asked for; empty means "every object of the type" (subject to -l). */
  names: string[];
  /** The namespace a manifest names (`delete -f`); otherwise -n or the default. */
  namespace?: string;
}

export interface TargetSet {
  targets: Target[];
  /** More than one type was asked for: tables prefix names with the kind (`pod/web`). */
  multipleTypes: boolean;
}

export function resolveType(word: string): ResourceType {
  const t = resourceForAlias(word);
  if (!t) throw new KubectlError(`error: the server doesn't have a resource type "${word}"`);
  return t;
}

function expandTypes(word: string): ResourceType[] {
  const out: ResourceType[] = [];
  for (const part of word.split(',')) {
    if (part === '') continue;
    if (part.toLowerCase() === 'all') {
      for (const k of ALL_CATEGORY) out.push(resourceForKind(k)!);
    } else out.push(resolveType(part));
  }
  const seen = new Set<string>();
  return out.filter((t) => (seen.has(t.kind) ? false : (seen.add(t.kind), true)));
}

export function resolveTargets(operands: string[]): TargetSet {
  if (operands.length === 0) throw new KubectlError('error: you must specify the type of resource to get');
  if (operands[0]!.includes('/')) {
    const byKind = new Map<string, Target>();
    for (const word of operands) {
      const slash = word.indexOf('/');
      if (slash < 0) {
        throw new KubectlError(
          `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
        );
      }
      const type = resolveType(word.slice(0, slash));
      const name = word.slice(slash + 1);
      if (name === '') throw new KubectlError(`error: arguments in resource/name form must have a single resource and name`);
      const t = byKind.get(type.kind) ?? { type, names: [] };
      t.names.push(name);
      byKind.set(type.kind, t);
    }
    const targets = [...byKind.values()];
    return { targets, multipleTypes: targets.length > 1 };
  }
  const types = expandTypes(operands[0]!);
  const names = operands.slice(1);
  for (const n of names) {
    if (n.includes('/')) {
      throw new KubectlError(
        `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`,
      );
    }
  }
  const multipleTypes = types.length > 1 || operands[0]!.split(',').some((p) => p.toLowerCase() === 'all');
  return { targets: types.map((type) => ({ type, names: [...names] })), multipleTypes };
}

/** `deployment/web` or `deployment web` for commands that act on exactly one object. */
export function resolveSingle(operands: string[], what: string): { type: ResourceType; name: string } {
  if (operands.length === 0) throw new KubectlError(`error: required resource not specified`);
  const first = operands[0]!;
  if (first.includes('/')) {
    const slash = first.indexOf('/');
    return { type: resolveType(first.slice(0, slash)), name: first.slice(slash + 1) };
  }
  if (operands.length < 2) throw new KubectlError(`error: ${what}`);
  return { type: resolveType(first), name: operands[1]! };
}
