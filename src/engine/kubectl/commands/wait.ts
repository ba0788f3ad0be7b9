/**
 * `kubectl wait --for=condition=C[=value] | --for=delete  (TYPE/NAME... | TYPE NAME... | TYPE -l SEL | TYPE --all)
 * [--timeout=30s]` (k8s.io/kubectl/pkg/cmd/wait): waits, in the cluster's virtual time, for every
 * object in turn, printing `pod/web condition met` for each; on timeout prints
 * `error: timed out waiting for the condition on pods/web` and exits 1. Conditions match
 * status.conditions by type and status, case-insensitively, and not while the condition's
 * observedGeneration lags the object's generation. `--timeout=0` looks once; a negative one is a week.
 */
import { notFound } from '../../apiserver/errors';
import { qualifiedPlural, type ResourceType } from '../../apiserver/resources';
import type { Stored } from '../../objects';
import type { CommandContext } from '../context';
import { KubectlError } from '../errors';
import { fetchTarget, namespaceFor, selectorFlag } from '../fetch';
import { kindPrefix } from '../printers/format';
import { A_WEEK_MS, BaseSession, parseTimeoutFlag } from '../session';
import { resolveTargets } from '../targets';

type Condition = { kind: 'delete' } | { kind: 'condition'; type: string; status: string };

export function parseFor(value: string | undefined): Condition {
  if (value === undefined || value === '') throw new KubectlError('error: --for must be specified');
  if (value.toLowerCase() === 'delete') return { kind: 'delete' };
  if (value.toLowerCase().startsWith('condition=')) {
    const rest = value.slice('condition='.length);
    const eq = rest.indexOf('=');
    const type = eq < 0 ? rest : rest.slice(0, eq);
    const status = eq < 0 ? 'True' : rest.slice(eq + 1);
    if (type === '') throw new KubectlError(`error: unrecognized condition: "${value}"`);
    return { kind: 'condition', type, status };
  }
  if (value.toLowerCase().startsWith('jsonpath=')) throw new KubectlError('error: the playground supports --for=condition=NAME[=value] and --for=delete (not jsonpath)');
  throw new KubectlError(`error: unrecognized condition: "${value}"`);
}

interface Waited {
  type: ResourceType;
  namespace: string | undefined;
  name: string;
  uid: string;
}

function conditionMet(obj: Stored, cond: { type: string; status: string }): boolean {
  const status = (obj as { status?: { conditions?: { type?: string; status?: string; observedGeneration?: number }[] } }).status;
  for (const c of status?.conditions ?? []) {
    if ((c.type ?? '').toLowerCase() !== cond.type.toLowerCase()) continue;
    if (c.observedGeneration !== undefined && obj.metadata.generation !== undefined && c.observedGeneration < obj.metadata.generation) return false;
    return (c.status ?? '').toLowerCase() === cond.status.toLowerCase();
  }
  return false;
}

/** Waits for the objects one after another, as kubectl's wait visits them; also serves `delete --wait`. */
export class WaitSession extends BaseSession {
  private next = 0;

  constructor(
    private readonly ctx: CommandContext,
    private readonly objects: Waited[],
    private readonly cond: Condition,
    deadline: number | undefined,
    /** `delete` prints nothing for an object that is gone; `wait` says "condition met". */
    private readonly quiet = false,
  ) {
    super(ctx.host, deadline);
  }

  protected check(): void {
    while (this.next < this.objects.length) {
      const w = this.objects[this.next]!;
      const live = this.ctx.api.get(w.type.kind, w.namespace, w.name);
      const met = this.cond.kind === 'delete' ? !live || live.metadata.uid !== w.uid : !!live && conditionMet(live, this.cond);
      if (!met) {
        if (this.cond.kind === 'condition' && !live) {
          this.err(notFound(qualifiedPlural(w.type), w.name).toKubectlMessage() + '\n');
          this.finish(1);
        }
        return;
      }
      if (!this.quiet) this.out(`${kindPrefix(w.type)}/${w.name} condition met\n`);
      this.next++;
    }
    this.finish(0);
  }

  protected timedOut(): void {
    const w = this.objects[this.next]!;
    this.err(`error: timed out waiting for the condition on ${qualifiedPlural(w.type)}/${w.name}\n`);
  }
}

export function waitedFor(obj: Stored, type: ResourceType): Waited {
  return { type, namespace: obj.metadata.namespace, name: obj.metadata.name, uid: obj.metadata.uid ?? '' };
}

export function runWait(ctx: CommandContext): number {
  const cond = parseFor(ctx.flags.string('for'));
  const timeoutText = ctx.flags.string('timeout');
  let timeout = timeoutText === undefined ? 30_000 : parseTimeoutFlag(timeoutText);
  if (timeout < 0) timeout = A_WEEK_MS;
  if (ctx.operands.length === 0) throw new KubectlError('error: resource(s) were provided, but no name was specified');
  const { targets } = resolveTargets(ctx.operands);
  const bySelection = selectorFlag(ctx) !== undefined || ctx.flags.bool('all');
  const waited: Waited[] = [];
  const errors: string[] = [];
  for (const t of targets) {
    if (t.names.length === 0) {
      if (!bySelection) throw new KubectlError('error: resource(s) were provided, but no name was specified');
      for (const o of fetchTarget(ctx, t).objects) waited.push(waitedFor(o, t.type));
      continue;
    }
    for (const name of t.names) {
      const o = ctx.api.get(t.type.kind, namespaceFor(ctx, t.type), name);
      if (o) waited.push(waitedFor(o, t.type));
      else if (cond.kind === 'condition') errors.push(notFound(qualifiedPlural(t.type), name).toKubectlMessage());
    }
  }
  if (errors.length > 0) {
    for (const e of errors) ctx.err(e);
    return 1;
  }
  if (waited.length === 0) {
    if (cond.kind === 'delete') return 0;
    throw new KubectlError('error: no matching resources found');
  }
  // --timeout=0 looks once; without a caller that polls (replay), so does every wait.
  const session = new WaitSession(ctx, waited, cond, ctx.nowMs + (ctx.streaming ? timeout : 0));
  return settle(ctx, session);
}

/** Runs the session's first look into the command's output; keeps it for the caller if it goes on. */
export function settle(ctx: CommandContext, session: BaseSession): number {
  const out = session.poll();
  if (out.stdout) ctx.write(out.stdout);
  if (out.stderr) ctx.err(out.stderr);
  if (out.done) return out.exitCode;
  ctx.session = session;
  return 0;
}
