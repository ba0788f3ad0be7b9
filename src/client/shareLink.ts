/**
 * Share links: the cluster (its seed and recorded inputs), the editor's files, the open lesson or
 * concept scenario and the clock's speed, packed into the URL fragment `#/share/<data>`, so an
 * instructor can hand a class an exact starting point.
 *
 * `<data>` is `<version>.<base64url>`: the version of this format, then a CRC-32 of the JSON (4 bytes,
 * big-endian) followed by the JSON compressed with raw DEFLATE (fflate). The checksum is not a
 * signature (anyone may make a link): it tells a link damaged on its way (cut short, a character
 * changed) from one that is whole, so a damaged one is refused instead of opening something else.
 *
 * A link is untrusted input. Decoding never throws and never renders anything: it bounds the link's
 * length before decompressing and the JSON's size while decompressing (a small link cannot inflate into
 * a large one), refuses keys that could reach an object's prototype, then checks every field of the
 * schema below and the snapshot with the engine's own checkSnapshot. A refusal names its reason (the
 * page translates it) and, for a schema error, where it is.
 */
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import type { ClusterSnapshot } from '../engine/cluster';
import { DEFAULT_EPOCH_MS } from '../engine/clock/virtualClock';
import { isConceptId, type ConceptId } from '../engine/concepts/types';
import { checkSnapshot } from '../engine/snapshotFormat';
import { MAX_SPEED, MIN_SPEED } from '../worker/protocol';

/** The format this build writes and reads; a link with a larger number was made by a newer playground. */
export const SHARE_FORMAT_VERSION = 1;

/**
 * Limits, chosen so every link a student can make fits and a hostile one costs little:
 * - the link's data (after `#/share/`) at most 64,000 characters: about 48 KB compressed, which holds a
 *   long session (a snapshot of the starter cluster with a few files is under 2,000 characters) and stays
 *   well inside what browsers and chat tools carry in a URL;
 * - the JSON inside at most 1 MiB once decompressed (decompression stops there);
 * - at most 50 files, names up to 128 characters, and 5,000 recorded inputs;
 * - at most 3 days of virtual time to replay (about 8 s of replay on a slow machine: the default
 *   cluster replays a virtual day in about 2.7 s on a loaded 2-core machine);
 * - objects nested at most 64 levels deep.
 */
export const SHARE_LIMITS = {
  linkChars: 64_000,
  jsonBytes: 1 << 20,
  files: 50,
  fileNameChars: 128,
  inputs: 5_000,
  virtualMs: 3 * 24 * 3_600_000,
  depth: 64,
} as const;

export interface SharedFile {
  name: string;
  text: string;
}

/** What a link carries. */
export interface SharedState {
  snapshot: ClusterSnapshot;
  files: SharedFile[];
  /** The file open in the editor (one of `files`). */
  active?: string;
  /** The lesson open beside the canvas. */
  lesson?: string;
  /** The concept scenario page that was open. */
  scenario?: ConceptId;
  /** The clock's speed; a shared cluster opens paused, at the moment it was shared. */
  speed: number;
}

/**
 * Why a link was refused: `malformed` (not a share link's shape), `truncated` (it ends early, usually
 * cut when copied), `damaged` (a character changed: the checksum or the compressed data do not hold),
 * `too-large`, `too-new` (made by a newer playground), `invalid` (whole, but its content breaks the schema).
 */
export type ShareRefusal = 'malformed' | 'truncated' | 'damaged' | 'too-large' | 'too-new' | 'invalid';

export type ShareDecoded = { ok: true; shared: SharedState } | { ok: false; reason: ShareRefusal; detail: string };

export type ShareEncoded = { ok: true; data: string } | { ok: false; reason: 'too-large' | 'invalid'; detail: string };

const KEYS = new Set(['snapshot', 'files', 'active', 'lesson', 'scenario', 'speed']);
/** Keys that could reach or replace an object's prototype if a later step copied them carelessly. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const LESSON_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/**
 * Packs the state into a link's data (what follows `#/share/`), or says why it cannot: too large, or
 * something the opening side would refuse (the link is read back before it is handed out).
 */
export function encodeShareLink(shared: SharedState): ShareEncoded {
  const json = strToU8(JSON.stringify(toWire(shared)));
  if (json.length > SHARE_LIMITS.jsonBytes) return { ok: false, reason: 'too-large', detail: `${json.length} bytes of JSON, more than ${SHARE_LIMITS.jsonBytes}` };
  const packed = deflateSync(json, { level: 9 });
  const bytes = new Uint8Array(4 + packed.length);
  new DataView(bytes.buffer).setUint32(0, crc32(json));
  bytes.set(packed, 4);
  const data = `${SHARE_FORMAT_VERSION}.${toBase64Url(bytes)}`;
  if (data.length > SHARE_LIMITS.linkChars) return { ok: false, reason: 'too-large', detail: `${data.length} characters, more than ${SHARE_LIMITS.linkChars}` };
  const readBack = decodeShareLink(data);
  if (!readBack.ok) return { ok: false, reason: readBack.reason === 'too-large' ? 'too-large' : 'invalid', detail: readBack.detail };
  return { ok: true, data };
}

