import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from './CliError.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The options every command takes: `-h`/`--help` and `--no-color`. */
const COMMON_OPTIONS = { help: { type: 'boolean', short: 'h' }, 'no-color': { type: 'boolean' } } as const satisfies Options;

/**
 * The parsed arguments of a command: its options and its positional arguments, `help` when
 * `--help` or `-h` was given, and `noColor` for `--no-color` (which every command accepts).
 */
export interface CommandArgs<O extends Options> {
  readonly values: ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>['values'];
  readonly positionals: readonly string[];
  readonly help: boolean;
  readonly noColor: boolean;
}

/**
 * Parses a command's arguments with node's `util.parseArgs` (strict: an unknown option is an
 * error that lists the command's options). Every command also takes `-h`/`--help` and
 * `--no-color`. Checks the number of positional arguments unless `--help` is given. Throws
 * {@link CliError} with a one-line message naming the command.
 *
 * @example
 * ```ts
 * const { values, positionals } = parseCommandArgs('diff', args, { output: { type: 'string' } }, ['OLD', 'NEW']);
 * ```
 */
export function parseCommandArgs<O extends Options>(command: string, args: readonly string[], options: O, operands: readonly string[]): CommandArgs<O> {
  const all: Options = { ...options, ...COMMON_OPTIONS };
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options: all, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(command, describeParseError(error as Error & { code?: string }, all));
  }
  const flags = parsed.values as Record<string, unknown>;
  const help = flags.help === true;
  if (!help && parsed.positionals.length !== operands.length) {
    const wanted = operands.join(' ');
    throw usageError(command, `expected ${operands.length} arguments (${wanted}), got ${parsed.positionals.length}`);
  }
  return { values: parsed.values as CommandArgs<O>['values'], positionals: parsed.positionals, help, noColor: flags['no-color'] === true };
}

/** Node's message, but for an unknown option our own words (node's hint has unbalanced quotes). */
function describeParseError(error: Error & { code?: string }, options: Options): string {
  const unknown = /^Unknown option '([^']*)'/.exec(error.message);
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown !== null) {
    const names = Object.entries(options).map(([name, option]) => (option.short === undefined ? `--${name}` : `-${option.short}/--${name}`));
    return `unknown option ${unknown[1]} (the options are ${names.join(', ')}; an argument that starts with - goes after --)`;
  }
  return error.message.split('\n')[0] ?? 'invalid arguments';
}

/** Checks that an option's value is one of `allowed`. */
export function oneOf<T extends string>(command: string, option: string, value: unknown, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw usageError(command, `--${option} must be one of ${allowed.join(', ')}, not ${JSON.stringify(value)}`);
}
