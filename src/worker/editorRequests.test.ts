/** The requests the manifest editor and the console make of the worker: apply modes, delete -f, names, edit. */
import { beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import type { ApplyResult } from '../engine/kubectl/apply';
import type { FromWorker, KubectlReply, ToWorker } from './protocol';
import { SimulationHost } from './simulationHost';
import { preloadDeferredModules } from './deferredModules';

// kubectl and the concept scenarios load lazily in the worker; here, up front, so the host answers at once.
beforeAll(preloadDeferredModules);

function started() {
  const sent: FromWorker[] = [];
  const host = new SimulationHost({ post: (m) => sent.push(m), realNow: () => 0 });
  let id = 0;
  const send = (msg: Record<string, unknown> & { type: ToWorker['type'] }): unknown => {
    const reqId = ++id;
    host.handle({ ...msg, id: reqId } as ToWorker);
    const reply = sent.find((m) => m.type === 'reply' && m.id === reqId);
    if (!reply || reply.type !== 'reply') throw new Error('no reply');
    if (!reply.ok) throw new Error(reply.error.message);
    return reply.result;
  };
  send({ type: 'init' });
  return { send };
}

const CONFIGMAP = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  color: blue\n';

describe('worker requests of the editor and console', () => {
  it('server dry-run validates and stores nothing (kubectl apply --dry-run=server)', () => {
    const { send } = started();
    const results = send({ type: 'apply', yaml: CONFIGMAP, dryRun: 'server', source: 'cm.yaml' }) as ApplyResult[];
    expect(results.map((r) => r.message)).toEqual(['configmap/settings created (server dry run)']);
    const names = send({ type: 'names', resource: 'cm' }) as string[];
    expect(names).not.toContain('settings');
  });

  it('delete -f deletes the objects the editor text names', () => {
    const { send } = started();
    send({ type: 'apply', yaml: CONFIGMAP });
    expect(send({ type: 'names', resource: 'configmaps' })).toContain('settings');
    const reply = send({ type: 'deleteManifests', yaml: CONFIGMAP, source: 'my settings.yaml' }) as KubectlReply;
    expect(reply.stdout).toContain('configmap "settings" deleted');
    expect(send({ type: 'names', resource: 'configmap' })).not.toContain('settings');
  });

  it('names lists a namespace (default unless told), or all namespaces', () => {
    const { send } = started();
    expect(send({ type: 'names', resource: 'deploy' })).toEqual(['web']);
    expect(send({ type: 'names', resource: 'svc', namespace: 'kube-system' })).toEqual(['kube-dns']);
    expect(send({ type: 'names', resource: 'svc', allNamespaces: true })).toEqual(['kube-dns', 'kubernetes', 'web']);
    expect(send({ type: 'names', resource: 'nodes' })).toContain('worker-1');
    expect(send({ type: 'names', resource: 'nosuchthing' })).toEqual([]);
  });

  it('editable leaves out status and server-owned metadata, and saving it replaces the object', () => {
    const { send } = started();
    const text = send({ type: 'editable', kind: 'Deployment', namespace: 'default', name: 'web' }) as string;
    const obj = YAML.parse(text) as { status?: unknown; metadata: Record<string, unknown>; spec: { replicas: number } };
    expect(obj.status).toBeUndefined();
    expect(obj.metadata.resourceVersion).toBeUndefined();
    expect(obj.metadata.uid).toBeUndefined();
    expect(obj.metadata.managedFields).toBeUndefined();
    expect(obj.metadata.name).toBe('web');
    expect(obj.spec.replicas).toBe(3);
    const edited = text.replace('replicas: 3', 'replicas: 4');
    const results = send({ type: 'apply', yaml: edited, mode: 'replace', source: 'web.yaml' }) as ApplyResult[];
    expect(results.map((r) => r.message)).toEqual(['deployment.apps/web replaced']);
    const after = YAML.parse(send({ type: 'editable', kind: 'Deployment', namespace: 'default', name: 'web' }) as string) as { spec: { replicas: number } };
    expect(after.spec.replicas).toBe(4);
  });

  it('editable of a missing object is a NotFound error', () => {
    const { send } = started();
    expect(() => send({ type: 'editable', kind: 'Pod', namespace: 'default', name: 'nope' })).toThrow(/not found/);
  });
});
