/**
 * `for…in` lists an object's own enumerable keys in the order of `Object.keys`, then the
 * enumerable keys of its prototypes. V8 runs it over an object of a known shape without building
 * an array, so the walks that read every member of every object (the diff of two documents, the
 * comparisons and hashes it makes) use it where it lists the own keys only: over an object whose
 * prototype is `null`, or `Object.prototype` while nothing enumerable has been added to it.
 *
 * Whether `Object.prototype` is clean is found once per walk, by {@link beginOwnKeysByForIn};
 * outside such a walk (and for objects of another realm) the walks use `Object.keys`.
 */
let objectPrototypeClean = false;

/**
 * Allows `for…in` over objects whose prototype is `Object.prototype`, if that is clean now, until
 * {@link endOwnKeysByForIn} is given the returned value (in a `finally`: walks nest).
 */
export function beginOwnKeysByForIn(): boolean {
  const outer = objectPrototypeClean;
  objectPrototypeClean = !hasEnumerableKey(Object.prototype);
  return outer;
}

/** Ends what {@link beginOwnKeysByForIn} began. */
export function endOwnKeysByForIn(outer: boolean): void {
  objectPrototypeClean = outer;
}

/** True when `for…in` over an object with this prototype lists exactly its own enumerable keys. */
export function forInListsOwnKeys(prototype: unknown): boolean {
  return prototype === null || (prototype === Object.prototype && objectPrototypeClean);
}

function hasEnumerableKey(object: object): boolean {
  for (const _ in object) return true;
  return false;
}
