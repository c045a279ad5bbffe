import type { FieldDef, PatchSchema } from 'kubepatch';

/**
 * Follows `path` through a schema (field names separated by dots; `[]` steps into list elements)
 * and returns the schema reached and the metadata of the last field on the way.
 */
export function walkSchema(schema: PatchSchema, path: string): { schema: PatchSchema; meta: FieldDef } {
  let current = schema;
  let meta: FieldDef | undefined;
  for (const step of path.split('.')) {
    if (step === '[]') {
      current = current.items();
      continue;
    }
    const field = current.field(step);
    if (field === undefined) throw new Error(`no field ${step} in ${current.name}`);
    current = field.schema;
    meta = field.meta as FieldDef;
  }
  if (meta === undefined) throw new Error('empty path');
  return { schema: current, meta };
}
