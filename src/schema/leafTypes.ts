import type { TypeRef } from './SchemaTable.js';

/**
 * The apimachinery types with their own JSON encoding, as {@link TypeRef}s. The built-in schemas
 * (generated from Go types) and schemas read from OpenAPI documents both use these, so a field
 * of type `Quantity` looks the same whichever source described it.
 *
 * @internal
 */
export const leafTypeRefs = Object.freeze({
  /** `resource.Quantity`: `"500m"` and `0.5` are the same CPU; written as a string or a number. */
  quantity: Object.freeze({ kind: 'scalar', format: 'quantity' }),
  /** `intstr.IntOrString`: `8080` or `"http"`, never converted into one another. */
  intOrString: Object.freeze({ kind: 'scalar', format: 'int-or-string' }),
  /** `metav1.Time` and `metav1.MicroTime`: RFC 3339 strings (or `null` when unset). */
  dateTime: Object.freeze({ kind: 'scalar', type: 'string', format: 'date-time' }),
  /** `metav1.Duration`: a Go duration string such as `"1m30s"`. */
  duration: Object.freeze({ kind: 'scalar', type: 'string', format: 'duration' }),
  /** Any JSON, with no schema: every key accepted (`x-kubernetes-preserve-unknown-fields`). */
  unknown: Object.freeze({ kind: 'unknown' }),
  /**
   * `runtime.RawExtension`, `metav1.FieldsV1`, `json.RawMessage`, `interface{}`: any JSON that Go's
   * patch metadata cannot look into (its lookups fail there with "unable to find api field").
   */
  opaque: Object.freeze({ kind: 'opaque' }),
} satisfies Record<string, TypeRef>);

/**
 * The same leaf types under the ids the Kubernetes OpenAPI documents publish them as. The
 * documents describe `RawExtension` as an object with a `Raw` field and `Quantity` as a plain
 * string; read literally, a patch to an embedded object would be refused and `cpu: 1` would look
 * like a type error, so these ids win over whatever the document says about them.
 *
 * @internal
 */
export const leafTypeRefsByOpenAPIId: ReadonlyMap<string, TypeRef> = new Map<string, TypeRef>([
  ['io.k8s.apimachinery.pkg.api.resource.Quantity', leafTypeRefs.quantity],
  ['io.k8s.apimachinery.pkg.util.intstr.IntOrString', leafTypeRefs.intOrString],
  ['io.k8s.apimachinery.pkg.apis.meta.v1.Time', leafTypeRefs.dateTime],
  ['io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime', leafTypeRefs.dateTime],
  ['io.k8s.apimachinery.pkg.apis.meta.v1.Duration', leafTypeRefs.duration],
  ['io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1', leafTypeRefs.opaque],
  ['io.k8s.apimachinery.pkg.runtime.RawExtension', leafTypeRefs.opaque],
]);
