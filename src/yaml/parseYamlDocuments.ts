import { LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { JsonValue } from '../json/JsonValue.js';
import { readSimpleBlockYaml } from './readSimpleBlockYaml.js';
import { relaxQuotedIndent } from './relaxQuotedIndent.js';
import { yamlDocumentToJson } from './yamlNodeToJson.js';
import { YamlProblem } from './YamlProblem.js';

/** One YAML document of a file: its position (from 0) and its value, `null` for an empty one. */
export interface YamlDocument {
  readonly index: number;
  readonly value: JsonValue;
}

/**
 * Reads every document of a YAML text as kubectl does (go-yaml v2, YAML 1.1, then
 * sigs.k8s.io/yaml's conversion to JSON; see docs/cli.md). Throws `onProblem(index, problem)`'s
 * error for the first problem, with the document's index and a {@link YamlProblem} that has the line.
 * `simpleReader: false` skips {@link readSimpleBlockYaml} (tests compare the two readers).
 */
export function parseYamlDocuments(
  text: string,
  onProblem: (index: number, problem: YamlProblem) => Error,
  { simpleReader = true }: { readonly simpleReader?: boolean } = {},
): YamlDocument[] {
  const simple = simpleReader ? readSimpleBlockYaml(text) : undefined;
  if (simple !== undefined) return [{ index: 0, value: simple }];
  const lines = new LineCounter();
  const docs = parseRelaxed(text, lines);
  return docs.map((doc, index) => {
    const problem = doc.errors[0];
    if (problem !== undefined) {
      const message = (problem.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
      const position = problem.linePos?.[0];
      const line = position?.line ?? lines.linePos(problem.pos[0]).line;
      // The `yaml` parser recurses per level and reports running out of stack as a parse error.
      if (/Maximum call stack size exceeded/.test(message)) {
        throw onProblem(index, new YamlProblem('the document nests too deeply for the YAML reader', line, undefined, 'DOCUMENT_TOO_DEEP'));
      }
      const column = position === undefined ? '' : `, column ${position.col}`;
      throw onProblem(index, new YamlProblem(`${message}${column}`, line));
    }
    try {
      return { index, value: yamlDocumentToJson(doc, lines) };
    } catch (error) {
      if (error instanceof YamlProblem) throw onProblem(index, error);
      throw error;
    }
  });
}

const YAML_OPTIONS = { version: '1.1', schema: 'failsafe', uniqueKeys: false, strict: false } as const;

/** `parseAllDocuments`, after re-indenting quoted scalars that go-yaml accepts under-indented ({@link relaxQuotedIndent}). */
function parseRelaxed(text: string, lines: LineCounter): Document.Parsed[] {
  let current = text;
  for (let attempt = 0; attempt < 1000; attempt++) {
    const counter = new LineCounter();
    const docs = parseAllDocuments(current, { ...YAML_OPTIONS, lineCounter: counter }) as Document.Parsed[];
    const missingQuote = docs.flatMap((doc) => doc.errors).find((error) => error.code === 'MISSING_CHAR' && /^Missing closing .?quote/.test(error.message));
    const relaxed = missingQuote === undefined ? undefined : relaxQuotedIndent(current, missingQuote.pos[0]);
    if (relaxed === undefined || relaxed === current) {
      for (const offset of counter.lineStarts) lines.addNewLine(offset);
      return docs;
    }
    current = relaxed;
  }
  return parseAllDocuments(current, { ...YAML_OPTIONS, lineCounter: lines }) as Document.Parsed[];
}
