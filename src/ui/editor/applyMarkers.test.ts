import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine/cluster';
import { markersFromResults } from './applyMarkers';

function markersFor(text: string) {
  return markersFromResults(createCluster({ seed: 1 }).apply(text, { source: 'test.yaml' }));
}

describe('apply errors become editor markers at the right place', () => {
  it('an API validation error points at the invalid field (replicas must be non-negative)', () => {
    const text = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: ok',
      '---',
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata:',
      '  name: web',
      'spec:',
      '  replicas: -1',
      '  selector:',
      '    matchLabels: {app: web}',
      '  template:',
      '    metadata:',
      '      labels: {app: web}',
      '    spec:',
      '      containers:',
      '      - name: c',
      '        image: nginx',
    ].join('\n');
    const markers = markersFor(text);
    expect(markers).toHaveLength(1);
    expect(markers[0]).toMatchObject({ line: 11, severity: 'error' });
    expect(markers[0]!.message).toMatch(/spec\.replicas/);
  });

  it('a YAML syntax error is marked at its line', () => {
    const markers = markersFor('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [oops\n');
    expect(markers).toHaveLength(1);
    expect(markers[0]!.line).toBeGreaterThanOrEqual(4);
  });

  it('an unsupported kind is marked at its kind line and says so', () => {
    const markers = markersFor('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n');
    expect(markers).toHaveLength(1);
    expect(markers[0]).toMatchObject({ line: 7 });
    expect(markers[0]!.message).toMatch(/not supported in the playground/);
  });

  it('documents that applied cleanly give no marker', () => {
    expect(markersFor('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team-a\n')).toEqual([]);
  });
});
