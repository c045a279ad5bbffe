import { expect } from 'vitest';
import type { CliIo } from '../../src/cli/Command.js';
import { runCli } from '../../src/cli/runCli.js';

/** What a run of the CLI gave: the exit status and everything written to each stream. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** What the process would give the CLI: standard input, the environment, whether stdout is a terminal. */
export interface CliInput {
  readonly stdin?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly isTTY?: boolean;
}

/**
 * Runs `kubepatch ARGS` in this process through `runCli`, with collectors for the streams (no
 * child process, no tsx start-up, so no test depends on how fast the machine starts one). Paths
 * are relative to the working directory, the repository root under vitest.
 */
export async function cli(args: readonly string[], input: CliInput = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    out: (text) => void (stdout += text),
    err: (text) => void (stderr += text),
    isTTY: input.isTTY ?? false,
    env: input.env ?? {},
    readStdin: async () => input.stdin ?? '',
  };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/** The run failed with exit 2 and one line on standard error matching `pattern`, no stack trace. */
export function expectOneLineError(result: CliResult, pattern: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\n\s+at /);
}
