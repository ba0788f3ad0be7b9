/**
 * The shop both lanes run: four modules with their share of the users' requests, the CPU a request costs,
 * how long it takes when the process is idle, and which modules it calls (cart asks catalog for prices;
 * payment asks cart for the basket). Figures are plausible orders of magnitude for a small web shop, chosen
 * so the effects show on a 4-core node: they are the model's assumptions, not measurements.
 *
 * Also the manifests each lane applies to its cluster: one Deployment, Service and HorizontalPodAutoscaler
 * for the whole shop, or one of each per module.
 */

export const MODULES = ['catalog', 'cart', 'payment', 'search'] as const;
export type ModuleName = (typeof MODULES)[number];

export interface ModuleProfile {
  /** Share of the users' requests that go to it. */
  share: number;
  /** CPU per request/s, in millicores (so 10 rps of catalog burn 50m). */
  cpuMilliPerRps: number;
  /** Service time on an idle process. */
  serviceMs: number;
  /** Modules it calls for each request (in-process calls in the monolith, network hops in the services). */
  calls: ModuleName[];
  /** Memory one running copy holds (search keeps an index). */
  memoryMi: number;
}

export const PROFILES: Record<ModuleName, ModuleProfile> = {
  catalog: { share: 0.4, cpuMilliPerRps: 5, serviceMs: 20, calls: [], memoryMi: 256 },
  cart: { share: 0.2, cpuMilliPerRps: 4, serviceMs: 15, calls: ['catalog'], memoryMi: 128 },
  payment: { share: 0.1, cpuMilliPerRps: 8, serviceMs: 60, calls: ['cart'], memoryMi: 192 },
  search: { share: 0.3, cpuMilliPerRps: 12, serviceMs: 45, calls: [], memoryMi: 768 },
};

/** The library two modules disagree about, and the versions. */
export const SHARED_LIBRARY = 'libjson';
export const LIBRARY_OLD = '1.9';
export const LIBRARY_NEW = '2.1';

/** The monolith's process: one copy holds every module, plus the runtime. */
export const MONOLITH_CPU_REQUEST_MILLI = 1000;
export const MONOLITH_MEMORY_MI = 256 + MODULES.reduce((s, m) => s + PROFILES[m].memoryMi, 0);
export const SERVICE_CPU_REQUEST_MILLI = 250;
/** A service's own runtime overhead on top of its module's memory (each one a process of its own). */
export const SERVICE_RUNTIME_MI = 96;
/** HPA target: average CPU at 70% of the request (autoscaling/v2 Utilization). */
export const TARGET_CPU_PERCENT = 70;
export const MAX_REPLICAS = 10;

export const NAMESPACE = 'default';
export const MONOLITH_NAME = 'shop';

const IMAGE_REPO = 'ghcr.io/kube-playground';

/** Worker machines of a lane's cluster. */
export function workerNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `worker-${i + 1}`);
}

interface WorkloadSpec {
  name: string;
  image: string;
  cpuRequestMilli: number;
  /** A CPU limit of twice the request (Burstable): the process may burst, and that is its ceiling. */
  cpuLimitMilli: number;
  memoryMi: number;
  /** `kubernetes.io/hostname` to pin it to (the monolith scaled up onto its big machine). */
  hostname?: string;
  replicas?: number;
  env?: Record<string, string>;
}

export function deploymentYaml(w: WorkloadSpec): string {
  const selector = w.hostname ? `\n      nodeSelector:\n        kubernetes.io/hostname: ${w.hostname}` : '';
  const env = w.env ? `\n        env:\n${Object.entries(w.env).map(([k, v]) => `        - name: ${k}\n          value: "${v}"`).join('\n')}` : '';
  const replicas = w.replicas !== undefined ? `\n  replicas: ${w.replicas}` : '';
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${w.name}
  namespace: ${NAMESPACE}
  labels:
    app: ${w.name}
spec:${replicas}
  selector:
    matchLabels:
      app: ${w.name}
  template:
    metadata:
      labels:
        app: ${w.name}
    spec:${selector}
      containers:
      - name: ${w.name}
        image: ${w.image}
        ports:
        - containerPort: 8080${env}
        resources:
          requests:
            cpu: ${w.cpuRequestMilli}m
            memory: ${w.memoryMi}Mi
          limits:
            cpu: ${w.cpuLimitMilli}m
            memory: ${w.memoryMi * 2}Mi
`;
}

export function serviceYaml(name: string): string {
  return `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${NAMESPACE}
spec:
  selector:
    app: ${name}
  ports:
  - port: 80
    targetPort: 8080
`;
}

export function hpaYaml(name: string, maxReplicas = MAX_REPLICAS): string {
  return `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: ${name}
  namespace: ${NAMESPACE}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: ${name}
  minReplicas: 1
  maxReplicas: ${maxReplicas}
  metrics:
  - type: Resource
    resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: ${TARGET_CPU_PERCENT}
`;
}

export function monolithWorkload(cores: number | undefined): WorkloadSpec {
  // Scaled up: the one copy gets most of a bigger machine; otherwise a 1-core copy, cloned by the HPA.
  const request = cores ? cores * 1000 - 500 : MONOLITH_CPU_REQUEST_MILLI;
  return {
    name: MONOLITH_NAME,
    image: `${IMAGE_REPO}/shop:1.0`,
    cpuRequestMilli: request,
    cpuLimitMilli: cores ? request : request * 2,
    memoryMi: MONOLITH_MEMORY_MI,
    env: { MODULES: MODULES.join(','), [`${SHARED_LIBRARY.toUpperCase()}_VERSION`]: LIBRARY_OLD },
    ...(cores ? { hostname: machineName(cores), replicas: 1 } : {}),
  };
}

export function serviceWorkload(module: ModuleName, libraryVersion: string): WorkloadSpec {
  return {
    name: module,
    image: `${IMAGE_REPO}/${module}:${libraryVersion === LIBRARY_NEW ? '1.1' : '1.0'}`,
    cpuRequestMilli: SERVICE_CPU_REQUEST_MILLI,
    cpuLimitMilli: SERVICE_CPU_REQUEST_MILLI * 2,
    memoryMi: PROFILES[module].memoryMi + SERVICE_RUNTIME_MI,
    env: { [`${SHARED_LIBRARY.toUpperCase()}_VERSION`]: libraryVersion },
  };
}

/** The bigger machine the monolith moves to when scaled up. */
export function machineName(cores: number): string {
  return `big-${cores}c`;
}
