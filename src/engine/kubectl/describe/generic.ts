/**
 * The describer kubectl falls back to for kinds without their own (describe.go genericDescriber):
 * Name, Namespace, Labels, Annotations, then every other field, keys sorted and turned into labels
 * (`apiVersion` → `API Version`), then Events.
 */
import type { ApiServer } from '../../apiserver/apiserver';
import type { Stored } from '../../objects';
import { annotationsMultiline, describeEvents, eventsFor, labelsMultiline } from './common';
import { PrefixWriter } from './prefixWriter';

const ACRONYMS = new Set(['API', 'URL', 'UID', 'GUID']);
const SKIP = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);

export function smartLabel(field: string): string {
  if (/[^A-Za-z-]/.test(field)) return field;
  const parts = field.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|-/g) ?? [field];
  const merged: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const next = parts[i + 1];
    if (part.length >= 2 && part === part.toUpperCase() && /[A-Z]/.test(part) && next && /^[A-Z]/.test(next)) {
      merged.push(part + next);
      i++;
      continue;
    }
    merged.push(part);
  }
  return merged
    .map((p) => (ACRONYMS.has(p.toUpperCase()) ? p.toUpperCase() : p === p.toLowerCase() ? p.charAt(0).toUpperCase() + p.slice(1) : p))
    .join(' ');
}

function printContent(w: PrefixWriter, level: number, content: Record<string, unknown>, prefix: string): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIP.has(path) || value === undefined) continue;
    if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (child && typeof child === 'object') printContent(w, level + 1, child as Record<string, unknown>, path);
        else w.write(level + 1, `${String(child)}\n`);
      }
    } else if (value && typeof value === 'object') {
      w.write(level, `${smartLabel(field)}:\n`);
      printContent(w, level + 1, value as Record<string, unknown>, path);
    } else {
      w.write(level, `${smartLabel(field)}:\t${value === null ? '<nil>' : String(value)}\n`);
    }
  }
}

export function describeGeneric(api: ApiServer, obj: Stored, nowMs: number): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  labelsMultiline(w, 'Labels', obj.metadata.labels);
  annotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  printContent(w, 0, obj as unknown as Record<string, unknown>, '');
  describeEvents(w, eventsFor(api, obj), nowMs);
  return w.toString();
}
