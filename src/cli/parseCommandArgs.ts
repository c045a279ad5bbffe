import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from './CliError.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * The parsed arguments of a command: its options and its positional arguments, or `help` when
 * `--help` or `-h` was given.
 */
export interface CommandArgs<O extends Options> {
  readonly values: ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>['values'];
  readonly positionals: readonly string[];
  readonly help: boolean;
}

/**
 * Parses a command's arguments with node's `util.parseArgs` (strict: an unknown option is an
 * error). Checks the number of positional arguments unless `--help` is given. Throws
 * {@link CliError} with a one-line message naming the command.
 *
 * @example
 * ```ts
 * const { values, positionals } = parseCommandArgs('diff', args, { output: { type: 'string' } }, ['OLD', 'NEW']);
 * ```
 */
export function parseCommandArgs<O extends Options>(command: string, args: readonly string[], options: O, operands: readonly string[]): CommandArgs<O> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(command, (error as Error).message.split('\n')[0] ?? 'invalid arguments');
  }
  const help = (parsed.values as Record<string, unknown>).help === true;
  if (!help && parsed.positionals.length !== operands.length) {
    const wanted = operands.join(' ');
    throw usageError(command, `expected ${operands.length} arguments (${wanted}), got ${parsed.positionals.length}`);
  }
  return { values: parsed.values as CommandArgs<O>['values'], positionals: parsed.positionals, help };
}

/** Checks that an option's value is one of `allowed`. */
export function oneOf<T extends string>(command: string, option: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw usageError(command, `--${option} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`);
}
