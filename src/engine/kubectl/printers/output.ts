/**
 * Printing fetched objects the way `kubectl get` does for each `-o` format: tables (optionally wide,
 * with NAMESPACE, LABELS and kind-prefixed names), names, YAML, JSON and JSONPath.
 */
import type { ResourceType } from '../../apiserver/resources';
import type { Stored } from '../../objects';
import { KubectlError } from '../errors';
import { formatLabels, kindPrefix } from './format';
import { evaluatePath, renderJsonPath } from './jsonpath';
import { parseCustomColumns, printCustomColumns, type CustomColumn } from './customColumns';
import { tableFor } from './registry';
import { asList, toJson, toYaml } from './serialize';
import { renderTable } from './table';

export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'name' }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'jsonpath'; template: string }
  | { kind: 'custom-columns'; columns: CustomColumn[]; noHeaders?: boolean };

const ALLOWED =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

export function parseOutputFormat(value: string | undefined): OutputFormat {
  if (value === undefined || value === '') return { kind: 'table', wide: false };
  if (value === 'wide') return { kind: 'table', wide: true };
  if (value === 'name') return { kind: 'name' };
  if (value === 'yaml') return { kind: 'yaml' };
  if (value === 'json') return { kind: 'json' };
  const m = value.match(/^jsonpath=(.*)$/s);
  if (m) return { kind: 'jsonpath', template: m[1]! };
  const cc = value.match(/^custom-columns=(.*)$/s);
  if (cc) return { kind: 'custom-columns', columns: parseCustomColumns(cc[1]!) };
  if (value === 'custom-columns') throw new KubectlError('error: custom-columns format specified but no custom columns given');
  throw new KubectlError(`error: unable to match a printer suitable for the output format "${value}", allowed formats are: ${ALLOWED}`);
}

export interface TableOptions {
  wide: boolean;
  withNamespace: boolean;
  withKind: boolean;
  showLabels: boolean;
  labelColumns: string[];
  noHeaders: boolean;
  nowMs: number;
}

/** The table's header (upper-cased) and cells per object, before alignment. */
export function tableCells(type: ResourceType, objects: readonly Stored[], opts: TableOptions): { headers: string[]; rows: string[][] } {
  const def = tableFor(type.kind);
  const keep = def.columns.map((c) => opts.wide || !c.wide);
  const headers = def.columns.filter((_, i) => keep[i]).map((c) => c.header);
  const withNamespace = opts.withNamespace && type.namespaced;
  if (withNamespace) headers.unshift('Namespace');
  for (const key of opts.labelColumns) headers.push(key.slice(key.lastIndexOf('/') + 1));
  if (opts.showLabels) headers.push('Labels');
  const prefix = kindPrefix(type);
  const rows = objects.map((obj) => {
    const cells = def.row(obj, { nowMs: opts.nowMs }).filter((_, i) => keep[i]);
    if (opts.withKind) cells[0] = `${prefix}/${cells[0]}`;
    if (withNamespace) cells.unshift(obj.metadata.namespace ?? '');
    for (const key of opts.labelColumns) cells.push(obj.metadata.labels?.[key] ?? '');
    if (opts.showLabels) cells.push(formatLabels(obj.metadata.labels));
    return cells;
  });
  return { headers: headers.map((h) => h.toUpperCase()), rows };
}

export function printTable(type: ResourceType, objects: readonly Stored[], opts: TableOptions): string {
  const { headers, rows } = tableCells(type, objects, opts);
  return renderTable(opts.noHeaders ? null : headers, rows);
}

export function printNames(type: ResourceType, objects: readonly Stored[]): string {
  const prefix = kindPrefix(type);
  return objects.map((o) => `${prefix}/${o.metadata.name}\n`).join('');
}

/** YAML, JSON or JSONPath of one object, or of a List when `single` is false. */
export function printStructured(format: OutputFormat, objects: readonly Stored[], single: boolean): string {
  const data = single && objects.length === 1 ? objects[0] : asList([...objects]);
  switch (format.kind) {
    case 'yaml':
      return toYaml(data);
    case 'json':
      return toJson(data);
    case 'custom-columns':
      return printCustomColumns(format.columns, objects, format.noHeaders ?? false);
    case 'jsonpath':
      try {
        return renderJsonPath(format.template, data);
      } catch (e) {
        throw new KubectlError(`error: error parsing jsonpath ${format.template}, ${(e as Error).message}`);
      }
    default:
      return '';
  }
}

/** `--sort-by=.metadata.creationTimestamp`: numbers compare numerically, the rest as strings. */
export function sortByPath(objects: Stored[], path: string): Stored[] {
  const expr = path.replace(/^\{(.*)\}$/, '$1');
  const keyOf = (o: Stored) => evaluatePath(o, expr)[0];
  return [...objects].sort((a, b) => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    if (ka === undefined && kb === undefined) return 0;
    if (ka === undefined) return -1;
    if (kb === undefined) return 1;
    if (typeof ka === 'number' && typeof kb === 'number') return ka - kb;
    const sa = String(ka);
    const sb = String(kb);
    const na = Number(sa);
    const nb = Number(sb);
    if (sa !== '' && sb !== '' && !Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
    return sa < sb ? -1 : sa > sb ? 1 : 0;
  });
}
