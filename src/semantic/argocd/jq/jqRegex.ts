import type { JsonValue } from '../../../json/JsonValue.js';
import { describeJq, jqFail, toJqJson } from './jqValues.js';

const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z', alpha: 'A-Za-z', ascii: '\\x00-\\x7F', blank: '\\t ', cntrl: '\\x00-\\x1F\\x7F', digit: '0-9',
  graph: '!-~', lower: 'a-z', print: ' -~', punct: '!-\\/:-@\\[-`{-~', space: '\\t\\n\\v\\f\\r ', upper: 'A-Z', word: '0-9A-Za-z_', xdigit: '0-9A-Fa-f',
};

/**
 * gojq's regular expressions are Go's RE2; kubepatch runs them as JavaScript `RegExp`s, which
 * agree for the patterns ignore rules use. Translated: `(?P<name>…)` groups, POSIX classes
 * inside brackets (`[[:alpha:]]`), leading inline flags `(?i)`, `(?s)`, `(?m)`, and `\A`/`\z`.
 * jq's flag string: `i` (ignore case), `x` (extended: whitespace and `#` comments dropped), `s`
 * (single line), `p` (`s` and `m`), `g`, `n` and `l` (no effect on `test`); anything else fails
 * as gojq fails. A pattern neither reads fails like an invalid one (the rule is skipped).
 * @example
 * ```ts
 * compileJqRegex('(?P<x>a)', 'i', 'test', 'A').test('A'); // true
 * ```
 * @internal
 */
export function compileJqRegex(pattern: JsonValue, flags: JsonValue, name: string, input: JsonValue): RegExp {
  if (typeof pattern !== 'string' || (flags !== null && typeof flags !== 'string')) {
    jqFail(`${name}(${toJqJson(pattern)}; ${toJqJson(flags)}) cannot be applied to: ${describeJq(input)}`);
  }
  let jsFlags = '';
  let source = pattern;
  for (const flag of flags ?? '') {
    if (flag === 'i') jsFlags += 'i';
    else if (flag === 's') jsFlags += 's';
    else if (flag === 'p') jsFlags += 'sm';
    else if (flag === 'x') source = source.replace(/\\.|\[(?:\\.|[^\]])*\]|#[^\n]*|\s+/g, (m) => (m.startsWith('\\') || m.startsWith('[') ? m : ''));
    else if (!'gnl'.includes(flag)) jqFail(`${JSON.stringify(flags)} is not a valid modifier string`);
  }
  const inline = /^\(\?([imsU]+)\)/.exec(source);
  if (inline !== null) {
    if (inline[1]!.includes('U')) jqFail(`invalid regular expression ${JSON.stringify(pattern)}: the U flag is not supported`);
    jsFlags += inline[1];
    source = source.slice(inline[0].length);
  }
  source = source
    .replace(/\(\?P</g, '(?<')
    .replace(/\[:(\^?)([a-z]+):\]/g, (m, negated: string, cls: string) => (negated === '' && Object.hasOwn(POSIX_CLASSES, cls) ? POSIX_CLASSES[cls]! : m))
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '$');
  const unique = [...new Set(jsFlags)].join('');
  for (const mode of ['u', '']) {
    try {
      return new RegExp(source, unique + mode);
    } catch {
      // try without the Unicode flag: Go accepts escapes such as \: that `u` refuses
    }
  }
  return jqFail(`invalid regular expression ${JSON.stringify(pattern)}`);
}
