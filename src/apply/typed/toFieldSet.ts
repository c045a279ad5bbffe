import type { JsonValue } from '../../json/JsonValue.js';
import { jsonKeys } from '../../json/ownProperty.js';
import { formatJsonPointer } from '../../json/pointer.js';
import type { SetEntry } from '../fieldsV1/setNode.js';
import type { ApplySchema } from '../schema/ApplySchema.js';
import { atomOf, isAtomicList, isAtomicMap, listOf, mapOf } from './atomOf.js';
import { listElementPath } from './listElementPath.js';
import { entryOf, pushEntry } from './setEntries.js';
import { serializePathElement } from '../fieldsV1/pathElementKey.js';

/**
 * The fields of a value (`TypedValue.ToFieldSet`), as the children of its root: the set a
 * manager owns when it applies this value. A scalar, an atomic list or map is one field; a list
 * element is a field beside its own fields; a map key is a field when its value is `null` or `{}`,
 * or when it is not a field the struct declares (a label, a ConfigMap key), and otherwise only
 * through the fields under it. An empty granular list adds nothing. Elements that share a key are
 * one field, not descended into. The value must have been validated (`validateTyped`).
 * @internal
 */
export function toFieldSetEntries(value: JsonValue, schema: ApplySchema): SetEntry[] {
  return childrenOf(value, schema, []);
}

function childrenOf(value: JsonValue, schema: ApplySchema, tokens: string[]): SetEntry[] {
  const out: SetEntry[] = [];
  const atom = atomOf(schema, value);
  if (atom === 'list') {
    const list = listOf(value);
    if (list === undefined || isAtomicList(schema)) return out;
    const items = schema.items()!;
    const elements = list.map((item, i) => listElementPath(schema, item, formatJsonPointer([...tokens, String(i)]), 'object'));
    const counts = new Map<string, number>();
    const keys = elements.map(serializePathElement);
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    const done = new Set<string>();
    list.forEach((item, i) => {
      const key = keys[i]!;
      if (done.has(key)) return;
      done.add(key);
      // "Duplicated items are not merged": the element is owned whole.
      if (counts.get(key)! > 1) pushEntry(out, entryOf(elements[i]!, true, undefined));
      else pushEntry(out, entryOf(elements[i]!, true, childrenOf(item, items, [...tokens, String(i)])));
    });
    return out;
  }
  if (atom === 'map') {
    const map = mapOf(value);
    if (map === undefined || isAtomicMap(schema)) return out;
    for (const key of jsonKeys(map)) {
      const child = map[key]!;
      const childSchema = schema.field(key);
      if (childSchema === undefined) continue;
      const member = child === null || (mapOf(child) !== undefined && jsonKeys(child as object).length === 0) || !schema.declares(key);
      pushEntry(out, entryOf({ kind: 'field', name: key }, member || isLeaf(child, childSchema), childrenOf(child, childSchema, [...tokens, key])));
    }
  }
  return out;
}

/** A value that is a field of its own whatever its key: a scalar, an atomic list or map ("v.set.Insert(v.path)" in doScalar and for atomic parts). */
function isLeaf(value: JsonValue, schema: ApplySchema): boolean {
  const atom = atomOf(schema, value);
  if (atom === 'scalar') return true;
  if (atom === 'list') return isAtomicList(schema);
  return isAtomicMap(schema);
}
