/**
 * Corners of the Ingress, PersistentVolumeClaim and NetworkPolicy describers that the transcript
 * (scenarios/describe-ingress-pvc-netpol.k8s) does not reach, checked line by line against describe.go.
 */
import { describe, expect, it } from 'vitest';
import { runScript } from './script';

function describeOutput(manifest: string, command: string): string[] {
  const r = runScript(`kubectl apply -f m.yaml\n${command}`, { preset: null, readFile: () => manifest });
  expect(r.exitCode).toBe(0);
  return r.output.split(`$ ${command}\n`)[1]!.split('\n');
}

describe('kubectl describe ingress / pvc / networkpolicy', () => {
  it('a resource backend prints its APIGroup, Kind and Name; a rule without http is skipped (describeBackendV1)', () => {
    const lines = describeOutput(
      `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: assets
spec:
  defaultBackend:
    resource:
      apiGroup: k8s.example.com
      kind: StorageBucket
      name: static-assets
  rules:
  - host: only-host.example.com
`,
      'kubectl describe ingress assets',
    );
    expect(lines).toContain('Default backend:  APIGroup: k8s.example.com, Kind: StorageBucket, Name: static-assets');
    expect(lines).toContain('  *           *     APIGroup: k8s.example.com, Kind: StorageBucket, Name: static-assets');
    expect(lines.join('\n')).not.toContain('only-host');
  });

  it('an SNI-only TLS entry and a port given by name (describeIngressTLSV1, serviceBackendStringer)', () => {
    const lines = describeOutput(
      `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: sni
spec:
  tls:
  - hosts: [a.example.com, b.example.com]
  rules:
  - http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: missing
            port:
              name: web
`,
      'kubectl describe ingress sni',
    );
    expect(lines).toContain('  SNI routes a.example.com,b.example.com');
    expect(lines.some((l) => l.endsWith('/   missing:web (<error: services "missing" not found>)'))).toBe(true);
  });

  it('a policy rule with a protocol but no port prints the nil port as <nil>', () => {
    const lines = describeOutput(
      `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: udp-only
spec:
  podSelector:
    matchExpressions:
    - {key: tier, operator: In, values: [db, cache]}
  ingress:
  - ports:
    - protocol: UDP
`,
      'kubectl describe networkpolicy udp-only',
    );
    expect(lines).toContain('  PodSelector:     tier in (cache,db)');
    expect(lines).toContain('    To Port: <nil>/UDP');
    expect(lines).toContain('    From: <any> (traffic not restricted by source)');
    expect(lines).toContain('  Not affecting egress traffic');
    expect(lines).toContain('  Policy Types: Ingress');
  });

  it('an unbound claim shows empty Capacity and Access Modes, and its requested class', () => {
    const lines = describeOutput(
      `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: fast
spec:
  storageClassName: no-such-class
  accessModes: [ReadWriteMany, ReadWriteOnce]
  resources:
    requests:
      storage: 5Gi
`,
      'kubectl describe pvc fast',
    );
    expect(lines).toContain('StorageClass:  no-such-class');
    expect(lines).toContain('Capacity:      ');
    expect(lines).toContain('Access Modes:  ');
    expect(lines).toContain('Used By:       <none>');
  });
});
