import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CliError } from './CliError.js';

/** How many folders up from the running module kubepatch's package.json may be (src/cli → root is 2; dist → root is 1). */
const MAX_LEVELS = 3;

/**
 * The `version` of kubepatch's own package.json, found by walking up from `moduleUrl`: two
 * folders up from `src/cli/` (a checkout), one up from `dist/cli.js` (the built and the installed
 * package). Only a package.json whose `name` is `kubepatch` counts. Throws {@link CliError} when
 * there is none within three folders.
 *
 * @example
 * ```ts
 * packageVersion(import.meta.url); // '0.1.0'
 * ```
 */
export function packageVersion(moduleUrl: string): string {
  let dir = dirname(fileURLToPath(moduleUrl));
  for (let level = 0; level <= MAX_LEVELS; level++) {
    const version = versionIn(join(dir, 'package.json'));
    if (version !== undefined) return version;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new CliError(`cannot find kubepatch's package.json within ${MAX_LEVELS} folders above ${fileURLToPath(moduleUrl)}`);
}

function versionIn(file: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined; // no file here, or not JSON: not kubepatch's
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { name, version } = parsed as { name?: unknown; version?: unknown };
  return name === 'kubepatch' && typeof version === 'string' ? version : undefined;
}
