import type { JsonValue } from '../json/JsonValue.js';
import { getOwn, jsonKeys } from '../json/ownProperty.js';
import { formatGoValue } from '../patch/strategic/goValues.js';
import type { TypeRef } from '../schema/SchemaTable.js';
import { compareUtf8 } from '../text/utf8.js';
import { isPointerField, isZeroValue, structDef, UNKNOWN_TYPE } from './goTypes.js';

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const hex = (code: number, width: number) => code.toString(16).padStart(width, '0');
/** Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/**
 * Go's `%q` (`strconv.Quote`) of a string, as `field.Error` prints a bad string value:
 *
 * > Quote returns a double-quoted Go string literal representing s. The returned string uses Go
 * > escape sequences (\t, \n, \xFF, \u0100) for control characters and non-printable characters
 * > as defined by IsPrint.
 *
 * A lone surrogate, which Go's JSON decoder would have turned into U+FFFD, prints as U+FFFD.
 * @internal
 */
export function goQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    let code = char.codePointAt(0) ?? 0;
    if (code >= 0xd800 && code <= 0xdfff) code = 0xfffd;
    if (code === 0x22 || code === 0x5c) out += `\\${char}`;
    else if (PRINTABLE.test(String.fromCodePoint(code))) out += String.fromCodePoint(code);
    else if (code === 0x07) out += '\\a';
    else if (code === 0x08) out += '\\b';
    else if (code === 0x0c) out += '\\f';
    else if (code === 0x0a) out += '\\n';
    else if (code === 0x0d) out += '\\r';
    else if (code === 0x09) out += '\\t';
    else if (code === 0x0b) out += '\\v';
    else if (code < 0x20 || code === 0x7f) out += `\\x${hex(code, 2)}`;
    else if (code < 0x10000) out += `\\u${hex(code, 4)}`;
    else out += `\\U${hex(code, 8)}`;
  }
  return `${out}"`;
}

/**
 * A JSON string as Go's `encoding/json` writes it: `"`, `\` and control characters escaped (with
 * `\b`, `\f`, `\n`, `\r`, `\t` where they exist), plus `<`, `>`, `&`, U+2028 and U+2029 ("so that
 * the JSON will be safe to embed inside HTML <script> tags"); invalid UTF-16 becomes `\ufffd`.
 */
function goJsonString(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isHighSurrogate(code) && i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
      out += text.slice(i, i + 2);
      i++;
    } else if (code >= 0xd800 && code <= 0xdfff) out += '\\ufffd';
    else if (code === 0x22) out += '\\"';
    else if (code === 0x5c) out += '\\\\';
    else if (code === 0x08) out += '\\b';
    else if (code === 0x0c) out += '\\f';
    else if (code === 0x0a) out += '\\n';
    else if (code === 0x0d) out += '\\r';
    else if (code === 0x09) out += '\\t';
    else if (code < 0x20 || code === 0x3c || code === 0x3e || code === 0x26 || code === 0x2028 || code === 0x2029) {
      out += `\\u${hex(code, 4)}`;
    } else out += text[i];
  }
  return `${out}"`;
}

/** Go sorts map keys by their UTF-8 bytes, which is not JavaScript's UTF-16 order above U+FFFF. */
function byteOrder(a: string, b: string): number {
  return compareUtf8(a, b);
}

/**
 * Go's `json.Marshal` of the Go value `value` decodes to, for the type `type` (a struct type of
 * the built-in schema table, or `unknown` for `map[string]interface{}`):
 *
 * - struct fields in Go's field order, fields the struct does not have dropped (the decoder
 *   drops them); an `omitempty` field is left out when it is a nil pointer, or, when it is not a
 *   pointer, a `""`, `0`, `false` or an empty list or map ("The 'omitempty' option specifies that
 *   the field should be omitted from the encoding if the field has an empty value");
 * - an absent field without `omitempty` written as its zero value (`""`, `0`, `false`, `null`);
 * - map keys sorted;
 * - `metav1.Time` in RFC 3339 UTC.
 *
 * Simplified: a `resource.Quantity` is written as given, where Go writes its canonical form
 * (`0.5` → `"500m"`).
 * @internal
 */
