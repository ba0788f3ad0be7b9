/**
 * kubectl, the client: `runKubectl(host, 'get pods -o wide')` parses the line as a shell would,
 * dispatches to the command, and returns what a terminal would show. It never throws: API errors
 * print as `Error from server (Reason): ...`, a stopped API server as the connection-refused line,
 * anything unexpected as `error: ...`, each with exit code 1.
 */
import { ApiError, ConnectionRefusedError } from '../apiserver/errors';
import { StreamError } from '../podSubresources';
import type { KubectlHost, KubectlResult } from './host';
import type { KubectlSession } from './session';
import { parseArgs } from './args';
import { CommandContext } from './context';
import { KubectlError } from './errors';
import { tokenize } from './tokenize';
import { COMMANDS, HELP_TEXT, findCommand } from './commands/registry';

export type { KubectlHost, KubectlResult } from './host';
export type { KubectlSession, SessionOutput } from './session';
export { isReadOnlyKubectl, stripKubectl } from './readOnly';
export { editableManifest, editableObject } from './editable';
export { objectNames } from './names';
export { exportManifests } from './export';

/** What a command printed before it returned or started waiting; `session` when it goes on waiting. */
export interface StreamingResult extends KubectlResult {
  session?: KubectlSession;
}

/** Every command answers at once: `get -w` prints the list, `rollout status` one status, `delete` returns. */
export function runKubectl(host: KubectlHost, line: string): KubectlResult {
  const { session: _none, ...result } = run(host, line, false);
  return result;
}

/**
 * As runKubectl, but a command that waits (`get -w`, `rollout status`, `wait`, `delete` with its
 * default --wait) returns a session to poll as virtual time passes. Its exitCode is the command's once
 * it is done: 0 while a session is open.
 */
export function runKubectlStreaming(host: KubectlHost, line: string): StreamingResult {
  return run(host, line, true);
}

function run(host: KubectlHost, line: string, streaming: boolean): StreamingResult {
  let ctx: CommandContext | undefined;
  try {
    const words = tokenize(line.trim());
    if (words[0] === 'kubectl') words.shift();
    const parsed = parseArgs(words);
    const found = findCommand(parsed.positionals);
    if (!found) {
      const helpCtx = new CommandContext(host, parsed, []);
      if (parsed.positionals.length === 0) {
        helpCtx.write(HELP_TEXT);
        return { stdout: helpCtx.stdoutText, stderr: '', exitCode: 0 };
      }
      const word = parsed.positionals[0]!;
      return {
        stdout: '',
        stderr: `error: unknown command "${word}" for "kubectl"\n(the playground supports: ${COMMANDS.map((c) => c.path.join(' ')).filter((p, i, a) => a.indexOf(p) === i).join(', ')})\n`,
        exitCode: 1,
      };
    }
    ctx = new CommandContext(host, parsed, parsed.positionals.slice(found.path.length), streaming);
    if (ctx.flags.bool('help')) {
      ctx.write(found.help + '\n');
      return { stdout: ctx.stdoutText, stderr: '', exitCode: 0 };
    }
    const exitCode = found.run(ctx);
    return { stdout: ctx.stdoutText, stderr: ctx.stderrText, exitCode, ...(ctx.session ? { session: ctx.session } : {}) };
  } catch (e) {
    ctx?.session?.cancel();
    const { message, exitCode } = describeFailure(e);
    return { stdout: ctx?.stdoutText ?? '', stderr: (ctx?.stderrText ?? '') + message + '\n', exitCode };
  }
}

function describeFailure(e: unknown): { message: string; exitCode: number } {
  if (e instanceof KubectlError) return { message: e.message, exitCode: e.exitCode };
  if (e instanceof StreamError) return { message: e.message, exitCode: 1 };
  if (e instanceof ApiError) return { message: e.toKubectlMessage(), exitCode: 1 };
  if (e instanceof ConnectionRefusedError) return { message: e.message, exitCode: 1 };
  if (e instanceof Error) return { message: e.message.startsWith('error: ') ? e.message : `error: ${e.message}`, exitCode: 1 };
  return { message: `error: ${String(e)}`, exitCode: 1 };
}
