/**
 * All editor files as one YAML file, and back. Each file starts with a `# kube-playground file: NAME`
 * comment and files are separated by `---`, so the bundle is itself a valid multi-document manifest
 * (`kubectl apply -f bundle.yaml` works on it).
 */
import type { EditorFile } from '../../store/workbenchStore';

const MARKER = '# kube-playground file: ';
const MARKER_LINE = /^# kube-playground file: (.+?)\s*$/;

export function exportBundle(files: readonly EditorFile[]): string {
  return files.map((f) => `${MARKER}${f.name}\n${f.text.endsWith('\n') || f.text === '' ? f.text : `${f.text}\n`}`).join('---\n');
}

/** Splits a bundle into its files; a plain manifest (no markers) becomes one file named `fallbackName`. */
export function importBundle(text: string, fallbackName: string): EditorFile[] {
  const lines = text.split('\n');
  const starts = lines.flatMap((l, i) => (MARKER_LINE.test(l) ? [i] : []));
  if (starts.length === 0) return [{ name: fallbackName, text }];
  return starts.map((start, k) => {
    const end = starts[k + 1] ?? lines.length;
    const body = lines.slice(start + 1, end);
    // The `---` that separates this file from the next belongs to the bundle, not to the file.
    const name = MARKER_LINE.exec(lines[start]!)![1]!;
    if (k + 1 < starts.length && body[body.length - 1] === '---') {
      body.pop();
      return { name, text: body.length > 0 ? `${body.join('\n')}\n` : '' };
    }
    return { name, text: body.join('\n') };
  });
}
