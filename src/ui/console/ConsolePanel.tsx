/**
 * A terminal running the engine's kubectl in the worker (the same code as the CLI). Output is printed
 * verbatim in a monospace font, so kubectl's tab-aligned columns line up. Lines may omit `kubectl`.
 * Commands that wait (`get -w`, `rollout status`, `wait`, `delete`) stream their output while the
 * simulation runs; the prompt is busy until they end, and Ctrl+C (or Ctrl+L, or closing the panel)
 * stops them, echoing `^C` as a terminal does.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkbenchStore } from '../../store/workbenchStore';
import { simClient, type KubectlStreamMessage } from '../../client/simClient';
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
      const names = await simClient.request({
        type: 'names',
        resource: request.resource,
        ...(request.namespace ? { namespace: request.namespace } : {}),
        allNamespaces: request.allNamespaces,
      });
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
  /** The worker's id of the command streaming now, if any. */
  const stream = useRef<number | undefined>(undefined);
  const [streaming, setStreaming] = useState(false);
  /** Inside a container (`kubectl exec -it POD -- sh`): the shell's prompt; lines typed go to it. */
  const shell = useRef<string | undefined>(undefined);
  const [shellPrompt, setShellPrompt] = useState<string | undefined>(undefined);
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
  const endStream = () => {
    stream.current = undefined;
    shell.current = undefined;
    setShellPrompt(undefined);
    setStreaming(false);
    setBusy(false);
  };

  /** Ctrl+C: the worker stops the command; the screen shows `^C` where the output stopped. */
  const interrupt = () => {
    const id = stream.current;
    if (id === undefined) return;
    useWorkbenchStore.getState().printStream(id, 'stdout', '^C');
    endStream();
    void simClient.request({ type: 'kubectlCancel', stream: id }).catch(() => undefined);
  };

  useEffect(
    () =>
      simClient.onKubectlStream((msg: KubectlStreamMessage) => {
        const id = stream.current;
        if (id === undefined || (msg.stream !== id && msg.stream !== 0)) return;
        const store = useWorkbenchStore.getState();
        if (msg.stdout) store.printStream(id, 'stdout', msg.stdout.replace(/\n$/, ''));
        if (msg.stderr) store.printStream(id, 'stderr', msg.stderr.replace(/\n$/, ''));
        if (msg.done) endStream();
      }),
    [],
  );
  useEffect(() => {
    if (active) input.current?.focus();
    // Closing the panel stops what streams in it, as closing a terminal would.
    else interrupt();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => () => interrupt(), []);

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
    let streamed = false;
    try {
      if (companion) {
        const out = await runCompanion(companion, simClient.request);
        if (out.stdout) store.print('stdout', out.stdout);
        if (out.stderr) store.print('stderr', out.stderr);
        return;
      }
      // kubectl with no command prints its own help: the commands the playground supports.
      const kubectlLine = help ? '' : command;
      const reply = await simClient.request({ type: 'kubectl', line: kubectlLine, files: editorFiles(), stream: true });
      const out = (kind: 'stdout' | 'stderr', text: string) => {
        if (reply.stream !== undefined) store.printStream(reply.stream, kind, text);
        else store.print(kind, text);
      };
      if (reply.stdout) out('stdout', reply.stdout.replace(/\n$/, ''));
      if (reply.stderr) out('stderr', reply.stderr.replace(/\n$/, ''));
      if (reply.stream !== undefined) {
        stream.current = reply.stream;
        setStreaming(true);
        streamed = true;
        if (reply.prompt !== undefined) {
          shell.current = reply.prompt;
          setShellPrompt(reply.prompt);
        }
      }
    } catch (err) {
      store.print('stderr', err instanceof Error ? err.message : String(err));
    } finally {
      if (!streamed) setBusy(false);
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

  /** A line typed at the container's shell: the terminal echoes it after the prompt, the shell runs it. */
  const sendToShell = (text: string) => {
    const id = stream.current;
    if (id === undefined) return;
    useWorkbenchStore.getState().printStream(id, 'stdout', `${shell.current ?? ''}${text}`);
    void simClient.request({ type: 'kubectlInput', stream: id, line: text }).catch(() => undefined);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' && shell.current !== undefined) {
      e.preventDefault();
      const text = line;
      setLine('');
      sendToShell(text);
      return;
    }
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
      if (shell.current === undefined) void tab();
    } else if (e.key === 'l' && e.ctrlKey) {
      e.preventDefault();
      interrupt();
      useWorkbenchStore.getState().clearOutput();
    } else if (e.key === 'c' && e.ctrlKey && !e.metaKey) {
      const el = e.currentTarget;
      // With text selected in the line, Ctrl+C copies it as usual.
      if (stream.current === undefined && el.selectionStart !== el.selectionEnd) return;
      e.preventDefault();
      if (stream.current !== undefined) return interrupt();
      // At an idle prompt a terminal echoes the abandoned line with ^C and gives a fresh prompt.
      if (busy) return;
      useWorkbenchStore.getState().print('input', `${line}^C`);
      setLine('');
      setCursor(undefined);
    }
  };

  return (
    <section className="console" aria-label={t('console.label')} aria-busy={busy} data-streaming={streaming ? 'true' : undefined} onClick={() => window.getSelection()?.isCollapsed && input.current?.focus()}>
      <div className="console-screen" ref={screen} role="log" aria-live="polite" data-testid="console-output">
        {output.map((entry) => (
          <pre key={entry.id} className={`console-line is-${entry.kind}`}>
            {entry.kind === 'input' ? <span className="console-prompt">$ </span> : null}
            {entry.text}
          </pre>
        ))}
      </div>
      <div className="console-input-row">
        <span className={`console-prompt${streaming && shellPrompt === undefined ? ' is-busy' : ''}`} aria-hidden="true">
          {shellPrompt !== undefined ? shellPrompt.trimEnd() || '>' : streaming ? '⋯' : '$'}
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
          aria-label={shellPrompt !== undefined ? t('shell.input') : t('console.input')}
          placeholder={shellPrompt !== undefined ? t('shell.placeholder') : streaming ? t('console.streaming') : t('console.placeholder')}
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
        />
      </div>
    </section>
  );
}
