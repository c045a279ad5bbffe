import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../helpers/deepFreeze.js';
import { NAME_PART, PREFIX_PART, QUALIFIED_NAME } from './messages.js';
import { findAnnotationProblems, InvalidMetadataError, validateAnnotations } from 'kubepatch';

const LIMIT = 262144;

describe('findAnnotationProblems', () => {
  it('accepts qualified-name keys in any case, and values of any form', () => {
    expect(
      findAnnotationProblems(
        deepFreeze({
          'kubectl.kubernetes.io/last-applied-configuration': '{"a": "b c"}\n',
          // "The rule is QualifiedName except that case doesn't matter"
          'Example.COM/Owner': 'anything at all: ✓',
          note: '',
        }),
      ),
    ).toEqual([]);
    expect(findAnnotationProblems(undefined)).toEqual([]);
  });

  it('checks keys as qualified names, lowercased', () => {
    expect(findAnnotationProblems(deepFreeze({ 'my note': 'x', 'a/b/c': '', 'Exa_mple.com/x': '' }))).toEqual([
      { path: '/metadata/annotations/my note', key: 'my note', message: NAME_PART },
      { path: '/metadata/annotations/a~1b~1c', key: 'a/b/c', message: QUALIFIED_NAME },
      { path: '/metadata/annotations/Exa_mple.com~1x', key: 'Exa_mple.com/x', message: PREFIX_PART },
    ]);
  });

  it('limits keys and values together to 256 KiB of UTF-8', () => {
    expect(findAnnotationProblems(deepFreeze({ a: 'x'.repeat(LIMIT - 1) }))).toEqual([]);
    expect(findAnnotationProblems(deepFreeze({ a: 'x'.repeat(LIMIT) }))).toEqual([
      { path: '/metadata/annotations', key: '', message: 'may not be more than 262144 bytes' },
    ]);
    // 'é' is two bytes: 131072 of them plus the key are over the limit.
    expect(findAnnotationProblems(deepFreeze({ a: 'é'.repeat(LIMIT / 2) }))).toHaveLength(1);
    expect(findAnnotationProblems(deepFreeze({ a: 'x'.repeat(LIMIT / 2), b: 'y'.repeat(LIMIT / 2 - 2) }))).toEqual([]);
  });

  it('reports a value that is not a string', () => {
    expect(findAnnotationProblems(deepFreeze({ replicas: 3 }))).toEqual([{ path: '/metadata/annotations/replicas', key: 'replicas', message: 'must be a string' }]);
  });
});

describe('validateAnnotations', () => {
  it('passes valid annotations', () => {
    expect(() => validateAnnotations(deepFreeze({ 'rollout.argoproj.io/revision': '3' }))).not.toThrow();
  });

  it('throws every key problem and the size in one error', () => {
    const annotations = deepFreeze({ 'bad key': 'x'.repeat(LIMIT) });
    expect(() => validateAnnotations(annotations)).toThrow(InvalidMetadataError);
    expect(() => validateAnnotations(annotations)).toThrow(
      `invalid annotations: [metadata.annotations: Invalid value: "bad key": ${NAME_PART}, metadata.annotations: Too long: may not be more than 262144 bytes]`,
    );
  });
});
