/** A merge key, or its text: what merge lists are indexed by. */
export type ScalarKey = string | number | boolean | null;

/** The longest run of occupied slots a lookup may walk before the table is given up for a `Map`. */
const maxProbes = 32;

/**
 * The position of each key of a list, for merge lists whose elements are found by merge key.
 * Keys are equal when `===` says so, as Go's `==` on decoded scalars (and a `Map`) would.
 *
 * Why not a `Map`: building one of 10,000 strings costs more than comparing two documents of
 * that size once (its table grows, is copied, and lands in old space), and strategic merge patch
 * indexes every long merge list it diffs or merges. This is an open-addressing table of positions
 * in an `Int32Array` at most half full, hashed from the keys' text; a run of collisions longer
 * than {@link maxProbes} (keys made to collide) moves it to a `Map`, so that no input makes it
 * quadratic.
 */
export class KeyIndex {
  readonly #keys: readonly ScalarKey[];
  readonly #slots: Int32Array | number[];
  readonly #mask: number;
  #map: Map<ScalarKey, number> | undefined;

  private constructor(keys: readonly ScalarKey[]) {
    this.#keys = keys;
    let size = 16;
    while (size < keys.length * 2) size *= 2;
    // A typed array costs more to make than a small table of small integers.
    this.#slots = size > 1024 ? new Int32Array(size).fill(-1) : new Array<number>(size).fill(-1);
    this.#mask = size - 1;
  }

  /**
   * The index of `keys` (each position by its key), or `undefined` when a key repeats.
   *
   * @example
   * ```ts
   * KeyIndex.of(['a', 'b'])?.find('b'); // 1
   * KeyIndex.of(['a', 'a']); // undefined
   * ```
   */
  static of(keys: readonly ScalarKey[]): KeyIndex | undefined {
    const index = new KeyIndex(keys);
    for (let i = 0; i < keys.length; i++) if (!index.#add(i)) return undefined;
    return index;
  }

  /** The position of `key`, or `-1`. */
  find(key: ScalarKey): number {
    if (this.#map !== undefined) return this.#map.get(key) ?? -1;
    const slots = this.#slots;
    const keys = this.#keys;
    let slot = hash(key) & this.#mask;
    for (;;) {
      const at = slots[slot]!;
      if (at < 0 || keys[at] === key) return at;
      slot = (slot + 1) & this.#mask;
    }
  }

  /** Adds position `i`; `false` when its key is already there. */
  #add(i: number): boolean {
    const key = this.#keys[i]!;
    if (this.#map !== undefined) return this.#addToMap(i, key);
    const slots = this.#slots;
    let slot = hash(key) & this.#mask;
    for (let probes = 0; probes < maxProbes; probes++) {
      const at = slots[slot]!;
      if (at < 0) {
        slots[slot] = i;
        return true;
      }
      if (this.#keys[at] === key) return false;
      slot = (slot + 1) & this.#mask;
    }
    // Too many collisions: the positions added so far, and the rest, go to a `Map`.
    this.#map = new Map();
    for (let j = 0; j < i; j++) this.#map.set(this.#keys[j]!, j);
    return this.#addToMap(i, key);
  }

  #addToMap(i: number, key: ScalarKey): boolean {
    const map = this.#map!;
    if (map.has(key)) return false;
    map.set(key, i);
    return true;
  }
}

/** Lists this short are searched by a scan: cheaper than building a table. */
const shortList = 9;

/**
 * A lookup of each key's position in `keys` (`-1` when absent), or `undefined` when a key repeats.
 *
 * @example
 * ```ts
 * indexKeys(['a', 'b'])?.('b'); // 1
 * ```
 */
export function indexKeys(keys: readonly ScalarKey[]): ((key: ScalarKey) => number) | undefined {
  if (keys.length <= shortList) {
    for (let i = 1; i < keys.length; i++) if (keys.lastIndexOf(keys[i]!, i - 1) >= 0) return undefined;
    return (key) => keys.indexOf(key);
  }
  const index = KeyIndex.of(keys);
  return index === undefined ? undefined : (key) => index.find(key);
}

/** Whether a key of `keys` repeats (`indexKeys(keys) === undefined`, without the lookup). */
export function repeats(keys: readonly ScalarKey[]): boolean {
  if (keys.length <= shortList) {
    for (let i = 1; i < keys.length; i++) if (keys.lastIndexOf(keys[i]!, i - 1) >= 0) return true;
    return false;
  }
  return KeyIndex.of(keys) === undefined;
}

/** FNV-1a over the key's text; keys of different types with one text only collide. */
export function hash(key: ScalarKey): number {
  const text = typeof key === 'string' ? key : String(key);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}
