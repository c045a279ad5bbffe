import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FieldSet, type FieldPath, type KeyField, type PathElement } from 'kubepatch';
import type { JsonValue } from '../../../src/json/JsonValue.js';
import { ensureGoTool } from '../../../scripts/go/ensureGoTool.js';
import { JsonLineProcess } from '../../helpers/jsonLineProcess.js';

// FieldSet against structured-merge-diff's own fieldpath.Set, at the version go/go.mod resolves
// (the one kube-apiserver 1.33 is built with): go/cmd/fieldset-oracle, built once and cached
// (scripts/go/ensureGoTool.ts). When it is not built and there is no Go toolchain to build it, this
// file is skipped, and says so, unless KUBEPATCH_E2E=require (as in CI), where that fails the run.

/** Runs of the property; each sends both sets through every operation. */
const RUNS = 1_000;

/** The oracle process of the file. */
class Oracle {
  readonly #process: JsonLineProcess;

  constructor(path: string) {
    this.#process = new JsonLineProcess(path, 'fieldset-oracle');
  }

  /** Go's answer to one request: its result, or the error it reports. */
  async ask(op: string, a: string, b?: string): Promise<{ result?: unknown; error?: string }> {
    // a and b are fieldsV1 texts, sent as they are (not re-encoded), so Go reads the same bytes.
    const line = `{"op":${JSON.stringify(op)},"a":${a}${b === undefined ? '' : `,"b":${b}`}}`;
    return JSON.parse(await this.#process.ask(line)) as { result?: unknown; error?: string };
  }

  stop(): Promise<void> {
    return this.#process.stop();
  }
}

let oracle: Oracle | undefined;
let skipped: string | undefined;

beforeAll(async () => {
  try {
    const tool = await ensureGoTool('fieldset-oracle', (line) => process.stderr.write(`${line}\n`));
    oracle = new Oracle(tool.path);
  } catch (error) {
    if (process.env['KUBEPATCH_E2E'] === 'require') throw error;
    skipped = `FieldSet against structured-merge-diff (Go) is skipped: ${(error as Error).message}`;
    process.stderr.write(`\n${skipped}\n`);
  }
  // The first build downloads structured-merge-diff and compiles: give it time, never a timed assertion.
}, 600_000);

afterAll(async () => {
  await oracle?.stop();
});

// ---- Random field sets ------------------------------------------------------------------------

/** UTF-8 byte order, as Go sorts the fields of a key. */
const byUtf8 = (a: string, b: string): number => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/** Few names, so that paths share prefixes and sets overlap; some odd ones, and any Unicode. */
const name = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', 'b', 'B', 'spec', 'name', 'aa') },
  { weight: 2, arbitrary: fc.constantFrom('', '.', 'é', 'e\u0301', '😀', 'ﬀ', 'x<y>&z', 'q"u\\ote', 'tab\t', 'line\u2028sep', 'f:a', 'k:') },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);

