import { isPlainPrototype, MAX_DEPTH } from '../../json/assertJsonValue.js';
import { cloneJsonChecking } from '../../json/cloneJsonChecking.js';
import { checkJsonAt, notJson } from '../../json/notJson.js';
import { forInListsOwnKeys } from '../../json/ownKeysByForIn.js';
import { getOwn } from '../../json/ownProperty.js';
import { PendingSchema, type SchemaLookup } from './PendingSchema.js';
import { diffMemberLists } from './diffValues.js';
import type { JsonDiffContext } from './JsonDiffContext.js';

/**
 * Diffs two objects (where `context.path` says), nested `depth` deep, checking them as it goes (see diffValues):
 * removed members (`remove`) come first, in `from`'s order; then, in `to`'s order, new members
 * (`add`) and changed ones (diffed inside, or replaced). Members holding `undefined` count as absent.
 *
 * Both objects usually list the same keys in the same order. The members of that common start are
 * diffed side by side, with no lookup; the rest (if any) key by key. The order of the operations
 * is the same either way, since the common start comes first in both orders.
 */
export function diffObjects(from: object, to: object, schema: SchemaLookup, depth: number, context: JsonDiffContext): void {
  const prototypeFrom: unknown = Object.getPrototypeOf(from);
  const prototypeTo: unknown = Object.getPrototypeOf(to);
  if (!isPlainPrototype(prototypeFrom) || !isPlainPrototype(prototypeTo)) notJson();
  if (forInListsOwnKeys(prototypeFrom) && forInListsOwnKeys(prototypeTo)) diffByForIn(from as Record<string, unknown>, to as Record<string, unknown>, schema, depth, context);
  else diffByKeyLists(from as Record<string, unknown>, to as Record<string, unknown>, schema, depth, context);
}

/** Per depth, arrays reused for the keys and values of the object diffed at that depth (deeper calls use deeper ones). */
const keysAtDepth: string[][] = [];
const valuesAtDepth: unknown[][] = [];

/**
 * Lists keys with `for…in`, which builds no array (see ownKeysByForIn); `to`'s keys and values go
 * into reused ones, read in its own `for…in`, where V8 reads them fastest.
 */
function diffByForIn(from: Record<string, unknown>, to: Record<string, unknown>, schema: SchemaLookup, depth: number, context: JsonDiffContext): void {
  const toKeys = (keysAtDepth[depth] ??= []);
  const toValues = (valuesAtDepth[depth] ??= []);
  let toCount = 0;
  for (const key in to) {
    toKeys[toCount] = key;
    toValues[toCount++] = to[key];
  }
  const memberDepth = depth + 1;
  const removeAt = context.operations.length;
  let removed = 0;
  let common = 0;
  let inCommonStart = true;
  for (const key in from) {
    if (inCommonStart && common < toCount && toKeys[common] === key) {
      const before = from[key];
      const after = toValues[common++];
      // Most members are equal scalars: nothing to do or check beyond this.
      if (before === after && (typeof before === 'string' || typeof before === 'boolean' || before === null)) continue;
      removed += diffCommon(before, after, key, schema, memberDepth, removeAt + removed, context);
    } else {
      inCommonStart = false;
      removed += removeIfGone(from[key], to, key, memberDepth, removeAt + removed, context);
    }
  }
  for (let i = common; i < toCount; i++) addOrDiff(from, toValues[i], toKeys[i]!, schema, memberDepth, context);
  // The buffer must not keep the caller's values alive.
  for (let i = 0; i < toCount; i++) toValues[i] = undefined;
}

/** Lets go of the values a walk given up halfway (by an error) left in the buffers. */
export function releaseDiffBuffers(): void {
  for (const values of valuesAtDepth) values?.fill(undefined);
}

/** {@link diffByForIn} with `Object.keys`, for objects of another realm and while `Object.prototype` has enumerable keys. */
function diffByKeyLists(from: Record<string, unknown>, to: Record<string, unknown>, schema: SchemaLookup, depth: number, context: JsonDiffContext): void {
  const fromKeys = Object.keys(from);
  const toKeys = Object.keys(to);
  const memberDepth = depth + 1;
  const removeAt = context.operations.length;
  let removed = 0;
  let common = 0;
  while (common < fromKeys.length && common < toKeys.length && fromKeys[common] === toKeys[common]) {
    const key = fromKeys[common++]!;
    removed += diffCommon(from[key], to[key], key, schema, memberDepth, removeAt + removed, context);
  }
  for (let i = common; i < fromKeys.length; i++) removed += removeIfGone(from[fromKeys[i]!], to, fromKeys[i]!, memberDepth, removeAt + removed, context);
  for (let i = common; i < toKeys.length; i++) addOrDiff(from, to[toKeys[i]!], toKeys[i]!, schema, memberDepth, context);
}

// The operations on one member, nested `depth` deep. A `remove` goes at `removeAt`, before every
// other operation on the members of the same objects; the functions that may remove return how
// many they did (0 or 1).

/** A key both objects have at the same place; a member holding `undefined` is absent. */
function diffCommon(before: unknown, after: unknown, key: string, schema: SchemaLookup, depth: number, removeAt: number, context: JsonDiffContext): number {
  if (before === after) {
    // An object both share is checked whole.
    if (before !== undefined && typeof before !== 'string' && typeof before !== 'boolean' && before !== null) checkJsonAt(before, depth);
    return 0;
  }
  if (after === undefined) return remove(before, key, depth, removeAt, context);
  addOrChange(before, after, key, schema, depth, context);
  return 0;
}

/** A key of `from` past the common start: removed unless `to` has it too. */
function removeIfGone(before: unknown, to: object, key: string, depth: number, removeAt: number, context: JsonDiffContext): number {
  return before !== undefined && getOwn(to, key) === undefined ? remove(before, key, depth, removeAt, context) : 0;
}

/** A key of `to` past the common start: added, or diffed with `from`'s. */
function addOrDiff(from: object, after: unknown, key: string, schema: SchemaLookup, depth: number, context: JsonDiffContext): void {
  if (after === undefined) return;
  const before = getOwn(from, key);
  if (before === after) diffCommon(before, after, key, schema, depth, 0, context);
  else addOrChange(before, after, key, schema, depth, context);
}

function remove(before: unknown, key: string, depth: number, removeAt: number, context: JsonDiffContext): number {
  checkJsonAt(before, depth);
  context.operations.splice(removeAt, 0, { op: 'remove', path: context.path.pointerTo(key) });
  return 1;
}

/** `before` (`undefined` if absent) differs from `after`, which is present. */
function addOrChange(before: unknown, after: unknown, key: string, schema: SchemaLookup, depth: number, context: JsonDiffContext): void {
  if (before === undefined) {
    context.operations.push({ op: 'add', path: context.path.pointerTo(key), value: cloneJsonChecking(after, depth) });
  } else if (typeof before === 'object' && typeof after === 'object' && before !== null && after !== null && Array.isArray(before) === Array.isArray(after)) {
    context.path.push(key);
    if (Array.isArray(before)) {
      diffMemberLists(before, after as unknown[], schema, key, depth, context);
    } else {
      // An object passes the lookup on: it is made only if something below needs it.
      if (depth > MAX_DEPTH) notJson();
      diffObjects(before, after, schema && new PendingSchema(schema, key), depth, context);
    }
    context.path.pop();
  } else {
    // A scalar changed, or a value changed type: replaced whole.
    checkJsonAt(before, depth);
    context.operations.push({ op: 'replace', path: context.path.pointerTo(key), value: cloneJsonChecking(after, depth) });
  }
}
