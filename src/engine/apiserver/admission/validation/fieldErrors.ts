/**
 * field.ErrorList constructors (k8s.io/apimachinery/pkg/util/validation/field) and the Go notation
 * kubectl shows for values that are not plain strings or numbers (`map[string]string{"app":"x"}`).
 */
import type { FieldError } from '../../errors';

export function required(field: string, detail = ''): FieldError {
  return { field, type: 'Required', detail };
}

export function invalidValue(field: string, value: unknown, detail: string, valueText?: string): FieldError {
  return { field, type: 'Invalid', value, detail, ...(valueText !== undefined ? { valueText } : {}) };
}

export function notSupported(field: string, value: unknown, supported: readonly string[]): FieldError {
  const detail = supported.length > 0 ? `supported values: ${supported.map((s) => JSON.stringify(s)).join(', ')}` : '';
  return { field, type: 'NotSupported', value, detail };
}

export function duplicate(field: string, value: unknown): FieldError {
  return { field, type: 'Duplicate', value, detail: '' };
}

export function forbidden(field: string, detail: string): FieldError {
  return { field, type: 'Forbidden', detail };
}

export function notFoundField(field: string, value: unknown): FieldError {
  return { field, type: 'NotFound', value, detail: '' };
}

export function tooLong(field: string, max: number): FieldError {
  return { field, type: 'TooLong', detail: `may not be more than ${max} bytes` };
}

/** `map[string]string{"app":"x", "tier":"web"}`: Go's %#v of a label map (keys sorted, as Go prints maps). */
export function goStringMap(labels: Record<string, string> | undefined): string {
  if (!labels) return 'map[string]string(nil)';
  const body = Object.keys(labels)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(labels[k])}`)
    .join(', ');
  return `map[string]string{${body}}`;
}

/** `[]string{"10.0.0.1"}` */
export function goStringSlice(values: readonly string[]): string {
  return `[]string{${values.map((v) => JSON.stringify(v)).join(', ')}}`;
}

interface LabelSelectorLike {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** `v1.LabelSelector{MatchLabels:map[string]string{"app":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}` */
export function goLabelSelector(sel: LabelSelectorLike | undefined): string {
  if (!sel) return '(*v1.LabelSelector)(nil)';
  const exprs = sel.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${sel.matchExpressions
        .map((e) => `v1.LabelSelectorRequirement{Key:${JSON.stringify(e.key)}, Operator:${JSON.stringify(e.operator)}, Values:${e.values ? goStringSlice(e.values) : '[]string(nil)'}}`)
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${exprs}}`;
}

/** `intstr.IntOrString{Type:1, IntVal:0, StrVal:"0%"}` for percentages, the number itself for ints. */
export function goIntOrString(value: number | string): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value);
}
