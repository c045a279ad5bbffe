import { assertJsonValue } from '../../json/assertJsonValue.js';
import { cloneJson } from '../../json/cloneJson.js';
import { fingerprint } from '../../json/fingerprint.js';
import { jsonEqual } from '../../json/jsonEqual.js';
import type { JsonInput, JsonObject, JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys } from '../../json/ownProperty.js';
import { escapePointerToken } from '../../json/pointer.js';
import type { JsonPatchOperation } from './JsonPatchOperation.js';
import { matchSequences, type EditStep } from './matchSequences.js';

/**
 * Options of {@link createJsonPatch}.
 *
 * @example
 * ```ts
 * createJsonPatch({ env: [{ name: 'A' }, { name: 'B' }] }, { env: [{ name: 'B' }] }, { guard: true });
 * // [ { op: 'test', path: '/env/0', value: { name: 'A' } }, { op: 'remove', path: '/env/0' } ]
 * ```
 * @public
 */
export interface CreateJsonPatchOptions {
  /**
   * Put a `test` of the original element before every operation that removes, replaces or changes
   * an array element, so that a patch computed from a stale read fails (with
   * {@link PatchTestFailedError}) instead of removing or changing whichever element has moved into
   * that index since.
   *
   * Default: `false`.
   */
  readonly guard?: boolean;
}

/**
 * Computes a JSON Patch (RFC 6902) that turns `from` into `to`:
 * `applyJsonPatch(from, createJsonPatch(from, to))` equals `to`.
 *
 * - objects are compared member by member: removed members give `remove`, new ones `add`, and
 *   changed ones are compared recursively down to the changed scalar (`replace`);
 * - arrays are matched element by element in near-linear time (patience diff: common ends,
 *   unique elements as anchors, exact matching of small gaps), so an element inserted or removed
 *   in the middle gives one `add` or `remove` instead of rewriting every index after it; a changed
 *   element that keeps some member (such as its `name`) is patched inside, others are replaced;
 * - operations on one array are listed front to back, each index counted on the array as the
 *   operations before it left it.
 *
 * @example
 * ```ts
 * createJsonPatch(
 *   { env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }, { name: 'C', value: '3' }] },
 *   { env: [{ name: 'A', value: '1' }, { name: 'C', value: '4' }] },
 * );
 * // [ { op: 'remove', path: '/env/1' }, { op: 'replace', path: '/env/1/value', value: '4' } ]
 * ```
 * @throws {@link InvalidDocumentError} when an argument is not a JSON value.
 * @public
 */
export function createJsonPatch(from: JsonInput, to: JsonInput, options: CreateJsonPatchOptions = {}): JsonPatchOperation[] {
  assertJsonValue(from, 'from');
  assertJsonValue(to, 'to');
  const operations: JsonPatchOperation[] = [];
  diffValues(from, to, '', { guard: options.guard === true, operations });
  return operations;
}

interface DiffContext {
  readonly guard: boolean;
  readonly operations: JsonPatchOperation[];
}

function diffValues(from: JsonValue, to: JsonValue, path: string, context: DiffContext): void {
  if (isJsonObject(from) && isJsonObject(to)) diffObjects(from, to, path, context);
  else if (Array.isArray(from) && Array.isArray(to)) diffArrays(from, to, path, context);
  else if (!jsonEqual(from, to)) context.operations.push({ op: 'replace', path, value: cloneJson(to) });
}

function diffObjects(from: JsonObject, to: JsonObject, path: string, context: DiffContext): void {
  for (const key of jsonKeys(from)) {
    if (getOwn(to, key) === undefined) context.operations.push({ op: 'remove', path: `${path}/${escapePointerToken(key)}` });
  }
  for (const key of jsonKeys(to)) {
    const before = getOwn(from, key);
    const memberPath = `${path}/${escapePointerToken(key)}`;
    if (before === undefined) context.operations.push({ op: 'add', path: memberPath, value: cloneJson(to[key] as JsonValue) });
    else diffValues(before, to[key] as JsonValue, memberPath, context);
  }
}

function diffArrays(from: JsonValue[], to: JsonValue[], path: string, context: DiffContext): void {
  if (from.length === to.length && jsonEqual(from, to)) return;
  const ids = new Map<string, number>();
  const idOf = (element: JsonValue): number => {
    const key = fingerprint(element);
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = ids.size));
    return id;
  };
  const steps = matchSequences(from.map(idOf), to.map(idOf));

  // `index` is where the next element of `from` sits once the operations so far have applied.
  let index = 0;
  let deleted: number[] = [];
  let inserted: number[] = [];
  const flush = (): void => {
    // Pair a removed element with an added one where they look like the same element (a member
    // such as `name` kept its value); surplus elements on either side are removed or added.
    let d = 0;
    let n = 0;
    while (d < deleted.length || n < inserted.length) {
      const before = d < deleted.length ? from[deleted[d]!]! : undefined;
      const after = n < inserted.length ? to[inserted[n]!]! : undefined;
      const surplus = deleted.length - d - (inserted.length - n);
      if (before !== undefined && after !== undefined && (surplus === 0 || looksAlike(before, after))) {
        changeElement(before, after, `${path}/${index++}`, context);
        d++;
        n++;
      } else if (before !== undefined && surplus > 0) {
        guardElement(before, `${path}/${index}`, context);
        context.operations.push({ op: 'remove', path: `${path}/${index}` });
        d++;
      } else {
        context.operations.push({ op: 'add', path: `${path}/${index++}`, value: cloneJson(after!) });
        n++;
      }
    }
    deleted = [];
    inserted = [];
  };
  for (const step of steps as EditStep[]) {
    if (step.kind === 'keep') {
      flush();
      index++;
    } else if (step.kind === 'delete') {
      deleted.push(step.i);
    } else {
      inserted.push(step.j);
    }
  }
  flush();
}

/** Patch inside an element that is recognisably the same one (a member kept its value), else replace it. */
function changeElement(before: JsonValue, after: JsonValue, path: string, context: DiffContext): void {
  guardElement(before, path, context);
  if (looksAlike(before, after)) diffValues(before, after, path, context);
  else context.operations.push({ op: 'replace', path, value: cloneJson(after) });
}

/** Two objects that keep some scalar member (`name`, `containerPort`, …), or two arrays. */
function looksAlike(before: JsonValue, after: JsonValue): boolean {
  if (Array.isArray(before)) return Array.isArray(after);
  if (!isJsonObject(before) || !isJsonObject(after)) return false;
  for (const key of jsonKeys(before)) {
    const value = before[key] as JsonValue;
    if (typeof value !== 'object' && jsonEqual(value, getOwn(after, key))) return true;
  }
  return false;
}

function guardElement(element: JsonValue, path: string, context: DiffContext): void {
  if (context.guard) context.operations.push({ op: 'test', path, value: cloneJson(element) });
}
