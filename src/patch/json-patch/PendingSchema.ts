import type { PatchSchema } from '../../schema/PatchSchema.js';

/**
 * What the diff knows of an object's schema: the schema, nothing (no schema given), or the way to
 * look it up. Most objects of a document hold nothing the schema matters for below them (only
 * lists do: their keys), so the lookup is made only when a diff below needs it.
 */
export type SchemaLookup = PatchSchema | PendingSchema | undefined;

/** The schema of member `key` of an object whose schema is `owner`, looked up on first use. */
export class PendingSchema {
  #found: PatchSchema | undefined | null = null;

  constructor(
    readonly owner: PatchSchema | PendingSchema,
    readonly key: string,
  ) {}

  get schema(): PatchSchema | undefined {
    if (this.#found === null) this.#found = schemaOf(this.owner)?.field(this.key)?.schema;
    return this.#found;
  }
}

export function schemaOf(lookup: SchemaLookup): PatchSchema | undefined {
  return lookup instanceof PendingSchema ? lookup.schema : lookup;
}
