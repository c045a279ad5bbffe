import { InvalidSchemaError } from '../errors/InvalidSchemaError.js';
import { OpenAPIConverter } from './openapi/OpenAPIConverter.js';
import { PatchSchema, withSchemaSource } from './PatchSchema.js';

/**
 * The patch schema of the type `typeName` of an OpenAPI v3 document (`components.schemas`) or a
 * Swagger 2.0 document (`definitions`), such as the API server serves at `/openapi/v3/...` and
 * `/openapi/v2`. Reads the Kubernetes extensions the way kubectl does when it builds a strategic
 * merge patch from the server's OpenAPI:
 *
 * - `x-kubernetes-patch-strategy` (a comma list) and `x-kubernetes-patch-merge-key`;
 * - `x-kubernetes-list-type`, `x-kubernetes-list-map-keys` and `x-kubernetes-map-type`;
 * - `x-kubernetes-preserve-unknown-fields` (the object accepts any field) and
 *   `x-kubernetes-int-or-string`;
 * - `$ref` to `#/components/schemas/X` or `#/definitions/X`, also wrapped in a one-member
 *   `allOf` with the field's extensions beside it, as the Kubernetes OpenAPI writes references;
 * - `properties`, `items`, `additionalProperties` and `format`.
 *
 * Inline object schemas become structs of their own, named after where they sit
 * (`Foo/spec/template`). A schema with neither `type` nor `properties` is `opaque`, as Go reads it: strategic merge
 * patch cannot look into it (`x-kubernetes-preserve-unknown-fields` makes it `unknown` instead,
 * open to any key); a root type that describes nothing gives {@link PatchSchema.unknown}. The
 * apimachinery types with their own JSON form (`Quantity`, `IntOrString`, `Time`,
 * `RawExtension`, …) are recognised by their ids. The document is only read, never changed.
 *
 * Throws {@link InvalidSchemaError} (`INVALID_SCHEMA`) when the document has no schema
 * `typeName`, a `$ref` leads nowhere, an extension has a value Kubernetes does not define, or
 * the type is not an object.
 *
 * @example
 * ```ts
 * const document = JSON.parse(readFileSync('openapi-v3-apis-apps-v1.json', 'utf8'));
 * const deployment = schemaFromOpenAPI(document, 'io.k8s.api.apps.v1.Deployment');
 * deployment.field('spec')!.schema.field('strategy')!.meta.patchStrategies; // ['retainKeys']
 * ```
 * @public
 */
export function schemaFromOpenAPI(document: object, typeName: string): PatchSchema {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    throw new InvalidSchemaError('an OpenAPI document must be an object', { path: '', input: 'document' });
  }
  if (typeof typeName !== 'string') {
    throw new InvalidSchemaError('the type name must be a string', { input: 'typeName' });
  }
  const converter = new OpenAPIConverter(document as { readonly [key: string]: unknown }, 'document');
  const type = converter.named(typeName);
  // A type that describes nothing at all: as useful as no schema, so treated as none.
  if (type.kind === 'unknown' || type.kind === 'opaque') return PatchSchema.unknown();
  if (type.kind !== 'struct') {
    throw new InvalidSchemaError(`${JSON.stringify(typeName)} is a ${type.kind}, not an object type`, { input: 'typeName' });
  }
  return withSchemaSource(PatchSchema.fromTable(converter.table(), type.ref), { from: 'openapi', document, typeName });
}
