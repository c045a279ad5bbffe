/**
 * A token of a jq program.
 * @example
 * ```ts
 * const token: JqToken = { kind: 'field', text: 'spec', at: 0 };
 * ```
 * @internal
 */
export type JqToken =
  | { readonly kind: 'punct'; readonly text: string; readonly at: number }
  | { readonly kind: 'field'; readonly text: string; readonly at: number }
  | { readonly kind: 'ident'; readonly text: string; readonly at: number }
  | { readonly kind: 'variable'; readonly text: string; readonly at: number }
  | { readonly kind: 'number'; readonly value: number; readonly integer: boolean; readonly at: number }
  | { readonly kind: 'string'; readonly text: string; readonly at: number }
  | { readonly kind: 'format'; readonly text: string; readonly at: number }
  | { readonly kind: 'end'; readonly at: number };

/**
 * A jq program kubepatch cannot run: its syntax is wrong (`syntax`) or outside the subset (`unsupported`).
 * @example
 * ```ts
 * throw new JqCompileError('unterminated string literal', 12, 'syntax');
 * ```
 * @internal
 */
export class JqCompileError extends Error {
  constructor(
    message: string,
    readonly at: number,
    readonly reason: 'syntax' | 'unsupported',
  ) {
    super(message);
  }
}

const PUNCTUATION = ['?//', '//=', '|=', '+=', '-=', '*=', '/=', '%=', '==', '!=', '<=', '>=', '//', '..', '.', '[', ']', '{', '}', '(', ')', '|', ',', ':', ';', '=', '<', '>', '+', '-', '*', '/', '%', '?'];
const IDENT = /[a-zA-Z_][a-zA-Z0-9_]*/y;
const NUMBER = /(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?/y;

/**
 * Splits a jq program into tokens as gojq's lexer does; `\(…)` string interpolation and `::` module names are refused.
 * @example
 * ```ts
 * lexJq('.a[]').map((t) => t.kind); // ['field', 'punct', 'punct', 'end']
 * ```
 * @internal
 */
export function lexJq(source: string): JqToken[] {
  const tokens: JqToken[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    const at = i;
    if (c === '"') {
      const { text, next } = readString(source, i);
      tokens.push({ kind: 'string', text, at });
      i = next;
      continue;
    }
    if (c === '.' && (IDENT.lastIndex = i + 1, IDENT.test(source))) {
      tokens.push({ kind: 'field', text: source.slice(i + 1, IDENT.lastIndex), at });
      i = IDENT.lastIndex;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(source[i + 1] ?? ''))) {
      NUMBER.lastIndex = i;
      NUMBER.test(source);
      const text = source.slice(i, NUMBER.lastIndex);
      tokens.push({ kind: 'number', value: Number(text), integer: /^[0-9]+$/.test(text), at });
      i = NUMBER.lastIndex;
      continue;
    }
    if ((c === '$' || c === '@') && (IDENT.lastIndex = i + 1, IDENT.test(source))) {
      tokens.push({ kind: c === '$' ? 'variable' : 'format', text: source.slice(i + 1, IDENT.lastIndex), at });
      i = IDENT.lastIndex;
      continue;
    }
    IDENT.lastIndex = i;
    if (IDENT.test(source)) {
      if (source.startsWith('::', IDENT.lastIndex)) throw new JqCompileError('module references (name::fn) are not supported', at, 'unsupported');
      tokens.push({ kind: 'ident', text: source.slice(i, IDENT.lastIndex), at });
      i = IDENT.lastIndex;
      continue;
    }
    const punct = PUNCTUATION.find((p) => source.startsWith(p, i));
    if (punct === undefined) throw new JqCompileError(`unexpected token ${JSON.stringify(c)}`, at, 'syntax');
    tokens.push({ kind: 'punct', text: punct, at });
    i += punct.length;
  }
  tokens.push({ kind: 'end', at: source.length });
  return tokens;
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function readString(source: string, start: number): { text: string; next: number } {
  let text = '';
  let i = start + 1;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '"') return { text, next: i + 1 };
    if (c !== '\\') {
      text += c;
      i++;
      continue;
    }
    const e = source[i + 1];
    if (e === '(') throw new JqCompileError('string interpolation \\(…) is not supported', i, 'unsupported');
    if (e === 'u') {
      const hex = source.slice(i + 2, i + 6);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new JqCompileError('invalid escape sequence in string literal', i, 'syntax');
      text += String.fromCharCode(parseInt(hex, 16));
      i += 6;
      continue;
    }
    if (e === undefined || !Object.hasOwn(ESCAPES, e)) throw new JqCompileError(`invalid escape sequence "\\${e ?? ''}" in string literal`, i, 'syntax');
    text += ESCAPES[e];
    i += 2;
  }
  throw new JqCompileError('unterminated string literal', start, 'syntax');
}
