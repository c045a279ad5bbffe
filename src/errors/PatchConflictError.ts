import { KubepatchError, type KubepatchErrorContext } from './KubepatchError.js';

/**
 * The changes of a three-way patch collide (Go's `mergepatch.ErrConflict`): part of the patch
 * would undo a change made to the live object since the last apply. `conflicts` lists the paths
 * of the colliding fields; `path` is the first. They are written like JSON Pointers (`~0`, `~1`
 * escapes) but name an element of a merge list by its key as Go prints it (`/containers/app/image`,
 * `/ports/%!s(int64=8080)`), so they do not always resolve as pointers; see
 * docs/strategic-merge-patch.md.
 *
 * {@link createThreeWayStrategicMergePatch} throws it with `overwrite: false`.
 * {@link createThreeWayMergePatch} makes Go's check as a safeguard, but for JSON merge patches the
 * two halves it compares cannot collide, so valid inputs never raise it there.
 *
 * @example
 * ```ts
 * try {
 *   createThreeWayStrategicMergePatch(lastApplied, manifest, live, schemaFor('apps/v1', 'Deployment')!, { overwrite: false });
 * } catch (error) {
 *   if (isKubepatchError(error, 'CONFLICT')) console.error('changed on the live object:', error.conflicts);
 *   else throw error;
 * }
 * ```
 * @public
 */
export class PatchConflictError extends KubepatchError {
  /** Always `'PatchConflictError'`. */
  override name = 'PatchConflictError' as const;
  /** The codes this class is thrown with. */
  declare readonly code: 'CONFLICT';
  /** The path of every conflicting field (pointer-like; a merge-list element is named by its key). */
  readonly conflicts: readonly string[];

  constructor(message: string, context: KubepatchErrorContext & { readonly conflicts: readonly string[] }) {
    super('CONFLICT', message, { ...context, path: context.path ?? context.conflicts[0] });
    this.conflicts = context.conflicts;
  }
}