const number = fc.oneof(
  fc.integer({ min: -3, max: 12 }),
  fc.constantFrom(0.5, 2.5, -1.25, 1e6, 1234567, 1e21, 1e-7, 9007199254740993, 123456789012, 1.5e300),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const scalar: fc.Arbitrary<JsonValue> = fc.oneof(
  { weight: 3, arbitrary: number },
  { weight: 3, arbitrary: name },
  { weight: 1, arbitrary: fc.constantFrom<JsonValue>(true, false, null) },
);

/** Set elements and key values are scalars in Kubernetes; Go compares lists and maps too. */
const jsonValue: fc.Arbitrary<JsonValue> = fc.oneof(
  { weight: 6, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(name, scalar, { maxKeys: 3 }) as fc.Arbitrary<JsonValue> },
);

const keyFields: fc.Arbitrary<KeyField[]> = fc
  .uniqueArray(fc.record({ name, value: jsonValue }), { minLength: 1, maxLength: 3, selector: (field) => field.name })
  .map((fields) => [...fields].sort((a, b) => byUtf8(a.name, b.name)));

const element: fc.Arbitrary<PathElement> = fc.oneof(
  { weight: 5, arbitrary: name.map((n): PathElement => ({ kind: 'field', name: n })) },
  { weight: 2, arbitrary: keyFields.map((fields): PathElement => ({ kind: 'key', fields })) },
  { weight: 2, arbitrary: jsonValue.map((value): PathElement => ({ kind: 'value', value })) },
  { weight: 2, arbitrary: fc.oneof(fc.integer({ min: -2, max: 12 }), fc.constantFrom(100, 1_000_000)).map((index): PathElement => ({ kind: 'index', index })) },
);

/** Short paths from few elements: many share prefixes, so nodes are both members and parents (`.`). */
const path: fc.Arbitrary<FieldPath> = fc.array(element, { minLength: 1, maxLength: 4 });

/** The set's fieldsV1 text with every object's keys in a shuffled order: Go sorts them back. */
function shuffledText(value: JsonValue, order: number[]): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return JSON.stringify(value);
  const keys = Object.keys(value);
  const shuffled = keys.map((key, i) => ({ key, rank: order[i % Math.max(order.length, 1)] ?? 0 })).sort((x, y) => x.rank - y.rank);
  return `{${shuffled.map(({ key }) => `${JSON.stringify(key)}:${shuffledText(value[key]!, order.slice(1))}`).join(',')}}`;
}

/**
 * Whether Go's `Set.String()` of a path may come out in any order: it prints a map value (in a
 * `k:` or `v:`) in Go's map iteration order, which is random (`[=c=2a=0b=1]` one time,
 * `[=a=0b=1c=2]` the next, for the same set). FieldSet prints the fields sorted.
 */
function printsUnordered(paths: readonly FieldPath[]): boolean {
  const unordered = (value: JsonValue): boolean =>
    value !== null && typeof value === 'object' && (Array.isArray(value) ? value.some(unordered) : Object.keys(value).length > 1 || Object.values(value).some(unordered));
  return paths.some((p) =>
    p.some((e) => (e.kind === 'key' ? e.fields.some((field) => unordered(field.value)) : e.kind === 'value' && unordered(e.value))),
  );
}

/** Two sets: a from random paths (some with a parent), b from some of a's paths, its prefixes and others, read from shuffled text. */
const pair = fc
  .record({
    a: fc.array(path, { maxLength: 14 }),
    parents: fc.array(fc.nat({ max: 2 }), { maxLength: 14 }),
    kept: fc.array(fc.boolean(), { maxLength: 14 }),
    prefixes: fc.array(fc.nat({ max: 3 }), { maxLength: 14 }),
    others: fc.array(path, { maxLength: 6 }),
    order: fc.array(fc.nat({ max: 100 }), { minLength: 1, maxLength: 6 }),
  })
  .map(({ a: paths, parents, kept, prefixes, others, order }) => {
    // Some paths with their parents too: nodes that are members and have children (`.`).
    const a = paths.flatMap((p, i) => ((parents[i] ?? 0) > 0 && p.length > (parents[i] ?? 0) ? [p, p.slice(0, p.length - parents[i]!)] : [p]));
    const fromA = a.flatMap((p, i) => (kept[i] ? [p.slice(0, Math.max(1, p.length - (prefixes[i] ?? 0)))] : []));
    const setA = FieldSet.fromPaths(a);
    const bText = shuffledText(FieldSet.fromPaths([...fromA, ...others]).toFieldsV1(), order);
    return { aText: setA.serialize(), bText, aPrintsUnordered: printsUnordered(a), bPrintsUnordered: printsUnordered([...fromA, ...others]) };
  });

// ---- The comparison ---------------------------------------------------------------------------

