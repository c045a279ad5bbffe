import { CliError } from './CliError.js';
import type { CliIo, Command } from './Command.js';
import { applyCommand } from './commands/apply.js';
import { checkCommand } from './commands/check.js';
import { diffCommand } from './commands/diff.js';
import { explainCommand } from './commands/explain.js';
import { ownersCommand } from './commands/owners.js';
import { patchCommand } from './commands/patch.js';
import { packageVersion } from './packageVersion.js';

/**
 * The `kubepatch` command line: `diff`, `patch`, `apply`, `check`, `explain` and `owners` on JSON
 * or YAML manifests. Every failure is one line on standard error and exit status 2 (see docs/cli.md).
 */
const COMMANDS: readonly Command[] = [diffCommand, patchCommand, applyCommand, checkCommand, explainCommand, ownersCommand];

const HELP = `Usage: kubepatch COMMAND [options] ARGS

Kubernetes patch and diff semantics on JSON or YAML manifests (files, directories,
or - for standard input; several documents per file; objects matched by apiVersion,
kind, namespace and name, or generateName).

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(8)} ${c.summary}`).join('\n')}

Every command takes --no-color and -h/--help; those that print data take
-o/--output. Run \`kubepatch COMMAND --help\` for the options and an example of each.

Options:
      --version  prints the version of kubepatch
  -h, --help     this help

Example:
  kubepatch explain examples/rollouts/rollout.v1.yaml examples/rollouts/rollout.v2-selector.yaml
`;

/**
 * Runs the command line `args` (without `node` and the script) and resolves with the exit status.
 * Never rejects for a bad input: the error is one line on `io.err` and the status is 2.
 *
 * @example
 * ```ts
 * const code = await runCli(['check', 'old.yaml', 'new.yaml'], io); // 0, 1 or 2
 * ```
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (name === '--version') return io.out(`${packageVersion(import.meta.url)}\n`), 0;
    if (command === undefined) throw new CliError(`unknown command ${JSON.stringify(name)} (one of ${COMMANDS.map((c) => c.name).join(', ')}; see \`kubepatch --help\`)`);
    return await command.run(rest, io);
  } catch (error) {
    const message = error instanceof CliError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
    io.err(`kubepatch${command === undefined ? '' : ` ${command.name}`}: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    return error instanceof CliError ? error.exitCode : 2;
  }
}
