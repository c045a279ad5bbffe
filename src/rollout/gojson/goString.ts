/**
 * Strings as Go's `encoding/json` writes them (`json.Marshal`, which escapes HTML).
 *
 * encoding.go, `appendString`: "`\"`, `\\`, and control characters are escaped; `<`, `>` and `&`
 * are escaped because `escapeHTML` is set; U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR
 * are escaped ... they are valid in JSON but not in JavaScript". Control characters other than
 * `\n`, `\r`, `\t`, `\b` and `\f` become `\u00XX` with lower-case hex. `\b` and `\f` have their
 * short forms since Go 1.22 (Argo Rollouts 1.8 and 1.9 are built with Go 1.23 or later; older Go
 * wrote `\u0008` and `\u000c`). Everything else, DEL and non-ASCII included, is written as is.
 */
const mustEscape = /["\\\u0000-\u001f<>&\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const shortEscapes: Readonly<Record<string, string>> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

function escape(char: string): string {
  const short = shortEscapes[char];
  if (short !== undefined) return short;
  const code = char.charCodeAt(0);
  // A lone surrogate cannot come out of Go's decoder: it reads `"\ud800"` (and invalid UTF-8) as
  // U+FFFD, which the encoder then writes as it is.
  if (code >= 0xd800 && code <= 0xdfff) return '\ufffd';
  return '\\u' + code.toString(16).padStart(4, '0');
}

/**
 * `s` as a Go JSON string literal, quotes included.
 *
 * @example
 * ```ts
 * goQuote('a<b>&c'); // '"a\\u003cb\\u003e\\u0026c"'
 * ```
 * @internal
 */
export function goQuote(s: string): string {
  return '"' + s.replace(mustEscape, escape) + '"';
}

/**
 * Orders map keys as Go does: encoding/json sorts a map's keys as Go strings compare, byte by
 * byte in UTF-8, which is code point order (JavaScript's `<` compares UTF-16 code units, which
 * differs for characters above U+FFFF). Lone surrogates compare as U+FFFD, what Go decodes them to.
 *
 * @example
 * ```ts
 * ['b', 'a', '\u{1F600}', '\uFFFF'].sort(compareGoStrings); // ['a', 'b', '\uFFFF', '\u{1F600}']
 * ```
 * @internal
 */
export function compareGoStrings(a: string, b: string): number {
  const x = wellFormed(a);
  const y = wellFormed(b);
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const cx = x.codePointAt(i) as number;
    const cy = y.codePointAt(j) as number;
    if (cx !== cy) return cx - cy;
    i += cx > 0xffff ? 2 : 1;
    j += cy > 0xffff ? 2 : 1;
  }
  return x.length - i - (y.length - j);
}

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function wellFormed(s: string): string {
  return s.replace(loneSurrogate, '\ufffd');
}
