import { InvalidSchemaError } from '../../errors/InvalidSchemaError.js';
import { ApplySchema } from './ApplySchema.js';
import { builtinApplyStructsFrom } from './builtinApplyTable.js';
import { crdVersionSchema } from '../../schema/crdVersionSchema.js';
import { ApplyConverter } from './openapi/ApplyConverter.js';

const objectMetaId = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';

/**
 * The server-side-apply schema of one version of a custom resource, as the API server builds it:
 * the apiextensions OpenAPI builder takes the version's structural schema, sets `metadata` to
 * `ObjectMeta` and adds `apiVersion` and `kind` at the root, gives every
 * `x-kubernetes-embedded-resource` object `apiVersion`, `kind` and `metadata` (`ObjectMeta`),
 * and kube-openapi's schemaconv converts the result (see `ApplyConverter`), reading
 * `x-kubernetes-list-type`, `-list-map-keys`, `-map-type`, `-preserve-unknown-fields` and
 * `-int-or-string`. `ObjectMeta` is the built-in one (`builtinApplyTable`). The root struct is
 * named as the server names it: `io.argoproj.v1alpha1.Rollout`.
 *
 * Throws `InvalidSchemaError` (`INVALID_SCHEMA`, `input: 'crd'`, with the JSON Pointer of the
 * offending member as `path`) when the object is not a CRD, has no schema for the version, or the
 * schema is one schemaconv rejects.
 *
 * @internal
 */
export function applySchemaFromCRD(crd: object, version: string): ApplySchema {
  const found = crdVersionSchema(crd, version);
  const converter = new ApplyConverter({}, {
    input: 'crd',
    preserveUnknownFields: found.preserveUnknownFields,
    embeddedResources: true,
  });
  converter.adopt(builtinApplyStructsFrom(objectMetaId));
  const type = converter.inline(found.schema, restFriendlyName(`${found.group}/${version}/${found.kind}`), found.pointer, true);
  if (type.kind !== 'struct') {
    throw new InvalidSchemaError(`the schema of ${found.kind} ${version} must describe an object (at ${found.pointer})`, {
      path: found.pointer,
      input: 'crd',
    });
  }
  return ApplySchema.fromTable(converter.table(), type.ref);
}

/** kube-openapi's `ToRESTFriendlyName`: `argoproj.io/v1alpha1/Rollout` → `io.argoproj.v1alpha1.Rollout`. */
function restFriendlyName(name: string): string {
  const [first = '', ...rest] = name.split('/');
  return [first.includes('.') ? first.split('.').reverse().join('.') : first, ...rest].join('.');
}
