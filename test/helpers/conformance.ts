import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The upstream vectors live beside the project, in ../shared/conformance/, and are never copied in. */
export const conformanceDir = fileURLToPath(new URL('../../../shared/conformance/', import.meta.url));

/** Reads one conformance file, failing loudly (not skipping) when the shared folder is missing. */
export function readConformance<T>(relativePath: string): T {
  const file = conformanceDir + relativePath;
  if (!existsSync(file)) {
    throw new Error(
      `Conformance data missing: ${file}. The tests read upstream vectors from ../shared/conformance/ next to the ` +
        'project root; check out the shared folder beside the repository.',
    );
  }
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}
