/**
 * The shell model's lexer: splits `sh -c` script text into words (quotes removed, `$` expansions kept
 * for the runner; `literal` marks a word that needs no expansion) and operators (`;` for `;` and newlines, `&&`,
 * `||`, `|`, `&`, `<`, `>` for `>`/`>>`/`&>`, `2>`). Comments and escaped newlines are dropped.
 */

export type WordToken = { t: 'word'; v: string; literal: boolean };
export type Token = WordToken | { t: 'op'; v: string };

export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++;
      continue;
    }
    if (c === '\n' || c === ';') {
      out.push({ t: 'op', v: ';' });
      i++;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '&&' || two === '||' || two === '>>' || two === '2>' || two === '&>') {
      out.push({ t: 'op', v: two === '>>' || two === '&>' ? '>' : two });
      i += 2;
      if (two === '2>' && src[i] === '&') {
        i++;
        while (i < src.length && /\d/.test(src[i]!)) i++;
        out.pop();
      }
      continue;
    }
    if (c === '&' || c === '|' || c === '>' || c === '<') {
      out.push({ t: 'op', v: c });
      i++;
      continue;
    }
    // A word: quotes, $(...) and $((...)) may contain spaces.
    let word = '';
    let literal = true;
    let sawQuote = false;
    while (i < src.length) {
      const ch = src[i]!;
      if (ch === "'") {
        sawQuote = true;
        const end = src.indexOf("'", i + 1);
        const stop = end < 0 ? src.length : end;
        word += src.slice(i + 1, stop);
        i = stop + 1;
        continue;
      }
      if (ch === '"') {
        sawQuote = true;
        literal = false;
        i++;
        while (i < src.length && src[i] !== '"') {
          if (src[i] === '\\' && i + 1 < src.length) {
            word += src[i + 1];
            i += 2;
            continue;
          }
          word += src[i++];
        }
        i++;
        continue;
      }
      if (ch === '$' && src[i + 1] === '(') {
        literal = false;
        let depth = 0;
        const start = i;
        i++;
        while (i < src.length) {
          if (src[i] === '(') depth++;
          else if (src[i] === ')' && --depth === 0) break;
          i++;
        }
        word += src.slice(start, i + 1);
        i++;
        continue;
      }
      if (ch === '`') {
        literal = false;
        const end = src.indexOf('`', i + 1);
        const stop = end < 0 ? src.length : end;
        word += `$(${src.slice(i + 1, stop)})`;
        i = stop + 1;
        continue;
      }
      if (' \t\r\n;&|<>'.includes(ch)) break;
      if (ch === '\\' && i + 1 < src.length) {
        word += src[i + 1];
        i += 2;
        continue;
      }
      if (ch === '$') literal = false;
      word += ch;
      i++;
    }
    if (!sawQuote && !word.includes('$')) literal = true;
    out.push({ t: 'word', v: word, literal });
  }
  return out;
}
