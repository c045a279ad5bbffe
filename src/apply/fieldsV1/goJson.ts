import type { JsonValue } from '../../json/JsonValue.js';
import { compareUtf8 } from '../../text/utf8.js';

const hex = (code: number) => code.toString(16).padStart(4, '0');

/**
 * A string as json-iterator's `Stream.WriteString` writes it, which structured-merge-diff uses for
 * every object key (the `fieldsV1` keys and the field names inside `k:`): `"` and `\` escaped,
 * `\n`, `\r`, `\t`, other bytes below 0x20 as `\u00XX` ("This encodes bytes < 0x20 except for \t,
 * \n and \r"), everything else as it is. A lone surrogate, which cannot reach the server as
 * UTF-8, is written as U+FFFD.
 *
 * @example
 * ```ts
 * goJsonKey('k:{"name":"a"}'); // → '"k:{\\"name\\":\\"a\\"}"'
 * ```
 * @internal
 */
export function goJsonKey(text: string): string {
  return quote(text, false);
}

/**
 * A JSON value as json-iterator's `ConfigCompatibleWithStandardLibrary` writes it
 * (`stream.WriteVal(v.Unstructured())`): strings HTML-escaped as `encoding/json` does (`<`, `>`,
 * `&`, U+2028, U+2029 as `\u003c`, …), map keys sorted, numbers as json-iterator writes a `float64`
 * (`strconv.AppendFloat` with `'f'`, or `'e'` below 1e-6 and from 1e21, its exponent of at least two
 * digits, `1e-07`: json-iterator does not "clean up e-09 to e-9" as `encoding/json` does).
 *
 * @example
 * ```ts
 * goJsonValue({ b: 'x<y', a: 1 }); // → '{"a":1,"b":"x\\u003cy"}'
 * ```
 * @internal
 */
export function goJsonValue(value: JsonValue): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return quote(value, true);
    case 'number':
      return goFloat(value);
    case 'boolean':
      return value ? 'true' : 'false';
  }
  if (Array.isArray(value)) return `[${value.map(goJsonValue).join(',')}]`;
  const keys = Object.keys(value).sort(compareUtf8);
  return `{${keys.map((key) => `${quote(key, true)}:${goJsonValue(value[key]!)}`).join(',')}}`;
}

function goFloat(value: number): string {
  if (Object.is(value, -0)) return '-0';
  const text = String(value); // the shortest digits, exponent form exactly where Go's is
  const e = text.indexOf('e');
  if (e < 0) return text;
  const digits = text.slice(e + 2);
  return `${text.slice(0, e + 2)}${digits.length < 2 ? `0${digits}` : digits}`;
}

function quote(text: string, html: boolean): string {
  let out = '"';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let escaped: string | undefined;
    if (code === 0x22) escaped = '\\"';
    else if (code === 0x5c) escaped = '\\\\';
    else if (code === 0x0a) escaped = '\\n';
    else if (code === 0x0d) escaped = '\\r';
    else if (code === 0x09) escaped = '\\t';
    else if (code < 0x20) escaped = `\\u${hex(code)}`;
    else if (html && (code === 0x3c || code === 0x3e || code === 0x26 || code === 0x2028 || code === 0x2029)) escaped = `\\u${hex(code)}`;
    else if (code >= 0xd800 && code <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      escaped = html ? '\\ufffd' : '\ufffd';
    }
    if (escaped !== undefined) {
      out += text.slice(start, i) + escaped;
      start = i + 1;
    }
  }
  return `${out}${text.slice(start)}"`;
}
