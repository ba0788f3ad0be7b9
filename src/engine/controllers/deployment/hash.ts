/**
 * The pod-template-hash (controller.ComputeHash): FNV-32a over the pod template, then over the
 * deployment's collisionCount as 8 little-endian bytes when it is set; the 32-bit result is printed in
 * decimal and each digit mapped through the safe-encoding alphabet (rand.SafeEncodeString: the byte
 * modulo the alphabet's length). That is why real hashes such as `7d4b9c8f5` use only the characters
 * 4-9, b, c, d and f.
 *
 * Kubernetes hashes the Go struct as printed by spew; the playground hashes the template's canonical
 * JSON (keys sorted). The hash is therefore deterministic and stable per template, but not byte-equal
 * to a real cluster's for the same template.
 */
import type { PodTemplateSpec } from 'kubernetes-types/core/v1';
import { NAME_SUFFIX_ALPHABET } from '../../clock/random';

const FNV32_OFFSET = 0x811c9dc5;
const FNV32_PRIME = 0x01000193;

function fnv32a(bytes: Uint8Array, seed: number = FNV32_OFFSET): number {
  let hash = seed;
  for (const b of bytes) {
    hash ^= b;
    hash = Math.imul(hash, FNV32_PRIME) >>> 0;
  }
  return hash >>> 0;
}

/** JSON with object keys sorted and undefined fields dropped, so equal templates print equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** rand.SafeEncodeString: each character's code modulo the alphabet length picks a safe character. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += NAME_SUFFIX_ALPHABET[s.charCodeAt(i) % NAME_SUFFIX_ALPHABET.length];
  return out;
}

const encoder = new TextEncoder();

export function computeHash(template: PodTemplateSpec | undefined, collisionCount?: number): string {
  let hash = fnv32a(encoder.encode(canonicalJson(template ?? {})));
  if (collisionCount !== undefined && collisionCount !== null) {
    const bytes = new Uint8Array(8);
    new DataView(bytes.buffer).setUint32(0, collisionCount >>> 0, true);
    hash = fnv32a(bytes, hash);
  }
  return safeEncodeString(String(hash));
}
