import { InvalidDocumentError } from '../../errors/InvalidDocumentError.js';
import type { JsonValue } from '../../json/JsonValue.js';
import { getOwn } from '../../json/ownProperty.js';
import { compareUtf8 } from '../../text/utf8.js';
import type { KeyField, PathElement } from '../fieldsV1/PathElement.js';
import type { ApplySchema } from '../schema/ApplySchema.js';

/**
 * The path element of an element of an associative list (`listItemToPathElement`): its key fields
 * (`k:`) for a list with keys, its value (`v:`) for a set. A key field the element leaves out takes
 * the field's default (`protocol` → `"TCP"`). Throws `InvalidDocumentError` with the Go message
 * ("associative list with keys has an element that omits key field \"name\" (and doesn't have
 * default value)") where the element cannot be named; `pointer` is where the element is.
 * @internal
 */
export function listElementPath(list: ApplySchema, element: JsonValue, pointer: string, input: string): PathElement {
  const keys = list.keys;
  const fail = (problem: string): never => {
    throw new InvalidDocumentError(`${pointer}: ${problem}`, { path: pointer, input });
  };
  if (keys !== undefined && keys.length > 0) {
    if (element === null) return fail('associative list with keys may not have a null element');
    if (typeof element !== 'object' || Array.isArray(element)) return fail('associative list with keys may not have non-map elements');
    const itemSchema = list.items();
    const fields: KeyField[] = [];
    for (const name of keys) {
      const value = getOwn(element, name);
      if (value !== undefined) {
        fields.push({ name, value });
        continue;
      }
      const fallback = itemSchema?.keyDefault(name) as JsonValue | undefined;
      if (fallback === undefined || fallback === null) {
        return fail(`associative list with keys has an element that omits key field ${JSON.stringify(name)} (and doesn't have default value)`);
      }
      fields.push({ name, value: fallback });
    }
    // "keyMap.Sort()": key fields by name.
    if (fields.length > 1) fields.sort((a, b) => compareUtf8(a.name, b.name));
    return { kind: 'key', fields };
  }
  if (element === null) return fail("associative list without keys has an element that's an explicit null");
  if (Array.isArray(element)) return fail('not supported: associative list with lists as elements');
  if (typeof element === 'object') return fail("associative list without keys has an element that's a map type");
  return { kind: 'value', value: element };
}
