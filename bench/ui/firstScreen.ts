/**
 * First-screen figures from cold loads of the built site: when the machines are on the canvas, when the
 * first Running pod is, when the simulation answers, and the gzip JavaScript fetched before each.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';

export interface FirstScreenRun {
  machinesMs: number;
  runningPodMs: number;
  liveMs: number;
  jsBeforeMachinesKb: number;
  jsBeforeLiveKb: number;
  scripts: { file: string; gzipKb: number; atMs: number }[];
}

declare global {
  interface Window {
    __benchMarks?: { machines?: number; running?: number };
  }
}

/** Milestones the page records about itself, each at the frame that paints it. */
function recordMilestones(): void {
  const marks: { machines?: number; running?: number } = {};
  window.__benchMarks = marks;
  const observer = new MutationObserver(() => {
    if (marks.machines === undefined && document.querySelector('.worker-node')) {
      marks.machines = -1;
      requestAnimationFrame(() => (marks.machines = performance.now()));
    }
    if (marks.running === undefined && document.querySelector('[aria-label^="Pod web-"][aria-label$=": Running"]')) {
      marks.running = -1;
      requestAnimationFrame(() => (marks.running = performance.now()));
    }
    if ((marks.machines ?? -1) > 0 && (marks.running ?? -1) > 0) observer.disconnect();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
}

const gzipCache = new Map<string, number>();
function gzipKb(distDir: string, pathname: string): number {
  const file = `${distDir}/${pathname.replace(/^.*?\/assets\//, 'assets/')}`;
  let size = gzipCache.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(file), { level: 9 }).length / 1024;
    gzipCache.set(file, size);
  }
  return size;
}

export async function measureFirstScreen(browser: Browser, url: string, distDir: string): Promise<FirstScreenRun> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(() => localStorage.setItem('kube-playground.language', 'en'));
  await page.addInitScript(recordMilestones);
  const requests: { url: string; at: number }[] = [];
  // Dedicated workers' fetches are reported on the page in Chromium.
  page.on('request', (req) => {
    if (new URL(req.url()).pathname.endsWith('.js')) requests.push({ url: req.url(), at: Date.now() });
  });
  await page.goto(url);
  await page.waitForFunction(() => (window.__benchMarks?.running ?? -1) > 0 && performance.getEntriesByName('kube-playground:worker-ready').length > 0, null, {
    timeout: 60_000,
  });
  const m = await page.evaluate(() => ({
    origin: performance.timeOrigin,
    machines: window.__benchMarks!.machines!,
    running: window.__benchMarks!.running!,
    live: performance.getEntriesByName('kube-playground:worker-ready')[0]!.startTime,
  }));
  await context.close();
  const scripts = requests.map((r) => ({ file: new URL(r.url).pathname.split('/').pop()!, gzipKb: gzipKb(distDir, new URL(r.url).pathname), atMs: r.at - m.origin }));
  const before = (ms: number) => scripts.filter((s) => s.atMs <= ms).reduce((sum, s) => sum + s.gzipKb, 0);
  return {
    machinesMs: m.machines,
    runningPodMs: m.running,
    liveMs: m.live,
    jsBeforeMachinesKb: before(m.machines),
    jsBeforeLiveKb: before(m.live),
    scripts,
  };
}
