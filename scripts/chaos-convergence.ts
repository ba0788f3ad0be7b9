/**
 * Chaos convergence over many seeds (the CI property test runs a few):
 *
 *   npx tsx scripts/chaos-convergence.ts [SEEDS=50] [RATE=random 1..12]
 *
 * Prints each seed that did not converge, then `N passed, N failed`.
 */
import { chaosConverges } from '../src/engine/testing/chaosConvergence';

const seeds = Number(process.argv[2] ?? 50);
const fixedRate = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
let passed = 0;
let failed = 0;
const started = performance.now();
for (let i = 0; i < seeds; i++) {
  const seed = (Math.imul(i + 1, 0x9e3779b1) >>> 0) % 0xffffffff;
  const rate = fixedRate ?? 1 + (seed % 12);
  const problems = chaosConverges(seed, rate);
  if (problems.length === 0) passed++;
  else {
    failed++;
    for (const p of problems) console.log(p);
  }
}
console.log(`${seeds} seeds in ${Math.round((performance.now() - started) / 1000)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
