import { runScript } from './src/engine/runtime/shellScript';
const env = { vars: { HOME: '/root', SPECIAL_LEVEL_KEY: 'very' }, podName: 'p', namespace: 'default' };
const cases = [
  'echo "Application is running"; sleep 3600',
  'sleep 60; exit 88',
  'i=0; while true; do echo "$i: $(date)"; i=$((i+1)); sleep 1; done',
  'touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600',
  "export; trap 'exit 0' TERM; sleep 9999 & wait",
  'until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done',
  'while sleep 0.01; do wget -q -O- http://php-apache; done',
  'sleep 10 && echo Sleep expired > /dev/termination-log',
  'echo $(SPECIAL_LEVEL_KEY) ${SPECIAL_LEVEL_KEY}',
  'for i in 1 2 3; do echo $i; done; false',
  "perl -Mbignum=bpi -wle 'print bpi(20)'",
  'while true; do echo hello; sleep 10;done',
];
for (const c of cases) {
  const r = runScript(c, env, Date.UTC(2026, 0, 1));
  console.log(c, '\n  =>', JSON.stringify({ out: r.output.slice(0, 3), end: r.end.kind === 'gate' ? { ...r.end, gate: { host: r.end.gate.host, periodMs: r.end.gate.periodMs, poll: r.end.gate.pollOutput } } : r.end, files: r.files, trap: r.trapsTerm, tm: r.terminationMessage, load: r.loadTarget, loop: r.loop && { off: r.loop.offsetMs, p: r.loop.periodMs, l: [r.loop.render(0, Date.UTC(2026,0,1)), r.loop.render(5, Date.UTC(2026,0,1,0,0,5))] } }));
}
