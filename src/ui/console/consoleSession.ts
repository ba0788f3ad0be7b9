/**
 * The console's session logic, apart from React: the line being typed, the history walk (↑/↓), running
 * a line (console words, the companion `fault`/`chaos` commands, kubectl in the worker), streaming
 * output of commands that wait, tab completion, the interactive shell of `kubectl exec -it`, and Ctrl+C
 * / Ctrl+L. ConsolePanel renders its snapshot; tests drive it in Node with a fake worker and screen.
 */
import type { CompanionCommand, CompanionOutput } from './companion';
import { parseCompanion } from './companion';
import { complete, completionSite, type CompletionRequest } from './completion';

export type ConsoleLineKind = 'input' | 'stdout' | 'stderr' | 'info';

/** The screen and history the session writes to (the workbench store in the app). */
export interface ConsoleScreen {
  print(kind: ConsoleLineKind, text: string): void;
  printStream(stream: number, kind: 'stdout' | 'stderr', text: string): void;
  clearOutput(): void;
  /** Whether nothing is on the screen. */
  isEmpty(): boolean;
  pushHistory(command: string): void;
  history(): readonly string[];
  /** The editor's files, by name (for `-f` and completion). */
  files(): ReadonlyArray<{ name: string; text: string }>;
}

export interface KubectlStreamChunk {
  stream: number;
  stdout?: string;
  stderr?: string;
  done?: boolean;
}

/** What the session asks of the worker (simClient in the app). */
export interface ConsoleBackend {
  kubectl(line: string, files: Record<string, string>): Promise<{ stdout?: string; stderr?: string; stream?: number; prompt?: string }>;
  cancel(stream: number): Promise<unknown>;
  input(stream: number, line: string): Promise<unknown>;
  names(request: { resource: string; namespace?: string; allNamespaces: boolean }): Promise<string[]>;
  companion(command: CompanionCommand): Promise<CompanionOutput>;
  onStream(listener: (chunk: KubectlStreamChunk) => void): () => void;
}

/** The texts the session prints itself (translated by the app). */
export interface ConsoleTexts {
  welcome(): string;
  help(): string[];
}

export interface ConsoleView {
  line: string;
  busy: boolean;
  /** A command streams its output now (the prompt shows it is busy; Ctrl+C stops it). */
  streaming: boolean;
  /** Inside a container (`kubectl exec -it POD -- sh`): the shell's prompt; lines typed go to it. */
  shellPrompt: string | undefined;
}

export class ConsoleSession {
  private view: ConsoleView = { line: '', busy: false, streaming: false, shellPrompt: undefined };
  private readonly listeners = new Set<() => void>();
  /** The worker's id of the command streaming now, if any. */
  private stream: number | undefined;
  /** Position while walking the history with ↑/↓ (history.length = the line being typed). */
  private cursor: number | undefined;
  private draft = '';

  constructor(
    private readonly screen: ConsoleScreen,
    private readonly backend: ConsoleBackend,
    public texts: ConsoleTexts,
  ) {}

  // ---------------------------------------------------------------- the view (useSyncExternalStore)

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ConsoleView => this.view;

  private update(change: Partial<ConsoleView>): void {
    this.view = { ...this.view, ...change };
    for (const l of this.listeners) l();
  }

  // ---------------------------------------------------------------- wiring

  /** Listens to the worker's streamed output; returns the unsubscribe. */
  connect(): () => void {
    return this.backend.onStream((msg) => {
      const id = this.stream;
      if (id === undefined || (msg.stream !== id && msg.stream !== 0)) return;
      if (msg.stdout) this.screen.printStream(id, 'stdout', msg.stdout.replace(/\n$/, ''));
      if (msg.stderr) this.screen.printStream(id, 'stderr', msg.stderr.replace(/\n$/, ''));
      if (msg.done) this.endStream();
    });
  }

  /** An empty screen greets the user. */
  greet(): void {
    // The screen may hold the output of an earlier session (the panel was closed and opened again).
    if (this.screen.isEmpty()) this.screen.print('info', this.texts.welcome());
  }

  // ---------------------------------------------------------------- typing

  /** The user typed: the line changes and the history walk starts over. */
  type(line: string): void {
    this.cursor = undefined;
    this.update({ line });
  }

  /** ↑ (-1) and ↓ (+1): walk the history; past the newest entry is the line being typed. */
  walkHistory(delta: -1 | 1): void {
    const history = this.screen.history();
    const at = this.cursor ?? history.length;
    const next = Math.min(history.length, Math.max(0, at + delta));
    if (next === at) return;
    if (this.cursor === undefined) this.draft = this.view.line;
    this.cursor = next;
    this.update({ line: next === history.length ? this.draft : history[next]! });
  }

