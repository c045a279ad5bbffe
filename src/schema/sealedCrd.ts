/** CRDs kubepatch carries and has deep-frozen: what is derived from them can be kept across calls. */
const sealed = new WeakSet<object>();

/**
 * Deep-freezes a CRD that kubepatch built and holds (never one a caller gave: it would change the
 * caller's object), and marks it sealed: nothing in it can change any more, so what is worked out
 * from its schema, such as where its defaults are, is kept across calls. Returns the CRD.
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

/** Whether `crd` is one {@link sealCrd} sealed. @internal */
export function isSealedCrd(crd: object): boolean {
  return sealed.has(crd);
}
