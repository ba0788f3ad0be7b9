/**
 * `kubectl events [--for TYPE/NAME] [--types=Warning,Normal] [-A] [-w]` (kubectl/pkg/cmd/events):
 * events sorted oldest first, columns LAST SEEN, TYPE, REASON, OBJECT (`Kind/name`, the kind as the
 * event names it) and MESSAGE; a repeated event reads `5s (x3 over 2m)`. `-w` prints the list, then
 * each event as it is recorded or repeated.
 */
import type { Event } from 'kubernetes-types/core/v1';
import type { WatchEvent } from '../../apiserver/apiserver';
import { resourceForAlias } from '../../apiserver/resources';
import type { Stored } from '../../objects';
import type { CommandContext } from '../context';
import { KubectlError } from '../errors';
import { since } from '../printers/format';
import { renderTable } from '../printers/table';
import { WatchTableWriter } from '../printers/watchTable';
import { BaseSession } from '../session';

interface EventFilter {
  namespace: string | undefined;
  kind?: string;
  name?: string;
  types?: Set<string>;
}

function filterOf(ctx: CommandContext): EventFilter {
  const filter: EventFilter = { namespace: ctx.allNamespaces ? undefined : ctx.namespace };
  const target = ctx.flags.string('for');
  if (target !== undefined) {
    const slash = target.indexOf('/');
    if (slash <= 0 || slash === target.length - 1) throw new KubectlError(`error: --for must be in resource/name form`);
    const type = resourceForAlias(target.slice(0, slash));
    if (!type) throw new KubectlError(`error: the server doesn't have a resource type "${target.slice(0, slash)}"`);
    filter.kind = type.kind;
    filter.name = target.slice(slash + 1);
  }
  const types = ctx.flags.string('types');
  if (types !== undefined) {
    const list = types.split(',').map((t) => t.trim());
    for (const t of list) {
      if (t.toLowerCase() !== 'normal' && t.toLowerCase() !== 'warning') throw new KubectlError(`error: valid --types are Normal or Warning`);
    }
    filter.types = new Set(list.map((t) => t[0]!.toUpperCase() + t.slice(1).toLowerCase()));
  }
  return filter;
}

function matches(e: Stored<Event>, f: EventFilter): boolean {
  if (f.namespace !== undefined && e.metadata.namespace !== f.namespace) return false;
  if (f.kind && e.involvedObject.kind !== f.kind) return false;
  if (f.name && e.involvedObject.name !== f.name) return false;
  if (f.types && !f.types.has(e.type ?? '')) return false;
  return true;
}

const lastTime = (e: Stored<Event>) => Date.parse(e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? '') || 0;

function row(e: Stored<Event>, nowMs: number, allNamespaces: boolean): string[] {
  const first = e.eventTime ? since(e.eventTime, nowMs) : since(e.firstTimestamp, nowMs);
  let interval = first;
  if (e.series) interval = `${since(e.series.lastObservedTime, nowMs)} (x${e.series.count ?? 0} over ${first})`;
  else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp, nowMs)} (x${e.count} over ${first})`;
  const cells = [interval, e.type ?? '', e.reason ?? '', `${e.involvedObject.kind ?? ''}/${e.involvedObject.name ?? ''}`, (e.message ?? '').trim()];
  return allNamespaces ? [e.metadata.namespace ?? '', ...cells] : cells;
}

const HEADERS = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];

class EventsWatchSession extends BaseSession {
  private readonly off: () => void;
  constructor(ctx: CommandContext, filter: EventFilter, writer: WatchTableWriter) {
    super(ctx.host, undefined);
    this.off = ctx.api.watch<Event>('Event', (w: WatchEvent<Event>) => {
      if (w.type === 'DELETED' || !matches(w.object, filter)) return;
      this.out(writer.write([row(w.object, ctx.host.clock.now(), ctx.allNamespaces)]));
    });
  }
  protected check(): void {}
  protected timedOut(): void {}
  protected override dispose(): void {
    this.off();
  }
}

export function runEvents(ctx: CommandContext): number {
  if (ctx.operands.length > 0) throw new KubectlError(`error: unknown command "${ctx.operands[0]}" for "kubectl events"`);
  const filter = filterOf(ctx);
  const events = ctx.api
    .list<Event>('Event', filter.namespace !== undefined ? { namespace: filter.namespace } : {})
    .filter((e) => matches(e, filter))
    .sort((a, b) => lastTime(a) - lastTime(b));
  const headers = ctx.allNamespaces ? ['NAMESPACE', ...HEADERS] : HEADERS;
  const rows = events.map((e) => row(e, ctx.nowMs, ctx.allNamespaces));
  const watching = ctx.flags.bool('watch');
  if (watching && ctx.streaming) {
    const writer = new WatchTableWriter(headers, ctx.flags.bool('no-headers'));
    ctx.write(writer.write(rows));
    ctx.session = new EventsWatchSession(ctx, filter, writer);
    return 0;
  }
  if (rows.length === 0) {
    ctx.err(ctx.allNamespaces ? 'No events found.' : `No events found in ${filter.namespace} namespace.`);
    return 0;
  }
  ctx.write(renderTable(ctx.flags.bool('no-headers') ? null : headers, rows));
  return 0;
}
