import { StrategicMergePatchError } from '../../errors/StrategicMergePatchError.js';

/**
 * `error`, thrown by a diff of a list element whose path was given as `from`, as it would have
 * been thrown with the path `to`: both its `path` and the `(at …)` that ends its message start
 * with `from`, and start with `to` instead. `undefined` when the error is not one this can move
 * (not a {@link StrategicMergePatchError}, or not of that shape).
 *
 * Why: Go names a list element in an error by its place in the list sorted by merge key. The
 * fast diff of a merge list pairs elements without sorting, and sorts (to find that place) only
 * when an element fails; the element's error is then moved to its place instead of being made
 * again by diffing the element a second time, which, repeated at each level of nested merge
 * lists, would double the work per level.
 *
 * @example
 * ```ts
 * rebaseError(new StrategicMergePatchError('MISSING_MERGE_KEY', 'map: {} does not contain declared merge key: name (at /a/b)', { path: '/a/b' }), '/a', '/a/3');
 * // path '/a/3/b', message '… (at /a/3/b)'
 * ```
 */
export function rebaseError(error: unknown, from: string, to: string): StrategicMergePatchError | undefined {
  if (!(error instanceof StrategicMergePatchError)) return undefined;
  const path = error.path;
  const suffix = ` (at ${path ?? ''})`;
  if (path === undefined || !path.startsWith(from) || !error.message.endsWith(suffix)) return undefined;
  const moved = to + path.slice(from.length);
  const message = `${error.message.slice(0, error.message.length - suffix.length)} (at ${moved})`;
  return new StrategicMergePatchError(error.code, message, { path: moved });
}