/** Reads a link's data. Never throws: anything but a whole, valid link of a known version is refused with a reason. */
export function decodeShareLink(data: string): ShareDecoded {
  try {
    return decode(data);
  } catch (err) {
    // Nothing above should throw; if something does, the link is still only refused.
    return refuse('malformed', err instanceof Error ? err.message : String(err));
  }
}

function decode(data: string): ShareDecoded {
  if (typeof data !== 'string' || data.length === 0) return refuse('malformed', 'the link has no data');
  if (data.length > SHARE_LIMITS.linkChars) return refuse('too-large', `${data.length} characters, more than ${SHARE_LIMITS.linkChars}`);
  const match = /^(\d{1,6})\.([A-Za-z0-9_-]*)$/.exec(data);
  if (!match) return refuse('malformed', 'the data is not <version>.<base64url>');
  const version = Number(match[1]);
  if (version > SHARE_FORMAT_VERSION) return refuse('too-new', `format ${version}; this playground reads ${SHARE_FORMAT_VERSION}`);
  if (version < 1) return refuse('malformed', `format ${version} does not exist`);
  const bytes = fromBase64Url(match[2]!);
  if (!bytes || bytes.length < 5) return refuse('truncated', 'the data ends before its content');
  const expected = new DataView(bytes.buffer, bytes.byteOffset).getUint32(0);
  const inflated = inflateBounded(bytes.subarray(4), SHARE_LIMITS.jsonBytes);
  if (!inflated.ok) return inflated;
  if (crc32(inflated.bytes) !== expected) return refuse('damaged', 'the checksum does not match the content');
  let value: unknown;
  try {
    value = JSON.parse(strFromU8(inflated.bytes));
  } catch {
    return refuse('malformed', 'the content is not JSON');
  }
  const shapeError = unsafeShape(value);
  if (shapeError) return refuse('invalid', shapeError);
  return checkShared(value);
}

/**
 * Decompresses at most `limit` bytes: input goes in 1 KiB at a time and decompression stops as soon as
 * the output passes the limit (one KiB of DEFLATE inflates to about a megabyte at most).
 */
function inflateBounded(packed: Uint8Array, limit: number): { ok: true; bytes: Uint8Array } | Extract<ShareDecoded, { ok: false }> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    chunks.push(chunk);
    size += chunk.length;
    if (final) ended = true;
  });
  const STEP = 1024;
  try {
    for (let at = 0; at < packed.length; at += STEP) {
      const last = at + STEP >= packed.length;
      inflater.push(packed.subarray(at, at + STEP), last);
      if (size > limit) return refuse('too-large', `more than ${limit} bytes once decompressed`);
      if (ended) break;
    }
  } catch (err) {
    // fflate's error code 0 is "unexpected EOF": the compressed data stops early.
    const code = (err as { code?: unknown }).code;
    return code === 0 ? refuse('truncated', 'the compressed data ends early') : refuse('damaged', 'the compressed data is not valid');
  }
  if (!ended) return refuse('truncated', 'the compressed data ends early');
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { ok: true, bytes };
}

/** Nesting beyond the limit, or a key that names a prototype, anywhere in the value (walked without recursion). */
function unsafeShape(root: unknown): string | undefined {
  const stack: { value: unknown; depth: number; path: string }[] = [{ value: root, depth: 0, path: '' }];
  while (stack.length > 0) {
    const { value, depth, path } = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > SHARE_LIMITS.depth) return `${path || 'the content'} is nested more than ${SHARE_LIMITS.depth} levels deep`;
    for (const key of Object.keys(value)) {
      if (PROTOTYPE_KEYS.has(key)) return `${path || 'the content'} has a field named ${key}`;
      stack.push({ value: (value as Record<string, unknown>)[key], depth: depth + 1, path: path ? `${path}.${key}` : key });
    }
  }
  return undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every field of the schema, in order; the first problem found is the answer. */
