import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { applyJsonPatch, escapePointerToken, formatJsonPointer, parseJsonPointer, unescapePointerToken } from 'kubepatch';

describe('JSON Pointer (RFC 6901)', () => {
  // RFC 6901 §5: each pointer of the example document and the value it selects.
  const document = { foo: ['bar', 'baz'], '': 0, 'a/b': 1, 'c%d': 2, 'e^f': 3, 'g|h': 4, 'i\\j': 5, 'k"l': 6, ' ': 7, 'm~n': 8 };
  it.each([
    ['', document],
    ['/foo', ['bar', 'baz']],
    ['/foo/0', 'bar'],
    ['/', 0],
    ['/a~1b', 1],
    ['/c%d', 2],
    ['/e^f', 3],
    ['/g|h', 4],
    ['/i\\j', 5],
    ['/k"l', 6],
    ['/ ', 7],
    ['/m~0n', 8],
  ])('RFC 6901 §5: %j selects %j', (pointer, value) => {
    expect(applyJsonPatch(document, [{ op: 'test', path: pointer, value }])).toEqual(document);
  });

  it('unescapes ~1 before ~0, so ~01 becomes ~1', () => {
    expect(unescapePointerToken('~01')).toBe('~1');
    expect(escapePointerToken('~1')).toBe('~01');
    expect(parseJsonPointer('/metadata/annotations/rollout.argoproj.io~1revision')).toEqual([
      'metadata',
      'annotations',
      'rollout.argoproj.io/revision',
    ]);
  });

  it.each(['foo', '/a~2b', '/a~'])('rejects %j with INVALID_PATCH', (pointer) => {
    expect(() => parseJsonPointer(pointer)).toThrow(expect.objectContaining({ code: 'INVALID_PATCH' }));
  });

  test.prop([fc.array(fc.string())])('format and parse are inverse', (tokens) => {
    expect(parseJsonPointer(formatJsonPointer(tokens))).toEqual(tokens);
  });

  test.prop([fc.string()])('escape and unescape are inverse', (token) => {
    expect(unescapePointerToken(escapePointerToken(token))).toBe(token);
  });
});
