/**
 * `kubectl label` and `kubectl annotate`: `key=value` sets, `key-` removes; changing an existing
 * value needs `--overwrite` (`error: 'app' already has a value (web), and --overwrite is false`).
 * Objects by TYPE NAME, TYPE/NAME, `-l`, or `--all`; prints `pod/web labeled` or `... not labeled`.
 */
import type { Stored } from '../../objects';
import type { CommandContext } from '../context';
import { KubectlError } from '../errors';
import { fetchTarget } from '../fetch';
import { kindPrefix } from '../printers/format';
import { resolveTargets } from '../targets';

export function runLabelOrAnnotate(ctx: CommandContext, field: 'labels' | 'annotations'): number {
  const verb = field === 'labels' ? 'labeled' : 'annotated';
  const changes = ctx.operands.filter((w) => w.includes('=') || (w.endsWith('-') && !w.includes('/')));
  const resources = ctx.operands.filter((w) => !changes.includes(w));
  if (changes.length === 0) throw new KubectlError(`error: at least one ${field === 'labels' ? 'label' : 'annotation'} update is required`);
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const c of changes) {
    if (c.includes('=')) set.set(c.slice(0, c.indexOf('=')), c.slice(c.indexOf('=') + 1));
    else remove.push(c.slice(0, -1));
  }
  const { targets } = resolveTargets(resources);
  const overwrite = ctx.flags.bool('overwrite');
  for (const t of targets) {
    if (t.names.length === 0 && !ctx.flags.has('selector') && !ctx.flags.bool('all')) {
      throw new KubectlError('error: resource(s) were provided, but no name was specified');
    }
    const { objects, errors } = fetchTarget(ctx, t, { allowAllNamespaces: false });
    if (errors.length > 0) throw new KubectlError(errors[0]!);
    for (const obj of objects) applyChanges(ctx, t.type, obj, field, set, remove, overwrite, verb);
  }
  return 0;
}

function applyChanges(
  ctx: CommandContext,
  type: Parameters<typeof kindPrefix>[0],
  obj: Stored,
  field: 'labels' | 'annotations',
  set: Map<string, string>,
  remove: string[],
  overwrite: boolean,
  verb: string,
): void {
  const current = { ...(obj.metadata[field] ?? {}) };
  let changed = false;
  for (const [k, v] of set) {
    if (k in current && current[k] !== v && !overwrite) {
      throw new KubectlError(`error: '${k}' already has a value (${current[k]}), and --overwrite is false`);
    }
    if (current[k] !== v) changed = true;
    current[k] = v;
  }
  for (const k of remove) {
    if (k in current) {
      delete current[k];
      changed = true;
    }
  }
  const name = `${kindPrefix(type)}/${obj.metadata.name}`;
  if (!changed) {
    ctx.out(`${name} not ${verb}`);
    return;
  }
  if (ctx.dryRun === 'none') ctx.api.update({ ...obj, metadata: { ...obj.metadata, [field]: current } });
  ctx.out(`${name} ${verb}${ctx.dryRunSuffix}`);
}
