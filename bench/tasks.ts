/**
 * What is measured: each task with the libraries that can do it ("contenders"), how each is
 * called so that none mutates its inputs, and how its result is checked (a fast wrong answer is
 * not a result).
 */
import jsonPatch from 'fast-json-patch';
import equal from 'fast-deep-equal';
import { create as createJsonDiffPatch } from 'jsondiffpatch';
import { format as formatAsJsonPatch } from 'jsondiffpatch/formatters/jsonpatch';
import mergePatch from 'json-merge-patch';
import * as rfc6902 from 'rfc6902';
import deepEqual from 'deep-equal';
import {
  applyJsonPatch,
  applyMergePatch,
  applyStrategicMergePatch,
  createJsonPatch,
  createMergePatch,
  createStrategicMergePatch,
  semanticDiff,
  type JsonObject,
  type JsonPatch,
  type JsonValue,
} from '../src/index.js';
import type { BenchInput } from './inputs.js';

export type TaskId = 'json-patch-create' | 'json-patch-apply' | 'merge-patch-create' | 'merge-patch-apply' | 'strategic-create' | 'strategic-apply' | 'semantic-diff';

/** How a contender matches list elements, which decides whether its patches are keyed. */
export type ListMatching = 'by key' | 'by content' | 'by index' | 'whole list' | 'by merge key';

export interface Contender {
  /** Unique within its task; names the column and the chart line. */
  readonly name: string;
  readonly library: 'kubepatch' | 'fast-json-patch' | 'rfc6902' | 'jsondiffpatch' | 'json-merge-patch';
  /** For creating tasks: how list elements are matched. */
  readonly lists?: ListMatching;
  /** Does the work once per call of the returned function; preparation is not timed. */
  prepare(input: BenchInput): () => unknown;
}

export interface Task {
  readonly id: TaskId;
  readonly title: string;
  readonly contenders: readonly Contender[];
  /** Creating tasks: the patch's result; `undefined` when the output is right, else what is wrong. */
  check(input: BenchInput, output: unknown): string | undefined;
  /** Creating tasks produce patches whose size the report compares. */
  readonly createsPatch: boolean;
}

/**
 * Whole-document copy for the peers that change the document they patch (rfc6902, json-merge-patch):
 * the JSON round trip, the fastest deep copy of plain JSON in V8 and what fast-json-patch uses itself.
 */
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** jsondiffpatch's documented way to match array elements by identity instead of by position. */
const jsondiffpatch = createJsonDiffPatch({
  objectHash: (item: object, index?: number) => {
    const record = item as { name?: unknown; containerPort?: unknown };
    return typeof record.name === 'string' ? record.name : record.containerPort !== undefined ? String(record.containerPort) : `$$index:${index}`;
  },
  arrays: { detectMove: true },
});

const matches = (expected: unknown, actual: unknown, what: string): string | undefined =>
  equal(expected, actual) ? undefined : `${what} differs from the expected document`;

/** Applies a created JSON Patch with kubepatch's strict applier and compares with `after`. */
function checkJsonPatch(input: BenchInput, patch: unknown): string | undefined {
  try {
    return matches(input.after, applyJsonPatch(input.before, patch as JsonPatch), 'applying the patch gives a document that');
  } catch (error) {
    return `the patch does not apply: ${(error as Error).message}`;
  }
}

/** The patches the apply tasks apply, the same for every library: kubepatch's, made without a schema. */
const jsonPatchOf = (input: BenchInput) => createJsonPatch(input.before, input.after);
const mergePatchOf = (input: BenchInput) => createMergePatch(input.before, input.after);

/** A contender of an apply task: the patch is made once, untimed; each call applies it. */
function applying<P>(library: Contender['library'], patchOf: (input: BenchInput) => P, apply: (input: BenchInput, patch: P) => unknown): Contender {
  return {
    name: library,
    library,
    prepare: (input) => {
      const patch = patchOf(input);
      return () => apply(input, patch);
    },
  };
}

