/**
 * CRDs that cannot change: those kubepatch carries and deep-froze ({@link sealCrd}), and those a
 * caller deep-froze, found so once ({@link isSealedCrd}). What is derived from a sealed CRD (its
 * patch schema, where its defaults are) can be kept across calls; anything else is read anew at
 * each call, so that a CRD changed in place is never answered from an old reading.
 */
const sealed = new WeakSet<object>();
/** Frozen at the root but not all the way down, or not plain data: never sealed (checked once). */
const notSealed = new WeakSet<object>();

/**
 * Deep-freezes a CRD that kubepatch built and holds (never one a caller gave: it would change the
 * caller's object), and marks it sealed. Returns the CRD.
 * @internal
 */
export function sealCrd<T extends object>(crd: T): T {
  const freeze = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
    Object.freeze(value);
    for (const member of Object.values(value)) freeze(member);
  };
  freeze(crd);
  sealed.add(crd);
  return crd;
}

/**
 * Whether `crd` can never change: one {@link sealCrd} sealed, or one whose every object and array
 * is frozen, plain (an `Object` or `Array` prototype, or none) and holds data properties only (no
 * getter could answer differently later). A CRD that is not frozen at its root is answered at
 * once; the walk of a frozen one is made once per CRD object.
 * @internal
 */
export function isSealedCrd(crd: unknown): boolean {
  if (typeof crd !== 'object' || crd === null) return false;
  if (sealed.has(crd)) return true;
  if (!Object.isFrozen(crd) || notSealed.has(crd)) return false;
  const deep = isDeepFrozenData(crd);
  (deep ? sealed : notSealed).add(crd);
  return deep;
}

function isDeepFrozenData(root: object): boolean {
  const seen = new Set<object>();
  const pending: object[] = [root];
  while (pending.length > 0) {
    const value = pending.pop()!;
    if (seen.has(value)) continue;
    seen.add(value);
    if (!Object.isFrozen(value)) return false;
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== null && prototype !== Object.prototype && prototype !== Array.prototype) return false;
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
      if (!('value' in descriptor)) return false;
      const member: unknown = descriptor.value;
      if (typeof member === 'object' && member !== null) pending.push(member);
      else if (typeof member === 'function') return false;
    }
  }
  return true;
}
