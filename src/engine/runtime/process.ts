/**
 * What a container does, from its image and its command: the kubelet starts a process and this says
 * what that process will print and when, whether it exits by itself (and with which code), how it
 * answers SIGTERM, and how much CPU and memory it uses.
 *
 * Kubernetes rule (docs: "Define a Command and Arguments for a Container"): `command` replaces the
 * image's ENTRYPOINT and `args` its CMD; a `command` without `args` drops the image's CMD.
 *
 * Choices where the real answer depends on the program: servers run until stopped; a shell or REPL
 * started without a terminal exits at once with 0 (busybox's default `sh`: the classic CrashLoopBackOff
 * of `kubectl run busybox --image=busybox`); an unknown command runs until stopped.
 */
import type { ContainerSystem, NetView } from './containerSystem';
import { imageHasBinary } from './imageContents';
import type { ImageConfig, ProgramName } from './registry';
import { stressDemand } from './shellCommands';
import { runScript, type DnsGate, type FileEvent, type ScriptLoop, type ScriptOutput } from './shellScript';

export interface ProcessInput {
  image: ImageConfig;
  command?: string[];
  args?: string[];
  /** The container's environment, resolved (values from ConfigMaps and Secrets filled in). */
  env: Record<string, string>;
  podName: string;
  namespace: string;
  podIP: string;
  startMs: number;
  /** The container's filesystem and network; without it every command is taken to exist. */
  system?: ContainerSystem;
  quietNet?: NetView;
}

export type ProcessEnd = { kind: 'exit'; afterMs: number; code: number } | { kind: 'forever' } | { kind: 'gate'; afterMs: number; gate: DnsGate };

export interface ProcessPlan {
  /** The command line that runs (ENTRYPOINT/CMD merged with command/args). */
  argv: string[];
  program: ProgramName;
  output: ScriptOutput[];
  end: ProcessEnd;
  loop?: ScriptLoop;
  files: FileEvent[];
  /** How the process answers SIGTERM. PID 1 without a handler ignores it (the kernel's rule for init). */
  sigterm: { kind: 'exits'; afterMs: number; code: number } | { kind: 'ignored' };
  terminationMessage?: string;
  /** The runtime could not start it (`exec: "bash": executable file not found in $PATH`). */
  startError?: string;
  /** Steady-state demand before any load. */
  usage: { cpuMilli: number; memoryBytes: number };
  loadTarget?: string;
  /** The HTTP health endpoint answers 500 from this offset on (agnhost's `liveness` server). */
  httpFailsAfterMs?: number;
}

const Mi = 1024 * 1024;

/** Idle figures as `kubectl top pod` shows them for each program on a quiet cluster. */
const IDLE_USAGE: Record<ProgramName, { cpuMilli: number; memoryBytes: number }> = {
  shell: { cpuMilli: 0, memoryBytes: 0.4 * Mi },
  nginx: { cpuMilli: 1, memoryBytes: 6 * Mi },
  httpd: { cpuMilli: 1, memoryBytes: 12 * Mi },
  redis: { cpuMilli: 2, memoryBytes: 4 * Mi },
  mysql: { cpuMilli: 6, memoryBytes: 380 * Mi },
  postgres: { cpuMilli: 2, memoryBytes: 32 * Mi },
  mongo: { cpuMilli: 9, memoryBytes: 140 * Mi },
  rabbitmq: { cpuMilli: 14, memoryBytes: 115 * Mi },
  wordpress: { cpuMilli: 1, memoryBytes: 28 * Mi },
  'php-apache': { cpuMilli: 1, memoryBytes: 10 * Mi },
  'hello-app': { cpuMilli: 0, memoryBytes: 1.5 * Mi },
  bootcamp: { cpuMilli: 0, memoryBytes: 12 * Mi },
  agnhost: { cpuMilli: 1, memoryBytes: 9 * Mi },
  echoserver: { cpuMilli: 1, memoryBytes: 4 * Mi },
  'http-echo': { cpuMilli: 0, memoryBytes: 2 * Mi },
  'serve-hostname': { cpuMilli: 0, memoryBytes: 1 * Mi },
  pause: { cpuMilli: 0, memoryBytes: 0.3 * Mi },
  python: { cpuMilli: 1, memoryBytes: 14 * Mi },
  node: { cpuMilli: 1, memoryBytes: 40 * Mi },
  perl: { cpuMilli: 1, memoryBytes: 6 * Mi },
  stress: { cpuMilli: 0, memoryBytes: 1 * Mi },
  server: { cpuMilli: 2, memoryBytes: 20 * Mi },
  // A quiet kind/kubeadm cluster's `kubectl top pods -n kube-system`.
  etcd: { cpuMilli: 18, memoryBytes: 42 * Mi },
  'kube-apiserver': { cpuMilli: 41, memoryBytes: 262 * Mi },
  'kube-controller-manager': { cpuMilli: 12, memoryBytes: 49 * Mi },
  'kube-scheduler': { cpuMilli: 3, memoryBytes: 21 * Mi },
  'kube-proxy': { cpuMilli: 1, memoryBytes: 15 * Mi },
  coredns: { cpuMilli: 2, memoryBytes: 13 * Mi },
};

