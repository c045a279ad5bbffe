import type { MetadataProblem } from '../errors/InvalidMetadataError.js';
import type { JsonInput, JsonObject } from '../json/JsonValue.js';
import { getOwn, jsonKeys } from '../json/ownProperty.js';
import { utf8ByteLength } from '../text/utf8.js';
import { goQuote } from './goFormat.js';
import { basePath, ProblemList, readMetadataInput, type MetadataValidationOptions } from './metadataProblems.js';
import { qualifiedNameProblems } from './qualifiedName.js';

/** apimachinery `TotalAnnotationSizeLimitB`: `256 * (1 << 10)`, 256 KiB. */
const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * (1 << 10);

/**
 * Every problem with a set of annotations, by Kubernetes' rules (apimachinery
 * `ValidateAnnotations`): each key a qualified name, case aside ("The rule is QualifiedName
 * except that case doesn't matter, so convert to lowercase before checking"), and all keys and
 * values together at most 256 KiB (262144 bytes of UTF-8). Values may hold anything. Messages
 * are the API server's; the size problem has the map's path and the key `""`. `[]` when the
 * annotations are valid; `null` and `undefined` count as none.
 *
 * @example
 * ```ts
 * findAnnotationProblems({ 'example.com/owner': 'team-a', 'my_note/x/y': '' });
 * // [{ path: '/metadata/annotations/my_note~1x~1y', key: 'my_note/x/y', message: "a qualified name must consist of …" }]
 * ```
 * @throws {@link InvalidDocumentError} when `annotations` is not a JSON object.
 * @public
 */
export function findAnnotationProblems(
  annotations: JsonInput | null | undefined,
  options: MetadataValidationOptions = {},
): MetadataProblem[] {
  const list = new ProblemList(basePath(options, '/metadata/annotations'));
  collectAnnotationProblems(readMetadataInput(annotations, 'annotations'), list);
  return list.problems;
}

/**
 * Checks annotations by Kubernetes' rules (see {@link findAnnotationProblems}) and throws
 * {@link InvalidMetadataError} (`INVALID_METADATA`) listing every bad key at once, and the total
 * size when it is over the limit (`metadata.annotations: Too long: may not be more than 262144 bytes`).
 *
 * @example
 * ```ts
 * validateAnnotations({ 'kubectl.kubernetes.io/last-applied-configuration': '{}' }); // passes
 * validateAnnotations({ big: 'x'.repeat(262144) }); // throws: 262147 bytes in all
 * ```
 * @throws {@link InvalidMetadataError} when a key breaks the rules or the annotations are too large.
 * @throws {@link InvalidDocumentError} when `annotations` is not a JSON object.
 * @public
 */
export function validateAnnotations(annotations: JsonInput | null | undefined, options: MetadataValidationOptions = {}): void {
  const list = new ProblemList(basePath(options, '/metadata/annotations'));
  collectAnnotationProblems(readMetadataInput(annotations, 'annotations'), list);
  list.throwIfAny('annotations');
}

/**
 * apimachinery `ValidateAnnotations(annotations, fldPath)`:
 *
 * ```go
 * for k := range annotations {
 *   for _, msg := range validation.IsQualifiedName(strings.ToLower(k)) {
 *     allErrs = append(allErrs, field.Invalid(fldPath, k, msg))
 *   }
 * }
 * if err := ValidateAnnotationsSize(annotations); err != nil {
 *   allErrs = append(allErrs, field.TooLong(fldPath, "", TotalAnnotationSizeLimitB))
 * }
 * ```
 *
 * `field.TooLong` reads "may not be more than 262144 bytes" since Kubernetes 1.32 ("must have
 * at most 262144 bytes" before).
 */
function collectAnnotationProblems(annotations: JsonObject | undefined, list: ProblemList): void {
  if (annotations === undefined) return;
  const field = list.field();
  let totalSize = 0;
  for (const key of jsonKeys(annotations)) {
    for (const message of qualifiedNameProblems(key.toLowerCase())) {
      list.add([key], key, { type: 'Invalid value', field, value: goQuote(key), detail: message });
    }
    const value = getOwn(annotations, key);
    totalSize += utf8ByteLength(key);
    if (typeof value === 'string') totalSize += utf8ByteLength(value);
    else if (value !== null && value !== undefined) list.notAString([key], key, field, value);
  }
  if (totalSize > TOTAL_ANNOTATION_SIZE_LIMIT_B) {
    list.add([], '', { type: 'Too long', field, detail: `may not be more than ${TOTAL_ANNOTATION_SIZE_LIMIT_B} bytes` });
  }
}