export function goMarshal(value: JsonValue | undefined, type: TypeRef = UNKNOWN_TYPE): string {
  if (value === undefined || value === null) return 'null';
  if (type.kind === 'scalar' && type.format === 'date-time' && typeof value === 'string') return goJsonString(rfc3339(value));
  if (type.kind === 'scalar' && type.format === 'quantity' && typeof value === 'number') return goJsonString(String(value));
  switch (typeof value) {
    case 'string':
      return goJsonString(value);
    case 'number':
    case 'boolean':
      return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    const elem = type.kind === 'list' ? type.elem : UNKNOWN_TYPE;
    return `[${value.map((item) => goMarshal(item, elem)).join(',')}]`;
  }
  const def = structDef(type);
  if (def === undefined) {
    const elem = type.kind === 'map' ? type.elem : UNKNOWN_TYPE;
    const keys = jsonKeys(value).sort(byteOrder);
    return `{${keys.map((key) => `${goJsonString(key)}:${goMarshal(getOwn(value, key), elem)}`).join(',')}}`;
  }
  const parts: string[] = [];
  for (const [name, field] of Object.entries(def.fields)) {
    const member = getOwn(value, name);
    const pointer = isPointerField(type, name);
    if (member === undefined || member === null) {
      if (pointer || field.type.kind === 'list' || field.type.kind === 'map' || field.type.kind === 'unknown' || field.type.kind === 'opaque') {
        if (!field.omitempty) parts.push(`${goJsonString(name)}:null`);
        continue;
      }
      if (field.omitempty && field.type.kind === 'scalar' && !isStructScalar(field.type)) continue;
      parts.push(`${goJsonString(name)}:${zeroJson(field.type)}`);
      continue;
    }
    const dropsZero = field.omitempty && !pointer && field.type.kind !== 'struct' && !isStructScalar(field.type);
    if (dropsZero && isZeroValue(member, field.type)) continue;
    parts.push(`${goJsonString(name)}:${goMarshal(member, field.type)}`);
  }
  return `{${parts.join(',')}}`;
}

/** `metav1.Time`, `resource.Quantity` and `intstr.IntOrString` are Go structs: `omitempty` never drops them. */
function isStructScalar(type: TypeRef): boolean {
  return type.kind === 'scalar' && (type.format === 'date-time' || type.format === 'quantity' || type.format === 'int-or-string');
}

/** The JSON Go writes for the zero value of a non-pointer field that is absent. */
function zeroJson(type: TypeRef): string {
  if (type.kind === 'struct') return goMarshal({}, type);
  if (type.kind !== 'scalar') return 'null';
  if (type.format === 'date-time') return 'null';
  if (type.format === 'quantity') return '"0"';
  if (type.format === 'int-or-string') return '0';
  if (type.type === 'boolean') return 'false';
  return type.type === 'integer' || type.type === 'number' ? '0' : '""';
}

/** `metav1.Time.MarshalJSON`: `t.UTC().Format(time.RFC3339)`, whole seconds. */
function rfc3339(text: string): string {
  const time = Date.parse(text);
  return Number.isNaN(time) ? text : new Date(Math.floor(time / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * How `field.Error` prints a nil pointer (or nil) bad value: it replaces it with the Go string
 * `"null"` before printing, so it comes out quoted, `Invalid value: "null"` (a nil slice or map
 * is not a pointer and prints as a value). Checked against kube-apiserver 1.33.
 * @internal
 */
export const GO_NIL_VALUE = '"null"';

/** Go's `%v` of a number or a boolean, as `field.Error` prints an `int64`, `float64` or `bool` bad value. @internal */
export function goPrint(value: number | boolean): string {
  return formatGoValue(value);
}
