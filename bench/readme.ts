/**
 * Writes the README's performance section from the benchmarks' last results (bench/results/*.json, as
 * `npm run bench` and `npm run bench:ui` leave them): the figures are never typed in by hand.
 *
 * Run: npm run bench:readme
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';

const BEGIN = '<!-- performance:begin (written by `npm run bench:readme` from bench/results/; do not edit by hand) -->';
const END = '<!-- performance:end -->';

interface Conditions {
  measuredAt: string;
  cores: number;
  load: number[];
}

interface UiResults extends Conditions {
  /** When the scenes come from an earlier run than the first screen (`BENCH_ONLY=first-screen`). */
  scenesMeasured?: { measuredAt: string; load: number[] };
  firstScreen?: {
    runs: number;
    machinesMs: number;
    runningPodMs: number;
    liveMs: number;
    jsBeforeMachinesKb: number;
    jsBeforeLiveKb: number;
  };
  scenes?: {
    scene: string;
    idle: { fps: number; longestTaskMs: number };
    drag: { fps: number; longestTaskMs: number };
    workerKbPerS: number;
    workerMsgsPerS: number;
    heapMb: number;
  }[];
  missed: string[];
}

interface EngineResults extends Conditions {
  nodes: number;
  pods: number;
  addonPods: number;
  podsRunning: number;
  scheduleAndStartMs: number;
  scheduleAndStartCpuMs: number;
  steadyTenMinutesMs: number;
  heapUsedMiB: number;
  events: number;
}

const conditions = (c: Conditions) => `${c.measuredAt.slice(0, 16).replace('T', ' ')} UTC, ${c.cores} cores, load average ${c.load[0]!.toFixed(1)}`;
const n = (x: number) => x.toLocaleString('en-US');

function uiSection(ui: UiResults): string[] {
  const out: string[] = [`\`npm run bench:ui\` (production build on a local static server, Chromium; ${conditions(ui)}):`, ''];
  const f = ui.firstScreen;
  if (f) {
    out.push(`| first screen (median of ${f.runs} cold loads) | measured | budget |`, '|---|---|---|');
    out.push(`| machines on the canvas | ${f.machinesMs} ms | 160 ms |`);
    out.push(`| first Running pod | ${f.runningPodMs} ms | with the machines |`);
    out.push(`| simulation live (worker answering) | ${f.liveMs} ms | |`);
    out.push(`| JavaScript before the machines show | ${f.jsBeforeMachinesKb} KB gzip | 220 KB |`);
    out.push(`| JavaScript before the simulation is live (worker included) | ${f.jsBeforeLiveKb} KB gzip | 220 KB |`, '');
  }
  if (ui.scenes?.length) {
    if (ui.scenesMeasured) out.push(`Scenes measured apart (${ui.scenesMeasured.measuredAt.slice(0, 16).replace('T', ' ')} UTC, load average ${ui.scenesMeasured.load[0]!.toFixed(1)}):`, '');
    out.push('| scene | idle fps | idle longest task | dragging fps | dragging longest task | worker → page | page heap |', '|---|---|---|---|---|---|---|');
    for (const s of ui.scenes) {
      out.push(
        `| ${s.scene} | ${s.idle.fps.toFixed(1)} | ${s.idle.longestTaskMs} ms | ${s.drag.fps.toFixed(1)} | ${s.drag.longestTaskMs} ms | ${s.workerKbPerS.toFixed(1)} KB/s, ${s.workerMsgsPerS.toFixed(0)} msgs/s | ${s.heapMb.toFixed(0)} MB |`,
      );
    }
    out.push('', 'Budgets: ≥ 55 fps and no main-thread task over 50 ms, idle and while dragging.', '');
  }
  out.push(ui.missed.length ? `Budgets missed in that run: ${ui.missed.join(', ')}.` : 'Every budget was met in that run.', '');
  return out;
}

