import { createActor } from 'xstate';
import { containerMachine } from './src/engine/kubelet/containerMachine';
import { VirtualClock } from './src/engine/clock/virtualClock';
const clock = new VirtualClock();
const host: any = { restartDelayMs: () => 0, pullDelayMs: () => 0, gracePeriodMs: () => 0 };
(globalThis as any).gc();
const h0 = process.memoryUsage().heapUsed;
const c0 = process.cpuUsage();
const actors = [];
for (let i = 0; i < 10000; i++) { const a = createActor(containerMachine, { input: { host }, clock }); a.start(); a.send({ type: 'PULL' }); a.send({ type: 'STARTED' }); actors.push(a); }
const c1 = process.cpuUsage(c0);
(globalThis as any).gc();
console.log('heap per actor bytes', ((process.memoryUsage().heapUsed - h0) / 10000).toFixed(0), 'cpu ms', ((c1.user + c1.system) / 1000).toFixed(0));
