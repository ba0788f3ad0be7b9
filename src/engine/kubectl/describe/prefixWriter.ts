/**
 * kubectl describe's PrefixWriter over a tabwriter: each level indents two spaces, tabs separate
 * cells that the tabwriter aligns, and `flush()` ends an alignment section (kubectl flushes before
 * the Events table, so it is aligned on its own).
 */
import { alignTabs, DESCRIBE_TABWRITER } from '../printers/tabwriter';

export class PrefixWriter {
  private readonly sections: string[] = [];
  private current = '';

  write(level: number, text: string): void {
    this.current += '  '.repeat(level) + text;
  }

  /** A complete line at `level` (a newline is appended). */
  line(level: number, text: string): void {
    this.write(level, text + '\n');
  }

  flush(): void {
    if (this.current !== '') this.sections.push(this.current);
    this.current = '';
  }

  toString(): string {
    this.flush();
    return this.sections.map((s) => alignTabs(s, DESCRIBE_TABWRITER)).join('');
  }
}
