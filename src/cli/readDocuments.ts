import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { JsonValue } from '../json/JsonValue.js';
import type { CliIo } from './Command.js';
import { CliError } from './CliError.js';
import { findUnsafeInteger } from './json/findUnsafeInteger.js';
import { unsafeInteger } from '../yaml/goJson.js';
import { parseYamlDocuments } from '../yaml/parseYamlDocuments.js';
import type { YamlProblem } from '../yaml/YamlProblem.js';

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
 * Parses the text of one file: as JSON when `json` (one document), else as YAML the way kubectl
 * reads it (YAML 1.1 as go-yaml v2 resolves it, then sigs.k8s.io/yaml's conversion to JSON: the
 * last of duplicate keys wins; see docs/cli.md), every document. An integer beyond ±(2^53 − 1) is
 * refused rather than rounded. Every error names the file, the document and the line.
 */
export function parseDocuments(source: string, text: string, json: boolean): SourceDocument[] {
  if (json) return parseJsonDocument(source, text);
  const docs: SourceDocument[] = [];
  for (const { index, value } of parseYamlDocuments(text, (index, problem) => yamlError(source, index, problem))) {
    if (value !== null) docs.push({ source, index, value });
  }
  return docs;
}

function yamlError(source: string, index: number, problem: YamlProblem): CliError {
  const line = problem.line === undefined ? '' : ` at line ${problem.line}`;
  if (problem.code !== undefined) {
    const path = problem.path === undefined || problem.path === '' ? '' : ` at ${problem.path}`;
    return new CliError(`${describeSource({ source, index })}${path} (line ${problem.line ?? '?'}): ${problem.code}: ${problem.message}`);
  }
  const path = problem.path === undefined || problem.path === '' ? '' : ` (at ${problem.path})`;
  return new CliError(`${describeSource({ source, index })}: invalid YAML${line}${path}: ${problem.message}`);
}

function parseJsonDocument(source: string, text: string): SourceDocument[] {
  if (text.trim() === '') return [];
  let value: JsonValue;
  try {
    value = JSON.parse(text) as JsonValue;
  } catch (error) {
    throw new CliError(`${source}: invalid JSON: ${(error as Error).message}`);
  }
  const unsafe = findUnsafeInteger(text);
  if (unsafe !== undefined) {
    const path = unsafe.path === '' ? '' : ` at ${unsafe.path}`;
    throw new CliError(`${describeSource({ source, index: 0 })}${path} (line ${unsafe.line}): INVALID_DOCUMENT: ${unsafeInteger(unsafe.literal)}`);
  }
  return [{ source, index: 0, value }];
}
