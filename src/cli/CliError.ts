import { isKubepatchError } from '../errors/isKubepatchError.js';
import { parseJsonPointer } from '../json/pointer.js';
import { shortPointer } from '../json/shortPointer.js';

/**
 * A failure of the command line itself: a bad argument, an unreadable file, a document that is not
 * a Kubernetes object, two objects that do not match. `main` prints its message on one line and
 * exits with {@link CliError.exitCode} (2 by default), never with a stack trace.
 *
 * @example
 * ```ts
 * throw new CliError('rollout.yaml: document 2: not an object');
 * ```
 */
export class CliError extends Error {
  override name = 'CliError';
  /** The process exit code: 2, "trouble", as diff(1) and `KUBECTL_EXTERNAL_DIFF` expect. */
  readonly exitCode: number;

  constructor(message: string, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** A usage error: the message is followed by a pointer to `--help`. */
export function usageError(command: string, message: string): CliError {
  return new CliError(`${message} (see \`kubepatch ${command} --help\`)`);
}

/**
 * Runs `fn`, turning a kubepatch error into a {@link CliError} that says where: `where` (the file,
 * document and object) and the JSON Pointer the error carries (shortened when long, and left out
 * when the message names it already). Other errors pass through.
 *
 * @example
 * ```ts
 * const patch = explainFailure('deployment.yaml (document 1) Deployment web', () => createPatchFor(live, desired));
 * ```
 */
export function explainFailure<T>(where: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (!isKubepatchError(error)) throw error;
    const message = error.message.split('\n')[0] ?? error.code;
    const shown = error.path === undefined || error.path === '' ? '' : readablePath(error.path);
    // A message that names the place already (shortened, when it is long) is not told it twice.
    const named = [' ', ':', ','].some((next) => message.includes(`${shown}${next}`)) || message.endsWith(shown);
    const at = shown === '' || named ? '' : ` at ${shown}`;
    throw new CliError(`${where}${at}: ${message}`);
  }
}

/** A JSON Pointer shortened as kubepatch's messages shorten it; another kind of path as it is. */
function readablePath(path: string): string {
  try {
    return shortPointer(parseJsonPointer(path));
  } catch {
    return path;
  }
}
