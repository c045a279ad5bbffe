import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { JsonValue } from '../json/JsonValue.js';
import type { CliIo } from './Command.js';
import { CliError } from './CliError.js';

/**
 * One document read from a file, a directory or standard input, with where it came from so that
 * every message can name it.
 *
 * @example
 * ```ts
 * const doc: SourceDocument = { source: 'rollout.yaml', index: 0, value: { kind: 'Rollout' } };
 * ```
 */
export interface SourceDocument {
  /** The file (`-` is shown as `<stdin>`). */
  readonly source: string;
  /** Position of the document in its file, from 0. */
  readonly index: number;
  /** The parsed document. */
  readonly value: JsonValue;
}

/** `rollout.yaml (document 2)`: where a document is, for messages (documents counted from 1). */
export function describeSource(doc: { readonly source: string; readonly index: number }): string {
  return `${doc.source} (document ${doc.index + 1})`;
}

/** Files `kubectl diff` writes: `[group.]version.Kind.namespace.name`, with no extension. */
const KUBECTL_DIFF_FILE = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*\.)?v[0-9][a-z0-9]*\.[A-Z][A-Za-z0-9]*\.[^.]*\../;
const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/**
 * Reads every document of `arg`: a JSON or YAML file (several YAML documents separated by
 * `---`), `-` for standard input, or a directory, of which it reads every `*.yaml`, `*.yml` and
 * `*.json` file and every file named the way `kubectl diff` names them
 * (`apps.v1.Deployment.default.web`), in name order, not descending into sub-directories.
 * Empty documents are skipped (an empty file has none, as `kubectl diff` writes for an object on
 * one side only). Throws {@link CliError} naming the file, and the line for YAML, on any problem.
 *
 * @example
 * ```ts
 * const docs = await readDocuments('examples/rollouts/rollout.v1.yaml', io);
 * ```
 */
export async function readDocuments(arg: string, io: CliIo): Promise<SourceDocument[]> {
  if (arg === '-') return parseDocuments('<stdin>', await io.readStdin(), false);
  const info = await stat(arg).catch((error: NodeJS.ErrnoException) => {
    throw new CliError(`${arg}: ${error.code === 'ENOENT' ? 'no such file or directory' : error.message}`);
  });
  if (!info.isDirectory()) return parseDocuments(arg, await readText(arg), extname(arg).toLowerCase() === '.json');
  const names = (await readdir(arg)).filter(isManifestName).sort();
  const docs: SourceDocument[] = [];
  for (const name of names) {
    const path = join(arg, name);
    if (!(await stat(path)).isFile()) continue;
    docs.push(...parseDocuments(path, await readText(path), extname(name).toLowerCase() === '.json'));
  }
  return docs;
}

function isManifestName(name: string): boolean {
  if (name.startsWith('.')) return false;
  return MANIFEST_EXTENSIONS.has(extname(name).toLowerCase()) || KUBECTL_DIFF_FILE.test(basename(name));
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`${path}: ${(error as Error).message}`);
  }
}

/**
 * Parses the text of one file: as JSON when `json` (one document), else as YAML 1.2 (the `yaml`
 * package; JSON is valid YAML), every document. Duplicate keys are errors, as in kubectl.
 */
export function parseDocuments(source: string, text: string, json: boolean): SourceDocument[] {
  if (json) {
    if (text.trim() === '') return [];
    try {
      return [{ source, index: 0, value: JSON.parse(text) as JsonValue }];
    } catch (error) {
      throw new CliError(`${source}: invalid JSON: ${(error as Error).message}`);
    }
  }
  const docs: SourceDocument[] = [];
  parseAllDocuments(text).forEach((doc, index) => {
    const problem = doc.errors[0];
    if (problem !== undefined) {
      const line = problem.linePos?.[0];
      const where = line === undefined ? '' : ` at line ${line.line}, column ${line.col}`;
      const message = (problem.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      throw new CliError(`${describeSource({ source, index })}: invalid YAML${where}: ${message}`);
    }
    if (doc.contents === null) return;
    const value = doc.toJS({ maxAliasCount: 100 }) as JsonValue | undefined;
    if (value !== null && value !== undefined) docs.push({ source, index, value });
  });
  return docs;
}
