import { describe, expect, it } from 'vitest';
import { parseScript } from './shellParse';
import { tokenize } from './shellTokenize';

describe('shell tokenize alone', () => {
  const cases: Array<{ name: string; src: string; want: string[] }> = [
    { name: 'newlines and ; are both statement separators', src: 'echo a\necho b; echo c', want: ['echo', 'a', ';', 'echo', 'b', ';', 'echo', 'c'] },
    { name: 'quotes are removed and keep spaces inside one word', src: `echo "hello world" 'x y'`, want: ['echo', 'hello world', 'x y'] },
    { name: '&& and || are operators; >> and &> redirect like >', src: 'a && b || c >> f &> g', want: ['a', '&&', 'b', '||', 'c', '>', 'f', '>', 'g'] },
    { name: 'a comment runs to the end of the line', src: 'echo hi # not printed', want: ['echo', 'hi'] },
  ];
  it.each(cases)('$name', ({ src, want }) => {
    expect(tokenize(src).map((t) => t.v)).toEqual(want);
  });

  it('a word with $ is marked for expansion; a plain one is literal', () => {
    expect(tokenize('echo $HOME plain').map((t) => (t.t === 'word' ? t.literal : 'op'))).toEqual([true, false, true]);
  });
});

describe('shell parse alone', () => {
  it('a while loop holds its condition and body; the connector after a command is kept', () => {
    const [loop, last] = parseScript('while true; do echo tick; sleep 5; done; echo done && exit 1');
    expect(loop).toMatchObject({ k: 'loop', until: false, cond: [{ k: 'cmd' }], body: [{ k: 'cmd' }, { k: 'cmd' }] });
    expect(last).toMatchObject({ k: 'cmd', connector: ';' });
  });

  it('a pipeline keeps each stage; a redirect names its file', () => {
    const [cmd] = parseScript('cat /etc/hosts | grep web > /tmp/out');
    expect(cmd).toMatchObject({ k: 'cmd', redirect: '/tmp/out' });
    expect(cmd?.k === 'cmd' ? cmd.pipeline?.map((stage) => stage.map((w) => w.v)) : undefined).toEqual([['grep', 'web']]);
  });

  it('for and if parse into their own statements', () => {
    expect(parseScript('for i in 1 2 3; do echo $i; done').map((s) => s.k)).toEqual(['for']);
    expect(parseScript('if [ -f /tmp/x ]; then echo yes; else echo no; fi').map((s) => s.k)).toEqual(['if']);
  });
});
