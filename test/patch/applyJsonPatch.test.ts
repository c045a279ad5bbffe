import { describe, expect, it } from 'vitest';
import { applyJsonPatch, InvalidPatchError, type JsonPatch } from 'kubepatch';
import { deepFreeze } from '../helpers/deepFreeze.js';

const deployment = () =>
  deepFreeze({
    spec: {
      replicas: 3,
      template: { spec: { containers: [{ name: 'app', image: 'app:1' }, { name: 'proxy', image: 'envoy:1' }] } },
    },
  });

function failure(document: object, patch: unknown): InvalidPatchError {
  try {
    applyJsonPatch(document, patch as JsonPatch);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidPatchError);
    return error as InvalidPatchError;
  }
  throw new Error('expected the patch to fail');
}

describe('applyJsonPatch', () => {
  it('is atomic: a failing operation leaves the input untouched and names its index and path', () => {
    const doc = deployment();
    const error = failure(doc, [
      { op: 'replace', path: '/spec/replicas', value: 5 },
      { op: 'remove', path: '/spec/template/spec/containers/2' },
    ]);
    expect(error).toMatchObject({ code: 'PATH_NOT_FOUND', operationIndex: 1, path: '/spec/template/spec/containers/2' });
    expect(doc.spec.replicas).toBe(3);
  });

  it('returns a document that shares nothing with its inputs', () => {
    const value = { name: 'sidecar' };
    const result = applyJsonPatch(deployment(), [{ op: 'add', path: '/spec/template/spec/containers/-', value }]) as ReturnType<
      typeof deployment
    >;
    expect(result.spec.template.spec.containers[2]).toEqual(value);
    expect(result.spec.template.spec.containers[2]).not.toBe(value);
    result.spec.replicas = 10; // the result is the caller's to change
  });

  it('matches members as own properties only', () => {
    expect(failure({}, [{ op: 'remove', path: '/toString' }]).code).toBe('PATH_NOT_FOUND');
    expect(failure({}, [{ op: 'replace', path: '/constructor', value: 1 }]).code).toBe('PATH_NOT_FOUND');
    expect(failure({}, [{ op: 'add', path: '/__proto__/polluted', value: 1 }]).code).toBe('PATH_NOT_FOUND');
    expect(applyJsonPatch({}, [{ op: 'add', path: '/constructor', value: 1 }])).toEqual({ constructor: 1 });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each([
    ['a leading zero', '/a/01'],
    ['a negative index', '/a/-1'],
    ['"-" outside add', '/a/-'],
    ['an index past the end', '/a/2'],
    ['a property of an array', '/a/length'],
  ])('rejects %s in remove', (_name, path) => {
    expect(failure({ a: [1, 2] }, [{ op: 'remove', path }]).code).toBe('PATH_NOT_FOUND');
  });

  it('appends with "-" and inserts at length', () => {
    expect(applyJsonPatch([1], [{ op: 'add', path: '/-', value: 2 }, { op: 'add', path: '/2', value: 3 }])).toEqual([1, 2, 3]);
  });

  it('counts indexes on the array as earlier operations left it', () => {
    const patch: JsonPatch = [
      { op: 'remove', path: '/0' },
      { op: 'replace', path: '/0', value: 'x' },
    ];
    expect(applyJsonPatch(['a', 'b', 'c'], patch)).toEqual(['x', 'c']);
  });

  it('replaces or removes the whole document only where RFC 6902 allows', () => {
    expect(applyJsonPatch({ a: 1 }, [{ op: 'replace', path: '', value: [1] }])).toEqual([1]);
    expect(applyJsonPatch('scalar', [{ op: 'add', path: '', value: null }])).toBeNull();
    expect(failure({ a: 1 }, [{ op: 'remove', path: '' }]).code).toBe('INVALID_PATCH');
  });

  it('moves: removes then adds, refuses to move into a child, and a move onto itself is a no-op', () => {
    expect(applyJsonPatch({ a: [1, 2, 3] }, [{ op: 'move', from: '/a/0', path: '/a/2' }])).toEqual({ a: [2, 3, 1] });
    expect(failure({ a: { b: 1 } }, [{ op: 'move', from: '/a', path: '/a/b/c' }]).code).toBe('INVALID_PATCH');
    expect(applyJsonPatch({ a: { b: 1 } }, [{ op: 'move', from: '/a', path: '/a' }])).toEqual({ a: { b: 1 } });
  });

  it('copies values, not references', () => {
    const result = applyJsonPatch({ a: { b: 1 } }, [{ op: 'copy', from: '/a', path: '/c' }]) as Record<string, { b: number }>;
    expect(result['c']).toEqual({ b: 1 });
    expect(result['c']).not.toBe(result['a']);
  });

  it('tests by JSON equality: numbers are not strings, null is not absent, key order does not matter', () => {
    expect(() => applyJsonPatch({ a: 1 }, [{ op: 'test', path: '/a', value: '1' }])).toThrow(/TEST_FAILED|expected "1"/);
    expect(() => applyJsonPatch({}, [{ op: 'test', path: '/a', value: null }])).toThrow(expect.objectContaining({ code: 'TEST_FAILED', actual: undefined }));
    expect(applyJsonPatch({ a: { x: 1, y: 2 } }, [{ op: 'test', path: '/a', value: { y: 2, x: 1 } }])).toEqual({ a: { x: 1, y: 2 } });
  });

  it.each([
    ['not an array', { op: 'add', path: '/a', value: 1 }, undefined],
    ['an unknown op', [{ op: 'merge', path: '/a' }], 0],
    ['a missing path', [{ op: 'remove' }], 0],
    ['a missing value', [{ op: 'test', path: '/a' }], 0],
    ['a missing from', [{ op: 'copy', path: '/a' }], 0],
    ['a bad pointer', [{ op: 'add', path: '/ok', value: 1 }, { op: 'add', path: 'a', value: 1 }], 1],
  ])('rejects a malformed patch: %s', (_name, patch, operationIndex) => {
    const error = failure({ a: 1 }, patch);
    expect(error.code).toBe('INVALID_PATCH');
    expect(error.operationIndex).toBe(operationIndex);
  });

  it('ignores members an operation does not define (RFC 6902 §4)', () => {
    expect(applyJsonPatch({ a: 1 }, [{ op: 'remove', path: '/a', value: 'ignored' } as never])).toEqual({});
  });
});
