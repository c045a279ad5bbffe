import type { ImmutableFieldChange } from '../errors/ImmutableFieldError.js';
import type { JsonValue } from '../json/JsonValue.js';
import type { TypeRef } from '../schema/SchemaTable.js';
import { isZeroValue } from './goTypes.js';
import { immutableValue, member, type UpdatePair } from './immutableRule.js';

/** The Go type of every object's `metadata`, custom resources included. */
const objectMetaRoot: TypeRef = {
  kind: 'struct',
  ref: 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
};

const isNil = (value: JsonValue | undefined) => value === undefined || value === null;

/**
 * The metadata rules every update meets, whatever the kind (custom resources included):
 * apimachinery `ValidateObjectMetaAccessorUpdate`, after the repairs of apiserver
 * `rest.BeforeUpdate`:
 *
 * ```go
 * // Use the existing UID if none is provided
 * if len(objectMeta.GetUID()) == 0 { objectMeta.SetUID(oldMeta.GetUID()) }
 * // ignore changes to timestamp
 * if oldCreationTime := oldMeta.GetCreationTimestamp(); !oldCreationTime.IsZero() {
 *   objectMeta.SetCreationTimestamp(oldMeta.GetCreationTimestamp())
 * }
 * // an update can never remove/change a deletion timestamp
 * if !oldMeta.GetDeletionTimestamp().IsZero() { objectMeta.SetDeletionTimestamp(oldMeta.GetDeletionTimestamp()) }
 * // an update can never remove/change grace period seconds
 * if oldMeta.GetDeletionGracePeriodSeconds() != nil && objectMeta.GetDeletionGracePeriodSeconds() == nil { … }
 * ```
 *
 * then `ValidateImmutableField` on `name`, `namespace`, `uid`, `creationTimestamp`,
 * `deletionTimestamp` and `deletionGracePeriodSeconds`. So a changed `creationTimestamp` is
 * silently put back, not refused, once the object has one. An empty new `namespace` is filled in
 * from the request (`rest.ValidNamespace`), so only a different non-empty one is refused.
 * Left out: `generation` "must not be decremented" (`BeforeUpdate` copies it from the old object
 * first, so it never fires) and the checks of new values (labels, finalizers, …).
 * In practice the API server refuses a new name or namespace earlier, with 400 "the name of the
 * object (…) does not match the name on the URL (…)": the request names the object.
 * @internal
 */
export function objectMetaChanges(pair: UpdatePair): ImmutableFieldChange[] {
  const oldMeta = member(pair.old, 'metadata');
  const newMeta = member(pair.new, 'metadata');
  const read = (key: string) => [member(oldMeta, key), member(newMeta, key)] as const;
  const check = (key: string, oldValue: JsonValue | undefined, newValue: JsonValue | undefined, format: 'go-string' | 'json') =>
    immutableValue(objectMetaRoot, [key], oldValue, newValue, format).map((change) => ({
      ...change,
      path: `/metadata${change.path}`,
      field: `metadata.${change.field}`,
      message: `metadata.${change.message}`,
    }));

  const [oldName, newName] = read('name');
  const [oldNamespace, newNamespace] = read('namespace');
  const [oldUid, newUid] = read('uid');
  const [oldCreated, newCreated] = read('creationTimestamp');
  const [oldDeleted, newDeleted] = read('deletionTimestamp');
  const [oldGrace, newGrace] = read('deletionGracePeriodSeconds');
  return [
    // GetName() and GetNamespace() are Go strings: printed with %q.
    ...check('name', oldName, newName, 'go-string'),
    ...check('namespace', oldNamespace, isZeroValue(newNamespace) ? oldNamespace : newNamespace, 'go-string'),
    // types.UID, metav1.Time, *metav1.Time and *int64 are not: printed with json.Marshal.
    ...check('uid', oldUid, isZeroValue(newUid) ? oldUid : newUid, 'json'),
    ...check('creationTimestamp', oldCreated, isZeroValue(oldCreated) ? newCreated : oldCreated, 'json'),
    ...check('deletionTimestamp', oldDeleted, isZeroValue(oldDeleted) ? newDeleted : oldDeleted, 'json'),
    ...check('deletionGracePeriodSeconds', oldGrace, !isNil(oldGrace) && isNil(newGrace) ? oldGrace : newGrace, 'json'),
  ];
}
