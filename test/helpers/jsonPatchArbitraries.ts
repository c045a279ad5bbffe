import fc from 'fast-check';
import type { JsonValue } from 'kubepatch';

/** A JSON object, as the JSON Patch differential tests walk documents. */
export const isJsonObjectValue = (v: JsonValue | undefined): v is { [key: string]: JsonValue } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 6901 §4: `~` is written `~0` and `/` is written `~1` in a reference token. */
export const escapeToken = (token: string): string => token.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Random JSON documents for the JSON Patch differential tests: `scalar`s, arrays of up to 3
 * values, and objects with up to `maxKeys` distinct keys drawn from `key`.
 */
export function jsonValueArbitrary(key: fc.Arbitrary<string>, scalar: fc.Arbitrary<JsonValue>, maxKeys: number): fc.Arbitrary<JsonValue> {
  return fc.letrec<{ value: JsonValue }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      { weight: 4, arbitrary: scalar },
      { weight: 2, arbitrary: fc.array(tie('value'), { maxLength: 3 }) },
      {
        weight: 3,
        arbitrary: fc
          .uniqueArray(fc.tuple(key, tie('value')), { maxLength: maxKeys, selector: ([k]) => k })
          .map((entries) => Object.fromEntries(entries) as JsonValue),
      },
    ),
  })).value;
}

/** Every pointer into `value` below `pointer`, each paired with what is there. */
export function pointersOf(value: JsonValue, pointer: string): [string, JsonValue][] {
  const children: [string, JsonValue][] = Array.isArray(value)
    ? value.map((v, i) => [String(i), v])
    : isJsonObjectValue(value)
      ? Object.entries(value)
      : [];
  return [[pointer, value], ...children.flatMap(([k, v]) => pointersOf(v, `${pointer}/${escapeToken(k)}`))];
}
