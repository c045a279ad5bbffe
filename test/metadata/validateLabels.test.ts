import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
// The functions are not exported from the package yet: everything comes from the sources, so
// that `instanceof` holds under `npm run test:dist` too.
import { deepFreeze } from '../helpers/deepFreeze.js';
import { LABEL_VALUE, NAME_PART, PREFIX_PART, QUALIFIED_NAME } from './messages.js';
import { findLabelProblems, InvalidDocumentError, InvalidMetadataError, isKubepatchError, validateLabels } from 'kubepatch';

const problems = (labels: object) => findLabelProblems(deepFreeze(labels)).map((p) => [p.key, p.message]);

describe('findLabelProblems', () => {
  it('accepts valid labels, empty values, and no labels at all', () => {
    expect(findLabelProblems(deepFreeze({ app: 'web', 'app.kubernetes.io/name': 'web', 'x.y/Z_1.a-b': '', a: 'A'.repeat(63) }))).toEqual([]);
    expect(findLabelProblems({ ['a'.repeat(63)]: 'v', [`${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(61)}/k`]: 'v' })).toEqual([]);
    expect(findLabelProblems(undefined)).toEqual([]);
    expect(findLabelProblems(null)).toEqual([]);
    expect(findLabelProblems({ app: null })).toEqual([]); // null decodes to ""
  });

  it('checks the name part: alphabet, ends, length, emptiness', () => {
    expect(problems({ 'bad key': 'x' })).toEqual([['bad key', NAME_PART]]);
    expect(problems({ '-app': 'x' })).toEqual([['-app', NAME_PART]]);
    expect(problems({ 'app.': 'x' })).toEqual([['app.', NAME_PART]]);
    expect(problems({ ['a'.repeat(64)]: 'x' })).toEqual([['a'.repeat(64), 'name part must be no more than 63 characters']]);
    expect(problems({ '': 'x' })).toEqual([
      ['', 'name part must be non-empty'],
      ['', NAME_PART],
    ]);
    expect(problems({ 'example.com/': 'x' })).toEqual([
      ['example.com/', 'name part must be non-empty'],
      ['example.com/', NAME_PART],
    ]);
    // Lengths are bytes, as Go's len(): 30 × "é" is 60 bytes... and é is not in the alphabet anyway.
    expect(problems({ ['é'.repeat(32)]: 'x' })).toEqual([
      ['é'.repeat(32), 'name part must be no more than 63 characters'],
      ['é'.repeat(32), NAME_PART],
    ]);
  });

  it('checks the prefix: a lowercase DNS subdomain of at most 253 characters', () => {
    expect(problems({ '/app': 'x' })).toEqual([['/app', 'prefix part must be non-empty']]);
    expect(problems({ 'Example.com/app': 'x' })).toEqual([['Example.com/app', PREFIX_PART]]);
    expect(problems({ 'example..com/app': 'x' })).toEqual([['example..com/app', PREFIX_PART]]);
    const long = `${'a'.repeat(250)}.com`;
    expect(problems({ [`${long}/app`]: 'x' })).toEqual([[`${long}/app`, 'prefix part must be no more than 253 characters']]);
    expect(problems({ 'a/b/c': 'x' })).toEqual([['a/b/c', QUALIFIED_NAME]]);
  });

  it('checks values: at most 63 characters of the same alphabet', () => {
    expect(problems({ tier: 'front end' })).toEqual([['tier', LABEL_VALUE]]);
    expect(problems({ tier: '-front' })).toEqual([['tier', LABEL_VALUE]]);
    expect(problems({ tier: 'a'.repeat(64) })).toEqual([['tier', 'must be no more than 63 characters']]);
    expect(problems({ tier: `-${'a'.repeat(63)}` })).toEqual([
      ['tier', 'must be no more than 63 characters'],
      ['tier', LABEL_VALUE],
    ]);
    expect(problems({ tier: 5 })).toEqual([['tier', 'must be a string']]);
  });

  it('lists every bad key and value, with the JSON Pointer of each under the path given', () => {
    const found = findLabelProblems(deepFreeze({ 'bad key': '-x', ok: 'fine', 'a/b': 'x y' }), { path: '/spec/template/metadata/labels' });
    expect(found).toEqual([
      { path: '/spec/template/metadata/labels/bad key', key: 'bad key', message: NAME_PART },
      { path: '/spec/template/metadata/labels/bad key', key: 'bad key', message: LABEL_VALUE },
      { path: '/spec/template/metadata/labels/a~1b', key: 'a/b', message: LABEL_VALUE },
    ]);
  });

  it('rejects what is not an object, and a malformed path', () => {
    expect(() => findLabelProblems(['a'] as never)).toThrow(InvalidDocumentError);
    expect(() => findLabelProblems({ when: new Date() } as never)).toThrow(InvalidDocumentError);
    expect(() => findLabelProblems({}, { path: 'metadata/labels' })).toThrow(InvalidDocumentError);
  });

  const dnsLabel = fc.stringMatching(/^[a-z0-9]([-a-z0-9]{0,10}[a-z0-9])?$/);
  const namePart = fc.stringMatching(/^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/);
  const prefix = fc.array(dnsLabel, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'));
  const validKey = fc.tuple(fc.option(prefix, { nil: undefined }), namePart).map(([p, name]) => (p === undefined ? name : `${p}/${name}`));

  test.prop([fc.dictionary(validKey, fc.oneof(namePart, fc.constant('')), { maxKeys: 8 })])('valid generated labels pass', (labels) => {
    deepFreeze(labels);
    expect(findLabelProblems(labels)).toEqual([]);
    expect(() => validateLabels(labels)).not.toThrow();
  });

  test.prop([namePart, fc.constantFrom(' ', '!', '@', ':', '=', 'é', '\n'), fc.nat()])(
    'a name part with a character outside the alphabet fails with the regex message',
    (name, bad, at) => {
      const i = at % (name.length + 1);
      const key = `${name.slice(0, i)}${bad}${name.slice(i)}`;
      const messages = findLabelProblems(deepFreeze({ [key]: 'v' })).map((p) => p.message);
      expect(messages.length).toBeGreaterThan(0);
      expect(messages).toContain(NAME_PART);
    },
  );
});

describe('validateLabels', () => {
  it('passes valid labels', () => {
    expect(() => validateLabels(deepFreeze({ 'app.kubernetes.io/name': 'web' }))).not.toThrow();
  });

  it('throws one InvalidMetadataError listing every problem, in the API server words', () => {
    try {
      validateLabels(deepFreeze({ 'bad key': 'x', tier: '-front' }));
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidMetadataError);
      if (!isKubepatchError(error, 'INVALID_METADATA')) throw error;
      expect(error.problems.map((p) => p.key)).toEqual(['bad key', 'tier']);
      expect(error.path).toBe('/metadata/labels/bad key');
      expect(error.message).toBe(
        `invalid labels: [metadata.labels: Invalid value: "bad key": ${NAME_PART}, metadata.labels: Invalid value: "-front": ${LABEL_VALUE}]`,
      );
    }
  });

  it('writes one problem without brackets', () => {
    expect(() => validateLabels({ tier: 'a b' }, { path: '/spec/template/metadata/labels' })).toThrow(
      `invalid labels: spec.template.metadata.labels: Invalid value: "a b": ${LABEL_VALUE}`,
    );
  });
});
