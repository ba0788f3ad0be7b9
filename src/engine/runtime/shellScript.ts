/**
 * A tiny model of `sh -c '<script>'`, enough for the scripts the Kubernetes docs put in pods: `echo`,
 * `sleep`, `exit`, `date`, `env`, `touch`/`rm` (exec probes read those files), counters with `$((i+1))`,
 * `while`/`until`/`for` loops, `&&`/`||`, `trap ... TERM`, `> /dev/termination-log`. It does not run
 * anything: it works out what the script prints and when, whether and when it exits, and with what code.
 *
 * Rule of thumb for what it does not know: an unknown command is taken to run until stopped (a server
 * or daemon the image ships), which is the plausible reading of a pod that was written to stay up.
 */
import { piDigits } from './pi';
import { formatShellDate, pipeFilter, sleepMs, stressDemand } from './shellCommands';
import { parseScript, type Stmt } from './shellParse';
import type { WordToken } from './shellTokenize';
import type { ContainerSystem, NetView } from './containerSystem';
import { commandNotFound, imageHasBinary, shellDialect, type ShellDialect } from './imageContents';
import { curl, ncCheck, nslookup, wget, type ToolResult } from './netTools';

export interface ScriptEnv {
  vars: Record<string, string>;
  podName: string;
  namespace: string;
  /**
   * The container the script runs in: its executables, files and network. Without it (unit tests of
   * the timing model) every command exists and network tools print nothing.
   */
  system?: ContainerSystem;
  /** The same network without side effects on the servers (used while rendering a loop's iterations). */
  quietNet?: NetView;
  /** The shell running the script (`sh`, `bash`), for its error messages. */
  shell?: string;
  /**
   * What an installed command the model does not know does: a container's main process takes it for
   * a server ('forever', the default); `kubectl exec` and exec probes take it for a check that
   * succeeds at once ('succeed': `redis-cli ping`, `/ready-probe.sh`).
   */
  unknownCommands?: 'forever' | 'succeed';
}

export interface ScriptOutput {
  offsetMs: number;
  text: string;
  /** Written to stderr (kubectl exec keeps the streams apart; logs mix them). */
  stderr?: boolean;
}

export interface FileEvent {
  offsetMs: number;
  path: string;
  exists: boolean;
}

/** A wait on a name the cluster's DNS must resolve (`until nslookup myservice; do ...; done`). */
export interface DnsGate {
  host: string;
  /** One failed poll's length and what it prints. */
  periodMs: number;
  pollOutput: string[];
  /** The rest of the script, run from `atMs` once the name resolves. */
  resume(atMs: number): ScriptResult;
}

export interface ScriptLoop {
  offsetMs: number;
  periodMs: number;
  render(iteration: number, atMs: number): string[];
  busy: boolean;
}

export interface ScriptResult {
  output: ScriptOutput[];
  files: FileEvent[];
  end: { kind: 'exit'; afterMs: number; code: number } | { kind: 'forever' } | { kind: 'gate'; afterMs: number; gate: DnsGate };
  loop?: ScriptLoop;
  trapsTerm: boolean;
  terminationMessage?: string;
  /** URL a request loop keeps fetching (the HPA walkthrough's load generator). */
  loadTarget?: string;
  /** Memory and CPU the script's commands ask for (stress). */
  stress?: { cpuMilli: number; memoryBytes: number };
}

// ---------------------------------------------------------------- running

const MAX_ITERATIONS = 2000;

class Forever {
  constructor(readonly loop?: ScriptLoop) {}
}
class Exit {
  constructor(readonly code: number) {}
}
class Gate {
  constructor(
    readonly host: string,
    readonly periodMs: number,
    readonly pollOutput: string[],
    readonly rest: Stmt[],
  ) {}
}

