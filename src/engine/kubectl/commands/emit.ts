/**
 * Sending an object kubectl built itself (create deployment, run, expose) and reporting it as kubectl
 * does: `deployment.apps/web created`, `(dry run)` / `(server dry run)` suffixes, or the object in
 * the `-o` format (with `--dry-run=client -o yaml`, the manifest that would be sent).
 */
import { ApiError } from '../../apiserver/errors';
import { KubectlError } from '../errors';
import { resourceForKind } from '../../apiserver/resources';
import type { KubeObject, Stored } from '../../objects';
import type { CommandContext } from '../context';
import { kindPrefix } from '../printers/format';
import { parseOutputFormat, printStructured } from '../printers/output';

/**
 * Creates and prints `kind/name created`. `failedTo` names what kubectl's generator says it failed to
 * create (create_deployment.go: `failed to create deployment: %v`); without it, an API error prints as
 * `Error from server (...)`.
 */
export function createAndReport(ctx: CommandContext, obj: KubeObject, verb = 'created', failedTo?: string): number {
  const dryRun = ctx.dryRun;
  let result: Stored | KubeObject;
  try {
    // The request goes to the context's namespace even when the generated object names none.
    const type = resourceForKind(obj.kind);
    const sent = type?.namespaced && !obj.metadata.namespace ? { ...obj, metadata: { ...obj.metadata, namespace: ctx.namespace } } : obj;
    result = dryRun === 'client' ? (obj as Stored) : ctx.api.create(sent, { dryRun: dryRun === 'server' });
  } catch (e) {
    if (failedTo && e instanceof ApiError) throw new KubectlError(`error: failed to create ${failedTo}: ${e.message}`);
    throw e;
  }
  reportObject(ctx, result, verb);
  return 0;
}

export function reportObject(ctx: CommandContext, obj: Stored | KubeObject, verb: string): void {
  const format = parseOutputFormat(ctx.flags.string('output'));
  const type = resourceForKind(obj.kind);
  const name = `${type ? kindPrefix(type) : obj.kind.toLowerCase()}/${obj.metadata.name ?? ''}`;
  if (format.kind === 'table') ctx.out(`${name} ${verb}${ctx.dryRunSuffix}`);
  else if (format.kind === 'name') ctx.out(name);
  else ctx.write(printStructured(format, [obj as Stored], true));
}
