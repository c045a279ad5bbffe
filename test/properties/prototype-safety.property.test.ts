import { test } from '@fast-check/vitest';
import { afterEach, describe, expect } from 'vitest';
import {
  applyJsonPatch,
  applyMergePatch,
  createJsonPatch,
  createMergePatch,
  createThreeWayMergePatch,
} from 'kubepatch';
import { jsonObject } from '../helpers/arbitraries.js';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { expectJsonEqual } from '../helpers/oracle.js';

const prototypeKeys = (): string[] => Object.getOwnPropertyNames(Object.prototype).sort();
const before = prototypeKeys();

describe('documents with __proto__ / constructor / prototype keys', () => {
  afterEach(() => {
    expect(prototypeKeys()).toEqual(before);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  test.prop([jsonObject(), jsonObject()], { numRuns: 300 })('round-trip through every engine as plain data', (a, b) => {
    deepFreeze(a);
    deepFreeze(b);
    const json = applyJsonPatch(a, createJsonPatch(a, b));
    expectJsonEqual(json, b);
    expect(Object.getPrototypeOf(json)).toBe(Object.prototype);
    const merged = applyMergePatch(a, createMergePatch(a, b));
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    applyMergePatch(b, createThreeWayMergePatch(a, b, b));
  });

  test.prop([jsonObject()], { numRuns: 100 })('a __proto__ payload is written as an own key', (a) => {
    const payload = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}');
    const merged = applyMergePatch(deepFreeze(a), payload) as Record<string, unknown>;
    expect(Object.hasOwn(merged, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    const patched = applyJsonPatch(a, [
      { op: 'add', path: '/__proto__', value: { polluted: true } },
      { op: 'add', path: '/__proto__/polluted2', value: true },
      { op: 'add', path: '/constructor', value: {} },
      { op: 'add', path: '/constructor/prototype', value: { polluted: true } },
    ]) as Record<string, unknown>;
    expectJsonEqual(Object.getOwnPropertyDescriptor(patched, '__proto__')?.value, { polluted: true, polluted2: true });
    expect(Object.getPrototypeOf(patched)).toBe(Object.prototype);
  });
});
