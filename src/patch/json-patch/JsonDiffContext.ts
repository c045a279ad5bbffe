import type { SchemaField } from '../../schema/PatchSchema.js';
import type { JsonPatchOperation } from './JsonPatchOperation.js';
import type { PathStack } from './PathStack.js';

/**
 * What the parts of {@link createJsonPatch} share while they walk the two documents. The walk
 * checks the documents as it goes (see {@link diffValues}): values reach the parts unchecked.
 */
export interface JsonDiffContext {
  /** Test each array element before it is removed, moved or changed. */
  readonly guard: boolean;
  /** Whose `test` the guards must pass: under `'kubernetes'` they are split as {@link serverSafeTests} says. */
  readonly semantics: 'rfc6902' | 'kubernetes';
  /** The patch being built, in order. */
  readonly operations: JsonPatchOperation[];
  /** Where the walk is: pushed before a part diffs a member or element, popped after. */
  readonly path: PathStack;
  /**
   * Diffs two values at {@link path}, nested `depth` levels deep in their documents (the root is
   * 1); `field` is what the schema says about them, when there is a schema.
   */
  readonly diffValues: (from: unknown, to: unknown, field: SchemaField | undefined, depth: number) => void;
}
