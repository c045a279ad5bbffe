import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { jsonKeys, setOwn } from '../../json/ownProperty.js';
import type { SetNode } from '../fieldsV1/setNode.js';
import type { ApplySchema } from '../schema/ApplySchema.js';
import { atomOf, isAtomicList, isAtomicMap, listOf, mapOf } from './atomOf.js';
import { listElementPath } from './listElementPath.js';
import { findEntry } from '../fieldsV1/setNode.js';

/**
 * A value without the fields of `set` (`TypedValue.RemoveItems`), or with only them (`extract`,
 * `TypedValue.ExtractItems`). A field of the set goes (or stays) whole, with everything under it;
 * a map or list the set reaches into is walked. Go's quirks are kept: a map or list left with
 * nothing becomes `null` in its parent, and an atomic one reached into is dropped whole.
 * `undefined` is Go's nil. The value must have been validated.
 * @internal
 */
export function removeItems(value: JsonValue, set: SetNode, schema: ApplySchema, extract: boolean): JsonValue | undefined {
  const atom = atomOf(schema, value);
  if (atom === 'scalar') return value;
  if (atom === 'list') {
    const list = listOf(value);
    if (list === undefined || list.length === 0) return undefined;
    if (isAtomicList(schema)) return extract ? value : undefined;
    const items = schema.items()!;
    const out: JsonValue[] = [];
    for (const item of list) {
      const entry = findEntry(set, listElementPath(schema, item, '', 'object'));
      if (entry?.member === true) {
        if (!extract) continue;
        // Go passes the whole set down here, not the element's part of it.
        out.push(removeItems(item, set, items, extract) ?? null);
      }
      if (entry?.children !== undefined) out.push(removeItems(item, entry.children, items, extract) ?? null);
      else if (!extract) out.push(item);
    }
    return out.length > 0 ? out : undefined;
  }
  const map = mapOf(value);
  if (map === undefined) return undefined;
  const keys = jsonKeys(map);
  if (keys.length === 0) return undefined;
  if (isAtomicMap(schema)) return extract ? value : undefined;
  const out: JsonObject = {};
  for (const key of keys) {
    const child = schema.field(key);
    if (child === undefined) continue;
    const entry = findEntry(set, { kind: 'field', name: key });
    if (entry?.member === true) {
      if (extract) setOwn(out, key, removeItems(map[key]!, set, child, extract) ?? null);
      continue;
    }
    if (entry?.children !== undefined) setOwn(out, key, removeItems(map[key]!, entry.children, child, extract) ?? null);
    else if (!extract) setOwn(out, key, map[key]!);
  }
  return jsonKeys(out).length > 0 ? out : undefined;
}
