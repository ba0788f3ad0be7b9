/**
 * The student's workbench: manifest files open in the editor, the console's history and output, and
 * which panel shows. Files and history persist in localStorage, so a reload finds them again.
 */
import { create } from 'zustand';
import type { ObjectRef } from './uiStore';
import { useStorageNoticeStore, type StoredWork } from './storageNoticeStore';

export interface EditorFile {
  name: string;
  text: string;
  /** Set when the file was opened from the inspector (`kubectl edit`): saving replaces that object. */
  edits?: ObjectRef;
}

export type WorkbenchTab = 'editor' | 'console';

export interface ConsoleEntry {
  id: number;
  /** `input` is a command the student typed (shown after the prompt). */
  kind: 'input' | 'stdout' | 'stderr' | 'info';
  text: string;
  /** Output of a streaming command (`get -w`): later chunks of the same stream and kind join this entry. */
  stream?: number;
}

export interface WorkbenchState {
  open: boolean;
  tab: WorkbenchTab;
  files: EditorFile[];
  active: string;
  history: string[];
  output: ConsoleEntry[];
  show(tab: WorkbenchTab): void;
  close(): void;
  toggle(tab: WorkbenchTab): void;
  setText(name: string, text: string): void;
  /** Adds a file (its name made unique) and makes it active; returns the name it got. */
  addFile(name: string, text: string, edits?: ObjectRef): string;
  closeFile(name: string): void;
  setActive(name: string): void;
  replaceFiles(files: EditorFile[]): void;
  pushHistory(line: string): void;
  print(kind: ConsoleEntry['kind'], text: string): void;
  /** Output of a streaming command: appended to the last entry when that is the same stream's, else a new entry. */
  printStream(stream: number, kind: 'stdout' | 'stderr', text: string): void;
  clearOutput(): void;
}

export const FILES_KEY = 'kube-playground.editor-files';
export const HISTORY_KEY = 'kube-playground.console-history';
export const MAX_HISTORY = 200;
const MAX_OUTPUT_ENTRIES = 500;
/** A watch left running keeps this many of its latest lines, as a terminal's scrollback would. */
const MAX_STREAM_LINES = 2000;

export const WELCOME_FILE: EditorFile = {
  name: 'my-app.yaml',
  text: [
    '# Write a manifest here (or open one from Examples), then Apply with Ctrl+Enter.',
    '# Ctrl+Space suggests fields, Tab accepts a suggestion, hovering a field explains it.',
    '# 여기에 매니페스트를 작성하세요 (또는 예제에서 여세요). Ctrl+Enter로 적용합니다.',
    '# Ctrl+Space는 필드를 제안하고, Tab은 제안을 받아들이며, 필드 위에 마우스를 올리면 설명이 나옵니다.',
    '',
  ].join('\n'),
};

/** `web.yaml`, then `web-2.yaml`, `web-3.yaml` ... */
export function uniqueFileName(existing: readonly string[], wanted: string): string {
  const clean = wanted.trim().replace(/[\\/]/g, '-') || 'untitled.yaml';
  const name = /\.ya?ml$/i.test(clean) ? clean : `${clean}.yaml`;
  if (!existing.includes(name)) return name;
  const dot = name.lastIndexOf('.');
  const stem = name.slice(0, dot);
  const ext = name.slice(dot);
  for (let i = 2; ; i++) {
    const candidate = `${stem}-${i}${ext}`;
    if (!existing.includes(candidate)) return candidate;
  }
}

/** Where a saved value that could not be fully read is kept (`<key>.set-aside`), for a person or a later version. */
export const setAsideKey = (key: string): string => `${key}.set-aside`;

/** A stored value that is not JSON: validated like any other wrong shape (set aside as a whole). */
const UNREADABLE = Symbol('unreadable');

/** The stored value parsed: UNREADABLE when it is not JSON, undefined when there is none (or no storage). */
function readJson(key: string): { value: unknown; raw: string | null } {
  let raw: string | null;
  try {
    raw = localStorage.getItem(key);
  } catch {
    return { value: undefined, raw: null };
  }
  if (!raw) return { value: undefined, raw: null };
  try {
    return { value: JSON.parse(raw) as unknown, raw };
  } catch {
    return { value: UNREADABLE, raw };
  }
}

/** Keeps the raw stored value aside before the next save overwrites it with the good part. */
function keepAside(key: string, raw: string | null): void {
  if (raw === null) return;
  try {
    localStorage.setItem(setAsideKey(key), raw);
  } catch {
    // Storage full or unavailable: the notice still says what was left out.
  }
}

/** False when the browser refused (storage full, or unavailable: private mode, file://); the work then lives for this visit only. */
function writeJson(key: string, value: unknown): boolean {
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    return false;
  }
}

function isEditorFile(f: unknown): f is EditorFile {
  return !!f && typeof f === 'object' && typeof (f as EditorFile).name === 'string' && (f as EditorFile).name.trim() !== '' && typeof (f as EditorFile).text === 'string';
}

/**
 * Saved files, checked item by item: storage may hold anything (an older build's shape, a hand edit),
 * and a bad value must never keep the page from opening. Good files are kept, the rest set aside;
 * duplicate names keep their first file.
 */
