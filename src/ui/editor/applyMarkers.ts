/**
 * Where the API server's answers go in the editor: each failed document of an apply becomes a marker
 * at the line and column the engine located (the field that failed, or the document's first line).
 */
import type { ApplyResult } from '../../engine/kubectl/apply';

export interface ApiMarker {
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
}

export function markersFromResults(results: readonly ApplyResult[]): ApiMarker[] {
  const out: ApiMarker[] = [];
  for (const r of results) {
    if (r.action === 'error') {
      out.push({ line: Math.max(1, r.error?.line ?? 1), column: Math.max(1, r.error?.column ?? 1), message: r.error?.message ?? r.message, severity: 'error' });
    } else if (r.warning && r.error?.line) {
      out.push({ line: r.error.line, column: r.error.column ?? 1, message: r.warning, severity: 'warning' });
    }
  }
  return out;
}
