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
 * Name the kind by `apiVersion` and `kind`, or pass one object: a manifest (or anything with
 * `apiVersion` and `kind`, see {@link TypeMeta}) or a {@link GroupVersionKind}.
 * Schemas are built once per kind and shared, so calling this for every object is cheap.
 *
 * @example
 * ```ts
 * const pod = schemaFor('v1', 'Pod')!;
 * pod.field('spec')!.schema.field('containers')!.meta.patchMergeKey; // 'name'
 * schemaFor(manifest); // manifest: { apiVersion: 'apps/v1', kind: 'Deployment', … }
 * schemaFor({ group: 'apps', version: 'v1', kind: 'Deployment' });
 * schemaFor('argoproj.io/v1alpha1', 'Rollout'); // undefined
 * ```
 * @public
 */
export function schemaFor<T extends TypeMeta | GroupVersionKind>(
  ...args: [apiVersion: string, kind: string] | [object: T]
): PatchSchema | undefined {
  // One signature with two argument lists rather than overloads, so that `{@link schemaFor}`
  // stays one unambiguous reference for TypeDoc and API Extractor.
  const typeMeta = readTypeMeta(args);
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
