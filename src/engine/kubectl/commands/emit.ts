/**
 * Sending an object kubectl built itself (create deployment, run, expose) and reporting it as kubectl
 * does: `deployment.apps/web created`, `(dry run)` / `(server dry run)` suffixes, or the object in
 * the `-o` format (with `--dry-run=client -o yaml`, the manifest that would be sent).
 */
import { resourceForKind } from '../../apiserver/resources';
import type { KubeObject, Stored } from '../../objects';
import type { CommandContext } from '../context';
import { kindPrefix } from '../printers/format';
import { parseOutputFormat, printStructured } from '../printers/output';

export function createAndReport(ctx: CommandContext, obj: KubeObject, verb = 'created'): number {
  const dryRun = ctx.dryRun;
  const result = dryRun === 'client' ? (obj as Stored) : ctx.api.create(obj, { dryRun: dryRun === 'server' });
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
