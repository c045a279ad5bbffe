import type { MetadataProblem } from '../errors/InvalidMetadataError.js';
import type { JsonInput, JsonObject, JsonValue } from '../json/JsonValue.js';
import { getOwn, isJsonObject } from '../json/ownProperty.js';
import { goMarshal, goQuote } from './goFormat.js';
import { basePath, ProblemList, readMetadataInput, type MetadataValidationOptions } from './metadataProblems.js';
import { labelValueProblems, qualifiedNameProblems } from './qualifiedName.js';
import { collectLabelProblems } from './validateLabels.js';

/**
 * Every problem with a label selector (`{ matchLabels, matchExpressions }`, as in a Deployment's
 * `spec.selector`), by Kubernetes' rules (apimachinery `ValidateLabelSelector`): `matchLabels` as
 * labels; in each of `matchExpressions`, a qualified-name `key`, an `operator` of `In`, `NotIn`,
 * `Exists` or `DoesNotExist`, `values` required (non-empty) for `In` and `NotIn` and forbidden for
 * the other two, each value a valid label value. Messages are the API server's. `[]` when the
 * selector is valid; `null` and `undefined` count as no selector.
 *
 * @example
 * ```ts
 * findSelectorProblems({ matchExpressions: [{ key: 'tier', operator: 'In', values: [] }] });
 * // [{ path: '/spec/selector/matchExpressions/0/values', key: 'tier',
 * //    message: "must be specified when `operator` is 'In' or 'NotIn'" }]
 * ```
 * @throws {@link InvalidDocumentError} when `selector` is not a JSON object.
 * @public
 */
export function findSelectorProblems(selector: JsonInput | null | undefined, options: MetadataValidationOptions = {}): MetadataProblem[] {
  const list = new ProblemList(basePath(options, '/spec/selector'));
  collectSelectorProblems(readMetadataInput(selector, 'selector'), list);
  return list.problems;
}

/**
 * Checks a label selector by Kubernetes' rules (see {@link findSelectorProblems}) and throws
 * {@link InvalidMetadataError} (`INVALID_METADATA`) listing every problem at once, each line as
 * the API server writes it
 * (`spec.selector.matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator`).
 *
 * @example
 * ```ts
 * validateSelector({ matchLabels: { app: 'web' }, matchExpressions: [{ key: 'tier', operator: 'Exists' }] }); // passes
 * validateSelector({ matchExpressions: [{ key: 'tier', operator: 'Equals', values: ['a'] }] }); // throws
 * ```
 * @throws {@link InvalidMetadataError} when the selector breaks the rules.
 * @throws {@link InvalidDocumentError} when `selector` is not a JSON object.
 * @public
 */
export function validateSelector(selector: JsonInput | null | undefined, options: MetadataValidationOptions = {}): void {
  const list = new ProblemList(basePath(options, '/spec/selector'));
  collectSelectorProblems(readMetadataInput(selector, 'selector'), list);
  list.throwIfAny('selector');
}

function collectSelectorProblems(selector: JsonObject | undefined, list: ProblemList): void {
  if (selector === undefined) return;
  const matchLabels = getOwn(selector, 'matchLabels');
  if (isJsonObject(matchLabels)) collectLabelProblems(matchLabels, list, ['matchLabels']);
  else if (matchLabels !== undefined && matchLabels !== null) list.add(['matchLabels'], '', notAnObject(list.field(['matchLabels']), matchLabels));
  const expressions = getOwn(selector, 'matchExpressions');
  if (Array.isArray(expressions)) {
    expressions.forEach((expression, i) => collectRequirementProblems(expression, list, ['matchExpressions', String(i)]));
  } else if (expressions !== undefined && expressions !== null) {
    list.add(['matchExpressions'], '', { type: 'Invalid value', field: list.field(['matchExpressions']), value: goMarshal(expressions), detail: 'must be a list' });
  }
}

/**
 * apimachinery `ValidateLabelSelectorRequirement`, with `AllowInvalidLabelValueInSelector` off
 * (what the API server uses for new objects):
 *
 * ```go
 * switch sr.Operator {
 * case metav1.LabelSelectorOpIn, metav1.LabelSelectorOpNotIn:
 *   if len(sr.Values) == 0 {
 *     allErrs = append(allErrs, field.Required(fldPath.Child("values"), "must be specified when `operator` is 'In' or 'NotIn'"))
 *   }
 * case metav1.LabelSelectorOpExists, metav1.LabelSelectorOpDoesNotExist:
 *   if len(sr.Values) > 0 {
 *     allErrs = append(allErrs, field.Forbidden(fldPath.Child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
 *   }
 * default:
 *   allErrs = append(allErrs, field.Invalid(fldPath.Child("operator"), sr.Operator, "not a valid selector operator"))
 * }
 * allErrs = append(allErrs, ValidateLabelName(sr.Key, fldPath.Child("key"))...)
 * // and field.Invalid(fldPath.Child("values").Index(i), value, msg) for each bad value
 * ```
 */
function collectRequirementProblems(requirement: JsonValue, list: ProblemList, tokens: readonly string[]): void {
  if (!isJsonObject(requirement)) {
    list.add(tokens, '', notAnObject(list.field(tokens), requirement));
    return;
  }
  const rawKey = getOwn(requirement, 'key');
  const key = typeof rawKey === 'string' ? rawKey : '';
  const operator = getOwn(requirement, 'operator') ?? '';
  const rawValues = getOwn(requirement, 'values');
  const values = Array.isArray(rawValues) ? rawValues : [];
  const at = (...more: string[]) => [...tokens, ...more];
  if (rawValues !== undefined && rawValues !== null && !Array.isArray(rawValues)) {
    list.add(at('values'), key, { type: 'Invalid value', field: list.field(at('values')), value: goMarshal(rawValues), detail: 'must be a list' });
  }
  if (operator === 'In' || operator === 'NotIn') {
    if (values.length === 0) {
      list.add(at('values'), key, { type: 'Required value', field: list.field(at('values')), detail: "must be specified when `operator` is 'In' or 'NotIn'" });
    }
  } else if (operator === 'Exists' || operator === 'DoesNotExist') {
    if (values.length > 0) {
      list.add(at('values'), key, {
        type: 'Forbidden',
        field: list.field(at('values')),
        detail: "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      });
    }
  } else {
    // `sr.Operator` is a `LabelSelectorOperator`, not a `string`: field.Error prints it with json.Marshal.
    list.add(at('operator'), key, { type: 'Invalid value', field: list.field(at('operator')), value: goMarshal(operator), detail: 'not a valid selector operator' });
  }
  if (typeof rawKey === 'string' || rawKey === undefined || rawKey === null) {
    for (const message of qualifiedNameProblems(key)) {
      list.add(at('key'), key, { type: 'Invalid value', field: list.field(at('key')), value: goQuote(key), detail: message });
    }
  } else {
    list.notAString(at('key'), '', list.field(at('key')), rawKey);
  }
  values.forEach((value, i) => {
    if (typeof value !== 'string') {
      list.notAString(at('values', String(i)), key, list.field(at('values', String(i))), value);
      return;
    }
    for (const message of labelValueProblems(value)) {
      list.add(at('values', String(i)), key, { type: 'Invalid value', field: list.field(at('values', String(i))), value: goQuote(value), detail: message });
    }
  });
}

/** kubepatch's words: Go fails earlier, decoding the request. */
function notAnObject(field: string, value: JsonValue) {
  return { type: 'Invalid value' as const, field, value: goMarshal(value), detail: 'must be an object' };
}
