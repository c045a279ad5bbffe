import type { JsonValue } from '../../json/JsonValue.js';
import type { SchemaField } from '../../schema/PatchSchema.js';
import type { JsonPatchOperation } from './JsonPatchOperation.js';

/** What the parts of {@link createJsonPatch} share while they walk the two documents. */
export interface JsonDiffContext {
  /** Test each array element before it is removed, moved or changed. */
  readonly guard: boolean;
  /** Whose `test` the guards must pass: under `'kubernetes'` they are split as {@link serverSafeTests} says. */
  readonly semantics: 'rfc6902' | 'kubernetes';
  /** The patch being built, in order. */
  readonly operations: JsonPatchOperation[];
  /** Diffs two values at `path`; `field` is what the schema says about them, when there is a schema. */
  readonly diffValues: (from: JsonValue, to: JsonValue, path: string, field: SchemaField | undefined) => void;
}
