/**
 * A terminal running the engine's kubectl in the worker (the same code as the CLI). Output is printed
 * verbatim in a monospace font, so kubectl's tab-aligned columns line up. Lines may omit `kubectl`.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkbenchStore } from '../../store/workbenchStore';
import { simClient } from '../../worker/simClient';
import type { KubectlReply } from '../../worker/protocol';
import { complete, completionSite, type CompletionRequest, type CompletionSite } from './completion';
import { parseCompanion, runCompanion } from './companion';
import { FAULT_NAMES } from '../../engine/faults';

async function candidatesFor(site: CompletionSite): Promise<string[]> {
  return candidatesOf(site.request);
}

async function candidatesOf(request: CompletionRequest): Promise<string[]> {
  switch (request.kind) {
    case 'any':
      return (await Promise.all(request.requests.map(candidatesOf))).flat();
    case 'words':
      return [...request.words];
    case 'files':
      return useWorkbenchStore.getState().files.map((f) => f.name);
    case 'names': {
      const names = (await simClient.request({
        type: 'names',
        resource: request.resource,
        ...(request.namespace ? { namespace: request.namespace } : {}),
        allNamespaces: request.allNamespaces,
      })) as string[];
      return names.map((n) => request.prefix + n);
    }
    case 'none':
      return [];
  }
}

function editorFiles(): Record<string, string> {
  return Object.fromEntries(useWorkbenchStore.getState().files.map((f) => [f.name, f.text]));
}

export function ConsolePanel({ active }: { active: boolean }) {
  const { t } = useTranslation();
  const output = useWorkbenchStore((s) => s.output);
  const [line, setLine] = useState('');
  const [busy, setBusy] = useState(false);
  /** Position while walking the history with ↑/↓ (history.length = the line being typed). */
  const [cursor, setCursor] = useState<number | undefined>(undefined);
  const draft = useRef('');
  const input = useRef<HTMLInputElement>(null);
  const screen = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (useWorkbenchStore.getState().output.length === 0) useWorkbenchStore.getState().print('info', t('console.welcome'));
  }, [t]);
  useEffect(() => {
    screen.current?.scrollTo({ top: screen.current.scrollHeight });
  }, [output]);
  useEffect(() => {
    if (active) input.current?.focus();
  }, [active]);

  const run = async (text: string) => {
    const store = useWorkbenchStore.getState();
    const command = text.trim();
    store.print('input', text);
    store.pushHistory(command);
    setCursor(undefined);
    if (command === '') return;
    if (command === 'clear') return store.clearOutput();
    const words = command.split(/\s+/);
    const companion = parseCompanion(words);
    if (words[0] === 'kubectl') words.shift();
    const help = words.length === 0 || words[0] === 'help';
    if (help) {
      store.print('info', t('console.welcome'));
      store.print('info', t('chaos.console.help', { names: FAULT_NAMES.join(', ') }));
      const names = store.files.map((f) => f.name).join(', ') || t('console.noFiles');
      store.print('info', t('console.files', { names }));
    }
    setBusy(true);
    try {
      if (companion) {
        const out = await runCompanion(companion, (req) => simClient.request(req));
        if (out.stdout) store.print('stdout', out.stdout);
        if (out.stderr) store.print('stderr', out.stderr);
        return;
      }
      // kubectl with no command prints its own help: the commands the playground supports.
      const kubectlLine = help ? '' : command;
      const reply = (await simClient.request({ type: 'kubectl', line: kubectlLine, files: editorFiles() })) as KubectlReply;
      if (reply.stdout) store.print('stdout', reply.stdout.replace(/\n$/, ''));
      if (reply.stderr) store.print('stderr', reply.stderr.replace(/\n$/, ''));
    } catch (err) {
      store.print('stderr', err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  };

  const walkHistory = (delta: -1 | 1) => {
    const history = useWorkbenchStore.getState().history;
    const at = cursor ?? history.length;
    const next = Math.min(history.length, Math.max(0, at + delta));
    if (next === at) return;
    if (cursor === undefined) draft.current = line;
    setCursor(next);
    setLine(next === history.length ? draft.current : history[next]!);
  };

  const tab = async () => {
    const site = completionSite(line);
    const options = await candidatesFor(site).catch(() => []);
    const result = complete(line, site, options);
    if (result.line !== undefined) setLine(result.line);
    else if (result.candidates.length > 0) {
      const store = useWorkbenchStore.getState();
      store.print('input', line);
      store.print('stdout', result.candidates.join('  '));
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (busy) return;
      const text = line;
      setLine('');
      void run(text);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      walkHistory(-1);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      walkHistory(1);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      void tab();
    } else if (e.key === 'l' && e.ctrlKey) {
      e.preventDefault();
      useWorkbenchStore.getState().clearOutput();
    }
  };

  return (
    <section className="console" aria-label={t('console.label')} onClick={() => window.getSelection()?.isCollapsed && input.current?.focus()}>
      <div className="console-screen" ref={screen} role="log" aria-live="polite" data-testid="console-output">
        {output.map((entry) => (
          <pre key={entry.id} className={`console-line is-${entry.kind}`}>
            {entry.kind === 'input' ? <span className="console-prompt">$ </span> : null}
            {entry.text}
          </pre>
        ))}
      </div>
      <div className="console-input-row">
        <span className="console-prompt" aria-hidden="true">
          $
        </span>
        <input
          ref={input}
          className="console-input"
          value={line}
          onChange={(e) => {
            setLine(e.target.value);
            setCursor(undefined);
          }}
          onKeyDown={onKeyDown}
          aria-label={t('console.input')}
          placeholder={t('console.placeholder')}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
        />
      </div>
    </section>
  );
}
