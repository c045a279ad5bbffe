import { builtinSchemas } from './builtinTable.js';
import { readTypeMeta, type GroupVersionKind, type TypeMeta } from './GroupVersionKind.js';
import { PatchSchema, withSchemaSource } from './PatchSchema.js';
import { rolloutSchema } from '../rollout/rolloutSchema.js';

const schemasByTypeId = new Map<string, PatchSchema>();

/**
 * The patch schema of a kind: every built-in kind of Kubernetes 1.33 (k8s.io/api v0.33.13), core
 * kinds under apiVersion `"v1"`, and the Argo Rollouts `argoproj.io/v1alpha1` Rollout (from its
 * v1.9.1 CRD, {@link rolloutSchema}). For anything else, `undefined`: read other custom resources
 * with {@link schemaFromCRD} or {@link schemaFromOpenAPI}.
 *
 * A schema does not mean the API server takes a strategic merge patch: it refuses one for every
 * custom resource, Rollout included. {@link patchTypeFor} says which patch to send.
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
 * schemaFor('argoproj.io/v1alpha1', 'Rollout')!.field('spec')!.schema.field('template'); // from the CRD
 * schemaFor('example.com/v1', 'Widget'); // undefined
 * ```
 * @public
 */
export function schemaFor<T extends TypeMeta | GroupVersionKind>(
  ...args: [apiVersion: string, kind: string] | [object: T]
): PatchSchema | undefined {
  // One signature with two argument lists rather than overloads, so that `{@link schemaFor}`
  // stays one unambiguous reference for TypeDoc and API Extractor.
  const typeMeta = readTypeMeta(args);
  if (typeMeta === undefined) return undefined;
  if (typeMeta.apiVersion === 'argoproj.io/v1alpha1' && typeMeta.kind === 'Rollout') return rolloutSchema();
  return builtinSchemaFor(typeMeta);
}

/**
 * True for a built-in kind of Kubernetes 1.33: the kinds the API server takes a strategic merge
 * patch for.
 * @internal
 */
export function isBuiltinKind(typeMeta: TypeMeta): boolean {
  return builtinSchemaFor(typeMeta) !== undefined;
}

function builtinSchemaFor(typeMeta: TypeMeta): PatchSchema | undefined {
  // A kind never holds "/", and without this check ('apps', 'v1/Deployment') would find a kind.
  if (typeMeta.kind.includes('/')) return undefined;
  const { table, kinds } = builtinSchemas();
  const typeId = kinds.get(`${typeMeta.apiVersion}/${typeMeta.kind}`);
  if (typeId === undefined) return undefined;
  let schema = schemasByTypeId.get(typeId);
  if (schema === undefined) {
    schema = withSchemaSource(PatchSchema.fromTable(table, typeId), { from: 'builtin', typeId });
    schemasByTypeId.set(typeId, schema);
  }
  return schema;
}