function engineSection(runs: EngineResults[]): string[] {
  const out: string[] = ['`npm run bench` (headless engine, Node; `BENCH_NODES`/`BENCH_REPLICAS` for other sizes):', ''];
  out.push('| cluster | pods Running | schedule + start (wall / CPU) | 10 virtual minutes | heap | Events stored | measured |', '|---|---|---|---|---|---|---|');
  for (const r of runs) {
    out.push(
      `| ${n(r.nodes)} nodes, ${n(r.pods)} pods (+${n(r.addonPods)} kube-system) | ${n(r.podsRunning)} | ${n(r.scheduleAndStartMs)} / ${n(r.scheduleAndStartCpuMs)} ms | ${n(r.steadyTenMinutesMs)} ms | ${n(r.heapUsedMiB)} MiB | ${n(r.events)} | ${conditions(r)} |`,
    );
  }
  out.push('', 'Budgets: 1,000 nodes and 10,000 pods Running within 3 s, then 10 virtual minutes within 2 s; 5,000 nodes and 100,000 pods within 20 s and 800 MiB.', '');
  return out;
}

interface TrafficResults {
  measuredAt: string;
  load: number[];
  nodes: number;
  pods: number;
  ramp: TrafficWindow;
  steady: TrafficWindow;
}
interface TrafficWindow {
  seconds: number;
  meanKbPerS: number;
  peakKbPerS: number;
  meanMsgsPerS: number;
  peakMsgsPerS: number;
  peakChangesPerS: number;
}

function trafficSection(t: TrafficResults): string[] {
  const out: string[] = [
    `\`npm run bench:traffic\` (what the simulation worker sends the page at ${n(t.nodes)} nodes and ${n(t.pods)} pods, headless, per virtual second at 1×; ${t.measuredAt.slice(0, 16).replace('T', ' ')} UTC):`,
    '',
    '| phase | mean | peak | messages/s (mean / peak) | object changes/s (peak) |',
    '|---|---|---|---|---|',
  ];
  for (const [name, w] of [['pods coming up', t.ramp], ['steady state', t.steady]] as const) {
    out.push(`| ${name} (${w.seconds} s) | ${n(Math.round(w.meanKbPerS))} KB/s | ${n(Math.round(w.peakKbPerS))} KB/s | ${w.meanMsgsPerS} / ${w.peakMsgsPerS} | ${n(w.peakChangesPerS)} |`);
  }
  out.push('', 'Patches carry at most 100 object changes a message (one a frame); the rest wait, coalescing, for the next frame.', '');
  return out;
}

const dir = 'bench/results';
const lines: string[] = [BEGIN, ''];
if (existsSync(`${dir}/ui.json`)) lines.push(...uiSection(JSON.parse(readFileSync(`${dir}/ui.json`, 'utf8')) as UiResults));
const engineRuns = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.startsWith('engine-') && f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as EngineResults)
      .sort((a, b) => a.nodes - b.nodes || a.pods - b.pods)
  : [];
if (engineRuns.length) lines.push(...engineSection(engineRuns));
if (existsSync(`${dir}/worker-traffic.json`)) lines.push(...trafficSection(JSON.parse(readFileSync(`${dir}/worker-traffic.json`, 'utf8')) as TrafficResults));
lines.push('Timings from a shared machine are noisy: compare runs made under the same load.', END);

const readme = readFileSync('README.md', 'utf8');
const start = readme.indexOf('<!-- performance:begin');
const end = readme.indexOf(END);
if (start < 0 || end < 0) throw new Error('README.md has no performance markers (<!-- performance:begin --> ... <!-- performance:end -->)');
writeFileSync('README.md', readme.slice(0, start) + lines.join('\n') + readme.slice(end + END.length));
console.log(`README.md: performance section written from ${engineRuns.length} engine run(s)${existsSync(`${dir}/ui.json`) ? ' and the UI benchmark' : ''}`);
