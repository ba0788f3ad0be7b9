/** `kubectl scale deployment/web --replicas=N` (also replicasets and statefulsets): `deployment.apps/web scaled`. */
import type { CommandContext } from '../context';
import { KubectlError } from '../errors';
import { getOrThrow } from '../fetch';
import { kindPrefix } from '../printers/format';
import { resolveTargets } from '../targets';

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet']);

export function runScale(ctx: CommandContext): number {
  const replicas = ctx.flags.int('replicas');
  if (replicas === undefined) throw new KubectlError('error: required flag(s) "replicas" not set');
  if (replicas < 0) throw new KubectlError('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  const { targets } = resolveTargets(ctx.operands);
  for (const t of targets) {
    if (!SCALABLE.has(t.type.kind)) throw new KubectlError(`error: no objects passed to scale ${t.type.plural} is not scalable`);
    if (t.names.length === 0) throw new KubectlError('error: resource(s) were provided, but no name was specified');
    for (const name of t.names) {
      const obj = getOrThrow<{ spec?: { replicas?: number } }>(ctx, t.type, name);
      if (ctx.dryRun === 'none') {
        ctx.api.update({ ...obj, spec: { ...obj.spec, replicas } } as never);
      }
      ctx.out(`${kindPrefix(t.type)}/${name} scaled${ctx.dryRunSuffix}`);
    }
  }
  return 0;
}
