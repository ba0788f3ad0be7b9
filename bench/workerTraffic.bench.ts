/**
 * What the simulation worker sends the page at 10,000 pods (`npm run bench:traffic`), headless: a
 * SimulationHost driven by 33 ms frames at 1× speed (a fake real clock, so the figures are per second
 * of virtual time; a browser whose frames run late sends less). 1,000 nodes and 10 Deployments of 1,000
 * replicas are applied through the same requests the page makes, then every message the host posts is
 * measured (its JSON length) per second: while the pods come up, and in the steady state after.
 *
 * Env: TRAFFIC_NODES (default 1000), TRAFFIC_PODS (default 10000), TRAFFIC_STEADY_S (default 30).
 */
import { loadavg } from 'node:os';
import { mkdirSync, writeFileSync } from 'node:fs';
import { SimulationHost } from '../src/worker/simulationHost';
import { preloadDeferredModules } from '../src/worker/deferredModules';
import type { FromWorker, ToWorker } from '../src/worker/protocol';

const NODES = Number(process.env.TRAFFIC_NODES ?? 1000);
const PODS = Number(process.env.TRAFFIC_PODS ?? 10_000);
const STEADY_S = Number(process.env.TRAFFIC_STEADY_S ?? 30);
const DEPLOYMENTS = 10;
const FRAME_MS = 33;
/** Most virtual seconds to wait for every pod to run. */
const RAMP_LIMIT_S = 600;

function nodesYaml(): string {
  const docs: string[] = [];
  for (let i = 0; i < NODES; i++) {
    const name = `node-${String(i).padStart(4, '0')}`;
    docs.push(`apiVersion: v1
kind: Node
metadata:
  name: ${name}
  labels: {kubernetes.io/hostname: ${name}, topology.kubernetes.io/zone: zone-${i % 3}}
status:
  capacity: {cpu: "16", memory: 64Gi, pods: "110"}
  allocatable: {cpu: "16", memory: 65436Mi, pods: "110"}
`);
  }
  return docs.join('---\n');
}

function deploymentYaml(i: number, replicas: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata: {name: app-${i}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: app-${i}}}
  template:
    metadata: {labels: {app: app-${i}}}
    spec:
      containers:
      - name: web
        image: nginx:1.25
        resources: {requests: {cpu: 10m, memory: 16Mi}}
`;
}

interface Second {
  kb: number;
  messages: number;
  changes: number;
}

async function main(): Promise<void> {
  await preloadDeferredModules();
  let real = 0;
  let current: Second = { kb: 0, messages: 0, changes: 0 };
  let lastReply: FromWorker | undefined;
  const host = new SimulationHost({
    post: (msg: FromWorker) => {
      // Replies answer the bench's own requests; only what the worker sends unasked is counted.
      if (msg.type === 'reply') {
        lastReply = msg;
        return;
      }
      current.kb += JSON.stringify(msg).length / 1024;
      current.messages++;
      if (msg.type === 'patches') current.changes += msg.changes.length;
    },
    realNow: () => real,
  });
  let id = 0;
  const send = (req: Record<string, unknown> & { type: ToWorker['type'] }) => {
    host.handle({ ...req, id: ++id } as ToWorker);
    return lastReply;
  };
  send({ type: 'init' });
  send({ type: 'apply', yaml: nodesYaml() });
  for (let i = 0; i < DEPLOYMENTS; i++) send({ type: 'apply', yaml: deploymentYaml(i, PODS / DEPLOYMENTS) });

  const allRunning = () => {
    const reply = send({ type: 'kubectl', line: 'get deployments --no-headers' });
    if (reply?.type !== 'reply' || !reply.ok || reply.request !== 'kubectl') return false;
    const rows = reply.result.stdout.trim().split('\n').filter((l) => l.startsWith('app-'));
    return rows.length === DEPLOYMENTS && rows.every((l) => /\s(\d+)\/\1\s/.test(l));
  };

  const seconds: Second[] = [];
  const started = performance.now();
  const runSecond = () => {
    current = { kb: 0, messages: 0, changes: 0 };
    for (let t = 0; t < 1000; t += FRAME_MS) {
      real += FRAME_MS;
      host.frame();
    }
    seconds.push(current);
  };
  for (let s = 0; s < RAMP_LIMIT_S; s++) {
    runSecond();
    if (s % 5 === 4 && allRunning()) break;
  }
  const ramp = seconds.splice(0);
  const rampComplete = allRunning();
  for (let s = 0; s < STEADY_S; s++) runSecond();
  const steady = seconds.splice(0);
  const wallS = (performance.now() - started) / 1000;

  const summary = (xs: Second[]) => ({
    seconds: xs.length,
    meanKbPerS: round(xs.reduce((a, x) => a + x.kb, 0) / Math.max(1, xs.length)),
    peakKbPerS: round(Math.max(0, ...xs.map((x) => x.kb))),
    meanMsgsPerS: round(xs.reduce((a, x) => a + x.messages, 0) / Math.max(1, xs.length)),
    peakMsgsPerS: Math.max(0, ...xs.map((x) => x.messages)),
    peakChangesPerS: Math.max(0, ...xs.map((x) => x.changes)),
  });
  const out = { measuredAt: new Date().toISOString(), load: loadavg(), nodes: NODES, pods: PODS, rampComplete, wallS: round(wallS), ramp: summary(ramp), steady: summary(steady) };
  console.log(JSON.stringify(out, null, 2));
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/worker-traffic.json', `${JSON.stringify(out, null, 2)}\n`);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

await main();
