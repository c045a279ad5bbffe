import type { ApplyStructDef, ApplyTable, ApplyTypeRef } from '../../src/apply/schema/ApplyType.js';

// kubepatch's apply schema (an ApplyTable and a root struct id) written as structured-merge-diff's
// own schema model (schema.Schema in sigs.k8s.io/structured-merge-diff/v4/schema/elements.go), as
// JSON, which typed.NewParser reads (YAML being a superset of JSON). The Go oracle of the updater
// tests (go/cmd/smd-oracle) types its objects with it.

/** A reference to a type: named, or inlined (one of scalar, list, map), as in `schema.TypeRef`. */
export interface SmdTypeRef {
  readonly namedType?: string;
  /** Beside `namedType`: overrides the named map's (or list's) own relationship. */
  readonly elementRelationship?: 'atomic' | 'separable' | 'associative';
  readonly scalar?: 'string' | 'numeric' | 'boolean' | 'untyped';
  readonly list?: { readonly elementType: SmdTypeRef; readonly elementRelationship: 'atomic' | 'associative'; readonly keys?: readonly string[] };
  readonly map?: SmdMap;
}

/** `schema.Map`: a map, or a struct when it has `fields`. */
export interface SmdMap {
  readonly fields?: readonly { readonly name: string; readonly type: SmdTypeRef; readonly default?: unknown }[];
  readonly elementType?: SmdTypeRef;
  readonly elementRelationship?: 'atomic' | 'separable';
}

/** One named type of the schema (`schema.TypeDef`): its atom inlined beside its name. */
export interface SmdTypeDef extends Omit<SmdTypeRef, 'namedType' | 'elementRelationship'> {
  readonly name: string;
}

/** `schema.Schema`. */
export interface SmdSchema {
  readonly types: readonly SmdTypeDef[];
}

/** kube-openapi's name of a value replaced whole, whatever it is (scalar, list or map). */
export const UNTYPED_ATOMIC = '__untyped_atomic_';
/** kube-openapi's name of a value with no schema, read from the value itself. */
export const UNTYPED_DEDUCED = '__untyped_deduced_';

/**
 * The two types kube-openapi adds to every schema it converts, as it defines them: `untyped`
 * atomic (a scalar, or an atomic list or map of itself), and `deduced` (a scalar, an atomic list
 * of `untyped`, or a separable map of `deduced`).
 */
export const untypedTypeDefs: readonly SmdTypeDef[] = [
  {
    name: UNTYPED_ATOMIC,
    scalar: 'untyped',
    list: { elementType: { namedType: UNTYPED_ATOMIC }, elementRelationship: 'atomic' },
    map: { elementType: { namedType: UNTYPED_ATOMIC }, elementRelationship: 'atomic' },
  },
  {
    name: UNTYPED_DEDUCED,
    scalar: 'untyped',
    list: { elementType: { namedType: UNTYPED_ATOMIC }, elementRelationship: 'atomic' },
    map: { elementType: { namedType: UNTYPED_DEDUCED }, elementRelationship: 'separable' },
  },
];

/** The structured-merge-diff type reference of a kubepatch type reference. */
export function smdTypeRef(type: ApplyTypeRef): SmdTypeRef {
  switch (type.kind) {
    case 'struct':
      return type.structType === undefined
        ? { namedType: type.ref }
        : { namedType: type.ref, elementRelationship: type.structType === 'atomic' ? 'atomic' : 'separable' };
    case 'list':
      return {
        list: {
          elementType: smdTypeRef(type.elem),
          elementRelationship: type.listType === 'atomic' ? 'atomic' : 'associative',
          ...(type.listType === 'map' ? { keys: type.keys ?? [] } : {}),
        },
      };
    case 'map':
      return { map: { elementType: smdTypeRef(type.elem), elementRelationship: type.mapType === 'atomic' ? 'atomic' : 'separable' } };
    case 'scalar':
      return { scalar: type.scalar };
    case 'deduced':
      return { namedType: UNTYPED_DEDUCED };
    case 'untyped':
      return { namedType: UNTYPED_ATOMIC };
  }
}

/**
 * The named type of a struct: a map with `fields` (each key field's default as the field's
 * `default`), `elementType` for the keys it does not declare (none: they are not part of the
 * schema, and structured-merge-diff refuses them), atomic when the struct is.
 */
export function smdStructDef(id: string, struct: ApplyStructDef): SmdTypeDef {
  const defaults = struct.keyDefaults ?? {};
  const fields = Object.entries(struct.fields).map(([name, type]) =>
    Object.hasOwn(defaults, name) ? { name, type: smdTypeRef(type), default: defaults[name] } : { name, type: smdTypeRef(type) },
  );
  return {
    name: id,
    map: {
      fields,
      ...(struct.otherFields === undefined ? {} : { elementType: smdTypeRef(struct.otherFields) }),
      ...(struct.structType === 'atomic' ? { elementRelationship: 'atomic' as const } : {}),
    },
  };
}

/**
 * The structured-merge-diff schema of `table`, and the name of its root type: every struct of the
 * table as a named type, in the table's order, then kube-openapi's two untyped types.
 *
 * @example
 * ```ts
 * smdSchemaFromTable({ root: { fields: { a: { kind: 'scalar', scalar: 'numeric' } } } }, 'root');
 * // → { schema: { types: [{ name: 'root', map: { fields: [{ name: 'a', type: { scalar: 'numeric' } }] } }, …] }, typeName: 'root' }
 * ```
 */
export function smdSchemaFromTable(table: ApplyTable, rootId: string): { readonly schema: SmdSchema; readonly typeName: string } {
  const types = Object.entries(table).map(([id, struct]) => smdStructDef(id, struct));
  return { schema: { types: [...types, ...untypedTypeDefs] }, typeName: rootId };
}

/** The schema of a value with no schema (`ApplySchema.deduced()`): the root is `__untyped_deduced_`. */
export function smdDeducedSchema(): { readonly schema: SmdSchema; readonly typeName: string } {
  return { schema: { types: untypedTypeDefs }, typeName: UNTYPED_DEDUCED };
}
