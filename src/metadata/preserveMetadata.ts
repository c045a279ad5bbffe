import { InvalidDocumentError } from '../errors/InvalidDocumentError.js';
import { InvalidMetadataError } from '../errors/InvalidMetadataError.js';
import { assertJsonValue } from '../json/assertJsonValue.js';
import { cloneJson } from '../json/cloneJson.js';
import type { JsonInput, JsonObject, JsonValue } from '../json/JsonValue.js';
import { getOwn, isJsonObject, jsonKeys, setOwn } from '../json/ownProperty.js';
import type { AnnotationKeys, KeySelection, LabelKeys } from './MetadataKeys.js';

/**
 * Which keys {@link preserveAnnotations} and {@link preserveLabels} copy: a list of exact keys
 * (`['scale-down-deadline']`), a {@link KeySelection} (`{ exact, prefixes, predicate }`), a
 * predicate (`(key) => key.startsWith('rollout.argoproj.io/')`), or a typed key set from
 * {@link annotationKeys} / {@link labelKeys}. The typed sets say which map they are for: handing
 * label keys to {@link preserveAnnotations} (or the reverse) is a compile error, and throws
 * {@link InvalidMetadataError} past the types. Entries of a plain list are exact keys, never
 * prefixes: use `{ prefixes: [...] }` for those.
 *
 * @example
 * ```ts
 * const exact: MetadataKeySelector<'annotations'> = ['scale-down-deadline'];
 * const byPrefix: MetadataKeySelector<'annotations'> = { prefixes: ['rollout.argoproj.io/'] };
 * const byTest: MetadataKeySelector<'labels'> = (key) => key.endsWith('-hash');
 * ```
 * @public
 */
export type MetadataKeySelector<Kind extends 'annotations' | 'labels'> =
  | (Kind extends 'annotations' ? AnnotationKeys : LabelKeys)
  | readonly string[]
  | KeySelection
  | ((key: string) => boolean);

/**
 * A copy of `to` whose `metadata.annotations` carry the annotations of `from` that `keys` selects
 * (a list of keys, a {@link KeySelection} with prefixes, a predicate, or {@link annotationKeys}; see
 * {@link MetadataKeySelector}). For every selected key that `from` has, `from`'s value overwrites
 * `to`'s value, whatever `to` holds for it. A selected key that `from` does not have is not written
 * at all (never as `""`, and never deleted from `to`), so `to` keeps whatever it has for it; keys
 * not selected keep `to`'s values. Values are read from `from`'s annotations and nowhere else.
 * Nothing else of `to` changes, and neither argument is changed.
 *
 * This is the copy the Argo Rollouts 1.7 fallback got wrong: it read `scale-down-deadline` from the
 * ReplicaSet's labels, found nothing, and wrote `""`.
 *
 * @example
 * ```ts
 * const next = preserveAnnotations(liveReplicaSet, desiredReplicaSet, ARGO_ROLLOUTS_OWNED_ANNOTATIONS);
 * next.metadata.annotations['scale-down-deadline']; // the live deadline, or absent
 * ```
 * @throws {@link InvalidDocumentError} when `from` or `to` is not a JSON object, {@link InvalidMetadataError} when `keys` is not a selector (or a key set of the other map).
 * @public
 */
export function preserveAnnotations<T extends JsonInput>(from: JsonInput, to: T, keys: MetadataKeySelector<'annotations'>): T {
  return preserve(from, to, keys, 'annotations');
}

/**
 * A copy of `to` whose `metadata.labels` carry the labels of `from` that `keys` selects; the
 * same rules as {@link preserveAnnotations}, for labels: `from`'s value overwrites `to`'s for each
 * selected key `from` has, and a selected key `from` lacks is left as `to` has it.
 *
 * @example
 * ```ts
 * const next = preserveLabels(liveReplicaSet, desiredReplicaSet, ['rollouts-pod-template-hash']);
 * ```
 * @throws {@link InvalidDocumentError} when `from` or `to` is not a JSON object, {@link InvalidMetadataError} when `keys` is not a selector (or a key set of the other map).
 * @public
 */
export function preserveLabels<T extends JsonInput>(from: JsonInput, to: T, keys: MetadataKeySelector<'labels'>): T {
  return preserve(from, to, keys, 'labels');
}

