import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { jsonEqual } from '../../src/json/jsonEqual.js';
import type { JsonValue } from '../../src/json/JsonValue.js';
import { NOT_JSON } from '../../src/json/notJson.js';
import { structuralHashChecking } from '../../src/json/structuralHash.js';

/** The hash of a whole document (nesting 1). */
const structuralHash = (value: JsonValue): number => structuralHashChecking(value, 1);
import { jsonDocument, rewritten } from '../helpers/arbitraries.js';

describe('structuralHashChecking', () => {
  // List diffs take equal hashes as candidates and unequal ones as different elements, so
  // jsonEqual values must never hash apart.
  test.prop([jsonDocument()], { numRuns: 500 })('hashes jsonEqual values alike, whatever the key order or sign of zero', (value) => {
    const copy = rewritten(value) as JsonValue;
    expect(jsonEqual(value as JsonValue, copy)).toBe(true);
    expect(structuralHash(copy)).toBe(structuralHash(value as JsonValue));
  });

  it('hashes numbers by value and skips undefined members, as jsonEqual does', () => {
    expect(structuralHash(-0)).toBe(structuralHash(0));
    expect(structuralHash([{ a: -0.0 }])).toBe(structuralHash([{ a: 0 }]));
    expect(structuralHash(1.5e300)).toBe(structuralHash(15e299));
    expect(structuralHash({ a: 1, b: undefined } as unknown as JsonValue)).toBe(structuralHash({ a: 1 }));
  });

  it('tells apart values that differ only in type, nesting or order', () => {
    const values: JsonValue[] = [0, 1, -1, 0.5, '0', '', true, false, null, [], {}, [0], [[]], [1, 2], [2, 1], { a: 1 }, { a: '1' }, { b: 1 }, { a: { a: 1 } }, 2 ** 53];
    expect(new Set(values.map(structuralHash)).size).toBe(values.length);
  });

  it('gives up with NOT_JSON on what assertJsonValue rejects, wherever it sits', () => {
    for (const bad of [Number.NaN, [1, Infinity], { a: { b: () => 1 } }, [new Date(0)], { s: Symbol('s') }]) {
      let thrown: unknown;
      try {
        structuralHashChecking(bad, 1);
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBe(NOT_JSON);
    }
  });
});
