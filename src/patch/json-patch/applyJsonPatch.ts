import { InvalidPatchError } from '../../errors/InvalidPatchError.js';
import { PatchTestFailedError } from '../../errors/PatchTestFailedError.js';
import { assertJsonValue } from '../../json/assertJsonValue.js';
import { cloneJson } from '../../json/cloneJson.js';
import { jsonEqual } from '../../json/jsonEqual.js';
import type { JsonInput, JsonValue } from '../../json/JsonValue.js';
import { applyKubernetesJsonPatch } from './applyKubernetesJsonPatch.js';
import type { JsonPatch } from './JsonPatchOperation.js';
import type { ApplyJsonPatchOptions } from './JsonPatchOptions.js';
import { readOperations, type ReadOperation } from './readOperations.js';
import { WorkingDocument } from './WorkingDocument.js';

/**
 * Applies a JSON Patch (RFC 6902, `application/json-patch+json`) and returns the new document.
 *
 * - **Pure**: neither `document` nor `patch` is changed, and the result shares no object with them.
 * - **Atomic** (RFC 6902 §5: "If a normative requirement is violated by a JSON Patch document, or if
 *   an operation is not successful, evaluation of the JSON Patch document SHOULD terminate and
 *   application of the entire patch document SHALL NOT be deemed successful"): either every
 *   operation applies, or an error names the failing operation's index and path.
 * - **Strict pointers**: members are matched as own properties, so `/__proto__/x` reads and writes
 *   a key named `__proto__` like any other and never a prototype; array indexes must be canonical
 *   (`01` and `-1` are errors) and within bounds; `-` is accepted only where `add` appends.
 * - **`{ semantics: 'kubernetes' }`** applies the patch as the API server does instead (Go's
 *   evanphx/json-patch v4): `-1` is the last element, `01` is 1, `replace` of a missing member adds
 *   it, a `test` of `null` passes on a missing member, `copy` from a missing member copies `null`,
 *   and a `test` of a string holding `<`, `>` or `&` fails (see {@link ApplyJsonPatchOptions}).
 *
 * @example
 * ```ts
 * applyJsonPatch(
 *   { spec: { replicas: 3, template: { spec: { containers: [{ name: 'app', image: 'app:1' }] } } } },
 *   [
 *     { op: 'test', path: '/spec/template/spec/containers/0/name', value: 'app' },
 *     { op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'app:2' },
 *   ],
 * );
 * ```
 * @throws {@link InvalidPatchError} (`INVALID_PATCH` or `PATH_NOT_FOUND`) when an operation is malformed or its target is missing.
 * @throws {@link PatchTestFailedError} when a `test` operation does not match.
 * @throws {@link InvalidDocumentError} when an argument is not a JSON value.
 * @public
 */
export function applyJsonPatch(document: JsonInput, patch: JsonPatch, options: ApplyJsonPatchOptions = {}): JsonValue {
  assertJsonValue(document, 'document');
  const semantics = options.semantics ?? 'rfc6902';
  if (semantics !== 'rfc6902' && semantics !== 'kubernetes') {
    throw new InvalidPatchError(`options.semantics must be 'rfc6902' or 'kubernetes', not ${JSON.stringify(semantics)}`, { input: 'options', path: '' });
  }
  const operations = readOperations(patch);
  if (semantics === 'kubernetes') return applyKubernetesJsonPatch(document, operations);
  let current = 0;
  const working = new WorkingDocument(document, () => current);
  for (const operation of operations) {
    current = operation.index;
    applyOperation(working, operation);
  }
  return working.root;
}

function applyOperation(working: WorkingDocument, operation: ReadOperation): void {
  const { tokens, path } = operation;
  switch (operation.op) {
    case 'add':
      return working.add(tokens, path, cloneJson(operation.value as JsonValue));
    case 'remove':
      working.remove(tokens, path);
      return;
    case 'replace':
      return working.replace(tokens, path, cloneJson(operation.value as JsonValue));
    case 'move':
      return move(working, operation);
    case 'copy': {
      const from = operation.from!;
      return working.add(tokens, path, cloneJson(working.require(from.tokens, from.pointer)));
    }
    case 'test':
      return test(working, operation);
  }
}

/**
 * RFC 6902 §4.4: "The "from" location MUST NOT be a proper prefix of the "path" location; i.e., a
 * location cannot be moved into one of its children." Moving a value onto itself changes nothing.
 */
function move(working: WorkingDocument, operation: ReadOperation): void {
  const from = operation.from!;
  const { tokens, path } = operation;
  working.require(from.tokens, from.pointer);
  if (from.tokens.length < tokens.length && from.tokens.every((token, i) => token === tokens[i])) {
    working.fail(`cannot move ${from.pointer} into its own child`, path, 'INVALID_PATCH');
  }
  if (from.tokens.length === tokens.length && from.tokens.every((token, i) => token === tokens[i])) return;
  working.add(tokens, path, working.remove(from.tokens, from.pointer));
}

/** RFC 6902 §4.6: "The target location MUST be equal to the "value" value." */
function test(working: WorkingDocument, operation: ReadOperation): void {
  const actual = working.get(operation.tokens);
  const expected = operation.value as JsonValue;
  if (!jsonEqual(actual, expected)) {
    const found = actual === undefined ? 'nothing' : JSON.stringify(actual);
    throw new PatchTestFailedError(
      `operation ${operation.index} (test ${operation.path}) expected ${JSON.stringify(expected)} but found ${found}`,
      { operationIndex: operation.index, path: operation.path, input: 'patch', actual, expected },
    );
  }
}
