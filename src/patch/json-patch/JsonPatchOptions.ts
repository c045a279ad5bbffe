/**
 * Options of {@link applyJsonPatch}.
 *
 * @example
 * ```ts
 * applyJsonPatch({ args: ['--a', '--b'] }, [{ op: 'remove', path: '/args/-1' }]);                            // throws PATH_NOT_FOUND
 * applyJsonPatch({ args: ['--a', '--b'] }, [{ op: 'remove', path: '/args/-1' }], { semantics: 'kubernetes' }); // { args: ['--a'] }
 * ```
 * @public
 */
export interface ApplyJsonPatchOptions {
  /**
   * Whose rules the patch follows.
   *
   * - `'rfc6902'`: RFC 6902 and RFC 6901 to the letter. Every patch this applies, the API server
   *   applies to the same result, except four it refuses: an `add` at `""`, a `test` of a string
   *   holding `<`, `>`, `&`, U+2028 or U+2029, more than 10,000 operations, and `copy`s adding
   *   more than 3 MiB.
   * - `'kubernetes'`: what kube-apiserver 1.33 (and `kubectl patch --type json`) does, with
   *   gopkg.in/evanphx/json-patch.v4 v4.12.0: negative indexes count from the end (`-1` is the last
   *   element; `add` at `-1` appends), indexes may have leading zeros or a `+` (`01` is 1),
   *   `replace` of a missing member adds it, a `test` of `null` passes on a missing member, `copy`
   *   from a missing member copies `null`, `move` may move a value into its own child, a `test` of
   *   a string compares JSON text (so the four refusals above happen here too), and a patch the
   *   library would crash on is refused. Malformed patches (a pointer without a leading `/`, a
   *   `~2`, an `add` without `value`) are still refused, where the server would read them its own
   *   way.
   *
   * Default: `'rfc6902'`, unlike {@link MergePatchOptions.semantics}: see docs/json-patch.md,
   * "Kubernetes vs RFC 6902".
   */
  readonly semantics?: 'rfc6902' | 'kubernetes';
}
