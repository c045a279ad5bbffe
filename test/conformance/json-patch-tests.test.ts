import { describe, expect, it } from 'vitest';
import { applyJsonPatch, createJsonPatch, isKubepatchError, type JsonPatch } from 'kubepatch';
import { readConformance } from '../helpers/conformance.js';
import { frozenCopy } from '../helpers/deepFreeze.js';
import { expectJsonEqual } from '../helpers/oracle.js';

/** A record of json-patch/json-patch-tests: pass = result equals `expected`, or the patch fails where `error` is given. */
interface Record {
  comment?: string;
  doc: unknown;
  patch: unknown;
  expected?: unknown;
  error?: string;
  disabled?: boolean;
}

for (const file of ['json-patch-tests/tests.json', 'json-patch-tests/spec_tests.json']) {
  const records = readConformance<Record[]>(file);

  describe(file, () => {
    records.forEach((record, index) => {
      const name = `#${index} ${record.comment ?? record.error ?? JSON.stringify(record.patch)}`.slice(0, 160);
      if (record.disabled) {
        // Reported, not dropped: upstream disables these because not every implementation can express them.
        it.skip(`${name} (disabled upstream)`, () => {});
        return;
      }
      it(name, () => {
        const doc = frozenCopy(record.doc);
        const patch = frozenCopy(record.patch) as JsonPatch;
        if (record.error !== undefined) {
          let thrown: unknown;
          try {
            applyJsonPatch(doc as object, patch);
          } catch (error) {
            thrown = error;
          }
          expect(isKubepatchError(thrown), `expected a KubepatchError: ${record.error}`).toBe(true);
          return;
        }
        const result = applyJsonPatch(doc as object, patch);
        if ('expected' in record) expectJsonEqual(result, record.expected);
      });
      if ('expected' in record && !record.disabled) {
        it(`${name} (createJsonPatch round trip)`, () => {
          const doc = frozenCopy(record.doc) as object;
          const expected = frozenCopy(record.expected) as object;
          expectJsonEqual(applyJsonPatch(doc, createJsonPatch(doc, expected)), record.expected);
          expectJsonEqual(applyJsonPatch(doc, createJsonPatch(doc, expected, { guard: true })), record.expected);
        });
      }
    });
  });
}
