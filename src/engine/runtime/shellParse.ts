/** The shell model's parser: statements (commands with pipes and redirects, while/until/for/if) from tokens. */
import { tokenize, type Token, type WordToken } from './shellTokenize';

export type Connector = ';' | '&&' | '||';

export type Stmt =
  | { k: 'cmd'; words: WordToken[]; redirect?: string; background: boolean; connector: Connector; pipeline?: WordToken[][] }
  | { k: 'loop'; until: boolean; cond: Stmt[]; body: Stmt[]; connector: Connector; background: boolean }
  | { k: 'for'; name: string; items: WordToken[]; body: Stmt[]; connector: Connector; background: boolean }
  | { k: 'if'; cond: Stmt[]; then: Stmt[]; otherwise: Stmt[]; connector: Connector; background: boolean };

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parseList(stop: string[]): Stmt[] {
    const list: Stmt[] = [];
    let connector: Connector = ';';
    for (;;) {
      const tok = this.tokens[this.pos];
      if (!tok) return list;
      if (tok.t === 'op') {
        this.pos++;
        if (tok.v === '&&' || tok.v === '||') connector = tok.v;
        else if (tok.v === '&') {
          const last = list[list.length - 1];
          if (last) last.background = true;
        }
        continue;
      }
      if (stop.includes(tok.v)) return list;
      list.push(this.parseStatement(connector));
      connector = ';';
    }
  }

  private word(): string | undefined {
    const tok = this.tokens[this.pos];
    return tok?.t === 'word' ? tok.v : undefined;
  }

  private expect(word: string): void {
    if (this.word() === word) this.pos++;
  }

  private parseStatement(connector: Connector): Stmt {
    const w = this.word();
    if (w === 'while' || w === 'until') {
      this.pos++;
      const cond = this.parseList(['do']);
      this.expect('do');
      const body = this.parseList(['done']);
      this.expect('done');
      return { k: 'loop', until: w === 'until', cond, body, connector, background: false };
    }
    if (w === 'for') {
      this.pos++;
      const name = this.word() ?? 'i';
      this.pos++;
      const items: WordToken[] = [];
      if (this.word() === 'in') {
        this.pos++;
        while (this.tokens[this.pos]?.t === 'word' && this.word() !== 'do') items.push(this.tokens[this.pos++] as WordToken);
      }
      this.parseList(['do']);
      this.expect('do');
      const body = this.parseList(['done']);
      this.expect('done');
      return { k: 'for', name, items, body, connector, background: false };
    }
    if (w === 'if') {
      this.pos++;
      const cond = this.parseList(['then']);
      this.expect('then');
      const then = this.parseList(['else', 'elif', 'fi']);
      let otherwise: Stmt[] = [];
      if (this.word() === 'else') {
        this.pos++;
        otherwise = this.parseList(['fi']);
      } else if (this.word() === 'elif') {
        this.tokens[this.pos] = { t: 'word', v: 'if', literal: true };
        otherwise = [this.parseStatement(';')];
        return { k: 'if', cond, then, otherwise, connector, background: false };
      }
      this.expect('fi');
      return { k: 'if', cond, then, otherwise, connector, background: false };
    }
    const words: WordToken[] = [];
    const pipeline: WordToken[][] = [];
    let redirect: string | undefined;
    for (;;) {
      const tok = this.tokens[this.pos];
      if (!tok) break;
      if (tok.t === 'op') {
        if (tok.v === '>' || tok.v === '<' || tok.v === '2>') {
          this.pos++;
          const target = this.word();
          if (target !== undefined) this.pos++;
          if (tok.v !== '<') redirect = target ?? '';
          continue;
        }
        if (tok.v === '|') {
          // A pipeline: the first command's output goes to the next one, not to the log.
          this.pos++;
          redirect = redirect ?? '|';
          const next: WordToken[] = [];
          while (this.tokens[this.pos]?.t === 'word') next.push(this.tokens[this.pos++] as WordToken);
          pipeline.push(next);
          continue;
        }
        break;
      }
      // Reserved words count only where a command starts (after `;` or a newline), as in sh.
      words.push(tok);
      this.pos++;
    }
    return { k: 'cmd', words, ...(redirect !== undefined ? { redirect } : {}), background: false, connector, ...(pipeline.length > 0 ? { pipeline } : {}) };
  }
}

export function parseScript(src: string): Stmt[] {
  return new Parser(tokenize(src)).parseList([]);
}
