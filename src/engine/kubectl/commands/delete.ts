/**
 * `kubectl delete TYPE NAME... | TYPE/NAME... | -f FILE | TYPE -l SEL | TYPE --all`, printing
 * `pod "web" deleted` per object (kubectl 1.31's wording; `force deleted` with --grace-period=0
 * --force). Grace periods follow kubectl: `--grace-period=0` without `--force` becomes 1 second,
 * `--force` alone means 0, `--now` means 1. kubectl then waits for the objects to go (`--wait`, the
 * default): where a caller polls sessions (the console) the command goes on until they are gone;
 * elsewhere (scripts, replay) it returns at once and the pod shows Terminating.
 */
import { notFound } from '../../apiserver/errors';
import { decodeYamlStream } from '../../apiserver/manifests';
import { qualifiedPlural, resourceForKind } from '../../apiserver/resources';
import type { DeleteOptions } from '../../apiserver/apiserver';
import type { Stored } from '../../objects';
import type { CommandContext } from '../context';
import { KubectlError } from '../errors';
import { fetchTarget, namespaceFor } from '../fetch';
import { kindPrefix } from '../printers/format';
import { resolveTargets, type Target } from '../targets';
import { A_WEEK_MS, parseTimeoutFlag } from '../session';
import { readManifests } from './apply';
import { settle, WaitSession, waitedFor } from './wait';

const FORCE_WARNING =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.';

function deleteOptions(ctx: CommandContext): { opts: DeleteOptions; force: boolean } {
  let grace = ctx.flags.int('grace-period') ?? -1;
  const force = ctx.flags.bool('force');
  if (ctx.flags.bool('now')) grace = 1;
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  const cascade = ctx.flags.string('cascade') ?? 'background';
  const policy = { background: 'Background', foreground: 'Foreground', orphan: 'Orphan', true: 'Background', false: 'Orphan' }[cascade] as DeleteOptions['propagationPolicy'] | undefined;
  if (!policy) throw new KubectlError(`error: invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan".`);
  const opts: DeleteOptions = { propagationPolicy: policy };
  if (grace >= 0) opts.gracePeriodSeconds = grace;
  if (ctx.dryRun === 'server') opts.dryRun = true;
  return { opts, force: grace === 0 };
}

function targetsFromFiles(ctx: CommandContext): Target[] {
  const targets: Target[] = [];
  for (const { path, text } of readManifests(ctx)) {
    for (const doc of decodeYamlStream(text)) {
      if (doc.error) throw new KubectlError(`error: error parsing ${path}: error converting YAML to JSON: ${doc.error.message}`);
      const obj = doc.value as { kind?: string; metadata?: { name?: string; namespace?: string } } | null;
      if (!obj || typeof obj !== 'object' || typeof obj.kind !== 'string' || !obj.kind) continue;
      const type = resourceForKind(obj.kind);
      if (!type) throw new KubectlError(`error: resource mapping not found for kind "${obj.kind}": ensure CRDs are installed first`);
      targets.push({ type, names: [obj.metadata?.name ?? ''], ...(type.namespaced && obj.metadata?.namespace ? { namespace: obj.metadata.namespace } : {}) });
    }
  }
  return targets;
}

export function runDelete(ctx: CommandContext): number {
  const { opts, force } = deleteOptions(ctx);
  let targets: Target[];
  if (ctx.flags.has('filename')) targets = targetsFromFiles(ctx);
  else {
    if (ctx.operands.length === 0) {
      throw new KubectlError(`error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`);
    }
    targets = resolveTargets(ctx.operands).targets;
    const bySelection = ctx.flags.has('selector') || ctx.flags.bool('all');
    if (!bySelection && targets.every((t) => t.names.length === 0)) {
      throw new KubectlError('error: resource(s) were provided, but no name was specified');
    }
  }
  if (force) ctx.err(FORCE_WARNING);

  const verb = (force ? 'force deleted' : 'deleted') + ctx.dryRunSuffix;
  const waitFor: Stored[] = [];
  const types = new Map<string, Target['type']>();
  let found = 0;
  const errors: string[] = [];
  for (const target of targets) {
    const objects: Stored[] = target.names.length > 0 ? [] : fetchTarget(ctx, target).objects;
    for (const name of target.names) {
      const obj = ctx.api.get(target.type.kind, target.namespace ?? namespaceFor(ctx, target.type), name);
      if (obj) objects.push(obj);
      else errors.push(notFound(qualifiedPlural(target.type), name).toKubectlMessage());
    }
    for (const obj of objects) {
      if (ctx.dryRun !== 'client') ctx.api.delete(obj.kind, obj.metadata.namespace, obj.metadata.name, opts);
      if (ctx.dryRun === 'none') {
        waitFor.push(obj);
        types.set(obj.kind, target.type);
      }
      ctx.out(`${kindPrefix(target.type)} "${obj.metadata.name}" ${verb}`);
      found++;
    }
  }
  if (found === 0 && errors.length === 0) ctx.out('No resources found');
  for (const e of errors) ctx.err(e);
  if (errors.length > 0) return 1;
  const wait = ctx.flags.has('wait') ? ctx.flags.bool('wait') : true;
  if (!ctx.streaming || !wait || waitFor.length === 0) return 0;
  // --wait (the default): the prompt comes back when the objects are gone; --timeout=0 means a week.
  const timeoutText = ctx.flags.string('timeout');
  let timeout = timeoutText === undefined ? 0 : parseTimeoutFlag(timeoutText);
  if (timeout <= 0) timeout = A_WEEK_MS;
  const session = new WaitSession(ctx, waitFor.map((o) => waitedFor(o, types.get(o.kind)!)), { kind: 'delete' }, ctx.nowMs + timeout, true);
  return settle(ctx, session);
}
