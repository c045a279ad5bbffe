import type { PatchSchema, SchemaField } from '../schema/PatchSchema.js';

/**
 * The schema lookups of a walk. `PatchSchema` remembers the fields of a struct and the element
 * schema of a list it has looked up, so a lookup is asked of the schema itself: a cache of its own
 * here would cost more (two maps per call) than it saves.
 * @internal
 */
export class SchemaLookup {
  /** `schema.field(key)`, or `undefined` without a schema. */
  field(schema: PatchSchema | undefined, key: string): SchemaField | undefined {
    return schema === undefined ? undefined : schema.field(key);
  }

  /** `schema.items()`, or `undefined` without a schema. */
  items(schema: PatchSchema | undefined): PatchSchema | undefined {
    return schema === undefined ? undefined : schema.items();
  }
}