interface RunState {
  t: number;
  status: number;
  vars: Record<string, string>;
  output: ScriptOutput[];
  files: FileEvent[];
  existing: Set<string>;
  background: number[];
  trapsTerm: boolean;
  terminationMessage?: string;
  loadTarget?: string;
  stress?: { cpuMilli: number; memoryBytes: number };
  /** Inside a rendering of one loop iteration: unknown commands do not stop the world. */
  quiet: boolean;
}

function evalArithmetic(expr: string, vars: Record<string, string>): number {
  const src = expr.replace(/\$?\{?([A-Za-z_]\w*)\}?/g, (_, name: string) => String(Number(vars[name] ?? 0) || 0));
  if (!/^[\d\s+\-*/%()]*$/.test(src)) return 0;
  let pos = 0;
  const s = src.replace(/\s+/g, '');
  const parseExpr = (): number => {
    let v = parseTerm();
    while (s[pos] === '+' || s[pos] === '-') v = s[pos++] === '+' ? v + parseTerm() : v - parseTerm();
    return v;
  };
  const parseTerm = (): number => {
    let v = parseFactor();
    while (s[pos] === '*' || s[pos] === '/' || s[pos] === '%') {
      const op = s[pos++];
      const r = parseFactor();
      v = op === '*' ? v * r : r === 0 ? 0 : op === '/' ? Math.trunc(v / r) : v % r;
    }
    return v;
  };
  const parseFactor = (): number => {
    if (s[pos] === '(') {
      pos++;
      const v = parseExpr();
      pos++;
      return v;
    }
    if (s[pos] === '-') {
      pos++;
      return -parseFactor();
    }
    const m = /^\d+/.exec(s.slice(pos));
    if (!m) return 0;
    pos += m[0].length;
    return Number(m[0]);
  };
  return parseExpr();
}

function expand(tok: WordToken, st: RunState, env: ScriptEnv, startMs: number): string {
  if (tok.literal) return tok.v;
  let text = tok.v.replace(/\$\(\((.*?)\)\)/g, (_, e: string) => String(evalArithmetic(e, st.vars)));
  text = text.replace(/\$\(([^()]*)\)/g, (_, cmd: string) => substitute(cmd.trim(), st, env, startMs));
  text = text.replace(/\$\{([A-Za-z_]\w*)(?::-([^}]*))?\}|\$([A-Za-z_]\w*|\?|\$|#)/g, (_, a?: string, dflt?: string, b?: string) => {
    const name = a ?? b ?? '';
    if (name === '?') return String(st.status);
    if (name === '$') return '1';
    if (name === '#') return '0';
    const v = st.vars[name];
    return v === undefined || v === '' ? (dflt ?? '') : v;
  });
  return text;
}

