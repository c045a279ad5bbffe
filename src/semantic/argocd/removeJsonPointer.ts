import { getOwn, isJsonObject } from '../../json/ownProperty.js';
import type { Step, WorkingDocument } from './WorkingDocument.js';

/**
 * Removes what one `jsonPointers` entry names, as Argo CD does: a JSON Patch
 * `[{"op": "remove", "path": pointer}]` applied with github.com/evanphx/json-patch
 * (util/argo/normalizers/diff_normalizer.go), its error ignored ("Unable to remove nonexistent
 * key" and "doc is missing path" are not even logged). Returns the original pointer of what was
 * removed, or `undefined` when the patch fails and the document stays as it was. evanphx's
 * reading, which is looser than RFC 6901:
 *
 * - the text is split on `/` and its first token dropped whatever it is, so `spec/replicas`
 *   removes `/replicas`; a text with no `/` (and `""`) removes nothing;
 * - `~1` and then `~0` are unescaped; any other `~` stays as written;
 * - an array index is read by Go's `strconv.Atoi` (`+1` and `01` are 1) and may be negative,
 *   counting from the end (`SupportNegativeIndices`); `-` and out-of-range indices fail;
 * - a `null` on the way reads as an empty object, so the removal fails; a string or number fails.
 * @example
 * ```ts
 * removeJsonPointer(new WorkingDocument({ spec: { replicas: 1 } }), '/spec/replicas'); // '/spec/replicas'
 * ```
 * @internal
 */
export function removeJsonPointer(doc: WorkingDocument, pointer: string): string | undefined {
  const tokens = pointer.split('/');
  if (tokens.length < 2) return undefined;
  const steps: Step[] = [];
  let value = doc.root;
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i]!.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(value)) {
      const index = goAtoi(token);
      if (index === undefined) return undefined;
      // `get` and `remove` both refuse indices past the end and count negative ones from it.
      const resolved = index < 0 ? index + value.length : index;
      if (index >= value.length || resolved < 0) return undefined;
      steps.push(resolved);
      value = value[resolved];
    } else if (isJsonObject(value)) {
      const next = getOwn(value, token);
      if (next === undefined) return undefined;
      steps.push(token);
      value = next;
    } else {
      return undefined;
    }
  }
  return doc.remove(steps);
}

/** Go's `strconv.Atoi`: an optional sign and decimal digits, within int64. */
function goAtoi(text: string): number | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : undefined;
}
