import { PatchSchema, type FieldDef, type SchemaTable, type TypeRef } from 'kubepatch';
import { sortLessOrEqual } from '../../src/patch/strategic/goSort.js';
import { formatGoValue } from '../../src/patch/strategic/goValues.js';
import { readConformance } from './conformance.js';

/** One vector of apimachinery's strategicpatch tests (see ../shared/conformance/README.md). */
export interface SmpVector {
  id: string;
  suite: string;
  description: string;
  schema: 'MergeItem' | 'PrecisionItem';
  docs: Record<string, unknown>;
  normalizedDocs?: Record<string, unknown>;
  docsText?: Record<string, string>;
  expectConflict: boolean;
  expectedError?: string;
  expectedTwoWayErr?: string;
  expectedThreeWayErr?: string;
}

interface StructFieldData {
  type: string;
  items?: string;
  ref?: string;
  values?: string;
  patchStrategy?: string;
  patchMergeKey?: string;
}

export interface SmpData {
  vectors: SmpVector[];
  schemas: Record<string, Record<string, StructFieldData>>;
}

export const smpData = readConformance<SmpData>('smp-vectors.json');

/**
 * The schema Go's `PatchMetaFromStruct` derives from the test structs' tags, rebuilt from the
 * `schemas` block of the vectors file: one of the three schemas upstream runs every case with.
 */
export function structSchema(root: 'MergeItem' | 'PrecisionItem'): PatchSchema {
  const table: Record<string, { fields: Record<string, FieldDef> }> = {};
  for (const [typeName, fields] of Object.entries(smpData.schemas)) {
    table[typeName] = { fields: {} };
    for (const [name, field] of Object.entries(fields)) {
      table[typeName].fields[name] = {
        type: typeRef(field),
        patchStrategies: (field.patchStrategy?.split(',') ?? []) as FieldDef['patchStrategies'],
        ...(field.patchMergeKey ? { patchMergeKey: field.patchMergeKey } : {}),
      };
    }
  }
  // runtime.RawExtension and struct{ Raw []byte } have no JSON-visible fields.
  table['NoVisibleFields'] = { fields: {} };
  return PatchSchema.fromTable(table as SchemaTable, root);
}

function typeRef(field: StructFieldData): TypeRef {
  const named = (name: string): TypeRef =>
    name in smpData.schemas ? { kind: 'struct', ref: name } : { kind: 'scalar', type: name as 'string' };
  if (field.type === 'array') return { kind: 'list', elem: named(field.items ?? 'string') };
  if (field.type === 'map') return { kind: 'map', elem: named(field.values ?? 'string') };
  if (field.type === 'object') return field.ref ? { kind: 'struct', ref: field.ref } : { kind: 'struct', ref: 'NoVisibleFields' };
  return { kind: 'scalar', type: field.type as 'string' };
}

/** Go's `json.Marshal` of a decoded value: object keys sorted, compact. */
export function goJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  );
}

/**
 * The test-only `sortMergeListsByName` of upstream's patch_test.go: merge lists of maps sorted by
 * the `%v` text of their merge key, merge lists of scalars de-duplicated and sorted, `$retainKeys`
 * and `$deleteFromPrimitiveList` sorted, `$setElementOrder` left alone.
 */
export function sortMergeLists(value: unknown, schema: PatchSchema): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
  const result: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
    if (key === '$retainKeys' || key.startsWith('$deleteFromPrimitiveList')) {
      result[key] = sortedScalars(member as unknown[]);
    } else if (key.startsWith('$setElementOrder') || key === '$patch') {
      result[key] = member;
    } else {
      const field = schema.field(key);
      if (!field) throw new Error(`unable to find api field ${key}`);
      if (Array.isArray(member)) {
        result[key] = field.meta.patchStrategies.includes('merge') ? sortedList(member, field.schema.items(), field.meta.patchMergeKey ?? '') : member;
      } else {
        result[key] = member && typeof member === 'object' ? sortMergeLists(member, field.schema) : member;
      }
    }
  }
  return result;
}

function sortedList(list: unknown[], itemSchema: PatchSchema, mergeKey: string): unknown[] {
  if (list.length === 0) return list;
  if (list.some((item) => !item || typeof item !== 'object')) return sortedScalars(list);
  const items = list.map((item) => sortMergeLists(item, itemSchema) as Record<string, unknown>);
  sortLessOrEqual(items, (item) => formatGoValue(item[mergeKey] as never));
  return items;
}

function sortedScalars(list: unknown[]): unknown[] {
  const unique = [...new Set(list)];
  sortLessOrEqual(unique, (item) => formatGoValue(item as never));
  return unique;
}
