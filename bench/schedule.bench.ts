/**
 * Engine benchmark (ARCHITECTURE.md budgets): 1,000 nodes and 10,000 pods scheduled and Running within
 * 3 s wall on a 2-core machine; then 10 further virtual minutes at that size within 2 s.
 *
 * The cluster is what a real one of that size runs: kubeadm's addons are installed first (kube-proxy on
 * every node, two CoreDNS replicas), so 1,002 system pods are Running before the timed workload starts
 * and are carried through the steady-state minutes. BENCH_ADDONS=0 leaves them out (the figures before
 * the cluster had kube-system pods).
 *
 * Run: npm run bench            (prints the figures; exits 1 if a budget is missed)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { createCluster } from '../src/engine/cluster';
import { installAddons } from '../src/engine/scenarios/kubeadm';

const NODES = Number(process.env.BENCH_NODES ?? 1000);
const DEPLOYMENTS = 10;
const REPLICAS_EACH = Number(process.env.BENCH_REPLICAS ?? 1000);
const PODS = DEPLOYMENTS * REPLICAS_EACH;
const ADDONS = process.env.BENCH_ADDONS !== '0';
/** kube-proxy on every node, and CoreDNS's two replicas. */
const ADDON_PODS = ADDONS ? NODES + 2 : 0;

function nodeYaml(i: number): string {
  return `apiVersion: v1
kind: Node
metadata:
  name: node-${String(i).padStart(4, '0')}
  labels:
    kubernetes.io/hostname: node-${String(i).padStart(4, '0')}
    topology.kubernetes.io/zone: zone-${i % 3}
status:
  capacity: {cpu: "16", memory: 64Gi, pods: "110"}
  allocatable: {cpu: "16", memory: 65436Mi, pods: "110"}
`;
}

function deploymentYaml(i: number): string {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
spec:
  replicas: ${REPLICAS_EACH}
  selector:
    matchLabels: {app: app-${i}}
  template:
    metadata:
      labels: {app: app-${i}}
    spec:
      containers:
      - name: web
        image: nginx:1.25
        resources:
          requests: {cpu: 100m, memory: 64Mi}
`;
}

function runningPods(cluster: ReturnType<typeof createCluster>, namespace = 'default'): number {
  let n = 0;
  for (const p of cluster.api.peekList<{ status?: { phase?: string } }>('Pod', { namespace })) if (p.status?.phase === 'Running') n++;
  return n;
}

const heapBefore = process.memoryUsage().heapUsed;
const cluster = createCluster({ seed: 42 });
const t0 = performance.now();
for (let i = 0; i < NODES; i++) cluster.apply(nodeYaml(i));
cluster.advance(1000);
const tNodes = performance.now();
if (ADDONS) installAddons(cluster.api);
let addonsRunning = 0;
for (let s = 0; s < 120 && addonsRunning < ADDON_PODS; s++) {
  cluster.advance(1000);
  addonsRunning = runningPods(cluster, 'kube-system');
}
const tAddons = performance.now();

const tPods0 = performance.now();
const cpuPods0 = process.cpuUsage();
for (let i = 0; i < DEPLOYMENTS; i++) cluster.apply(deploymentYaml(i));
let virtualMs = 0;
let running = 0;
while (virtualMs < 300_000) {
  cluster.advance(1000);
  virtualMs += 1000;
  running = runningPods(cluster);
  if (running >= PODS) break;
}
const tPods = performance.now() - tPods0;
const cpuPods = process.cpuUsage(cpuPods0);

const tSteady0 = performance.now();
cluster.advance(10 * 60_000);
const tSteady = performance.now() - tSteady0;
const heapAfter = process.memoryUsage().heapUsed;

const podsPerSecond = Math.round((running / tPods) * 1000);
console.log(`nodes registered:         ${NODES} in ${(tNodes - t0).toFixed(0)} ms wall`);
console.log(`addon pods Running:       ${addonsRunning}/${ADDON_PODS} (kube-proxy ×${NODES}, coredns ×2) in ${(tAddons - tNodes).toFixed(0)} ms wall`);
console.log(`pods Running:             ${running}/${PODS} after ${virtualMs / 1000} s virtual`);
console.log(`schedule + start wall:    ${tPods.toFixed(0)} ms  (budget 3000 ms)  → ${podsPerSecond} pods/s; CPU ${((cpuPods.user + cpuPods.system) / 1000).toFixed(0)} ms`);
console.log(`10 virtual minutes wall:  ${tSteady.toFixed(0)} ms  (budget 2000 ms)`);
console.log(`heap growth:              ${((heapAfter - heapBefore) / 1048576).toFixed(0)} MiB`);
console.log(`objects stored:           ${cluster.api.kinds().map((k) => `${k}=${cluster.api.count(k)}`).join(' ')}`);

const heapUsedMiB = process.memoryUsage().heapUsed / 1048576;
mkdirSync('bench/results', { recursive: true });
writeFileSync(
  `bench/results/engine-${NODES}-nodes-${PODS}-pods.json`,
  `${JSON.stringify(
    {
      measuredAt: new Date().toISOString(),
      cores: cpus().length,
      load: loadavg(),
      nodes: NODES,
      pods: PODS,
      addonPods: ADDON_PODS,
      podsRunning: running,
      scheduleAndStartMs: Math.round(tPods),
      scheduleAndStartCpuMs: Math.round((cpuPods.user + cpuPods.system) / 1000),
      steadyTenMinutesMs: Math.round(tSteady),
      heapUsedMiB: Math.round(heapUsedMiB),
      events: cluster.api.count('Event'),
    },
    null,
    2,
  )}\n`,
);

const ok = running >= PODS && addonsRunning >= ADDON_PODS && tPods <= 3000 && tSteady <= 2000;
if (!ok) {
  console.log('BUDGET MISSED');
  process.exitCode = 1;
}
