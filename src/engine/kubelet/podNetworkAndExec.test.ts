import { describe, expect, it } from 'vitest';
import { createCluster, type Cluster } from '../cluster';

function cluster(): Cluster {
  const c = createCluster({ seed: 3, preset: 'default' });
  c.kubectl('create deployment web --image=nginx:1.27 --replicas=2');
  c.kubectl('expose deployment web --port=80');
  c.kubectl('run client --image=busybox:1.36 -- sleep 3600');
  c.advance(20_000);
  return c;
}

describe('the network inside pods', () => {
  it('wget reaches the nginx welcome page through the Service, and the serving pod logs the request', () => {
    const c = cluster();
    const r = c.kubectl('exec client -- wget -qO- http://web');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toContain('<title>Welcome to nginx!</title>');
    const clientIP = c.kubectl('get pod client -o jsonpath={.status.podIP}').stdout;
    expect(c.kubectl('logs -l app=web').stdout).toContain(`${clientIP} - - [`);
  });

  it('a Service with no ready endpoint refuses; an unknown name does not resolve', () => {
    const c = cluster();
    c.kubectl('scale deployment web --replicas=0');
    c.advance(10_000);
    const refused = c.kubectl('exec client -- wget -qO- http://web');
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/^wget: can't connect to remote host \(10\.\d+\.\d+\.\d+\): Connection refused\ncommand terminated with exit code 1\n$/);
    const bad = c.kubectl('exec client -- wget -qO- http://nosuch');
    expect(bad.stderr).toBe("wget: bad address 'nosuch'\ncommand terminated with exit code 1\n");
  });

  it('with CoreDNS scaled to zero, lookups time out', () => {
    const c = cluster();
    c.kubectl('scale deployment coredns -n kube-system --replicas=0');
    c.advance(40_000);
    const r = c.kubectl('exec client -- nslookup web');
    expect(r.stdout).toBe(';; connection timed out; no servers could be reached\n\n');
    expect(r.exitCode).toBe(1);
  });
});

describe('kubectl exec', () => {
  it('files an exec creates stay in the container, and an exec liveness probe sees them', () => {
    const c = createCluster({ seed: 3, preset: 'default' });
    c.apply(`apiVersion: v1
kind: Pod
metadata:
  name: probe
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "touch /tmp/healthy; sleep 3600"]
    livenessProbe:
      exec:
        command: ["cat", "/tmp/healthy"]
      periodSeconds: 5
`);
    c.advance(20_000);
    expect(c.kubectl('get pod probe').stdout).toContain('1/1     Running   0');
    expect(c.kubectl('exec probe -- rm /tmp/healthy').exitCode).toBe(0);
    c.advance(16_000);
    const events = c.kubectl('get events --field-selector involvedObject.name=probe').stdout + c.kubectl('describe pod probe').stdout;
    expect(events).toContain("Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory");
    expect(events).toContain('Container app failed liveness probe, will be restarted');
  });

  it('cannot exec into a container that is not running', () => {
    const c = createCluster({ seed: 3, preset: 'default' });
    c.kubectl('run typo --image=busybox:1.36 --command -- sh -c "slep 1"');
    c.advance(15_000);
    const r = c.kubectl('exec typo -- ls');
    expect(r.stderr).toBe('error: unable to upgrade connection: container not found ("typo")\n');
    expect(r.exitCode).toBe(1);
  });

  it('an interactive shell runs each line in the container until exit', () => {
    const c = cluster();
    const r = c.kubectlStreaming('exec -it client -- sh');
    const session = r.session!;
    expect(session.prompt).toBe('/ # ');
    expect(session.input).toBeDefined();
    session.input!('hostname');
    session.input!('nslookup nosuch >/dev/null || echo missing');
    session.input!('exit 2');
    const out = session.poll();
    expect(out.stdout).toBe('client\nmissing\n');
    expect(out.stderr).toBe('command terminated with exit code 2\n');
    expect(out).toMatchObject({ done: true, exitCode: 2 });
  });

  it('logs -f prints the lines written after it started, and ends when the container stops', () => {
    const c = createCluster({ seed: 3, preset: 'default' });
    c.kubectl('run ticker --image=busybox:1.36 -- sh -c "i=0; while [ $i -lt 3 ]; do echo tick $i; i=$((i+1)); sleep 5; done"');
    c.advance(3_000);
    const r = c.kubectlStreaming('logs -f ticker');
    expect(r.stdout).toBe('tick 0\n');
    c.advance(6_000);
    expect(r.session!.poll().stdout).toBe('tick 1\n');
    c.advance(12_000);
    const last = r.session!.poll();
    expect(last.stdout).toBe('tick 2\n');
    expect(last.done).toBe(true);
  });
});
