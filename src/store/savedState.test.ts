import { describe, expect, it } from 'vitest';
import { validateSavedFiles, validateSavedHistory, WELCOME_FILE } from './workbenchStore';

describe('saved workbench state read back from localStorage', () => {
  const cases: { name: string; saved: unknown; files: string[]; setAside: number }[] = [
    { name: 'nothing saved: the welcome file', saved: undefined, files: [WELCOME_FILE.name], setAside: 0 },
    { name: 'files as a string: set aside, the page still opens', saved: { files: 'oops' }, files: [WELCOME_FILE.name], setAside: 1 },
    { name: 'files as an object', saved: { files: { a: 1 } }, files: [WELCOME_FILE.name], setAside: 1 },
    { name: 'the whole value a number', saved: 42, files: [WELCOME_FILE.name], setAside: 1 },
    { name: 'good files kept, bad ones set aside', saved: { files: [{ name: 'a.yaml', text: 'x' }, { name: 5 }, null, { name: 'b.yaml', text: 7 }] }, files: ['a.yaml'], setAside: 3 },
    { name: 'files named constructor and __proto__ are plain files', saved: JSON.parse('{"files":[{"name":"constructor","text":"a"},{"name":"__proto__","text":"b"}]}'), files: ['constructor', '__proto__'], setAside: 0 },
    { name: 'a duplicate name keeps its first file', saved: { files: [{ name: 'a.yaml', text: '1' }, { name: 'a.yaml', text: '2' }] }, files: ['a.yaml'], setAside: 1 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = validateSavedFiles(c.saved);
      expect(r.files.map((f) => f.name)).toEqual(c.files);
      expect(r.setAside).toBe(c.setAside);
      expect(r.files.map((f) => f.name)).toContain(r.active);
    });
  }

  it('console history of the wrong shape ({}): empty, one thing set aside', () => {
    expect(validateSavedHistory({})).toEqual({ history: [], setAside: 1, whole: true });
    expect(validateSavedHistory(['get pods', 3, 'get nodes'])).toEqual({ history: ['get pods', 'get nodes'], setAside: 1 });
  });
});
