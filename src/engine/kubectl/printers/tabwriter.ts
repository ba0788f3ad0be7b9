/**
 * Column alignment as Go's text/tabwriter does it, which is what kubectl's tables (`get`) and
 * descriptions (`describe`) go through: cells are tab-terminated, a column block is a run of
 * consecutive lines that have a cell in that column, and every cell of a block is padded to the
 * block's widest cell plus `padding` (at least `minWidth`). The last cell of a line is not
 * tab-terminated, so it is never padded and never widens a column.
 */

export interface TabwriterOptions {
  minWidth: number;
  padding: number;
}

/** kubectl get: printers.GetNewTabWriter (minwidth 6, padding 3, padchar ' '). */
export const TABLE_TABWRITER: TabwriterOptions = { minWidth: 6, padding: 3 };
/** kubectl describe: tabbedString (minwidth 0, padding 2, padchar ' '). */
export const DESCRIBE_TABWRITER: TabwriterOptions = { minWidth: 0, padding: 2 };

function runeLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

export function alignTabs(text: string, opts: TabwriterOptions): string {
  const lines = text.split('\n').map((line) => line.split('\t'));
  const out: string[] = new Array<string>(lines.length);
  const widths: number[] = [];

  const writeLines = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const cells = lines[i]!;
      let s = '';
      for (let j = 0; j < cells.length; j++) {
        const cell = cells[j]!;
        s += cell;
        if (j < widths.length) s += ' '.repeat(Math.max(0, widths[j]! - runeLength(cell)));
      }
      out[i] = s;
    }
  };

  const format = (line0: number, line1: number) => {
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t]!.length - 1) continue;
      writeLines(line0, t);
      line0 = t;
      let width = opts.minWidth;
      for (; t < line1; t++) {
        const cells = lines[t]!;
        if (column >= cells.length - 1) break;
        const w = runeLength(cells[column]!) + opts.padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(line0, t);
      widths.pop();
      line0 = t;
    }
    writeLines(line0, line1);
  };

  format(0, lines.length);
  return out.join('\n');
}
