/**
 * Builds the site and prints what each chunk is made of (gzip estimate per package or source folder),
 * largest first: `npx tsx scripts/bundleReport.ts [chunk-name-filter]`. Top-level modules are grouped
 * by npm package or by `src/` folder two levels deep. Uses scripts/bundleComposition.ts.
 */
import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChunkComposition } from './bundleComposition';

const filter = process.argv[2] ?? '';
const out = join(mkdtempSync(join(tmpdir(), 'bundle-')), 'composition.jsonl');
execSync('npx vite build', { stdio: 'ignore', env: { ...process.env, BUNDLE_REPORT: out } });
const chunks = readFileSync(out, 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l) as ChunkComposition)
  .filter((c) => c.file.includes(filter))
  .sort((a, b) => b.gzipBytes - a.gzipBytes);

function group(id: string): string {
  const nm = id.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = id.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  const src = id.indexOf('/src/');
  if (src >= 0) return id.slice(src + 1).split('/').slice(0, 3).join('/');
  return id.replace(/^.*\//, '');
}

const kb = (n: number) => (n / 1024).toFixed(1);
for (const c of chunks.slice(0, filter ? chunks.length : 12)) {
  console.log(`\n${c.file}  ${kb(c.gzipBytes)} KB gzip (${kb(c.bytes)} KB)  imports: ${c.imports.join(', ') || '-'}`);
  const groups = new Map<string, { bytes: number; gzip: number }>();
  for (const m of c.modules) {
    const g = groups.get(group(m.id)) ?? { bytes: 0, gzip: 0 };
    g.bytes += m.bytes;
    g.gzip += m.gzipBytes;
    groups.set(group(m.id), g);
  }
  for (const [name, g] of [...groups].sort((a, b) => b[1].gzip - a[1].gzip).slice(0, 25)) console.log(`  ${kb(g.gzip).padStart(7)} KB  ${kb(g.bytes).padStart(7)} KB raw  ${name}`);
}
