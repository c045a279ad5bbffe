import { MAX_DEPTH } from '../../json/assertJsonValue.js';
import { cloneJsonChecking } from '../../json/cloneJsonChecking.js';
import { jsonEqualChecking } from '../../json/jsonEqualChecking.js';
import { checkJsonAt, notJson } from '../../json/notJson.js';
import type { SchemaField } from '../../schema/PatchSchema.js';
import { diffKeyedList, listKeys } from './diffKeyedList.js';
import { diffListByPosition } from './diffListByPosition.js';
import { diffObjects } from './diffObjects.js';
import type { JsonDiffContext } from './JsonDiffContext.js';
import { schemaOf, type SchemaLookup } from './PendingSchema.js';

/**
 * The walk of {@link createJsonPatch}: diffs `from` and `to` (where `context.path` says) and checks both as it goes,
 * so that a document is read once rather than once to check it and again to diff it. Every value
 * of both documents is checked by whatever reads it: compared, copied into the patch, hashed, or
 * checked on its own where nothing else reads it (a removed member, an object both documents
 * share). Anything that is not JSON gives the walk up with {@link NOT_JSON}.
 *
 * `depth` is the nesting of both values (the root is 1): the walk pairs values at the same place,
 * so it is the same in both documents, and a cycle is caught as nesting too deep.
 */
export function diffValues(from: unknown, to: unknown, field: SchemaField | undefined, depth: number, context: JsonDiffContext): void {
  if (from === to) {
    checkUnchanged(from, depth);
    return;
  }
  if (typeof from === 'object' && typeof to === 'object' && from !== null && to !== null) {
    if (depth > MAX_DEPTH) notJson();
    const fromIsArray = Array.isArray(from);
    if (fromIsArray === Array.isArray(to)) {
      if (fromIsArray) {
        diffLists(from as unknown[], to as unknown[], field, depth, context);
      } else {
        diffObjects(from, to, field?.schema, depth, context);
      }
      return;
    }
  }
  replace(from, to, depth, context);
}

/** A scalar changed, or a value changed type: replaced whole. */
function replace(from: unknown, to: unknown, depth: number, context: JsonDiffContext): void {
  checkJsonAt(from, depth);
  context.operations.push({ op: 'replace', path: context.path.pointer(), value: cloneJsonChecking(to, depth) });
}

/** The same value on both sides (equal scalars, or one object both documents share): checked once. */
function checkUnchanged(value: unknown, depth: number): void {
  if (typeof value !== 'string' && typeof value !== 'boolean' && value !== null) checkJsonAt(value, depth);
}

/**
 * The lists of member `key` of objects whose schema `owner` tells (objects call this rather than
 * {@link diffValues}): most lists are unchanged, so they are compared first, and the schema is
 * looked up only for lists that differ.
 */
export function diffMemberLists(from: unknown[], to: unknown[], owner: SchemaLookup, key: string, depth: number, context: JsonDiffContext): void {
  if (depth > MAX_DEPTH) notJson();
  let equalStart: number | undefined;
  if (from.length === to.length) {
    equalStart = equalPrefix(from, to, depth + 1);
    if (equalStart === from.length) return;
  }
  diffLists(from, to, owner === undefined ? undefined : schemaOf(owner)?.field(key), depth, context, equalStart);
}

/**
 * `equalStart`, when known: how many elements at the start are equal (and checked), position by
 * position, the pair after them differing; lists of the same length are always compared so.
 */
function diffLists(from: unknown[], to: unknown[], field: SchemaField | undefined, depth: number, context: JsonDiffContext, equalStart?: number): void {
  const keys = listKeys(field?.meta);
  const itemSchema = field?.schema.items();
  if (keys === undefined || itemSchema === undefined) {
    diffListByPosition(from, to, itemSchema, depth, context, equalStart);
    return;
  }
  // Most lists are unchanged, and then neither way of diffing makes an operation: comparing them
  // element by element (which checks them too) is cheaper than reading every element's key. Where
  // they differ, the equal start is not compared again.
  if (equalStart === undefined && from.length === to.length) {
    equalStart = equalPrefix(from, to, depth + 1);
    if (equalStart === from.length) return;
  }
  if (!diffKeyedList(from, to, keys, itemSchema, depth, context, equalStart)) diffListByPosition(from, to, itemSchema, depth, context, equalStart);
}

/** How many elements at the start of two lists are equal (checking them), the elements `depth` deep. */
function equalPrefix(from: unknown[], to: unknown[], depth: number): number {
  let equal = 0;
  while (equal < from.length && equal < to.length && jsonEqualChecking(from[equal], to[equal], depth)) equal++;
  return equal;
}
