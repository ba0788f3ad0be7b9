/**
 * UI benchmark (`npm run bench:ui`): Playwright drives the production build served by a local static
 * server (`vite preview`) in Chromium and prints
 *   - first screen (medians of cold loads): machines on the canvas, first Running pod, simulation live,
 *     and the gzip JavaScript fetched before the machines show and before the simulation is live;
 *   - frame rate and longest main-thread task, idle and while dragging the canvas, at 300 and 3,000 pods
 *     on the default cluster, in the big-cluster view (#/presets/big-cluster: 1,000 nodes, 10,000 pods)
 *     and with a Deployment scaled to 100,000 replicas; worker bytes per second and the page's heap.
 * Budgets (ARCHITECTURE.md) are checked here; the e2e suite keeps only loose ceilings. Exit code 1 when a
 * budget is missed. Figures go to bench/results/ui.json for the README (`npm run bench:readme`).
 *
 * Env: BENCH_RUNS (cold loads, default 5), BENCH_PORT (default 4188), BENCH_NO_BUILD=1 (reuse dist/),
 *      BENCH_ONLY=first-screen|scenes.
 */
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { BUDGET } from './ui/budgets';
import { launchChromium, serveDist } from './ui/browser';
import { measureFirstScreen, type FirstScreenRun } from './ui/firstScreen';
import { measureScene, type SceneName, type SceneResult } from './ui/scenes';

const PORT = Number(process.env.BENCH_PORT ?? 4188);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const ONLY = process.env.BENCH_ONLY ?? '';
const DIST = 'dist';
const URL_ROOT = `http://127.0.0.1:${PORT}/`;

const SCENES = (process.env.BENCH_SCENES?.split(',') ?? ['300 pods', '3000 pods', 'big cluster', '100000 replicas']) as SceneName[];

/**
 * The flood (issue 22: `replicas: 100000` on four machines) must keep the page answering: no task over
 * 200 ms; its frame rate is reported, not budgeted. Every other scene: 55 fps and 50 ms tasks.
 */
function sceneBudget(scene: SceneName): { fps: number; longTaskMs: number } {
  return scene === '100000 replicas' ? { fps: 0, longTaskMs: 200 } : { fps: BUDGET.fps, longTaskMs: BUDGET.longTaskMs };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function main(): Promise<void> {
  if (!process.env.BENCH_NO_BUILD || !existsSync(DIST)) execSync('npx vite build', { stdio: 'ignore' });
  const server = await serveDist(PORT);
  const missed: string[] = [];
  const out: Record<string, unknown> = { measuredAt: new Date().toISOString(), cores: (await import('node:os')).cpus().length, load: (await import('node:os')).loadavg() };
  try {
    const browser = await launchChromium();
    try {
      if (ONLY === '' || ONLY === 'first-screen') {
        await measureFirstScreen(browser, URL_ROOT, DIST); // warms the server and the disk cache
        const runs: FirstScreenRun[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await measureFirstScreen(browser, URL_ROOT, DIST));
        const first = {
          runs: RUNS,
          machinesMs: Math.round(median(runs.map((r) => r.machinesMs))),
          runningPodMs: Math.round(median(runs.map((r) => r.runningPodMs))),
          liveMs: Math.round(median(runs.map((r) => r.liveMs))),
          jsBeforeMachinesKb: Math.round(median(runs.map((r) => r.jsBeforeMachinesKb))),
          jsBeforeLiveKb: Math.round(median(runs.map((r) => r.jsBeforeLiveKb))),
          scripts: runs[0]!.scripts.map((s) => `${s.file} ${s.gzipKb.toFixed(1)} KB @${Math.round(s.atMs)} ms`),
        };
        out.firstScreen = first;
        console.log(`first screen (median of ${RUNS} cold loads):`);
        console.log(`  machines on the canvas:     ${first.machinesMs} ms   (budget ${BUDGET.machinesMs} ms)`);
        console.log(`  first Running pod:          ${first.runningPodMs} ms`);
        console.log(`  simulation live:            ${first.liveMs} ms`);
        console.log(`  JS before machines:         ${first.jsBeforeMachinesKb} KB gzip   (budget ${BUDGET.jsBeforeMachinesKb} KB)`);
        console.log(`  JS before simulation live:  ${first.jsBeforeLiveKb} KB gzip   (budget ${BUDGET.jsBeforeLiveKb} KB)`);
        for (const s of first.scripts) console.log(`    ${s}`);
        if (first.machinesMs > BUDGET.machinesMs) missed.push('machines on the canvas');
        if (first.jsBeforeMachinesKb > BUDGET.jsBeforeMachinesKb) missed.push('JS before machines');
        if (first.jsBeforeLiveKb > BUDGET.jsBeforeLiveKb) missed.push('JS before simulation live');
      }
      if (ONLY === '' || ONLY === 'scenes') {
        const scenes: SceneResult[] = [];
        for (const scene of SCENES) {
          const r = await measureScene(browser, URL_ROOT, scene);
          scenes.push(r);
          console.log(`${r.scene}: idle ${r.idle.fps.toFixed(1)} fps, longest task ${r.idle.longestTaskMs} ms; dragging ${r.drag.fps.toFixed(1)} fps, longest task ${r.drag.longestTaskMs} ms; worker ${r.workerKbPerS.toFixed(1)} KB/s in ${r.workerMsgsPerS.toFixed(1)} msgs/s; heap ${r.heapMb.toFixed(0)} MB`);
          const budget = sceneBudget(r.scene);
          for (const [what, m] of [['idle', r.idle], ['dragging', r.drag]] as const) {
            if (m.fps < budget.fps) missed.push(`${r.scene} ${what} fps`);
            if (m.longestTaskMs > budget.longTaskMs) missed.push(`${r.scene} ${what} long task`);
          }
        }
        out.scenes = scenes;
      }
    } finally {
      await browser.close();
    }
  } finally {
    server.kill();
  }
  mkdirSync('bench/results', { recursive: true });
  // BENCH_ONLY measures one part: the other part of the last full run is kept, with its own conditions.
  const previous = ONLY && existsSync('bench/results/ui.json') ? (JSON.parse(readFileSync('bench/results/ui.json', 'utf8')) as Record<string, unknown>) : undefined;
  const kept = previous ? (ONLY === 'first-screen' ? { scenes: previous.scenes, scenesMeasured: previous.scenesMeasured ?? { measuredAt: previous.measuredAt, load: previous.load } } : { firstScreen: previous.firstScreen, firstScreenMeasured: previous.firstScreenMeasured ?? { measuredAt: previous.measuredAt, load: previous.load } }) : {};
  const firstScreenMisses = ['machines on the canvas', 'JS before machines', 'JS before simulation live'];
  const keptMisses = ((previous?.missed as string[] | undefined) ?? []).filter((m) => firstScreenMisses.includes(m) === (ONLY !== 'first-screen'));
  writeFileSync('bench/results/ui.json', `${JSON.stringify({ ...kept, ...out, missed: [...missed, ...keptMisses] }, null, 2)}\n`);
  if (missed.length > 0) {
    console.log(`BUDGET MISSED: ${missed.join(', ')}`);
    process.exitCode = 1;
  }
}

await main();
