import type { SchemaTable } from './SchemaTable.js';

/**
 * What a whole-object {@link PatchSchema} was built from, kept so that server-side apply reads the
 * same source as strategic merge patch does: one schema object serves both engines.
 *
 * - `builtin`: a built-in kind's tables (`schemaFor`); apply reads the structured-merge-diff
 *   schema client-go ships for the same type id.
 * - `crd`: a version of a CustomResourceDefinition (`schemaFromCRD`, and the Rollout);
 * - `openapi`: a named type of an OpenAPI document (`schemaFromOpenAPI`);
 * - `table`: a caller's own {@link SchemaTable} (`PatchSchema.fromTable`); apply reads the list,
 *   map and struct types the table's fields carry, as kube-openapi reads the same extensions.
 *
 * @internal
 */
export type SchemaSource =
  | { readonly from: 'builtin'; readonly typeId: string }
  | { readonly from: 'crd'; readonly crd: object; readonly version: string }
  | { readonly from: 'openapi'; readonly document: object; readonly typeName: string }
  | { readonly from: 'table'; readonly table: SchemaTable; readonly rootId: string };
