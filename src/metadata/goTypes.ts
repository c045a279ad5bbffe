import type { JsonValue } from '../json/JsonValue.js';
import { getOwn, jsonKeys } from '../json/ownProperty.js';
import { builtinSchemas } from '../schema/builtinTable.js';
import type { StructDef, TypeRef } from '../schema/SchemaTable.js';
import { pointerFields } from './generated/pointerFields.js';

/** A value described by no schema: compared and printed as plain JSON. */
export const UNKNOWN_TYPE: TypeRef = Object.freeze({ kind: 'unknown' });

const pointerSets = new Map<string, ReadonlySet<string>>();

/**
 * The Go type of a built-in kind (`apps/v1` `Deployment`), as the built-in schema table of
 * Kubernetes 1.33 describes it, or `undefined` for a kind it does not know (a custom resource).
 * @internal
 */
export function kindType(apiVersion: string, kind: string): TypeRef | undefined {
  const id = builtinSchemas().kinds.get(`${apiVersion}/${kind}`);
  return id === undefined ? undefined : { kind: 'struct', ref: id };
}

/** The fields of a struct type, in Go's field order (the order `encoding/json` writes them). @internal */
export function structDef(type: TypeRef): StructDef | undefined {
  if (type.kind !== 'struct') return undefined;
  const { table } = builtinSchemas();
  return Object.hasOwn(table, type.ref) ? table[type.ref] : undefined;
}

/**
 * The type of the member `key` of a value of type `type`: a struct's field (`undefined` for a key
 * the struct does not have, which Go's decoder drops), a map's element type, or `unknown`.
 * @internal
 */
export function memberType(type: TypeRef, key: string): TypeRef | undefined {
  switch (type.kind) {
    case 'struct': {
      const def = structDef(type);
      return def && Object.hasOwn(def.fields, key) ? def.fields[key]?.type : undefined;
    }
    case 'map':
      return type.elem;
    case 'unknown':
      return UNKNOWN_TYPE;
    default:
      return undefined;
  }
}

/** The element type of a list type (`unknown` for anything else). @internal */
export function elementType(type: TypeRef): TypeRef {
  return type.kind === 'list' ? type.elem : UNKNOWN_TYPE;
}

/** The type found by following `tokens` (struct fields, map keys, list indexes) from `type`. @internal */
export function typeAt(type: TypeRef, tokens: readonly string[]): TypeRef {
  let current: TypeRef = type;
  for (const token of tokens) {
    current = current.kind === 'list' ? current.elem : (memberType(current, token) ?? UNKNOWN_TYPE);
  }
  return current;
}

/**
 * Whether the field `key` of the struct type `type` is a Go pointer (`*T`): then `null` or absence
 * (a nil pointer) differs from a pointer to the zero value, e.g. `storageClassName: ""`.
 * @internal
 */
export function isPointerField(type: TypeRef, key: string): boolean {
  if (type.kind !== 'struct') return false;
  let set = pointerSets.get(type.ref);
  if (set === undefined) {
    set = new Set(Object.hasOwn(pointerFields, type.ref) ? pointerFields[type.ref] : []);
    pointerSets.set(type.ref, set);
  }
  return set.has(key);
}

/**
 * Whether `value` decodes to Go's zero value of `type`: absent, `null`, `""`, `0`, `false`, an
 * empty list or map, or a struct whose fields are all zero (and whose pointer fields are all nil).
 * Go's semantic equality (`apiequality.Semantic.DeepEqual`) treats an empty list or map as equal to
 * a nil one, and the decoder leaves absent fields at their zero value.
 * @internal
 */
export function isZeroValue(value: JsonValue | undefined, type: TypeRef = UNKNOWN_TYPE): boolean {
  if (value === undefined || value === null) return true;
  switch (typeof value) {
    case 'string':
      return value === '';
    case 'number':
      return value === 0;
    case 'boolean':
      return value === false;
  }
  if (Array.isArray(value)) return value.length === 0;
  if (type.kind === 'map' || type.kind === 'opaque') return jsonKeys(value).length === 0;
  for (const key of jsonKeys(value)) {
    const member = getOwn(value, key);
    if (type.kind === 'struct') {
      const fieldType = memberType(type, key);
      if (fieldType === undefined) continue;
      if (isPointerField(type, key) ? member !== null : !isZeroValue(member, fieldType)) return false;
    } else if (!isZeroValue(member)) {
      return false;
    }
  }
  return true;
}
