import type { FieldDef, PatchMeta, SchemaTable, StructDef, TypeRef } from '../../schema/SchemaTable.js';
import { ApplySchema } from './ApplySchema.js';
import { deducedType, type ApplyStructDef, type ApplyTable, type ApplyTypeRef } from './ApplyType.js';
import { builtinApplyStructsFrom } from './builtinApplyTable.js';
import { applyScalar } from './openapi/applyScalar.js';
import { readListType } from './openapi/readApplyExtensions.js';

const objectMetaId = 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta';
const stringType: ApplyTypeRef = Object.freeze({ kind: 'scalar', scalar: 'string' });
const objectMetaType: ApplyTypeRef = Object.freeze({ kind: 'struct', ref: objectMetaId });

/** Converted tables, per table and root. */
const derived = new WeakMap<SchemaTable, Map<string, ApplyTable>>();

/**
 * The server-side-apply schema a caller's own {@link SchemaTable} describes, read as kube-openapi
 * reads the same markers from an OpenAPI schema (`ApplyConverter`):
 *
 * - a list field's type is its `listType` (`map` with `listMapKeys`), else what its patch
 *   strategy implies (`merge` with a merge key: keyed by it; `merge` alone: a set), else atomic;
 *   a list or map inside a list or map has no markers, so is atomic or granular;
 * - a map field's `mapType`, a struct's `structType` (the field's own wins) say what is atomic;
 * - scalars by type and format (`int-or-string`, `quantity`, `date-time`: untyped);
 * - `unknown` values and the undeclared fields of a `preserveUnknownFields` struct are deduced
 *   from the value; `opaque` ones too (an OpenAPI schema without type or properties is deduced).
 *
 * As the API server does for every kind it serves, the root's `metadata` is the built-in
 * `ObjectMeta` whatever the table says, and `apiVersion` and `kind` are strings.
 *
 * The table is converted once per root and remembered; like {@link PatchSchema.fromTable}, it
 * must not change afterwards. Throws `InvalidSchemaError` (`INVALID_SCHEMA`) where kube-openapi
 * would refuse the markers (a `map` list without keys, `replace` on a list).
 *
 * @internal
 */
export function applySchemaFromTable(table: SchemaTable, rootId: string): ApplySchema {
  let byRoot = derived.get(table);
  if (byRoot === undefined) derived.set(table, (byRoot = new Map()));
  let applyTable = byRoot.get(rootId);
  if (applyTable === undefined) {
    const converted: Record<string, ApplyStructDef> = { ...builtinApplyStructsFrom(objectMetaId) };
    for (const id of Object.keys(table)) if (!Object.hasOwn(converted, id)) converted[id] = convertStruct(id, table[id]!);
    const root = converted[rootId];
    if (root !== undefined) converted[rootId] = Object.freeze({ ...root, fields: Object.freeze({ ...root.fields, apiVersion: stringType, kind: stringType, metadata: objectMetaType }) });
    applyTable = Object.freeze(converted);
    byRoot.set(rootId, applyTable);
  }
  return ApplySchema.fromTable(applyTable, rootId);
}

function convertStruct(id: string, struct: StructDef): ApplyStructDef {
  const fields: Record<string, ApplyTypeRef> = {};
  for (const name of Object.keys(struct.fields)) fields[name] = convertField(struct.fields[name]!, `/${id}/fields/${name}`);
  const converted: { -readonly [K in keyof ApplyStructDef]: ApplyStructDef[K] } = { fields: Object.freeze(fields) };
  if (struct.structType === 'atomic') converted.structType = 'atomic';
  if (struct.preserveUnknownFields === true) converted.otherFields = deducedType;
  return Object.freeze(converted);
}

function convertField(field: FieldDef, pointer: string): ApplyTypeRef {
  const type = field.type;
  if (type.kind === 'list') return { kind: 'list', ...readListType(listMarkers(field), pointer, 'schema'), elem: convertType(type.elem) };
  if (type.kind === 'map') return { kind: 'map', mapType: field.mapType ?? 'granular', elem: convertType(type.elem) };
  const structType = field.structType ?? field.mapType;
  if (type.kind === 'struct' && structType !== undefined) return { kind: 'struct', ref: type.ref, structType };
  return convertType(type);
}

/** A field's patch metadata spelled as the OpenAPI extensions `readListType` reads. */
function listMarkers(meta: PatchMeta): { readonly [key: string]: unknown } {
  return {
    'x-kubernetes-list-type': meta.listType,
    'x-kubernetes-list-map-keys': meta.listMapKeys,
    'x-kubernetes-patch-strategy': meta.patchStrategies.length === 0 ? undefined : meta.patchStrategies.join(','),
    'x-kubernetes-patch-merge-key': meta.patchMergeKey,
  };
}

function convertType(type: TypeRef): ApplyTypeRef {
  switch (type.kind) {
    case 'struct':
      return { kind: 'struct', ref: type.ref };
    case 'list':
      return { kind: 'list', listType: 'atomic', elem: convertType(type.elem) };
    case 'map':
      return { kind: 'map', mapType: 'granular', elem: convertType(type.elem) };
    case 'scalar':
      return convertScalar(type);
    case 'unknown':
    case 'opaque':
      return deducedType;
  }
}

const untypedScalar: ApplyTypeRef = Object.freeze({ kind: 'scalar', scalar: 'untyped' });

function convertScalar(type: Extract<TypeRef, { kind: 'scalar' }>): ApplyTypeRef {
  const format = type.format;
  if (format === 'int-or-string' || format === 'quantity' || format === 'date-time') return { kind: 'scalar', scalar: 'untyped', format };
  return (type.type === undefined ? undefined : applyScalar(type.type, format)) ?? untypedScalar;
}
