/** Access-log lines in each server's own format (nginx/httpd combined log, hello-app's Go log). */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function accessLogLine(program: string, ip: string, method: string, path: string, agent: string, code: number, ms: number, bytes?: number): string | undefined {
  const d = new Date(ms);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const clf = `${p2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
  switch (program) {
    case 'nginx':
      return `${ip} - - [${clf}] "${method} ${path} HTTP/1.1" ${code} ${bytes ?? (code === 200 ? 615 : 0)} "-" "${agent}" "-"`;
    case 'httpd':
    case 'php-apache':
    case 'wordpress':
      return `${ip} - - [${clf}] "${method} ${path} HTTP/1.1" ${code} ${program === 'php-apache' ? 3 : 45}`;
    case 'hello-app':
      return `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} Serving request: ${path}`;
    default:
      return undefined;
  }
}

