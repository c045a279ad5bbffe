/**
 * Options of {@link applyMergePatch}.
 * @public
 */
export interface MergePatchOptions {
  /**
   * What a `null` inside an array of the patch means.
   *
   * - `'kubernetes'`: what the API server and `kubectl patch --type merge` do (Go's
   *   evanphx/json-patch v4). When an array from the patch replaces a value that is not an object,
   *   or a patch object lands where the document had no object, members whose value is `null` are
   *   removed from the objects inside it too, e.g. `{"ports":[{"name":null,"port":80}]}` stores
   *   `[{"port":80}]`.
   * - `'rfc7386'`: RFC 7386 to the letter: an array is a value, stored exactly as the patch has it.
   *
   * Both agree on every example of RFC 7386 Appendix A and on patches without `null` inside arrays.
   *
   * Default: `'kubernetes'`.
   */
  readonly semantics?: 'kubernetes' | 'rfc7386';
}
