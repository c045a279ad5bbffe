import { fc, test } from '@fast-check/vitest';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { applyJsonPatch, createJsonPatch, InvalidDocumentError, MAX_DEPTH, schemaFor } from 'kubepatch';
import { jsonDocument, jsonObject, objectFromEntries } from '../helpers/arbitraries.js';
import { deepFreeze } from '../helpers/deepFreeze.js';

// createJsonPatch checks its documents in the same walk that diffs them. These tests pin down that
// nothing escapes that walk: a value that is not JSON is reported wherever it sits (in a part both
// documents share, in equal parts, in removed or added parts, in list elements), with the error the
// full check of that document gives, `from` before `to`; and the patch shares nothing with them.

const podSchema = schemaFor('v1', 'Pod')!;

/** What createJsonPatch threw, as plain data to compare. */
function thrown(run: () => unknown): Record<string, unknown> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidDocumentError);
    const { code, path, input, message } = error as InvalidDocumentError;
    return { code, path, input, message };
  }
  throw new Error('expected an InvalidDocumentError');
}

/** The error of the full check of `document` (applyJsonPatch checks its document first), as createJsonPatch names `input`. */
function fullCheckError(document: unknown, input: 'from' | 'to'): Record<string, unknown> {
  const error = thrown(() => applyJsonPatch(document as object, []));
  return { ...error, input, message: String(error['message']).replace(/^document:/, `${input}:`) };
}

function pod(containers: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels: { app: 'web' } }, spec: { containers, ...extra } };
}
const container = (name: string, image = `${name}:1`, env: unknown[] = [{ name: 'A', value: '1' }]) => ({ name, image, env });

describe('createJsonPatch checks both documents wherever the diff finds a problem', () => {
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic['self'] = cyclic;
  let tooDeep: unknown = 'leaf';
  for (let i = 0; i < MAX_DEPTH; i++) tooDeep = [tooDeep];
  const shared = { nested: { when: new Date(0) } };

  const cases: Array<[string, () => [unknown, unknown], 'from' | 'to']> = [
    ['a cycle in an object both documents share', () => [pod([], { cyclic }), pod([container('app')], { cyclic })], 'from'],
    ['a Date in a part both documents share', () => [pod([container('app')], { shared }), pod([container('app', 'app:2')], { shared })], 'from'],
    ['a class instance in equal parts (distinct objects)', () => [pod([container('app')], { when: new Map() }), pod([container('app')], { when: new Map() })], 'from'],
    ['NaN in equal parts of `to` only', () => [pod([container('app')], { n: 1 }), pod([container('app', 'app:1', [{ name: 'A', value: Number.NaN }])], { n: 1 })], 'to'],
    ['a function in a removed member', () => [pod([container('app')], { gone: { f: () => 1 } }), pod([container('app')])], 'from'],
    ['a symbol in an added member', () => [pod([container('app')]), pod([container('app')], { added: [1, Symbol('s')] })], 'to'],
    ['a hole in an equal array', () => [pod([container('app')], { args: ['a', , 'c'] }), pod([container('app')], { args: ['a', , 'c'] })], 'from'],
    ['undefined in a changed array', () => [pod([container('app')], { args: ['a'] }), pod([container('app')], { args: ['a', undefined] })], 'to'],
    ['nesting too deep in a shared part', () => [pod([], { tooDeep }), pod([container('app')], { tooDeep })], 'from'],
    ['a bigint in an unchanged list element', () => [pod([container('app'), { name: 'b', n: 10n }]), pod([container('app', 'app:2'), { name: 'b', n: 10n }])], 'from'],
    ['Infinity in a removed list element', () => [pod([container('app'), { name: 'b', n: Infinity }]), pod([container('app')])], 'from'],
    ['a Set in an added list element', () => [pod([container('app')]), pod([container('app'), { name: 'b', s: new Set() }])], 'to'],
    ['a class instance as a whole list element', () => [pod([container('app'), new (class Thing {})()]), pod([container('app')])], 'from'],
    ['NaN as a key of a keyed list', () => [pod([{ name: Number.NaN }]), pod([{ name: Number.NaN }])], 'from'],
    ['a problem in `to` only, after a problem-free `from`', () => [pod([container('app')]), pod([container('app')], { cyclic })], 'to'],
    [
      'a NaN deep in a long list, past exact matching',
      () => {
        const list = Array.from({ length: 120 }, (_, i) => ({ name: `E${i}`, value: i }));
        const changed = list.filter((_, i) => i % 7 !== 0).map((element, i) => (i === 60 ? { ...element, value: Number.NaN } : element));
        return [pod([container('app', 'app:1', list)]), pod([container('app', 'app:1', changed)])];
      },
      'to',
    ],
  ];

  for (const schema of [undefined, podSchema]) {
    describe(schema ? 'with a schema (lists by key)' : 'without a schema (lists by content)', () => {
      it.each(cases)('%s', (_name, make, input) => {
        const [from, to] = make();
        const expected = fullCheckError(input === 'from' ? from : to, input);
        expect(thrown(() => createJsonPatch(from as object, to as object, schema && { schema }))).toEqual(expected);
        expect(thrown(() => createJsonPatch(from as object, to as object, { schema, guard: true, semantics: 'kubernetes' }))).toEqual(expected);
      });
    });
  }

  it('checks `from` wholly before `to`, and both documents before the options', () => {
    const badFrom = pod([container('app')], { late: Number.NaN });
    const badTo = pod([{ early: Number.NaN }]);
    expect(thrown(() => createJsonPatch(badFrom, badTo)).input).toBe('from');
    expect(thrown(() => createJsonPatch(pod([]), badTo, { semantics: 'bogus' as never })).input).toBe('to');
    expect(thrown(() => createJsonPatch(pod([]), badTo, { schema: {} as never })).input).toBe('to');
  });

  test.prop([jsonDocument(), fc.nat(), fc.constantFrom<unknown>(Number.NaN, undefined, new Map(), Symbol('s'), 1n), fc.boolean()], { numRuns: 300 })(
    'a bad value put anywhere in one of two equal documents gives the full check\'s error',
    (document, at, bad, inFrom) => {
      const spoilt = spoil(document, at, bad);
      fc.pre(spoilt !== undefined);
      const copy = JSON.parse(JSON.stringify(document ?? null)) as unknown;
      const [from, to] = inFrom ? [spoilt, copy] : [copy, spoilt];
      const input = inFrom ? 'from' : 'to';
      expect(thrown(() => createJsonPatch(from as object, to as object))).toEqual(fullCheckError(spoilt, input));
    },
  );
});

