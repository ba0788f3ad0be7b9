import { chromium } from '@playwright/test';
import { writeFileSync } from 'node:fs';
const url = process.argv[2]!;
const scene = process.argv[3] ?? 'big';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'] });
const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
await page.addInitScript(() => { localStorage.setItem('kube-playground.language', 'en'); localStorage.setItem('kube-playground.welcome-seen', '1');
  (window as any).__lt = []; const by: Record<string, number[]> = {}; (window as any).__by = by;
  const NW = window.Worker; (window as any).Worker = class extends NW { constructor(u: any, o: any) { super(u, o); if (o?.name === 'simulation') this.addEventListener('message', (ev: MessageEvent) => { const t0 = performance.now(); const n = JSON.stringify(ev.data).length; const k = ev.data.type; (by[k] ??= [0, 0, 0]); by[k][0]++; by[k][1] += n; by[k][2] = Math.max(by[k][2], n); }); } }; new PerformanceObserver((l) => { for (const e of l.getEntries()) (window as any).__lt.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true }); });
if (scene === 'big') { await page.goto(url + '#/presets/big-cluster'); await page.locator('.big-cluster-map').waitFor({ timeout: 120000 }); }
else { await page.goto(url); await page.locator('.worker-node').first().waitFor(); await page.waitForFunction(() => performance.getEntriesByName('kube-playground:worker-ready').length > 0); await page.evaluate(() => (window as any).kubePlayground?.kubectl('scale deployment web --replicas=100000')); }
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
await cdp.send('Profiler.start');
await page.waitForTimeout(Number(process.env.PROF_MS ?? 30000));
const { profile } = await cdp.send('Profiler.stop');
const self = new Map<string, number>();
const total = profile.endTime - profile.startTime;
const dt = new Map<number, number>();
profile.samples!.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas![i] ?? 0)));
for (const n of profile.nodes) { const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (dt.get(n.id) ?? 0)); }
console.log('total ms', Math.round(total / 1000));
for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(Math.round(v / 1000), k);
console.log('by type [count, bytes, max]', JSON.stringify(await page.evaluate(() => (window as any).__by)));
console.log('long tasks', JSON.stringify(await page.evaluate(() => (window as any).__lt)));
writeFileSync('/tmp/prof.cpuprofile', JSON.stringify(profile));
await browser.close();
