import { stringify } from 'yaml';
import type { CliIo } from './Command.js';

/** Output formats of the commands that print data. */
export type OutputFormat = 'text' | 'json' | 'yaml';

/**
 * Renders data as indented JSON or as YAML (the `yaml` package, no line folding, so long strings
 * such as annotations stay on one line), ending with a newline.
 *
 * @example
 * ```ts
 * render({ spec: { replicas: 5 } }, 'yaml'); // 'spec:\n  replicas: 5\n'
 * ```
 */
export function render(value: unknown, format: 'json' | 'yaml'): string {
  if (format === 'json') return `${JSON.stringify(value, null, 2)}\n`;
  return stringify(value, { lineWidth: 0, aliasDuplicateObjects: false });
}

/**
 * Whether to colour the output: `--no-color` and `NO_COLOR` turn it off, `FORCE_COLOR` (not `0`)
 * on, else colour when standard output is a terminal.
 */
export function wantsColor(io: CliIo, noColor: boolean | undefined): boolean {
  if (noColor === true) return false;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0';
  return io.isTTY;
}
