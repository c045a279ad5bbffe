import { InvalidSchemaError } from '../../errors/InvalidSchemaError.js';
import { ApplySchema } from './ApplySchema.js';
import { ApplyConverter } from './openapi/ApplyConverter.js';

/**
 * The server-side-apply schema of type `typeName` of an OpenAPI v3 document (`components.schemas`,
 * as the API server serves at `/openapi/v3/apis/<group>/<version>`) or a Swagger 2.0 document
 * (`definitions`), read as kube-openapi's schemaconv reads it for the API server (see
 * `ApplyConverter`): list types from `x-kubernetes-list-type`, else from
 * `x-kubernetes-patch-strategy: merge` with `x-kubernetes-patch-merge-key` (associative with that
 * key), else atomic; map and struct types from `x-kubernetes-map-type`. Unions and
 * discriminators are not read. A type that is not an object gives a deduced schema.
 *
 * Throws `InvalidSchemaError` (`INVALID_SCHEMA`, with `path` and `input: 'document'`) where
 * schemaconv reports an error (an unknown list, map or patch-strategy value, a list map without
 * keys, an array without `items`, an unrecognized type) and where the document has no such type
 * or a `$ref` leads nowhere.
 *
 * @internal
 */
export function applySchemaFromOpenAPI(document: object, typeName: string): ApplySchema {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new InvalidSchemaError('an OpenAPI document must be an object', { path: '', input: 'document' });
  }
  if (typeof typeName !== 'string') throw new InvalidSchemaError('the type name must be a string', { input: 'typeName' });
  const converter = new ApplyConverter(document as { readonly [key: string]: unknown }, {
    input: 'document',
    preserveUnknownFields: false,
    embeddedResources: false,
  });
  const type = converter.named(typeName);
  if (type.kind !== 'struct') return ApplySchema.deduced();
  return ApplySchema.fromTable(converter.table(), type.ref);
}