/** Time a program takes to exit after SIGTERM, and its exit code; absent: it ignores SIGTERM as PID 1. */
const SIGTERM_EXIT: Partial<Record<ProgramName, { afterMs: number; code: number }>> = {
  nginx: { afterMs: 100, code: 0 },
  httpd: { afterMs: 200, code: 0 },
  redis: { afterMs: 150, code: 0 },
  mysql: { afterMs: 1500, code: 0 },
  postgres: { afterMs: 400, code: 0 },
  mongo: { afterMs: 600, code: 0 },
  rabbitmq: { afterMs: 900, code: 0 },
  wordpress: { afterMs: 200, code: 0 },
  'php-apache': { afterMs: 200, code: 0 },
  // Go programs: the runtime's default SIGTERM handler exits with status 2.
  'hello-app': { afterMs: 10, code: 2 },
  'http-echo': { afterMs: 10, code: 2 },
  'serve-hostname': { afterMs: 10, code: 2 },
  agnhost: { afterMs: 10, code: 0 },
  echoserver: { afterMs: 100, code: 0 },
  pause: { afterMs: 10, code: 0 },
  server: { afterMs: 300, code: 0 },
  etcd: { afterMs: 200, code: 0 },
  'kube-apiserver': { afterMs: 1000, code: 0 },
  'kube-controller-manager': { afterMs: 100, code: 0 },
  'kube-scheduler': { afterMs: 100, code: 0 },
  'kube-proxy': { afterMs: 100, code: 0 },
  // `health { lameduck 5s }` in the Corefile: CoreDNS keeps answering 5 s after SIGTERM.
  coredns: { afterMs: 5000, code: 0 },
};

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);
const ENTRYPOINT_WRAPPERS = new Set(['docker-entrypoint.sh', '/docker-entrypoint.sh', '/usr/local/bin/docker-entrypoint.sh', 'docker-php-entrypoint', '/entrypoint.sh']);
const SERVER_BINARIES: Record<string, ProgramName> = {
  nginx: 'nginx',
  httpd: 'httpd',
  'httpd-foreground': 'httpd',
  'apache2-foreground': 'php-apache',
  'redis-server': 'redis',
  mysqld: 'mysql',
  postgres: 'postgres',
  mongod: 'mongo',
  'rabbitmq-server': 'rabbitmq',
  'hello-app': 'hello-app',
  'http-echo': 'http-echo',
  serve_hostname: 'serve-hostname',
  pause: 'pause',
  agnhost: 'agnhost',
  etcd: 'etcd',
  'kube-apiserver': 'kube-apiserver',
  'kube-controller-manager': 'kube-controller-manager',
  'kube-scheduler': 'kube-scheduler',
  'kube-proxy': 'kube-proxy',
  coredns: 'coredns',
};

