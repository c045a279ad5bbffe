// Differential test: kubepatch's applyJsonPatch against the Go reference, `kubectl patch --local --type json`
// (gopkg.in/evanphx/json-patch.v4 v4.12.0 in kubectl 1.32). Every path stays under /extra so kubectl
// always sees a valid ConfigMap envelope. Where kubectl deliberately or accidentally departs from
// RFC 6902 / RFC 6901, kubepatch keeps the RFC: those cases are listed below and dropped from the
// random comparison by `kubectlDeviation`, never by weakening kubepatch.
import fc from 'fast-check';
import { applyJsonPatch, isKubepatchError, type JsonPatchOperation, type JsonValue } from 'kubepatch';
import { describe, expect, it } from 'vitest';
import { frozenCopy } from '../helpers/deepFreeze.js';
import { escapeToken, isJsonObjectValue, jsonValueArbitrary, pointersOf } from '../helpers/jsonPatchArbitraries.js';
import { configMap, isGoPanic, kubectlPatch, requireKubectl } from '../helpers/kubectl.js';
import { expectJsonEqual } from '../helpers/oracle.js';

type Json = JsonValue;
const canonicalIndex = /^(0|[1-9][0-9]*)$/;
const unescape = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * Independent pointer walk: the container of the last token, the value there, whether Go's Atoi would
 * read an index differently (`loneIndex`), and whether the walk steps into a null (`throughNull`).
 */
function resolve(document: Json, pointer: string) {
  let parent: Json | undefined;
  let value: Json | undefined = document;
  let loneIndex = false;
  let throughNull = false;
  for (const token of pointer.slice(1).split('/').map(unescape)) {
    parent = value;
    throughNull ||= value === null;
    if (Array.isArray(value)) {
      loneIndex ||= /^[+-]?[0-9]+$/.test(token) && !canonicalIndex.test(token);
      value = canonicalIndex.test(token) ? value[Number(token)] : undefined;
    } else value = isJsonObjectValue(value) && Object.hasOwn(value, token) ? value[token] : undefined;
  }
  return { parent, value, loneIndex, throughNull };
}

const hasNullInArray = (v: Json | undefined): boolean =>
  Array.isArray(v) ? v.some((e) => e === null || hasNullInArray(e)) : isJsonObjectValue(v) && Object.values(v).some(hasNullInArray);

/**
 * Why kubectl would not be a fair reference for `op` applied to `state`, or undefined. Each reason is
 * pinned by a fixed case in KUBECTL_DEVIATIONS below.
 */
function kubectlDeviation(state: Json, op: JsonPatchOperation): string | undefined {
  const from = 'from' in op ? op.from : undefined;
  if ([op.path, from ?? ''].some((p) => /~(?![01])/.test(p))) return 'invalid ~ escapeToken taken literally';
  const at = resolve(state, op.path);
  const source = from === undefined ? undefined : resolve(state, from);
  if (at.loneIndex || source?.loneIndex) return 'non-canonical array index (-1, 01, +1) accepted';
  // A null written by an earlier operation is a lazyNode with a nil raw message: stepping into it
  // panics. Nulls of the original document fail cleanly, but the two look alike here, so drop both.
  if (at.throughNull || source?.throughNull) return 'pointer through a null written by the patch: panics or misreads it';
  if (op.op === 'move' && op.path.startsWith(`${op.from}/`)) return 'move into its own child (array indexes shift)';
  if (op.op === 'replace' && isJsonObjectValue(at.parent) && at.value === undefined) return 'replace of a missing member adds it';
  if (op.op === 'test' && op.value === null && isJsonObjectValue(at.parent) && at.value === undefined) return 'test null on a missing member passes';
  if (op.op === 'copy' && isJsonObjectValue(source?.parent) && source?.value === undefined) return 'copy from a missing member copies null';
  if (op.op === 'test' && (hasNullInArray(at.value) || hasNullInArray(op.value))) return 'test involving an array holding null panics';
  return undefined;
}

/**
 * The patch without the operations kubectl cannot judge, and why each was dropped. States come from
 * applying the kept operations one at a time (with kubepatch; kubectl then checks the kept patch as a whole).
 */
