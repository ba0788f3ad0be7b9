/**
 * Frame rate and the longest main-thread task of a scene, idle and while the canvas is dragged, plus
 * what the simulation worker sends per second and the page's heap.
 */
import type { Browser, Page } from '@playwright/test';

export type SceneName = '300 pods' | '3000 pods' | 'big cluster' | '100000 replicas';

interface FrameStats {
  fps: number;
  longestTaskMs: number;
}

export interface SceneResult {
  scene: SceneName;
  idle: FrameStats;
  drag: FrameStats;
  workerKbPerS: number;
  workerMsgsPerS: number;
  heapMb: number;
}

declare global {
  interface Window {
    __benchWorkerBytes?: { bytes: number; messages: number; counting: boolean };
    __benchLongTasks?: number[];
  }
}

/** Counts what the simulation worker posts (only while `counting`, so the stringify costs no frames). */
function instrumentPage(): void {
  const stats = { bytes: 0, messages: 0, counting: false };
  window.__benchWorkerBytes = stats;
  window.__benchLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__benchLongTasks!.push(e.duration);
  }).observe({ type: 'longtask', buffered: false });
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url: string | URL, opts?: WorkerOptions) {
      super(url, opts);
      if (opts?.name === 'simulation') {
        this.addEventListener('message', (ev: MessageEvent) => {
          if (!stats.counting) return;
          stats.messages++;
          stats.bytes += JSON.stringify(ev.data).length;
        });
      }
    }
  };
}

async function frameStats(page: Page, during: () => Promise<void>, ms: number): Promise<FrameStats> {
  await page.evaluate(() => (window.__benchLongTasks = []));
  // A string, not a function: tsx's name-keeping helper (__name) does not exist in the page.
  const framesPromise = page.evaluate(`new Promise((resolve) => {
    let frames = 0;
    let start = -1;
    function tick(t) {
      if (start < 0) start = t;
      else frames++;
      if (t - start < ${ms}) requestAnimationFrame(tick);
      else resolve((frames * 1000) / (t - start));
    }
    requestAnimationFrame(tick);
  })`) as Promise<number>;
  await during();
  const fps = await framesPromise;
  const tasks = await page.evaluate(() => window.__benchLongTasks ?? []);
  return { fps, longestTaskMs: Math.round(Math.max(0, ...tasks)) };
}

async function dragCanvas(page: Page, ms: number): Promise<void> {
  // The React Flow pane, or the big-cluster map.
  const pane = page.locator('.react-flow__pane, .big-cluster-map').first();
  const box = (await pane.boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const end = Date.now() + ms;
  let dir = 1;
  while (Date.now() < end) {
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    for (let i = 1; i <= 20 && Date.now() < end; i++) await page.mouse.move(cx + dir * i * 10, cy + dir * i * 4);
    await page.mouse.up();
    dir = -dir;
  }
}

async function openScene(page: Page, url: string, scene: SceneName): Promise<void> {
  if (scene === 'big cluster') {
    await page.goto(`${url}#/presets/big-cluster`);
    await page.locator('.big-cluster-map').first().waitFor({ timeout: 120_000 });
    await page.waitForTimeout(20_000); // the condition: after it has run 20 s
    return;
  }
  if (scene === '100000 replicas') {
    // Issue 22: a flood of pods on the default cluster's four machines; the page must keep answering.
    await page.goto(url);
    await page.locator('.worker-node').first().waitFor();
    await page.waitForFunction(() => performance.getEntriesByName('kube-playground:worker-ready').length > 0);
    await page.evaluate(() => window.kubePlayground?.kubectl('scale deployment web --replicas=100000'));
    await page.waitForTimeout(20_000);
    return;
  }
  await page.goto(url);
  await page.locator('.worker-node').first().waitFor();
  await page.waitForFunction(() => performance.getEntriesByName('kube-playground:worker-ready').length > 0);
  const replicas = scene === '300 pods' ? 300 : 3000;
  await page.evaluate((n) => window.kubePlayground?.kubectl(`scale deployment web --replicas=${n}`), replicas);
  await page.waitForTimeout(20_000);
}

export async function measureScene(browser: Browser, url: string, scene: SceneName, windowMs = 3000): Promise<SceneResult> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.addInitScript(() => localStorage.setItem('kube-playground.language', 'en'));
  await page.addInitScript(instrumentPage);
  await openScene(page, url, scene);
  const idle = await frameStats(page, () => page.waitForTimeout(windowMs), windowMs);
  const drag = await frameStats(page, () => dragCanvas(page, windowMs), windowMs);
  await page.evaluate(() => {
    const s = window.__benchWorkerBytes!;
    s.bytes = 0;
    s.messages = 0;
    s.counting = true;
  });
  await page.waitForTimeout(windowMs);
  const traffic = await page.evaluate(() => {
    const s = window.__benchWorkerBytes!;
    s.counting = false;
    return { bytes: s.bytes, messages: s.messages };
  });
  const heapMb = await page.evaluate(() => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1048576);
  await context.close();
  return { scene, idle, drag, workerKbPerS: traffic.bytes / 1024 / (windowMs / 1000), workerMsgsPerS: traffic.messages / (windowMs / 1000), heapMb };
}
