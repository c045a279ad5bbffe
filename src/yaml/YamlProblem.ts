/**
 * A problem found while reading one YAML document, before the file and document are known to the
 * code that finds it: the line (from 1) and, once inside the document, the JSON Pointer of the
 * value. `parseDocuments` turns it into a `CliError` naming the file and the document.
 */
export class YamlProblem extends Error {
  override name = 'YamlProblem';

  constructor(
    message: string,
    /** Line of the offending text, from 1; `undefined` when no line can be named. */
    readonly line: number | undefined,
    /** JSON Pointer of the offending value; `undefined` outside any value. */
    readonly path?: string,
    /** A kubepatch error code when the problem is one the library names too. */
    readonly code?: 'INVALID_DOCUMENT' | 'DOCUMENT_TOO_DEEP',
  ) {
    super(message);
  }
}
