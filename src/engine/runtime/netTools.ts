/**
 * The network tools students run inside pods, printing what the real ones print: busybox's `nslookup`
 * (the old format up to 1.28, the one the Kubernetes DNS docs show; the new one since 1.29), bind's
 * `nslookup` (dnsutils images), busybox `wget`, and curl 8. Each returns its lines (stdout/stderr),
 * its exit status and how long it took.
 */
import type { ContainerSystem, HttpResult, NetView } from './containerSystem';

export interface ToolLine {
  text: string;
  stderr?: boolean;
}

export interface ToolResult {
  lines: ToolLine[];
  status: number;
  ms: number;
}

/** busybox wget's default network timeout is long; a student sees it give up. */
const CONNECT_TIMEOUT_MS = 10_000;
const CURL_CONNECT_TIMEOUT_MS = 130_000;

const out = (text: string): ToolLine => ({ text });
const err = (text: string): ToolLine => ({ text, stderr: true });

function bodyLines(body: string): ToolLine[] {
  if (body === '') return [];
  return body.replace(/\r?\n$/, '').split(/\r?\n/).map(out);
}

function busyboxVersion(sys: ContainerSystem): [number, number] {
  const [a = 1, b = 36] = (sys.image.version ?? '1.36.1').split('.').map((x) => Number(x) || 0);
  return [a, b];
}

function nslookupStyle(sys: ContainerSystem): 'busybox-old' | 'busybox-new' | 'bind' {
  if (sys.image.flavor === 'busybox') {
    const [a, b] = busyboxVersion(sys);
    return a === 1 && b < 29 ? 'busybox-old' : 'busybox-new';
  }
  if (sys.image.flavor === 'alpine' && !sys.image.extraBinaries?.includes('nslookup')) return 'busybox-new';
  return 'bind';
}

export function nslookup(sys: ContainerSystem, net: NetView, args: string[]): ToolResult {
  const name = args.find((a) => !a.startsWith('-'));
  const style = nslookupStyle(sys);
  if (!name) return { lines: [err(style === 'bind' ? '*** Invalid option: ' : 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.'), err(''), err('Usage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]')], status: 1, ms: 0 };
  const server = net.nameserver;
  const result = net.lookup(name);
  if (style === 'busybox-old') {
    const serverName = net.reverse(server);
    const lines = [out(`Server:    ${server}`), out(`Address 1: ${server}${serverName ? ` ${serverName}` : ''}`), out('')];
    if (!result.ok) return { lines: [...lines, err(`nslookup: can't resolve '${name}'`)], status: 1, ms: result.reason === 'timeout' ? 10_000 : 5 };
    lines.push(out(`Name:      ${name}`));
    result.addresses.forEach((ip, i) => {
      const ptr = net.reverse(ip);
      lines.push(out(`Address ${i + 1}: ${ip}${ptr ? ` ${ptr}` : ''}`));
    });
    return { lines, status: 0, ms: 5 };
  }
  if (!result.ok && result.reason === 'timeout') {
    return { lines: [out(';; connection timed out; no servers could be reached'), out('')], status: 1, ms: 15_000 };
  }
  const port = style === 'bind' ? `${server}#53` : `${server}:53`;
  const lines = [out(`Server:\t\t${server}`), out(`Address:\t${port}`), out('')];
  if (!result.ok) {
    lines.push(out(`** server can't find ${name}: NXDOMAIN`), out(''));
    return { lines, status: 1, ms: 5 };
  }
  if (result.cname) lines.push(out(`${result.fqdn}\tcanonical name = ${result.cname}.`));
  for (const ip of result.addresses) lines.push(out(`Name:\t${result.fqdn}`), out(`Address: ${ip}`));
  lines.push(out(''));
  return { lines, status: 0, ms: 5 };
}

interface ParsedUrl {
  host: string;
  port: number;
  path: string;
}

function parseUrl(url: string): ParsedUrl | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^\s]*)$/i.exec(url);
  if (!m) return undefined;
  const https = (m[1] ?? '').toLowerCase() === 'https';
  return { host: m[2]!, port: m[3] ? Number(m[3]) : https ? 443 : 80, path: m[4] && m[4].startsWith('/') ? m[4] : `/${m[4] ?? ''}` };
}

const REASONS: Record<number, string> = { 200: 'OK', 404: 'Not Found', 500: 'Internal Server Error', 403: 'Forbidden', 503: 'Service Unavailable' };

