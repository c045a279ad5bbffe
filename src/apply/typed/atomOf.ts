import type { JsonValue } from '../../json/JsonValue.js';
import type { ApplySchema } from '../schema/ApplySchema.js';

/** Which of structured-merge-diff's atom parts handles a value: a map (struct), a list or a scalar. @internal */
export type AtomPart = 'map' | 'list' | 'scalar';

/**
 * The part `handleAtom(deduceAtom(atom, value))` dispatches to. A struct, map, list or scalar type
 * has one part. `deduced` and `untyped` have all three ("scalar: untyped, list: …, map: …"), and
 * `deduceAtom` keeps the one the value is; for an absent value or `null` it keeps all three, and
 * `handleAtom` then takes the map ("case a.Map != nil" comes first). `undefined` is Go's nil value
 * (absent), `null` the JSON null.
 * @internal
 */
export function atomOf(schema: ApplySchema, value: JsonValue | undefined): AtomPart {
  switch (schema.type.kind) {
    case 'struct':
    case 'map':
      return 'map';
    case 'list':
      return 'list';
    case 'scalar':
      return 'scalar';
    default:
      if (value === undefined || value === null) return 'map';
      if (Array.isArray(value)) return 'list';
      return typeof value === 'object' ? 'map' : 'scalar';
  }
}

/** `true` when the map part of this schema is replaced whole (`ElementRelationship == Atomic`). @internal */
export function isAtomicMap(schema: ApplySchema): boolean {
  return schema.mapType === 'atomic';
}

/** `true` when the list part of this schema is replaced whole. @internal */
export function isAtomicList(schema: ApplySchema): boolean {
  return schema.listType === 'atomic' || schema.listType === undefined;
}

/** The object a map part reads, `undefined` for Go's nil map (absent, `null`, or not an object: Go ignores that error here). @internal */
export function mapOf(value: JsonValue | undefined): { readonly [key: string]: JsonValue } | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : undefined;
}

/** The array a list part reads, `undefined` for Go's nil list. @internal */
export function listOf(value: JsonValue | undefined): readonly JsonValue[] | undefined {
  return Array.isArray(value) ? value : undefined;
}
