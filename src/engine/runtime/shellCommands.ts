/** What single commands of the shell model compute: pipe filters, `date`, `sleep`'s argument, `stress`'s demand. */

/** The filters students put after a pipe: head, tail, grep, wc -l, sort, uniq, cat. Undefined: not modelled. */
export function pipeFilter(argv: string[], lines: string[]): { lines: string[]; status: number } | undefined {
  const name = (argv[0] ?? '').replace(/^.*\//, '');
  const args = argv.slice(1);
  const count = (dflt: number) => {
    const i = args.findIndex((a) => a === '-n');
    if (i >= 0) return Number(args[i + 1]) || dflt;
    const short = args.find((a) => /^-\d+$/.test(a));
    return short ? Number(short.slice(1)) : dflt;
  };
  switch (name) {
    case 'head':
      return { lines: lines.slice(0, count(10)), status: 0 };
    case 'tail':
      return { lines: lines.slice(-count(10)), status: 0 };
    case 'cat':
      return { lines, status: 0 };
    case 'sort':
      return { lines: [...lines].sort(), status: 0 };
    case 'uniq':
      return { lines: lines.filter((l, i) => l !== lines[i - 1]), status: 0 };
    case 'wc':
      return { lines: [args.includes('-l') ? String(lines.length) : `${lines.length} ${lines.join(' ').split(/\s+/).filter(Boolean).length} ${lines.reduce((n, l) => n + l.length + 1, 0)}`], status: 0 };
    case 'grep': {
      const flags = args.filter((a) => a.startsWith('-')).join('');
      const pattern = args.find((a) => !a.startsWith('-')) ?? '';
      let re: RegExp;
      try {
        re = new RegExp(pattern, flags.includes('i') ? 'i' : '');
      } catch {
        re = new RegExp(pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      }
      const kept = lines.filter((l) => re.test(l) !== flags.includes('v'));
      if (flags.includes('c')) return { lines: [String(kept.length)], status: kept.length > 0 ? 0 : 1 };
      return { lines: flags.includes('q') ? [] : kept, status: kept.length > 0 ? 0 : 1 };
    }
    default:
      return undefined;
  }
}

/** `date`'s default output: `Thu Jan  1 00:00:05 UTC 2026`. */
export function formatShellDate(ms: number): string {
  const d = new Date(ms);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()]!;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()]!;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day} ${month} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

/** Parses `sleep`'s argument: seconds with an optional s/m/h/d suffix; `infinity`. */
export function sleepMs(arg: string | undefined): number {
  if (!arg) return 0;
  if (arg === 'infinity' || arg === 'inf') return Infinity;
  const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
  if (!m) return 0;
  const unit = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Math.round(Number(m[1]) * unit);
}

function parseBytes(text: string | undefined): number {
  const m = /^(\d+(?:\.\d+)?)([KMGT]i?)?[Bb]?$/i.exec(text ?? '');
  if (!m) return 0;
  const unit = (m[2] ?? '').toUpperCase();
  const mult: Record<string, number> = { '': 1, K: 1024, KI: 1024, M: 1024 ** 2, MI: 1024 ** 2, G: 1024 ** 3, GI: 1024 ** 3, T: 1024 ** 4, TI: 1024 ** 4 };
  return Math.round(Number(m[1]) * (mult[unit] ?? 1));
}

/** `stress` (polinux) and `stress` (vish) flags: how much CPU and memory they burn. */
export function stressDemand(argv: string[]): { cpuMilli: number; memoryBytes: number } {
  let cpuMilli = 0;
  let memoryBytes = 0;
  let vm = 0;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = argv[i + 1];
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = inline ?? next;
    if (flag === '--cpu' || flag === '-c' || flag === '-cpus') cpuMilli += 1000 * (Number(value) || 1);
    else if (flag === '--vm' || flag === '-m') vm = Number(value) || 1;
    else if (flag === '--vm-bytes') memoryBytes = parseBytes(value) * Math.max(vm, 1);
    else if (flag === '-mem-total') memoryBytes = parseBytes(value);
  }
  if (vm > 0 && memoryBytes === 0) memoryBytes = 256 * 1024 ** 2 * vm; // stress' default --vm-bytes
  if (vm > 0) cpuMilli += 1000 * vm;
  return { cpuMilli, memoryBytes: memoryBytes + 2 * 1024 ** 2 };
}
