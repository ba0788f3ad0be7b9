import { describe, expect, it } from 'vitest';
import { parseProgress, PROGRESS_KEY, readProgress, writeProgress } from './progress';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), data };
}

describe('lesson progress', () => {
  it('round-trips through storage', () => {
    const s = memoryStorage();
    writeProgress('scaling', { step: 2, picks: { 1: 'spread' }, done: [3], completed: false }, s);
    expect(readProgress(['scaling'], s)).toEqual({ scaling: { step: 2, picks: { 1: 'spread' }, done: [3], completed: false } });
  });

  it('keeps other lessons when writing one', () => {
    const s = memoryStorage();
    writeProgress('a', { step: 1, picks: {}, done: [], completed: true }, s);
    writeProgress('b', { step: 0, picks: {}, done: [], completed: false }, s);
    expect(Object.keys(readProgress(['a', 'b'], s))).toEqual(['a', 'b']);
  });

  it.each([
    { name: 'not JSON', raw: '{oops' },
    { name: 'an array', raw: '[1,2]' },
    { name: 'null', raw: 'null' },
  ])('ignores a stored value that is $name', ({ raw }) => {
    expect(readProgress(['a'], memoryStorage({ [PROGRESS_KEY]: raw }))).toEqual({});
  });

  it('ignores lessons it does not know', () => {
    const s = memoryStorage({ [PROGRESS_KEY]: JSON.stringify({ gone: { step: 0, picks: {}, done: [], completed: true } }) });
    expect(readProgress(['a'], s)).toEqual({});
  });

  it.each([
    { name: 'a negative step', raw: { step: -1, completed: false } },
    { name: 'a fractional step', raw: { step: 1.5, completed: false } },
    { name: 'completed not a boolean', raw: { step: 1, completed: 'yes' } },
    { name: 'no step', raw: { completed: true } },
  ])('drops an entry with $name', ({ raw }) => {
    expect(parseProgress(raw)).toBeUndefined();
  });

  it('keeps the valid parts of done and picks and drops the rest', () => {
    expect(parseProgress({ step: 1, completed: false, done: [2, 'x', -1, 2], picks: { 1: 'a', x: 'b', 2: 5 } })).toEqual({
      step: 1,
      completed: false,
      done: [2],
      picks: { 1: 'a' },
    });
  });

  it('survives storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(readProgress(['a'], broken)).toEqual({});
    expect(() => writeProgress('a', { step: 0, picks: {}, done: [], completed: false }, broken)).not.toThrow();
  });
});
