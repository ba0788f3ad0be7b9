/**
 * `kubectl describe TYPE [NAME_PREFIX]`, `TYPE/NAME`, `-l`: a name that matches no object exactly
 * describes every object whose name starts with it, as kubectl does; several descriptions are
 * separated by a blank line.
 */
import { notFound } from '../../apiserver/errors';
import { qualifiedPlural } from '../../apiserver/resources';
import type { Stored } from '../../objects';
import type { CommandContext } from '../context';
import { describeObject } from '../describe';
import { KubectlError } from '../errors';
import { byNamespaceAndName, fetchTarget, namespaceFor, noResourcesMessage } from '../fetch';
import { resolveTargets } from '../targets';

export function runDescribe(ctx: CommandContext): number {
  if (ctx.operands.length === 0) {
    throw new KubectlError('You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.');
  }
  const { targets } = resolveTargets(ctx.operands);
  const found: Stored[] = [];
  const errors: string[] = [];
  for (const target of targets) {
    if (target.names.length === 0) {
      found.push(...fetchTarget(ctx, target).objects);
      continue;
    }
    for (const name of target.names) {
      const exact = ctx.api.get(target.type.kind, namespaceFor(ctx, target.type), name);
      if (exact) {
        found.push(exact);
        continue;
      }
      const prefixed = ctx.api
        .list(target.type.kind, target.type.namespaced ? { namespace: ctx.namespace } : {})
        .filter((o) => o.metadata.name.startsWith(name))
        .sort(byNamespaceAndName);
      if (prefixed.length === 0) errors.push(notFound(qualifiedPlural(target.type), name).toKubectlMessage());
      found.push(...prefixed);
    }
  }
  ctx.write(found.map((o) => describeObject(ctx.api, o, ctx.nowMs)).join('\n\n'));
  if (found.length === 0 && errors.length === 0) ctx.err(noResourcesMessage(ctx, targets.some((t) => t.type.namespaced)));
  for (const e of errors) ctx.err(e);
  return errors.length > 0 ? 1 : 0;
}
