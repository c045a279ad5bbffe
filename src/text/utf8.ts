/**
 * UTF-8 measures of a JavaScript string without Node's `Buffer`, so that the core runs wherever
 * JavaScript runs. A lone surrogate counts as U+FFFD (3 bytes), as `TextEncoder` and
 * `Buffer.from(text, 'utf8')` encode it.
 */

/** The code point at `i`, a lone surrogate read as U+FFFD; `size` is its number of UTF-16 units. */
function codePointAt(text: string, i: number): { readonly code: number; readonly size: 1 | 2 } {
  const unit = text.charCodeAt(i);
  if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
    const next = text.charCodeAt(i + 1);
    if (next >= 0xdc00 && next <= 0xdfff) return { code: 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00), size: 2 };
  }
  return { code: unit >= 0xd800 && unit <= 0xdfff ? 0xfffd : unit, size: 1 };
}

/**
 * The length of `text` in UTF-8 bytes (Go's `len(s)`), as `Buffer.byteLength(text, 'utf8')`.
 * Computed without encoding: 1 byte below U+0080, 2 below U+0800, 4 for a surrogate pair, 3 otherwise.
 */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (codePointAt(text, i).size === 2) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The order of the UTF-8 bytes of `a` and `b` (Go's string comparison, `sort.Strings`), as
 * `Buffer.compare` of their encodings: UTF-8 keeps code point order, so code points are compared
 * without encoding (JavaScript's `<` compares UTF-16 units, which differs above U+FFFF).
 */
export function compareUtf8(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = codePointAt(a, i);
    const y = codePointAt(b, j);
    if (x.code !== y.code) return x.code < y.code ? -1 : 1;
    i += x.size;
    j += y.size;
  }
  const restA = i < a.length;
  const restB = j < b.length;
  return restA === restB ? 0 : restA ? 1 : -1;
}
