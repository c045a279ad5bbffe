import { parseYamlDocuments } from '../../yaml/parseYamlDocuments.js';
import { InvalidDocumentError } from '../../errors/InvalidDocumentError.js';
import type { JsonValue } from '../../json/JsonValue.js';
import { isJsonObject } from '../../json/ownProperty.js';

/**
 * Argo CD reads its `argocd-cm` values with sigs.k8s.io/yaml's `Unmarshal` into Go structs:
 * go-yaml v2 (YAML 1.1: unquoted `off` is `false`), then JSON, then `encoding/json`. These
 * helpers do the same for the few shapes Argo CD reads. A value that Go cannot decode makes
 * Argo CD's `GetResourceOverrides` fail, so that no diff is computed at all: here it throws
 * {@link InvalidDocumentError} (`input: 'settings'`) whose `path` is the JSON Pointer of the
 * `argocd-cm` key (and of the value inside it).
 * @example
 * ```ts
 * readGoYaml('ignoreResourceStatusField: off', '/argocdCm/resource.compareoptions'); // { ignoreResourceStatusField: false }
 * ```
 * @internal
 */
export function readGoYaml(text: string, pointer: string): JsonValue {
  const documents = parseYamlDocuments(
    text,
    (_index, problem) => new InvalidDocumentError(`${pointer}: ${problem.message}`, { input: 'settings', path: pointer }),
    { simpleReader: false },
  );
  // sigs.k8s.io/yaml reads the first document only; an empty text is `null`.
  return documents[0]?.value ?? null;
}

/**
 * Throws the error Argo CD's unmarshalling would fail with.
 * @example
 * ```ts
 * goDecodeError('/argocdCm/x', 'cannot unmarshal'); // throws InvalidDocumentError
 * ```
 * @internal
 */
export function goDecodeError(pointer: string, message: string): never {
  throw new InvalidDocumentError(`${pointer}: ${message}`, { input: 'settings', path: pointer });
}

/**
 * The member of `object` that `encoding/json` fills field `name` from: the key spelled exactly,
 * else the last key equal to it ignoring case (Go decodes keys in order, so a later match
 * overwrites an earlier one).
 * @example
 * ```ts
 * goField({ JSONPointers: ['/a'] }, 'jsonPointers'); // ['/a']
 * ```
 * @internal
 */
export function goField(object: { readonly [key: string]: JsonValue }, name: string): JsonValue | undefined {
  let found: JsonValue | undefined;
  const lower = name.toLowerCase();
  for (const key of Object.keys(object)) {
    if (key === name || key.toLowerCase() === lower) found = object[key];
  }
  return found;
}

/**
 * A JSON value decoded into a Go `string` by sigs.k8s.io/yaml: a scalar YAML resolved to a
 * number or a boolean is turned back into text first (its `jsonTarget` conversion), `null`
 * leaves the zero value `""`, a list or map is an error.
 * @example
 * ```ts
 * goString(true, '/x'); // 'true'
 * ```
 * @internal
 */
export function goString(value: JsonValue | undefined, pointer: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return goDecodeError(pointer, `cannot unmarshal ${Array.isArray(value) ? 'array' : 'object'} into Go value of type string`);
}

/**
 * A JSON value decoded into a Go `[]string`: `null` is empty, each element as {@link goString}.
 * @example
 * ```ts
 * goStringList(['/a', 1], '/x'); // ['/a', '1']
 * ```
 * @internal
 */
export function goStringList(value: JsonValue | undefined, pointer: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return goDecodeError(pointer, `cannot unmarshal ${describe(value)} into Go value of type []string`);
  return value.map((item, i) => goString(item, `${pointer}/${i}`));
}

/**
 * A JSON value decoded into a Go `bool`: `null` keeps `fallback`, anything but a boolean is an error.
 * @example
 * ```ts
 * goBool(null, true, '/x'); // true
 * ```
 * @internal
 */
export function goBool(value: JsonValue | undefined, fallback: boolean, pointer: string): boolean {
  if (value === undefined || value === null) return fallback;
  if (typeof value === 'boolean') return value;
  return goDecodeError(pointer, `cannot unmarshal ${describe(value)} into Go value of type bool`);
}

/**
 * A JSON value decoded into a Go struct: `null` is the zero struct, anything but an object is an error.
 * @example
 * ```ts
 * goStruct(null, '/x', 'T'); // {}
 * ```
 * @internal
 */
export function goStruct(value: JsonValue, pointer: string, type: string): { readonly [key: string]: JsonValue } {
  if (value === null) return {};
  if (!isJsonObject(value)) return goDecodeError(pointer, `cannot unmarshal ${describe(value)} into Go value of type ${type}`);
  return value;
}

/**
 * Go's `strconv.ParseBool`.
 * @example
 * ```ts
 * goParseBool('T', '/x'); // true
 * ```
 * @internal
 */
export function goParseBool(text: string, pointer: string): boolean {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return goDecodeError(pointer, `strconv.ParseBool: parsing ${JSON.stringify(text)}: invalid syntax`);
}

function describe(value: JsonValue): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'object' : typeof value;
}
