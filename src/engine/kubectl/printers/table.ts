/**
 * kubectl's human-readable table: headers (callers pass them upper-cased), cells separated by tabs and aligned by the
 * tabwriter (3 spaces between columns, each padded to its widest cell).
 */
import { alignTabs, TABLE_TABWRITER } from './tabwriter';

export function renderTable(headers: readonly string[] | null, rows: readonly (readonly string[])[]): string {
  let text = '';
  if (headers) text += headers.join('\t') + '\n';
  for (const row of rows) text += row.join('\t') + '\n';
  return alignTabs(text, TABLE_TABWRITER);
}
