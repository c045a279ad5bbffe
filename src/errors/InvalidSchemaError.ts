import { KubepatchError, type KubepatchErrorContext } from './KubepatchError.js';

/**
 * A schema source cannot be turned into a {@link PatchSchema}: the OpenAPI document has no schema
 * of the requested name, a `$ref` points to nothing, an extension such as
 * `x-kubernetes-list-type` has a value Kubernetes does not define, or a CustomResourceDefinition
 * has no schema for the requested version. `path` is the JSON Pointer of the offending location
 * inside the document (or CRD), and `input` names the argument.
 *
 * @example
 * ```ts
 * schemaFromOpenAPI({ components: { schemas: {} } }, 'Missing');
 * // throws InvalidSchemaError, code INVALID_SCHEMA, path "/components/schemas/Missing"
 * ```
 * @public
 */
export class InvalidSchemaError extends KubepatchError {
  /** Always `'InvalidSchemaError'`. */
  override name = 'InvalidSchemaError' as const;
  /** The codes this class is thrown with. */
  declare readonly code: 'INVALID_SCHEMA';

  constructor(message: string, context: KubepatchErrorContext = {}) {
    super('INVALID_SCHEMA', message, context);
  }
}
