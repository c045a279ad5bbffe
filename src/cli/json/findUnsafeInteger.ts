import { formatJsonPointer } from '../../json/pointer.js';

/** Where an integer of a JSON text is beyond ±(2^53 − 1): its JSON Pointer, its text and its line (from 1). */
export interface UnsafeInteger {
  readonly path: string;
  readonly literal: string;
  readonly line: number;
}

const SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * Finds the first integer literal (no fraction, no exponent) of a valid JSON text whose value a
 * JavaScript number cannot hold exactly, which `JSON.parse` would silently round. Node 20's
 * `JSON.parse` reviver has no access to the source text, hence this scan. Numbers written with a
 * fraction or an exponent are floats in Go too, and kubectl rounds them the same way.
 */
export function findUnsafeInteger(text: string): UnsafeInteger | undefined {
  const offset = scan(text, undefined);
  if (offset === undefined) return undefined;
  const tokens: string[] = [];
  scan(text, { tokens, stopAt: offset });
  const literal = /^-?[0-9]+/.exec(text.slice(offset))?.[0] ?? '';
  const line = text.slice(0, offset).split('\n').length;
  return { path: formatJsonPointer(tokens), literal, line };
}

interface PathTracking {
  readonly tokens: string[];
  readonly stopAt: number;
}

/** Offset of the first unsafe integer; with `track`, fills `track.tokens` with the path of the value at `track.stopAt`. */
function scan(text: string, track: PathTracking | undefined): number | undefined {
  /** Per open container: `true` for an object, else the array's next index. */
  const frames: Array<{ object: boolean; index: number; expectKey: boolean }> = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let end = i + 1;
      for (;;) {
        const quote = text.indexOf('"', end);
        let backslashes = 0;
        while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
        end = quote + 1;
        if (backslashes % 2 === 0) break;
      }
      const frame = frames[frames.length - 1];
      if (track !== undefined && frame?.object === true && frame.expectKey) {
        track.tokens[frames.length - 1] = JSON.parse(text.slice(i, end)) as string;
        frame.expectKey = false;
      }
      i = end - 1;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      frames.push({ object: c === 0x7b, index: 0, expectKey: true });
      if (track !== undefined && c === 0x5b) track.tokens[frames.length - 1] = '0';
    } else if (c === 0x7d || c === 0x5d) {
      frames.pop();
      if (track !== undefined) track.tokens.length = frames.length;
    } else if (c === 0x2c /* , */) {
      const frame = frames[frames.length - 1];
      if (frame !== undefined && track !== undefined) {
        if (frame.object) frame.expectKey = true;
        else track.tokens[frames.length - 1] = String(++frame.index);
      }
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      let end = i + 1;
      while (end < text.length && /[0-9.eE+-]/.test(text[end] as string)) end++;
      const literal = text.slice(i, end);
      if (track !== undefined && i === track.stopAt) {
        track.tokens.length = frames.length;
        return i;
      }
      if (track === undefined && literal.length > 15 && /^-?[0-9]+$/.test(literal) && BigInt(literal.replace('-', '')) > SAFE) return i;
      i = end - 1;
    }
  }
  return undefined;
}
