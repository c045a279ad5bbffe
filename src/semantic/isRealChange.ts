import type { SemanticChange } from './SemanticChange.js';

/**
 * Whether a change from {@link semanticDiff} is a real difference (`added`, `removed`, `changed`,
 * `reordered`) rather than a note: an `equivalent` (a difference a normalization hid) or a
 * `duplicate-key` (a problem of the input).
 *
 * @example
 * ```ts
 * const inSync = !semanticDiff(live, desired).some(isRealChange);
 * ```
 * @public
 */
export function isRealChange(change: SemanticChange): boolean {
  return change.kind === 'added' || change.kind === 'removed' || change.kind === 'changed' || change.kind === 'reordered';
}
