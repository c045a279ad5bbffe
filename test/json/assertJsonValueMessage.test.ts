import { describe, expect, it } from 'vitest';
import { applyMergePatch, isKubepatchError, MAX_DEPTH, type KubepatchError } from '../../src/index.js';

function rejection(document: unknown): KubepatchError {
  try {
    applyMergePatch(document as never, {});
  } catch (error) {
    if (isKubepatchError(error)) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

function nested(levels: number, key: string, leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = { [key]: value };
  return value;
}

describe('a long pointer in an error message', () => {
  it('DOCUMENT_TOO_DEEP names the pointer by its ends and its length; path keeps it whole', () => {
    const error = rejection({ spec: nested(5_000, 'a', 'leaf') });
    expect(error.code).toBe('DOCUMENT_TOO_DEEP');
    expect(error.path).toBe(`/spec${'/a'.repeat(MAX_DEPTH - 1)}`);
    expect(error.message).toBe(`document: the value at /spec/a/a/a/…/a/a/a (${MAX_DEPTH} tokens) nests deeper than the limit of ${MAX_DEPTH} levels`);
  });
  it('cuts long tokens at the ends', () => {
    const long = 'k'.repeat(500);
    const error = rejection({ [long]: { x: Number.NaN } });
    expect(error.path).toBe(`/${long}/x`);
    expect(error.message).toBe(`document: the value at /${'k'.repeat(40)}…/x (2 tokens) is NaN, which JSON cannot represent`);
  });
  it('keeps a pointer of up to 20 tokens whole', () => {
    const error = rejection({ spec: nested(19, 'b', Symbol('x')) });
    expect(error.path).toBe(`/spec${'/b'.repeat(19)}`);
    expect(error.message).toContain(`the value at /spec${'/b'.repeat(19)} is a symbol`);
  });
});