export function validateSavedFiles(saved: unknown): { files: EditorFile[]; active: string; setAside: number; whole?: boolean } {
  const record = saved && typeof saved === 'object' && !Array.isArray(saved) ? (saved as { files?: unknown; active?: unknown }) : {};
  const list = Array.isArray(record.files) ? record.files : [];
  const files: EditorFile[] = [];
  for (const f of list) {
    if (!isEditorFile(f) || files.some((g) => g.name === f.name)) continue;
    files.push({ name: f.name, text: f.text, ...(isObjectRef(f.edits) ? { edits: f.edits } : {}) });
  }
  const whole = saved !== undefined && !Array.isArray(record.files);
  const setAside = saved === undefined ? 0 : whole ? 1 : list.length - files.length;
  if (files.length === 0) return { files: [WELCOME_FILE], active: WELCOME_FILE.name, setAside, ...(whole ? { whole } : {}) };
  const active = typeof record.active === 'string' && files.some((f) => f.name === record.active) ? record.active : files[0]!.name;
  return { files, active, setAside };
}

function isObjectRef(r: unknown): r is ObjectRef {
  return !!r && typeof r === 'object' && typeof (r as ObjectRef).kind === 'string' && typeof (r as ObjectRef).name === 'string';
}

export function validateSavedHistory(saved: unknown): { history: string[]; setAside: number; whole?: boolean } {
  if (saved === undefined) return { history: [], setAside: 0 };
  if (!Array.isArray(saved)) return { history: [], setAside: 1, whole: true };
  const history = saved.filter((l): l is string => typeof l === 'string').slice(-MAX_HISTORY);
  return { history, setAside: saved.length - history.length };
}

/** Files and history read back: what had the wrong shape is kept aside (`<key>.set-aside`) and reported; the page opens with the rest. */
function loadFiles(): { files: EditorFile[]; active: string } {
  const { value, raw } = readJson(FILES_KEY);
  const { files, active, setAside, whole } = validateSavedFiles(value);
  if (setAside > 0) {
    // Moved aside, not read again: the good part is written back at once, so the next visit opens cleanly.
    keepAside(FILES_KEY, raw);
    writeJson(FILES_KEY, { files, active });
    useStorageNoticeStore.getState().reportSetAside({ what: 'files', count: setAside, whole: whole ?? false });
  }
  return { files, active };
}

function loadHistory(): string[] {
  const { value, raw } = readJson(HISTORY_KEY);
  const { history, setAside, whole } = validateSavedHistory(value);
  if (setAside > 0) {
    keepAside(HISTORY_KEY, raw);
    writeJson(HISTORY_KEY, history);
    useStorageNoticeStore.getState().reportSetAside({ what: 'history', count: setAside, whole: whole ?? false });
  }
  return history;
}

let nextEntryId = 1;

export const useWorkbenchStore = create<WorkbenchState>()((set, get) => ({
  open: false,
  tab: 'editor',
  ...loadFiles(),
  history: loadHistory(),
  output: [],
  show: (tab) => set({ open: true, tab }),
  close: () => set({ open: false }),
  toggle: (tab) => set((s) => (s.open && s.tab === tab ? { open: false } : { open: true, tab })),
  setText: (name, text) => set((s) => ({ files: s.files.map((f) => (f.name === name ? { ...f, text } : f)) })),
  addFile: (wanted, text, edits) => {
    const name = uniqueFileName(
      get().files.map((f) => f.name),
      wanted,
    );
    set((s) => ({ files: [...s.files, { name, text, ...(edits ? { edits } : {}) }], active: name }));
    return name;
  },
  closeFile: (name) =>
    set((s) => {
      const files = s.files.filter((f) => f.name !== name);
      if (files.length === 0) return { files: [WELCOME_FILE], active: WELCOME_FILE.name };
      const i = s.files.findIndex((f) => f.name === name);
      const active = s.active === name ? files[Math.max(0, i - 1)]!.name : s.active;
      return { files, active };
    }),
  setActive: (active) => set({ active }),
  replaceFiles: (files) => set({ files: files.length > 0 ? files : [WELCOME_FILE], active: files[0]?.name ?? WELCOME_FILE.name }),
  pushHistory: (line) =>
    set((s) => {
      if (line.trim() === '' || s.history[s.history.length - 1] === line) return {};
      return { history: [...s.history, line].slice(-MAX_HISTORY) };
    }),
  print: (kind, text) => set((s) => ({ output: [...s.output, { id: nextEntryId++, kind, text }].slice(-MAX_OUTPUT_ENTRIES) })),
  printStream: (stream, kind, text) =>
    set((s) => {
      const last = s.output[s.output.length - 1];
      if (last && last.stream === stream && last.kind === kind) {
        const lines = `${last.text}\n${text}`.split('\n');
        const joined = { ...last, text: lines.slice(-MAX_STREAM_LINES).join('\n') };
        return { output: [...s.output.slice(0, -1), joined] };
      }
      return { output: [...s.output, { id: nextEntryId++, kind, text, stream }].slice(-MAX_OUTPUT_ENTRIES) };
    }),
  clearOutput: () => set({ output: [] }),
}));

/** Writes files and history to localStorage shortly after they change (typing does not write per key). */
export function persistWorkbench(delayMs = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = () => {
    timer = undefined;
    const s = useWorkbenchStore.getState();
    const report = (what: StoredWork, ok: boolean) => useStorageNoticeStore.getState().reportSave(what, ok);
    report('files', writeJson(FILES_KEY, { files: s.files, active: s.active }));
    report('history', writeJson(HISTORY_KEY, s.history));
  };
  const unsubscribe = useWorkbenchStore.subscribe((s, prev) => {
    if (s.files === prev.files && s.active === prev.active && s.history === prev.history) return;
    if (timer === undefined) timer = setTimeout(save, delayMs);
  });
  // Leaving the page within the delay must not lose the last keystrokes.
  const flush = () => {
    if (timer !== undefined) {
      clearTimeout(timer);
      save();
    }
  };
  window.addEventListener('pagehide', flush);
  return () => {
    unsubscribe();
    window.removeEventListener('pagehide', flush);
    flush();
  };
}
