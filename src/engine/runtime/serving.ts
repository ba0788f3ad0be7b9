/**
 * What a running container answers on the network: the ports its program listens on and the HTTP
 * responses it gives. Kubernetes rule (Pod spec, `ports`): a containerPort is informational; declaring
 * 8080 does not make nginx listen there. So a probe or a Service aimed at a port the program does not
 * open gets `connection refused`, and a path the server does not have gets its 404.
 */
import { HTTPD_IT_WORKS, NGINX_WELCOME } from './imageContents';
import type { ProgramName } from './registry';

export interface ServingPlan {
  program: ProgramName;
  argv: string[];
  /** The image's declared listening ports (its EXPOSE), used when the program is the image's own. */
  imagePorts?: number[];
  env?: Record<string, string>;
  /** The image's program version (`nginx/1.27.3` in its error pages, hello-app's `Version:`). */
  version?: string;
}

export interface HttpAnswer {
  status: number;
  body: string;
  contentType: string;
  /** The program does not speak HTTP: what a Go HTTP client reports instead of a status. */
  protocolError?: string;
}

/** Programs whose health endpoints we do not model in detail: any port they might probe answers 200. */
const OPAQUE_SERVERS = new Set<ProgramName>(['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kube-proxy', 'coredns', 'server', 'rabbitmq']);

function flagValue(argv: string[], names: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    for (const n of names) {
      if (a === n) return argv[i + 1];
      if (a.startsWith(`${n}=`)) return a.slice(n.length + 1);
    }
  }
  return undefined;
}

/** The TCP ports a program listens on. `undefined` means any port (a program we do not model). */
export function listeningPorts(plan: ServingPlan): number[] | undefined {
  const argv = plan.argv;
  switch (plan.program) {
    case 'agnhost': {
      if (argv.includes('netexec')) return [Number(flagValue(argv, ['--http-port']) ?? 8080), Number(flagValue(argv, ['--udp-port']) ?? 8081)];
      if (argv.includes('serve-hostname')) return [Number(flagValue(argv, ['--port']) ?? 9376)];
      if (argv.includes('liveness')) return [8080];
      if (argv.includes('test-webserver')) return [Number(flagValue(argv, ['--port']) ?? 80)];
      if (argv.includes('pause')) return [];
      return [8080];
    }
    case 'http-echo': {
      const listen = flagValue(argv, ['-listen', '--listen']);
      const m = listen ? /:(\d+)$/.exec(listen) : null;
      return [m ? Number(m[1]) : 5678];
    }
    case 'hello-app':
      return [Number(plan.env?.PORT ?? 8080)];
    case 'python': {
      const i = argv.indexOf('http.server');
      if (i > 0 && argv[i - 1] === '-m') {
        const port = argv.slice(i + 1).find((a) => /^\d+$/.test(a));
        return [Number(port ?? 8000)];
      }
      return [];
    }
    case 'shell':
    case 'node':
    case 'perl':
    case 'stress':
    case 'pause':
      return [];
    default:
      if (OPAQUE_SERVERS.has(plan.program)) return undefined;
      return plan.imagePorts ?? [];
  }
}

export function listensOn(plan: ServingPlan, port: number): boolean {
  const ports = listeningPorts(plan);
  return ports === undefined || ports.includes(port);
}

function notFound(program: ProgramName, version?: string): HttpAnswer {
  if (program === 'nginx') {
    const server = version ? `nginx/${version}` : 'nginx';
    return { status: 404, contentType: 'text/html', body: `<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>${server}</center>\r\n</body>\r\n</html>\r\n` };
  }
  if (program === 'httpd' || program === 'php-apache' || program === 'wordpress') {
    return { status: 404, contentType: 'text/html', body: '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>' };
  }
  return { status: 404, contentType: 'text/plain; charset=utf-8', body: '404 page not found' };
}

const ok = (body: string, contentType = 'text/plain; charset=utf-8'): HttpAnswer => ({ status: 200, body, contentType });

/**
 * The answer to `GET <path>` on a port the program listens on. `sinceStartMs` lets agnhost's
 * `liveness` server turn to 500 after 10 s, as the docs' liveness example shows.
 */
export function httpAnswer(plan: ServingPlan, path: string, ctx: { podName: string; sinceStartMs: number; httpFailsAfterMs?: number }): HttpAnswer {
  const bare = path.replace(/[?#].*$/, '') || '/';
  switch (plan.program) {
    case 'nginx':
      if (bare === '/' || bare === '/index.html') return ok(NGINX_WELCOME, 'text/html');
      if (bare === '/50x.html') return ok('<!DOCTYPE html>\n<html>\n<head>\n<title>Error</title>\n</head>\n<body>\n<h1>An error occurred.</h1>\n</body>\n</html>', 'text/html');
      return notFound('nginx', plan.version);
    case 'httpd':
      return bare === '/' || bare === '/index.html' ? ok(HTTPD_IT_WORKS, 'text/html') : notFound('httpd');
    case 'php-apache':
      return bare === '/' || bare === '/index.php' ? ok('OK!', 'text/html') : notFound('php-apache');
    case 'wordpress':
      return bare === '/' || bare.startsWith('/wp-') ? ok('<!DOCTYPE html>\n<html lang="en-US">\n<head><title>WordPress &rsaquo; Installation</title></head>\n</html>', 'text/html') : notFound('wordpress');
    case 'hello-app': {
      return ok(`Hello, world!\nVersion: ${plan.version ?? '1.0.0'}\nHostname: ${ctx.podName}\n`);
    }
    case 'http-echo':
      return ok(`${flagValue(plan.argv, ['-text', '--text']) ?? 'hello-world'}\n`);
    case 'serve-hostname':
      return ok(ctx.podName);
    case 'bootcamp':
      return ok(`Hello Kubernetes bootcamp! | Running on: ${ctx.podName} | v=1\n`);
    case 'echoserver':
      return ok(`\n\nHostname: ${ctx.podName}\n\nRequest Information:\n\tmethod=GET\n\treal path=${bare}\n\tquery=\n\trequest_version=1.1\n`);
    case 'agnhost': {
      if (plan.argv.includes('liveness')) {
        if (bare !== '/healthz') return notFound('agnhost');
        const failing = ctx.httpFailsAfterMs !== undefined && ctx.sinceStartMs >= ctx.httpFailsAfterMs;
        return failing ? { status: 500, contentType: 'text/plain; charset=utf-8', body: `error: ${Math.floor(ctx.sinceStartMs / 1000)}` } : ok('ok');
      }
      if (plan.argv.includes('serve-hostname')) return ok(ctx.podName);
      if (bare === '/hostname') return ok(ctx.podName);
      return ok('NOW: 2026-01-01 00:00:00.000000000 +0000 UTC m=+1.000000001');
    }
    case 'python':
      return bare === '/' ? ok('<!DOCTYPE HTML>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Directory listing for /</title>\n</head>\n<body>\n<h1>Directory listing for /</h1>\n<hr>\n<ul>\n</ul>\n<hr>\n</body>\n</html>', 'text/html; charset=utf-8') : { status: 404, contentType: 'text/html;charset=utf-8', body: 'Error code: 404' };
    case 'redis':
      return { status: 0, contentType: '', body: '', protocolError: 'net/http: HTTP/1.x transport connection broken: malformed HTTP response "-ERR wrong number of arguments for \'get\' command"' };
    case 'mysql':
    case 'postgres':
    case 'mongo':
      return { status: 0, contentType: '', body: '', protocolError: 'EOF' };
    default:
      return ok('ok');
  }
}
