import deepEqual from 'deep-equal';
import { expect } from 'vitest';

/** The independent oracle: deep-equal in strict mode (its default is loose: 1 == '1'). */
export function expectJsonEqual(actual: unknown, expected: unknown): void {
  if (!deepEqual(actual, expected, { strict: true })) {
    expect(actual).toEqual(expected); // fails, with vitest's readable diff
    throw new Error(`deep-equal (strict) says ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`);
  }
}
