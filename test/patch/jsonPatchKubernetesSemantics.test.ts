import fc from 'fast-check';
import { applyJsonPatch, createJsonPatch, isKubepatchError, schemaFor, type JsonPatchOperation, type JsonValue } from 'kubepatch';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { expectJsonEqual } from '../helpers/oracle.js';

const kubernetes = { semantics: 'kubernetes' } as const;

function outcome(document: JsonValue, patch: JsonPatchOperation[], semantics?: 'kubernetes' | 'rfc6902'): { result: JsonValue } | { code: string } {
  try {
    return { result: applyJsonPatch(deepFreeze(structuredClone(document)), deepFreeze(structuredClone(patch)), semantics === undefined ? {} : { semantics }) };
  } catch (error) {
    if (!isKubepatchError(error)) throw error;
    return { code: error.code };
  }
}

describe("applyJsonPatch with { semantics: 'kubernetes' } (evanphx/json-patch v4.12.0, as kube-apiserver 1.33)", () => {
  // Each row: what the server does, and what RFC 6902 (the default) does instead.
  const rows: [string, JsonValue, JsonPatchOperation[], JsonValue, string][] = [
    ['remove at -1 removes the last element', { args: ['a', 'b', 'c'] }, [{ op: 'remove', path: '/args/-1' }], { args: ['a', 'b'] }, 'PATH_NOT_FOUND'],
    ['add at 01 inserts at index 1', { args: ['a', 'b'] }, [{ op: 'add', path: '/args/01', value: 'x' }], { args: ['a', 'x', 'b'] }, 'PATH_NOT_FOUND'],
    ['add at -1 appends', { args: ['a'] }, [{ op: 'add', path: '/args/-1', value: 'x' }], { args: ['a', 'x'] }, 'PATH_NOT_FOUND'],
    ['replace at +1', { args: ['a', 'b'] }, [{ op: 'replace', path: '/args/+1', value: 'x' }], { args: ['a', 'x'] }, 'PATH_NOT_FOUND'],
    ['a pointer through -1', { c: [{ n: 1 }, { n: 2 }] }, [{ op: 'replace', path: '/c/-1/n', value: 3 }], { c: [{ n: 1 }, { n: 3 }] }, 'PATH_NOT_FOUND'],
    ['test null passes on a missing member', { spec: {} }, [{ op: 'test', path: '/spec/paused', value: null }], { spec: {} }, 'TEST_FAILED'],
    ['replace of a missing member adds it', { spec: {} }, [{ op: 'replace', path: '/spec/paused', value: true }], { spec: { paused: true } }, 'PATH_NOT_FOUND'],
    ['copy from a missing member copies null', { spec: {} }, [{ op: 'copy', from: '/spec/x', path: '/spec/y' }], { spec: { y: null } }, 'PATH_NOT_FOUND'],
    ['move into its own child', { a: ['s', {}] }, [{ op: 'move', from: '/a/0', path: '/a/0/x' }], { a: [{ x: 's' }] }, 'INVALID_PATCH'],
    ['a test of a string the patch wrote passes', {}, [{ op: 'add', path: '/s', value: 'a<b' }, { op: 'test', path: '/s', value: 'a<b' }], { s: 'a<b' }, 'none'],
  ];
  it.each(rows)('%s', (_title, document, patch, expected, rfcCode) => {
    expect(outcome(document, patch, 'kubernetes')).toEqual({ result: expected });
    if (rfcCode === 'none') expect(outcome(document, patch)).toEqual({ result: expected });
    else expect(outcome(document, patch)).toEqual({ code: rfcCode });
  });

  const refusals: [string, JsonValue, JsonPatchOperation[], string][] = [
    ['a test of a stored string holding <', { s: 'a<b' }, [{ op: 'test', path: '/s', value: 'a<b' }], 'TEST_FAILED'],
    ['a test of a stored object holding &', { o: { s: 'x&y', n: 1 } }, [{ op: 'test', path: '/o', value: { n: 1, s: 'x&y' } }], 'TEST_FAILED'],
    ['a test of a copied string holding >', { s: 'a' }, [{ op: 'add', path: '/t', value: 'p>q' }, { op: 'copy', from: '/t', path: '/u' }, { op: 'test', path: '/u', value: 'p>q' }], 'TEST_FAILED'],
    ['add at ""', { a: 1 }, [{ op: 'add', path: '', value: { b: 2 } }], 'PATH_NOT_FOUND'],
    ['move from a missing member', { a: {} }, [{ op: 'move', from: '/a/x', path: '/a/y' }], 'PATH_NOT_FOUND'],
    ['remove at -3 of two', { a: [1, 2] }, [{ op: 'remove', path: '/a/-3' }], 'PATH_NOT_FOUND'],
    ['a test comparing an array holding null (the library crashes)', { a: [null] }, [{ op: 'test', path: '/a', value: [null] }], 'INVALID_PATCH'],
    ['stepping into a null the patch wrote (the library crashes)', {}, [{ op: 'add', path: '/n', value: null }, { op: 'add', path: '/n/x', value: 1 }], 'INVALID_PATCH'],
    ['a pointer without a leading /, which the server would read from its second token', { a: 1 }, [{ op: 'remove', path: 'x/a' }], 'INVALID_PATCH'],
  ];
  it.each(refusals)('refuses %s', (_title, document, patch, code) => {
    expect(outcome(document, patch, 'kubernetes')).toEqual({ code });
  });

  it('at most 10,000 operations, as the API server (413 beyond)', () => {
    const tests = (n: number): JsonPatchOperation[] => Array.from({ length: n }, () => ({ op: 'test', path: '/a', value: 1 }));
    expect(outcome({ a: 1 }, tests(10_000), 'kubernetes')).toEqual({ result: { a: 1 } });
    expect(outcome({ a: 1 }, tests(10_001), 'kubernetes')).toEqual({ code: 'INVALID_PATCH' });
    expect(outcome({ a: 1 }, tests(10_001))).toEqual({ result: { a: 1 } }); // RFC 6902 sets no limit
  });

  it('copies may add at most 3 MiB of JSON text, counted as Go writes it (<, > and & take 6 bytes)', () => {
    const document = { big: '<'.repeat(262_140) }; // 1,572,842 bytes as Go writes it (262,142 as JSON.stringify does): two fit in 3,145,728
    const copies = (n: number): JsonPatchOperation[] => Array.from({ length: n }, (_, i) => ({ op: 'copy', from: '/big', path: `/c${i}` }));
    expect(outcome(document, copies(2), 'kubernetes')).toHaveProperty('result');
    expect(outcome(document, copies(3), 'kubernetes')).toEqual({ code: 'INVALID_PATCH' });
  });

  it('a bad semantics is a typed error', () => {
    expect(() => applyJsonPatch({}, [], { semantics: 'rfc' as never })).toThrow(expect.objectContaining({ code: 'INVALID_PATCH' }));
    expect(() => createJsonPatch({}, {}, { semantics: 'rfc' as never })).toThrow(expect.objectContaining({ code: 'INVALID_PATCH' }));
  });
});

