import type { ImmutableFieldChange } from '../errors/ImmutableFieldError.js';
import { cloneJson } from '../json/cloneJson.js';
import type { JsonObject, JsonValue } from '../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys } from '../json/ownProperty.js';
import { formatJsonPointer } from '../json/pointer.js';
import type { TypeRef } from '../schema/SchemaTable.js';
import { fieldPathOf, formatFieldError, type FieldError } from './fieldErrors.js';
import { GO_NIL_VALUE, goMarshal, goQuote } from './goFormat.js';
import { isPointerField, typeAt } from './goTypes.js';
import { memberEqual } from './semanticEqual.js';

/**
 * The two versions of an object an update rule compares, with the Go type of the kind (from the
 * built-in schema table; `unknown` for custom resources).
 * @internal
 */
export interface UpdatePair {
  readonly old: JsonObject;
  readonly new: JsonObject;
  readonly type: TypeRef;
}

/**
 * A rule of the API server's update validation for one kind: every change it refuses.
 * @internal
 */
export type ImmutableRule = (pair: UpdatePair) => ImmutableFieldChange[];

/** The value at `tokens` (object members and list indexes), `undefined` when there is none. @internal */
export function valueAt(root: JsonValue | undefined, tokens: readonly string[]): JsonValue | undefined {
  let current: JsonValue | undefined = root;
  for (const token of tokens) {
    if (Array.isArray(current)) current = /^(0|[1-9][0-9]*)$/.test(token) ? current[Number(token)] : undefined;
    else if (isJsonObject(current)) current = getOwn(current, token);
    else return undefined;
  }
  return current;
}

/**
 * An {@link ImmutableFieldChange} at `tokens`, whose message is the API server's field error
 * `error`. The values are copied: a change shares nothing with the objects compared.
 * @internal
 */
export function changeAt(
  tokens: readonly string[],
  oldValue: JsonValue | undefined,
  newValue: JsonValue | undefined,
  error: FieldError,
): ImmutableFieldChange {
  return {
    path: formatJsonPointer(tokens),
    field: error.field,
    old: oldValue === undefined ? undefined : cloneJson(oldValue),
    new: newValue === undefined ? undefined : cloneJson(newValue),
    message: formatFieldError(error),
  };
}

/** How `field.Error` prints a bad value of a field's Go type: `%q` for a Go `string`, else `json.Marshal`. @internal */
export type ValueFormat = 'go-string' | 'json';

/**
 * apimachinery `ValidateImmutableField(newVal, oldVal, fldPath)`:
 *
 * ```go
 * if !apiequality.Semantic.DeepEqual(oldVal, newVal) {
 *   allErrs = append(allErrs, field.Invalid(fldPath, newVal, FieldImmutableErrorMsg))
 * }
 * ```
 *
 * with `FieldImmutableErrorMsg = "field is immutable"`, for the field at `tokens`; `fallback`
 * stands in for an absent value on either side (the default the API server fills in) in the
 * comparison and the message, while the change reports the values as given.
 * @internal
 */
export function immutableField(
  pair: UpdatePair,
  tokens: readonly string[],
  format: ValueFormat = 'json',
  fallback?: JsonValue,
): ImmutableFieldChange[] {
  const oldValue = valueAt(pair.old, tokens);
  const newValue = valueAt(pair.new, tokens);
  return immutableValue(pair.type, tokens, oldValue ?? fallback, newValue ?? fallback, format).map((change) =>
    reportValues(change, oldValue, newValue),
  );
}

/**
 * The change with `old` and `new` set to the values as given (`undefined` when absent), where the
 * rule compared them with the API server's defaults filled in.
 * @internal
 */
export function reportValues(change: ImmutableFieldChange, oldValue: JsonValue | undefined, newValue: JsonValue | undefined): ImmutableFieldChange {
  return {
    ...change,
    old: oldValue === undefined ? undefined : cloneJson(oldValue),
    new: newValue === undefined ? undefined : cloneJson(newValue),
  };
}

/**
 * `ValidateImmutableField` on two given values of the field at `tokens` of an object of type
 * `rootType` (for rules that first repair the new value as the API server does).
 * @internal
 */
export function immutableValue(
  rootType: TypeRef,
  tokens: readonly string[],
  oldValue: JsonValue | undefined,
  newValue: JsonValue | undefined,
  format: ValueFormat = 'json',
): ImmutableFieldChange[] {
  const parentType = typeAt(rootType, tokens.slice(0, -1));
  const key = tokens[tokens.length - 1] ?? '';
  if (memberEqual(parentType, key, oldValue, newValue)) return [];
  const type = typeAt(rootType, tokens);
  const nilPointer = (newValue === undefined || newValue === null) && isPointerField(parentType, key);
  const value = format === 'go-string' ? goQuote(typeof newValue === 'string' ? newValue : '') : nilPointer ? GO_NIL_VALUE : goMarshal(newValue, type);
  return [changeAt(tokens, oldValue, newValue, { type: 'Invalid value', field: fieldPathOf(tokens), value, detail: 'field is immutable' })];
}

/** The keys of the objects among `values`, each once, in order of appearance. @internal */
export function keysOf(...values: (JsonValue | undefined)[]): string[] {
  return [...new Set(values.flatMap((value) => (isJsonObject(value) ? jsonKeys(value) : [])))];
}

/** The member `key` of `value` when it is an object. @internal */
export function member(value: JsonValue | undefined, key: string): JsonValue | undefined {
  return isJsonObject(value) ? getOwn(value, key) : undefined;
}

/** A shallow copy of an object (or `{}`) with `key` set to `value`, or removed when `value` is `undefined`. @internal */
export function withMember(object: JsonValue | undefined, key: string, value: JsonValue | undefined): JsonObject {
  const copy: JsonObject = {};
  if (isJsonObject(object)) {
    for (const name of Object.keys(object)) {
      if (name !== key) Object.defineProperty(copy, name, { value: object[name], enumerable: true, writable: true, configurable: true });
    }
  }
  if (value !== undefined) Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}
