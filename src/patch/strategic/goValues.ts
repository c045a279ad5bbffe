import type { JsonValue } from '../../json/JsonValue.js';
import { isJsonObject } from '../../json/ownProperty.js';

/**
 * The Go type a JSON value decodes to with `k8s.io/apimachinery/pkg/util/json`, which Go's strategic
 * merge patch compares with `reflect.TypeOf`: integral numbers become `int64`, other numbers
 * `float64`. (JavaScript cannot tell `1` from `1.0`; both count as `int64` here.)
 */
export type GoKind = 'nil' | 'string' | 'bool' | 'int64' | 'float64' | 'map' | 'slice';

export function goKind(value: JsonValue): GoKind {
  if (value === null) return 'nil';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(value) && Math.abs(value) < 2 ** 63 ? 'int64' : 'float64';
  }
  return Array.isArray(value) ? 'slice' : 'map';
}

/** `goKind(a) === goKind(b)`, answered by `typeof` for all but numbers and objects. */
export function sameGoKind(a: JsonValue, b: JsonValue): boolean {
  const type = typeof a;
  if (type !== typeof b) return false;
  return type === 'string' || type === 'boolean' || goKind(a) === goKind(b);
}

/**
 * Go's `==` on two decoded JSON values, as `findMapInSliceBasedOnKeyValue` and
 * `deduplicateScalars` use it: equal type and equal value. Maps and slices are not comparable in
 * Go (comparing them panics); here they are simply never equal.
 */
export function goEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return a === b && (typeof a !== 'object' || a === null);
}

/**
 * `fmt.Sprintf("%v", value)` for a decoded JSON value, which Go's strategic merge patch uses to
 * sort merge lists and primitive lists. Floats use `%g` with the shortest digits, switching to
 * exponent form when the exponent is below -4 or at least 6: `1e+06`, `1.5e-05`, `123456.7`.
 */
export function formatGoValue(value: JsonValue | undefined): string {
  if (value === undefined || value === null) return '<nil>';
  switch (typeof value) {
    case 'string':
      return value;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (Number.isSafeInteger(value)) return String(value); // what BigInt would print, without one
      return goKind(value) === 'int64' ? BigInt(value).toString() : formatGoFloat(value);
  }
  return isJsonObject(value) ? formatGoMap(value) : `[${value.map(formatGoValue).join(' ')}]`;
}

function formatGoFloat(value: number): string {
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  // strconv.FormatFloat(f, 'g', -1, 64): the shortest digits; %e when exp < -4 || exp >= 6.
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent >= -4 && exponent < 6) return String(value);
  return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
}

/** Go prints a map with its keys sorted: `map[a:1 b:2]`. */
function formatGoMap(value: { [key: string]: JsonValue }): string {
  const keys = Object.keys(value).sort();
  return `map[${keys.map((key) => `${key}:${formatGoValue(value[key])}`).join(' ')}]`;
}
