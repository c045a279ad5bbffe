import { builtinSchemas } from './builtinTable.js';
import { readTypeMeta, type GroupVersionKind, type TypeMeta } from './GroupVersionKind.js';
import { PatchSchema } from './PatchSchema.js';

const schemasByTypeId = new Map<string, PatchSchema>();

/**
 * The patch schema of a built-in kind of Kubernetes 1.33 (k8s.io/api v0.33.13): every kind of
 * every group and version the API server serves, core kinds under apiVersion `"v1"`. For
 * anything else, custom resources included, `undefined`: read those with {@link schemaFromCRD}
 * or {@link schemaFromOpenAPI}.
 *
 * Schemas are built once per kind and shared, so calling this for every object is cheap.
 *
 * @example
 * ```ts
 * const pod = schemaFor('v1', 'Pod')!;
 * pod.field('spec')!.schema.field('containers')!.meta.patchMergeKey; // 'name'
 * schemaFor('argoproj.io/v1alpha1', 'Rollout'); // undefined
 * ```
 * @public
 */
export function schemaFor(apiVersion: string, kind: string): PatchSchema | undefined;
/**
 * The patch schema of the built-in kind an object declares (a manifest, or just its
 * `apiVersion` and `kind`), or of a {@link GroupVersionKind}; `undefined` for custom resources.
 *
 * @example
 * ```ts
 * schemaFor({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } } as TypeMeta);
 * schemaFor({ group: 'apps', version: 'v1', kind: 'Deployment' });
 * ```
 * @public
 */
export function schemaFor(object: TypeMeta | GroupVersionKind): PatchSchema | undefined;
export function schemaFor(first: string | TypeMeta | GroupVersionKind, kind?: string): PatchSchema | undefined {
  const typeMeta = typeof first === 'string' ? (typeof kind === 'string' ? { apiVersion: first, kind } : undefined) : readTypeMeta(first);
  // A kind never holds "/", and without this check ('apps', 'v1/Deployment') would find a kind.
  if (typeMeta === undefined || typeMeta.kind.includes('/')) return undefined;
  const { table, kinds } = builtinSchemas();
  const typeId = kinds.get(`${typeMeta.apiVersion}/${typeMeta.kind}`);
  if (typeId === undefined) return undefined;
  let schema = schemasByTypeId.get(typeId);
  if (schema === undefined) {
    schema = PatchSchema.fromTable(table, typeId);
    schemasByTypeId.set(typeId, schema);
  }
  return schema;
}