describe('FieldSet against structured-merge-diff v4 (Go), on random sets', () => {
  it(`gives the same text for every operation, on ${RUNS} random pairs`, async (context) => {
    if (oracle === undefined) return context.skip(skipped);
    const go = oracle;
    let asked = 0;
    let stringsCompared = 0;
    const seen = { overlapping: 0, withDotNodes: 0, recursiveDifferent: 0 };
    await fc.assert(
      fc.asyncProperty(pair, async ({ aText, bText, aPrintsUnordered, bPrintsUnordered }) => {
        const a = FieldSet.parse(aText);
        const b = FieldSet.parse(bText);
        const mine: Record<string, [unknown, Promise<{ result?: unknown; error?: string }>]> = {
          'roundtrip a': [a.serialize(), go.ask('roundtrip', aText)],
          'roundtrip b (shuffled text)': [b.serialize(), go.ask('roundtrip', bText)],
          'a ∪ b': [a.union(b).serialize(), go.ask('union', aText, bText)],
          'b ∪ a': [b.union(a).serialize(), go.ask('union', bText, aText)],
          'a ∩ b': [a.intersection(b).serialize(), go.ask('intersection', aText, bText)],
          'a − b': [a.difference(b).serialize(), go.ask('difference', aText, bText)],
          'b − a': [b.difference(a).serialize(), go.ask('difference', bText, aText)],
          'a recursive− b': [a.recursiveDifference(b).serialize(), go.ask('recursiveDifference', aText, bText)],
          'b recursive− a': [b.recursiveDifference(a).serialize(), go.ask('recursiveDifference', bText, aText)],
          'leaves a': [a.leaves().serialize(), go.ask('leaves', aText)],
          'leaves b': [b.leaves().serialize(), go.ask('leaves', bText)],
          'size a': [a.size, go.ask('size', aText)],
          'size b': [b.size, go.ask('size', bText)],
          ...(aPrintsUnordered ? {} : { 'string a': [a.toString(), go.ask('string', aText)] as const }),
          ...(bPrintsUnordered ? {} : { 'string b': [b.toString(), go.ask('string', bText)] as const }),
          'a equals b': [a.equals(b), go.ask('equals', aText, bText)],
          'a equals a ∪ b': [a.equals(a.union(b)), go.ask('equals', aText, a.union(b).serialize())],
          'empty a': [a.isEmpty(), go.ask('empty', aText)],
          'empty a ∩ b': [a.intersection(b).isEmpty(), go.ask('empty', a.intersection(b).serialize())],
        };
        if (!a.intersection(b).isEmpty()) seen.overlapping++;
        if (aText.includes('".":{}')) seen.withDotNodes++;
        if (!a.recursiveDifference(b).equals(a.difference(b))) seen.recursiveDifferent++;
        stringsCompared += (aPrintsUnordered ? 0 : 1) + (bPrintsUnordered ? 0 : 1);
        const ours: Record<string, unknown> = {};
        const theirs: Record<string, unknown> = {};
        for (const [operation, [result, answer]] of Object.entries(mine)) {
          const { result: goResult, error } = await answer;
          asked++;
          ours[operation] = result;
          theirs[operation] = error === undefined ? goResult : `Go error: ${error}`;
        }
        expect({ a: aText, b: bText, ...ours }).toEqual({ a: aText, b: bText, ...theirs });
      }),
      { numRuns: RUNS },
    );
    expect(asked).toBeGreaterThanOrEqual(RUNS * 17);
    // Most sets hold no map of two fields or more: String() is compared on most of them.
    expect(stringsCompared).toBeGreaterThan(RUNS);
    process.stderr.write(`FieldSet against Go: ${RUNS} pairs, ${asked} answers compared (${stringsCompared} String() texts); ${JSON.stringify(seen)}\n`);
    // The generator reaches the cases that matter: overlapping sets, nodes both members and
    // parents, and a recursive difference that is not the plain one.
    expect(seen.overlapping).toBeGreaterThan(RUNS / 4);
    expect(seen.withDotNodes).toBeGreaterThan(RUNS / 4);
    expect(seen.recursiveDifferent).toBeGreaterThan(RUNS / 20);
  }, 600_000);
});