function basename(path: string): string {
  return path.replace(/^.*\//, '');
}

function hasBinary(image: ImageConfig, name: string): boolean {
  if (image.flavor === 'distroless') return false;
  if (name === 'bash') return image.flavor === 'debian' || image.flavor === 'ubuntu' || image.flavor === 'fedora' || image.cmd.includes('bash');
  if (name === 'zsh') return image.cmd.includes('zsh');
  return true;
}

/** The runtime's error when argv[0] is not in the image (runc's exec failure, as containerd reports it). */
export function execNotFound(binary: string): string {
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${binary}": executable file not found in $PATH: unknown`;
}

function shellQuote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function effectiveArgv(image: ImageConfig, command?: string[], args?: string[]): string[] {
  if (command && command.length > 0) return [...command, ...(args ?? [])];
  return [...image.entrypoint, ...(args ?? image.cmd)];
}

export function planProcess(input: ProcessInput): ProcessPlan {
  const argv = effectiveArgv(input.image, input.command, input.args);
  let run = argv;
  let viaEntrypoint = false;
  while (run.length > 1 && ENTRYPOINT_WRAPPERS.has(run[0]!)) {
    run = run.slice(1);
    viaEntrypoint = true;
  }
  const base: ProcessPlan = {
    argv,
    program: input.image.program,
    output: [],
    end: { kind: 'forever' },
    files: [],
    sigterm: { kind: 'ignored' },
    usage: { ...IDLE_USAGE[input.image.program] },
  };
  const bin = run[0] ?? '';
  const name = basename(bin);
  const scriptEnv = {
    vars: input.env,
    podName: input.podName,
    namespace: input.namespace,
    ...(input.system ? { system: input.system } : {}),
    ...(input.quietNet ? { quietNet: input.quietNet } : {}),
    shell: SHELLS.has(name) ? name : 'sh',
  };
  // runc looks argv[0] up in the image's $PATH before anything runs (containerd's StartError).
  if (input.system && !imageHasBinary(input.image, argv[0] ?? '')) return { ...base, startError: execNotFound(argv[0] ?? '') };

  if (SHELLS.has(name) || ['sleep', 'echo', 'date', 'env', 'printenv', 'true', 'false', 'perl', 'tail', 'wget', 'curl', 'ping', 'stress', 'touch'].includes(name)) {
    if (!input.system && !hasBinary(input.image, name)) return { ...base, startError: execNotFound(bin) };
    let script: string;
    if (SHELLS.has(name)) {
      const c = run.indexOf('-c');
      if (c < 0) {
        // A shell with a script file runs it (we cannot read it: assume a long-running entry script);
        // a bare shell has no terminal to read from and exits at once.
        if (run.length > 1) return { ...base, program: input.image.program === 'shell' ? 'shell' : input.image.program };
        return { ...base, program: 'shell', end: { kind: 'exit', afterMs: 5, code: 0 } };
      }
      script = run[c + 1] ?? '';
    } else if (name === 'perl' && run.length === 1) {
      return { ...base, end: { kind: 'exit', afterMs: 20, code: 0 } };
    } else {
      script = run.map((a, i) => (i === 0 ? basename(a) : shellQuote(a))).join(' ');
    }
    const result = runScript(script, scriptEnv, input.startMs);
    const program: ProgramName = result.stress ? 'stress' : SHELLS.has(name) || name !== 'perl' ? 'shell' : 'perl';
    const usage = result.stress ?? { ...IDLE_USAGE[program] };
    if (result.loop?.busy) usage.cpuMilli = Math.max(usage.cpuMilli, 1000);
    return {
      ...base,
      program,
      output: result.output,
      end: result.end,
      ...(result.loop ? { loop: result.loop } : {}),
      files: result.files,
      sigterm: result.trapsTerm ? { kind: 'exits', afterMs: 5, code: 0 } : { kind: 'ignored' },
      ...(result.terminationMessage !== undefined ? { terminationMessage: result.terminationMessage } : {}),
      ...(result.loadTarget ? { loadTarget: result.loadTarget } : {}),
      usage,
    };
  }

  if (name === 'python' || name === 'python3' || name === 'node') {
    if (run.length === 1) return { ...base, end: { kind: 'exit', afterMs: 30, code: 0 } };
    if (run[1] === '-c' || run[1] === '-e') return { ...base, end: { kind: 'exit', afterMs: 60, code: 0 } };
    return base;
  }

  const program = SERVER_BINARIES[name] ?? (viaEntrypoint || sameCommand(run, input.image) ? input.image.program : input.image.program === 'shell' ? 'shell' : input.image.program);
  const plan: ProcessPlan = { ...base, program, usage: { ...IDLE_USAGE[program] } };
  const stop = SIGTERM_EXIT[program];
  if (stop) plan.sigterm = { kind: 'exits', ...stop };
  if (program === 'stress' || name === 'stress') {
    plan.program = 'stress';
    plan.usage = stressDemand(run.slice(1));
    return plan;
  }
  if (program === 'agnhost' && run.includes('liveness')) plan.httpFailsAfterMs = 10_000;
  return withServerStartup(plan, input, viaEntrypoint);
}

function sameCommand(run: string[], image: ImageConfig): boolean {
  const own = [...image.entrypoint, ...image.cmd].filter((a) => !ENTRYPOINT_WRAPPERS.has(a));
  return own.length > 0 && own[0] === run[0];
}

// ---------------------------------------------------------------- server start-up logs

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `2026/01/01 00:00:05`: nginx's error log and Go's log package. */
export function slashDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `[Thu Jan 01 00:00:05.123456 2026]`: Apache httpd's error log. */
export function apacheDate(ms: number): string {
  const d = new Date(ms);
  return `[${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}000 ${d.getUTCFullYear()}]`;
}

/** `01 Jan 2026 00:00:05.123`: redis. */
function redisDate(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

/** klog's header: `I0101 00:00:05.123456       1 file.go:42] message`. */
function klog(ms: number, file: string, message: string): string {
  const d = new Date(ms);
  return `I${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}000       1 ${file}] ${message}`;
}

/** The first lines each control-plane component and addon logs (v1.31 wording). */
function controlPlaneStartup(program: ProgramName, t: number, v: string, ip: string): string[] {
  switch (program) {
    case 'etcd': {
      const ts = (ms: number) => new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
      return [
        `{"level":"info","ts":"${ts(t)}","caller":"etcdmain/etcd.go:73","msg":"Running: ","args":["etcd","--advertise-client-urls=https://${ip}:2379","--data-dir=/var/lib/etcd"]}`,
        `{"level":"info","ts":"${ts(t + 3)}","caller":"embed/etcd.go:311","msg":"starting an etcd server","etcd-version":"${v}","go-version":"go1.21.13","go-os":"linux","go-arch":"amd64"}`,
        `{"level":"info","ts":"${ts(t + 400)}","caller":"etcdserver/server.go:2118","msg":"published local member to cluster through raft"}`,
        `{"level":"info","ts":"${ts(t + 401)}","caller":"embed/serve.go:250","msg":"serving client traffic securely","traffic":"grpc+http","address":"${ip}:2379"}`,
      ];
    }
    case 'kube-apiserver':
      return [
        klog(t, 'options.go:228', `external host was not specified, using ${ip}`),
        klog(t + 2, 'server.go:142', `Version: v${v}`),
        klog(t + 3, 'server.go:144', '"Golang settings" GOGC="" GOMAXPROCS="" GOTRACEBACK=""'),
        klog(t + 900, 'secure_serving.go:213', 'Serving securely on [::]:6443'),
        klog(t + 1100, 'controller.go:615', 'quota admission added evaluator for: leases.coordination.k8s.io'),
      ];
    case 'kube-controller-manager':
    case 'kube-scheduler': {
      const port = program === 'kube-scheduler' ? 10259 : 10257;
      const name = 'Scheduler';
      return [
        klog(t + 400, 'serving.go:386', 'Generated self-signed cert in-memory'),
        klog(t + 800, program === 'kube-scheduler' ? 'server.go:167' : 'controllermanager.go:197', `"Starting${program === 'kube-scheduler' ? ` Kubernetes ${name}` : ''}" version="v${v}"`),
        klog(t + 803, 'secure_serving.go:213', `Serving securely on 127.0.0.1:${port}`),
        klog(t + 900, 'leaderelection.go:254', `attempting to acquire leader lease kube-system/${program}...`),
        klog(t + 910, 'leaderelection.go:268', `successfully acquired lease kube-system/${program}`),
      ];
    }
    case 'kube-proxy':
      return [
        klog(t + 10, 'server_linux.go:66', '"Using iptables proxy"'),
        klog(t + 40, 'server.go:677', `"Successfully retrieved node IP(s)" IPs=["${ip}"]`),
        klog(t + 60, 'server_linux.go:169', '"Using iptables Proxier"'),
        klog(t + 70, 'config.go:105', '"Starting endpoint slice config controller"'),
        klog(t + 70, 'config.go:199', '"Starting service config controller"'),
        klog(t + 180, 'shared_informer.go:320', 'Caches are synced for endpoint slice config'),
        klog(t + 180, 'shared_informer.go:320', 'Caches are synced for service config'),
      ];
    case 'coredns':
      return [
        '.:53',
        '[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908',
        `CoreDNS-${v}`,
        'linux/amd64, go1.21.11, a6338e9',
      ];
    default:
      return [];
  }
}

function versionAtLeast(version: string | undefined, major: number, minor: number): boolean {
  const [a = 0, b = 0] = (version ?? '0.0').split('.').map((x) => Number(x) || 0);
  return a > major || (a === major && b >= minor);
}

/** Start-up lines are the same for every container of a program started in the same second. */
const startupCache = new Map<string, { output: ScriptOutput[]; end: ProcessEnd }>();
const STARTUP_CACHE_MAX = 2000;

function withServerStartup(plan: ProcessPlan, input: ProcessInput, viaEntrypoint: boolean): ProcessPlan {
  const perPod = plan.program === 'httpd' || plan.program === 'php-apache' || plan.program === 'wordpress' || plan.program === 'bootcamp';
  const envKey = plan.program === 'mysql' || plan.program === 'postgres' ? JSON.stringify(input.env) : '';
  const key = `${plan.program}|${input.image.version ?? ''}|${viaEntrypoint}|${Math.floor(input.startMs / 1000)}|${perPod ? `${input.podIP}|${input.podName}` : ''}|${plan.argv.join(' ')}|${envKey}`;
  const hit = startupCache.get(key);
  if (hit) return { ...plan, output: hit.output, end: hit.end };
  const built = buildServerStartup(plan, input, viaEntrypoint);
  if (startupCache.size >= STARTUP_CACHE_MAX) startupCache.clear();
  startupCache.set(key, { output: built.output, end: built.end });
  return built;
}

function buildServerStartup(plan: ProcessPlan, input: ProcessInput, viaEntrypoint: boolean): ProcessPlan {
  const t = input.startMs;
  const v = input.image.version ?? '';
  const lines: string[] = [];
  const at = (text: string) => lines.push(text);
  switch (plan.program) {
    case 'nginx': {
      // The docker-entrypoint.d scripts arrived with nginx 1.19; older images print nothing at start.
      if (viaEntrypoint && versionAtLeast(v, 1, 19)) {
        at('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
        at('/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/');
        at('/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh');
        at('10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf');
        at('10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf');
        if (versionAtLeast(v, 1, 25)) at('/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh');
        at('/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh');
        at('/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh');
        at('/docker-entrypoint.sh: Configuration complete; ready for start up');
        const d = slashDate(t + 20);
        at(`${d} [notice] 1#1: using the "epoll" event method`);
        at(`${d} [notice] 1#1: nginx/${v}`);
        at(`${d} [notice] 1#1: built by gcc 12.2.0 (Debian 12.2.0-14) `);
        at(`${d} [notice] 1#1: OS: Linux 6.8.0-51-generic`);
        at(`${d} [notice] 1#1: getrlimit(RLIMIT_NOFILE): 1048576:1048576`);
        at(`${d} [notice] 1#1: start worker processes`);
        at(`${d} [notice] 1#1: start worker process 29`);
      }
      break;
    }
    case 'httpd':
      at(`AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${input.podIP}. Set the 'ServerName' directive globally to suppress this message`);
      at(`AH00558: httpd: Could not reliably determine the server's fully qualified domain name, using ${input.podIP}. Set the 'ServerName' directive globally to suppress this message`);
      at(`${apacheDate(t + 30)} [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/${v} (Unix) configured -- resuming normal operations`);
      at(`${apacheDate(t + 30)} [core:notice] [pid 1:tid 1] AH00094: Command line: 'httpd -D FOREGROUND'`);
      break;
    case 'php-apache':
    case 'wordpress':
      at(`AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using ${input.podIP}. Set the 'ServerName' directive globally to suppress this message`);
      at(`AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using ${input.podIP}. Set the 'ServerName' directive globally to suppress this message`);
      at(`${apacheDate(t + 40)} [mpm_prefork:notice] [pid 1] AH00163: Apache/2.4.10 (Debian) PHP/5.6.40 configured -- resuming normal operations`);
      at(`${apacheDate(t + 40)} [core:notice] [pid 1] AH00094: Command line: 'apache2 -D FOREGROUND'`);
      break;
    case 'redis':
      at(`1:C ${redisDate(t + 2)} * oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo`);
      at(`1:C ${redisDate(t + 2)} * Redis version=${v}, bits=64, commit=00000000, modified=0, pid=1, just started`);
      at(`1:C ${redisDate(t + 2)} # Warning: no config file specified, using the default config. In order to specify a config file use redis-server /path/to/redis.conf`);
      at(`1:M ${redisDate(t + 3)} * monotonic clock: POSIX clock_gettime`);
      at(`1:M ${redisDate(t + 3)} * Running mode=standalone, port=6379.`);
      at(`1:M ${redisDate(t + 4)} * Server initialized`);
      at(`1:M ${redisDate(t + 4)} * Ready to accept connections tcp`);
      break;
    case 'mysql': {
      const e = input.env;
      const stamp = new Date(t).toISOString().replace('T', ' ').replace(/\.\d+Z$/, '+00:00');
      at(`${stamp} [Note] [Entrypoint]: Entrypoint script for MySQL Server ${v}-1.el9 started.`);
      at(`${stamp} [Note] [Entrypoint]: Switching to dedicated user 'mysql'`);
      at(`${stamp} [Note] [Entrypoint]: Entrypoint script for MySQL Server ${v}-1.el9 started.`);
      if (!e.MYSQL_ROOT_PASSWORD && !e.MYSQL_ALLOW_EMPTY_PASSWORD && !e.MYSQL_RANDOM_ROOT_PASSWORD && !e.MYSQL_ROOT_PASSWORD_FILE) {
        at(`${stamp} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified`);
        at('    You need to specify one of the following as an environment variable:');
        at('    - MYSQL_ROOT_PASSWORD');
        at('    - MYSQL_ALLOW_EMPTY_PASSWORD');
        at('    - MYSQL_RANDOM_ROOT_PASSWORD');
        plan.end = { kind: 'exit', afterMs: 400, code: 1 };
      } else {
        at(`${stamp} [Note] [Entrypoint]: Initializing database files`);
        at(`${stamp} [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '${v}'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.`);
      }
      break;
    }
    case 'postgres': {
      const e = input.env;
      if (!e.POSTGRES_PASSWORD && e.POSTGRES_HOST_AUTH_METHOD !== 'trust' && !e.POSTGRES_PASSWORD_FILE) {
        at('Error: Database is uninitialized and superuser password is not specified.');
        at('       You must specify POSTGRES_PASSWORD to a non-empty value for the');
        at('       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".');
        at('');
        at('       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all');
        at('       connections without a password. This is *not* recommended.');
        at('');
        at('       See PostgreSQL documentation about "trust":');
        at('       https://www.postgresql.org/docs/current/auth-trust.html');
        plan.end = { kind: 'exit', afterMs: 150, code: 1 };
      } else {
        const stamp = new Date(t + 900).toISOString().replace('T', ' ').replace(/Z$/, ' UTC');
        at('PostgreSQL init process complete; ready for start up.');
        at('');
        at(`${stamp} [1] LOG:  starting PostgreSQL ${v} on x86_64-pc-linux-gnu, compiled by gcc (Debian 12.2.0-14) 12.2.0, 64-bit`);
        at(`${stamp} [1] LOG:  listening on IPv4 address "0.0.0.0", port 5432`);
        at(`${stamp} [1] LOG:  database system is ready to accept connections`);
      }
      break;
    }
    case 'mongo':
      at(`{"t":{"$date":"${new Date(t + 300).toISOString().replace('Z', '+00:00')}"},"s":"I",  "c":"NETWORK",  "id":23016,   "ctx":"listener","msg":"Waiting for connections","attr":{"port":27017,"ssl":"off"}}`);
      break;
    case 'rabbitmq':
      at(`${new Date(t + 4000).toISOString().replace('T', ' ').replace('Z', '+00:00')} [info] <0.9.0> Server startup complete; 4 plugins started.`);
      break;
    case 'hello-app':
      at(`${slashDate(t)} Server listening on port 8080`);
      break;
    case 'http-echo':
      at(`${slashDate(t)} [INFO] server is listening on :5678`);
      break;
    case 'bootcamp':
      at(`Kubernetes Bootcamp App Started At: ${new Date(t).toISOString()} | Running On:  ${input.podName} `);
      break;
    case 'agnhost':
      if (plan.argv.includes('netexec')) at(`I0101 ${slashDate(t).slice(11)}.000000       1 log.go:245] Started HTTP server on port 8080`);
      break;
    case 'etcd':
    case 'kube-apiserver':
    case 'kube-controller-manager':
    case 'kube-scheduler':
    case 'kube-proxy':
    case 'coredns':
      for (const line of controlPlaneStartup(plan.program, t, v, input.podIP)) at(line);
      break;
    default:
      break;
  }
  plan.output = lines.map((text, i) => ({ offsetMs: Math.min(i, 50), text }));
  return plan;
}
