/**
 * `-o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image` (k8s.io/cli-runtime
 * printers/customcolumn.go): one column per `<header>:<json-path>`, the header as written, each cell
 * the path's results joined by commas, `<none>` when it finds nothing; aligned like kubectl's tables.
 */
import type { Stored } from '../../objects';
import { KubectlError } from '../errors';
import { evaluatePath } from './jsonpath';
import { renderTable } from './table';

export interface CustomColumn {
  header: string;
  path: string;
}

export function parseCustomColumns(spec: string): CustomColumn[] {
  if (spec.trim() === '') throw new KubectlError('error: custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new KubectlError(`error: unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    // RelaxedJSONPathExpression: `{.a.b}`, `.a.b` and `a.b` all name the same field.
    let path = part.slice(colon + 1).trim();
    path = path.replace(/^\{(.*)\}$/, '$1');
    if (!path.startsWith('.')) path = `.${path}`;
    return { header: part.slice(0, colon), path };
  });
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '<none>';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function printCustomColumns(columns: readonly CustomColumn[], objects: readonly Stored[], noHeaders: boolean): string {
  const rows = objects.map((obj) =>
    columns.map((c) => {
      let values: unknown[];
      try {
        values = evaluatePath(obj, c.path);
      } catch (e) {
        throw new KubectlError(`error: error parsing jsonpath {${c.path}}, ${(e as Error).message}`);
      }
      return values.length === 0 ? '<none>' : values.map(cell).join(',');
    }),
  );
  return renderTable(noHeaders ? null : columns.map((c) => c.header), rows);
}
