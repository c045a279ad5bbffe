import { cloneJsonChecking } from '../../json/cloneJsonChecking.js';
import { jsonEqual } from '../../json/jsonEqual.js';
import { jsonEqualChecking } from '../../json/jsonEqualChecking.js';
import type { JsonValue } from '../../json/JsonValue.js';
import { checkJsonAt } from '../../json/notJson.js';
import { getOwn, isJsonObject } from '../../json/ownProperty.js';
import type { PatchSchema, SchemaField } from '../../schema/PatchSchema.js';
import { serverSafeTests } from './serverSafeTests.js';
import type { JsonDiffContext } from './JsonDiffContext.js';
import { equalityIds } from './equalityIds.js';
import { deletedIndex, insertedIndex, keepStep, matchSequences } from './matchSequences.js';

/**
 * Diffs two lists whose elements have no key: elements are matched by content in near-linear time
 * ({@link matchSequences}); an element inserted or removed in the middle gives one `add` or
 * `remove`; a removed element next to an added one that keeps a member (such as its `name`) is
 * patched in place, otherwise replaced.
 *
 * The lists, nested `depth` deep, are not checked yet: each element is checked by what reads it
 * (compared at the ends, hashed in the middle, then diffed, copied or checked as it is removed).
 * `equalStart`: as for {@link diffKeyedList}.
 */
export function diffListByPosition(from: unknown[], to: unknown[], itemSchema: PatchSchema | undefined, depth: number, context: JsonDiffContext, equalStart?: number): void {
  const elementDepth = depth + 1;
  // Equal elements at both ends are kept as they are, with no need for ids. (The caller may have
  // found the equal start already, the pair after it differing.)
  let start = equalStart ?? 0;
  if (equalStart === undefined) while (start < from.length && start < to.length && jsonEqualChecking(from[start], to[start], elementDepth)) start++;
  let endFrom = from.length;
  let endTo = to.length;
  while (endFrom > start && endTo > start && jsonEqualChecking(from[endFrom - 1], to[endTo - 1], elementDepth)) {
    endFrom--;
    endTo--;
  }
  if (start === endFrom && start === endTo) return;
  const edits = new PositionalEdits(from, to, start, itemSchema, elementDepth, context);
  const fromCount = endFrom - start;
  const toCount = endTo - start;
  if (fromCount === 0 || toCount === 0 || (fromCount === 1 && toCount === 1)) {
    // Nothing to match (one side empty, or one element changed in place): the script is the
    // deletions then the insertions, as matching would find, without numbering them.
    for (let i = start; i < endFrom; i++) edits.delete(i);
    for (let j = start; j < endTo; j++) edits.insert(j);
    edits.flush();
    return;
  }
  const [fromIds, toIds] = equalityIds(from, to, start, endFrom, endTo, elementDepth);
  const steps = matchSequences(fromIds, toIds);
  for (const step of steps) {
    if (step === keepStep) edits.keep();
    else {
      const deleted = deletedIndex(step);
      if (deleted >= 0) edits.delete(start + deleted);
      else edits.insert(start + insertedIndex(step));
    }
  }
  edits.flush();
}

/** Applies an edit script to a list: the operations, with indices as they are once those before have applied. */
class PositionalEdits {
  /** Where the next element of `from` sits once the operations so far have applied. */
  #index: number;
  /** Indices of the elements deleted and inserted since the last kept one (reused, never shrunk). */
  readonly #deleted: number[] = [];
  readonly #inserted: number[] = [];
  #deletedCount = 0;
  #insertedCount = 0;
  readonly #elementField: SchemaField | undefined;

  constructor(
    readonly from: unknown[],
    readonly to: unknown[],
    start: number,
    itemSchema: PatchSchema | undefined,
    /** The nesting of the elements. */
    readonly depth: number,
    readonly context: JsonDiffContext,
  ) {
    this.#index = start;
    this.#elementField = itemSchema && { schema: itemSchema, meta: { patchStrategies: [] } };
  }

  keep(): void {
    if (this.#deletedCount + this.#insertedCount > 0) this.flush();
    this.#index++;
  }

  delete(i: number): void {
    this.#deleted[this.#deletedCount++] = i;
  }

  insert(j: number): void {
    this.#inserted[this.#insertedCount++] = j;
  }

  /**
   * The deletions and insertions since the last kept element. A removed element is paired with
   * an added one where they look like the same element (a member such as `name` kept its value);
   * surplus elements on either side are removed or added.
   */
  flush(): void {
    const { from, to, depth, context } = this;
    let d = 0;
    let n = 0;
    while (d < this.#deletedCount || n < this.#insertedCount) {
      const hasBefore = d < this.#deletedCount;
      const hasAfter = n < this.#insertedCount;
      const before = hasBefore ? from[this.#deleted[d]!] : undefined;
      const after = hasAfter ? to[this.#inserted[n]!] : undefined;
      const surplus = this.#deletedCount - d - (this.#insertedCount - n);
      const alike = hasBefore && hasAfter && looksAlike(before, after);
      if (hasBefore && hasAfter && (surplus === 0 || alike)) {
        guardElement(before, this.#index, depth, context);
        if (alike) {
          context.path.push(String(this.#index));
          context.diffValues(before, after, this.#elementField, depth);
          context.path.pop();
        } else {
          checkJsonAt(before, depth);
          context.operations.push({ op: 'replace', path: elementPath(this.#index, context), value: cloneJsonChecking(after, depth) });
        }
        this.#index++;
        d++;
        n++;
      } else if (hasBefore && surplus > 0) {
        guardElement(before, this.#index, depth, context);
        checkJsonAt(before, depth);
        context.operations.push({ op: 'remove', path: elementPath(this.#index, context) });
        d++;
      } else {
        context.operations.push({ op: 'add', path: elementPath(this.#index, context), value: cloneJsonChecking(after, depth) });
        this.#index++;
        n++;
      }
    }
    this.#deletedCount = 0;
    this.#insertedCount = 0;
  }
}

/** Two objects that keep some scalar member (`name`, `containerPort`, …), or two arrays. Reads only scalars, so safe on unchecked values. */
function looksAlike(before: unknown, after: unknown): boolean {
  if (Array.isArray(before)) return Array.isArray(after);
  if (!isJsonObject(before) || !isJsonObject(after)) return false;
  for (const key of Object.keys(before)) {
    const value = before[key];
    // A member holding `undefined` is absent.
    if (value !== undefined && typeof value !== 'object' && jsonEqual(value, getOwn(after, key))) return true;
  }
  return false;
}

/** The pointer of the element at `index` of the list the walk is at. */
function elementPath(index: number, context: JsonDiffContext): string {
  return `${context.path.pointer()}/${index}`;
}

function guardElement(element: unknown, index: number, depth: number, context: JsonDiffContext): void {
  if (!context.guard) return;
  const path = elementPath(index, context);
  if (context.semantics === 'kubernetes') {
    checkJsonAt(element, depth);
    context.operations.push(...serverSafeTests(path, element as JsonValue));
  } else {
    context.operations.push({ op: 'test', path, value: cloneJsonChecking(element, depth) });
  }
}
