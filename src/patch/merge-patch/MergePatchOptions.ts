/**
 * Options of `applyMergePatch` (every overload).
 *
 * @example
 * ```ts
 * applyMergePatch({}, { ports: [{ name: null, port: 80 }] });                            // { ports: [{ port: 80 }] }
 * applyMergePatch({}, { ports: [{ name: null, port: 80 }] }, { semantics: 'rfc7386' }); // { ports: [{ name: null, port: 80 }] }
 * ```
 * @public
 */
export interface MergePatchOptions {
  /**
   * What a `null` inside an array of the patch means.
   *
   * - `'kubernetes'`: what the API server and `kubectl patch --type merge` do (Go's
   *   evanphx/json-patch v4). Where an array from the patch is stored in place of anything but an
   *   object (a missing member, `null`, a scalar, an array, or the whole document), members whose
   *   value is `null` are removed from the objects inside it, at every depth:
   *   `{"ports":[{"name":null,"port":80}]}` stores `[{"port":80}]`. Where it replaces an object,
   *   the array is stored as it is. So applying the same patch twice can differ from applying it once.
   * - `'rfc7386'`: RFC 7386 to the letter: an array is a value, stored exactly as the patch has it.
   *
   * Both agree on every example of RFC 7386 Appendix A and on every patch without a `null` inside
   * an array; merge patches computed from Kubernetes objects have none.
   *
   * Default: `'kubernetes'`.
   */
  readonly semantics?: 'kubernetes' | 'rfc7386';
}
