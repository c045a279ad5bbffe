import type { JsonObject, JsonValue } from '../../json/JsonValue.js';

const hasOwnProperty = Object.prototype.hasOwnProperty;

/**
 * Whether a plain object would find `key` on its prototype (`constructor`, `toString`, … or
 * anything added to `Object.prototype`). When it would not, `object[key]` reads the own member
 * or nothing, as `getOwn` does, with one lookup instead of two: the loops over long merge lists
 * read one key of every element. Asked once per loop, so that a prototype changed meanwhile is
 * seen.
 *
 * @example
 * ```ts
 * inherits('name'); // false
 * inherits('toString'); // true
 * ```
 */
export function inherits(key: string): boolean {
  return key in Object.prototype;
}

/**
 * The member `key` of an object of a patch, as the patch's JSON copy would hold it: own and
 * enumerable (JSON and `cloneJson` see nothing else), `undefined` when absent or `undefined`.
 * Patches are read in place instead of copied first, so what a copy would not have must stay
 * unseen. Found by listing the object's keys, which for the small objects of patches (a merge key
 * and a field or two) costs less than asking for enumerability.
 *
 * @example
 * ```ts
 * memberOf({ name: 'a' }, 'name'); // 'a'
 * memberOf(Object.defineProperty({}, 'name', { value: 'a' }), 'name'); // undefined
 * ```
 */
export function memberOf(object: object, key: string): unknown {
  for (const own in object) if (own === key) return hasOwnProperty.call(object, own) ? (object as Record<string, unknown>)[own] : undefined;
  return undefined;
}

/**
 * `getOwn` for the engine's own copy of a document, written out here: its lookups stay apart
 * from those of every other caller of `getOwn`, which makes them faster.
 */
export function ownMember(object: JsonObject, key: string): JsonValue | undefined {
  return hasOwnProperty.call(object, key) ? object[key] : undefined;
}
