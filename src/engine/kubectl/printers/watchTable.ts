/**
 * The table writer of `kubectl get --watch`: kubectl flushes its tabwriter after every event, and the
 * tabwriter it uses (github.com/liggitt/tabwriter with RememberWidths) keeps each column's widest
 * width across flushes, so a later row is padded at least as wide as the rows above it, and a wider
 * cell widens its column from then on (the rows above stay as printed). The header goes out once,
 * with the first rows printed.
 */
import { TABLE_TABWRITER } from './tabwriter';

function runeLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export class WatchTableWriter {
  private readonly widths: number[] = [];
  private headerPrinted: boolean;

  constructor(
    private readonly headers: readonly string[],
    noHeaders = false,
  ) {
    this.headerPrinted = noHeaders;
  }

  /** One flush: the rows (and the header before the first rows), aligned, each line ending in a newline. */
  write(rows: readonly (readonly string[])[]): string {
    if (rows.length === 0) return '';
    const lines = this.headerPrinted ? rows : [this.headers, ...rows];
    this.headerPrinted = true;
    const { minWidth, padding } = TABLE_TABWRITER;
    // Every line of a table has the same cells, so each column is one tabwriter block per flush.
    for (const cells of lines) {
      for (let j = 0; j < cells.length - 1; j++) {
        const w = Math.max(minWidth, runeLength(cells[j]!) + padding);
        if (w > (this.widths[j] ?? 0)) this.widths[j] = w;
      }
    }
    return lines
      .map((cells) => cells.map((cell, j) => (j < cells.length - 1 ? cell + ' '.repeat(Math.max(0, this.widths[j]! - runeLength(cell))) : cell)).join('') + '\n')
      .join('');
  }
}
