import { InvalidDocumentError } from '../../errors/InvalidDocumentError.js';
import type { JsonValue } from '../../json/JsonValue.js';
import { isJsonObject } from '../../json/ownProperty.js';
import { compareUtf8 } from '../../text/utf8.js';
import { goJsonKey, goJsonValue } from './goJson.js';
import type { KeyField, PathElement } from './PathElement.js';

/**
 * The `fieldsV1` key of a path element, as structured-merge-diff's `SerializePathElement`
 * writes it: `f:` and the field name as it is, `k:` and the key as a JSON object (fields in
 * name order), `v:` and the value as JSON, `i:` and the index.
 *
 * @example
 * ```ts
 * serializePathElement({ kind: 'key', fields: [{ name: 'containerPort', value: 80 }, { name: 'protocol', value: 'TCP' }] });
 * // → 'k:{"containerPort":80,"protocol":"TCP"}'
 * ```
 * @internal
 */
export function serializePathElement(element: PathElement): string {
  switch (element.kind) {
    case 'field':
      return `f:${element.name}`;
    case 'key':
      return `k:{${element.fields.map((field) => `${goJsonKey(field.name)}:${goJsonValue(field.value)}`).join(',')}}`;
    case 'value':
      return `v:${goJsonValue(element.value)}`;
    case 'index':
      return `i:${element.index}`;
  }
}

/**
 * Reads one `fieldsV1` key as `DeserializePathElement` does: the first character names the kind
 * ("f" field, "v" value, "i" index, "k" key), the second is ":" ("missing colon"); a `k:` holds a
 * JSON object, whose fields are sorted by name; `v:` any JSON value; `i:` a decimal integer (Go's
 * `strconv.Atoi`: an optional sign, digits). Anything else is an INVALID_DOCUMENT error at
 * `pointer` (Go drops keys of an unknown kind silently; kubepatch refuses them).
 *
 * @example
 * ```ts
 * parsePathElement('k:{"name":"app"}', '/f:spec/f:containers/k:{"name":"app"}');
 * // → { kind: 'key', fields: [{ name: 'name', value: 'app' }] }
 * ```
 * @internal
 */
export function parsePathElement(key: string, pointer: string): PathElement {
  const fail = (why: string): never => {
    throw new InvalidDocumentError(`fieldsV1 key ${JSON.stringify(key)} ${why}`, { path: pointer, input: 'fieldsV1' });
  };
  if (key.length < 2 || key[1] !== ':') fail('is not a path element: it must start with "f:", "k:", "v:" or "i:"');
  const rest = key.slice(2);
  switch (key[0]) {
    case 'f':
      return { kind: 'field', name: rest };
    case 'v':
      return { kind: 'value', value: parseJson(rest, 'v:', fail) };
    case 'k': {
      const object = parseJson(rest, 'k:', fail);
      if (!isJsonObject(object)) return fail('holds no JSON object after "k:"');
      const fields: KeyField[] = Object.keys(object).map((name) => ({ name, value: object[name]! }));
      fields.sort((a, b) => compareUtf8(a.name, b.name)); // stable, as Go's sort.SliceStable
      return { kind: 'key', fields };
    }
    case 'i': {
      const index = /^[+-]?[0-9]+$/.test(rest) ? Number(rest) : NaN;
      if (!Number.isSafeInteger(index)) fail('holds no integer index after "i:"');
      return { kind: 'index', index: index === 0 ? 0 : index };
    }
    default:
      return fail('has an unknown path element kind: it must start with "f:", "k:", "v:" or "i:"');
  }
}

function parseJson(text: string, prefix: string, fail: (why: string) => never): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    return fail(`holds invalid JSON after "${prefix}"`);
  }
}
