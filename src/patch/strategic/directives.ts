import type { StrategicMergePatchErrorCode } from '../../errors/KubepatchErrorCode.js';
import { StrategicMergePatchError } from '../../errors/StrategicMergePatchError.js';
import { cloneJson } from '../../json/cloneJson.js';
import type { JsonObject, JsonValue } from '../../json/JsonValue.js';
import { isJsonObject, jsonKeys, setOwn } from '../../json/ownProperty.js';
import { escapePointerToken } from '../../json/pointer.js';
import type { PatchMeta } from '../../schema/SchemaTable.js';

/** `$patch`: `replace` or `delete` on a map or a list element. */
export const directiveMarker = '$patch';
/** `$retainKeys`: the keys a `retainKeys` map keeps. */
export const retainKeysDirective = '$retainKeys';
/** `$deleteFromPrimitiveList/<field>`: values to remove from a merge list of scalars. */
export const deleteFromPrimitiveListPrefix = '$deleteFromPrimitiveList';
/** `$setElementOrder/<field>`: the final order of a merge list. */
export const setElementOrderPrefix = '$setElementOrder';

/** Throws a {@link StrategicMergePatchError}. */
export function fail(code: StrategicMergePatchErrorCode, message: string, path: string): never {
  throw new StrategicMergePatchError(code, path === '' ? message : `${message} (at ${path})`, { path });
}

/** A field's strategies as {@link splitStrategies} gives them. */
export interface SplitStrategies {
  readonly retainKeys: boolean;
  readonly strategy: string;
}

/** The answers for the usual fields, shared: this is asked for every list and map of every diff and merge. */
const noStrategy: SplitStrategies = Object.freeze({ retainKeys: false, strategy: '' });
const retainKeysOnly: SplitStrategies = Object.freeze({ retainKeys: true, strategy: '' });
const single = new Map<string, SplitStrategies>(['merge', 'replace'].map((strategy) => [strategy, Object.freeze({ retainKeys: false, strategy })]));

/**
 * Go's `extractRetainKeysPatchStrategy`: at most two strategies, one of them `retainKeys`.
 * Returns whether `retainKeys` is among them and the other strategy (`''` for the default).
 */
export function splitStrategies(meta: PatchMeta, path: string): SplitStrategies {
  const strategies = meta.patchStrategies;
  if (strategies.length === 0) return noStrategy;
  if (strategies.length === 1) {
    const strategy = strategies[0]!;
    return strategy === 'retainKeys' ? retainKeysOnly : (single.get(strategy) ?? { retainKeys: false, strategy });
  }
  if (strategies.length === 2 && strategies.includes('retainKeys')) {
    return { retainKeys: true, strategy: strategies[0] === 'retainKeys' ? strategies[1]! : strategies[0]! };
  }
  return fail('SCHEMA_MISMATCH', `unexpected patch strategy: [${strategies.join(' ')}]`, path);
}

/** The field a parallel-list directive key (`$setElementOrder/containers`) refers to. */
export function directiveTarget(key: string, prefix: string, path: string): string {
  const slash = key.indexOf('/');
  // `key.slice(0, slash) !== prefix`, without making the slice.
  if (slash !== prefix.length || !key.startsWith(prefix)) {
    if (prefix === deleteFromPrimitiveListPrefix) fail('BAD_PRIMITIVE_LIST_FORMAT', 'invalid patch format of primitive list', path);
    fail('BAD_SET_ELEMENT_ORDER_FORMAT', 'invalid patch format of setElementOrder list', path);
  }
  return key.slice(slash + 1);
}

/**
 * Go's `removeDirectives`: a value from a patch stored as it is (a new key), without the maps
 * that carry `$patch` (they are dropped where they stand). Returns `undefined` when the value
 * itself is such a map. Works in place on the engine's private copy.
 *
 * With `stripDirectiveKeys` (when applying a patch), unlike Go, the other directive keys
 * (`$retainKeys`, `$setElementOrder/…`, `$deleteFromPrimitiveList/…`) are dropped too. Go leaves
 * them in its intermediate map, but the API server and `kubectl` decode that map into the typed
 * object, which has no such fields, so they never appear in an object anyone can read; keeping
 * them would only leak patch syntax into documents. Combining two patches keeps them.
 */
export function removeDirectives(value: JsonValue, stripDirectiveKeys: boolean): JsonValue | undefined {
  if (Array.isArray(value)) {
    const kept: JsonValue[] = [];
    for (const element of value) {
      const cleaned = removeDirectives(element, stripDirectiveKeys);
      if (cleaned !== undefined) kept.push(cleaned);
    }
    return kept;
  }
  if (!isJsonObject(value)) return value;
  if (Object.hasOwn(value, directiveMarker)) return undefined;
  for (const key of jsonKeys(value)) {
    if (stripDirectiveKeys && isDirectiveKey(key)) {
      delete value[key];
      continue;
    }
    const cleaned = removeDirectives(value[key] as JsonValue, stripDirectiveKeys);
    if (cleaned === undefined) delete value[key];
    else setOwn(value, key, cleaned);
  }
  return value;
}

function isDirectiveKey(key: string): boolean {
  return key === retainKeysDirective || key.startsWith(`${setElementOrderPrefix}/`) || key.startsWith(`${deleteFromPrimitiveListPrefix}/`);
}

/** Go's `discardNullValuesFromPatch`: removes `null` members at every depth, in place. */
export function discardNulls(value: JsonValue): void {
  if (Array.isArray(value)) {
    for (const element of value) discardNulls(element);
  } else if (isJsonObject(value)) {
    for (const key of jsonKeys(value)) {
      const member = value[key] as JsonValue;
      if (member === null) delete value[key];
      else discardNulls(member);
    }
  }
}

/** Go's `CreateDeleteDirective`: `{<mergeKey>: value, $patch: delete}`, with a copy of `value`. */
export function deleteDirective(mergeKey: string, value: JsonValue): JsonObject {
  const directive: JsonObject = {};
  setOwn(directive, mergeKey, cloneJson(value));
  directive[directiveMarker] = 'delete';
  return directive;
}

/** Appends a key to a JSON Pointer. */
export function childPath(path: string, key: string | number): string {
  return `${path}/${escapePointerToken(String(key))}`;
}