/** busybox wget: `-q`, `-O FILE` / `-O-`, `-T SEC`, `--spider`. */
export function wget(net: NetView, args: string[]): ToolResult & { url?: string } {
  let quiet = false;
  let outFile: string | undefined;
  let spider = false;
  let timeoutMs = CONNECT_TIMEOUT_MS;
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--spider') spider = true;
    else if (a === '--timeout' || a === '--output-document') {
      const v = args[++i];
      if (a === '--timeout') timeoutMs = (Number(v) || 10) * 1000;
      else outFile = v;
    } else if (a.startsWith('--timeout=')) timeoutMs = (Number(a.slice(10)) || 10) * 1000;
    else if (a.startsWith('--output-document=')) outFile = a.slice(18);
    else if (a.startsWith('--')) continue;
    else if (a.startsWith('-') && a.length > 1) {
      // Bundled short options, the last one possibly taking a value: -q, -qO-, -O -, -qO /tmp/x, -T5.
      for (let j = 1; j < a.length; j++) {
        const c = a[j]!;
        if (c === 'q') quiet = true;
        else if (c === 'O' || c === 'T' || c === 'o' || c === 'U' || c === 'P' || c === 'Y') {
          const v = a.slice(j + 1) || args[++i];
          if (c === 'O') outFile = v;
          if (c === 'T') timeoutMs = (Number(v) || 10) * 1000;
          break;
        }
      }
    } else url = a;
  }
  if (!url) return { lines: [err('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.'), err(''), err('Usage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]')], status: 1, ms: 0 };
  const u = parseUrl(url);
  if (!u) return { lines: [err(`wget: bad address '${url}'`)], status: 1, ms: 0, url };
  const r = net.httpGet(u.host, u.port, u.path, 'Wget');
  const lines: ToolLine[] = [];
  const connecting = (ip: string) => {
    if (!quiet) lines.push(err(`Connecting to ${u.host}${u.host === ip ? `:${u.port}` : ` (${ip}:${u.port})`}`));
  };
  switch (r.kind) {
    case 'unresolved':
      return { lines: [err(`wget: bad address '${u.host}${u.port === 80 ? '' : `:${u.port}`}'`)], status: 1, ms: 5, url };
    case 'refused':
      connecting(r.ip);
      lines.push(err(`wget: can't connect to remote host (${r.ip}): Connection refused`));
      return { lines, status: 1, ms: 2, url };
    case 'timeout':
      connecting(r.ip);
      lines.push(err('wget: download timed out'));
      return { lines, status: 1, ms: timeoutMs, url };
    case 'protocol':
      connecting(r.ip);
      lines.push(err('wget: server returned error: '));
      return { lines, status: 1, ms: 2, url };
    case 'response': {
      connecting(r.ip);
      if (r.status >= 400) {
        lines.push(err(`wget: server returned error: HTTP/1.1 ${r.status} ${REASONS[r.status] ?? ''}`.trimEnd()));
        return { lines, status: 1, ms: 3, url };
      }
      if (spider) {
        if (!quiet) lines.push(err('remote file exists'));
        return { lines, status: 0, ms: 3, url };
      }
      const toStdout = outFile === '-';
      const file = outFile ?? (u.path.replace(/^.*\//, '') || 'index.html');
      if (!quiet) lines.push(err(toStdout ? 'writing to stdout' : `saving to '${file}'`));
      if (toStdout) lines.push(...bodyLines(r.body));
      if (!quiet) {
        const size = String(r.body.length).padStart(6);
        lines.push(err(`${(toStdout ? '-' : file).padEnd(20)} 100% |********************************| ${size}  0:00:00 ETA`));
        lines.push(err(toStdout ? 'written to stdout' : `'${file}' saved`));
      }
      return { lines, status: 0, ms: 3, url };
    }
  }
}

/** curl 8: `-s`, `-S`, `-f`, `-I`, `-v`, `-o FILE`, `-m SEC`, `--connect-timeout SEC`. */
export function curl(net: NetView, args: string[]): ToolResult & { url?: string } {
  let silent = false;
  let showError = false;
  let fail = false;
  let head = false;
  let verbose = false;
  let outFile: string | undefined;
  let timeoutMs: number | undefined;
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '-o' || a === '--output') outFile = args[++i];
    else if (a === '-m' || a === '--max-time' || a === '--connect-timeout') timeoutMs = (Number(args[++i]) || 0) * 1000;
    else if (a === '--silent') silent = true;
    else if (a === '--fail') fail = true;
    else if (a === '--head') head = true;
    else if (a === '-H' || a === '-X' || a === '-d' || a === '-w' || a === '--header' || a === '--data' || a === '--request' || a === '--write-out') i++;
    else if (/^-[a-zA-Z]+$/.test(a)) {
      if (a.includes('s')) silent = true;
      if (a.includes('S')) showError = true;
      if (a.includes('f')) fail = true;
      if (a.includes('I')) head = true;
      if (a.includes('v')) verbose = true;
    } else if (!a.startsWith('-')) url = a;
  }
  if (!url) return { lines: [err("curl: try 'curl --help' or 'curl --manual' for more information")], status: 2, ms: 0 };
  const u = parseUrl(url);
  const report = (text: string) => (!silent || showError ? [err(text)] : []);
  if (!u) return { lines: report(`curl: (3) URL rejected: Bad hostname`), status: 3, ms: 0, url };
  const r = net.httpGet(u.host, u.port, u.path, 'curl/8.11.1');
  switch (r.kind) {
    case 'unresolved':
      return { lines: report(`curl: (6) Could not resolve host: ${u.host}`), status: 6, ms: 5, url };
    case 'refused':
      return { lines: report(`curl: (7) Failed to connect to ${u.host} port ${u.port} after 1 ms: Couldn't connect to server`), status: 7, ms: 1, url };
    case 'timeout': {
      const ms = timeoutMs ?? CURL_CONNECT_TIMEOUT_MS;
      const text = timeoutMs !== undefined ? `curl: (28) Connection timed out after ${ms + 1} milliseconds` : `curl: (28) Failed to connect to ${u.host} port ${u.port} after ${ms} ms: Couldn't connect to server`;
      return { lines: report(text), status: 28, ms, url };
    }
    case 'protocol':
      return { lines: report('curl: (1) Received HTTP/0.9 when not allowed'), status: 1, ms: 2, url };
    case 'response': {
      const lines: ToolLine[] = [];
      if (verbose) {
        lines.push(err(`*   Trying ${r.ip}:${u.port}...`), err(`* Connected to ${u.host} (${r.ip}) port ${u.port}`), err(`> GET ${u.path} HTTP/1.1`), err(`> Host: ${u.host}${u.port === 80 ? '' : `:${u.port}`}`), err('> User-Agent: curl/8.11.1'), err('> Accept: */*'), err('> '), err(`< HTTP/1.1 ${r.status} ${REASONS[r.status] ?? ''}`.trimEnd()), err('< '));
      }
      if (fail && r.status >= 400) return { lines: [...lines, ...report(`curl: (22) The requested URL returned error: ${r.status}`)], status: 22, ms: 3, url };
      if (head) {
        lines.push(out(`HTTP/1.1 ${r.status} ${REASONS[r.status] ?? ''}`.trimEnd()), out(`Content-Type: ${r.contentType}`), out(`Content-Length: ${r.body.length}`), out(''));
        return { lines, status: 0, ms: 3, url };
      }
      if (outFile === undefined) lines.push(...bodyLines(r.body));
      return { lines, status: 0, ms: 3, url };
    }
  }
}

/** `nc -z host port` (busybox and openbsd netcat): exit status only, `-v` says which. */
export function ncCheck(net: NetView, args: string[]): ToolResult | undefined {
  if (!args.some((a) => /^-[a-zA-Z]*z/.test(a))) return undefined;
  const rest = args.filter((a) => !a.startsWith('-'));
  const host = rest[0];
  const port = Number(rest[1]);
  if (!host || !port) return { lines: [], status: 1, ms: 0 };
  const verbose = args.some((a) => /^-[a-zA-Z]*v/.test(a));
  const r = net.connect(host, port);
  if (r.kind === 'open') return { lines: verbose ? [err(`${host} (${r.ip}:${port}) open`)] : [], status: 0, ms: 2 };
  if (r.kind === 'unresolved') return { lines: [err(`nc: bad address '${host}'`)], status: 1, ms: 5 };
  const reason = r.kind === 'refused' ? 'Connection refused' : 'Connection timed out';
  return { lines: verbose ? [err(`nc: ${host} (${r.ip}:${port}): ${reason}`)] : [], status: 1, ms: r.kind === 'timeout' ? CONNECT_TIMEOUT_MS : 2 };
}

export type { HttpResult };
