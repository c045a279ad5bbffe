import { builtinKindMembers, builtinTypeMembers } from './generated/builtinSchemas.js';
import { leafTypeRefs } from './leafTypes.js';
import type { FieldDef, PatchMeta, SchemaTable, StructDef, TypeRef } from './SchemaTable.js';

/**
 * The built-in kinds and their schema table, decoded from `generated/builtinSchemas.ts`.
 * @internal
 */
export interface BuiltinSchemas {
  /** Every struct type of k8s.io/api and meta/v1, frozen. */
  readonly table: SchemaTable;
  /** `"<apiVersion>/<Kind>"` (core kinds as `"v1/Pod"`) to the kind's type id. */
  readonly kinds: ReadonlyMap<string, string>;
}

let decoded: BuiltinSchemas | undefined;

/**
 * The built-in schemas, decoded on first use: the table is a quarter of a megabyte of text, and
 * a program that never asks for a schema should not pay for parsing it at import.
 *
 * The generated file holds JSON members in a compact form, one struct per line:
 *
 * - a struct is `{ "<field>": <field>, … }`, or `[{ … }, "<structType>"]` when the type is
 *   marked `+structType`;
 * - a field is `"<type>"`, or `["<type>", { <PatchMeta members> }]` when it has patch metadata
 *   (`patchStrategies` left out when empty);
 * - a type is `?` (Go `omitempty`) then `@Name` (a struct: `Name` without a dot is in the
 *   declaring type's package, so `@PodSpec` inside `io.k8s.api.core.v1.Pod` is
 *   `io.k8s.api.core.v1.PodSpec`), `[]<type>` (list), `{}<type>` (map), `*` (unknown), `!` (opaque), or a scalar
 *   `<type>/<format>` with either part optional (`string`, `integer/int32`, `/quantity`).
 *
 * @internal
 */
export function builtinSchemas(): BuiltinSchemas {
  decoded ??= decode();
  return decoded;
}

/**
 * The structs `rootId` reaches in the built-in table, itself included: what a table needs to
 * borrow a built-in type (a custom resource's `metadata` is `ObjectMeta`).
 * @internal
 */
export function builtinStructsFrom(rootId: string): Map<string, StructDef> {
  const { table } = builtinSchemas();
  const found = new Map<string, StructDef>();
  const pending = [rootId];
  for (let id = pending.pop(); id !== undefined; id = pending.pop()) {
    const struct = Object.hasOwn(table, id) ? table[id] : undefined;
    if (struct === undefined || found.has(id)) continue;
    found.set(id, struct);
    for (const field of Object.values(struct.fields)) {
      let type = field.type;
      while (type.kind === 'list' || type.kind === 'map') type = type.elem;
      if (type.kind === 'struct') pending.push(type.ref);
    }
  }
  return found;
}

const noStrategies: readonly [] = Object.freeze([]);

type EncodedField = string | [string, Partial<PatchMeta>];
type EncodedStruct = Record<string, EncodedField> | [Record<string, EncodedField>, 'atomic' | 'granular'];

function decode(): BuiltinSchemas {
  const types = JSON.parse(`{${builtinTypeMembers.join(',')}}`) as Record<string, EncodedStruct>;
  const kinds = JSON.parse(`{${builtinKindMembers.join(',')}}`) as Record<string, string>;
  const scalars = new Map<string, TypeRef>();
  const table = Object.fromEntries(
    Object.entries(types).map(([id, encoded]) => [id, decodeStruct(encoded, id.slice(0, id.lastIndexOf('.') + 1), scalars)]),
  );
  return Object.freeze({ table: Object.freeze(table), kinds: new Map(Object.entries(kinds)) });
}

function decodeStruct(encoded: EncodedStruct, pkg: string, scalars: Map<string, TypeRef>): StructDef {
  const [fields, structType] = Array.isArray(encoded) ? encoded : [encoded, undefined];
  const decodedFields = Object.fromEntries(
    Object.entries(fields).map(([name, field]) => [name, decodeField(field, pkg, scalars)]),
  );
  return Object.freeze(
    structType === undefined ? { fields: Object.freeze(decodedFields) } : { fields: Object.freeze(decodedFields), structType },
  );
}

function decodeField(encoded: EncodedField, pkg: string, scalars: Map<string, TypeRef>): FieldDef {
  const [text, meta] = typeof encoded === 'string' ? [encoded, undefined] : encoded;
  const omitempty = text.startsWith('?');
  const type = decodeType(omitempty ? text.slice(1) : text, pkg, scalars);
  const field: FieldDef = { type, patchStrategies: noStrategies, ...meta, ...(omitempty ? { omitempty } : {}) };
  if (meta?.patchStrategies) Object.freeze(meta.patchStrategies);
  if (meta?.listMapKeys) Object.freeze(meta.listMapKeys);
  return Object.freeze(field);
}

function decodeType(text: string, pkg: string, scalars: Map<string, TypeRef>): TypeRef {
  if (text.startsWith('[]')) return Object.freeze({ kind: 'list', elem: decodeType(text.slice(2), pkg, scalars) });
  if (text.startsWith('{}')) return Object.freeze({ kind: 'map', elem: decodeType(text.slice(2), pkg, scalars) });
  if (text.startsWith('@')) {
    const name = text.slice(1);
    return Object.freeze({ kind: 'struct', ref: name.includes('.') ? name : pkg + name });
  }
  if (text === '*') return leafTypeRefs.unknown;
  if (text === '!') return leafTypeRefs.opaque;
  let scalar = scalars.get(text);
  if (scalar === undefined) {
    const [type, format] = text.split('/') as [string, string | undefined];
    scalar = Object.freeze({
      kind: 'scalar',
      ...(type === '' ? {} : { type: type as 'string' }),
      ...(format === undefined ? {} : { format: format as 'int32' }),
    });
    scalars.set(text, scalar);
  }
  return scalar;
}
