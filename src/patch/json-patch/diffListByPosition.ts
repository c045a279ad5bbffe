import { cloneJson } from '../../json/cloneJson.js';
import { jsonEqual } from '../../json/jsonEqual.js';
import type { JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys } from '../../json/ownProperty.js';
import { structuralHash } from '../../json/structuralHash.js';
import type { PatchSchema } from '../../schema/PatchSchema.js';
import { serverSafeTests } from './serverSafeTests.js';
import type { JsonDiffContext } from './JsonDiffContext.js';
import { matchSequences, type EditStep } from './matchSequences.js';

/**
 * Diffs two lists whose elements have no key: elements are matched by content in near-linear time
 * ({@link matchSequences}); an element inserted or removed in the middle gives one `add` or
 * `remove`; a removed element next to an added one that keeps a member (such as its `name`) is
 * patched in place, otherwise replaced.
 */
export function diffListByPosition(from: JsonValue[], to: JsonValue[], path: string, itemSchema: PatchSchema | undefined, context: JsonDiffContext): void {
  // Equal elements at both ends are kept as they are, with no need for ids.
  let start = 0;
  while (start < from.length && start < to.length && jsonEqual(from[start], to[start])) start++;
  let endFrom = from.length;
  let endTo = to.length;
  while (endFrom > start && endTo > start && jsonEqual(from[endFrom - 1], to[endTo - 1])) {
    endFrom--;
    endTo--;
  }
  if (start === endFrom && start === endTo) return;
  const [fromIds, toIds] = equalityIds(from.slice(start, endFrom), to.slice(start, endTo));
  const steps = matchSequences(fromIds, toIds);

  // `index` is where the next element of `from` sits once the operations so far have applied.
  let index = start;
  let deleted: number[] = [];
  let inserted: number[] = [];
  const elementField = itemSchema && { schema: itemSchema, meta: { patchStrategies: [] } };
  const flush = (): void => {
    // Pair a removed element with an added one where they look like the same element (a member
    // such as `name` kept its value); surplus elements on either side are removed or added.
    let d = 0;
    let n = 0;
    while (d < deleted.length || n < inserted.length) {
      const before = d < deleted.length ? from[deleted[d]!]! : undefined;
      const after = n < inserted.length ? to[inserted[n]!]! : undefined;
      const surplus = deleted.length - d - (inserted.length - n);
      const elementPath = `${path}/${index}`;
      if (before !== undefined && after !== undefined && (surplus === 0 || looksAlike(before, after))) {
        guardElement(before, elementPath, context);
        if (looksAlike(before, after)) context.diffValues(before, after, elementPath, elementField);
        else context.operations.push({ op: 'replace', path: elementPath, value: cloneJson(after) });
        index++;
        d++;
        n++;
      } else if (before !== undefined && surplus > 0) {
        guardElement(before, elementPath, context);
        context.operations.push({ op: 'remove', path: elementPath });
        d++;
      } else {
        context.operations.push({ op: 'add', path: elementPath, value: cloneJson(after!) });
        index++;
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
      deleted.push(start + step.i);
    } else {
      inserted.push(start + step.j);
    }
  }
  flush();
}

/**
 * Numbers the elements of two lists so that two elements get the same id exactly when they are
 * {@link jsonEqual}: a {@link structuralHash} finds the candidates, `jsonEqual` decides. When one
 * list is empty, or each holds one element (and they differ: equal ends were trimmed), no two
 * elements are ever compared, so each gets its own id without hashing.
 */
function equalityIds(from: JsonValue[], to: JsonValue[]): [number[], number[]] {
  if (from.length === 0 || to.length === 0 || (from.length === 1 && to.length === 1)) {
    return [from.map((_, i) => i), to.map((_, j) => from.length + j)];
  }
  const newestWithHash = new Map<number, number>();
  const representatives: JsonValue[] = [];
  const olderWithSameHash: number[] = [];
  const idOf = (element: JsonValue): number => {
    const hash = structuralHash(element);
    const newest = newestWithHash.get(hash) ?? -1;
    for (let id = newest; id !== -1; id = olderWithSameHash[id]!) {
      if (jsonEqual(representatives[id], element)) return id;
    }
    const id = representatives.length;
    representatives.push(element);
    olderWithSameHash.push(newest);
    newestWithHash.set(hash, id);
    return id;
  };
  return [from.map(idOf), to.map(idOf)];
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

function guardElement(element: JsonValue, path: string, context: JsonDiffContext): void {
  if (!context.guard) return;
  if (context.semantics === 'kubernetes') context.operations.push(...serverSafeTests(path, element));
  else context.operations.push({ op: 'test', path, value: cloneJson(element) });
}
