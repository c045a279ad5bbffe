import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { base64Utf8 } from '../../src/text/base64.ts';
import { compareUtf8, utf8ByteLength } from '../../src/text/utf8.ts';

// The core no longer uses Node's Buffer; these tests hold the replacements to the exact results
// Buffer gave (the old code), on the strings where UTF-16 and UTF-8 part ways.
const oldByteLength = (text: string): number => Buffer.byteLength(text, 'utf8');
const oldCompare = (a: string, b: string): number => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
const oldBase64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

const tricky = [
  '',
  'a',
  'ab',
  'abc',
  'abcd',
  'é', // 2 bytes
  '\u07ff', // last 2-byte code point
  '\u0800', // first 3-byte code point
  '☃',
  '\uffff',
  '\ufffd',
  '😀', // an astral character: a surrogate pair, 4 bytes
  '\u{10ffff}',
  '\ud800', // lone high surrogate: U+FFFD, 3 bytes
  '\udc00', // lone low surrogate
  '\udc00\ud800', // a pair in the wrong order: two lone surrogates
  'x\ud83d', // a high surrogate at the end
  '\ud83dx',
  '😀\ud83d\ude00\ud83d',
  'key\u0000with nul',
  'ﬀ', // U+FB00, above the surrogates, below the astral planes: JavaScript's < puts it after 😀
];

describe('utf8ByteLength', () => {
  it.each(tricky.map((text) => [JSON.stringify(text), text]))('%s has as many bytes as Buffer.byteLength says', (_, text) => {
    expect(utf8ByteLength(text)).toBe(oldByteLength(text));
  });

  it('counts an astral character as 4 bytes and a lone surrogate as 3', () => {
    expect(utf8ByteLength('😀')).toBe(4);
    expect(utf8ByteLength('\ud800')).toBe(3);
    expect(utf8ByteLength('a\ud800\udc00b')).toBe(6);
  });

  test.prop([fc.string({ unit: 'binary' })], { numRuns: 500 })('agrees with Buffer on any string, lone surrogates included', (text) => {
    expect(utf8ByteLength(text)).toBe(oldByteLength(text));
  });
});

describe('compareUtf8', () => {
  it('orders every pair of the tricky strings as Buffer.compare does', () => {
    for (const a of tricky) for (const b of tricky) expect([a, b, compareUtf8(a, b)]).toEqual([a, b, oldCompare(a, b)]);
  });

  it('puts U+FB00 before an astral character, where UTF-16 order does the opposite', () => {
    expect('ﬀ' < '😀').toBe(false);
    expect(compareUtf8('ﬀ', '😀')).toBe(-1);
    expect(compareUtf8('😀', 'ﬀ')).toBe(1);
    expect(compareUtf8('\ud800', '\ufffd')).toBe(0); // both encode as EF BF BD
  });

  test.prop([fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' })], { numRuns: 500 })('agrees with Buffer on any pair', (a, b) => {
    expect(compareUtf8(a, b)).toBe(oldCompare(a, b));
    expect(compareUtf8(a, a)).toBe(0);
  });
});

describe('base64Utf8', () => {
  it.each(tricky.map((text) => [JSON.stringify(text), text]))('%s encodes as Buffer does', (_, text) => {
    expect(base64Utf8(text)).toBe(oldBase64(text));
  });

  it('pads as RFC 4648 does', () => {
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map(base64Utf8)).toEqual(['', 'Zg==', 'Zm8=', 'Zm9v', 'Zm9vYg==', 'Zm9vYmE=', 'Zm9vYmFy']);
  });

  test.prop([fc.string({ unit: 'binary' })], { numRuns: 500 })('agrees with Buffer on any string', (text) => {
    expect(base64Utf8(text)).toBe(oldBase64(text));
  });
});
