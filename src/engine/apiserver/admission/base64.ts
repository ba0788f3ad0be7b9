/**
 * Go's encoding/base64 StdEncoding, as the API server decodes `[]byte` fields (Secret data): the error
 * names the offending input byte, e.g. `illegal base64 data at input byte 7`. Go skips `\r` and `\n`.
 */
const ALPHABET = /[A-Za-z0-9+/]/;

export function base64Problem(text: string): string | undefined {
  const chars: { ch: string; at: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '\r' && ch !== '\n') chars.push({ ch, at: i });
  }
  const fail = (at: number) => `illegal base64 data at input byte ${at}`;
  for (let q = 0; q < chars.length; q += 4) {
    const quantum = chars.slice(q, q + 4);
    for (let j = 0; j < quantum.length; j++) {
      const { ch, at } = quantum[j]!;
      if (ch === '=') {
        // Padding is only valid as the last one or two characters of the final quantum.
        if (j < 2) return fail(at);
        if (j === 2 && quantum[3]?.ch !== '=') return fail(quantum[3]?.at ?? text.length);
        if (q + 4 < chars.length) return fail(chars[q + 4]!.at);
        return undefined;
      }
      if (!ALPHABET.test(ch)) return fail(at);
    }
    if (quantum.length < 4) {
      // Missing padding: Go reports the start of the incomplete quantum (or the end for 1 character).
      return fail(quantum.length === 1 ? quantum[0]!.at : quantum[0]!.at);
    }
  }
  return undefined;
}

/** Decodes base64 (already validated) to a binary string. */
export function decodeBase64(text: string): string {
  return atob(text.replace(/[\r\n]/g, ''));
}

/** Encodes a UTF-8 string as base64, as the API server stores stringData. */
export function encodeBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}
