/**
 * A terminal running the engine's kubectl in the worker (the same code as the CLI). Output is printed
 * verbatim in a monospace font, so kubectl's tab-aligned columns line up. Lines may omit `kubectl`.
 * Commands that wait (`get -w`, `rollout status`, `wait`, `delete`) stream their output while the
 * simulation runs; the prompt is busy until they end, and Ctrl+C (or Ctrl+L, or closing the panel)
 * stops them, echoing `^C` as a terminal does.
 */
import { useEffect, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useWorkbenchStore } from '../../store/workbenchStore';
import { simClient } from '../../client/simClient';
import { runCompanion } from './companion';
import { ConsoleSession, type ConsoleBackend, type ConsoleScreen, type ConsoleTexts } from './consoleSession';
import { FAULT_NAMES } from '../../engine/faults';

const workbenchScreen: ConsoleScreen = {
  print: (kind, text) => useWorkbenchStore.getState().print(kind, text),
  printStream: (stream, kind, text) => useWorkbenchStore.getState().printStream(stream, kind, text),
  clearOutput: () => useWorkbenchStore.getState().clearOutput(),
  isEmpty: () => useWorkbenchStore.getState().output.length === 0,
  pushHistory: (command) => useWorkbenchStore.getState().pushHistory(command),
  history: () => useWorkbenchStore.getState().history,
  files: () => useWorkbenchStore.getState().files,
};

const workerBackend: ConsoleBackend = {
  kubectl: (line, files) => simClient.request({ type: 'kubectl', line, files, stream: true }),
  cancel: (stream) => simClient.request({ type: 'kubectlCancel', stream }),
  input: (stream, line) => simClient.request({ type: 'kubectlInput', stream, line }),
  names: (request) => simClient.request({ type: 'names', ...request }),
  companion: (command) => runCompanion(command, simClient.request),
  onStream: (listener) => simClient.onKubectlStream(listener),
};

function consoleTexts(t: TFunction): ConsoleTexts {
  return {
    welcome: () => t('console.welcome'),
    help: () => [
      t('console.welcome'),
      t('chaos.console.help', { names: FAULT_NAMES.join(', ') }),
      t('console.files', { names: useWorkbenchStore.getState().files.map((f) => f.name).join(', ') || t('console.noFiles') }),
    ],
  };
}

export function ConsolePanel({ active }: { active: boolean }) {
  const { t } = useTranslation();
  const output = useWorkbenchStore((s) => s.output);
  const [session] = useState(() => new ConsoleSession(workbenchScreen, workerBackend, consoleTexts(t)));
  const { line, busy, streaming, shellPrompt } = useSyncExternalStore(session.subscribe, session.getSnapshot);
  const input = useRef<HTMLInputElement>(null);
  const screen = useRef<HTMLDivElement>(null);

  useEffect(() => {
    session.texts = consoleTexts(t);
    session.greet();
  }, [session, t]);
  useEffect(() => {
    screen.current?.scrollTo({ top: screen.current.scrollHeight });
  }, [output]);
  useEffect(() => session.connect(), [session]);
  useEffect(() => {
    if (active) input.current?.focus();
    // Closing the panel stops what streams in it, as closing a terminal would.
    else session.interrupt();
  }, [active, session]);
  useEffect(() => () => session.interrupt(), [session]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void session.submit().then(() => input.current?.focus());
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      session.walkHistory(-1);
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      session.walkHistory(1);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      void session.completeLine();
    } else if (e.key === 'l' && e.ctrlKey) {
      e.preventDefault();
      session.clearScreen();
    } else if (e.key === 'c' && e.ctrlKey && !e.metaKey) {
      const el = e.currentTarget;
      // With text selected in the line, Ctrl+C copies it as usual.
      if (!session.streamingNow && el.selectionStart !== el.selectionEnd) return;
      e.preventDefault();
      session.interruptOrCancelLine();
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
          onChange={(e) => session.type(e.target.value)}
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
