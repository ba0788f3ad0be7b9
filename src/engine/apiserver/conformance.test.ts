/**
 * The conformance corpus (the repository's conformance/ folder): every manifest of the
 * Kubernetes documentation that uses a kind the playground serves, applied file by file to a fresh
 * control plane. Files must apply cleanly, except the four a real cluster refuses too (see the corpus'
 * README), which must fail with a real error rather than "not supported".
 */
import { describe, expect, it } from 'vitest';
import { applyManifests } from '../kubectl/apply';
import { corpusFiles, readCorpusFile } from '../testing/conformanceCorpus';
import { createTestControlPlane } from '../testing/bareControlPlane';

/** Namespaces the docs create before applying these files (README: "Create it first"). */
const NAMESPACES: [prefix: string, namespaces: string[]][] = [
  ['examples/pods/qos/', ['qos-example']],
  ['examples/pods/resource/', ['cpu-example', 'mem-example', 'pod-resources-example']],
  ['examples/access/simple-rolebinding-with-clusterrole.yaml', ['development']],
  ['examples/dra/driver-install/', ['dra-tutorial']],
];

/** What a real cluster answers for the four files it refuses. */
const REFUSED: Record<string, RegExp> = {
  'examples/application/job/job-tmpl.yaml': /The Job "process-item-\$ITEM" is invalid: \n\* metadata\.name: Invalid value/,
  'examples/secret/tls-auth-secret.yaml': /Error from server \(BadRequest\).*illegal base64 data at input byte/,
  'examples/policy/high-priority-pod.yaml': /Error from server \(Forbidden\).*no PriorityClass with name high was found/,
  'examples/pods/pod-projected-svc-token.yaml': /Error from server \(Forbidden\).*serviceaccount "build-robot" not found/,
  // Not in the README's list, but refused by a real cluster too: `spec.ipFamily` was removed in 1.20,
  // and kubectl's default `--validate=strict` makes the API server refuse unknown fields.
  'examples/service/networking/dual-stack-ipv6-svc.yaml': /Error from server \(BadRequest\).*strict decoding error: unknown field "spec\.ipFamily"/,
};

describe('conformance corpus: the Kubernetes docs examples apply as on a real cluster', () => {
  const files = corpusFiles();

  it('holds the 338 files of the corpus', () => {
    expect(files).toHaveLength(338);
  });

  it.each(files)('%s', (path) => {
    const { api, host } = createTestControlPlane();
    for (const [prefix, namespaces] of NAMESPACES) {
      if (!path.startsWith(prefix)) continue;
      for (const name of namespaces) api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    }
    const text = readCorpusFile(path);
    const results = applyManifests(host, text, { source: path.split('/').pop()! });
    expect(results.length).toBeGreaterThan(0);
    const refused = REFUSED[path];
    if (refused) {
      const errors = results.filter((r) => r.action === 'error');
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) expect(e.message).not.toMatch(/not supported/);
      expect(errors.map((e) => e.message).join('\n')).toMatch(refused);
    } else {
      expect(results.filter((r) => r.action === 'error').map((r) => r.message)).toEqual([]);
      expect(results.every((r) => r.action === 'created')).toBe(true);
    }
  });
});
