import type { JsonObject, JsonValue } from '../json/JsonValue.js';
import { jsonKeys, setOwn } from '../json/ownProperty.js';
import { checkJsonAt, checkJsonContainer, NOT_JSON } from '../json/notJson.js';
import type { PatchSchema } from '../schema/PatchSchema.js';
import type { SchemaLookup } from './SchemaLookup.js';
import type { SideDefaults } from './SideDefaults.js';

/**
 * A copy of `value`, a value of one side's document at `schema` (an object already through
 * `side.object`, or anything else), for a change: without the fields the defaults filled in, since
 * a change shows what each side says, not what the comparison assumed (an added container is shown
 * as written). The objects inside go through the side's defaults on the way, so that a `null` the
 * defaults replace is left out as it would be had the whole document been filled first. The
 * documents are not copied up front, so this is where a reported value is copied.
 *
 * `depth`: where the documents were not checked up front, the depth of `value`, and the copy checks
 * what it reads (`NOT_JSON`); 0 when they were.
 * @internal
 */
export function reportedValue(value: JsonValue, schema: PatchSchema | undefined, side: SideDefaults, schemas: SchemaLookup, depth: number): JsonValue {
  if (typeof value !== 'object' || value === null) {
    if (depth > 0) checkJsonAt(value, depth);
    return value;
  }
  if (depth > 0) checkJsonContainer(value, depth);
  const below = depth > 0 ? depth + 1 : 0;
  if (Array.isArray(value)) {
    const items = schemas.items(schema);
    const copy = new Array<JsonValue>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = value[i]!;
      if (below > 0 && item === undefined) throw NOT_JSON;
      copy[i] = reportedValue(isObject(item) ? side.object(item, items) : item, items, side, schemas, below);
    }
    return copy;
  }
  const skip = side.marks.get(value);
  const copy: JsonObject = {};
  side.enter(schema, value);
  for (const key of jsonKeys(value)) {
    if (skip !== undefined && skip.includes(key)) continue;
    const member = value[key]!;
    const field = typeof member === 'object' && member !== null ? schemas.field(schema, key)?.schema : undefined;
    setOwn(copy, key, reportedValue(isObject(member) ? side.object(member, field) : member, field, side, schemas, below));
  }
  side.leave(schema);
  return copy;
}

/** An object that is not a list (not checked: `side.object` and the copy check it). */
function isObject(value: JsonValue): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A copy of a value the walk made itself (the keys of list elements): there is nothing to leave out. @internal */
export function copyMade(value: JsonValue): JsonValue {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyMade);
  const copy: JsonObject = {};
  for (const key of jsonKeys(value)) setOwn(copy, key, copyMade(value[key]!));
  return copy;
}