function comparableOperations(document: Json, patch: readonly JsonPatchOperation[]): { kept: JsonPatchOperation[]; dropped: string[] } {
  const kept: JsonPatchOperation[] = [];
  const dropped: string[] = [];
  let state = document;
  for (const op of patch) {
    const reason = kubectlDeviation(state, op);
    if (reason !== undefined) {
      dropped.push(reason);
      continue;
    }
    kept.push(op);
    try {
      state = applyJsonPatch(state, [op]);
    } catch {
      break; // the patch fails here; what follows cannot matter
    }
  }
  return { kept, dropped };
}

// RFC 6902 / RFC 6901 violations of evanphx/json-patch v4 as shipped in kubectl 1.32; kubepatch follows the RFC.
// `kubectl` is its `.extra` result, or 'panic'; kubepatch rejects each patch, unless `rfcPasses`.
type Deviation = { reason: string; extra: Json; patch: JsonPatchOperation[]; kubectl: Json | 'panic'; rfc: string; rfcPasses?: true };
const KUBECTL_DEVIATIONS: Deviation[] = [
  { reason: 'replace of a missing member adds it', extra: { a: 1 }, patch: [{ op: 'replace', path: '/extra/b', value: 2 }], kubectl: { a: 1, b: 2 }, rfc: 'RFC 6902 §4.3: the target location MUST exist' },
  { reason: 'non-canonical array index (-1, 01, +1) accepted', extra: { a: [1, 2] }, patch: [{ op: 'remove', path: '/extra/a/-1' }], kubectl: { a: [1] }, rfc: 'RFC 6901 §4: array-index = %x30 / ( %x31-39 *%x30-39 )' },
  { reason: 'non-canonical array index (-1, 01, +1) accepted', extra: { a: [1, 2] }, patch: [{ op: 'add', path: '/extra/a/01', value: 9 }], kubectl: { a: [1, 9, 2] }, rfc: 'RFC 6901 §4, as above' },
  { reason: 'non-canonical array index (-1, 01, +1) accepted', extra: { a: [1, 2] }, patch: [{ op: 'replace', path: '/extra/a/+1', value: 9 }], kubectl: { a: [1, 9] }, rfc: 'RFC 6901 §4, as above' },
  { reason: 'move into its own child (array indexes shift)', extra: { a: ['s', {}] }, patch: [{ op: 'move', from: '/extra/a/0', path: '/extra/a/0/x' }], kubectl: { a: [{ x: 's' }] }, rfc: 'RFC 6902 §4.4: "from" MUST NOT be a proper prefix of "path"' },
  { reason: 'test null on a missing member passes', extra: {}, patch: [{ op: 'test', path: '/extra/x', value: null }], kubectl: {}, rfc: 'RFC 6902 §4.6: the target location MUST be equal to the value; absent is not null' },
  { reason: 'copy from a missing member copies null', extra: {}, patch: [{ op: 'copy', from: '/extra/x', path: '/extra/y' }], kubectl: { y: null }, rfc: 'RFC 6902 §4.5: the "from" location MUST exist' },
  { reason: 'invalid ~ escapeToken taken literally', extra: { 'a~2': 1 }, patch: [{ op: 'remove', path: '/extra/a~2' }], kubectl: {}, rfc: 'RFC 6901 §3: escaped = "~" ( "0" / "1" )' },
  { reason: 'test involving an array holding null panics', extra: { a: [null] }, patch: [{ op: 'test', path: '/extra/a', value: [null] }], kubectl: 'panic', rfc: 'RFC 6902 §4.6: [null] equals [null] (kubectl derefs a nil *lazyNode in equal)', rfcPasses: true },
  { reason: 'pointer through a null written by the patch: panics or misreads it', extra: {}, patch: [{ op: 'add', path: '/extra/n', value: null }, { op: 'add', path: '/extra/n/x', value: 1 }], kubectl: 'panic', rfc: 'RFC 6902 §4.1: the parent MUST exist (kubectl crashes in findObject)' },
  { reason: 'pointer through a null written by the patch: panics or misreads it', extra: {}, patch: [{ op: 'add', path: '/extra/n', value: null }, { op: 'copy', from: '/extra/n', path: '/extra/m' }, { op: 'test', path: '/extra/m/x', value: null }], kubectl: { n: null, m: null }, rfc: 'RFC 6902 §4.6: /extra/m/x does not exist (kubectl reads the copied null as an empty object)' },
];

// Generators: objects over a small key pool (with prototype-looking names and pointer escapes), integers within ±1e9.
const key = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', 'b', '__proto__', 'constructor', '', '-', 'x/y', 'm~n') },
  { weight: 1, arbitrary: fc.string({ maxLength: 3 }) },
);
const jsonValue = jsonValueArbitrary(key, fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.string({ maxLength: 4 }), fc.boolean(), fc.constant(null)), 4);

