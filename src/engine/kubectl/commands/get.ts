/**
 * `kubectl get`: tables per kind (blank line between kinds, names prefixed with the kind when several
 * kinds were asked for), `-o wide|name|yaml|json|jsonpath=`, `-A`, `-l`, `--show-labels`, `-L`,
 * `--sort-by`, `--no-headers`. Names that do not exist are reported after what was found; an empty
 * list says `No resources found in <ns> namespace.` on stderr.
 */
import type { CommandContext } from '../context';
import { KubectlError } from '../errors';
import { fetchTarget, noResourcesMessage, type Fetched } from '../fetch';
import { parseOutputFormat, printNames, printStructured, printTable, sortByPath } from '../printers/output';
import { resolveTargets } from '../targets';
import { runGetWatch } from './getWatch';

/** Where nothing polls a session (scripts, replay), `get -w` prints the list once, with this note. */
export const WATCH_NOTE = 'note: only the console streams a watch; this is the state at this moment.';

export function runGet(ctx: CommandContext): number {
  if (ctx.operands.length === 0) {
    throw new KubectlError(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\nSee \'kubectl get -h\' for help and examples',
    );
  }
  const format = parseOutputFormat(ctx.flags.string('output'));
  const { targets, multipleTypes } = resolveTargets(ctx.operands);
  if (ctx.allNamespaces && targets.some((t) => t.names.length > 0)) {
    throw new KubectlError('error: a resource cannot be retrieved by name across all namespaces');
  }
  const watching = ctx.flags.bool('watch') || ctx.flags.bool('watch-only');
  if (watching && ctx.streaming) return runGetWatch(ctx, targets, format);
  if (watching) ctx.err(WATCH_NOTE);

  const sortBy = ctx.flags.string('sort-by');
  const fetched: Fetched[] = targets.map((t) => {
    const f = fetchTarget(ctx, t);
    return sortBy ? { ...f, objects: sortByPath(f.objects, sortBy) } : f;
  });
  const errors = fetched.flatMap((f) => f.errors);
  const nonEmpty = fetched.filter((f) => f.objects.length > 0);

  if (format.kind === 'table') {
    const blocks = nonEmpty.map((f) =>
      printTable(f.type, f.objects, {
        wide: format.wide,
        withNamespace: ctx.allNamespaces,
        withKind: multipleTypes || ctx.flags.bool('show-kind'),
        showLabels: ctx.flags.bool('show-labels'),
        labelColumns: ctx.flags.all('label-columns').flatMap((v) => v.split(',')),
        noHeaders: ctx.flags.bool('no-headers'),
        nowMs: ctx.nowMs,
      }),
    );
    ctx.write(blocks.join('\n'));
  } else if (format.kind === 'name') {
    for (const f of nonEmpty) ctx.write(printNames(f.type, f.objects));
  } else {
    const single = targets.length === 1 && targets[0]!.names.length === 1;
    const objects = fetched.flatMap((f) => f.objects);
    const withHeaders = format.kind === 'custom-columns' ? { ...format, noHeaders: ctx.flags.bool('no-headers') } : format;
    if (!(single && objects.length === 0)) ctx.write(printStructured(withHeaders, objects, single));
  }

  if (nonEmpty.length === 0 && errors.length === 0 && format.kind === 'table') {
    ctx.err(noResourcesMessage(ctx, targets.some((t) => t.type.namespaced)));
  }
  for (const e of errors) ctx.err(e);
  return errors.length > 0 ? 1 : 0;
}
