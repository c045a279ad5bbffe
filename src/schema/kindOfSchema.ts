import { builtinSchemas } from './builtinTable.js';
import type { TypeMeta } from './GroupVersionKind.js';
import type { PatchSchema } from './PatchSchema.js';

/** The Rollout's root type id in {@link rolloutSchema} (named without building that schema). */
const rolloutTypeId = 'io.argoproj.v1alpha1.Rollout';

let kindsByTypeId: Map<string, TypeMeta> | undefined;

/**
 * The kind whose object `schema` describes at its root: a built-in kind of Kubernetes 1.33 or the
 * Argo Rollout. `undefined` for any other schema (a nested type such as `PodSpec`, a custom
 * resource read with {@link schemaFromCRD}, a test table), which kind checks then leave alone.
 *
 * @example
 * ```ts
 * kindOfSchema(schemaFor('apps/v1', 'Deployment')!); // { apiVersion: 'apps/v1', kind: 'Deployment' }
 * kindOfSchema(PatchSchema.unknown()); // undefined
 * ```
 * @internal
 */
export function kindOfSchema(schema: PatchSchema): TypeMeta | undefined {
  if (schema.type.kind !== 'struct') return undefined;
  const typeId = schema.type.ref;
  // Spares a program that only uses its own schemas the decoding of the built-in table.
  if (typeId !== rolloutTypeId && !typeId.startsWith('io.k8s.')) return undefined;
  kindsByTypeId ??= indexKinds();
  return kindsByTypeId.get(typeId);
}

function indexKinds(): Map<string, TypeMeta> {
  const index = new Map<string, TypeMeta>([[rolloutTypeId, { apiVersion: 'argoproj.io/v1alpha1', kind: 'Rollout' }]]);
  for (const [name, typeId] of builtinSchemas().kinds) {
    // `name` is "<apiVersion>/<Kind>": the kind follows the last "/".
    const slash = name.lastIndexOf('/');
    index.set(typeId, { apiVersion: name.slice(0, slash), kind: name.slice(slash + 1) });
  }
  return index;
}
