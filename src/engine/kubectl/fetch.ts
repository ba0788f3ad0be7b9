/** Reading the objects a command names: by name (NotFound collected, not thrown) or by listing. */
import { ApiError, notFound } from '../apiserver/errors';
import { parseSelector, type Selector } from '../apiserver/labels';
import { qualifiedPlural, type ResourceType } from '../apiserver/resources';
import type { Stored } from '../objects';
import type { CommandContext } from './context';
import { KubectlError } from './errors';
import { filterByFields } from './fieldSelector';
import type { Target } from './targets';

export interface Fetched {
  type: ResourceType;
  objects: Stored[];
  /** `Error from server (NotFound): ...` lines for names that do not exist. */
  errors: string[];
}

/** etcd returns objects in key order: namespace, then name. */
export function byNamespaceAndName(a: Stored, b: Stored): number {
  const na = a.metadata.namespace ?? '';
  const nb = b.metadata.namespace ?? '';
  if (na !== nb) return na < nb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

export function selectorFlag(ctx: CommandContext): Selector | undefined {
  const text = ctx.flags.string('selector');
  if (text === undefined) return undefined;
  try {
    return parseSelector(text);
  } catch (e) {
    throw new KubectlError(`error: ${(e as Error).message}`);
  }
}

export function namespaceFor(ctx: CommandContext, type: ResourceType): string | undefined {
  return type.namespaced ? ctx.namespace : undefined;
}

export function fetchTarget(ctx: CommandContext, target: Target, opts: { allowAllNamespaces?: boolean } = {}): Fetched {
  const { type } = target;
  const selector = selectorFlag(ctx);
  const all = opts.allowAllNamespaces !== false && ctx.allNamespaces;
  if (target.names.length > 0) {
    if (selector) throw new KubectlError('error: name cannot be provided when a selector is specified');
    const objects: Stored[] = [];
    const errors: string[] = [];
    for (const name of target.names) {
      const obj = ctx.api.get(type.kind, namespaceFor(ctx, type), name);
      if (obj) objects.push(obj);
      else errors.push(notFound(qualifiedPlural(type), name).toKubectlMessage());
    }
    return { type, objects, errors };
  }
  const objects = ctx.api
    .list(type.kind, {
      ...(type.namespaced && !all ? { namespace: ctx.namespace } : {}),
      ...(selector ? { selector } : {}),
    })
    .slice()
    .sort(byNamespaceAndName);
  const fields = ctx.flags.string('field-selector');
  if (fields !== undefined) {
    try {
      return { type, objects: filterByFields(objects, type, fields), errors: [] };
    } catch (e) {
      if (e instanceof ApiError) throw e;
      throw new KubectlError(`error: ${(e as Error).message}`);
    }
  }
  return { type, objects, errors: [] };
}

/** One object that must exist (scale, rollout, set image ...). */
export function getOrThrow<T = Stored>(ctx: CommandContext, type: ResourceType, name: string): Stored<T> {
  const obj = ctx.api.get<T>(type.kind, namespaceFor(ctx, type), name);
  if (!obj) throw notFound(qualifiedPlural(type), name);
  return obj;
}

/** `No resources found in default namespace.` / `No resources found` (all namespaces, cluster scope). */
export function noResourcesMessage(ctx: CommandContext, namespaced: boolean): string {
  if (!namespaced || ctx.allNamespaces) return 'No resources found';
  return `No resources found in ${ctx.namespace} namespace.`;
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}
