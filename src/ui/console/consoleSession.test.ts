import { describe, expect, it } from 'vitest';
import { ConsoleSession, type ConsoleBackend, type ConsoleLineKind, type ConsoleScreen, type KubectlStreamChunk } from './consoleSession';

/** A screen that records what is printed, and a worker whose kubectl replies are scripted. */
function harness(replies: Record<string, { stdout?: string; stderr?: string; stream?: number; prompt?: string }> = {}, names: string[] = []) {
  const lines: string[] = [];
  const history: string[] = [];
  const sent: string[] = [];
  let streamListener: ((chunk: KubectlStreamChunk) => void) | undefined;
  const screen: ConsoleScreen = {
    print: (kind: ConsoleLineKind, text: string) => lines.push(`${kind}: ${text}`),
    printStream: (stream, kind, text) => lines.push(`#${stream} ${kind}: ${text}`),
    clearOutput: () => lines.splice(0),
    isEmpty: () => lines.length === 0,
    pushHistory: (command) => history.push(command),
    history: () => history,
    files: () => [{ name: 'web.yaml', text: 'kind: Pod' }],
  };
  const backend: ConsoleBackend = {
    kubectl: async (line) => {
      sent.push(`kubectl ${line}`);
      return replies[line] ?? { stdout: `ran ${line}\n` };
    },
    cancel: async (stream) => sent.push(`cancel ${stream}`),
    input: async (stream, line) => sent.push(`input ${stream} ${line}`),
    names: async () => names,
    companion: async () => ({ stdout: 'fault injected' }),
    onStream: (listener) => {
      streamListener = listener;
      return () => (streamListener = undefined);
    },
  };
  const session = new ConsoleSession(screen, backend, { welcome: () => 'welcome', help: () => ['help text'] });
  session.connect();
  const push = (chunk: KubectlStreamChunk) => streamListener?.(chunk);
  const typeAndRun = async (line: string) => {
    session.type(line);
    await session.submit();
  };
  return { session, lines, history, sent, push, typeAndRun };
}

describe('ConsoleSession (the console without React)', () => {
  it('greets an empty screen once', () => {
    const { session, lines } = harness();
    session.greet();
    session.greet();
    expect(lines).toEqual(['info: welcome']);
  });

  it('runs a line through kubectl (the `kubectl` word optional) and prints its output', async () => {
    const { lines, sent, history, typeAndRun, session } = harness();
    await typeAndRun('get pods');
    expect(sent).toEqual(['kubectl get pods']);
    expect(lines).toEqual(['input: get pods', 'stdout: ran get pods']);
    expect(history).toEqual(['get pods']);
    expect(session.getSnapshot()).toMatchObject({ line: '', busy: false, streaming: false });
  });

  it('walks the history with ↑/↓ and gives back the line being typed past the newest entry', async () => {
    const { session, typeAndRun } = harness();
    await typeAndRun('get pods');
    await typeAndRun('get nodes');
    session.type('desc');
    session.walkHistory(-1);
    expect(session.getSnapshot().line).toBe('get nodes');
    session.walkHistory(-1);
    session.walkHistory(-1);
    expect(session.getSnapshot().line).toBe('get pods');
    session.walkHistory(1);
    session.walkHistory(1);
    expect(session.getSnapshot().line).toBe('desc');
  });

  it('streams a waiting command until the worker says done; Ctrl+C stops one early with ^C', async () => {
    const { session, lines, sent, push, typeAndRun } = harness({ 'get pods -w': { stdout: 'NAME\n', stream: 7 } });
    await typeAndRun('get pods -w');
    expect(session.getSnapshot()).toMatchObject({ busy: true, streaming: true });
    push({ stream: 7, stdout: 'web-1\n' });
    push({ stream: 8, stdout: 'not mine\n' });
    expect(lines).toEqual(['input: get pods -w', '#7 stdout: NAME', '#7 stdout: web-1']);
    session.type('get nodes');
    await session.submit();
    expect(sent).toEqual(['kubectl get pods -w']);
    session.interruptOrCancelLine();
    expect(lines.at(-1)).toBe('#7 stdout: ^C');
    expect(sent).toContain('cancel 7');
    expect(session.getSnapshot()).toMatchObject({ busy: false, streaming: false });
  });

  it('Ctrl+C at an idle prompt abandons the line as a terminal does', () => {
    const { session, lines } = harness();
    session.type('get po');
    session.interruptOrCancelLine();
    expect(lines).toEqual(['input: get po^C']);
    expect(session.getSnapshot().line).toBe('');
  });

  it('tab completes a single candidate and lists several', async () => {
    const one = harness({}, ['web-1']);
    one.session.type('logs we');
    await one.session.completeLine();
    expect(one.session.getSnapshot().line).toBe('logs web-1 ');
    const many = harness({}, ['web-1', 'web-2']);
    many.session.type('logs web-');
    await many.session.completeLine();
    expect(many.lines).toEqual(['input: logs web-', 'stdout: web-1  web-2']);
  });

  it('exec -it opens the container shell: lines go to it, echoed after its prompt, until it ends', async () => {
    const { session, lines, sent, push, typeAndRun } = harness({ 'exec -it web -- sh': { stream: 3, prompt: '/ # ' } });
    await typeAndRun('exec -it web -- sh');
    expect(session.getSnapshot().shellPrompt).toBe('/ # ');
    await typeAndRun('ls');
    expect(sent).toEqual(['kubectl exec -it web -- sh', 'input 3 ls']);
    expect(lines.at(-1)).toBe('#3 stdout: / # ls');
    session.type('get p');
    await session.completeLine();
    expect(session.getSnapshot().line).toBe('get p');
    push({ stream: 3, done: true });
    expect(session.getSnapshot()).toMatchObject({ shellPrompt: undefined, streaming: false, busy: false });
  });

  it('help prints the console help before kubectl’s own; clear empties the screen', async () => {
    const { lines, sent, typeAndRun } = harness();
    await typeAndRun('help');
    expect(lines.slice(0, 2)).toEqual(['input: help', 'info: help text']);
    expect(sent).toEqual(['kubectl ']);
    await typeAndRun('clear');
    expect(lines).toEqual([]);
  });
});
