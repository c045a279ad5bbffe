import { InvalidSchemaError } from '../errors/InvalidSchemaError.js';
import { PatchSchema } from './PatchSchema.js';

/**
 * Checks a schema argument. `schemaFor` answers `undefined` for kinds it does not know (custom
 * resources), and passing that on is the likeliest mistake, so the message says so.
 */
export function checkSchema(schema: unknown, input = 'schema'): PatchSchema {
  if (schema instanceof PatchSchema) return schema;
  const hint = schema === undefined ? ': schemaFor returns undefined for kinds it does not know (custom resources other than the Argo Rollout), and the API server takes no strategic merge patch for those anyway (see patchTypeFor)' : '';
  throw new InvalidSchemaError(`${input}: expected a PatchSchema, got ${schema === null ? 'null' : typeof schema}${hint}`, { input });
}