/** Operations aimed at the document: existing locations, one step below them (new keys, indexes incl. `-`, bad tokens). */
function operationsFor(extra: Json): fc.Arbitrary<JsonPatchOperation[]> {
  const existing = fc.constantFrom(...pointersOf(extra, '/extra'));
  const badToken = fc.constantFrom('0', '1', '2', '3', '-', '01', '-1', '+1', 'a~2');
  const below = fc.tuple(existing, fc.oneof(key.map(escapeToken), badToken)).map(([[p], t]) => `${p}/${t}`);
  const path = fc.oneof({ weight: 3, arbitrary: existing.map(([p]) => p) }, { weight: 2, arbitrary: below });
  const value = fc.oneof(jsonValue, existing.map(([, v]) => v)); // existing values make `test` pass sometimes
  const op = fc.oneof(
    fc.record({ op: fc.constant('add' as const), path, value }),
    fc.record({ op: fc.constant('remove' as const), path }),
    fc.record({ op: fc.constant('replace' as const), path, value }),
    fc.record({ op: fc.constant('move' as const), from: path, path }),
    fc.record({ op: fc.constant('copy' as const), from: path, path }),
    fc.oneof(existing.map(([p, v]) => ({ op: 'test' as const, path: p, value: v })), fc.record({ op: fc.constant('test' as const), path, value })),
  );
  return fc.array(op, { minLength: 1, maxLength: 4 });
}

const documentAndPatch = jsonValue
  .filter(isJsonObjectValue)
  .chain((extra) => fc.tuple(fc.constant(extra), operationsFor(extra)));

/** kubectl succeeds => kubepatch gives an equal document; kubectl rejects => kubepatch throws a KubepatchError. */
function expectSameAsKubectl(extra: Json, patch: JsonPatchOperation[]): void {
  const document = frozenCopy(configMap(extra)) as Json;
  const frozenPatch = frozenCopy(patch);
  const kubectl = kubectlPatch(document, 'json', frozenPatch);
  const context = JSON.stringify({ extra, patch });
  if (kubectl.ok) {
    expectJsonEqual(applyJsonPatch(document, frozenPatch), kubectl.result);
    return;
  }
  expect(isGoPanic(kubectl.stderr), `kubectl crashed on ${context}:\n${kubectl.stderr.slice(0, 500)}`).toBe(false);
  let thrown: unknown;
  try {
    const ours = applyJsonPatch(document, frozenPatch);
    thrown = new Error(`kubepatch accepted what kubectl rejects (${kubectl.stderr.trim()}): ${context} -> ${JSON.stringify(ours)}`);
  } catch (error) {
    if (isKubepatchError(error)) return;
    thrown = error;
  }
  throw thrown;
}

describe('applyJsonPatch matches kubectl patch --local --type json', () => {
  // Fails (never skips) without kubectl; every other test then fails too, saying why.
  it('has kubectl to compare with', () => requireKubectl(), 20_000);

  it('on random documents and operations (without those hitting a known kubectl deviation)', () => {
    fc.assert(
      fc.property(documentAndPatch, ([extra, patch]) => {
        expectSameAsKubectl(extra, comparableOperations(configMap(extra) as Json, patch).kept);
      }),
      { seed: 42, numRuns: 40 },
    );
  }, 60_000);

  for (const { reason, extra, patch, kubectl: expected, rfc, rfcPasses } of KUBECTL_DEVIATIONS) {
    it(`known kubectl deviation: ${reason} ${JSON.stringify(patch)}`, () => {
      const document = configMap(extra) as Json;
      expect(comparableOperations(document, patch).dropped).toEqual([reason]); // the predicate recognises it
      const kubectl = kubectlPatch(document, 'json', patch);
      if (expected === 'panic') expect(!kubectl.ok && isGoPanic(kubectl.stderr), JSON.stringify(kubectl)).toBe(true);
      else expect(kubectl.ok && (kubectl.result as { extra: Json }).extra).toEqual(expected);
      let outcome: unknown;
      try {
        outcome = applyJsonPatch(document, patch);
      } catch (error) {
        outcome = error;
      }
      if (rfcPasses) expectJsonEqual(outcome, document); // a passing `test` changes nothing
      else expect(isKubepatchError(outcome), `kubepatch must reject it (${rfc})`).toBe(true);
    }, 20_000);
  }
});
