import type { JsonValue } from '../../json/JsonValue.js';
import { goQuote } from '../../metadata/goFormat.js';
import { compareUtf8 } from '../../text/utf8.js';
import type { FieldPath, PathElement } from './PathElement.js';

/**
 * A field path in the API server's words, as structured-merge-diff's `Path.String()` writes it
 * in apply conflicts ("conflict with \"kubectl\" using apps/v1: .spec.replicas"): the elements'
 * `String()` joined without separator, where a field is `.name`, a key `[name="app"]` (fields
 * `%v=%v` joined by `,`), a set value `[=value]` and an index `[3]`. Values print as Go's
 * `value.ToString`: strings quoted (`%q`), numbers as the `float64` a decoded `fieldsV1` holds
 * (`%v`: `80`, `1.5`, `1e+06`), `null`, lists `[a,b]`, maps `k=v` concatenated (sorted by key here;
 * Go's map order is random).
 *
 * @example
 * ```ts
 * formatFieldPath([
 *   { kind: 'field', name: 'spec' }, { kind: 'field', name: 'containers' },
 *   { kind: 'key', fields: [{ name: 'name', value: 'app' }] }, { kind: 'field', name: 'image' },
 * ]); // → '.spec.containers[name="app"].image'
 * ```
 * @public
 */
export function formatFieldPath(path: FieldPath): string {
  return path.map(formatPathElement).join('');
}

/**
 * One path element as `PathElement.String()` writes it; see {@link formatFieldPath}.
 *
 * @example
 * ```ts
 * formatPathElement({ kind: 'value', value: 'example.com/protect' }); // → '[="example.com/protect"]'
 * ```
 * @public
 */
export function formatPathElement(element: PathElement): string {
  switch (element.kind) {
    case 'field':
      return `.${element.name}`;
    case 'key':
      return `[${element.fields.map((field) => `${field.name}=${goValueString(field.value)}`).join(',')}]`;
    case 'value':
      return `[=${goValueString(element.value)}]`;
    case 'index':
      return `[${element.index}]`;
  }
}

/** `value.ToString`. */
function goValueString(value: JsonValue): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return goQuote(value);
    case 'number':
      return goFloat(value);
    case 'boolean':
      return String(value);
  }
  if (Array.isArray(value)) return `[${value.map(goValueString).join(',')}]`;
  return Object.keys(value)
    .sort(compareUtf8)
    .map((key) => `${key}=${goValueString(value[key]!)}`)
    .join('');
}

/** `fmt.Sprintf("%v", float64)`: `%g` with the shortest digits, exponent form below 1e-4 and from 1e6 (`1e+06`). */
function goFloat(value: number): string {
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const [mantissa = '', exponentText = '0'] = value.toExponential().split('e');
  const exponent = Number(exponentText);
  if (exponent >= -4 && exponent < 6) return String(value);
  return `${mantissa}e${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
}
