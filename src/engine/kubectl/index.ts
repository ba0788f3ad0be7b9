/**
 * kubectl, the client: `runKubectl(host, 'get pods -o wide')` parses the line as a shell would,
 * dispatches to the command, and returns what a terminal would show. It never throws: API errors
 * print as `Error from server (Reason): ...`, a stopped API server as the connection-refused line,
 * anything unexpected as `error: ...`, each with exit code 1.
 */
import { ApiError, ConnectionRefusedError } from '../apiserver/errors';
import type { KubectlHost, KubectlResult } from './host';
import { parseArgs } from './args';
import { CommandContext } from './context';
import { KubectlError } from './errors';
import { tokenize } from './tokenize';
import { COMMANDS, HELP_TEXT, findCommand } from './commands/registry';

export type { KubectlHost, KubectlResult } from './host';

export function runKubectl(host: KubectlHost, line: string): KubectlResult {
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
    ctx = new CommandContext(host, parsed, parsed.positionals.slice(found.path.length));
    if (ctx.flags.bool('help')) {
      ctx.write(found.help + '\n');
      return { stdout: ctx.stdoutText, stderr: '', exitCode: 0 };
    }
    const exitCode = found.run(ctx);
    return { stdout: ctx.stdoutText, stderr: ctx.stderrText, exitCode };
  } catch (e) {
    const { message, exitCode } = describeFailure(e);
    return { stdout: ctx?.stdoutText ?? '', stderr: (ctx?.stderrText ?? '') + message + '\n', exitCode };
  }
}

function describeFailure(e: unknown): { message: string; exitCode: number } {
  if (e instanceof KubectlError) return { message: e.message, exitCode: e.exitCode };
  if (e instanceof ApiError) return { message: e.toKubectlMessage(), exitCode: 1 };
  if (e instanceof ConnectionRefusedError) return { message: e.message, exitCode: 1 };
  if (e instanceof Error) return { message: e.message.startsWith('error: ') ? e.message : `error: ${e.message}`, exitCode: 1 };
  return { message: `error: ${String(e)}`, exitCode: 1 };
}
