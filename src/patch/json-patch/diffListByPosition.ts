import { cloneJson } from '../../json/cloneJson.js';
import { fingerprint } from '../../json/fingerprint.js';
import { jsonEqual } from '../../json/jsonEqual.js';
import type { JsonValue } from '../../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys } from '../../json/ownProperty.js';
import type { PatchSchema } from '../../schema/PatchSchema.js';
import type { JsonDiffContext } from './JsonDiffContext.js';
import { matchSequences, type EditStep } from './matchSequences.js';

/**
 * Diffs two lists whose elements have no key: elements are matched by content in near-linear time
 * ({@link matchSequences}); an element inserted or removed in the middle gives one `add` or
 * `remove`; a removed element next to an added one that keeps a member (such as its `name`) is
 * patched in place, otherwise replaced.
 */
export function diffListByPosition(from: JsonValue[], to: JsonValue[], path: string, itemSchema: PatchSchema | undefined, context: JsonDiffContext): void {
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
      deleted.push(step.i);
    } else {
      inserted.push(step.j);
    }
  }
  flush();
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
  if (context.guard) context.operations.push({ op: 'test', path, value: cloneJson(element) });
}
