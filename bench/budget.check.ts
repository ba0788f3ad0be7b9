/**
 * `npm run check:budget`: the first screen's JavaScript against its budget, on the built site. Chromium
 * opens dist/ from a local static server and every script it fetches before the simulation is live
 * (the page's chunks, the simulation worker and whatever either imports) is counted at its gzip size
 * (bench/ui/firstScreen.ts). Exit code 1 when the sum is over BUDGET.jsBeforeLiveKb. Byte counts do not
 * depend on the machine's load, so one cold load is enough (timings are the benchmark's business).
 *
 * With `--ratchet` (what `npm test` runs while the budget is not met yet) it fails only over
 * BUDGET.jsBeforeLiveRatchetKb, and still prints how far the sum is from the budget.
 *
 * Env: BUDGET_PORT (default 4189), BENCH_NO_BUILD=1 (check the dist/ there is).
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { BUDGET } from './ui/budgets';
import { launchChromium, serveDist } from './ui/browser';
import { measureFirstScreen } from './ui/firstScreen';

const PORT = Number(process.env.BUDGET_PORT ?? 4189);
const RATCHET = process.argv.includes('--ratchet');
const DIST = 'dist';

async function main(): Promise<void> {
  if (!process.env.BENCH_NO_BUILD || !existsSync(DIST)) execSync('npx vite build', { stdio: 'ignore' });
  const server = await serveDist(PORT);
  try {
    const browser = await launchChromium();
    try {
      const run = await measureFirstScreen(browser, `http://127.0.0.1:${PORT}/`, DIST);
      const live = run.scripts.filter((s) => s.atMs <= run.liveMs);
      console.log(`scripts fetched before the simulation was live (${Math.round(run.liveMs)} ms):`);
      for (const s of live) console.log(`  ${s.gzipKb.toFixed(1).padStart(6)} KB  ${s.file}`);
      const total = run.jsBeforeLiveKb;
      const verdict = total <= BUDGET.jsBeforeLiveKb ? 'within' : 'OVER';
      console.log(`first screen JavaScript: ${total.toFixed(1)} KB gzip, ${verdict} the budget of ${BUDGET.jsBeforeLiveKb} KB`);
      const limit = RATCHET ? BUDGET.jsBeforeLiveRatchetKb : BUDGET.jsBeforeLiveKb;
      if (RATCHET) console.log(`ratchet: fails over ${limit} KB, so the first screen cannot grow unnoticed while it is over budget`);
      if (total > limit) process.exitCode = 1;
    } finally {
      await browser.close();
    }
  } finally {
    server.kill();
  }
}

await main();
