import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { applyJsonPatch, applyMergePatch, createJsonPatch, InvalidDocumentError, isKubepatchError, MAX_DEPTH } from 'kubepatch';

function rejection(document: unknown): InvalidDocumentError {
  try {
    applyMergePatch(document as object, {});
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidDocumentError);
    return error as InvalidDocumentError;
  }
  throw new Error('expected the document to be rejected');
}

describe('the input check of every entry point', () => {
  const cyclic: Record<string, unknown> = { spec: {} };
  (cyclic['spec'] as Record<string, unknown>)['self'] = cyclic;
  const loop: unknown[] = [1];
  loop.push({ back: loop });
  // A cycle far down: found as a cycle where it closes, not reported as nesting too deep.
  let deepCycle: Record<string, unknown> = { ring: {} };
  (deepCycle['ring'] as Record<string, unknown>)['next'] = deepCycle;
  for (let i = 0; i < 500; i++) deepCycle = { d: deepCycle };
  const deepCyclePath = `${'/d'.repeat(500)}/ring/next`;
  const shared = { x: [1] };

  it.each([
    ['a cycle', cyclic, '/spec/self', /cycle/],
    ['a cycle through an array', loop, '/1/back', /cycle/],
    ['a cycle 500 levels down', deepCycle, deepCyclePath, /cycle/],
    ['a bad value after shared objects', { a: shared, b: shared, c: Number.NaN }, '/c', /NaN/],
    ['the first of several problems', { a: [1, { b: Symbol('x') }], c: new Map() }, '/a/1/b', /symbol/],
    ['undefined in an array', { args: ['a', undefined] }, '/args/1', /undefined/],
    ['a hole in an array', { args: [1, , 3] }, '/args/1', /undefined/],
    ['a function', { f: () => 1 }, '/f', /function/],
    ['a symbol', { s: Symbol('x') }, '/s', /symbol/],
    ['a bigint', { n: 10n }, '/n', /bigint/],
    ['NaN', { n: Number.NaN }, '/n', /NaN/],
    ['Infinity', { list: [-Infinity] }, '/list/0', /Infinity/],
    ['a Map', { m: new Map() }, '/m', /instance of Map/],
    ['a class instance', { x: new (class Thing {})() }, '/x', /instance of Thing/],
    ['a key needing escapes', { 'a/b': { '~': new Set() } }, '/a~1b/~0', /instance of Set/],
  ])('rejects %s, naming the path', (_name, document, path, message) => {
    const error = rejection(document);
    expect(error.code).toBe('INVALID_DOCUMENT');
    expect(error.path).toBe(path);
    expect(error.input).toBe('document');
    expect(error.message).toMatch(message);
  });

  it('explains that client-node returns Date for timestamps', () => {
    const error = rejection({ metadata: { creationTimestamp: new Date(0) } });
    expect(error.path).toBe('/metadata/creationTimestamp');
    expect(error.message).toMatch(/@kubernetes\/client-node/);
  });

  it('rejects a top-level undefined and names the argument', () => {
    expect(() => createJsonPatch({}, undefined as never)).toThrow(/^to: the value at the root is undefined/);
  });

  it('rejects nesting beyond MAX_DEPTH with DOCUMENT_TOO_DEEP, never a RangeError', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const error = rejection(deep);
    expect(error.code).toBe('DOCUMENT_TOO_DEEP');
    expect(error.path?.split('/').length).toBe(MAX_DEPTH + 1);
  });

  it('accepts exactly MAX_DEPTH levels', () => {
    let deep: unknown = [];
    for (let i = 1; i < MAX_DEPTH; i++) deep = [deep];
    expect(() => applyJsonPatch(deep as object, [])).not.toThrow();
    expect(() => applyJsonPatch([deep] as object, [])).toThrow(InvalidDocumentError);
  });

  it('accepts shared (non-cyclic) references, null-prototype objects and objects from another realm', () => {
    const shared = { x: 1 };
    expect(applyMergePatch({ a: shared, b: shared }, {})).toEqual({ a: { x: 1 }, b: { x: 1 } });
    expect(applyMergePatch(Object.assign(Object.create(null), { a: 1 }), {})).toEqual({ a: 1 });
    expect(applyMergePatch(runInNewContext('({ a: [1, { b: 2 }] })') as object, {})).toEqual({ a: [1, { b: 2 }] });
    let deep: unknown = [];
    for (let i = 2; i < MAX_DEPTH; i++) deep = [deep];
    expect(() => applyJsonPatch([deep, deep], [])).not.toThrow();
  });

  it('treats properties whose value is undefined as absent, like JSON.stringify', () => {
    expect(applyMergePatch({ a: 1, b: undefined }, { c: undefined })).toEqual({ a: 1 });
    expect(createJsonPatch({ a: undefined }, {})).toEqual([]);
  });

  it('checks the patch too, and says so', () => {
    try {
      applyMergePatch({}, { when: new Date() });
      expect.unreachable();
    } catch (error) {
      expect(isKubepatchError(error, 'INVALID_DOCUMENT') && error.input).toBe('patch');
    }
  });
});
