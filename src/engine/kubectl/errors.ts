/**
 * A failure kubectl reports on stderr: the message is printed as is (it already carries kubectl's
 * prefix, `error: ...` or `Error from server (NotFound): ...`) and the command exits with `exitCode`.
 */
export class KubectlError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'KubectlError';
  }
}
