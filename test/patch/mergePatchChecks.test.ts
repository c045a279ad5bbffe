// createMergePatch checks its inputs in the same walk that diffs them: whatever is not JSON, in a
// part that changed, in one that did not, in one only `from` has or one both share by reference,
// gives the error a check up front gives; and the patch shares nothing with its inputs, also when
// `to` was built from `from` (as controllers build a desired object from the live one).
import { describe, expect, it } from 'vitest';
import { createMergePatch, InvalidDocumentError } from 'kubepatch';
import { deepFreeze } from '../helpers/deepFreeze.js';

function thrown(from: unknown, to: unknown): { code: string; path?: string; input?: string; message: string } | undefined {
  try {
    createMergePatch(from as object, to as object);
  } catch (caught) {
    expect(caught).toBeInstanceOf(InvalidDocumentError);
    const { code, path, input, message } = caught as InvalidDocumentError;
    return { code, path, input, message };
  }
  return undefined;
}

function objectsOf(value: unknown, into = new Set<object>()): Set<object> {
  if (typeof value !== 'object' || value === null || into.has(value)) return into;
  into.add(value);
  for (const key of Object.keys(value)) objectsOf((value as Record<string, unknown>)[key], into);
  return into;
}

describe('createMergePatch checks as it diffs', () => {
  it('finds what is not JSON wherever it is, and names the first problem of `from` before any of `to`', () => {
    expect(thrown({ a: { b: NaN } }, {})).toMatchObject({ path: '/a/b', input: 'from' });
    expect(thrown({ a: 1, keep: [1, { x: Infinity }] }, { a: 2, keep: [1, { x: Infinity }] })).toMatchObject({ path: '/keep/1/x', input: 'from' });
    expect(thrown({ a: 1 }, { a: [1, () => 1] })).toMatchObject({ path: '/a/1', input: 'to' });
    expect(thrown({ a: new Date(0) }, { b: 1 })).toMatchObject({ path: '/a', input: 'from', message: expect.stringContaining('is a Date') });
    expect(thrown({ z: NaN, a: 1 }, { a: { b: 10n } })).toMatchObject({ path: '/z', input: 'from' });
    const cycle: Record<string, unknown> = { name: 'x' };
    cycle.self = cycle;
    expect(thrown({ spec: cycle }, { spec: { name: 'y' } })).toMatchObject({ path: '/spec/self', input: 'from', message: expect.stringContaining('a cycle') });
  });

  it('checks the elements of a replaced list that `to` does not share', () => {
    const shared = { name: 'a' };
    expect(thrown({ list: [shared, { name: 'b', bad: Symbol('s') }] }, { list: [shared, { name: 'c' }] })).toMatchObject({ path: '/list/1/bad', input: 'from' });
    expect(thrown({ list: [shared, { name: 'b' }, NaN] }, { list: [shared, { name: 'b' }] })).toMatchObject({ path: '/list/2', input: 'from' });
    expect(thrown({ list: [shared] }, { list: [shared, 1] })).toBeUndefined();
  });

  it('shares nothing with its inputs when `to` is built from `from`', () => {
    const from = deepFreeze({
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: { containers: [{ name: 'app', image: 'app:1', env: [{ name: 'A', value: '1' }] }, { name: 'side', image: 'side:1' }] },
    });
    const [app, side] = from.spec.containers;
    const to = deepFreeze({ ...from, spec: { containers: [app, { ...side, image: 'side:2' }, { name: 'new', image: 'new:1' }] } });
    const patch = createMergePatch(from, to);
    expect(patch).toEqual({ spec: { containers: to.spec.containers } });
    const inputs = objectsOf(from, objectsOf(to));
    for (const object of objectsOf(patch)) expect(inputs.has(object)).toBe(false);
  });

  it('keeps `__proto__` as a member, never as a prototype', () => {
    const from = JSON.parse('{"__proto__": {"a": 1}, "b": 1}') as object;
    const to = JSON.parse('{"__proto__": {"a": 2}, "c": {"__proto__": [1]}}') as object;
    const patch = createMergePatch(from, to) as Record<string, unknown>;
    expect(Object.getPrototypeOf(patch)).toBe(Object.prototype);
    expect(Object.keys(patch)).toEqual(['__proto__', 'c', 'b']);
    expect(JSON.stringify(patch)).toBe('{"__proto__":{"a":2},"c":{"__proto__":[1]},"b":null}');
  });
});