function substitute(cmd: string, st: RunState, env: ScriptEnv, startMs: number): string {
  const [name, ...rest] = cmd.split(/\s+/);
  switch (name) {
    case 'date':
      return rest[0] === '+%s' ? String(Math.floor((startMs + st.t) / 1000)) : formatShellDate(startMs + st.t);
    case 'hostname':
      return env.podName;
    case 'cat':
      if (rest[0] === '/var/run/secrets/kubernetes.io/serviceaccount/namespace') return env.namespace;
      return '';
    case 'echo':
      return rest.join(' ').replace(/^["']|["']$/g, '');
    default:
      return '';
  }
}

const INSTANT_COMMANDS = new Set([
  'touch', 'rm', 'mkdir', 'cp', 'mv', 'ln', 'chmod', 'chown', 'cd', 'export', 'set', 'ulimit', 'source', '.', 'mount', 'umount',
  'ls', 'cat', 'wc', 'grep', 'tee', 'tr', 'rev', 'sort', 'uniq', 'head', 'sed', 'awk', 'cut', 'test', '[', 'true', ':', 'false', 'shift',
  'nslookup', 'getent', 'dig', 'host', 'nc', 'wget', 'curl', 'id', 'whoami', 'uname', 'hostname', 'df', 'du', 'free', 'ps', 'pwd',
  'apt-get', 'apk', 'yum', 'pip', 'npm', 'which', 'stat', 'sync', 'read', 'unset', 'local', 'return', 'kill', 'umask', 'tar', 'gzip',
]);

/** Shell builtins: they run whatever the image has on its $PATH. */
const BUILTINS = new Set([
  'echo', 'printf', 'cd', 'export', 'set', 'unset', 'exit', 'true', 'false', ':', 'test', '[', 'trap', 'wait', 'read', 'local', 'return',
  'shift', '.', 'source', 'eval', 'exec', 'type', 'command', 'kill', 'umask', 'ulimit', 'times', 'alias', 'pwd', 'break', 'continue',
  'getopts', 'hash', 'sleep', 'date', 'env', 'printenv',
]);

/** Names the DNS gate recognises in `until <cmd> <host>` loops. */
const DNS_COMMANDS = new Set(['nslookup', 'getent', 'dig', 'host', 'nc', 'ping']);

class Runner {
  constructor(
    private readonly env: ScriptEnv,
    private readonly startMs: number,
  ) {}

  /** Runs a list; throws Forever/Exit/Gate to leave early. `topLevel` lets an `until nslookup` become a gate. */
  runList(list: Stmt[], st: RunState, topLevel: boolean): void {
    for (let i = 0; i < list.length; i++) {
      const stmt = list[i]!;
      if (stmt.connector === '&&' && st.status !== 0) continue;
      if (stmt.connector === '||' && st.status === 0) continue;
      if (topLevel && stmt.k === 'loop') {
        const gate = this.dnsGate(stmt, st, list.slice(i + 1));
        if (gate) throw gate;
      }
      if (stmt.background) {
        const before = st.t;
        const sub: RunState = { ...st, output: st.output, files: st.files };
        try {
          this.runStmt(stmt, sub);
          st.background.push(sub.t - before);
        } catch (e) {
          if (e instanceof Forever) st.background.push(Infinity);
          else if (!(e instanceof Exit)) throw e;
        }
        st.status = 0;
        continue;
      }
      this.runStmt(stmt, st);
    }
  }

  private dnsGate(stmt: Extract<Stmt, { k: 'loop' }>, st: RunState, rest: Stmt[]): Gate | undefined {
    if (!stmt.until) return undefined;
    const cond = stmt.cond[0];
    if (cond?.k !== 'cmd') return undefined;
    const name = cond.words[0]?.v;
    if (!name || !DNS_COMMANDS.has(name)) return undefined;
    const args = cond.words.slice(1).map((w) => expand(w, st, this.env, this.startMs)).filter((a) => !a.startsWith('-'));
    const host = args[0];
    if (!host) return undefined;
    const probe: RunState = { ...st, output: [], files: [], t: 0, quiet: true };
    try {
      this.runList(stmt.body, probe, false);
    } catch {
      // a body that exits or blocks: poll every second
    }
    const pollOutput = probe.output.map((o) => o.text);
    return new Gate(host, Math.max(probe.t, 1000), pollOutput, rest);
  }

  private runStmt(stmt: Stmt, st: RunState): void {
    switch (stmt.k) {
      case 'cmd':
        this.runCommand(stmt, st);
        return;
      case 'if':
        this.runList(stmt.cond, st, false);
        this.runList(st.status === 0 ? stmt.then : stmt.otherwise, st, false);
        return;
      case 'for': {
        const items = stmt.items.flatMap((w) => expand(w, st, this.env, this.startMs).split(/\s+/).filter(Boolean));
        for (const item of items) {
          st.vars[stmt.name] = item;
          this.runList(stmt.body, st, false);
        }
        return;
      }
      case 'loop':
        this.runLoop(stmt, st);
        return;
    }
  }

  private isAlwaysTrue(cond: Stmt[]): boolean {
    if (cond.length !== 1) return false;
    const c = cond[0]!;
    if (c.k !== 'cmd') return false;
    const name = c.words[0]?.v;
    return name === 'true' || name === ':' || name === 'sleep' || (name === '[' && c.words.length === 3);
  }

  private runLoop(stmt: Extract<Stmt, { k: 'loop' }>, st: RunState): void {
    if (!stmt.until && this.isAlwaysTrue(stmt.cond)) throw new Forever(this.templateLoop(stmt, st));
    for (let n = 0; n < MAX_ITERATIONS; n++) {
      this.runList(stmt.cond, st, false);
      const ok = st.status === 0;
      if (stmt.until ? ok : !ok) {
        st.status = 0;
        return;
      }
      this.runList(stmt.body, st, false);
    }
    throw new Forever(this.templateLoop(stmt, st));
  }

  /** An endless loop, described by one iteration so its lines can be produced when read. */
  private templateLoop(stmt: Extract<Stmt, { k: 'loop' }>, st: RunState): ScriptLoop {
    const initial = { ...st.vars };
    const counters: Array<{ name: string; step: number }> = [];
    for (const s of stmt.body) {
      if (s.k !== 'cmd' || s.words.length !== 1) continue;
      const m = /^(\w+)=\$\(\(\s*\$?\1\s*([+-])\s*(\d+)\s*\)\)$/.exec(s.words[0]!.v);
      if (m) counters.push({ name: m[1]!, step: (m[2] === '-' ? -1 : 1) * Number(m[3]) });
    }
    const once = (iteration: number, atMs: number): RunState => {
      const vars = { ...initial };
      for (const c of counters) vars[c.name] = String(Number(initial[c.name] ?? 0) + c.step * iteration);
      const sub: RunState = { ...st, t: atMs - this.startMs, vars, output: [], files: [], background: [], quiet: true };
      try {
        this.runList([...stmt.cond, ...stmt.body], sub, false);
      } catch {
        // an iteration that blocks or exits: one pass is all that is shown
      }
      return sub;
    };
    const probe = once(0, this.startMs + st.t);
    const periodMs = probe.t - st.t;
    if (probe.loadTarget) st.loadTarget = probe.loadTarget;
    if (probe.stress) st.stress = probe.stress;
    return {
      offsetMs: st.t,
      periodMs: Math.max(periodMs, 1),
      busy: periodMs < 1,
      render: (iteration, atMs) => once(iteration, atMs).output.map((o) => o.text),
    };
  }

  private runCommand(stmt: Extract<Stmt, { k: 'cmd' }>, st: RunState, sink?: string[]): void {
    if (stmt.words.length === 0) return;
    if (stmt.pipeline && sink === undefined && this.env.system) {
      // `cmd | head -3`: the first command's stdout runs through the filters; stderr still reaches the terminal.
      const piped: string[] = [];
      this.runCommand({ k: 'cmd', words: stmt.words, background: false, connector: ';' }, st, piped);
      let lines = piped;
      for (const seg of stmt.pipeline) {
        const argv = seg.map((w) => expand(w, st, this.env, this.startMs));
        const filtered = pipeFilter(argv, lines);
        if (!filtered) {
          if (!imageHasBinary(this.env.system.image, argv[0] ?? '')) {
            st.output.push({ offsetMs: st.t, text: commandNotFound(this.dialect(), this.env.shell ?? 'sh', argv[0] ?? ''), stderr: true });
            st.status = 127;
          }
          lines = [];
          continue;
        }
        lines = filtered.lines;
        st.status = filtered.status;
      }
      const target = stmt.redirect;
      for (const text of lines) {
        if (target === '|' || target === undefined) st.output.push({ offsetMs: st.t, text });
      }
      return;
    }
    const first = stmt.words[0]!.v;
    const assign = /^([A-Za-z_]\w*)=(.*)$/.exec(first);
    if (assign && stmt.words.length === 1) {
      st.vars[assign[1]!] = expand({ t: 'word', v: assign[2]!, literal: stmt.words[0]!.literal }, st, this.env, this.startMs);
      st.status = 0;
      return;
    }
    let argv = stmt.words.map((w) => expand(w, st, this.env, this.startMs));
    while ((argv[0] === 'exec' || argv[0] === 'command') && argv.length > 1) argv = argv.slice(1);
    const name = (argv[0] ?? '').replace(/^.*\//, '');
    const args = argv.slice(1);
    const print = (text: string) => {
      if (sink) sink.push(text);
      else if (stmt.redirect === undefined) st.output.push({ offsetMs: st.t, text });
      else if (stmt.redirect === '/dev/termination-log') st.terminationMessage = (st.terminationMessage ?? '') + text + '\n';
      else if (stmt.redirect !== '|' && stmt.redirect !== '/dev/null') this.createFile(st, stmt.redirect);
    };
    // 2>&1 and 2>/dev/null are folded into the redirect; stderr still reaches the log unless sent elsewhere.
    const printErr = (text: string) => {
      if (stmt.redirect === undefined || stmt.redirect === '|') st.output.push({ offsetMs: st.t, text, stderr: true });
      else if (stmt.redirect === '/dev/termination-log') st.terminationMessage = (st.terminationMessage ?? '') + text + '\n';
    };
    if (stmt.redirect && stmt.redirect !== '|' && stmt.redirect !== '/dev/null' && stmt.redirect !== '/dev/termination-log') this.createFile(st, stmt.redirect);
    st.status = 0;
    const sys = this.env.system;
    if (sys && !BUILTINS.has(argv[0] ?? '') && !(argv[0] === '[' || /^\w+=/.test(argv[0] ?? '')) && !imageHasBinary(sys.image, argv[0] ?? '')) {
      // The shell searches $PATH, finds nothing: `sh: slep: not found`, status 127.
      printErr(commandNotFound(this.dialect(), this.env.shell ?? 'sh', argv[0] ?? ''));
      st.status = 127;
      return;
    }
    const tool = (r: ToolResult) => {
      for (const line of r.lines) (line.stderr ? printErr : print)(line.text);
      st.status = r.status;
      st.t += r.ms;
    };
    const net = sys ? (st.quiet ? this.env.quietNet : sys.net) : undefined;
    switch (name) {
      case 'hostname':
        if (sys && args.length === 0) print(sys.hostname);
        return;
      case 'cat': {
        if (!sys) return;
        for (const a of args.filter((x) => !x.startsWith('-'))) {
          const content = sys.readFile(a);
          if (content !== undefined) {
            for (const line of content.replace(/\n$/, '').split('\n')) print(line);
          } else if (!st.existing.has(a)) {
            printErr(sys.image.flavor === 'busybox' || sys.image.flavor === 'alpine' ? `cat: can't open '${a}': No such file or directory` : `cat: ${a}: No such file or directory`);
            st.status = 1;
          }
        }
        return;
      }
      case 'nslookup':
        if (net) return tool(nslookup(sys!, net, args));
        break;
      case 'wget':
        if (net) {
          const r = wget(net, args);
          if (r.url) st.loadTarget = r.url;
          return tool(r);
        }
        break;
      case 'curl':
        if (net) {
          const r = curl(net, args);
          if (r.url) st.loadTarget = r.url;
          return tool(r);
        }
        break;
      case 'nc':
        if (net) {
          const r = ncCheck(net, args);
          if (r) return tool(r);
        }
        break;
      case 'ls': {
        if (!sys) return;
        const paths = args.filter((a) => !a.startsWith('-'));
        const gnu = !(sys.image.flavor === 'busybox' || sys.image.flavor === 'alpine');
        for (const path of paths.length > 0 ? paths : ['/']) {
          const abs = path.startsWith('/') ? path : `/${path}`;
          if (st.existing.has(abs) || sys.readFile(abs) !== undefined) {
            print(path);
            continue;
          }
          const listed = sys.listDir(abs);
          const prefix = `${abs.replace(/\/$/, '')}/`;
          const made = [...st.existing].filter((f) => f.startsWith(prefix) && !f.slice(prefix.length).includes('/')).map((f) => f.slice(prefix.length));
          if (!listed && made.length === 0) {
            printErr(gnu ? `ls: cannot access '${path}': No such file or directory` : `ls: ${path}: No such file or directory`);
            st.status = gnu ? 2 : 1;
            continue;
          }
          if (paths.length > 1) print(`${path}:`);
          for (const entry of [...new Set([...(listed ?? []), ...made])].sort()) print(entry);
        }
        return;
      }
      case 'whoami':
        if (sys) print('root');
        return;
      case 'id':
        if (sys) print('uid=0(root) gid=0(root) groups=0(root)');
        return;
      case 'pwd':
        if (sys) print('/');
        return;
      case 'uname':
        if (sys) print(args.includes('-a') ? `Linux ${sys.hostname} 6.8.0-51-generic #52-Ubuntu SMP PREEMPT_DYNAMIC x86_64 GNU/Linux` : 'Linux');
        return;
    }
    switch (name) {
      case 'echo': {
        let rest = args;
        let escapes = false;
        while (rest[0] && /^-[neE]+$/.test(rest[0])) {
          escapes = escapes || rest[0].includes('e');
          rest = rest.slice(1);
        }
        let text = rest.join(' ');
        if (escapes) text = text.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
        for (const line of text.split('\n')) print(line);
        return;
      }
      case 'printf': {
        const fmt = args[0] ?? '';
        let k = 1;
        const text = fmt.replace(/%[sd]/g, () => args[k++] ?? '').replace(/\\n/g, '\n');
        for (const line of text.replace(/\n$/, '').split('\n')) print(line);
        return;
      }
      case 'sleep': {
        const ms = sleepMs(args[0]);
        if (ms === Infinity) throw new Forever();
        st.t += ms;
        return;
      }
      case 'exit':
        throw new Exit(Number(args[0] ?? st.status) || 0);
      case 'false':
        st.status = 1;
        return;
      case 'date':
        print(args[0] === '+%s' ? String(Math.floor((this.startMs + st.t) / 1000)) : formatShellDate(this.startMs + st.t));
        return;
      case 'env':
      case 'printenv': {
        if (args.length === 0) {
          for (const [k, v] of Object.entries(st.vars)) print(`${k}=${v}`);
        } else {
          let missing = false;
          for (const a of args) {
            if (st.vars[a] === undefined) missing = true;
            else print(st.vars[a]!);
          }
          if (missing) st.status = 1;
        }
        return;
      }
      case 'rm': {
        for (const a of args) if (!a.startsWith('-')) this.removeFile(st, a);
        return;
      }
      case 'touch':
        for (const a of args) if (!a.startsWith('-')) this.createFile(st, a);
        return;
      case 'test':
      case '[':
        st.status = this.test(args.filter((a) => a !== ']'), st) ? 0 : 1;
        return;
      case 'trap':
        if (args.slice(1).some((s) => /^(SIG)?TERM$|^15$/.test(s))) st.trapsTerm = true;
        return;
      case 'wait': {
        const longest = st.background.reduce((m, d) => Math.max(m, d), 0);
        if (longest === Infinity) throw new Forever();
        st.t += longest;
        return;
      }
      case 'tail':
        if (args.some((a) => a === '-f' || a === '-F' || a === '--follow')) throw new Forever();
        return;
      case 'wget':
      case 'curl': {
        const url = args.find((a) => !a.startsWith('-'));
        if (url) st.loadTarget = url;
        st.t += 10;
        return;
      }
      case 'perl': {
        const m = /bpi\((\d+)\)/.exec(args.join(' '));
        if (m) {
          const digits = Number(m[1]);
          // Math::BigFloat's bpi is quadratic-ish: about 2 s per 1000 digits of the docs' Job.
          st.t += Math.round(1500 + digits * 2.5);
          print(piDigits(digits));
          return;
        }
        return;
      }
      case 'stress': {
        st.stress = stressDemand(args);
        throw new Forever();
      }
      case 'ping':
      case 'sh':
      case 'bash':
      case 'ash':
        if ((name === 'sh' || name === 'bash' || name === 'ash') && args[0] === '-c' && args[1] !== undefined) {
          this.runList(parseScript(args[1]), st, false);
          return;
        }
        if (name === 'ping') throw new Forever();
        return;
      default:
        if (INSTANT_COMMANDS.has(name) || assign) return;
        if (st.quiet || this.env.unknownCommands === 'succeed') return;
        throw new Forever();
    }
  }

  private dialect(): ShellDialect {
    const shell = this.env.shell ?? 'sh';
    if (shell === 'bash') return 'bash';
    return shellDialect(this.env.system!.image.flavor);
  }

  private createFile(st: RunState, path: string): void {
    if (st.existing.has(path)) return;
    st.existing.add(path);
    st.files.push({ offsetMs: st.t, path, exists: true });
  }

  private removeFile(st: RunState, path: string): void {
    if (!st.existing.has(path)) return;
    st.existing.delete(path);
    st.files.push({ offsetMs: st.t, path, exists: false });
  }

  private test(args: string[], st: RunState): boolean {
    if (args[0] === '!') return !this.test(args.slice(1), st);
    if (args.length === 2 && (args[0] === '-f' || args[0] === '-e' || args[0] === '-d')) return st.existing.has(args[1]!);
    if (args.length === 2 && args[0] === '-z') return args[1] === '';
    if (args.length === 2 && args[0] === '-n') return args[1] !== '';
    if (args.length === 3) {
      const [a, op, b] = args as [string, string, string];
      const x = Number(a);
      const y = Number(b);
      switch (op) {
        case '=':
        case '==':
          return a === b;
        case '!=':
          return a !== b;
        case '-eq':
          return x === y;
        case '-ne':
          return x !== y;
        case '-lt':
          return x < y;
        case '-le':
          return x <= y;
        case '-gt':
          return x > y;
        case '-ge':
          return x >= y;
      }
    }
    return args.length === 1 ? args[0] !== '' : true;
  }
}

/**
 * What `sh -c <script>` does when started at `startMs`: its output, file changes, and how it ends.
 * `vars` are the container's environment variables.
 */
export function runScript(script: string, env: ScriptEnv, startMs: number): ScriptResult {
  return runStatements(parseScript(script), env, startMs, { ...env.vars }, 0);
}

function runStatements(list: Stmt[], env: ScriptEnv, startMs: number, vars: Record<string, string>, offset: number): ScriptResult {
  const runner = new Runner(env, startMs);
  const st: RunState = { t: offset, status: 0, vars, output: [], files: [], existing: new Set(env.system?.existingFiles), background: [], trapsTerm: false, quiet: false };
  let end: ScriptResult['end'];
  let loop: ScriptLoop | undefined;
  try {
    runner.runList(list, st, true);
    end = { kind: 'exit', afterMs: st.t, code: st.status };
  } catch (e) {
    if (e instanceof Exit) end = { kind: 'exit', afterMs: st.t, code: e.code };
    else if (e instanceof Forever) {
      end = { kind: 'forever' };
      loop = e.loop;
    } else if (e instanceof Gate) {
      const gateVars = { ...st.vars };
      end = {
        kind: 'gate',
        afterMs: st.t,
        gate: {
          host: e.host,
          periodMs: e.periodMs,
          pollOutput: e.pollOutput,
          resume: (atMs: number) => runStatements(e.rest, env, atMs, gateVars, 0),
        },
      };
    } else throw e;
  }
  return {
    output: st.output,
    files: st.files,
    end,
    ...(loop ? { loop } : {}),
    trapsTerm: st.trapsTerm,
    ...(st.terminationMessage !== undefined ? { terminationMessage: st.terminationMessage } : {}),
    ...(st.loadTarget ? { loadTarget: st.loadTarget } : {}),
    ...(st.stress ? { stress: st.stress } : {}),
  };
}
