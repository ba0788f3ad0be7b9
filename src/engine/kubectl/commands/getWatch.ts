/**
 * `kubectl get TYPE [NAME] -w|--watch|--watch-only` (kubectl's GetOptions.watch): the list as it is
 * now (not with --watch-only), then one row per watch event on the listed objects — added, modified
 * and deleted alike, each printed as the object is in the event — until interrupted. One resource
 * type only. Tables keep their column widths across rows (see WatchTableWriter).
 */
import type { WatchEvent } from '../../apiserver/apiserver';
import { matchesSelector } from '../../apiserver/labels';
import type { ResourceType } from '../../apiserver/resources';
import type { Stored } from '../../objects';
import type { CommandContext } from '../context';
import { KubectlError } from '../errors';
import { fetchTarget, selectorFlag } from '../fetch';
import { printNames, printStructured, tableCells, type OutputFormat } from '../printers/output';
import { WatchTableWriter } from '../printers/watchTable';
import { BaseSession } from '../session';
import type { Target } from '../targets';

class GetWatchSession extends BaseSession {
  private readonly off: () => void;

  constructor(
    ctx: CommandContext,
    private readonly target: Target,
    private readonly print: (objects: Stored[]) => string,
  ) {
    super(ctx.host, undefined);
    const namespace = target.type.namespaced && !ctx.allNamespaces ? ctx.namespace : undefined;
    const selector = selectorFlag(ctx);
    const names = new Set(target.names);
    this.off = ctx.api.watchAll((e: WatchEvent) => {
      const o = e.object;
      if (o.kind !== target.type.kind) return;
      if (namespace !== undefined && o.metadata.namespace !== namespace) return;
      if (names.size > 0 && !names.has(o.metadata.name)) return;
      if (selector && !matchesSelector(selector, o.metadata.labels ?? {})) return;
      this.out(this.print([o]));
    });
  }

  protected check(): void {}
  protected timedOut(): void {}
  protected override dispose(): void {
    this.off();
  }
}

export function runGetWatch(ctx: CommandContext, targets: Target[], format: OutputFormat): number {
  if (targets.length > 1) throw new KubectlError('error: watch is only supported on individual resources and resource collections - more than 1 resource was found');
  const target = targets[0]!;
  const fetched = fetchTarget(ctx, target);
  for (const e of fetched.errors) ctx.err(e);
  if (fetched.errors.length > 0) return 1;
  const print = printerFor(ctx, target.type, format);
  if (!ctx.flags.bool('watch-only')) ctx.write(print(fetched.objects));
  ctx.session = new GetWatchSession(ctx, target, print);
  return 0;
}

function printerFor(ctx: CommandContext, type: ResourceType, format: OutputFormat): (objects: Stored[]) => string {
  if (format.kind === 'table') {
    const opts = {
      wide: format.wide,
      withNamespace: ctx.allNamespaces,
      withKind: ctx.flags.bool('show-kind'),
      showLabels: ctx.flags.bool('show-labels'),
      labelColumns: ctx.flags.all('label-columns').flatMap((v) => v.split(',')),
      noHeaders: ctx.flags.bool('no-headers'),
    };
    const writer = new WatchTableWriter(tableCells(type, [], { ...opts, nowMs: ctx.nowMs }).headers, opts.noHeaders);
    return (objects) => writer.write(tableCells(type, objects, { ...opts, nowMs: ctx.nowMs }).rows);
  }
  if (format.kind === 'name') return (objects) => printNames(type, objects);
  return (objects) => objects.map((o) => printStructured(format, [o], true)).join('');
}
