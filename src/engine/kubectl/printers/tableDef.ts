/** A kind's `kubectl get` table: its columns (some only with `-o wide`) and how one object fills a row. */
import type { Stored } from '../../objects';

export interface Column {
  header: string;
  /** Shown only with `-o wide` (the column's Priority 1 in kubectl's column definitions). */
  wide?: boolean;
}

export interface PrintContext {
  nowMs: number;
}

export interface TableDef {
  columns: readonly Column[];
  /** One cell per column, wide ones included; the first cell is the NAME. */
  row(obj: Stored, ctx: PrintContext): string[];
}

export function cols(names: string, wideNames = ''): Column[] {
  const list = (s: string) => (s ? s.split('|') : []);
  return [...list(names).map((header) => ({ header })), ...list(wideNames).map((header) => ({ header, wide: true }))];
}
