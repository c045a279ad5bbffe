import type { PatchSchema, SchemaField } from '../../schema/PatchSchema.js';
import { fail } from './directives.js';

/**
 * The schema and patch metadata of field `key`, as Go's `LookupPatchMetadataForStruct` and
 * `LookupPatchMetadataForSlice` give them; a field the schema does not know is an error
 * (Go: "unable to find api field").
 */
export function lookupField(schema: PatchSchema, key: string, path: string): SchemaField {
  return schema.field(key) ?? fail('UNKNOWN_FIELD', `unable to find api field ${JSON.stringify(key)} in ${schema.name}`, path);
}
