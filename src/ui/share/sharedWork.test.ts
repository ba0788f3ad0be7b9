import { describe, expect, it } from 'vitest';
import { decodeShareLink, encodeShareLink } from '../../client/shareLink';
import { createCluster } from '../../engine/cluster';
import { WELCOME_FILE } from '../../store/workbenchStore';
import { shareableFiles } from './sharedWork';

describe('the files a link carries', () => {
  const cases: { name: string; files: { name: string; text: string }[]; want: string[] }[] = [
    { name: 'the welcome file alone is not worth carrying', files: [WELCOME_FILE], want: [] },
    { name: 'beside other files, the welcome file goes too', files: [WELCOME_FILE, { name: 'web.yaml', text: 'x' }], want: [WELCOME_FILE.name, 'web.yaml'] },
    { name: 'a slash from an older build becomes a dash', files: [{ name: 'apps/web.yaml', text: 'x' }], want: ['apps-web.yaml'] },
    { name: 'control characters are dropped', files: [{ name: 'we\u0000b.yaml', text: 'x' }], want: ['web.yaml'] },
    { name: 'a name too long is cut to 128 characters', files: [{ name: 'a'.repeat(300), text: 'x' }], want: ['a'.repeat(128)] },
    { name: 'two names made the same keep the first', files: [{ name: 'a/b', text: '1' }, { name: 'a-b', text: '2' }], want: ['a-b'] },
    { name: 'a name that is only control characters is left out', files: [{ name: '\u0001\u0002', text: 'x' }], want: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const files = shareableFiles(c.files);
      expect(files.map((f) => f.name)).toEqual(c.want);
      // Whatever the editor held, the link opens.
      const encoded = encodeShareLink({ snapshot: createCluster({ seed: 1 }).snapshot(), files, speed: 1 });
      expect(encoded.ok && decodeShareLink(encoded.data).ok).toBe(true);
    });
  }
});
