/**
 * Generates `src/apply/schema/generated/builtinApplySchemas.ts`, the server-side-apply schemas of
 * every built-in type that has an apply configuration in Kubernetes 1.33, from
 * `../shared/k8s-schema/ssa-schema.client-go-v0.33.13.json`: the structured-merge-diff schema
 * client-go v0.33.13 ships (`applyconfigurations/internal/internal.go`), which
 * applyconfiguration-gen produced from the 1.33 OpenAPI with kube-openapi's schemaconv.
 *
 * Run with `npx tsx scripts/generate-apply-schemas.ts` (a `generate:apply-schemas` npm script is
 * for the lead to add beside `generate:schemas`).
 * `test/apply/schema/builtinApplySchemas.test.ts` runs {@link generateBuiltinApplySchemasModule}
 * in memory and fails when the committed file differs.
 *
 * What is read, in structured-merge-diff's terms (`schema/elements.go`):
 *
 * - `map.fields` make a struct, `map.elementRelationship: atomic` an atomic one; a named map with
 *   no fields (`FieldsV1`, the empty `StorageVersionSpec`) is a granular map of `deduced` values;
 * - `list.elementRelationship` `atomic`, or `associative` with `keys` (`listType: map`) or without
 *   (`set`);
 * - a `namedType` beside an `elementRelationship` (`PersistentVolumeSpec.claimRef`) overrides the
 *   struct's atomicity for that field;
 * - the named scalars `Quantity`, `Time`, `MicroTime` and `IntOrString` are `untyped` scalars;
 * - `RawExtension` is an `untyped` scalar too, as the API server reads it: kube-openapi's
 *   `ToSchemaFromOpenAPI` "hardcode[s] both quantity and raw extension to use untyped schemas".
 *   client-go's file describes it as a granular map of `deduced` values, but no field refers to
 *   it: its fields (`ControllerRevision.data`, …) are `__untyped_atomic_`, a leaf all the same;
 * - `default` is kept only for fields that are keys of an associative list, the one place
 *   structured-merge-diff reads it.
 *
 * Not read: `unions` (14 types; the server has not used them for apply since 1.27), which
 * server-side apply's merge and ownership do not depend on.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ApplyStructDef, ApplyTable, ApplyTypeRef } from '../src/apply/schema/ApplyType.ts';

/** A structured-merge-diff TypeRef or atom, as the data file writes it. */
export interface SmdType {
  namedType?: string;
  elementRelationship?: 'atomic' | 'associative' | 'separable';
  scalar?: 'string' | 'numeric' | 'boolean' | 'untyped';
  list?: { elementType: SmdType; elementRelationship?: 'atomic' | 'associative' | 'separable'; keys?: string[] };
  map?: SmdMap;
}

export interface SmdMap {
  fields?: { name: string; type: SmdType; default?: unknown }[];
  elementType?: SmdType;
  elementRelationship?: 'atomic' | 'associative' | 'separable';
  unions?: unknown[];
}

/** The parts of the data file read here. */
export interface SmdSchemaData {
  source: { repo: string; tag: string; commit: string };
  types: ({ name: string } & SmdType)[];
}

export const dataFile = fileURLToPath(new URL('../../shared/k8s-schema/ssa-schema.client-go-v0.33.13.json', import.meta.url));
export const outputFile = fileURLToPath(new URL('../src/apply/schema/generated/builtinApplySchemas.ts', import.meta.url));

export function readSmdSchemaData(file = dataFile): SmdSchemaData {
  return JSON.parse(readFileSync(file, 'utf8')) as SmdSchemaData;
}

const untypedScalars: ReadonlyMap<string, ApplyTypeRef> = new Map<string, ApplyTypeRef>([
  ['io.k8s.apimachinery.pkg.api.resource.Quantity', { kind: 'scalar', scalar: 'untyped', format: 'quantity' }],
  ['io.k8s.apimachinery.pkg.util.intstr.IntOrString', { kind: 'scalar', scalar: 'untyped', format: 'int-or-string' }],
  ['io.k8s.apimachinery.pkg.apis.meta.v1.Time', { kind: 'scalar', scalar: 'untyped', format: 'date-time' }],
  ['io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime', { kind: 'scalar', scalar: 'untyped', format: 'date-time' }],
  ['io.k8s.apimachinery.pkg.runtime.RawExtension', { kind: 'scalar', scalar: 'untyped' }],
]);
const deducedName = '__untyped_deduced_';
const untypedName = '__untyped_atomic_';

