import { KubepatchError, type KubepatchErrorContext } from './KubepatchError.js';

/**
 * A three-way patch would overwrite a change that someone made to the live object since the
 * last apply. `conflicts` lists the JSON Pointers of the colliding fields; `path` is the first.
 *
 * @example
 * ```ts
 * try {
 *   createThreeWayMergePatch(original, modified, live);
 * } catch (error) {
 *   if (error instanceof PatchConflictError) console.error('changed on the live object:', error.conflicts);
 * }
 * ```
 * @public
 */
export class PatchConflictError extends KubepatchError {
  /** Always `'PatchConflictError'`. */
  override name = 'PatchConflictError' as const;
  /** The codes this class is thrown with. */
  declare readonly code: 'CONFLICT';
  /** JSON Pointers of every conflicting field. */
  readonly conflicts: readonly string[];

  constructor(message: string, context: KubepatchErrorContext & { readonly conflicts: readonly string[] }) {
    super('CONFLICT', message, { ...context, path: context.path ?? context.conflicts[0] });
    this.conflicts = context.conflicts;
  }
}
