import { goWireForm } from '../apply/target/goWireForm.js';
import type { JsonObject, JsonValue } from '../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys, setOwn } from '../json/ownProperty.js';
import { kindType, structDef } from '../metadata/goTypes.js';
import type { TypeRef } from '../schema/SchemaTable.js';
import { base64Utf8 } from '../text/base64.js';

/**
 * The manifest as Argo CD sends it to the dry-run apply of its Server-Side Diff: what gitops-engine's
 * `diff.Diff` does to the config before `serverSideDiff` (pkg/diff/diff.go, `remarshal` and
 * `Normalize` without the full normalizer, which server-side diff skips):
 *
 * - `remarshal`: a built-in kind goes through its Go struct and back, and only the fields the
 *   manifest has are kept (`jsonutil.RemoveMapFields`): `omitempty` zero values and `null`s
 *   drop out (`paused: false`, `labels: {}`), quantities become canonical (`0.5` → `500m`).
 *   A manifest with a field its struct lacks is left as it is (Go's `DisallowUnknownFields`).
 * - `metadata.creationTimestamp` is removed.
 * - a `v1` Secret (`NormalizeSecret`): `stringData` folded into `data` (base64 of the UTF-8 text;
 *   a non-string kept as it is), then every `data` value re-encoded as Go writes a `[]byte`, an
 *   empty or `null` one as `""` (left as they are when one is not valid base64).
 *
 * Pure: returns a new object. @internal
 */
export function argoCdApplyConfig(desired: JsonObject): JsonObject {
  const config = remarshal(desired);
  const metadata = getOwn(config, 'metadata');
  if (isJsonObject(metadata) && getOwn(metadata, 'creationTimestamp') !== undefined) {
    const rest: JsonObject = {};
    for (const key of jsonKeys(metadata)) if (key !== 'creationTimestamp') setOwn(rest, key, metadata[key]!);
    setOwn(config, 'metadata', rest);
  }
  return getOwn(config, 'apiVersion') === 'v1' && getOwn(config, 'kind') === 'Secret' ? normalizeSecret(config) : config;
}

/** The manifest through its Go struct, keeping only the fields it has (a copy; unchanged for kinds without a struct). */
function remarshal(object: JsonObject): JsonObject {
  const apiVersion = getOwn(object, 'apiVersion');
  const kind = getOwn(object, 'kind');
  const type = typeof apiVersion === 'string' && typeof kind === 'string' ? kindType(apiVersion, kind) : undefined;
  if (type === undefined || hasUnknownField(object, type)) return { ...object };
  const typed = goWireForm(object, type);
  return isJsonObject(typed) ? (keepGiven(object, typed) as JsonObject) : { ...object };
}

/** Whether `value` has a key its Go type does not (which Go's strict decoder refuses). */
function hasUnknownField(value: JsonValue | undefined, type: TypeRef): boolean {
  if (type.kind === 'list') return Array.isArray(value) && value.some((item) => hasUnknownField(item, type.elem));
  if (!isJsonObject(value)) return false;
  if (type.kind === 'map') return jsonKeys(value).some((key) => hasUnknownField(value[key], type.elem));
  if (type.kind !== 'struct') return false;
  const def = structDef(type);
  if (def === undefined || def.preserveUnknownFields === true) return false;
  return jsonKeys(value).some((key) => !Object.hasOwn(def.fields, key) || hasUnknownField(value[key], def.fields[key]!.type));
}

/**
 * `typed` with only the keys `given` has, recursively (lists element by element, by index):
 * gitops-engine's `RemoveMapFields(given, typed)`. A `null` in `typed` is kept as it is.
 */
function keepGiven(given: JsonValue | undefined, typed: JsonValue): JsonValue {
  if (isJsonObject(given) && isJsonObject(typed)) {
    const out: JsonObject = {};
    for (const key of jsonKeys(given)) {
      const value = getOwn(typed, key);
      if (value !== undefined) setOwn(out, key, value === null ? null : keepGiven(given[key], value));
    }
    return out;
  }
  if (Array.isArray(given) && Array.isArray(typed)) return typed.map((item, i) => (i < given.length && item !== null ? keepGiven(given[i], item) : item));
  return typed;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Go's `[]byte` of a JSON string written back (`undefined`: not valid base64, the decoder fails). */
function rewrittenBytes(value: JsonValue | undefined): string | undefined {
  if (value === null) return '';
  if (typeof value !== 'string') return undefined;
  // Go's StdEncoding skips \r and \n, needs the padding, and writes the bytes back canonically.
  const text = value.replace(/[\r\n]/g, '');
  return BASE64.test(text) ? btoa(atob(text)) : undefined;
}

/** gitops-engine's `NormalizeSecret`: `stringData` folded into `data`, `data` as Go writes it back. */
function normalizeSecret(secret: JsonObject): JsonObject {
  const out: JsonObject = { ...secret };
  const stringData = getOwn(out, 'stringData');
  if (isJsonObject(stringData)) {
    const given = getOwn(out, 'data');
    const data: JsonObject = isJsonObject(given) ? { ...given } : {};
    for (const key of jsonKeys(stringData)) {
      const value = stringData[key]!;
      setOwn(data, key, typeof value === 'string' ? base64Utf8(value) : value);
    }
    setOwn(out, 'data', data);
    delete out.stringData;
  }
  const data = getOwn(out, 'data');
  if (!isJsonObject(data)) return out;
  const rewritten: JsonObject = {};
  for (const key of jsonKeys(data)) {
    const bytes = rewrittenBytes(data[key]);
    // The conversion into corev1.Secret fails: Argo CD logs it and leaves `data` as it is.
    if (bytes === undefined) return out;
    setOwn(rewritten, key, bytes);
  }
  // An empty map is `omitempty` in Go: the converter leaves it out and `data` is set to nil.
  setOwn(out, 'data', jsonKeys(rewritten).length === 0 ? null : rewritten);
  return out;
}
