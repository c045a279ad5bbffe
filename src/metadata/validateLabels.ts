import type { MetadataProblem } from '../errors/InvalidMetadataError.js';
import type { JsonInput, JsonObject } from '../json/JsonValue.js';
import { getOwn, jsonKeys } from '../json/ownProperty.js';
import { goQuote } from './goFormat.js';
import { basePath, ProblemList, readMetadataInput, type MetadataValidationOptions } from './metadataProblems.js';
import { labelValueProblems, qualifiedNameProblems } from './qualifiedName.js';

/**
 * Every problem with a set of labels, by Kubernetes' rules (apimachinery
 * `ValidateLabels`): each key a qualified name (an optional DNS-1123 subdomain prefix of at most
 * 253 characters and `/`, then a name of at most 63 characters: alphanumerics, `-`, `_` and `.`,
 * starting and ending with an alphanumeric), each value at most 63 characters of the same
 * alphabet, or empty. Messages are the API server's. `[]` when the labels are valid; `null` and
 * `undefined` count as no labels.
 *
 * @example
 * ```ts
 * findLabelProblems({ app: 'web', 'example.com/tier': 'front end' });
 * // [{ path: '/metadata/labels/example.com~1tier', key: 'example.com/tier',
 * //    message: "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', …" }]
 * ```
 * @throws {@link InvalidDocumentError} when `labels` is not a JSON object.
 * @public
 */
export function findLabelProblems(labels: JsonInput | null | undefined, options: MetadataValidationOptions = {}): MetadataProblem[] {
  const list = new ProblemList(basePath(options, '/metadata/labels'));
  collectLabelProblems(readMetadataInput(labels, 'labels'), list, []);
  return list.problems;
}

/**
 * Checks labels by Kubernetes' rules (see {@link findLabelProblems}) and throws
 * {@link InvalidMetadataError} (`INVALID_METADATA`) listing every bad key and value at once; its
 * message has one line per problem as the API server writes it
 * (`metadata.labels: Invalid value: "bad key": name part must consist of …`).
 *
 * @example
 * ```ts
 * validateLabels({ 'app.kubernetes.io/name': 'web' }); // passes
 * validateLabels({ 'bad key': 'x', tier: '-front' }); // throws InvalidMetadataError with two problems
 * ```
 * @throws {@link InvalidMetadataError} when a key or a value breaks the rules.
 * @throws {@link InvalidDocumentError} when `labels` is not a JSON object.
 * @public
 */
export function validateLabels(labels: JsonInput | null | undefined, options: MetadataValidationOptions = {}): void {
  const list = new ProblemList(basePath(options, '/metadata/labels'));
  collectLabelProblems(readMetadataInput(labels, 'labels'), list, []);
  list.throwIfAny('labels');
}

/**
 * apimachinery `ValidateLabels(labels, fldPath)`, key by key:
 *
 * ```go
 * allErrs = append(allErrs, ValidateLabelName(k, fldPath)...)
 * for _, msg := range validation.IsValidLabelValue(v) {
 *   allErrs = append(allErrs, field.Invalid(fldPath, v, msg))
 * }
 * ```
 *
 * Every error names the map itself (`metadata.labels`), not the key.
 * @internal
 */
export function collectLabelProblems(labels: JsonObject | undefined, list: ProblemList, tokens: readonly string[]): void {
  if (labels === undefined) return;
  const field = list.field(tokens);
  for (const key of jsonKeys(labels)) {
    const at = [...tokens, key];
    for (const message of qualifiedNameProblems(key)) {
      list.add(at, key, { type: 'Invalid value', field, value: goQuote(key), detail: message });
    }
    const value = getOwn(labels, key);
    if (value === null || value === undefined) continue; // decodes to ""
    if (typeof value !== 'string') {
      list.notAString(at, key, field, value);
      continue;
    }
    for (const message of labelValueProblems(value)) {
      list.add(at, key, { type: 'Invalid value', field, value: goQuote(value), detail: message });
    }
  }
}
