import type { JsonInput, JsonValue } from '../../json/JsonValue.js';
import { isJsonObject } from '../../json/ownProperty.js';
import { escapePointerToken } from '../../json/pointer.js';
import { compareGoValues } from './compareGoValues.js';
import type { FieldPath, PathElement } from './PathElement.js';

/**
 * The JSON Pointer (RFC 6901) of the field a path names in `object`, or `undefined` when the
 * object has no such field. A field is an object member; a key (`k:`) is the first element of
 * the list whose key fields all equal the key's values; a set value (`v:`) the first element equal
 * to it; an index (`i:`) that element. Values compare as structured-merge-diff's `value.Equals`
 * (numbers by value).
 *
 * @example
 * ```ts
 * const pod = { spec: { containers: [{ name: 'init' }, { name: 'app', image: 'app:1' }] } };
 * resolveFieldPath(pod, [
 *   { kind: 'field', name: 'spec' }, { kind: 'field', name: 'containers' },
 *   { kind: 'key', fields: [{ name: 'name', value: 'app' }] }, { kind: 'field', name: 'image' },
 * ]); // → '/spec/containers/1/image'
 * ```
 * @public
 */
export function resolveFieldPath(object: JsonInput, path: FieldPath): string | undefined {
  let pointer = '';
  let current: JsonValue | undefined = object as JsonValue;
  for (const element of path) {
    const step = resolveStep(current, element);
    if (step === undefined) return undefined;
    pointer += `/${escapePointerToken(step.token)}`;
    current = step.value;
  }
  return pointer;
}

function resolveStep(value: JsonValue | undefined, element: PathElement): { token: string; value: JsonValue } | undefined {
  if (element.kind === 'field') {
    if (!isJsonObject(value) || !Object.prototype.hasOwnProperty.call(value, element.name)) return undefined;
    return { token: element.name, value: value[element.name]! };
  }
  if (!Array.isArray(value)) return undefined;
  let index = -1;
  if (element.kind === 'index') index = element.index >= 0 && element.index < value.length ? element.index : -1;
  else if (element.kind === 'value') index = value.findIndex((item) => compareGoValues(item, element.value) === 0);
  else {
    index = value.findIndex(
      (item) =>
        isJsonObject(item) &&
        element.fields.every(
          (field) => Object.prototype.hasOwnProperty.call(item, field.name) && compareGoValues(item[field.name]!, field.value) === 0,
        ),
    );
  }
  return index < 0 ? undefined : { token: String(index), value: value[index]! };
}
