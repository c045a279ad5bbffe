/**
 * go-yaml v2 (libyaml's scanner) reads a quoted scalar up to its closing quote whatever the
 * indentation of its continuation lines; the `yaml` package ends it at the first line indented
 * less than the block it sits in and reports a missing quote. kubectl reads, for example,
 *
 * ```yaml
 *     x: "aaa bbb
 *   ccc ddd"
 * ```
 *
 * as `"aaa bbb ccc ddd"`. Since a quoted scalar drops the leading white space of every continuation
 * line, indenting those lines more does not change its value: this re-indents them, for the quoted
 * scalar that ends at `end` (where the `yaml` package said a closing quote is missing). Returns
 * the new text, or `undefined` when there is nothing to relax (no closing quote at all, or a
 * document marker inside the scalar, which go-yaml refuses too). Lines keep their numbers.
 */
export function relaxQuotedIndent(text: string, end: number): string | undefined {
  const start = openingQuote(text, end);
  if (start === undefined) return undefined;
  const quote = text[start] as '"' | "'";
  const close = closingQuote(text, start, quote);
  if (close === undefined) return undefined;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = start - lineStart + 1;
  let result = text.slice(0, start);
  let from = start;
  for (let newline = text.indexOf('\n', start); newline !== -1 && newline < close; newline = text.indexOf('\n', newline + 1)) {
    const next = newline + 1;
    if (/^(?:---|\.\.\.)(?:[ \t\r\n]|$)/.test(text.slice(next, next + 4))) return undefined;
    let spaces = 0;
    while (text[next + spaces] === ' ') spaces++;
    const blank = text[next + spaces] === '\n' || text[next + spaces] === '\r';
    if (spaces >= indent || blank) continue;
    result += text.slice(from, next) + ' '.repeat(indent - spaces);
    from = next;
  }
  return result + text.slice(from);
}

/** The quote that opens the scalar the `yaml` package cut short at `end`: the nearest one before it that is not escaped. */
function openingQuote(text: string, end: number): number | undefined {
  for (let i = Math.min(end, text.length) - 1; i >= 0; i--) {
    const char = text[i];
    if (char === '"') {
      let backslashes = 0;
      while (text[i - 1 - backslashes] === '\\') backslashes++;
      if (backslashes % 2 === 0) return i;
    } else if (char === "'") {
      if (text[i - 1] === "'") {
        i--;
        continue;
      }
      return i;
    }
  }
  return undefined;
}

function closingQuote(text: string, start: number, quote: '"' | "'"): number | undefined {
  for (let i = start + 1; i < text.length; i++) {
    const char = text[i];
    if (quote === '"' && char === '\\') i++;
    else if (char === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return undefined;
}
