import type { PatchSchema, SchemaField } from '../schema/PatchSchema.js';

/**
 * The schema lookups of one {@link semanticDiff} call, remembered. `PatchSchema.field` and
 * `items` build new schema objects on every call, so without this every element of a 1,000-element
 * list would look up the same fields again and get its own copies. Struct fields and list items
 * are kept (a struct has few fields); map and unknown lookups are cheap and their keys are
 * unbounded, so they are not. One instance per call: a table changed between calls is seen.
 * @internal
 */
export class SchemaLookup {
  private readonly fields = new Map<PatchSchema, Map<string, SchemaField | undefined>>();
  private readonly elements = new Map<PatchSchema, PatchSchema>();

  /** `schema.field(key)`, or `undefined` without a schema. */
  field(schema: PatchSchema | undefined, key: string): SchemaField | undefined {
    if (schema === undefined) return undefined;
    if (schema.type.kind !== 'struct') return schema.field(key);
    let byKey = this.fields.get(schema);
    if (byKey === undefined) this.fields.set(schema, (byKey = new Map()));
    let found = byKey.get(key);
    if (found === undefined && !byKey.has(key)) byKey.set(key, (found = schema.field(key)));
    return found;
  }

  /** `schema.items()`, or `undefined` without a schema. */
  items(schema: PatchSchema | undefined): PatchSchema | undefined {
    if (schema === undefined) return undefined;
    let found = this.elements.get(schema);
    if (found === undefined) this.elements.set(schema, (found = schema.items()));
    return found;
  }
}
