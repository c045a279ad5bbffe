/**
 * Where a command writes: the standard streams, and whether colour is wanted. Tests pass
 * collectors; `main` passes the process's streams.
 */
export interface CliIo {
  /** Writes to standard output. */
  readonly out: (text: string) => void;
  /** Writes to standard error. */
  readonly err: (text: string) => void;
  /** Standard output is a terminal (colour by default). */
  readonly isTTY: boolean;
  /** The environment (`NO_COLOR`, `FORCE_COLOR`). */
  readonly env: NodeJS.ProcessEnv;
  /** Reads standard input whole (for `-`). */
  readonly readStdin: () => Promise<string>;
}

/**
 * One sub-command of `kubepatch`.
 *
 * @example
 * ```ts
 * const hello: Command = { name: 'hello', summary: 'says hello', help: '…', run: async (_, io) => (io.out('hi\n'), 0) };
 * ```
 */
export interface Command {
  /** The word after `kubepatch`. */
  readonly name: string;
  /** One line for `kubepatch --help`. */
  readonly summary: string;
  /** The full `--help` text, with an example. */
  readonly help: string;
  /** Runs the command on its arguments (after the name) and resolves with the exit code. */
  readonly run: (args: readonly string[], io: CliIo) => Promise<number>;
}
