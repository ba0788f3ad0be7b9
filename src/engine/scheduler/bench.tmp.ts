import { PerformanceObserver } from 'node:perf_hooks';
import { Scheduler } from './index';
let gcMs = 0;
new PerformanceObserver((l) => { for (const e of l.getEntries()) gcMs += e.duration; }).observe({ entryTypes: ['gc'] });
import { makeNode, makePod, newControlPlane } from './testFixtures';

async function run(eventsOn: boolean, images: boolean) {
  const ctx = newControlPlane(1);
  ctx.events.enabled = eventsOn;
  const s = new Scheduler(ctx, { diagnosisCapacity: Number(process.env.CAP ?? 1000) });
  s.boot();
  for (let i = 0; i < 1000; i++) {
    ctx.api.create(makeNode(`node-${i}`, { cpu: '8', memory: '32Gi', labels: { 'topology.kubernetes.io/zone': `zone-${i % 3}` }, ...(images ? { images: [{ names: ['docker.io/library/nginx:1.25'], sizeBytes: 70e6 }, { names: ['docker.io/library/redis:7'], sizeBytes: 40e6 }] } : {}) }));
  }
  ctx.clock.flush();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < 10000; i++) ctx.api.create(makePod(`web-${i}`, { cpu: '100m', memory: '128Mi' }));
  (globalThis as { gc?: () => void }).gc?.();
  await new Promise((r) => setTimeout(r, 0));
  const g1 = gcMs;
  const c1 = process.cpuUsage();
  const t1 = performance.now();
  ctx.clock.flush();
  const t2 = performance.now();
  const c2 = process.cpuUsage();
  await new Promise((r) => setTimeout(r, 0));
  const g2 = gcMs;
  const cpu = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => ((b.user - a.user + b.system - a.system) / 1000).toFixed(0);
  const bound = ctx.api.peekList<{ spec?: { nodeName?: string } }>('Pod').filter((p) => p.spec?.nodeName).length;
  console.log(`events=${eventsOn} images=${images}: create ${(t1 - t0).toFixed(0)} ms (cpu ${cpu(c0, c1)}), schedule ${(t2 - t1).toFixed(0)} ms wall (cpu ${cpu(c1, c2)}), bound ${bound}, gc during schedule ${(g2 - g1).toFixed(0)} ms`);
}
const modes = (process.env.MODES ?? 'ff,tf,ft').split(',');
for (let k = 0; k < Number(process.env.REPS ?? 2); k++) for (const m of modes) await run(m[0] === 't', m[1] === 't');