/** A deep copy of `document` with `bad` as the member or element number `at` (counting all containers in order); `undefined` if it holds none. */
function spoil(document: unknown, at: number, bad: unknown): unknown {
  const containers: Array<Record<string, unknown> | unknown[]> = [];
  const copy = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const result: Record<string, unknown> | unknown[] = Array.isArray(value) ? value.map(copy) : objectFromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)] as const));
    containers.push(result);
    return result;
  };
  const root = copy(document);
  if (containers.length === 0) return undefined;
  const target = containers[at % containers.length]!;
  if (Array.isArray(target)) target[at % (target.length + 1)] = bad;
  else Object.defineProperty(target, `bad${at % 3}`, { value: bad, enumerable: true, writable: true, configurable: true });
  // `undefined` as a member counts as absent: nothing to report then.
  return !Array.isArray(target) && bad === undefined ? undefined : root;
}

describe('the patch createJsonPatch makes', () => {
  /** Every object and array reachable from `value`. */
  const containersOf = (value: unknown, found = new Set<object>()): Set<object> => {
    if (typeof value === 'object' && value !== null && !found.has(value)) {
      found.add(value);
      for (const member of Object.values(value)) containersOf(member, found);
    }
    return found;
  };

  test.prop([jsonObject(), jsonObject(), fc.boolean()], { numRuns: 300 })('shares no object or array with its inputs', (a, b, guard) => {
    // Parts of `b` taken from `a` as they are: shared parts must not leak into the patch either.
    const c = deepFreeze({ ...b, fromA: a, list: [a, b] });
    deepFreeze(a);
    for (const options of [{ guard }, { guard, schema: podSchema }, { guard, semantics: 'kubernetes' as const }]) {
      const patch = createJsonPatch(a, c, options);
      const inputs = containersOf(a, containersOf(c));
      expect([...containersOf(patch)].filter((part) => inputs.has(part))).toEqual([]);
    }
  });

  it('is the same when Object.prototype holds an enumerable key (the walk then lists keys another way)', () => {
    const before = deepFreeze(pod([container('app'), container('proxy')], { nodeSelector: { zone: 'a' } }));
    const after = deepFreeze(pod([container('app', 'app:2'), container('proxy')], { nodeSelector: { zone: 'b' }, added: true }));
    const list = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `E${i}`, value: i }));
    const longBefore = deepFreeze({ env: list(80), shared: before });
    const longAfter = deepFreeze({ env: list(90).filter((_, i) => i % 9 !== 4), shared: before });
    const expected = [createJsonPatch(before, after, { schema: podSchema }), createJsonPatch(before, after), createJsonPatch(longBefore, longAfter)];
    const prototype = Object.prototype as Record<string, unknown>;
    prototype['pollutedForTest'] = 1;
    try {
      expect([createJsonPatch(before, after, { schema: podSchema }), createJsonPatch(before, after), createJsonPatch(longBefore, longAfter)]).toEqual(expected);
      expect(createJsonPatch(JSON.parse(JSON.stringify(before)) as object, after, { schema: podSchema })).toEqual(expected[0]);
    } finally {
      delete prototype['pollutedForTest'];
    }
  });

  it('reads objects of another realm and null-prototype objects as plain data', () => {
    const foreign = runInNewContext('({ spec: { containers: [{ name: "app", image: "app:1" }] }, metadata: { labels: { a: "1" } } })') as object;
    const nullPrototype = Object.assign(Object.create(null) as object, { spec: { containers: [{ name: 'app', image: 'app:2' }] }, metadata: { labels: { a: '1' } } });
    expect(createJsonPatch(foreign, nullPrototype, { schema: podSchema })).toEqual([
      { op: 'test', path: '/spec/containers/0/name', value: 'app' },
      { op: 'replace', path: '/spec/containers/0/image', value: 'app:2' },
    ]);
  });
});
