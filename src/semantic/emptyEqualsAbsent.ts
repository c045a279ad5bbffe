import type { JsonValue } from '../json/JsonValue.js';
import { isJsonObject, jsonKeys } from '../json/ownProperty.js';
import { isPointerField } from '../metadata/goTypes.js';
import type { PatchSchema, SchemaField } from '../schema/PatchSchema.js';
import type { FieldDef } from '../schema/SchemaTable.js';

/**
 * Whether `value`, present on one side where the other side has no such field, is the same as
 * absent for Kubernetes. Go decodes both an absent field and the value below to the same Go value,
 * and `encoding/json` writes neither back ("The 'omitempty' option specifies that the field should
 * be omitted from the encoding if the field has an empty value, defined as false, 0, a nil pointer,
 * a nil interface value, and any empty array, slice, map, or string"):
 *
 * - `null`, for any field: the decoder reads `null` as the zero value, and the API server prunes
 *   `null` from custom resources (no schema needed);
 * - `[]` for a list field and `{}` for a map field the schema knows: an empty slice or map decodes
 *   like a nil one, and `apiequality.Semantic.DeepEqual` holds them equal;
 * - `{}` for a struct field that is not a Go pointer (`resources: {}`): absent and `{}` decode to
 *   the same zero struct, which is why the API server shows `resources: {}` back (and the same for
 *   an object whose members are all `null`, such as the `metadata: { creationTimestamp: null }` the
 *   server writes in a CronJob's `jobTemplate`). A pointer
 *   (`securityContext`) is different: nil is not a pointer to an empty struct;
 * - `""`, `0`, `false` for a scalar field that the built-in schema marks `omitempty` and that is
 *   not a pointer: a pointer's zero value is a value (`replicas: 0`, `storageClassName: ""`).
 *
 * `parent` is the schema of the object holding the field, `key` the field name.
 * @internal
 */
export function emptyEqualsAbsent(value: JsonValue, parent: PatchSchema | undefined, key: string): boolean {
  if (value === null) return true;
  // Most values compared are no zero value at all: out before the schema is asked.
  if (typeof value !== 'object' && value !== '' && value !== 0 && value !== false) return false;
  const field: SchemaField | undefined = parent?.field(key);
  if (parent === undefined || field === undefined || parent.type.kind !== 'struct') return false;
  const type = field.schema.type;
  if (Array.isArray(value)) return value.length === 0 && type.kind === 'list';
  if (isJsonObject(value)) {
    const keys = jsonKeys(value);
    if (keys.some((member) => value[member] !== null)) return false;
    // `{ creationTimestamp: null }` (how Go writes an empty ObjectMeta) decodes to the zero struct
    // too; in a map, a `null` entry is an entry.
    return (type.kind === 'map' && keys.length === 0) || (type.kind === 'struct' && !isPointerField(parent.type, key));
  }
  const zero = value === '' || value === 0 || value === false;
  const builtIn = parent.type.ref.startsWith('io.k8s.');
  return zero && builtIn && type.kind === 'scalar' && (field.meta as FieldDef).omitempty === true && !isPointerField(parent.type, key);
}
