import type { JsonValue } from '../json/JsonValue.js';
import { jsonEqual } from '../json/jsonEqual.js';
import { getOwn, isJsonObject, jsonKeys } from '../json/ownProperty.js';
import type { TypeRef } from '../schema/SchemaTable.js';
import { isPointerField, isZeroValue, memberType, UNKNOWN_TYPE } from './goTypes.js';
import { compareQuantities } from '../semantic/quantity/compareQuantities.js';
import { isValidQuantity } from '../semantic/quantity/isValidQuantity.js';

/**
 * Go's `apiequality.Semantic.DeepEqual` on the Go values two JSON values decode to, for the type
 * `type` of the built-in schema table. What the API server compares in `ValidateImmutableField`:
 *
 * - fields a struct does not have are dropped by the decoder, so they never differ;
 * - absent and `null` decode to the zero value, so they equal `""`, `0`, `false`, `{}` and `[]`,
 *   except for pointer fields, where nil differs from a pointer to the zero value;
 * - "an empty slice *is* equal to a nil slice" (and an empty map to a nil map);
 * - `resource.Quantity` values compare by value, as {@link compareQuantities} does (`"1Gi"` equals `"1024Mi"`, `"1"` equals
 *   `"1000m"`), `metav1.Time` values by instant;
 * - list order counts.
 *
 * Simplified: a value the schema does not describe (`unknown`) is compared as JSON, `null`
 * members counting as absent.
 * @internal
 */
export function semanticEqual(a: JsonValue | undefined, b: JsonValue | undefined, type: TypeRef = UNKNOWN_TYPE): boolean {
  if (a === b) return true;
  switch (type.kind) {
    case 'scalar':
      return scalarEqual(a, b, type);
    case 'list':
      if (isZeroValue(a, type) && isZeroValue(b, type)) return true;
      if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
      return a.every((item, i) => semanticEqual(item, b[i], type.elem));
    case 'map': {
      if (isZeroValue(a, type) && isZeroValue(b, type)) return true;
      if (!isJsonObject(a) || !isJsonObject(b)) return false;
      const keys = jsonKeys(a);
      if (keys.length !== jsonKeys(b).length) return false;
      return keys.every((key) => getOwn(b, key) !== undefined && semanticEqual(getOwn(a, key), getOwn(b, key), type.elem));
    }
    case 'struct':
      return structEqual(a, b, type);
    default:
      return jsonEqual(withoutNulls(a), withoutNulls(b));
  }
}

/**
 * Semantic equality of the member `key` of two values of type `parent`: a nil pointer (absent or
 * `null`) differs from any non-nil value, even a zero one.
 * @internal
 */
export function memberEqual(parent: TypeRef, key: string, a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (isPointerField(parent, key) && (a === undefined || a === null) !== (b === undefined || b === null)) return false;
  return semanticEqual(a, b, memberType(parent, key) ?? UNKNOWN_TYPE);
}

function structEqual(a: JsonValue | undefined, b: JsonValue | undefined, type: TypeRef): boolean {
  if (isZeroValue(a, type) && isZeroValue(b, type)) return true;
  const left = isJsonObject(a) ? a : a === undefined || a === null ? {} : undefined;
  const right = isJsonObject(b) ? b : b === undefined || b === null ? {} : undefined;
  if (left === undefined || right === undefined) return false;
  for (const key of new Set([...jsonKeys(left), ...jsonKeys(right)])) {
    if (memberType(type, key) === undefined) continue;
    if (!memberEqual(type, key, getOwn(left, key), getOwn(right, key))) return false;
  }
  return true;
}

function scalarEqual(a: JsonValue | undefined, b: JsonValue | undefined, type: Extract<TypeRef, { kind: 'scalar' }>): boolean {
  if (type.format === 'quantity') {
    if (isValidQuantity(a) && isValidQuantity(b)) return compareQuantities(a, b) === 0;
  }
  if (type.format === 'date-time' && typeof a === 'string' && typeof b === 'string') {
    const left = Date.parse(a);
    const right = Date.parse(b);
    if (!Number.isNaN(left) && !Number.isNaN(right)) return left === right;
  }
  if (isZeroValue(a) && isZeroValue(b) && (a === undefined || a === null || b === undefined || b === null)) {
    // A nil value decodes to the zero value of the field's Go type, which a JSON zero matches
    // only when it has that type: absent equals `0` for an integer, not `""`.
    const zero = a === undefined || a === null ? b : a;
    const kind = scalarKind(type);
    return zero === undefined || zero === null || kind === undefined || typeof zero === kind;
  }
  // An object or a list where Go expects a scalar fails to decode; compare it as JSON.
  return a === b || (typeof a === 'object' && typeof b === 'object' && jsonEqual(a, b));
}

function scalarKind(type: Extract<TypeRef, { kind: 'scalar' }>): string | undefined {
  if (type.format === 'int-or-string') return 'number';
  switch (type.type) {
    case 'string':
      return 'string';
    case 'integer':
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    default:
      return undefined;
  }
}

function withoutNulls(value: JsonValue | undefined): JsonValue | undefined {
  if (value === null) return undefined;
  if (Array.isArray(value)) return value.map((item) => withoutNulls(item) ?? null);
  if (!isJsonObject(value)) return value;
  const result: { [key: string]: JsonValue } = {};
  for (const key of jsonKeys(value)) {
    const member = withoutNulls(getOwn(value, key));
    if (member !== undefined) Object.defineProperty(result, key, { value: member, enumerable: true, writable: true, configurable: true });
  }
  return result;
}