/** Maps the data to an {@link ApplyTable}; throws on any shape this model does not describe. */
export function toApplyTable(data: SmdSchemaData): ApplyTable {
  const named = new Map(data.types.map((type) => [type.name, type]));
  const isFieldless = (type: SmdType | undefined): boolean =>
    type?.map !== undefined && (type.map.fields ?? []).length === 0 && type.scalar === undefined && type.list === undefined;

  const toRef = (type: SmdType, where: string): ApplyTypeRef => {
    if (type.namedType !== undefined) {
      const name = type.namedType;
      if (name === deducedName) return { kind: 'deduced' };
      if (name === untypedName) return { kind: 'untyped' };
      const scalar = untypedScalars.get(name);
      if (scalar !== undefined) return scalar;
      const target = named.get(name);
      if (target === undefined) throw new Error(`${where}: no type ${name}`);
      if (isFieldless(target)) return toRef({ map: target.map }, where);
      if (target.map === undefined) throw new Error(`${where}: ${name} is not a map`);
      if (type.elementRelationship === undefined) return { kind: 'struct', ref: name };
      return { kind: 'struct', ref: name, structType: type.elementRelationship === 'atomic' ? 'atomic' : 'granular' };
    }
    if (type.scalar === 'untyped' && type.list !== undefined && type.map !== undefined) {
      // The inline form of `__untyped_deduced_`: a scalar, an atomic list of untyped, a granular map of deduced.
      const list = toRef({ list: type.list }, where);
      const map = toRef({ map: type.map }, where);
      if (list.kind === 'list' && list.listType === 'atomic' && list.elem.kind === 'untyped' && map.kind === 'map' && map.mapType === 'granular' && map.elem.kind === 'deduced') {
        return { kind: 'deduced' };
      }
      throw new Error(`${where}: an untyped atom of an unsupported shape`);
    }
    if (type.scalar !== undefined) {
      if (type.list !== undefined || type.map !== undefined) throw new Error(`${where}: a scalar with a list or map`);
      return { kind: 'scalar', scalar: type.scalar };
    }
    if (type.list !== undefined) {
      const { elementType, elementRelationship, keys } = type.list;
      const elem = toRef(elementType, `${where}[]`);
      if (elementRelationship === 'associative') {
        return keys !== undefined && keys.length > 0 ? { kind: 'list', listType: 'map', keys, elem } : { kind: 'list', listType: 'set', elem };
      }
      if (elementRelationship !== undefined && elementRelationship !== 'atomic') throw new Error(`${where}: list ${elementRelationship}`);
      return { kind: 'list', listType: 'atomic', elem };
    }
    if (type.map !== undefined) {
      if ((type.map.fields ?? []).length > 0) throw new Error(`${where}: an inline struct`);
      const elem = type.map.elementType === undefined ? undefined : toRef(type.map.elementType, `${where}{}`);
      if (elem === undefined) throw new Error(`${where}: a map without elementType`);
      return { kind: 'map', mapType: type.map.elementRelationship === 'atomic' ? 'atomic' : 'granular', elem };
    }
    throw new Error(`${where}: an empty type`);
  };

  // Key fields by element struct: only their defaults are kept.
  const keyFields = new Map<string, Set<string>>();
  const noteKeys = (type: SmdType): void => {
    const list = type.list;
    if (list?.keys !== undefined && list.elementType.namedType !== undefined) {
      const set = keyFields.get(list.elementType.namedType) ?? new Set<string>();
      for (const key of list.keys) set.add(key);
      keyFields.set(list.elementType.namedType, set);
    }
    if (list !== undefined) noteKeys(list.elementType);
    if (type.map?.elementType !== undefined) noteKeys(type.map.elementType);
  };
  for (const type of data.types) for (const field of type.map?.fields ?? []) noteKeys(field.type);

  const table: Record<string, ApplyStructDef> = {};
  for (const type of data.types) {
    const { name, map } = type;
    if (map === undefined || untypedScalars.has(name) || isFieldless(type) || name.startsWith('__')) continue;
    const fields: Record<string, ApplyTypeRef> = {};
    const keyDefaults: Record<string, unknown> = {};
    for (const field of map.fields ?? []) {
      fields[field.name] = toRef(field.type, `${name}.${field.name}`);
      if (field.default !== undefined && keyFields.get(name)?.has(field.name)) keyDefaults[field.name] = field.default;
    }
    const struct: { -readonly [K in keyof ApplyStructDef]: ApplyStructDef[K] } = { fields };
    if (map.elementRelationship === 'atomic') struct.structType = 'atomic';
    else if (map.elementRelationship !== undefined && map.elementRelationship !== 'separable') {
      throw new Error(`${name}: map ${map.elementRelationship}`);
    }
    if (map.elementType !== undefined) struct.otherFields = toRef(map.elementType, `${name}{}`);
    if (Object.keys(keyDefaults).length > 0) struct.keyDefaults = keyDefaults;
    table[name] = struct;
  }
  return table;
}