export const tasks: readonly Task[] = [
  {
    id: 'json-patch-create',
    title: 'JSON Patch: create',
    createsPatch: true,
    check: checkJsonPatch,
    contenders: [
      { name: 'kubepatch + schema', library: 'kubepatch', lists: 'by key', prepare: (input) => () => createJsonPatch(input.before, input.after, { schema: input.schema }) },
      { name: 'kubepatch', library: 'kubepatch', lists: 'by content', prepare: (input) => () => createJsonPatch(input.before, input.after) },
      { name: 'fast-json-patch', library: 'fast-json-patch', lists: 'by index', prepare: (input) => () => jsonPatch.compare(input.before, input.after) },
      { name: 'rfc6902', library: 'rfc6902', lists: 'by content', prepare: (input) => () => rfc6902.createPatch(input.before, input.after) },
      { name: 'jsondiffpatch', library: 'jsondiffpatch', lists: 'by key', prepare: (input) => () => formatAsJsonPatch(jsondiffpatch.diff(input.before, input.after)) },
    ],
  },
  {
    id: 'json-patch-apply',
    title: 'JSON Patch: apply',
    createsPatch: false,
    check: (input, output) => matches(input.after, output, 'the result'),
    contenders: [
      applying('kubepatch', jsonPatchOf, (input, patch) => applyJsonPatch(input.before, patch)),
      // mutateDocument = false: fast-json-patch copies the document itself.
      applying('fast-json-patch', jsonPatchOf, (input, patch) => jsonPatch.applyPatch(input.before, patch as jsonPatch.Operation[], false, false).newDocument),
      applying('rfc6902', jsonPatchOf, (input, patch) => {
        const document = copy(input.before);
        const failures = rfc6902.applyPatch(document, patch as rfc6902.Operation[]).filter((result) => result !== null);
        if (failures.length > 0) throw failures[0];
        return document;
      }),
    ],
  },
  {
    id: 'merge-patch-create',
    title: 'Merge patch: create',
    createsPatch: true,
    check: (input, patch) => matches(input.after, applyMergePatch(input.before, (patch ?? {}) as JsonValue), 'applying the patch gives a document that'),
    contenders: [
      { name: 'kubepatch', library: 'kubepatch', lists: 'whole list', prepare: (input) => () => createMergePatch(input.before, input.after) },
      { name: 'json-merge-patch', library: 'json-merge-patch', lists: 'whole list', prepare: (input) => () => mergePatch.generate(input.before, input.after) },
    ],
  },
  {
    id: 'merge-patch-apply',
    title: 'Merge patch: apply',
    createsPatch: false,
    check: (input, output) => matches(input.after, output, 'the result'),
    contenders: [
      applying('kubepatch', mergePatchOf, (input, patch) => applyMergePatch(input.before, patch)),
      applying('json-merge-patch', mergePatchOf, (input, patch) => mergePatch.apply(copy(input.before), patch)),
    ],
  },
  {
    id: 'strategic-create',
    title: 'Strategic merge patch: create',
    createsPatch: true,
    check: (input, patch) => matches(input.after, applyStrategicMergePatch(input.before, patch as JsonObject, input.schema), 'applying the patch gives a document that'),
    contenders: [{ name: 'kubepatch', library: 'kubepatch', lists: 'by merge key', prepare: (input) => () => createStrategicMergePatch(input.before, input.after, input.schema) }],
  },
  {
    id: 'strategic-apply',
    title: 'Strategic merge patch: apply',
    createsPatch: false,
    check: (input, output) => matches(input.after, output, 'the result'),
    contenders: [
      applying(
        'kubepatch',
        (input) => createStrategicMergePatch(input.before, input.after, input.schema),
        (input, patch) => applyStrategicMergePatch(input.before, patch, input.schema),
      ),
    ],
  },
  {
    id: 'semantic-diff',
    title: 'Semantic diff',
    createsPatch: false,
    check: (_input, output) => ((output as unknown[]).length > 0 ? undefined : 'no change reported'),
    contenders: [{ name: 'kubepatch', library: 'kubepatch', lists: 'by merge key', prepare: (input) => () => semanticDiff(input.before, input.after, { schema: input.schema }) }],
  },
];

/**
 * The floor: one deep comparison that visits every value of a document of the input's size. Comparing
 * `before` with `after` would stop at the first difference, so `before` is compared with a separate
 * deep copy of itself. fast-deep-equal is the fastest strict comparison among the usual ones; the
 * `deep-equal` package (strict), which the tests use as an oracle, is timed beside it for reference.
 */
export const floors = {
  'fast-deep-equal': (input: BenchInput) => {
    const twin = copy(input.before);
    return () => equal(input.before, twin);
  },
  'deep-equal (strict)': (input: BenchInput) => {
    const twin = copy(input.before);
    return () => deepEqual(input.before, twin, { strict: true });
  },
} as const;