  /** Tab: completes the word under the cursor, or lists the candidates. */
  async completeLine(): Promise<void> {
    if (this.view.shellPrompt !== undefined) return;
    const line = this.view.line;
    const site = completionSite(line);
    const options = await this.candidatesOf(site.request).catch(() => []);
    const result = complete(line, site, options);
    if (result.line !== undefined) this.update({ line: result.line });
    else if (result.candidates.length > 0) {
      this.screen.print('input', line);
      this.screen.print('stdout', result.candidates.join('  '));
    }
  }

  /** Enter: the line goes to the container's shell inside `exec -it`, else it runs (unless a command is running). */
  async submit(): Promise<void> {
    const text = this.view.line;
    if (this.view.shellPrompt !== undefined) {
      this.update({ line: '' });
      this.sendToShell(text);
      return;
    }
    if (this.view.busy) return;
    this.update({ line: '' });
    await this.run(text);
  }

  /** Ctrl+C: stops the streaming command; at an idle prompt, abandons the line as a terminal does. */
  interruptOrCancelLine(): void {
    if (this.stream !== undefined) return this.interrupt();
    if (this.view.busy) return;
    this.screen.print('input', `${this.view.line}^C`);
    this.cursor = undefined;
    this.update({ line: '' });
  }

  /** Whether Ctrl+C has anything to stop (else, with text selected, it copies). */
  get streamingNow(): boolean {
    return this.stream !== undefined;
  }

  /** Ctrl+L: stops what streams and clears the screen. */
  clearScreen(): void {
    this.interrupt();
    this.screen.clearOutput();
  }

  /** The worker stops the command; the screen shows `^C` where the output stopped. */
  interrupt(): void {
    const id = this.stream;
    if (id === undefined) return;
    this.screen.printStream(id, 'stdout', '^C');
    this.endStream();
    void this.backend.cancel(id).catch(() => undefined);
  }

  // ---------------------------------------------------------------- running

  private async run(text: string): Promise<void> {
    const { screen } = this;
    const command = text.trim();
    screen.print('input', text);
    screen.pushHistory(command);
    this.cursor = undefined;
    if (command === '') return;
    if (command === 'clear') return screen.clearOutput();
    const words = command.split(/\s+/);
    const companion = parseCompanion(words);
    if (words[0] === 'kubectl') words.shift();
    const help = words.length === 0 || words[0] === 'help';
    if (help) for (const line of this.texts.help()) screen.print('info', line);
    this.update({ busy: true });
    let streamed = false;
    try {
      if (companion) {
        const out = await this.backend.companion(companion);
        if (out.stdout) screen.print('stdout', out.stdout);
        if (out.stderr) screen.print('stderr', out.stderr);
        return;
      }
      // kubectl with no command prints its own help: the commands the playground supports.
      const files = Object.fromEntries(screen.files().map((f) => [f.name, f.text]));
      const reply = await this.backend.kubectl(help ? '' : command, files);
      const out = (kind: 'stdout' | 'stderr', text: string) => {
        if (reply.stream !== undefined) screen.printStream(reply.stream, kind, text);
        else screen.print(kind, text);
      };
      if (reply.stdout) out('stdout', reply.stdout.replace(/\n$/, ''));
      if (reply.stderr) out('stderr', reply.stderr.replace(/\n$/, ''));
      if (reply.stream !== undefined) {
        this.stream = reply.stream;
        streamed = true;
        this.update({ streaming: true, ...(reply.prompt !== undefined ? { shellPrompt: reply.prompt } : {}) });
      }
    } catch (err) {
      screen.print('stderr', err instanceof Error ? err.message : String(err));
    } finally {
      if (!streamed) this.update({ busy: false });
    }
  }

  /** A line typed at the container's shell: the terminal echoes it after the prompt, the shell runs it. */
  private sendToShell(text: string): void {
    const id = this.stream;
    if (id === undefined) return;
    this.screen.printStream(id, 'stdout', `${this.view.shellPrompt ?? ''}${text}`);
    void this.backend.input(id, text).catch(() => undefined);
  }

  private endStream(): void {
    this.stream = undefined;
    this.update({ shellPrompt: undefined, streaming: false, busy: false });
  }

  private async candidatesOf(request: CompletionRequest): Promise<string[]> {
    switch (request.kind) {
      case 'any':
        return (await Promise.all(request.requests.map((r) => this.candidatesOf(r)))).flat();
      case 'words':
        return [...request.words];
      case 'files':
        return this.screen.files().map((f) => f.name);
      case 'names': {
        const names = await this.backend.names({ resource: request.resource, ...(request.namespace ? { namespace: request.namespace } : {}), allNamespaces: request.allNamespaces });
        return names.map((n) => request.prefix + n);
      }
      case 'none':
        return [];
    }
  }
}