function checkShared(value: unknown): ShareDecoded {
  if (!isRecord(value)) return refuse('invalid', 'the content is not an object');
  for (const key of Object.keys(value)) if (!KEYS.has(key)) return refuse('invalid', `unexpected field ${JSON.stringify(key)}`);

  const snapshot = checkSnapshot(value.snapshot);
  if (!snapshot.ok) return refuse('invalid', `snapshot: ${snapshot.error}`);
  const inputs = snapshot.snapshot.inputs;
  if (inputs.length > SHARE_LIMITS.inputs) return refuse('too-large', `${inputs.length} recorded inputs, more than ${SHARE_LIMITS.inputs}`);
  let virtualMs = 0;
  for (const input of inputs) if (input.op === 'advance') virtualMs += input.ms;
  if (virtualMs > SHARE_LIMITS.virtualMs) return refuse('too-large', `${Math.round(virtualMs / 3_600_000)} hours of virtual time to replay, more than ${SHARE_LIMITS.virtualMs / 3_600_000}`);

  if (!Array.isArray(value.files)) return refuse('invalid', 'files is not a list');
  if (value.files.length > SHARE_LIMITS.files) return refuse('too-large', `${value.files.length} files, more than ${SHARE_LIMITS.files}`);
  const files: SharedFile[] = [];
  const names = new Set<string>();
  for (const [i, f] of value.files.entries()) {
    const where = `file ${i + 1}`;
    if (!isRecord(f)) return refuse('invalid', `${where} is not an object`);
    for (const key of Object.keys(f)) if (key !== 'name' && key !== 'text') return refuse('invalid', `${where} has an unexpected field ${JSON.stringify(key)}`);
    const nameError = fileNameError(f.name);
    if (nameError) return refuse('invalid', `${where}: ${nameError}`);
    const name = f.name as string;
    if (names.has(name)) return refuse('invalid', `${where}: the name ${JSON.stringify(name)} is used twice`);
    if (typeof f.text !== 'string') return refuse('invalid', `${where} (${name}) has no text`);
    names.add(name);
    files.push({ name, text: f.text });
  }

  const shared: SharedState = { snapshot: snapshot.snapshot, files, speed: 1 };
  if (value.active !== undefined) {
    if (typeof value.active !== 'string' || !names.has(value.active)) return refuse('invalid', 'active does not name one of the files');
    shared.active = value.active;
  }
  if (value.lesson !== undefined) {
    if (typeof value.lesson !== 'string' || !LESSON_ID.test(value.lesson)) return refuse('invalid', 'lesson is not a lesson id');
    shared.lesson = value.lesson;
  }
  if (value.scenario !== undefined) {
    if (typeof value.scenario !== 'string' || !isConceptId(value.scenario)) return refuse('invalid', 'scenario is not a concept scenario');
    shared.scenario = value.scenario;
  }
  if (typeof value.speed !== 'number' || !(value.speed >= MIN_SPEED && value.speed <= MAX_SPEED)) return refuse('invalid', `speed is not a number from ${MIN_SPEED} to ${MAX_SPEED}`);
  shared.speed = value.speed;
  return { ok: true, shared };
}

/** A file name the editor can hold: text, not blank, no path separators or control characters, not too long. */
export function fileNameError(name: unknown): string | undefined {
  if (typeof name !== 'string') return 'the name is not text';
  if (name.trim() === '') return 'the name is blank';
  if (name.length > SHARE_LIMITS.fileNameChars) return `the name is longer than ${SHARE_LIMITS.fileNameChars} characters`;
  if (/[\\/]/.test(name)) return 'the name contains a slash';
  if (CONTROL_CHARS.test(name)) return 'the name contains a control character';
  return undefined;
}

/** Only the schema's fields, in a fixed order (a file's `edits` link to a live object stays behind). */
function toWire(shared: SharedState): Record<string, unknown> {
  return {
    snapshot: shared.snapshot,
    files: shared.files.map((f) => ({ name: f.name, text: f.text })),
    ...(shared.active !== undefined ? { active: shared.active } : {}),
    ...(shared.lesson !== undefined ? { lesson: shared.lesson } : {}),
    ...(shared.scenario !== undefined ? { scenario: shared.scenario } : {}),
    speed: shared.speed,
  };
}

/** The virtual time (epoch ms) the snapshot's inputs reach: the clock starts at its epoch and only `advance` moves it. */
export function sharedVirtualNow(snapshot: ClusterSnapshot): number {
  let ms = 0;
  for (const input of snapshot.inputs) if (input.op === 'advance') ms += input.ms;
  return DEFAULT_EPOCH_MS + ms;
}

function refuse(reason: ShareRefusal, detail: string): Extract<ShareDecoded, { ok: false }> {
  return { ok: false, reason, detail };
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes, or undefined when the text cannot be base64url (its length leaves a lone character: cut short). */
function fromBase64Url(text: string): Uint8Array | undefined {
  if (text.length % 4 === 1) return undefined;
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

let crcTable: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3, as zip and PNG use it). */
export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = crcTable[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