describe("createJsonPatch(…, { guard: true, semantics: 'kubernetes' }): guards the API server can pass", () => {
  const before = { env: [{ name: 'A', value: 'a&b' }, { name: 'B', value: '2' }], args: ['--x=<y>', '--z'] };
  const after = { env: [{ name: 'B', value: '2' }], args: ['--z'] };

  it('the RFC guard tests the whole element, which the server fails when it holds <, > or &', () => {
    const guarded = createJsonPatch(before, after, { guard: true });
    expect(guarded).toContainEqual({ op: 'test', path: '/env/0', value: { name: 'A', value: 'a&b' } });
    expect(outcome(before, guarded, 'kubernetes')).toEqual({ code: 'TEST_FAILED' });
  });

  it('the kubernetes guard tests the element part by part and leaves such strings out', () => {
    const guarded = createJsonPatch(before, after, { guard: true, semantics: 'kubernetes' });
    expect(guarded).toEqual([
      { op: 'test', path: '/env/0/name', value: 'A' },
      { op: 'remove', path: '/env/0' },
      { op: 'remove', path: '/args/0' },
    ]);
    expect(outcome(before, guarded, 'kubernetes')).toEqual({ result: after });
    // It still refuses a stale read: someone inserted an env var in front.
    expect(outcome({ ...before, env: [{ name: 'R', value: 'r' }, ...before.env] }, guarded, 'kubernetes')).toEqual({ code: 'TEST_FAILED' });
  });

  it('keyed-list key tests too', () => {
    const schema = schemaFor('v1', 'ConfigMap');
    const from = { metadata: { ownerReferences: [{ uid: 'a&b', name: 'x', kind: 'K', apiVersion: 'v1' }, { uid: 'c', name: 'y', kind: 'K', apiVersion: 'v1' }] } };
    const to = { metadata: { ownerReferences: [{ uid: 'c', name: 'y', kind: 'K', apiVersion: 'v1' }] } };
    expect(outcome(from, createJsonPatch(from, to, { schema }), 'kubernetes')).toEqual({ code: 'TEST_FAILED' });
    const safe = createJsonPatch(from, to, { schema, semantics: 'kubernetes' });
    expect(safe.filter((op) => op.op === 'test')).not.toContainEqual(expect.objectContaining({ value: 'a&b' }));
    expect(outcome(from, safe, 'kubernetes')).toEqual({ result: to });
  });

  it('on random documents holding <, >, & and nulls in lists, the guarded patch applies on the server model and gives `to`', () => {
    const text = fc.oneof(fc.constantFrom('a<b', 'x&y', '>', 'p', 'q', ''), fc.string({ maxLength: 2 }));
    const { value } = fc.letrec<{ value: JsonValue }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        { weight: 3, arbitrary: fc.oneof(text, fc.integer({ min: -5, max: 5 }), fc.constant(null), fc.boolean()) },
        { weight: 2, arbitrary: fc.array(tie('value'), { maxLength: 4 }) },
        { weight: 2, arbitrary: fc.dictionary(fc.constantFrom('name', 'value', 'k'), tie('value'), { maxKeys: 3 }) },
      ),
    }));
    const doc = fc.dictionary(fc.constantFrom('env', 'args', 'spec'), value, { maxKeys: 3 }).map((d) => JSON.parse(JSON.stringify(d)) as JsonValue);
    fc.assert(
      fc.property(doc, doc, (from, to) => {
        const patch = createJsonPatch(deepFreeze(from), deepFreeze(to), { guard: true, semantics: 'kubernetes' });
        const applied = outcome(from, patch, 'kubernetes');
        expect(applied, JSON.stringify({ from, to, patch })).toHaveProperty('result');
        expectJsonEqual((applied as { result: JsonValue }).result, to);
      }),
      { numRuns: 400 },
    );
  });
});
