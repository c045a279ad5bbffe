import { escapePointerToken, formatJsonPointer } from './pointer.js';

/** Pointers up to this many tokens and characters are shown whole. */
const MAX_TOKENS = 20;
const MAX_CHARS = 300;
/** A longer one keeps this many tokens at each end, each cut to {@link MAX_TOKEN_CHARS}. */
const HEAD = 4;
const TAIL = 3;
const MAX_TOKEN_CHARS = 40;

/**
 * A JSON Pointer for an error message: whole when it is short (up to 20 tokens and 300
 * characters), else its first four and last three tokens around `…`, long tokens cut, with the
 * number of tokens: `/spec/a/a/a/…/a/a/a (1001 tokens)`. Not a pointer that resolves: errors keep
 * the whole one in their `path`.
 *
 * @example
 * ```ts
 * shortPointer(['spec', ...Array(1000).fill('a')]); // '/spec/a/a/a/…/a/a/a (1001 tokens)'
 * shortPointer(['spec', 'replicas']); // '/spec/replicas'
 * ```
 * @internal
 */
export function shortPointer(tokens: readonly string[]): string {
  const whole = formatJsonPointer(tokens);
  if (tokens.length <= MAX_TOKENS && whole.length <= MAX_CHARS) return whole;
  const cut = (token: string): string => {
    const escaped = escapePointerToken(token);
    return escaped.length <= MAX_TOKEN_CHARS ? escaped : `${escaped.slice(0, MAX_TOKEN_CHARS)}…`;
  };
  const ends = tokens.length > HEAD + TAIL ? [...tokens.slice(0, HEAD).map(cut), '…', ...tokens.slice(-TAIL).map(cut)] : tokens.map(cut);
  return `/${ends.join('/')} (${tokens.length} tokens)`;
}