function packageOf(id: string): string {
  return id.slice(0, id.lastIndexOf('.') + 1);
}

/**
 * Encodes a type in the compact grammar `builtinApplyTable.ts` decodes: `s` `n` `b` `u` scalars
 * (`u/quantity`), `*` deduced, `~` untyped, `@Name` a struct (`@Name#atomic` with a field-level
 * override), `[]T` atomic list, `[+]T` set, `[k1,k2]T` list map, `{}T` granular map, `{!}T` atomic map.
 */
export function encodeApplyType(type: ApplyTypeRef, pkg: string): string {
  switch (type.kind) {
    case 'struct': {
      const local = type.ref.startsWith(pkg) ? type.ref.slice(pkg.length) : '';
      const name = local !== '' && !local.includes('.') ? local : type.ref;
      return '@' + name + (type.structType === undefined ? '' : '#' + type.structType);
    }
    case 'list': {
      const head = type.listType === 'atomic' ? '[]' : type.listType === 'set' ? '[+]' : `[${(type.keys ?? []).join(',')}]`;
      return head + encodeApplyType(type.elem, pkg);
    }
    case 'map':
      return (type.mapType === 'atomic' ? '{!}' : '{}') + encodeApplyType(type.elem, pkg);
    case 'scalar':
      return type.scalar[0] + (type.format === undefined ? '' : '/' + type.format);
    case 'deduced':
      return '*';
    case 'untyped':
      return '~';
  }
}

/** One struct as the JSON text of its compact form: `{fields}` or `[{fields}, {extras}]`. */
export function encodeApplyStruct(id: string, struct: ApplyStructDef): string {
  const pkg = packageOf(id);
  const fields = Object.fromEntries(Object.entries(struct.fields).map(([name, type]) => [name, encodeApplyType(type, pkg)]));
  const { fields: _fields, otherFields, ...rest } = struct;
  const extras = otherFields === undefined ? rest : { ...rest, otherFields: encodeApplyType(otherFields, pkg) };
  return JSON.stringify(Object.keys(extras).length === 0 ? fields : [fields, extras]);
}

function quote(text: string): string {
  return "'" + text.replace(/[\\'\n\r\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')) + "'";
}

/** The text of the generated module. Pure: the same data gives the same text. */
export function generateBuiltinApplySchemasModule(data: SmdSchemaData): string {
  const table = toApplyTable(data);
  const lines = Object.entries(table).map(([id, struct]) => `  ${quote(JSON.stringify(id) + ':' + encodeApplyStruct(id, struct))},`);
  return [
    '// Code generated by scripts/generate-apply-schemas.ts. DO NOT EDIT.',
    `// Source: ../shared/k8s-schema/ssa-schema.client-go-v0.33.13.json: ${data.source.repo} ${data.source.tag} (${data.source.commit}).`,
    '// Decoded by ../builtinApplyTable.ts, which describes the compact form.',
    '',
    '/**',
    ' * Every struct type with an apply configuration: `"<type id>":<compact struct>` members of one JSON object.',
    ' * @internal',
    ' */',
    'export const builtinApplyTypeMembers: readonly string[] = [',
    ...lines,
    '];',
    '',
  ].join('\n');
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const text = generateBuiltinApplySchemasModule(readSmdSchemaData());
  writeFileSync(outputFile, text);
  console.log(`wrote ${outputFile} (${text.length} characters)`);
}
