import { describe, expect, it } from 'vitest';
import { applyMergePatch, createMergePatch } from 'kubepatch';
import { readConformance } from '../helpers/conformance.js';
import { frozenCopy } from '../helpers/deepFreeze.js';
import { expectJsonEqual } from '../helpers/oracle.js';

interface Example {
  id: string;
  original: unknown;
  patch: unknown;
  result: unknown;
}

const examples = readConformance<Example[]>('rfc7386-examples.json');

describe('RFC 7386 Appendix A', () => {
  it('has all 15 examples', () => expect(examples).toHaveLength(15));

  for (const example of examples) {
    for (const semantics of ['kubernetes', 'rfc7386'] as const) {
      it(`${example.id} (${semantics})`, () => {
        const result = applyMergePatch(
          frozenCopy(example.original) as object,
          frozenCopy(example.patch) as object,
          { semantics },
        );
        expectJsonEqual(result, example.result);
      });
    }

    it(`${example.id}: createMergePatch(original, result) reproduces the result`, () => {
      const original = frozenCopy(example.original) as object;
      const result = frozenCopy(example.result) as object;
      expectJsonEqual(applyMergePatch(original, createMergePatch(original, result)), example.result);
    });
  }
});