function preserve<T extends JsonInput>(from: JsonInput, to: T, keys: unknown, kind: 'annotations' | 'labels'): T {
  const matches = keyMatcher(keys, kind);
  const source = metadataMap(checkedObject(from, 'from'), kind);
  const result = cloneJson(checkedObject(to, 'to')) as JsonObject;
  const selected = jsonKeys(source).filter((key) => matches(key) && typeof source[key] === 'string');
  if (selected.length === 0) return result as T;
  const metadata = objectAt(result, 'metadata');
  const target = objectAt(metadata, kind);
  for (const key of selected) setOwn(target, key, source[key] as JsonValue);
  return result as T;
}

/**
 * The test of a {@link MetadataKeySelector}, checked. The types already forbid a typed key set of
 * the other map; this catches it in JavaScript or past a cast, and any other malformed selector.
 */
function keyMatcher(keys: unknown, kind: 'annotations' | 'labels'): (key: string) => boolean {
  const refuse = (what: string): never => {
    const message = `keys: ${what}`;
    throw new InvalidMetadataError(message, { input: 'keys', problems: [{ path: `/metadata/${kind}`, key: '', message }] });
  };
  if (typeof keys === 'function') return (key) => (keys as (key: string) => boolean)(key) === true;
  if (Array.isArray(keys)) {
    const bad = keys.findIndex((key) => typeof key !== 'string');
    if (bad >= 0) refuse(`expected a list of ${kind} keys, got ${typeof keys[bad]} at index ${bad}`);
    const exact = new Set<string>(keys as string[]);
    return (key) => exact.has(key);
  }
  if (typeof keys !== 'object' || keys === null) return refuse(`expected ${kind} keys (a list of keys, { exact, prefixes, predicate }, a predicate or ${setMaker(kind)}), got ${keys === null ? 'null' : typeof keys}`);
  if ('kind' in keys || 'matches' in keys) {
    const set = keys as { kind?: unknown; matches?: unknown };
    if (set.kind !== kind) refuse(`expected ${kind} keys (from ${setMaker(kind)}), got ${String(set.kind)} keys`);
    if (typeof set.matches !== 'function') refuse(`expected ${kind} keys (from ${setMaker(kind)}), got an object without matches()`);
    return (key) => (set.matches as (key: string) => boolean)(key) === true;
  }
  const { exact, prefixes, predicate } = keys as Record<string, unknown>;
  const strings = (list: unknown, name: string): readonly string[] => {
    if (list === undefined) return [];
    if (!Array.isArray(list) || list.some((entry) => typeof entry !== 'string')) return refuse(`${name}: expected a list of strings`);
    return list as string[];
  };
  const exactKeys = new Set(strings(exact, 'exact'));
  const prefixList = strings(prefixes, 'prefixes');
  if (predicate !== undefined && typeof predicate !== 'function') refuse('predicate: expected a function');
  const test = predicate as ((key: string) => boolean) | undefined;
  return (key) => exactKeys.has(key) || prefixList.some((prefix) => key.startsWith(prefix)) || test?.(key) === true;
}

function setMaker(kind: 'annotations' | 'labels'): string {
  return kind === 'labels' ? 'labelKeys' : 'annotationKeys';
}

/** `metadata.<kind>` of a checked object, `{}` when absent. */
export function metadataMap(object: JsonObject, kind: 'annotations' | 'labels'): JsonObject {
  const metadata = getOwn(object, 'metadata');
  const map = isJsonObject(metadata) ? getOwn(metadata, kind) : undefined;
  return isJsonObject(map) ? map : {};
}

/** The object at `key` of `parent`, created when absent. */
function objectAt(parent: JsonObject, key: string): JsonObject {
  const existing = getOwn(parent, key);
  if (isJsonObject(existing)) return existing;
  const created: JsonObject = {};
  setOwn(parent, key, created);
  return created;
}

/** Checks that an argument is a JSON object. */
export function checkedObject(value: unknown, input: string): JsonObject {
  assertJsonValue(value, input);
  if (!isJsonObject(value)) throw new InvalidDocumentError(`${input}: expected a Kubernetes object`, { path: '', input });
  return value;
}
