/**
 * A value from a request, as text for an error message. String() throws on objects without a usable
 * toString (`{ toString: 0 }`, null-prototype records): an error message must never throw itself.
 */
export function describeValue(value: unknown): string {
  try {
    return String(value);
  } catch {
    return Array.isArray(value) ? '[list]' : typeof value === 'object' ? '[object]' : typeof value;
  }
}
